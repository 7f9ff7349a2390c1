"""Learn the default scorer's weights from clusters with reference summaries.

Each sentence is labelled 1 when a greedy oracle (whole sentences, maximizing ROUGE-1 + ROUGE-2
F1 against the reference) picks it, else 0. A logistic regression on the standardized
features of the eligible sentences learns how likely a sentence is to belong to a good
summary; the coefficients, divided by the feature scales, are the linear scorer's weights
(a constant shift does not change a ranking, so the intercept is dropped).

    python bench/tune.py [FILE.jsonl]      # prints DEFAULT_WEIGHTS trained on all clusters

bench/cv.py uses :func:`prepare` and :func:`fit` to train on one half and test on the other.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsweave.batch.runner import cluster_articles
from newsweave.options import BriefOptions, Limits
from newsweave.pipeline import analyse
from newsweave.summarize import compute_features
from newsweave.summarize.features import FeatureTable, sentence_counts

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews-dev50.jsonl"
SEED = 0
ALPHA = 10.0  # inverse L2 strength of the logistic regression (C = 1 / ALPHA)


@dataclass(slots=True)
class Item:
    id: str
    table: FeatureTable
    labels: np.ndarray


def load(path: Path | str = DEV) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def folds(ids: Iterable[str], seed: int = SEED) -> tuple[list[str], list[str]]:
    """Two halves of the cluster ids by a fixed seeded shuffle."""
    ordered = sorted(ids)
    random.Random(seed).shuffle(ordered)
    half = len(ordered) // 2
    return sorted(ordered[:half]), sorted(ordered[half:])


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(cand: Counter, ref: Counter) -> float:
    overlap = sum((cand & ref).values())
    if overlap == 0:
        return 0.0
    p = overlap / sum(cand.values())
    r = overlap / sum(ref.values())
    return 2 * p * r / (p + r)


def oracle_labels(sentence_tokens: Sequence[Sequence[str]], reference: Sequence[str]) -> np.ndarray:
    """1 for the sentences a greedy ROUGE-1 + ROUGE-2 oracle selects."""
    r1, r2 = _ngrams(reference, 1), _ngrams(reference, 2)
    grams = [(_ngrams(t, 1), _ngrams(t, 2)) for t in sentence_tokens]
    chosen: list[int] = []
    c1: Counter = Counter()
    c2: Counter = Counter()
    best = 0.0
    while True:
        pick = None
        for i, (g1, g2) in enumerate(grams):
            if i in chosen or len(sentence_tokens[i]) < 4:
                continue
            a, b = c1 + g1, c2 + g2
            value = _f1(a, r1) + _f1(b, r2)
            if value > best:
                best, pick = value, (i, a, b)
        if pick is None:
            break
        chosen.append(pick[0])
        c1, c2 = pick[1], pick[2]
    labels = np.zeros(len(sentence_tokens))
    labels[chosen] = 1.0
    return labels


def prepare(records: Sequence[dict], options: BriefOptions | None = None) -> list[Item]:
    """Features (exactly as the pipeline computes them) and oracle labels per cluster."""
    from rouge_score import rouge_scorer

    tokenizer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer
    options = options or BriefOptions(analyze=False)
    items = []
    for rec in records:
        arts = [a for a in cluster_articles(rec, str(rec["id"])) if a.text.strip()]
        state = analyse(arts, options, Limits())
        al = state.alignment
        table = compute_features(
            al, state.groups, sentence_counts(al.sentences), options.min_words, options.max_words,
            titles={a.id: a.title for a in state.articles},
        )
        toks = [tokenizer.tokenize(s.text) for s in al.sentences]
        labels = oracle_labels(toks, tokenizer.tokenize(rec["reference"]))
        items.append(Item(str(rec["id"]), table, labels))
    return items


def fit(items: Sequence[Item], alpha: float = ALPHA) -> dict[str, float]:
    """Weights by feature name, learned on the eligible sentences of ``items``."""
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([it.table.values[it.table.eligible] for it in items]).astype(np.float64)
    y = np.concatenate([it.labels[it.table.eligible] for it in items])
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    model = LogisticRegression(C=1.0 / alpha, max_iter=5000).fit((X - mu) / sd, y)
    coef = model.coef_.ravel() / sd
    return {name: round(float(w), 4) for name, w in zip(items[0].table.names, coef, strict=True)}


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else DEV
    if not path.is_file():
        print(f"no data at {path}; nothing to tune")
        return
    weights = fit(prepare(load(path)))
    print("DEFAULT_WEIGHTS: dict[str, float] = {")
    for name, w in weights.items():
        print(f'    "{name}": {w},')
    print("}")


if __name__ == "__main__":
    main()
