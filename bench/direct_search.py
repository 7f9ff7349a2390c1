"""Direct search of the scorer's weights for summary-level ROUGE, with the real selection.

A simulator precomputes, per cluster, everything selection and ROUGE-1/2 need (feature
table, eligibility, similarity, budget, 4-gram sets, rouge-score's stemmed tokens counted
against the reference), so one evaluation of 25 clusters takes milliseconds. ``--check``
shows that it reproduces ``newsweave eval`` per cluster for the shipped weights.

The search starts from the ridge weights of bench/tune.py (in standardized coordinates,
z = weight x feature s.d.) and maximises the mean of ROUGE-1 + ROUGE-2 over the training
clusters by steepest coordinate ascent (each step moves one coordinate by +-step):

- ``ascent``: unregularised; the number of steps is picked on an inner 2-fold split of the
  training half (ascent on one inner half, ROUGE on the other, curves averaged);
- ``bagged``: ascent on bootstrap resamples of the training half, small steps, the mean
  move applied at half strength.

Each is scored by the 2-fold protocol of bench/cv.py over several seeded splits:

    python bench/direct_search.py [FILE.jsonl] [--check] [--seeds 1,2,3,4,5,6,7,0]
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsweave.evaluate.rouge import newline_sentences  # noqa: E402
from newsweave.ingest.clusters import cluster_articles  # noqa: E402
from newsweave.options import BriefOptions, adaptive_budget  # noqa: E402
from newsweave.summarize.select import _ngrams, reading_order  # noqa: E402
from newsweave.types import Sentence  # noqa: E402
from tune import (  # noqa: E402
    DEV,
    Item,
    featurize,
    fit,
    folds,
    load,
    precision_targets,
    rouge_tokenizer,
)

Steps = tuple[float, ...]


@dataclass(slots=True)
class Cluster:
    id: str
    item: Item  # features + ridge targets (bench/tune.py)
    eligible: np.ndarray
    similarity: np.ndarray
    budget: int
    sentences: list[Sentence]
    order: dict[str, int]
    keys: list[str]  # selection's exact-duplicate key
    grams: list[frozenset[tuple[str, ...]]]  # selection's 4-gram sets
    uni: list[dict[int, int]]  # reference-unigram id -> count, per sentence
    bi: list[dict[int, int]]  # reference-bigram id -> count within the sentence, per sentence
    ntok: list[int]
    ends: list[tuple[str, str] | None]  # first and last token of each sentence
    ref_uni: np.ndarray
    ref_bi: np.ndarray
    ref_bigram_id: dict[tuple[str, str], int]
    ref_len: int


def build(records: Sequence[dict[str, Any]]) -> list[Cluster]:
    tok = rouge_tokenizer()
    opts = BriefOptions(analyze=False)
    out = []
    for rec in records:
        state, table = featurize(rec, opts)
        al = state.alignment
        eligible = table.eligible
        if not eligible.any():  # as pipeline.summarize
            eligible = np.array([any(c.isalnum() for c in s.text) for s in al.sentences])
        ref = tok.tokenize(newline_sentences(rec["reference"]))
        ru, rb = Counter(ref), Counter(zip(ref, ref[1:], strict=False))
        uid = {w: k for k, w in enumerate(ru)}
        bid = {g: k for k, g in enumerate(rb)}
        toks = [tok.tokenize(s.text) for s in al.sentences]
        labels = precision_targets(toks, tok.tokenize(rec["reference"]))
        out.append(Cluster(
            id=str(rec["id"]),
            item=Item(str(rec["id"]), table, labels),
            eligible=eligible,
            similarity=al.similarity,
            budget=adaptive_budget(len(set(state.groups.values())),
                                   sum(s.words for s in al.sentences)),
            sentences=list(al.sentences),
            order=state.order,
            keys=[" ".join(s.text.lower().split()) for s in al.sentences],
            grams=[frozenset(_ngrams(s.text, 4)) for s in al.sentences],
            uni=[dict(Counter(uid[w] for w in t if w in uid)) for t in toks],
            bi=[
                dict(Counter(bid[g] for g in zip(t, t[1:], strict=False) if g in bid))
                for t in toks
            ],
            ntok=[len(t) for t in toks],
            ends=[(t[0], t[-1]) if t else None for t in toks],
            ref_uni=np.array(list(ru.values())),
            ref_bi=np.array(list(rb.values())),
            ref_bigram_id=bid,
            ref_len=len(ref),
        ))
    return out


def choose(
    c: Cluster, scores: np.ndarray, redundancy: float = 0.55, min_words: int = 6
) -> list[int]:
    """summarize/select.py ``select`` on the precomputed keys and 4-gram sets."""
    el = np.flatnonzero(c.eligible)
    chosen: list[int] = []
    seen_text: set[str] = set()
    seen_grams: set[tuple[str, ...]] = set()
    used = 0
    for i in el[np.argsort(-scores[el], kind="stable")]:
        w = c.sentences[i].words
        if used + w > c.budget:
            if c.budget - used < min_words:
                break
            continue
        if c.keys[i] in seen_text:
            continue
        if chosen and float(c.similarity[i, chosen].max()) >= redundancy:
            continue
        if not c.grams[i].isdisjoint(seen_grams):
            continue
        chosen.append(int(i))
        seen_text.add(c.keys[i])
        seen_grams |= c.grams[i]
        used += w
    if not chosen and len(el):
        chosen = [int(el[np.argsort(-scores[el], kind="stable")[0]])]
    return chosen


def _f(overlap: int, pred: int, ref: int) -> float:
    p, r = overlap / max(pred, 1), overlap / max(ref, 1)
    return 0.0 if p + r == 0 else 200 * p * r / (p + r)


def rouge12(c: Cluster, seq: Sequence[int]) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F1 x 100 of the sentences ``seq`` in that order (bigrams run on
    across sentence ends, as rouge-score tokenizes the joined text)."""
    cu = np.zeros(len(c.ref_uni), dtype=np.int64)
    cb = np.zeros(len(c.ref_bi), dtype=np.int64)
    n = 0
    last = None
    for i in seq:
        for k, v in c.uni[i].items():
            cu[k] += v
        for k, v in c.bi[i].items():
            cb[k] += v
        n += c.ntok[i]
        ends = c.ends[i]
        if ends is not None:
            if last is not None and (g := c.ref_bigram_id.get((last, ends[0]))) is not None:
                cb[g] += 1
            last = ends[1]
    o1 = int(np.minimum(cu, c.ref_uni).sum())
    o2 = int(np.minimum(cb, c.ref_bi).sum())
    return _f(o1, n, c.ref_len), _f(o2, max(0, n - 1), max(0, c.ref_len - 1))


