"""Facts reported by at least two independent sources."""

from __future__ import annotations

from typing import Any

import numpy as np

from newsweave.align.support import Alignment


def agreements(al: Alignment, order: dict[str, int], limit: int = 20) -> list[dict[str, Any]]:
    """One item per information unit confirmed by >= 2 independent sources.

    The text shown is the unit's most central sentence (highest mean similarity to the rest
    of the unit), verbatim; ``sources`` lists every article in the unit, in input order.
    Items come strongest first (most independent sources, then earliest).
    """
    out = []
    for unit in al.units:
        if unit.independent < 2:
            continue
        idx = unit.sentences
        sub = al.similarity[np.ix_(idx, idx)]
        best = idx[int(np.argmax(sub.sum(axis=1)))]
        s = al.sentences[best]
        out.append(
            {
                "text": s.text,
                "sources": sorted(unit.articles, key=lambda a: order.get(a, 0)),
                "independent_sources": unit.independent,
                "sentence": {"article": s.article, "start": s.start, "end": s.end},
            }
        )
    out.sort(key=lambda d: (-d["independent_sources"], order.get(d["sentence"]["article"], 0)))
    return out[:limit]


def fact_agreements(
    timeline: list[dict[str, Any]],
    groups: dict[str, str],
    order: dict[str, int],
    existing: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Dated events reported by >= 2 independent sources (the same day or month), which
    sentence similarity alone often misses ("Mosul fell in June 2014" / "ISIS captured Mosul
    on June 2014")."""
    seen = {(d["sentence"]["article"], d["sentence"]["start"]) for d in existing}
    out = []
    for item in timeline:
        independent = len({groups.get(a, a) for a in item["sources"]})
        if independent < 2 or item["date"] is None:
            continue
        ref = item["sentence"][0]
        if (ref["article"], ref["start"]) in seen:
            continue
        out.append(
            {
                "text": item["text"],
                "sources": sorted(item["sources"], key=lambda a: order.get(a, 0)),
                "independent_sources": independent,
                "sentence": item["sentence"],
                "date": item["date"],
            }
        )
    return out
