"""Facts reported by at least two independent sources."""

from __future__ import annotations

from typing import Any

import numpy as np

from newsweave.align.support import Alignment
from newsweave.analyze.items import TimelineEvent
from newsweave.text.tokens import tokenize


def agreements(al: Alignment, order: dict[str, int], limit: int = 20) -> list[dict[str, Any]]:
    """One item per information unit confirmed by >= 2 independent sources.

    The text shown is the unit's most central sentence (highest mean similarity to the rest
    of the unit; the shorter one on a tie), verbatim; ``sources`` lists every article in the
    unit, in input order.
    Items come strongest first (most independent sources, then earliest).
    """
    out = []
    for unit in al.units:
        if unit.independent < 2:
            continue
        idx = unit.sentences
        sub = al.similarity[np.ix_(idx, idx)]
        central = sub.sum(axis=1)
        # ties (always, in a unit of two) go to the shorter sentence: it claims less
        # beyond what the other sources confirm
        best = min(
            (i for k, i in enumerate(idx) if central[k] >= central.max() - 1e-6),
            key=lambda i: (al.sentences[i].words, i),
        )
        s = al.sentences[best]
        if len(tokenize(s.text, "prose")) < 6:
            continue  # a tweet signature or a byline, not a fact
        # one sentence per source, the shown one first, so every citation has its sentence
        refs = [s]
        for i in idx:
            t = al.sentences[i]
            if all(t.article != r.article for r in refs):
                refs.append(t)
        out.append(
            {
                "text": s.text,
                "sources": sorted(unit.articles, key=lambda a: order.get(a, 0)),
                "independent_sources": unit.independent,
                "sentence": [{"article": r.article, "start": r.start, "end": r.end}
                             for r in refs],
            }
        )
    out.sort(key=lambda d: (-d["independent_sources"],
                            order.get(d["sentence"][0]["article"], 0)))
    return out[:limit]


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
