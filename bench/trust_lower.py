"""Thresholds of the learned gate on lower-cased text, scored on blind-judged lower-cased pairs.

    python bench/trust_lower.py [--tune SET,SET] [--test SET,SET] [--want-bad 0.02]

Reads the judged citation items of lower-cased train clusters (``judged_final_r3.jsonl`` set
``final-r3-trust-train40000`` and ``judged_trustcite_dev.jsonl``, label of ``judge1``), and for
each pair what :class:`newsweave.align.check.Checker` with ``lower=True`` reads: the rule
verdict, whether a rule "none" may be raised, P(full) and P(supported) of the gate, whether the
claim is cut off and not repeated. For every (``T_FULL_LOWER``, ``T_SUPPORTED_LOWER``,
``T_PROMOTE_LOWER``) of a grid it decides each pair as the check would and scores the tuning
sets: shown full judged full, shown judged none/contradicts, cited. It prints the figures of
the raw and the shipped thresholds and of the grid point with the most cited pairs meeting
``--want-bad`` and ``--want-full`` on the tuning sets, each on the tuning and the test sets
(pairs the judged version showed; a stricter check shows a subset of them).
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

from newsweave.align import learned
from newsweave.align.check import FULL, NONE, PARTIAL, Checker
from newsweave.align.learned import FEATURES, FULL_MODEL, SUPPORTED_MODEL, probability
from newsweave.align.lowercase import cut_off, repeats

HERE = Path(__file__).parent
FILES = (HERE / "judged_final_r3.jsonl", HERE / "judged_trustcite_dev.jsonl")
BAD = ("none", "contradicts")
LEAD = FEATURES.index("lead_word_missing")
GRID_T = (0.85, 0.88, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98)


def load() -> list[dict]:
    rows = []
    for f in FILES:
        if not f.exists():
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r.get("kind") != "citation" or not r.get("judge1"):
                continue
            if r["set"] == "final-r3-trust-train40000" or r["set"].startswith("trustcite-"):
                rows.append(r)
    return rows


def reads(rows: list[dict]) -> list[dict]:
    chk = Checker(lower=True)
    out = []
    for r in rows:
        a, b = r["brief_sentence"], r["evidence"]
        v = chk.rules(a, b)
        x = chk.features(a, b, v.label)
        out.append({"set": r["set"], "label": r["judge1"]["label"], "rule": v.label,
                    "same": v.reason == "same text", "lead": bool(x[LEAD]),
                    "cut": cut_off(a) and not repeats(b, a),
                    "raisable": chk.promotable(a, b, v), "pf": probability(x, FULL_MODEL),
                    "ps": probability(x, SUPPORTED_MODEL), "judged_shown": r["shown"]})
    return out


def decide(p: dict, tf: float, ts: float, tp: float) -> str:
    """The label ``Checker(lower=True).check`` gives the pair at these thresholds."""
    if p["cut"] and p["rule"] in (FULL, PARTIAL):
        return NONE
    if p["same"]:
        return FULL
    label = p["rule"]
    if label == FULL and (p["lead"] or p["pf"] < tf):
        label = PARTIAL
    if label == PARTIAL:
        return PARTIAL if p["ps"] >= ts else NONE
    if label == NONE and p["raisable"]:
        return PARTIAL if p["ps"] >= tp else NONE
    return label


def figures(pairs: list[dict], t: tuple[float, float, float], shown_only: bool) -> dict:
    f = {"full": 0, "full_ok": 0, "cited": 0, "bad": 0, "judged_ok_cited": 0}
    for p in pairs:
        if shown_only and p["judged_shown"] not in (FULL, PARTIAL):
            continue
        d = decide(p, *t)
        if d not in (FULL, PARTIAL):
            continue
        f["cited"] += 1
        f["bad"] += p["label"] in BAD
        f["judged_ok_cited"] += p["label"] not in BAD
        if d == FULL:
            f["full"] += 1
            f["full_ok"] += p["label"] == "full"
    return f


def line(name: str, f: dict) -> str:
    full = f"{f['full_ok']}/{f['full']}" + (f" ({f['full_ok'] / f['full']:.1%})" if f["full"]
                                             else "")
    bad = f"{f['bad']}/{f['cited']}" + (f" ({f['bad'] / f['cited']:.1%})" if f["cited"]
                                         else "")
    return f"{name:<34} full judged full {full:<16} bad {bad:<16} cited {f['cited']}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", default="final-r3-trust-train40000,trustcite-dev1,trustcite-dev2")
    ap.add_argument("--test", default="trustcite-dev3,trustcite-dev4")
    ap.add_argument("--want-bad", type=float, default=0.015)
    ap.add_argument("--want-full", type=float, default=0.97)
    args = ap.parse_args()
    pairs = reads(load())
    tune = [p for p in pairs if p["set"] in args.tune.split(",")]
    test = [p for p in pairs if p["set"] in args.test.split(",")]
    print(f"{len(tune)} tuning pairs, {len(test)} test pairs (judged citations, lower-cased)")
    raw = (learned.T_FULL, learned.T_SUPPORTED, learned.T_PROMOTE)
    shipped = (learned.T_FULL_LOWER, learned.T_SUPPORTED_LOWER, learned.T_PROMOTE_LOWER)
    best = None
    for t in itertools.product(GRID_T, GRID_T, GRID_T + (1.01,)):
        f = figures(tune, t, True)
        if not f["cited"] or f["bad"] > args.want_bad * f["cited"] or (
                f["full"] and f["full_ok"] < args.want_full * f["full"]):
            continue
        key = (f["judged_ok_cited"], f["full_ok"], t)
        if best is None or key > best[0]:
            best = (key, t)
    for name, t in (("raw thresholds", raw), ("shipped lower thresholds", shipped)) + (
            (("best on tuning " + "/".join(map(str, best[1])), best[1]),) if best else ()):
        print(line(f"{name}: tune", figures(tune, t, True)))
        if test:
            print(line(f"{'':>{len(name)}}  test", figures(test, t, True)))


if __name__ == "__main__":
    main()
