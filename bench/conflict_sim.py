"""Precision / recall of a similarity floor on every judged conflict pair.

    python bench/conflict_sim.py [--span N]

Reads the unique judged pairs of bench/conflict_cv.py (:func:`conflict_cv.load`, every
bench/judged_conflicts_*.jsonl packet included), scores each with
:func:`newsweave.analyze.conflict_sim.similarity`, and splits the clusters in two by a hash
of the cluster id (``pick``: half the clusters; ``report``: the other half; no cluster in
both). The floor is chosen on ``pick`` (the lowest floor whose precision there reaches
TARGET with at least 5 shown), for the similarity alone and for the similarity AND the rules
(the rules kept as vetoes), and reported on ``report``. Then the same with the halves swapped.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
TARGET = 0.9
GRID = tuple(round(x, 3) for x in np.arange(0.0, 1.0, 0.025))


def half(cluster: str) -> int:
    return int(hashlib.md5(cluster.encode()).hexdigest(), 16) % 2


def pick(sim: np.ndarray, y: np.ndarray, gate: np.ndarray) -> float:
    for t in GRID:
        s = gate & (sim >= t)
        if s.sum() >= 5 and y[s].mean() >= TARGET:
            return t
    return 1.01


def fig(s: np.ndarray, y: np.ndarray) -> str:
    tp = int((s & y).sum())
    p = f"{tp}/{int(s.sum())} ({tp / s.sum():.0%})" if s.sum() else "0/0"
    return f"precision {p}, recall {tp}/{int(y.sum())}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--span", type=int, default=None)
    ap.add_argument("--table", action="store_true")
    args = ap.parse_args()
    from conflict_cv import featurize, load
    from newsweave.analyze import conflict_gate as cg
    from newsweave.analyze.conflict_sim import SPAN, similarity

    span = args.span if args.span is not None else SPAN
    rows = load()
    x = featurize(rows)
    rule = x[:, cg.NAMES.index("rule_ok")] == 1.0
    y = np.array([r["label"] == "true" for r in rows])
    sim = np.array([similarity(r["claims"][0]["sentence"], r["claims"][0]["value"],
                               r["claims"][1]["sentence"], r["claims"][1]["value"], span)
                    for r in rows])
    h = np.array([half(r.get("cluster", "?")) for r in rows])
    n_cl = len({r.get("cluster") for r in rows})
    print(f"{len(rows)} judged pairs ({int(y.sum())} true), {n_cl} clusters; span {span}; "
          f"floor for precision >= {TARGET:.0%} on one half of the "
          f"clusters, reported on the other")
    allm = np.ones(len(y), dtype=bool)
    print(f"  rules alone, all: {fig(rule, y)}")
    if args.table:
        for t in GRID[::2]:
            print(f"  floor {t:.3f}: sim alone {fig(sim >= t, y)} | sim AND rules "
                  f"{fig(rule & (sim >= t), y)}")
    for name, gate in (("similarity alone", allm), ("similarity AND rules", rule)):
        for p_half in (0, 1):
            pm, rm = h == p_half, h != p_half
            t = pick(sim[pm], y[pm], gate[pm])
            print(f"  {name}: floor {t} picked on half {p_half} "
                  f"({fig(gate[pm] & (sim[pm] >= t), y[pm])}); on half {1 - p_half}: "
                  f"{fig(gate[rm] & (sim[rm] >= t), y[rm])}; rules alone there "
                  f"{fig(rule[rm], y[rm])}")


if __name__ == "__main__":
    main()
