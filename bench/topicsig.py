"""Topic-signature features against a background of the 44,891 truncated Multi-News train
clusters (issue 12, session 24, experiment): words much more frequent in the cluster than in
news at large (Lin & Hovy's log-likelihood ratio), and a centroid weighted by background IDF.

    python bench/topicsig.py bg            # background counts -> /tmp/quality/bg.pkl
    python bench/topicsig.py cv [--seeds 0,1] FEATS ...   # FEATS: ts_share,ts_count,bgcen
"""

from __future__ import annotations

import math
import pickle
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lexmodel import OUT, words  # noqa: E402

STOP = None


def build_bg() -> None:
    with open(OUT / "lexdata.pkl", "rb") as fh:
        d = pickle.load(fh)
    tf: Counter = Counter()
    df: Counter = Counter()
    last, seen = -1, set()
    for s, c in zip(d["sents"], d["cluster"].tolist(), strict=True):
        ws = s.split()
        tf.update(ws)
        if c != last:
            df.update(seen)
            seen, last = set(), c
        seen.update(ws)
    df.update(seen)
    n = int(d["cluster"].max()) + 1
    with open(OUT / "bg.pkl", "wb") as fh:
        pickle.dump({"tf": dict(tf), "df": dict(df), "n": n, "total": sum(tf.values())}, fh)
    print(len(tf), "words,", n, "clusters")


def _ll(k: float, n: float, p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return k * math.log(p) + (n - k) * math.log(1 - p)


def llr(k1: int, n1: int, k2: int, n2: int) -> float:
    p1, p2, p = k1 / n1, k2 / n2, (k1 + k2) / (n1 + n2)
    return 2 * (_ll(k1, n1, p1) + _ll(k2, n2, p2) - _ll(k1, n1, p) - _ll(k2, n2, p))


def features(c, bg, stop, feats, threshold=10.83):
    toks = [words(s.text) for s in c.sentences]
    ctf = Counter(t for ws in toks for t in ws)
    n1 = sum(ctf.values()) or 1
    btf, total, bdf, nb = bg["tf"], bg["total"], bg["df"], bg["n"]
    sig = set()
    for w, k in ctf.items():
        if w in stop or w == "0":
            continue
        k2 = btf.get(w, 0)
        if k / n1 > k2 / total and llr(k, n1, k2, total) > threshold:
            sig.add(w)
    idf = {w: math.log((nb + 1) / (bdf.get(w, 0) + 1)) for w in ctf}
    cen = {w: k * idf[w] for w, k in ctf.items() if w not in stop}
    cnorm = math.sqrt(sum(v * v for v in cen.values())) or 1.0
    out = np.zeros((len(toks), len(feats)), dtype=np.float32)
    for i, ws in enumerate(toks):
        content = [w for w in ws if w not in stop]
        if not content:
            continue
        row = {}
        row["ts_share"] = sum(w in sig for w in content) / len(content)
        row["ts_count"] = min(10, sum(w in sig for w in set(content))) / 10
        v = Counter(content)
        dot = sum(k * idf[w] * cen[w] for w, k in v.items())
        vn = math.sqrt(sum((k * idf[w]) ** 2 for w, k in v.items())) or 1.0
        row["bgcen"] = dot / vn / cnorm
        out[i] = [row[f] for f in feats]
    return out


def with_features(cs, feats):
    from newsweave.summarize.features import FeatureTable
    from newsweave.text.stopwords import stop_words

    with open(OUT / "bg.pkl", "rb") as fh:
        bg = pickle.load(fh)
    stop = set(stop_words("english"))
    out = []
    for c in cs:
        if c.table is None:
            out.append(c)
            continue
        cols = features(c, bg, stop, feats)
        out.append(replace(c, table=FeatureTable(c.table.names + tuple(feats),
                                                 np.hstack([c.table.values, cols]),
                                                 c.table.eligible)))
    return out


def main() -> None:
    args = sys.argv[1:]
    if args[0] == "bg":
        build_bg()
        return
    from cv5 import quadratic_trainer
    from learners import cached_clusters, report_seeds, seeds_arg

    seeds, args = seeds_arg(args)
    cs = cached_clusters()
    for spec in args[1:]:
        data = cs if spec == "base" else with_features(cs, spec.split(","))
        report_seeds(spec, data, quadratic_trainer, seeds)


if __name__ == "__main__":
    main()
