"""Budgeted, non-redundant selection of whole sentences, then reading order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from newsweave.types import Sentence


def select(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    eligible: np.ndarray,
    similarity: np.ndarray,
    budget: int,
    redundancy: float = 0.55,
    min_words: int = 6,
) -> list[int]:
    """Pick sentences by descending score while they fit ``budget`` words and repeat nothing.

    Ties break on input order so the result is deterministic.
    """
    order = sorted(
        (i for i in range(len(sentences)) if eligible[i]), key=lambda i: (-float(scores[i]), i)
    )
    chosen: list[int] = []
    seen_text: set[str] = set()
    used = 0
    for i in order:
        w = sentences[i].words
        if used + w > budget:
            if budget - used < min_words:
                break
            continue
        key = " ".join(sentences[i].text.lower().split())
        if key in seen_text:
            continue
        if chosen and float(similarity[i, chosen].max()) >= redundancy:
            continue
        chosen.append(i)
        seen_text.add(key)
        used += w
    if not chosen and order:
        chosen = [order[0]]
    return chosen


def reading_order(
    sentences: Sequence[Sentence], chosen: Sequence[int], article_order: Mapping[str, int]
) -> list[int]:
    """Leads first, interleaving articles; within an article, document order.

    A brief must not open on a sentence that leans on an earlier one ("He said ..."): the
    first sentence that stands alone (earliest position first) is moved to the front.
    """
    from newsweave.summarize.features import DEPENDENT_START

    order = sorted(
        chosen,
        key=lambda i: (sentences[i].index, article_order.get(sentences[i].article, 0)),
    )
    for k, i in enumerate(order):
        if not DEPENDENT_START.match(sentences[i].text):
            if k:
                order.insert(0, order.pop(k))
            break
    return order
