"""Lead-consensus and within-article features for the scorer (issue 12, session 27
experiment, not shipped), each added as one more column of the quadratic scorer and measured
with the `bench/cv5.py` protocol (cached clusters of `bench/learners.py`).

- ``lead_other``: mean over the other articles of the best cosine to their first 3 eligible
  sentences; ``first_other``: best cosine to another article's first eligible sentence;
  ``lead_mean``: mean cosine to the first 2 eligible sentences of every article (itself left
  out) -- news summaries follow the ledes the outlets agree on.
- ``art_rank``: rank of the sentence's ``soft_support`` within its article (1 best);
  ``art_gap``: its ``pair_sources`` less its article's best -- what an article says most.
- ``num_shared``: share of the sentence's numbers another article also gives.

    python bench/leadfeat.py [--seeds 0,1,2,3] base lead_other art_rank ... (a,b for several)
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsweave.summarize.features import FeatureTable  # noqa: E402

NUMBER = re.compile(r"\d[\d,.]*")
LEADS = 3


def _column(c, name: str, sim: np.ndarray, arts: list[str], leads: dict[str, list[int]]
            ) -> np.ndarray:
    n, el = len(arts), c.table.eligible
    v = np.zeros(n, dtype=np.float32)
    others = {a: [b for b in leads if b != a and leads[b]] for a in leads}
    if name == "lead_other":
        for i in range(n):
            vals = [sim[i, leads[b]].max() for b in others[arts[i]]]
            v[i] = np.mean(vals) if vals else 0.0
    elif name == "first_other":
        for i in range(n):
            v[i] = max((sim[i, leads[b][0]] for b in others[arts[i]]), default=0.0)
    elif name == "lead_mean":
        cols = [j for a in leads for j in leads[a][:2]]
        if cols:
            m = sim[:, cols].astype(np.float64)
            m[cols, np.arange(len(cols))] = np.nan
            v = np.nan_to_num(np.nanmean(m, axis=1)).astype(np.float32)
    elif name in ("art_rank", "art_gap"):
        base = c.table.column("soft_support" if name == "art_rank" else "pair_sources")
        for a in leads:
            rows = np.array([i for i in range(n) if arts[i] == a and el[i]], dtype=int)
            if not len(rows):
                continue
            if name == "art_rank":
                order = np.argsort(-base[rows], kind="stable")
                v[rows[order]] = 1.0 - np.arange(len(rows)) / len(rows)
            else:
                v[rows] = base[rows] - base[rows].max()
    elif name == "num_shared":
        nums = [set(NUMBER.findall(s.text)) for s in c.sentences]
        by_art: dict[str, set[str]] = {a: set() for a in leads}
        for i in range(n):
            by_art[arts[i]] |= nums[i]
        for i in range(n):
            if nums[i]:
                seen = set().union(*(by_art[b] for b in leads if b != arts[i]))
                v[i] = len(nums[i] & seen) / len(nums[i])
    else:
        raise SystemExit(f"unknown feature {name!r}")
    return v


def with_features(cs, names: list[str]):
    out = []
    for c in cs:
        if c.table is None:
            out.append(c)
            continue
        sim = c.similarity.toarray() if hasattr(c.similarity, "toarray") else c.similarity
        arts = [s.article for s in c.sentences]
        leads: dict[str, list[int]] = {a: [] for a in sorted(set(arts))}
        for i, a in enumerate(arts):
            if c.table.eligible[i] and len(leads[a]) < LEADS:
                leads[a].append(i)
        cols = np.stack([_column(c, n, sim, arts, leads) for n in names], axis=1)
        out.append(replace(c, table=FeatureTable(c.table.names + tuple(names),
                                                 np.hstack([c.table.values, cols]),
                                                 c.table.eligible)))
    return out


def main(argv: list[str]) -> None:
    from cv5 import quadratic_trainer
    from learners import cached_clusters, report_seeds, seeds_arg
    from readability import FILES

    if any(not p.is_file() for p in FILES):
        print("no data at ../shared/data; nothing to cross-validate")
        return
    seeds, argv = seeds_arg(argv)
    cs = cached_clusters()
    for spec in argv or ["base"]:
        data = cs if spec == "base" else with_features(cs, spec.split(","))
        report_seeds(spec, data, quadratic_trainer, seeds)


if __name__ == "__main__":
    main(sys.argv[1:])
