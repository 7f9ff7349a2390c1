"""Facts reported by at least two independent sources, each stating the fact in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsweave.align.check import FULL, Checker, check
from newsweave.align.support import Alignment
from newsweave.analyze.items import Conflict, TimelineEvent
from newsweave.text.tokens import tokenize

MAX_UNIT_PAIRS = 20_000  # sentence pairs of one information unit that are checked


def confirms(fact: str, other: str, checker: Checker | None = None) -> bool:
    """``other`` states all of ``fact``, contradicting none of it (support check: full).
    (Asking also that ``fact`` state part of ``other`` kept 15 of the 17 judged-true
    agreements of trust-dev20 that this keeps, and no judged-false one either way.)"""
    return (checker.check if checker else check)(fact, other).label == FULL


def agreements(al: Alignment, order: dict[str, int], groups: dict[str, str] | None = None,
               limit: int = 20) -> list[dict[str, Any]]:
    """Facts that two or more independent sources state with full support of each other.

    Within each information unit (linked sentences), an agreement is one sentence (the fact
    shown) with, per other original source, a sentence that states it in full
    (:func:`confirms`). The sentence shown is the one confirmed by
    most sources (the shorter on a tie). A sentence takes part in one agreement at most.
    Strongest first (most independent sources, then earliest).
    """
    groups = groups or {}
    sents = al.sentences
    out = []
    for unit in al.units:
        if unit.independent < 2:
            continue
        idx = [i for i in unit.sentences if len(tokenize(sents[i].text, "prose")) >= 6]
        if len(idx) < 2:
            continue
        pairs = 0
        friends: dict[int, list[int]] = {i: [] for i in idx}
        for x, i in enumerate(idx):
            gi = groups.get(sents[i].article, sents[i].article)
            for j in idx[x + 1:]:
                if groups.get(sents[j].article, sents[j].article) == gi:
                    continue
                pairs += 1
                if pairs > MAX_UNIT_PAIRS:
                    break
                if confirms(sents[i].text, sents[j].text, al.checker):
                    friends[i].append(j)
                if confirms(sents[j].text, sents[i].text, al.checker):
                    friends[j].append(i)
        used: set[int] = set()
        while True:
            best = None
            for i in idx:
                if i in used:
                    continue
                srcs = {groups.get(sents[j].article, sents[j].article)
                        for j in friends[i] if j not in used}
                srcs.discard(groups.get(sents[i].article, sents[i].article))
                key = (len(srcs), -sents[i].words, -i)
                if srcs and (best is None or key > best[0]):
                    best = (key, i)
            if best is None:
                break
            i = best[1]
            refs = [sents[i]]
            taken = {groups.get(sents[i].article, sents[i].article)}
            for j in sorted(friends[i], key=lambda j: (order.get(sents[j].article, 0), j)):
                g = groups.get(sents[j].article, sents[j].article)
                if j in used or g in taken:
                    continue
                taken.add(g)
                refs.append(sents[j])
            used.update([i, *friends[i]])
            out.append({
                "text": sents[i].text,
                "sources": sorted({r.article for r in refs}, key=lambda a: order.get(a, 0)),
                "independent_sources": len(taken),
                "sentence": [{"article": r.article, "start": r.start, "end": r.end}
                             for r in refs],
            })
    out.sort(key=lambda d: (-d["independent_sources"],
                            order.get(d["sentence"][0]["article"], 0)))
    return out[:limit]


def confirmed(items: list[dict[str, Any]], text_of: dict[tuple[str, int], str],
              groups: dict[str, str], order: dict[str, int],
              conflicts: Sequence[Conflict] = ()) -> list[dict[str, Any]]:
    """Agreement items whose every sentence confirms the shown one (:func:`confirms`); other
    sentences are dropped, and so is any sentence that is also in a conflict with
    another sentence of the item. Items left with one independent source go."""
    clash: set[frozenset[tuple[str, int]]] = set()
    for c in conflicts:  # claims of one value (a merged conflict's "12" and "at least 12")
        for x in c.claims:  # do not clash with each other
            for y in c.claims:
                if x.sentence != y.sentence and (x.figure is None or x.figure != y.figure):
                    clash.add(frozenset(((x.sentence.article, x.sentence.start),
                                         (y.sentence.article, y.sentence.start))))
    out = []
    for item in items:
        refs = item["sentence"]
        head = (refs[0]["article"], refs[0]["start"])
        text = text_of.get(head, item["text"])
        keep = [refs[0]]
        for r in refs[1:]:
            key = (r["article"], r["start"])
            if frozenset((head, key)) in clash or any(
                    frozenset((key, (k["article"], k["start"]))) in clash for k in keep):
                continue
            other = text_of.get(key)
            if other is not None and confirms(text, other):
                keep.append(r)
        arts = sorted({r["article"] for r in keep}, key=lambda a: order.get(a, 0))
        independent = len({groups.get(a, a) for a in arts})
        if independent < 2:
            continue
        new = dict(item)
        new["sentence"] = keep
        new["sources"] = arts
        new["independent_sources"] = independent
        out.append(new)
    return out


def fact_agreements(
    timeline: list[TimelineEvent],
    groups: dict[str, str],
    order: dict[str, int],
    existing: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Dated events reported by >= 2 independent sources (the same day or month), which
    sentence similarity alone often misses ("Mosul fell in June 2014" / "ISIS captured Mosul
    on June 2014")."""
    items = []
    for item in timeline:
        if item.date is None or len({groups.get(a, a) for a in item.sources}) < 2:
            continue
        items.append({"text": item.text, "sources": list(item.sources),
                      "sentence": [r.to_dict() for r in item.sentence], "date": item.date})
    return merge_agreements(existing, items, groups, order)


def merge_agreements(
    existing: list[dict[str, Any]],
    items: list[dict[str, Any]],
    groups: dict[str, str],
    order: dict[str, int],
) -> list[dict[str, Any]]:
    """New agreement items; one whose sentence is shown already adds its sources there."""
    seen = {(d["sentence"][0]["article"], d["sentence"][0]["start"]): d for d in existing}
    out = []
    for item in items:
        ref = item["sentence"][0]
        same = seen.get((ref["article"], ref["start"]))
        if same is not None:
            for key in ("date", "about", "values"):  # what the new item adds to the shown one
                if key in item:
                    same.setdefault(key, item[key])
            extra = [a for a in item["sources"] if a not in same["sources"]]
            if extra:
                same["sources"] = sorted([*same["sources"], *extra],
                                         key=lambda a: order.get(a, 0))
                same["independent_sources"] = len({groups.get(a, a) for a in same["sources"]})
                same["sentence"] += [r for r in item["sentence"] if r["article"] in extra]
            continue
        new = dict(item)
        new["sources"] = sorted(item["sources"], key=lambda a: order.get(a, 0))
        new["independent_sources"] = len({groups.get(a, a) for a in new["sources"]})
        seen[(ref["article"], ref["start"])] = new
        out.append(new)
    return out