def scores_of(cl: Sequence[Cluster], w: np.ndarray, ordered: bool = True) -> np.ndarray:
    """(n_clusters, 2) ROUGE-1/2 of each cluster's brief under raw weights ``w``."""
    w32 = w.astype(np.float32)
    out = np.zeros((len(cl), 2))
    for k, c in enumerate(cl):
        chosen = choose(c, c.item.table.values @ w32)
        if ordered:
            chosen = reading_order(c.sentences, chosen, c.order, c.similarity)
        out[k] = rouge12(c, chosen)
    return out


def ridge_start(cl: Sequence[Cluster]) -> tuple[np.ndarray, np.ndarray]:
    """Ridge weights in standardized coordinates, and the feature s.d. (as tune.fit)."""
    items = [c.item for c in cl]
    X = np.vstack([it.table.values[it.table.eligible] for it in items]).astype(np.float64)
    sd = X.std(axis=0)
    sd[sd == 0] = 1.0
    weights = fit(items)
    return np.array([weights[n] for n in items[0].table.names]) * sd, sd


def ascent(cl: Sequence[Cluster], z0: np.ndarray, sd: np.ndarray, steps: int,
           sizes: Steps = (0.01, 0.02, 0.04)) -> list[np.ndarray]:
    """Steepest coordinate ascent of mean R1 + R2; the path (z0 first, ``steps`` + 1 long)."""
    z = z0.copy()
    cur = float(scores_of(cl, z / sd, ordered=False).sum(1).mean())
    path = [z.copy()]
    for _ in range(steps):
        best, best_z = cur, None
        for j in range(len(z)):
            for s in sizes:
                for sign in (1.0, -1.0):
                    zz = z.copy()
                    zz[j] += sign * s
                    v = float(scores_of(cl, zz / sd, ordered=False).sum(1).mean())
                    if v > best:
                        best, best_z = v, zz
        if best_z is None:
            break
        z, cur = best_z, best
        path.append(z.copy())
    path.extend([z.copy()] * (steps + 1 - len(path)))
    return path


