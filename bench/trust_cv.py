"""Leave-clusters-out scores of support checks on every judged citation pair.

    python bench/trust_cv.py [--folds 5] [--repeats 3] [--weights]

Reads the judged citation pairs of ``bench/trust_pairs.jsonl`` (with their cluster), computes
the rule verdict of :mod:`newsweave.align.check` and the features of
:mod:`newsweave.align.learned`, and scores, with folds grouped by cluster (a cluster's pairs are
never in the training and the test part at once):

- ``rules``: the rule verdicts as they are;
- ``gate-lr`` / ``gate-gb``: the rule verdict kept only when a logistic regression (or gradient
  boosting) trained on the other folds says it is clearly full / clearly supported; its
  thresholds are chosen inside the training folds (inner grouped folds) for precision
  (shown full judged full >= ``--want-full``, shown judged none/contradicts <= ``--want-bad``);
- ``shipped``: the gate with the weights and thresholds in the package (trained on every
  pair, so not held out: a check that the shipped numbers reproduce).

Per check: precision of "full", rate of none/contradicts among cited pairs, recall of judged
full pairs (as full / cited) and of judged partial ones. ``--weights`` fits on all pairs,
picks thresholds by grouped out-of-fold predictions and prints the constants for
``align/learned.py``.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from newsweave.align.check import FULL, NONE, PARTIAL, Checker, rule_check
from newsweave.align.learned import FEATURES

PAIRS = Path(__file__).with_name("trust_pairs.jsonl")
RESERVED = Path("/work/coord/reserved_trust.txt")
GRID = [round(x, 2) for x in np.arange(0.30, 0.96, 0.05)] + [0.97, 0.98, 0.99]


def load(path: Path) -> list[dict]:
    reserved = set(RESERVED.read_text().split()) if RESERVED.exists() else set()
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if r.get("kind", "citation") == "citation"
            and r.get("cluster") not in reserved]
    seen: set[tuple[str, str]] = set()
    out = []
    for r in rows:  # a pair judged twice counts once (the first label)
        if (r["claim"], r["evidence"]) not in seen:
            seen.add((r["claim"], r["evidence"]))
            out.append(r)
    return out


def featurize(rows: list[dict]) -> tuple[np.ndarray, list[str]]:
    """Features and rule labels; a rule "none" the gate may raise (``Checker.promotable``)
    is labelled ``PROMOTABLE`` here."""
    chk = Checker()
    xs, rules = [], []
    for r in rows:
        v = rule_check(r["claim"], r["evidence"])
        label = PROMOTABLE if chk.promotable(r["claim"], r["evidence"], v) else v.label
        x = chk.features(r["claim"], r["evidence"], v.label)
        rules.append(CAPPED if label == FULL and x[LEAD] else label)
        xs.append(x)
    return np.array(xs, dtype=float), rules


PROMOTABLE = "none*"  # a rule "none" that the gate may raise to "partial"
CAPPED = "full-"  # a rule "full" shown partial at most (the claim's first word is missing)
LEAD = FEATURES.index("lead_word_missing")


def fit(kind: str, x: np.ndarray, y: np.ndarray):
    if kind == "gb":
        return HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.05,
                                              random_state=0).fit(x, y)
    scaler = StandardScaler().fit(x)
    lr = LogisticRegression(C=0.5, max_iter=2000).fit(scaler.transform(x), y)
    return _Scaled(scaler, lr)


class _Scaled:
    def __init__(self, scaler: StandardScaler, lr: LogisticRegression) -> None:
        self.scaler, self.lr = scaler, lr

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        return self.lr.predict_proba(self.scaler.transform(x))


def decide(rules: list[str], p_full: np.ndarray, p_ok: np.ndarray, t_full: float,
           t_ok: float, promote: bool | str = False, t_promote: float = 1.01) -> list[str]:
    out = []
    for r, pf, po in zip(rules, p_full, p_ok, strict=True):
        if r == PROMOTABLE:
            r = NONE
            if po >= t_promote:
                out.append(PARTIAL)
                continue
        if r == CAPPED:
            r, pf = FULL, 0.0
        if r == FULL or (promote and r == PARTIAL) or (promote == "all" and r == NONE):
            out.append(FULL if pf >= t_full else PARTIAL if po >= t_ok else NONE)
        elif r == PARTIAL:
            out.append(PARTIAL if po >= t_ok else NONE)
        else:
            out.append(r)
    return out


def figures(shown: list[str], judged: list[str]) -> dict[str, float]:
    shown = [NONE if s == PROMOTABLE else FULL if s == CAPPED else s for s in shown]
    c = collections.Counter(zip(shown, judged, strict=True))
    n_full = sum(v for (s, _), v in c.items() if s == FULL)
    cited = sum(v for (s, _), v in c.items() if s in (FULL, PARTIAL))
    bad = sum(v for (s, j), v in c.items() if s in (FULL, PARTIAL) and j in (NONE, "contradicts"))
    jf = sum(v for (_, j), v in c.items() if j == FULL)
    jp = sum(v for (_, j), v in c.items() if j == PARTIAL)
    return {
        "full_ok": c[(FULL, FULL)], "shown_full": n_full, "bad": bad, "cited": cited,
        "rec_full_as_full": c[(FULL, FULL)], "judged_full": jf,
        "rec_full_cited": c[(FULL, FULL)] + c[(PARTIAL, FULL)],
        "rec_part_cited": c[(FULL, PARTIAL)] + c[(PARTIAL, PARTIAL)], "judged_part": jp,
    }


def choose_thresholds(rules: list[str], judged: list[str], p_full: np.ndarray,
                      p_ok: np.ndarray, want_full: float, want_bad: float,
                      promote: bool | str = False) -> tuple[float, float]:
    """The thresholds meeting both precision wants with the most judged-full pairs cited as
    full, then cited at all (ties: the higher thresholds)."""
    best: tuple[tuple[int, int, float, float], float, float] | None = None
    for tf in GRID:
        for to in GRID:
            f = figures(decide(rules, p_full, p_ok, tf, to, promote), judged)
            prec = f["full_ok"] / f["shown_full"] if f["shown_full"] else 1.0
            bad = f["bad"] / f["cited"] if f["cited"] else 0.0
            if prec < want_full or bad > want_bad:
                continue
            key = (f["rec_full_as_full"], f["rec_full_cited"] + f["rec_part_cited"], tf, to)
            if best is None or key > best[0]:
                best = (key, tf, to)
    return (best[1], best[2]) if best else (0.99, 0.99)


RAISE_AT = 0.0  # a fixed threshold for raising (``--raise-at``) instead of one chosen per fold
RAISE_BAD = 0.0  # share of raised pairs judged none/contradicts allowed in the training folds
PROMOTE_GRID = [0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 1.01]


def choose_promote(rules: list[str], judged: list[str], p_full: np.ndarray, p_ok: np.ndarray,
                   tf: float, to: float, want_bad: float) -> float:
    """The lowest threshold for raising a rule "none" to "partial" whose raised pairs are
    judged none/contradicts at most ``want_bad`` of the time, the cited ones overall too."""
    for tp in PROMOTE_GRID:
        raised = [j for r, j, po in zip(rules, judged, p_ok, strict=True)
                  if r == PROMOTABLE and po >= tp]
        f = figures(decide(rules, p_full, p_ok, tf, to, False, tp), judged)
        bad_raised = sum(j in (NONE, "contradicts") for j in raised)
        if (not raised or bad_raised <= RAISE_BAD * len(raised)) and (
                f["bad"] <= want_bad * f["cited"]):
            return tp
    return 1.01


def oof(kind: str, x: np.ndarray, judged: np.ndarray, groups: np.ndarray, folds: int,
        seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold P(full), P(full or partial), folds grouped by cluster."""
    pf, po = np.zeros(len(x)), np.zeros(len(x))
    uniq = np.unique(groups)
    perm = {g: k for k, g in enumerate(np.random.default_rng(seed).permutation(uniq))}
    gid = np.array([perm[g] for g in groups])
    for tr, te in GroupKFold(n_splits=folds).split(x, judged, gid):
        yf = judged[tr] == FULL
        yo = np.isin(judged[tr], [FULL, PARTIAL])
        pf[te] = fit(kind, x[tr], yf).predict_proba(x[te])[:, 1]
        po[te] = fit(kind, x[tr], yo).predict_proba(x[te])[:, 1]
    return pf, po


