"""Budgeted, non-redundant selection of whole sentences, then reading order."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsweave.options import ALIGN_THRESHOLD, REDUNDANCY
from newsweave.summarize.lexical import tokens
from newsweave.types import Sentence


def select(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    eligible: np.ndarray,
    similarity: np.ndarray,
    budget: int,
    redundancy: float = REDUNDANCY,
    min_words: int = 6,
    block_ngram: int = 4,
    repeats: Callable[[int, list[int]], bool] | None = None,
) -> list[int]:
    """Pick sentences by descending score while they fit ``budget`` words and repeat nothing.

    A candidate repeats a chosen sentence when their TF-IDF cosine reaches ``redundancy`` or
    when it shares a run of ``block_ngram`` words with any chosen sentence (0 turns that
    check off): outlets that copy a wire story reuse its phrases in reworded sentences.
    ``repeats(i, chosen)``, when given, is a further redundancy test (the support check's
    paraphrase test, :class:`newsweave.align.cite.Paraphrases`), asked last.
    Ties break on input order so the result is deterministic.
    """
    order = sorted(
        (i for i in range(len(sentences)) if eligible[i]), key=lambda i: (-float(scores[i]), i)
    )
    chosen: list[int] = []
    seen_text: set[str] = set()
    seen_grams: set[tuple[str, ...]] = set()
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
        grams = _ngrams(sentences[i].text, block_ngram)
        if grams & seen_grams:
            continue
        if repeats is not None and repeats(i, chosen):
            continue
        chosen.append(i)
        seen_text.add(key)
        seen_grams |= grams
        used += w
    if not chosen and order:
        chosen = [order[0]]
    return chosen


def _ngrams(text: str, n: int) -> set[tuple[str, ...]]:
    if n <= 0:
        return set()
    t = tokens(text)
    return {tuple(t[k : k + n]) for k in range(len(t) - n + 1)}


def reading_order(
    sentences: Sequence[Sentence],
    chosen: Sequence[int],
    article_order: Mapping[str, int],
    similarity: np.ndarray | None = None,
    near: float = ALIGN_THRESHOLD,
) -> list[int]:
    """Leads first, interleaving articles; within an article, document order.

    A sentence that leans on the one before it ("He said ...", "This letter ...") or goes on
    with a quotation that the sentence before it opened follows the previous chosen sentence
    of its own article instead of another outlet's; and the brief opens on a sentence that
    stands alone (the earliest such one is moved to the front). When the sentence it leans on
    was not chosen (a gap in its article) and another chosen sentence says much the same as
    that missing one would (TF-IDF cosine >= ``near`` in ``similarity``, and closer than the
    own-article sentence), it follows that sentence instead: "It is the first letter of the
    word muqawama" goes after another outlet's "The letter 'm' ... for the word mukawama".
    """
    from newsweave.summarize.features import DEPENDENT_START

    def key(i: int) -> tuple[int, int]:
        return sentences[i].index, article_order.get(sentences[i].article, 0)

    order = sorted(chosen, key=key)
    by_article: dict[str, list[int]] = {}
    for i in sorted(chosen, key=lambda i: sentences[i].index):
        by_article.setdefault(sentences[i].article, []).append(i)
    attached: dict[int, list[int]] = {}  # anchor -> dependents that follow it
    for idx in by_article.values():
        anchor = None
        prev = None
        for i in idx:
            continues_quote = (
                prev is not None
                and sentences[i].index == sentences[prev].index + 1
                and _opens_quote(sentences[prev].text)
            )
            if anchor is not None and (continues_quote or DEPENDENT_START.match(sentences[i].text)):
                attached.setdefault(anchor, []).append(i)
            else:
                anchor = i
            prev = i
    if similarity is not None:
        _reanchor(sentences, chosen, attached, similarity, near)
    followers = {i for deps in attached.values() for i in deps}
    out: list[int] = []
    for i in order:
        if i not in followers:
            out.append(i)
            out.extend(attached.get(i, []))
    for k, i in enumerate(out):
        if i not in followers and not DEPENDENT_START.match(sentences[i].text):
            if k:  # the opening sentence moves to the front with the sentences that follow it
                group = [i, *attached.get(i, [])]
                moved = set(group)
                out = group + [j for j in out if j not in moved]
            break
    return out


def _reanchor(
    sentences: Sequence[Sentence],
    chosen: Sequence[int],
    attached: dict[int, list[int]],
    similarity: np.ndarray,
    near: float,
) -> None:
    """Move a dependent sentence whose own antecedent was not chosen (with the sentences that
    follow on from it) to the chosen anchor it is most similar to; changes ``attached``."""
    from newsweave.summarize.features import DEPENDENT_START

    followers = {i for deps in attached.values() for i in deps}
    anchors = sorted(i for i in chosen if i not in followers)
    for anchor in anchors:
        deps = attached.get(anchor, [])
        for k, i in enumerate(deps):
            prev = anchor if k == 0 else deps[k - 1]
            if sentences[i].index == sentences[prev].index + 1:
                continue
            if not DEPENDENT_START.match(sentences[i].text):
                continue
            best, best_sim = anchor, float(similarity[i, anchor])
            for j in anchors:
                # Another outlet's sentence only: within its own article a sentence keeps
                # document order.
                if sentences[j].article == sentences[i].article:
                    continue
                if float(similarity[i, j]) > best_sim:
                    best, best_sim = j, float(similarity[i, j])
            if best != anchor and best_sim >= near:
                attached[anchor], moved = deps[:k], deps[k:]
                attached.setdefault(best, []).extend(moved)
                break


def _opens_quote(text: str) -> bool:
    """The sentence leaves a quotation open (the next one goes on quoting)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1
