"""Citations that mean support: which articles state a brief sentence's information.

For a sentence ``i`` every other article is a candidate whose best-matching sentences (the
``CANDIDATES`` closest by TF-IDF cosine, at or above ``CITE_FLOOR``) go through the support
check (:func:`newsweave.align.check.check`). An article is cited when one of them supports the
sentence fully or partly (full preferred, then the closer one); one whose best verdict is
"contradicts" is not cited but kept in ``disputed``, a candidate conflict for the analysis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from newsweave.align.check import CONTRADICTS, FULL, PARTIAL
from newsweave.align.support import Alignment
from newsweave.types import Sentence

CANDIDATES = 3  # sentences per article that are checked
CITE_FLOOR = 0.12  # cosine below which a sentence is not evidence for another


@dataclass(frozen=True, slots=True)
class Citation:
    sources: tuple[str, ...]  # own article first, then input order
    evidence: tuple[Sentence, ...]  # per source, the sentence that states it
    support: tuple[str, ...]  # "full" / "partial" per source (own: "full")
    independent: int  # distinct original sources among the fully supporting ones
    disputed: tuple[Sentence, ...]  # sentences of other articles that contradict it


def cite(
    al: Alignment,
    i: int,
    order: Mapping[str, int],
    groups: Mapping[str, str],
    extra: Iterable[int] = (),
) -> Citation:
    """The citation of sentence ``i``; ``extra`` are sentences (indexes) known to state the
    same information (a paraphrase the brief left out), cited as full."""
    sents = al.sentences
    own = sents[i]
    row = al.similarity.row(i)
    idx = np.flatnonzero(row >= CITE_FLOOR)
    # best first, ties in index order: a stable sort of the negated float32 cosines (float32
    # to float is exact and keeps the order, so the same as sorting on (-float(row[j]), j))
    ranked = idx[np.argsort(-row[idx], kind="stable")].tolist()
    per_article: dict[str, list[int]] = {}
    for j in ranked:
        art = sents[j].article
        if art == own.article:
            continue
        lst = per_article.setdefault(art, [])
        if len(lst) < CANDIDATES:
            lst.append(j)
    found: dict[str, tuple[int, str]] = {}
    for j in extra:  # a paraphrase left out: cited as the check finds it (the gate included)
        if sents[j].article != own.article and sents[j].article not in found:
            label = al.checker.check(own.text, sents[j].text).label
            if label in (FULL, PARTIAL):
                found[sents[j].article] = (j, label)
    disputed: list[Sentence] = []
    for art, cands in per_article.items():
        if art in found:
            continue
        best: tuple[int, str] | None = None
        clash: int | None = None
        for j in cands:
            label = al.checker.check(own.text, sents[j].text).label
            if label == FULL:
                best = (j, FULL)
                break
            if label == PARTIAL and best is None:
                best = (j, PARTIAL)
            elif label == CONTRADICTS and clash is None:
                clash = j
        if best is not None:
            found[art] = best
        elif clash is not None:
            disputed.append(sents[clash])
    rest = sorted(found, key=lambda a: (order.get(a, 0), a))
    sources = (own.article, *rest)
    evidence = (own, *(sents[found[a][0]] for a in rest))
    support = (FULL, *(found[a][1] for a in rest))
    full = [a for a, s in zip(sources, support, strict=True) if s == FULL]
    independent = len({groups.get(a, a) for a in full})
    disputed.sort(key=lambda s: (order.get(s.article, 0), s.index))
    return Citation(sources, evidence, support, independent, tuple(disputed))


PARAPHRASE_FLOOR = 0.2  # cosine below which two sentences are not compared as paraphrases


class Paraphrases:
    """Redundancy by the support check, for selection: a candidate that a chosen sentence
    states fully (and that states at least part of the chosen one), or the other way round,
    says the same thing. ``merged[kept]`` lists the candidates left out for it, so the kept
    sentence cites their sources too."""

    def __init__(self, al: Alignment) -> None:
        self.al = al
        self.merged: dict[int, list[int]] = {}

    def same(self, i: int, j: int) -> bool:
        a, b = self.al.sentences[i].text, self.al.sentences[j].text
        chk = self.al.checker.rules  # the rules alone: redundancy wants recall, not precision
        ab = chk(a, b).label
        if ab not in (FULL, PARTIAL):  # then no ``ba`` makes them the same: skip that check
            return False
        ba = chk(b, a).label
        return (ab == FULL and ba in (FULL, PARTIAL)) or (ba == FULL and ab in (FULL, PARTIAL))

    def __call__(self, i: int, chosen: list[int]) -> bool:
        if not chosen:
            return False
        row = self.al.similarity.row(i)
        for j in sorted(chosen, key=lambda j: (-float(row[j]), j)):
            if float(row[j]) < PARAPHRASE_FLOOR:
                break
            if self.same(i, j):
                self.merged.setdefault(j, []).append(i)
                return True
        return False