def nested(kind: str, x: np.ndarray, rules: list[str], judged: np.ndarray, groups: np.ndarray,
           folds: int, seed: int, want_full: float, want_bad: float,
           promote: bool | str = False,
           raise_none: bool = False) -> tuple[list[str], list[tuple[float, ...]]]:
    shown = [""] * len(x)
    chosen = []
    uniq = np.unique(groups)
    perm = {g: k for k, g in enumerate(np.random.default_rng(seed).permutation(uniq))}
    gid = np.array([perm[g] for g in groups])
    for tr, te in GroupKFold(n_splits=folds).split(x, judged, gid):
        ipf, ipo = oof(kind, x[tr], judged[tr], groups[tr], folds, seed + 1)
        rules_tr = [rules[k] for k in tr]
        tf, to = choose_thresholds(rules_tr, list(judged[tr]), ipf, ipo, want_full, want_bad,
                                   promote)
        tp = (RAISE_AT or choose_promote(rules_tr, list(judged[tr]), ipf, ipo, tf, to,
                                         want_bad)) if raise_none else 1.01
        chosen.append((tf, to, tp))
        yf, yo = judged[tr] == FULL, np.isin(judged[tr], [FULL, PARTIAL])
        pf = fit(kind, x[tr], yf).predict_proba(x[te])[:, 1]
        po = fit(kind, x[tr], yo).predict_proba(x[te])[:, 1]
        for k, lab in zip(te, decide([rules[k] for k in te], pf, po, tf, to, promote, tp),
                          strict=True):
            shown[k] = lab
    return shown, chosen


