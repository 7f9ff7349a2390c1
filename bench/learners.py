"""Learners and training labels of the default scorer, measured by the 5-fold protocol of
bench/cv5.py over several fold seeds (issue 12, fifth round).

Each variant is a trainer (training clusters -> scorer); every fold is trained only on the
other four folds, the brief is made by ``summarize.units.choose`` exactly as in cv5.py and
scored the same way. The prepared clusters (features, alignment, rouge tokens, labels) are
cached in a pickle under the system temp directory, keyed by the data files' sizes and
mtimes, so a variant over 8 fold seeds takes a minute or two.

    python bench/learners.py [--seeds 0,1,2,3] [--only WORD[;WORD]] [--folds]

``--only`` runs the variants whose name contains one of the ;-separated words (and the baseline);
``--folds`` prints the seed-0 folds of each variant as well.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cv5 import (  # noqa: E402
    FILES,
    Cluster,
    Result,
    Scorer,
    brief_of,
    folds5,
    prepare,
    records,
    score,
    summary,
)
from tune import QUAD_ALPHA, products  # noqa: E402

Trainer = Callable[[Sequence[Cluster]], Scorer]


def cached_clusters() -> list[Cluster]:
    # keyed by the data files and by the code that prepares them (budget, features, labels)
    import newsweave

    code = [Path(__file__).with_name(n) for n in ("cv5.py", "tune.py")] + [
        Path(newsweave.__file__).parent / n
        for n in ("options.py", "pipeline.py", "summarize/features.py", "summarize/lexical.py")]
    key = hashlib.sha256(
        "|".join([f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in FILES]
                 + [hashlib.sha256(p.read_bytes()).hexdigest() for p in code]).encode()
    ).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"newsweave-cv5-{key}.pkl"
    if path.is_file():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    cs = prepare(records())
    with open(path, "wb") as fh:
        pickle.dump(cs, fh)
    return cs


def fold_results(cs: Sequence[Cluster], trainer: Trainer, seed: int) -> list[list[Result]]:
    by_id = {c.id: c for c in cs}
    out = []
    for test in folds5(list(by_id), seed):
        held = set(test)
        scorer = trainer([c for c in cs if c.id not in held and c.table is not None])
        out.append([score(by_id[i], brief_of(by_id[i], scorer)) if by_id[i].table is not None
                    else Result(0.0, 0.0, 0) for i in test])
    return out


def fold_means(per_fold: list[list[Result]]) -> tuple[float, float, list[tuple[float, float]]]:
    folds = [summary(rows) for rows in per_fold]
    pairs = [(f["r1"], f["r2"]) for f in folds]
    return float(np.mean([p[0] for p in pairs])), float(np.mean([p[1] for p in pairs])), pairs


def seeds_arg(argv: Sequence[str], default: Sequence[int] = (0,)
              ) -> tuple[list[int], list[str]]:
    """(fold seeds of ``--seeds 0,1,...``, the other arguments)."""
    args = list(argv)
    if "--seeds" not in args:
        return list(default), args
    k = args.index("--seeds")
    return [int(x) for x in args[k + 1].split(",")], args[:k] + args[k + 2:]


def report_seeds(name: str, cs: Sequence[Cluster], trainer: Trainer, seeds: Sequence[int]
                 ) -> None:
    """Print each fold seed's 5-fold mean (and its folds) and the mean over the seeds."""
    means = []
    for seed in seeds:
        r1, r2, folds = fold_means(fold_results(cs, trainer, seed))
        means.append((r1, r2))
        print(f"{name} seed {seed}: {r1:.2f} / {r2:.2f}  folds "
              + ", ".join(f"{a:.2f}/{b:.2f}" for a, b in folds), flush=True)
    print(f"{name} mean over seeds {list(seeds)}: {np.mean([m[0] for m in means]):.2f} / "
          f"{np.mean([m[1] for m in means]):.2f}", flush=True)


# --- training data -------------------------------------------------------------------------


