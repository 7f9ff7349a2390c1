"""Selection settings replayed on cached held-out scores (issue 12): the unit-length exponent
(``summarize.units.LENGTH_EXPONENT``) jointly with the hard redundancy threshold (TF-IDF
cosine, ``options.REDUNDANCY``).

The scorer does not depend on selection, so each fold's held-out scores (the shipped method of
bench/cv5.py trained on the other four folds) are computed once per fold seed and every
setting replays only ``summarize.units.choose`` on them, scored as in cv5.py. Prints, per
setting, the mean over the given fold seeds of the 5-fold means (R1 / R2) and the readability
shares of the held-out brief sentences.

    python bench/select_grid.py [--seeds 0,1,2,3] [--g 0.2,0.3,0.4] [--red 0.5,0.55,0.6]
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cv5 import FILES, Cluster, Result, folds5, quadratic_trainer, score, summary  # noqa: E402
from learners import cached_clusters  # noqa: E402
from newsweave.options import BriefOptions  # noqa: E402
from newsweave.summarize import units  # noqa: E402


def held_out_scores(cs: Sequence[Cluster], seed: int) -> list[list[tuple[Cluster, np.ndarray]]]:
    """Per fold of fold seed ``seed``: each held-out cluster with its held-out scores."""
    by_id = {c.id: c for c in cs}
    out = []
    for test in folds5(list(by_id), seed):
        held = set(test)
        scorer = quadratic_trainer([c for c in cs if c.id not in held])
        out.append([(by_id[i], scorer(by_id[i].table) if by_id[i].table is not None else
                     np.zeros(0)) for i in test])
    return out


def replay(folds: list[list[tuple[Cluster, np.ndarray]]], g: float, red: float
           ) -> list[list[Result]]:
    opts = BriefOptions(analyze=False)
    saved = units.LENGTH_EXPONENT
    units.LENGTH_EXPONENT = g
    try:
        out = []
        for fold in folds:
            rows = []
            for c, s in fold:
                if c.table is None:
                    rows.append(Result(0.0, 0.0, 0))
                    continue
                eligible = c.table.eligible
                if not eligible.any():
                    eligible = np.array([any(ch.isalnum() for ch in x.text) for x in c.sentences])
                ids = units.choose(c.sentences, s, eligible, c.similarity, c.budget, c.order,
                                   red, opts.min_words)
                rows.append(score(c, ids))
            out.append(rows)
        return out
    finally:
        units.LENGTH_EXPONENT = saved


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(not p.is_file() for p in FILES):
        print("no data at ../shared/data; nothing to measure")
        return

    def floats(flag: str, default: list[float]) -> list[float]:
        return [float(x) for x in args[args.index(flag) + 1].split(",")] if flag in args \
            else default

    seeds = [int(x) for x in floats("--seeds", [0, 1, 2, 3])]
    gs = floats("--g", [units.LENGTH_EXPONENT])
    reds = floats("--red", [BriefOptions(analyze=False).redundancy])
    cs = cached_clusters()
    cached = {seed: held_out_scores(cs, seed) for seed in seeds}
    print(f"fold seeds {seeds}")
    print(f"{'g':>5} {'red':>5} {'R1':>6} {'R2':>6} {'quote%':>7} {'dangl%':>7}  per seed")
    for g in gs:
        for red in reds:
            per_seed, quotes, dangling = [], [], []
            for seed in seeds:
                per_fold = replay(cached[seed], g, red)
                folds = [summary(rows) for rows in per_fold]
                per_seed.append((float(np.mean([f["r1"] for f in folds])),
                                 float(np.mean([f["r2"] for f in folds]))))
                whole = summary([r for rows in per_fold for r in rows])
                quotes.append(whole["quotes"])
                dangling.append(whole["dangling"])
            each = ", ".join(f"{a:.2f}/{b:.2f}" for a, b in per_seed)
            print(f"{g:5.2f} {red:5.2f} {np.mean([p[0] for p in per_seed]):6.2f} "
                  f"{np.mean([p[1] for p in per_seed]):6.2f} {max(quotes):7.2f} "
                  f"{max(dangling):7.2f}  [{each}]", flush=True)


if __name__ == "__main__":
    main()
