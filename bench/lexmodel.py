"""A lexical sentence model pre-trained on the 44,891 truncated Multi-News train clusters
(issue 12, session 24): word uni- and bigrams of a sentence -> how much of it the cluster's
reference contains (ROUGE-1 precision + 2 x ROUGE-2 precision, the precision part of the
shipped scorer's target). None of these clusters is among the 200 raw ones, so the model may
serve every fold of bench/cv5.py as one more feature.

    python bench/lexmodel.py data      # sentences, tokens and targets -> /tmp/quality/lexdata.pkl
    python bench/lexmodel.py fit [...] # vocabulary + ridge -> /tmp/quality/lex-NAME.npz
    python bench/lexmodel.py cv NAME [--seeds 0,1] # the model's score as a 27th feature

Tokens are the pipeline's "alnum" tokens (lower-cased runs of ASCII letters and digits), a
token holding a digit becomes "0"; the truncated text is lower-cased with punctuation split
off, which these tokens do not see.
"""

from __future__ import annotations

import gzip
import json
import pickle
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
TRAIN = Path("/work/shared/data/multinews-train-truncated.jsonl.gz")
OUT = Path("/tmp/quality")
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?\s?[A-Z0-9])")
_ALNUM = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")
_NONALNUM = re.compile(r"[^a-z0-9]+")


def words(text: str) -> list[str]:
    return ["0" if _DIGIT.search(t) else t for t in _ALNUM.findall(text.lower())]


def grams(ws: list[str]) -> list[str]:
    return ws + [a + " " + b for a, b in zip(ws, ws[1:], strict=False)]


def rouge_tokens_fn():
    from rouge_score import tokenizers

    stem = lru_cache(maxsize=None)(tokenizers.DefaultTokenizer(True)._stemmer.stem)

    def tok(text: str) -> list[str]:
        return [stem(x) if len(x) > 3 else x for x in _NONALNUM.sub(" ", text.lower()).split()]

    return tok


def precision(t: list[str], r1: Counter, r2: Counter) -> float:
    g1 = Counter(t)
    g2 = Counter(zip(t, t[1:], strict=False))
    p1 = sum((g1 & r1).values()) / max(1, len(t))
    p2 = sum((g2 & r2).values()) / max(1, len(t) - 1)
    return p1 + 2 * p2


