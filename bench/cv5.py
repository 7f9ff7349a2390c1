"""5-fold cross-validation of the learned scorer over the 200 raw Multi-News clusters.

dev50 + test150, split into 5 folds of 40 by a fixed seeded shuffle of the sorted ids (seed
0, ``folds5``). For each fold the scorer is trained only on the other four folds (160
clusters; pre-training on the truncated train set, where a variant uses it, is the same in
every fold) and the brief of each held-out cluster is made by the same selection and reading
order as ``newsweave brief`` (``summarize.units.choose``) and scored with rouge-score's
stemming tokenizer (R1/R2 F1 x 100 from clipped n-gram counts, which is what rouge-score
computes; ``--check`` re-scores one fold through ``newsweave.evaluate`` to show they agree).
The cluster with no usable text (``longbench-c2d65128a717``) scores 0 as an empty brief in
the "200" mean and is left out of the "199" mean.

Readability of the same held-out briefs: share of sentences with an unbalanced quotation
(every sentence alone, as bench/readability.py ``strict``) and with a dangling opener.

    python bench/cv5.py [--variant quadratic|ridge|all] [--check] [--seeds 0,1,...]

``--seeds`` also runs the same protocol over further fold seeds (the folds of each seed are a
different shuffle) and prints each seed's 5-fold mean and their mean.

``quadratic`` is the shipped method (bench/tune.py ``fit_quadratic``), ``ridge`` the first
round's linear one.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsweave.options import BriefOptions, adaptive_budget  # noqa: E402
from newsweave.summarize.features import FeatureTable  # noqa: E402
from newsweave.summarize.units import choose  # noqa: E402
from readability import FILES, OPENERS  # noqa: E402
from tune import (  # noqa: E402
    _ngrams,
    budget_oracle,
    featurize,
    load,
    precision_targets,
    rouge_tokenizer,
)

SEED = 0
K = 5
ALPHA = 10.0


@dataclass(slots=True)
class Cluster:
    id: str
    table: FeatureTable | None  # None: no usable text (an empty brief)
    sentences: list = field(default_factory=list)
    similarity: np.ndarray | None = None
    order: dict[str, int] = field(default_factory=dict)
    budget: int = 0
    toks: list[list[str]] = field(default_factory=list)
    ref: list[str] = field(default_factory=list)
    labels: np.ndarray | None = None  # precision target (tune.precision_targets)
    oracle: np.ndarray | None = None  # budgeted oracle membership (tune.budget_oracle)
    n_sources: int = 0
    words_in: int = 0


def prepare(records: Sequence[dict]) -> list[Cluster]:
    from newsweave.errors import InputError

    tok = rouge_tokenizer()
    opts = BriefOptions(analyze=False)
    out = []
    for rec in records:
        ref = tok.tokenize(rec["reference"])
        try:
            state, table = featurize(rec, opts)
        except InputError:
            out.append(Cluster(str(rec["id"]), None, ref=ref))
            continue
        al = state.alignment
        toks = [tok.tokenize(s.text) for s in al.sentences]
        n_src = len(set(state.groups.values()))
        words = [s.words for s in al.sentences]
        budget = opts.words or adaptive_budget(n_src, sum(words))
        out.append(Cluster(
            str(rec["id"]), table, list(al.sentences), al.similarity, dict(state.order),
            budget, toks, ref, precision_targets(toks, ref),
            budget_oracle(toks, ref, table.eligible, words, budget), n_src, sum(words),
        ))
    return out


def folds5(ids: Sequence[str], seed: int = SEED, k: int = K) -> list[list[str]]:
    ordered = sorted(ids)
    random.Random(seed).shuffle(ordered)
    return [sorted(ordered[j::k]) for j in range(k)]


def f1(cand: Counter, ref: Counter) -> float:
    overlap = sum((cand & ref).values())
    if overlap == 0:
        return 0.0
    p, r = overlap / sum(cand.values()), overlap / sum(ref.values())
    return 200 * p * r / (p + r)


Scorer = Callable[[FeatureTable], np.ndarray]


@dataclass(slots=True)
class Result:
    r1: float
    r2: float
    words: int
    sentences: int = 0
    quotes: int = 0
    dangling: int = 0
    closed: int = 0  # sentences shown with marks closing a cut quotation


def brief_of(c: Cluster, scorer: Scorer, budget: int | None = None,
             choose_fn: Callable = choose) -> list[int]:
    eligible = c.table.eligible
    if not eligible.any():
        eligible = np.array([any(ch.isalnum() for ch in s.text) for s in c.sentences])
    opts = BriefOptions(analyze=False)
    return choose_fn(c.sentences, scorer(c.table), eligible, c.similarity,
                     budget or c.budget, c.order, opts.redundancy, opts.min_words)


def score(c: Cluster, ids: Sequence[int]) -> Result:
    if c.table is None:
        return Result(0.0, 0.0, 0)
    from readability import unbalanced

    flat = [t for i in ids for t in c.toks[i]]
    sents = [c.sentences[i] for i in ids]
    r = Result(f1(_ngrams(flat, 1), _ngrams(c.ref, 1)), f1(_ngrams(flat, 2), _ngrams(c.ref, 2)),
               sum(s.words for s in sents), len(sents))
    from newsweave.summarize.units import quote_marks

    for k, s in enumerate(sents):
        marks = quote_marks(s.text) or ("", "")  # as the brief shows it
        r.quotes += unbalanced(marks[0] + s.text + marks[1])
        r.closed += marks != ("", "")
        if OPENERS.match(s.text):
            p = sents[k - 1] if k else None
            r.dangling += not (p is not None and p.article == s.article and p.index == s.index - 1)
    return r


def ridge_fit(cs: Sequence[Cluster], alpha: float = ALPHA) -> dict[str, float]:
    from sklearn.linear_model import Ridge

    cs = [c for c in cs if c.table is not None]
    X = np.vstack([c.table.values[c.table.eligible] for c in cs]).astype(np.float64)
    y = np.concatenate([c.labels[c.table.eligible] for c in cs])
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    coef = Ridge(alpha=alpha).fit((X - mu) / sd, y).coef_.ravel() / sd
    return {n: round(float(w), 4) for n, w in zip(cs[0].table.names, coef, strict=True)}


Trainer = Callable[[Sequence[Cluster]], Scorer]


def linear_trainer(cs: Sequence[Cluster]) -> Scorer:
    """The first round's method: ridge (alpha 10) on the features."""
    from newsweave.summarize.scorers import linear

    return linear(ridge_fit(cs))


