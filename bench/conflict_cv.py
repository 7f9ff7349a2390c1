"""Grouped cross-validation of the learned conflict gate (analyze/conflict_gate.py).

    python bench/conflict_cv.py [--fit]

Reads every unique judged conflict pair (bench/trust_pairs.jsonl kind "conflict" and
bench/conflict_pairs.jsonl), never one of a cluster in /work/coord/reserved_trust.txt, computes
:func:`newsweave.analyze.conflict_gate.features` and scores a logistic regression by
cross-validation grouped by cluster (no cluster is scored by a model fitted on it). The
threshold is chosen inside each outer fold by an inner grouped cross-validation on the
training clusters only (the lowest threshold whose inner precision is >= TARGET), then applied
to the held-out clusters. Gates: the rules alone (what the brief ships since the c1 packet;
in-sample, the rules were written from these pairs), the model alone (the rule's verdict and
reason are among its features), the rules AND the model, and the old gate of 9a754a7 (the
rules on cased text, the model alone on lower-cased text). Figures: all pairs, raw (cased)
clusters, lower-cased ones. The c1 packet (bench/judged_conflicts_c1.jsonl) is read too.
``--fit`` fits on all pairs and prints the constants for conflict_gate.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
JUDGED = (HERE / "trust_pairs.jsonl", HERE / "conflict_pairs.jsonl",
          HERE / "judged_conflicts_c1.jsonl", HERE / "judged_conflicts_c1b.jsonl",
          HERE / "judged_conflicts_d29.jsonl", HERE / "judged_conflicts_tr.jsonl",
          HERE / "judged_conflicts_d31.jsonl")
RESERVED = Path("/work/coord/reserved_trust.txt")
TARGET = 0.9
GRID = tuple(round(x, 3) for x in np.arange(0.05, 0.96, 0.025))
FOLDS = 10


def _normal(r: dict) -> dict:
    """A judged row in the form of conflict_pairs.jsonl: ``label`` from ``judge1`` (the c1
    packet) and ``source`` as the brief passes it to the gate (compare_quantities: "loose";
    disputed_conflicts: "check"; figure_conflicts: "figure"). The c1 packet's shown rows carry
    no source: their ``about`` says which pass wrote them ("number of people" / "distance":
    compare_quantities; a kind word after the noun: disputed_conflicts; else figures)."""
    r = dict(r)
    if "label" not in r and "judge1" in r:
        r["label"] = r["judge1"]["label"]
    if r.get("set", "").startswith(("trust-c1", "trustconf-")) and not r.get("source"):
        about = r["about"]
        if not r.get("shown", True) or about in ("number of people", "distance"):
            r["source"] = "loose"
        elif about.endswith(("arrested", "killed", "injured", "missing", "evacuated",
                             "rescued", "who stayed", "without power")):
            r["source"] = "check"
        else:
            r["source"] = "figure"
    return r


def load() -> list[dict]:
    from trust import _unique_conflicts

    reserved = set(RESERVED.read_text().split()) if RESERVED.exists() else set()
    rows = [json.loads(line) for p in JUDGED if p.exists()
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [_normal(r) for r in rows]
    rows = [r for r in rows if r.get("kind") == "conflict" and r["label"] in ("true", "false")
            and not r["about"].startswith("date")]
    return [r for r in _unique_conflicts(rows) if r.get("cluster", "?") not in reserved]


def featurize(rows: list[dict]) -> np.ndarray:
    from newsweave.analyze.conflict_gate import features
    from newsweave.analyze.conflicts import _DISTANCE_HEADS
    from newsweave.analyze.samefact import head_of

    out = []
    for r in rows:
        a, b = r["claims"][:2]
        dist = "distance" in r["about"] or any(
            u in (a["value"] + b["value"]).lower() for u in ("mile", "kilomet", " km")) or (
            head_of(a["sentence"], a["value"]) in _DISTANCE_HEADS)
        out.append(features(a["sentence"], a["value"], b["sentence"], b["value"],
                            r.get("source", ""), dist))
    return np.array(out, dtype=np.float64)


def _model(c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, fit_intercept=False, max_iter=5000,
                              class_weight="balanced")


def oof(x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float, folds: int) -> np.ndarray:
    """Out-of-fold probabilities, folds grouped by cluster."""
    from sklearn.model_selection import GroupKFold

    p = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=folds).split(x, y, groups):
        if y[tr].sum() == 0:
            continue
        p[te] = _model(c).fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
    return p


def pick(p: np.ndarray, y: np.ndarray, rule: np.ndarray) -> float:
    """Lowest threshold whose precision (rule AND p >= t) reaches TARGET, with >= 3 shown."""
    for t in GRID:
        shown = rule & (p >= t)
        if shown.sum() >= 3 and y[shown].mean() >= TARGET:
            return t
    return 1.01


def nested(x, y, groups, rule, c: float) -> tuple[np.ndarray, list[float]]:
    """Shown / not per pair: model and threshold chosen without the pair's cluster."""
    from sklearn.model_selection import GroupKFold

    shown = np.zeros(len(y), dtype=bool)
    picked = []
    for tr, te in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        pin = oof(x[tr], y[tr], groups[tr], c, FOLDS - 1)
        t = pick(pin, y[tr], rule[tr])
        picked.append(t)
        p = _model(c).fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
        shown[te] = rule[te] & (p >= t)
    return shown, picked