def build_data(limit: int | None = None) -> None:
    from tune import budget_oracle

    tok = rouge_tokens_fn()
    sents, target, cluster, pos, oracle = [], [], [], [], []
    with gzip.open(TRAIN, "rt") as fh:
        for k, line in enumerate(fh):
            if limit and k >= limit:
                break
            rec = json.loads(line)
            ref = tok(rec["reference"])
            r1, r2 = Counter(ref), Counter(zip(ref, ref[1:], strict=False))
            start = len(sents)
            rtoks = []
            for art in rec["articles"]:
                for j, s in enumerate(_SPLIT.split(art["text"].strip())):
                    ws = words(s)
                    if len(ws) < 6:
                        continue
                    sents.append(" ".join(ws))
                    rtoks.append(tok(s))
                    target.append(precision(rtoks[-1], r1, r2))
                    cluster.append(k)
                    pos.append(j)
            # the oracle within the reference's own length (the source is cut to ~430 words)
            lens = [len(x.split()) for x in sents[start:]]
            oracle.extend(budget_oracle(rtoks, ref, np.ones(len(rtoks), dtype=bool), lens,
                                        min(len(ref), sum(lens) // 2)).tolist())
    OUT.mkdir(exist_ok=True)
    with open(OUT / "lexdata.pkl", "wb") as fh:
        pickle.dump({"sents": sents, "target": np.array(target, dtype=np.float32),
                     "cluster": np.array(cluster), "pos": np.array(pos),
                     "oracle": np.array(oracle, dtype=np.float32)}, fh)
    print(f"{len(sents)} sentences from {k} clusters")


def design_matrix(sents, vocab: dict[str, int], norm: str, pos=None, n_pos: int = 0):
    from scipy import sparse

    rows, cols, vals = [], [], []
    for i, s in enumerate(sents):
        gs = grams(s.split())
        ids = [vocab[g] for g in gs if g in vocab]
        if ids:
            v = 1.0 / len(gs) if norm == "l1" else 1.0 / np.sqrt(len(gs))
            rows.extend([i] * len(ids))
            cols.extend(ids)
            vals.extend([v] * len(ids))
        if n_pos:
            rows.append(i)
            cols.append(len(vocab) + min(int(pos[i]), n_pos - 1))
            vals.append(1.0)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(sents), len(vocab) + n_pos),
                             dtype=np.float32)


def fit(name: str, min_df: int = 20, norm: str = "l1", n_pos: int = 0, alpha: float = 1.0,
        centred: bool = False, oracle_w: float = 0.0, resid: bool = False) -> None:
    from scipy.stats import spearmanr
    from sklearn.linear_model import Ridge

    with open(OUT / "lexdata.pkl", "rb") as fh:
        d = pickle.load(fh)
    sents, y, cl, pos = d["sents"], d["target"].astype(np.float64), d["cluster"], d["pos"]
    if oracle_w:
        y = y + oracle_w * d["oracle"]
    if resid:
        y = d["resid"].astype(np.float64)
    if centred:
        means = np.bincount(cl, weights=y) / np.maximum(1, np.bincount(cl))
        y = y - means[cl]
    df: Counter = Counter()
    for s in sents:
        df.update(set(grams(s.split())))
    vocab_list = sorted(g for g, c in df.items() if c >= min_df)
    vocab = {g: k for k, g in enumerate(vocab_list)}
    X = design_matrix(sents, vocab, norm, pos, n_pos)
    dev = cl >= cl.max() - 2000  # the last 2,000 clusters: a within-cluster check
    m = Ridge(alpha=alpha, solver="sparse_cg").fit(X[~dev], y[~dev])
    p = m.predict(X[dev])
    rho = [spearmanr(p[cl[dev] == k], y[dev][cl[dev] == k])[0] for k in np.unique(cl[dev])]
    print(f"{name}: vocab {len(vocab)}, within-cluster Spearman on 2,000 held-out train "
          f"clusters {np.nanmean(rho):.3f}")
    m = Ridge(alpha=alpha, solver="sparse_cg").fit(X, y)
    w = m.coef_.astype(np.float32)
    np.savez(OUT / f"lex-{name}.npz", vocab=np.array(vocab_list), w=w[:len(vocab)],
             pos=w[len(vocab):], b=m.intercept_, norm=norm)


def lex_scorer(name: str):
    z = np.load(OUT / f"lex-{name}.npz")
    table = dict(zip(z["vocab"].tolist(), z["w"].tolist(), strict=True))
    norm = str(z["norm"])

    def score(text: str) -> float:
        gs = grams(words(text))
        if not gs:
            return 0.0
        t = sum(table.get(g, 0.0) for g in gs)
        return t / len(gs) if norm == "l1" else t / np.sqrt(len(gs))

    return score


def with_feature(cs, name: str):
    from dataclasses import replace

    from newsweave.summarize.features import FeatureTable

    if name.startswith("noise"):
        rng = np.random.default_rng(int(name[5:] or 0))

        def f(text: str) -> float:
            return float(rng.random())
    else:
        f = lex_scorer(name)
    out = []
    for c in cs:
        if c.table is None:
            out.append(c)
            continue
        col = np.array([f(s.text) for s in c.sentences], dtype=np.float32).reshape(-1, 1)
        t = FeatureTable(c.table.names + ("lex",), np.hstack([c.table.values, col]),
                         c.table.eligible)
        out.append(replace(c, table=t))
    return out


def _without_last(cs):
    from dataclasses import replace

    from newsweave.summarize.features import FeatureTable

    return [replace(c, table=FeatureTable(c.table.names[:-1], c.table.values[:, :-1],
                                          c.table.eligible)) for c in cs]


def blended(beta: float):
    """The shipped quadratic on the 26 features + beta x the lexical score, standardized
    on the training rows."""
    from cv5 import quadratic_trainer

    def train(cs):
        cs = [c for c in cs if c.table is not None]
        base = quadratic_trainer(_without_last(cs))
        lex = np.concatenate([c.table.values[c.table.eligible, -1] for c in cs])
        mu, sd = float(lex.mean()), float(lex.std()) or 1.0
        names = cs[0].table.names[:-1]

        def score(t):
            from newsweave.summarize.features import FeatureTable

            s = base(FeatureTable(names, t.values[:, :-1], t.eligible))
            return s + beta * (t.values[:, -1] - mu) / sd

        return score

    return train


def linear_extra(cs):
    """Quadratic on the 26 features, the lexical score linear only (one more column)."""
    from sklearn.linear_model import Ridge

    from tune import QUAD_ALPHA, products

    cs = [c for c in cs if c.table is not None]
    X = np.vstack([c.table.values[c.table.eligible] for c in cs]).astype(np.float64)
    y = np.concatenate([(c.labels + c.oracle)[c.table.eligible] for c in cs])
    Z = np.hstack([X[:, :-1], products(X[:, :-1]), X[:, -1:]])
    mu, sd = Z.mean(axis=0), Z.std(axis=0)
    sd[sd == 0] = 1.0
    coef = Ridge(alpha=QUAD_ALPHA).fit((Z - mu) / sd, y).coef_.ravel() / sd

    def score(t):
        x = t.values.astype(np.float64)
        return np.hstack([x[:, :-1], products(x[:, :-1]), x[:, -1:]]) @ coef

    return score


def zscored(c):
    if c.table is None or not c.table.eligible.any():
        return c
    v = c.table.values.copy()
    e = c.table.eligible
    col = v[:, -1]
    v[:, -1] = (col - col[e].mean()) / (col[e].std() + 1e-6)
    from dataclasses import replace

    from newsweave.summarize.features import FeatureTable

    return replace(c, table=FeatureTable(c.table.names, v, e))


def cv(names: list[str], seeds: list[int]) -> None:
    from cv5 import quadratic_trainer as plain
    from learners import cached_clusters, report_seeds

    cs = cached_clusters()
    for spec in names:
        name, _, mode = spec.partition(":")
        data = cs if name == "base" else with_feature(cs, name)
        if mode == "z":
            data = [zscored(c) for c in data]
        trainer = plain
        if mode.startswith("blend="):
            trainer = blended(float(mode[6:]))
        elif mode == "lin":
            trainer = linear_extra
        report_seeds(spec, data, trainer, seeds)


def main() -> None:
    cmd = sys.argv[1]
    if cmd == "data":
        build_data(int(sys.argv[2]) if len(sys.argv) > 2 else None)
    elif cmd == "fit":
        kw = dict(a.split("=") for a in sys.argv[3:])
        fit(sys.argv[2], min_df=int(kw.get("min_df", 20)), norm=kw.get("norm", "l1"),
            n_pos=int(kw.get("n_pos", 0)), alpha=float(kw.get("alpha", 1.0)),
            centred=kw.get("centred", "0") == "1", oracle_w=float(kw.get("oracle", 0)),
            resid=kw.get("resid", "0") == "1")
    elif cmd == "resid":
        residual_target()
    elif cmd == "cv":
        seeds = [0]
        args = sys.argv[2:]
        if "--seeds" in args:
            k = args.index("--seeds")
            seeds = [int(x) for x in args[k + 1].split(",")]
            args = args[:k] + args[k + 2:]
        cv(args, seeds)



def residual_target() -> None:
    """The precision target less what cross-source word counts and position already tell
    (a small quadratic ridge on truncated-text stand-ins of word_sources, pair_sources,
    word_freq, position and length), saved as lexdata's "resid": a lexical model trained on
    it learns only what those features do not know."""
    from sklearn.linear_model import Ridge

    from newsweave.text.stopwords import stop_words
    from tune import products

    stop = set(stop_words("english"))
    with open(OUT / "lexdata.pkl", "rb") as fh:
        d = pickle.load(fh)
    sents, cl, pos = d["sents"], d["cluster"], d["pos"]
    y = d["target"].astype(np.float64) + d["oracle"]
    n = len(sents)
    F = np.zeros((n, 7))
    start = 0
    while start < n:
        end = start
        while end < n and cl[end] == cl[start]:
            end += 1
        art = np.zeros(end - start, dtype=int)
        for k in range(start + 1, end):
            art[k - start] = art[k - start - 1] + (pos[k] <= pos[k - 1])
        na = art.max() + 1
        toks = [sents[k].split() for k in range(start, end)]
        wsets = [set() for _ in range(na)]
        psets = [set() for _ in range(na)]
        freq: Counter = Counter()
        for a, ws in zip(art, toks, strict=True):
            c = [w for w in ws if w not in stop]
            wsets[a].update(c)
            psets[a].update(zip(ws, ws[1:], strict=False))
            freq.update(c)
        total = sum(freq.values()) or 1
        for r, (a, ws) in enumerate(zip(art, toks, strict=True)):
            c = [w for w in ws if w not in stop]
            pairs = list(zip(ws, ws[1:], strict=False))
            others = na - 1
            if others and c:
                F[start + r, 0] = np.mean([sum(w in wsets[b] for b in range(na) if b != a)
                                           for w in c]) / others
            if others and pairs:
                F[start + r, 1] = np.mean([sum(p in psets[b] for b in range(na) if b != a)
                                           for p in pairs]) / others
            if c:
                F[start + r, 2] = np.mean([freq[w] for w in c]) / total * 100
            F[start + r, 3] = 1.0 / (1.0 + pos[start + r])
            F[start + r, 4] = pos[start + r] == 0
            F[start + r, 5] = min(len(ws), 40) / 40
            F[start + r, 6] = others > 0
        start = end
    Z = np.hstack([F, products(F)])
    mu, sd = Z.mean(axis=0), Z.std(axis=0)
    sd[sd == 0] = 1
    m = Ridge(alpha=10).fit((Z - mu) / sd, y)
    pred = m.predict((Z - mu) / sd)
    print(f"stand-in features explain R^2 {1 - np.var(y - pred) / np.var(y):.3f}")
    d["resid"] = (y - pred).astype(np.float32)
    with open(OUT / "lexdata.pkl", "wb") as fh:
        pickle.dump(d, fh)


if __name__ == "__main__":
    main()