def quadratic_trainer(cs: Sequence[Cluster]) -> Scorer:
    """The shipped method: ridge on the features and their pairwise products."""
    from newsweave.summarize.scorers import quadratic
    from tune import fit_quadratic

    return quadratic(*fit_quadratic([c for c in cs if c.table is not None]))


TRAINERS: dict[str, Trainer] = {"quadratic": quadratic_trainer, "ridge": linear_trainer}
SHIPPED = "quadratic"


def run(cs: Sequence[Cluster], trainer: Trainer, evaluate: Callable | None = None,
        seed: int = SEED) -> list[list[Result]]:
    """Held-out results per fold (folds of fold seed ``seed``)."""
    by_id = {c.id: c for c in cs}
    out = []
    for test in folds5(list(by_id), seed):
        held = set(test)
        scorer = trainer([c for c in cs if c.id not in held])
        ev = evaluate or (lambda c, s: score(c, brief_of(c, s)) if c.table is not None
                          else Result(0.0, 0.0, 0))
        out.append([ev(by_id[i], scorer) for i in test])
    return out


def summary(rows: list[Result]) -> dict[str, float]:
    full = [r for r in rows if r.sentences]
    n = max(1, sum(r.sentences for r in rows))
    return {
        "r1": float(np.mean([r.r1 for r in full])), "r2": float(np.mean([r.r2 for r in full])),
        "r1_all": float(np.mean([r.r1 for r in rows])),
        "r2_all": float(np.mean([r.r2 for r in rows])),
        "words": float(np.mean([r.words for r in full])), "n": len(full), "empty": len(rows)
        - len(full), "sentences": n, "quotes": 100 * sum(r.quotes for r in rows) / n,
        "closed": 100 * sum(r.closed for r in rows) / n,
        "dangling": 100 * sum(r.dangling for r in rows) / n,
    }