def report(name: str, figs: list[dict[str, float]]) -> None:
    s = {k: sum(f[k] for f in figs) for k in figs[0]}

    def pc(a: str, b: str) -> str:
        return f"{s[a] / s[b]:.1%}" if s[b] else "n/a"

    n = len(figs)
    print(f"{name:<14} full ok {pc('full_ok', 'shown_full'):>6} ({s['full_ok'] / n:.0f}/"
          f"{s['shown_full'] / n:.0f})  bad {pc('bad', 'cited'):>6} ({s['bad'] / n:.0f}/"
          f"{s['cited'] / n:.0f})  judged-full recall {pc('rec_full_as_full', 'judged_full')}"
          f" as full, {pc('rec_full_cited', 'judged_full')} cited; judged-partial cited "
          f"{pc('rec_part_cited', 'judged_part')}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", nargs="?", default=str(PAIRS))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--want-full", type=float, default=0.97)
    ap.add_argument("--want-bad", type=float, default=0.02)
    ap.add_argument("--weights", action="store_true")
    ap.add_argument("--raise-at", type=float, default=0.0,
                    help="raise rule 'none' pairs at this P(supported) (default: chosen per fold)")
    ap.add_argument("--models", default="lr,gb")
    ap.add_argument("--no-rule-features", action="store_true")
    ap.add_argument("--promote", default="none", help="rule labels the gate may raise: "
                    "none (never), partial, all (also rule 'none')")
    args = ap.parse_args()
    global RAISE_AT
    RAISE_AT = args.raise_at
    rows = load(Path(args.pairs))
    x, rules = featurize(rows)
    if args.no_rule_features:
        x = x[:, :-2]
    judged = np.array([r["label"] for r in rows])
    groups = np.array([r["cluster"] for r in rows])
    print(f"{len(rows)} judged citation pairs, {len(set(groups))} clusters, "
          f"{args.folds} folds grouped by cluster x {args.repeats} repeats")
    report("rules", [figures(rules, list(judged))])
    from newsweave.align.check import Checker as _C

    shipped = [_C().check(r["claim"], r["evidence"]).label for r in rows]
    report("shipped*", [figures(shipped, list(judged))])
    for kind in args.models.split(","):
        variants = [(False, False), (False, True)] + (
            [] if args.promote == "none" else [(args.promote, False)])
        for promote, raise_none in variants:
            figs, ths = [], []
            for rep in range(args.repeats):
                shown, chosen = nested(kind, x, rules, judged, groups, args.folds, 100 * rep,
                                       args.want_full, args.want_bad, promote, raise_none)
                figs.append(figures(shown, list(judged)))
                ths += chosen
            name = f"gate-{kind}" + ("+" + str(promote) if promote else "") + (
                "+raise" if raise_none else "")
            report(name, figs)
            print(f"{'':14} thresholds chosen per fold (full, ok, raise): "
                  + " ".join("/".join(f"{t:.2f}" for t in c) for c in ths))
    print("* shipped: trained on all these pairs, not held out")
    if args.weights:
        print_weights(x, rules, judged, groups, args)


def print_weights(x: np.ndarray, rules: list[str], judged: np.ndarray, groups: np.ndarray,
                  args: argparse.Namespace) -> None:
    pfs, pos = [], []
    for rep in range(args.repeats):
        pf, po = oof("lr", x, judged, groups, args.folds, 100 * rep)
        pfs.append(pf)
        pos.append(po)
    tf, to = choose_thresholds(rules * args.repeats, list(judged) * args.repeats,
                               np.concatenate(pfs), np.concatenate(pos), args.want_full,
                               args.want_bad)
    tp = choose_promote(rules * args.repeats, list(judged) * args.repeats,
                        np.concatenate(pfs), np.concatenate(pos), tf, to, args.want_bad)
    print(f"T_FULL = {tf}\nT_SUPPORTED = {to}\nT_PROMOTE = {tp}")
    models = [(name, fit("lr", x, y)) for name, y in (
        ("FULL_MODEL", judged == FULL), ("SUPPORTED_MODEL", np.isin(judged, [FULL, PARTIAL])))]
    row = lambda vec: "    (" + ", ".join(f"{v:.5g}" for v in vec) + "),"  # noqa: E731
    scaler = models[0][1].scaler  # both standardise the same x
    print("SCALER = (\n" + row(scaler.mean_) + "\n" + row(scaler.scale_) + "\n)")
    for name, m in models:
        print(f"{name} = (\n{row(m.lr.coef_[0])}\n    {m.lr.intercept_[0]:.5g},\n)")
    print("# features: " + ", ".join(FEATURES))


if __name__ == "__main__":
    main()