def report(name: str, shown: np.ndarray, y: np.ndarray, mask: np.ndarray) -> str:
    s, t = shown & mask, y.astype(bool) & mask
    tp = int((s & t).sum())
    prec = f"{tp}/{int(s.sum())} ({tp / s.sum():.0%})" if s.sum() else "0/0"
    return f"{name}: shown {int(s.sum())}, precision {prec}, recall {tp}/{int(t.sum())}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--c", type=float, default=None)
    ap.add_argument("--target", type=float, default=None)
    args = ap.parse_args()
    if args.target:
        global TARGET
        TARGET = args.target
    from newsweave.analyze import conflict_gate as cg

    rows = load()
    x = featurize(rows)
    y = np.array([r["label"] == "true" for r in rows], dtype=np.int64)
    groups = np.array([r.get("cluster", "?") for r in rows])
    rule = x[:, cg.NAMES.index("rule_ok")] == 1.0
    clusters = sorted(set(groups))
    # the truncated train clusters ("mnplus-") are lower-cased text; the others are raw
    lower_cl = {g for g in clusters if g.startswith("mnplus")}
    low = np.array([g in lower_cl for g in groups])
    print(f"{len(rows)} unique judged pairs ({int(y.sum())} true), {len(clusters)} clusters "
          f"({len(clusters) - len(lower_cl)} raw, {len(lower_cl)} lower-cased); "
          f"grouped {FOLDS}-fold, threshold by inner grouped CV for precision >= {TARGET:.0%}")
    everything = np.ones(len(y), dtype=bool)
    for part, m in (("all", everything), ("raw", ~low), ("lower", low)):
        print("  " + report(f"rules alone (shipped), {part}", rule, y, m))
    for c in ((args.c,) if args.c else (0.1, 1.0)):
        shown, picked = nested(x, y, groups, rule, c)
        for part, m in (("all", everything), ("raw", ~low), ("lower", low)):
            print("  " + report(f"rules AND model C={c}, {part}", shown, y, m))
        print(f"    thresholds picked per outer fold: {picked}")
        alone, picked = nested(x, y, groups, everything, c)
        for part, m in (("all", everything), ("raw", ~low), ("lower", low)):
            print("  " + report(f"model alone C={c}, {part}", alone, y, m))
        print(f"    thresholds picked per outer fold: {picked}")
        # the gate of 9a754a7: the rules on cased text, the model alone on lower-cased text
        # (the brief now ships the rules alone, the first line)
        lowtext = x[:, cg.NAMES.index("lower")] == 1.0
        hybrid = np.where(lowtext, alone, rule)
        for part, m in (("all", everything), ("raw", ~low), ("lower", low)):
            print("  " + report(f"old gate (rules if cased, model if lower) C={c}, {part}",
                                hybrid, y, m))
    if args.fit:
        c = args.c or cg.C
        m = _model(c).fit(x, y)
        p = oof(x, y, groups, c, FOLDS)
        t = pick(p, y, everything)  # the shipped gate is the model alone
        print(f"C = {c}\nTHRESHOLD = {t}\nWEIGHTS = (")
        for n, w in zip(cg.NAMES, m.coef_[0], strict=True):
            print(f"    {w:.4f},  # {n}")
        print(")")


if __name__ == "__main__":
    main()
