"""Thresholds of the learned gate on lower-cased text, scored on blind-judged lower-cased pairs.

    python bench/trust_lower.py [--tune SET,SET] [--test SET,SET] [--want-bad 0.02]

Reads the judged citation items of lower-cased train clusters (label of ``judge1``):
``judged_trustcite_dev.jsonl``, ``judged_final_r3.jsonl`` set ``final-r3-trust-train40000``,
the fresh rounds of ``judged_final_r4.jsonl`` / ``judged_final_r5.jsonl`` (sets ``*-trust-train*``)
and the d24 development packet ``judged_trust_d24.jsonl`` (train lines 32400-35999; a pair
judged in two sets counts once, with its first label). For
every (``T_FULL_LOWER``, ``T_SUPPORTED_LOWER``, ``T_PROMOTE_LOWER``) of a grid it labels each
pair by :class:`newsweave.align.check.Checker` ``(lower=True).check`` with those thresholds
patched in, and scores the tuning sets: shown full judged full, shown judged none/contradicts,
cited. It prints the figures of
the raw and the shipped thresholds and of the grid point with the most cited pairs meeting
``--want-bad`` and ``--want-full`` on the tuning sets, each on the tuning and the test sets
(pairs the judged version showed; a stricter check shows a subset of them).
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
from pathlib import Path
from unittest import mock

from newsweave.align import learned
from newsweave.align.check import FULL, PARTIAL, Checker

HERE = Path(__file__).parent
FILES = (HERE / "judged_trustcite_dev.jsonl", HERE / "judged_final_r3.jsonl",
         HERE / "judged_final_r4.jsonl", HERE / "judged_final_r5.jsonl",
         HERE / "judged_trust_d24.jsonl")
BAD = ("none", "contradicts")
CHECK = importlib.import_module("newsweave.align.check")  # the module (``align.check``: a function)
GRID_T = (0.85, 0.9, 0.93, 0.95, 0.96, 0.965, 0.97, 0.975, 0.98, 0.985)


def load() -> list[dict]:
    rows, seen = [], set()
    for f in FILES:
        if not f.exists():
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r.get("kind") != "citation" or not r.get("judge1"):
                continue
            if "-trust-train" in r["set"] or r["set"].startswith(("trustcite-", "trust-d24")):
                if (r["brief_sentence"], r["evidence"]) not in seen:
                    seen.add((r["brief_sentence"], r["evidence"]))
                    rows.append(r)
    return rows


class _Memo(Checker):
    """The lower-case check, its gate's features memoised across the grid's thresholds."""

    def __init__(self) -> None:
        super().__init__(lower=True)
        self._x: dict[tuple[str, str, str], list[float]] = {}

    def features(self, claim: str, evidence: str, rule: str) -> list[float]:
        got = self._x.get((claim, evidence, rule))
        if got is None:
            got = self._x[(claim, evidence, rule)] = super().features(claim, evidence, rule)
        return got

    def labels(self, pairs: list[dict], t: tuple[float, float, float]) -> list[str]:
        """What ``check`` gives each pair with (T_FULL_LOWER, T_SUPPORTED_LOWER,
        T_PROMOTE_LOWER) = ``t``."""
        self._verdicts.clear()
        with mock.patch.multiple(CHECK, T_FULL_LOWER=t[0], T_SUPPORTED_LOWER=t[1],
                                 T_PROMOTE_LOWER=t[2]):
            return [self.check(p["claim"], p["evidence"]).label for p in pairs]


def reads(rows: list[dict]) -> list[dict]:
    return [{"set": r["set"], "label": r["judge1"]["label"], "claim": r["brief_sentence"],
             "evidence": r["evidence"], "judged_shown": r["shown"]} for r in rows]


def figures(chk: _Memo, pairs: list[dict], t: tuple[float, float, float],
            shown_only: bool) -> dict:
    f = {"full": 0, "full_ok": 0, "cited": 0, "bad": 0, "judged_ok_cited": 0}
    pairs = [p for p in pairs if not shown_only or p["judged_shown"] in (FULL, PARTIAL)]
    for p, d in zip(pairs, chk.labels(pairs, t), strict=True):
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
    ap.add_argument("--tune", default="all", help="sets, comma-separated, or all")
    ap.add_argument("--test", default="")
    ap.add_argument("--want-bad", type=float, default=0.01)
    ap.add_argument("--want-full", type=float, default=0.97)
    args = ap.parse_args()
    pairs, chk = reads(load()), _Memo()
    tune = [p for p in pairs if args.tune == "all" or p["set"] in args.tune.split(",")]
    test = [p for p in pairs if p["set"] in args.test.split(",")]
    print(f"{len(tune)} tuning pairs, {len(test)} test pairs (judged citations, lower-cased)")
    raw = (learned.T_FULL, learned.T_SUPPORTED, learned.T_PROMOTE)
    shipped = (learned.T_FULL_LOWER, learned.T_SUPPORTED_LOWER, learned.T_PROMOTE_LOWER)
    best = None
    for t in itertools.product(GRID_T, GRID_T, GRID_T + (1.01,)):
        f = figures(chk, tune, t, True)
        if not f["cited"] or f["bad"] > args.want_bad * f["cited"] or (
                f["full"] and f["full_ok"] < args.want_full * f["full"]):
            continue
        key = (f["judged_ok_cited"], f["full_ok"], t)
        if best is None or key > best[0]:
            best = (key, t)
    for name, t in (("raw thresholds", raw), ("shipped lower thresholds", shipped)) + (
            (("best on tuning " + "/".join(map(str, best[1])), best[1]),) if best else ()):
        print(line(f"{name}: tune", figures(chk, tune, t, True)))
        if test:
            print(line(f"{'':>{len(name)}}  test", figures(chk, test, t, True)))


if __name__ == "__main__":
    main()