def design(cs: Sequence[Cluster], target: Callable[[Cluster], np.ndarray]
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Eligible rows of the training clusters: raw features, targets, cluster number."""
    X = np.vstack([c.table.values[c.table.eligible] for c in cs]).astype(np.float64)
    y = np.concatenate([target(c)[c.table.eligible] for c in cs])
    g = np.concatenate([np.full(int(c.table.eligible.sum()), k) for k, c in enumerate(cs)])
    return X, y, g


def shipped_target(c: Cluster, oracle_weight: float = 1.0) -> np.ndarray:
    return c.labels + oracle_weight * c.oracle


class Standard:
    """Column standardizer fitted on training rows."""

    def __init__(self, Z: np.ndarray) -> None:
        self.mu, self.sd = Z.mean(axis=0), Z.std(axis=0)
        self.sd[self.sd == 0] = 1.0

    def __call__(self, Z: np.ndarray) -> np.ndarray:
        return (Z - self.mu) / self.sd


def quad_expand(X: np.ndarray) -> np.ndarray:
    return np.hstack([X, products(X)])


def ridge_model(Z: np.ndarray, y: np.ndarray, alpha: float,
                weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import Ridge

    m = Ridge(alpha=alpha).fit(Z, y, sample_weight=weight)
    return m.coef_.ravel(), float(m.intercept_)


def quadratic_on(target: Callable[[Cluster], np.ndarray], alpha: float = QUAD_ALPHA) -> Trainer:
    """The shipped learner (ridge on the standardized quadratic expansion) on ``target``."""

    def train(cs: Sequence[Cluster]) -> Scorer:
        X, y, _g = design(cs, target)
        Z = quad_expand(X)
        st = Standard(Z)
        w, _b = ridge_model(st(Z), y, alpha)
        return lambda t: st(quad_expand(t.values.astype(np.float64))) @ w

    return train


BASELINE = "shipped (quadratic ridge, precision + oracle, alpha 1000)"
VARIANTS: dict[str, Trainer] = {BASELINE: quadratic_on(shipped_target)}


def variant(name: str) -> Callable[[Trainer], Trainer]:
    def add(t: Trainer) -> Trainer:
        VARIANTS[name] = t
        return t

    return add


# --- variants ------------------------------------------------------------------------------
def oracle_from(c: Cluster, start: Sequence[int]) -> np.ndarray:
    """Greedy R1 + R2 F1 oracle within the budget that starts from the sentences ``start``
    (already in the summary) and adds eligible sentences while one raises the sum; 1 for the
    added ones."""
    from tune import _ngrams

    rows = [i for i in np.flatnonzero(c.table.eligible) if i not in set(start)]
    labels = np.zeros(len(c.toks))
    if not rows:
        return labels
    words = np.array([c.sentences[i].words for i in rows])
    refs = [_ngrams(c.ref, n) for n in (1, 2)]
    have = [sum((_ngrams([t for i in start for t in c.toks[i]], n) for _ in [0]), start=None)
            if False else None for n in (1, 2)]
    del have
    from collections import Counter

    cur = [Counter(), Counter()]
    for i in start:
        for n in (1, 2):
            cur[n - 1] += _ngrams(c.toks[i], n)
    grams = [[_ngrams(c.toks[i], n) for i in rows] for n in (1, 2)]

    def value(cnt: list[Counter]) -> float:
        v = 0.0
        for n in range(2):
            ov = sum((cnt[n] & refs[n]).values())
            tot = sum(cnt[n].values()) + sum(refs[n].values())
            v += 2 * ov / tot if tot else 0.0
        return v

    used = sum(c.sentences[i].words for i in start)
    best = value(cur)
    free = np.ones(len(rows), dtype=bool)
    while True:
        pick, pv = -1, best
        for r in np.flatnonzero(free & (used + words <= c.budget)):
            v = value([cur[0] + grams[0][r], cur[1] + grams[1][r]])
            if v > pv:
                pick, pv = int(r), v
        if pick < 0:
            break
        free[pick] = False
        used += int(words[pick])
        best = pv
        cur = [cur[0] + grams[0][pick], cur[1] + grams[1][pick]]
        labels[rows[pick]] = 1.0
    return labels


def leads(c: Cluster, articles: int) -> list[int]:
    """The first eligible sentence of each of the first ``articles`` articles (input order),
    while they fit the budget."""
    first: dict[str, int] = {}
    for i in np.flatnonzero(c.table.eligible):
        s = c.sentences[i]
        if s.article not in first or s.index < c.sentences[first[s.article]].index:
            first[s.article] = int(i)
    out, used = [], 0
    for a in sorted(first, key=lambda a: c.order.get(a, 0))[:articles]:
        w = c.sentences[first[a]].words
        if used + w <= c.budget:
            out.append(first[a])
            used += w
    return out


_LEAD_CACHE: dict[tuple[str, int], np.ndarray] = {}


def lead_oracle(c: Cluster, articles: int) -> np.ndarray:
    """Membership in the oracle given the leads: the leads keep their free oracle label, every
    other sentence is 1 when the oracle that starts from the leads adds it."""
    key = (c.id, articles)
    if key not in _LEAD_CACHE:
        start = leads(c, articles)
        lab = oracle_from(c, start)
        lab[start] = c.oracle[start]
        _LEAD_CACHE[key] = lab
    return _LEAD_CACHE[key]


for _k in (1, 2, 3):
    VARIANTS[f"lead-oracle labels, {_k} leads"] = quadratic_on(
        lambda c, k=_k: c.labels + lead_oracle(c, k))
    VARIANTS[f"lead-oracle + oracle / 2 each, {_k} leads"] = quadratic_on(
        lambda c, k=_k: c.labels + 0.5 * lead_oracle(c, k) + 0.5 * c.oracle)


def calibrated(s_train: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """a, b of the least-squares line y ~ a s + b (puts a ranking score on the target's scale,
    which the in-context penalty of selection reads)."""
    a, b = np.polyfit(s_train, y, 1)
    return float(a), float(b)


def _grouped_design(cs: Sequence[Cluster], target) -> tuple[np.ndarray, Standard, np.ndarray,
                                                              np.ndarray, np.ndarray]:
    """Targets, the standardizer, the standardized quadratic expansion, and each cluster's row
    span (starts, ends) of the training design: what the within-cluster objectives share."""
    X, y, g = design(cs, target)
    Z = quad_expand(X)
    st = Standard(Z)
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    return y, st, st(Z), starts, np.r_[starts[1:], len(g)]


def listnet(tau: float, lam: float, blend: float, target=shipped_target) -> Trainer:
    """Listwise (ListNet) softmax cross-entropy per cluster on the quadratic expansion; the
    target distribution is softmax(target / tau) over the cluster's eligible sentences.
    Blended with the shipped ridge: (1 - blend) ridge + blend calibrated listwise."""
    from scipy.optimize import minimize

    def train(cs: Sequence[Cluster]) -> Scorer:
        y, st, Zs, starts, ends = _grouped_design(cs, target)
        P = np.zeros(len(y))
        for a, b in zip(starts, ends, strict=True):
            e = np.exp((y[a:b] - y[a:b].max()) / tau)
            P[a:b] = e / e.sum()
        n_groups = len(starts)

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            s = Zs @ w
            total, grad_s = 0.0, np.empty_like(s)
            for a, b in zip(starts, ends, strict=True):
                z = s[a:b] - s[a:b].max()
                lse = np.log(np.exp(z).sum())
                q = np.exp(z - lse)
                total -= float(P[a:b] @ (z - lse))
                grad_s[a:b] = q - P[a:b]
            return (total / n_groups + lam * float(w @ w),
                    Zs.T @ grad_s / n_groups + 2 * lam * w)

        w = minimize(loss, np.zeros(Zs.shape[1]), jac=True, method="L-BFGS-B",
                     options={"maxiter": 300}).x
        a, _b = calibrated(Zs @ w, y)
        wl = a * w
        wr, _ = ridge_model(Zs, y, QUAD_ALPHA)
        wf = (1 - blend) * wr + blend * wl
        return lambda t: st(quad_expand(t.values.astype(np.float64))) @ wf

    return train


# seed-0 folds: tau 0.3, lam 1e-3: blend 0.5 46.75 / 17.17, blend 1 43.99 / 15.00
for _tau, _lam, _bl in ((0.3, 1e-3, 0.5), (0.3, 1e-3, 1.0), (1.0, 1e-2, 0.3)):
    VARIANTS[f"listnet tau {_tau} lam {_lam} blend {_bl}"] = listnet(_tau, _lam, _bl)


def pairwise(lam: float, blend: float, target=shipped_target, margin: float = 0.5) -> Trainer:
    """RankNet / pairwise logistic within each cluster on the quadratic expansion: every
    pair of eligible sentences whose targets differ by more than ``margin`` (oracle members
    against non-members with the shipped target), log(1 + exp(-(s_i - s_j))). Blended with
    the ridge as :func:`listnet`."""
    from scipy.optimize import minimize

    def train(cs: Sequence[Cluster]) -> Scorer:
        y, st, Zs, starts, ends = _grouped_design(cs, target)
        groups = []
        for a, b in zip(starts, ends, strict=True):
            d = y[a:b, None] - y[None, a:b]
            M = (d > margin).astype(np.float64)
            if M.sum():
                groups.append((a, b, M / M.sum()))
        n_groups = len(groups)

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            s = Zs @ w
            total, grad_s = 0.0, np.zeros_like(s)
            for a, b, M in groups:
                d = s[a:b, None] - s[None, a:b]
                total += float((M * np.logaddexp(0.0, -d)).sum())
                G = -M / (1.0 + np.exp(d))
                grad_s[a:b] += G.sum(axis=1) - G.sum(axis=0)
            return (total / n_groups + lam * float(w @ w),
                    Zs.T @ grad_s / n_groups + 2 * lam * w)

        w = minimize(loss, np.zeros(Zs.shape[1]), jac=True, method="L-BFGS-B",
                     options={"maxiter": 300}).x
        a, _b = calibrated(Zs @ w, y)
        wr, _ = ridge_model(Zs, y, QUAD_ALPHA)
        wf = (1 - blend) * wr + blend * a * w
        return lambda t: st(quad_expand(t.values.astype(np.float64))) @ wf

    return train


for _lam in (1e-2,):
    for _bl in (0.3, 1.0):
        VARIANTS[f"pairwise lam {_lam} blend {_bl}"] = pairwise(_lam, _bl)


def bagged(n: int, alpha: float = QUAD_ALPHA) -> Trainer:
    """Mean of ``n`` quadratic ridges, each on a bootstrap sample of the training clusters."""

    def train(cs: Sequence[Cluster]) -> Scorer:
        X, y, g = design(cs, shipped_target)
        Z = quad_expand(X)
        st = Standard(Z)
        Zs = st(Z)
        rng = np.random.default_rng(0)
        ws = []
        for _ in range(n):
            pick = rng.integers(0, len(cs), len(cs))
            weight = np.bincount(pick, minlength=len(cs))[g].astype(np.float64)
            ws.append(ridge_model(Zs, y, alpha, weight)[0])
        w = np.mean(ws, axis=0)
        return lambda t: st(quad_expand(t.values.astype(np.float64))) @ w

    return train


VARIANTS["bagged quadratic x 10"] = bagged(10)


def within_z(t_values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Each feature as a z-score among the cluster's eligible sentences."""
    v = t_values.astype(np.float64)
    e = v[mask] if mask.any() else v
    sd = e.std(axis=0)
    sd[sd == 0] = 1.0
    return (v - e.mean(axis=0)) / sd


def rbf_features(n_comp: int, gamma: float, blend: float) -> Trainer:
    """Interactions beyond the products: the ridge on [quadratic expansion, Nystroem RBF
    features of the standardized raw features]."""
    from sklearn.kernel_approximation import Nystroem

    def train(cs: Sequence[Cluster]) -> Scorer:
        X, y, _g = design(cs, shipped_target)
        s0 = Standard(X)
        ny = Nystroem(gamma=gamma, n_components=n_comp, random_state=0).fit(s0(X))
        Z = np.hstack([quad_expand(X), ny.transform(s0(X))])
        st = Standard(Z)
        Zs = st(Z)
        w, _ = ridge_model(Zs, y, QUAD_ALPHA)
        wr, _ = ridge_model(Zs[:, : -n_comp], y, QUAD_ALPHA)
        w = blend * w + (1 - blend) * np.r_[wr, np.zeros(n_comp)]

        def scorer(t):
            v = t.values.astype(np.float64)
            if not len(v):
                return np.zeros(0)
            return st(np.hstack([quad_expand(v), ny.transform(s0(v))])) @ w

        return scorer

    return train


for _g in (0.01, 0.04):
    VARIANTS[f"rbf nystroem 300 gamma {_g}"] = rbf_features(300, _g, 1.0)


def zquad(alpha: float = QUAD_ALPHA) -> Trainer:
    """The quadratic expansion of the raw features plus the 26 within-cluster z-scores and
    their products with the raw features' top interactions (z x raw)."""

    def train(cs: Sequence[Cluster]) -> Scorer:
        X, y, _g = design(cs, shipped_target)
        Zc = np.vstack([within_z(c.table.values, c.table.eligible)[c.table.eligible]
                        for c in cs])
        Z = np.hstack([quad_expand(X), quad_expand(Zc)])
        st = Standard(Z)
        w, _ = ridge_model(st(Z), y, alpha)

        def scorer(t):
            v = t.values.astype(np.float64)
            return st(np.hstack([quad_expand(v), quad_expand(within_z(v, t.eligible))])) @ w

        return scorer

    return train


VARIANTS["within-cluster z quadratic (both expansions)"] = zquad()
VARIANTS["within-cluster z quadratic alpha 3000"] = zquad(3000.0)


def model_oracle(k: int, weight: float = 1.0, mix: float = 0.0) -> Trainer:
    """Labels given the model's own first picks (one DAgger step): train the shipped learner,
    brief every training cluster with it, start the oracle from the ``k`` highest-scoring
    sentences of that brief and label what the oracle adds (the start keeps its free oracle
    label); retrain on precision + weight x (1 - mix) x that + weight x mix x free oracle."""
    base = quadratic_on(shipped_target)

    def train(cs: Sequence[Cluster]) -> Scorer:
        first = base(cs)
        extra = {}
        for c in cs:
            s = first(c.table)
            brief = brief_of(c, first)
            start = sorted(brief, key=lambda i: -s[i])[:k]
            lab = oracle_from(c, start)
            lab[start] = c.oracle[start]
            extra[c.id] = lab
        return quadratic_on(lambda c: c.labels + weight * ((1 - mix) * extra[c.id]
                                                            + mix * c.oracle))(cs)

    return train


for _k in (1, 2, 3):
    VARIANTS[f"model-oracle labels, {_k} first picks"] = model_oracle(_k)
VARIANTS["model-oracle labels, 2 first picks, half free oracle"] = model_oracle(2, mix=0.5)


def score_context(c: Cluster, s: np.ndarray) -> np.ndarray:
    """Where a first-stage score stands in its cluster: s - the cluster's best, percentile
    rank in the cluster, s - the article's best, rank in the article (0 = best), the scores of
    the previous and next sentences of the article (0 at the edges)."""
    e = c.table.eligible
    n = len(s)
    out = np.zeros((n, 6))
    if not n:
        return out
    es = s[e] if e.any() else s
    out[:, 0] = s - es.max()
    out[:, 1] = np.searchsorted(np.sort(es), s) / max(1, len(es))
    by_art: dict[str, list[int]] = {}
    for i, sent in enumerate(c.sentences):
        by_art.setdefault(sent.article, []).append(i)
    for rows in by_art.values():
        rows = sorted(rows, key=lambda i: c.sentences[i].index)
        el = [i for i in rows if e[i]] or rows
        best = max(s[i] for i in el)
        order = sorted(el, key=lambda i: -s[i])
        rank = {i: k for k, i in enumerate(order)}
        for k, i in enumerate(rows):
            out[i, 2] = s[i] - best
            out[i, 3] = 1.0 / (1 + rank.get(i, len(order)))
            out[i, 4] = s[rows[k - 1]] if k else 0.0
            out[i, 5] = s[rows[k + 1]] if k + 1 < len(rows) else 0.0
    return out


def stacked(alpha2: float = QUAD_ALPHA, inner: int = 4) -> Trainer:
    """Two stages: the shipped quadratic ridge, then a ridge on its quadratic expansion plus
    the first-stage score's place in its cluster and article (:func:`score_context`), the
    first-stage scores of the training clusters cross-fitted (``inner`` folds inside the
    training clusters)."""
    base = quadratic_on(shipped_target)

    def train(cs: Sequence[Cluster]) -> Scorer:
        ids = [c.id for c in cs]
        oof: dict[str, np.ndarray] = {}
        for part in folds5(ids, 100, inner):
            held = set(part)
            f = base([c for c in cs if c.id not in held])
            for c in cs:
                if c.id in held:
                    oof[c.id] = f(c.table)
        first = base(cs)
        X, y, _g = design(cs, shipped_target)
        C = np.vstack([score_context(c, oof[c.id])[c.table.eligible] for c in cs])
        Z = np.hstack([quad_expand(X), C])
        st = Standard(Z)
        w, _ = ridge_model(st(Z), y, alpha2)

        def scorer(t):
            c = by_table[id(t)]
            v = t.values.astype(np.float64)
            return st(np.hstack([quad_expand(v), score_context(c, first(t))])) @ w

        return scorer

    return train


by_table: dict[int, Cluster] = {}
VARIANTS["stacked: + first-stage score's place in cluster and article"] = stacked()
VARIANTS["stacked, alpha 3000"] = stacked(3000.0)


def oracle_quality(c: Cluster) -> float:
    """R1 + R2 F1 (x 100) of the cluster's budgeted oracle summary against its reference: how
    far an extract can follow this reference at all."""
    from cv5 import f1
    from tune import _ngrams

    flat = [t for i in np.flatnonzero(c.oracle) for t in c.toks[i]]
    return f1(_ngrams(flat, 1), _ngrams(c.ref, 1)) + f1(_ngrams(flat, 2), _ngrams(c.ref, 2))


def weighted_by_oracle(p: float) -> Trainer:
    """The shipped learner with each training cluster weighted by its oracle quality ^ p (an
    abstractive reference that no extract follows gives noisy labels)."""

    def train(cs: Sequence[Cluster]) -> Scorer:
        X, y, g = design(cs, shipped_target)
        q = np.array([max(oracle_quality(c), 1.0) for c in cs]) ** p
        Z = quad_expand(X)
        st = Standard(Z)
        w, _ = ridge_model(st(Z), y, QUAD_ALPHA, q[g] / q.mean())
        return lambda t: st(quad_expand(t.values.astype(np.float64))) @ w

    return train


for _p in (1.0, 2.0):
    VARIANTS[f"clusters weighted by oracle quality ^ {_p:g}"] = weighted_by_oracle(_p)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if any(not p.is_file() for p in FILES):
        print("no data at ../shared/data; nothing to measure")
        return
    import os

    seeds = [int(s) for s in args[args.index("--seeds") + 1].split(",")] if "--seeds" in args \
        else [0, 1, 2, 3]
    only = args[args.index("--only") + 1].split(";") if "--only" in args else None
    print(f"load average {os.getloadavg()[0]:.2f}; fold seeds {seeds}")
    cs = cached_clusters()
    by_table.update({id(c.table): c for c in cs if c.table is not None})
    for name, trainer in VARIANTS.items():
        if only and name != BASELINE and not any(w in name for w in only):
            continue
        per_seed = []
        for seed in seeds:
            r1, r2, pairs = fold_means(fold_results(cs, trainer, seed))
            per_seed.append((r1, r2))
            if seed == 0 and "--folds" in args:
                print("  seed-0 folds " + ", ".join(f"{a:.2f}/{b:.2f}" for a, b in pairs))
        m1, m2 = np.mean([p[0] for p in per_seed]), np.mean([p[1] for p in per_seed])
        each = ", ".join(f"{a:.2f}/{b:.2f}" for a, b in per_seed)
        print(f"{m1:6.2f} / {m2:5.2f}  {name}  [{each}]", flush=True)


if __name__ == "__main__":
    main()