def table(per_fold: list[list[Result]]) -> list[str]:
    lines = [f"{'fold':<8} {'R1':>6} {'R2':>6} {'words':>6} {'n':>4} {'quote%':>7} "
             f"{'dangl%':>7} {'closed%':>7}"]
    for k, rows in enumerate(per_fold):
        s = summary(rows)
        lines.append(f"{k + 1:<8} {s['r1']:6.2f} {s['r2']:6.2f} {s['words']:6.1f} {s['n']:4d} "
                     f"{s['quotes']:7.2f} {s['dangling']:7.2f} {s['closed']:7.2f}")
    folds = [summary(rows) for rows in per_fold]
    allrows = [r for rows in per_fold for r in rows]
    s = summary(allrows)
    lines.append(f"{'mean':<8} {np.mean([f['r1'] for f in folds]):6.2f} "
                 f"{np.mean([f['r2'] for f in folds]):6.2f} {s['words']:6.1f} {s['n']:4d} "
                 f"{s['quotes']:7.2f} {s['dangling']:7.2f} {s['closed']:7.2f}")
    lines.append(f"(all 200, the empty brief scored 0: R1 {s['r1_all']:.2f} R2 {s['r2_all']:.2f})")
    return lines


def by_file(cs: Sequence[Cluster], per_fold: list[list[Result]]) -> list[str]:
    """Held-out means of the clusters of each input file (the dev50 part sits beside the
    peers' outputs on the same clusters)."""
    ids = [i for test in folds5([c.id for c in cs]) for i in test]
    res = dict(zip(ids, (r for rows in per_fold for r in rows), strict=True))
    lines = []
    for path in FILES:
        mine = [res[str(r["id"])] for r in load(path) if str(r["id"]) in res]
        s = summary(mine)
        lines.append(f"{path.name}: held-out R1 {s['r1']:.2f} R2 {s['r2']:.2f} over {s['n']} "
                     f"clusters, {s['words']:.1f} words")
    return lines


def records() -> list[dict]:
    return [r for p in FILES for r in load(p)]


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(not p.is_file() for p in FILES):
        print("no data at ../shared/data; nothing to cross-validate")
        return
    import os

    print(f"load average {os.getloadavg()[0]:.2f}")
    cs = prepare(records())
    names = [args[args.index("--variant") + 1]] if "--variant" in args else [SHIPPED]
    if names == ["all"]:
        names = list(TRAINERS)
    trainers = TRAINERS
    for name in names:
        print(f"variant {name}")
        per_fold = run(cs, trainers[name])
        for line in table(per_fold) + by_file(cs, per_fold):
            print(line)
        if "--check" in args:
            check(cs, trainers[name], per_fold[0])
        if "--seeds" in args:
            seeds = [int(x) for x in args[args.index("--seeds") + 1].split(",")]
            means = []
            for seed in seeds:
                folds = [summary(rows) for rows in (per_fold if seed == SEED
                                                    else run(cs, trainers[name], seed=seed))]
                means.append((float(np.mean([f["r1"] for f in folds])),
                              float(np.mean([f["r2"] for f in folds]))))
                print(f"fold seed {seed}: R1 {means[-1][0]:.2f} R2 {means[-1][1]:.2f}")
            print(f"mean over fold seeds {','.join(map(str, seeds))}: "
                  f"R1 {np.mean([m[0] for m in means]):.2f} "
                  f"R2 {np.mean([m[1] for m in means]):.2f}")


def check(cs: Sequence[Cluster], trainer: Trainer, simulated: list[Result]) -> None:
    """Fold 1 again through ``newsweave.evaluate`` (the real pipeline and rouge-score)."""
    from newsweave.evaluate import evaluate
    from newsweave.summarize.scorers import SCORERS

    test = folds5([c.id for c in cs])[0]
    held = set(test)
    SCORERS["cv-fold"] = trainer([c for c in cs if c.id not in held])
    try:
        rows = [evaluate(p, BriefOptions(scorer="cv-fold", analyze=False), peers=False,
                         ids=test)[0] for p in FILES]
    finally:
        del SCORERS["cv-fold"]
    n = sum(r["clusters"] for r in rows)
    r1 = sum(r["rouge1"] * r["clusters"] for r in rows) / n
    r2 = sum(r["rouge2"] * r["clusters"] for r in rows) / n
    s = summary(simulated)
    print(f"check, fold 1 through newsweave eval: R1 {r1:.2f} R2 {r2:.2f} over {n} clusters "
          f"(the empty brief scored 0); simulated: R1 {s['r1_all']:.2f} R2 {s['r2_all']:.2f}")


if __name__ == "__main__":
    main()