def ascent_es(train: Sequence[Cluster], max_steps: int = 8) -> np.ndarray:
    """Ascent whose step count is picked on an inner 2-fold split of ``train``."""
    by_id = {c.id: c for c in train}
    curves = []
    for halves in (folds(by_id, 100),):
        for k in (0, 1):
            a = [by_id[i] for i in halves[k]]
            b = [by_id[i] for i in halves[1 - k]]
            z0, sd = ridge_start(a)
            path = ascent(a, z0, sd, max_steps)
            curves.append([scores_of(b, z / sd).sum(1).mean() for z in path])
    steps = int(np.argmax(np.mean(curves, axis=0)))
    z0, sd = ridge_start(train)
    return ascent(train, z0, sd, steps)[-1] / sd


def bagged(train: Sequence[Cluster], seed: int, bags: int = 8, steps: int = 4,
           shrink: float = 0.5) -> np.ndarray:
    z0, sd = ridge_start(train)
    rng = np.random.default_rng(seed)
    moves = []
    for _ in range(bags):
        sample = [train[i] for i in rng.integers(0, len(train), len(train))]
        moves.append(ascent(sample, z0, sd, steps, (0.005, 0.01))[-1] - z0)
    return (z0 + shrink * np.mean(moves, axis=0)) / sd


def ridge(train: Sequence[Cluster]) -> np.ndarray:
    z0, sd = ridge_start(train)
    return z0 / sd


def check(cl: Sequence[Cluster], path: Path) -> None:
    from newsweave.evaluate.rouge import RougeEvaluator
    from newsweave.pipeline import make_brief
    from newsweave.summarize.scorers import DEFAULT_WEIGHTS

    names = cl[0].item.table.names
    sim = scores_of(cl, np.array([DEFAULT_WEIGHTS.get(n, 0.0) for n in names]))
    ev = RougeEvaluator()
    worst = 0.0
    for k, rec in enumerate(load(path)):
        brief = make_brief(cluster_articles(rec, str(rec["id"])), BriefOptions(analyze=False))
        s = ev.score("\n".join(i.text for i in brief.summary), rec["reference"])
        worst = max(worst, abs(s["rouge1"] - sim[k, 0]), abs(s["rouge2"] - sim[k, 1]))
    print(f"simulator vs newsweave eval, shipped weights, {len(cl)} clusters: "
          f"R1 {sim[:, 0].mean():.2f} R2 {sim[:, 1].mean():.2f}; largest gap {worst:.2e}")


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    seeds = [1, 2, 3, 4, 5, 6, 7, 0]
    if "--seeds" in args:
        k = args.index("--seeds")
        seeds = [int(x) for x in args[k + 1].split(",")]
        del args[k : k + 2]
    do_check = "--check" in args
    args = [a for a in args if a != "--check"]
    path = Path(args[0]) if args else DEV
    if not path.is_file():
        print(f"no data at {path}; nothing to search")
        return
    cl = build(load(path))
    if do_check:
        check(cl, path)
    by_id = {c.id: c for c in cl}
    variants: dict[str, Callable[[list[Cluster], int], np.ndarray]] = {
        "ridge (bench/cv.py)": lambda tr, s: ridge(tr),
        "ascent, steps picked on inner split": lambda tr, s: ascent_es(tr),
        "bagged ascent (8 x 4 small steps, x0.5)": lambda tr, s: bagged(tr, s),
    }
    print(f"{'variant':<42} {'R1':>6} {'R2':>6}   (mean of {2 * len(seeds)} folds, seeds {seeds})")
    for label, make in variants.items():
        rows = []
        for seed in seeds:
            halves = folds(by_id, seed)
            for k in (0, 1):
                train = [by_id[i] for i in halves[k]]
                test = [by_id[i] for i in halves[1 - k]]
                rows.append(scores_of(test, make(train, 1000 * seed + k)).mean(axis=0))
        r1, r2 = np.mean(rows, axis=0)
        print(f"{label:<42} {r1:6.2f} {r2:6.2f}", flush=True)


if __name__ == "__main__":
    main()
