"""Learn the default scorer's weights from clusters with reference summaries.

Each sentence's target is how much of it the reference contains: its ROUGE-1 precision plus
twice its ROUGE-2 precision against the reference (clipped n-gram counts, rouge-score's
stemming tokenizer). A ridge regression on the standardized features of the eligible sentences
predicts it; the coefficients, divided by the feature scales, are the linear scorer's weights
(a constant shift does not change a ranking, so the intercept is dropped). Redundancy is left
to selection (summarize/select.py), which drops candidates that repeat a chosen sentence.

Earlier target, kept for comparison: 1 when a greedy ROUGE-1 + ROUGE-2 oracle picks the
sentence (``oracle_labels``), fitted by logistic regression (2-fold R1 46.11 / R2 16.25 with
the old selection; the regression target 46.58 / 17.48 with 4-gram blocking).

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
from typing import Any

import numpy as np

from newsweave.ingest.clusters import cluster_articles
from newsweave.options import BriefOptions, Limits
from newsweave.pipeline import Analysed, analyse
from newsweave.summarize import compute_features
from newsweave.summarize.features import FeatureTable, sentence_counts

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews-dev50.jsonl"
SEED = 0
ALPHA = 10.0  # L2 strength of the ridge regression (on standardized features)
BIGRAM_WEIGHT = 2.0  # target = ROUGE-1 precision + BIGRAM_WEIGHT * ROUGE-2 precision


@dataclass(slots=True)
class Item:
    id: str
    table: FeatureTable
    labels: np.ndarray  # regression target per sentence (see ``precision_targets``)


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


def precision_targets(
    sentence_tokens: Sequence[Sequence[str]], reference: Sequence[str]
) -> np.ndarray:
    """ROUGE-1 precision + BIGRAM_WEIGHT * ROUGE-2 precision of each sentence alone."""
    r1, r2 = _ngrams(reference, 1), _ngrams(reference, 2)
    out = np.zeros(len(sentence_tokens))
    for i, t in enumerate(sentence_tokens):
        g1, g2 = _ngrams(t, 1), _ngrams(t, 2)
        p1 = sum((g1 & r1).values()) / max(1, sum(g1.values()))
        p2 = sum((g2 & r2).values()) / max(1, sum(g2.values()))
        out[i] = p1 + BIGRAM_WEIGHT * p2
    return out


def rouge_tokenizer() -> Any:
    """rouge-score's own tokenizer with stemming, as ``newsweave eval`` scores."""
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer


def featurize(rec: dict, options: BriefOptions) -> tuple[Analysed, FeatureTable]:
    """One dev cluster through the pipeline up to its feature table, exactly as ``brief``."""
    arts = [a for a in cluster_articles(rec, str(rec["id"])) if a.text.strip()]
    state = analyse(arts, options, Limits())
    al = state.alignment
    table = compute_features(
        al, state.groups, sentence_counts(al.sentences), options.min_words, options.max_words,
        titles={a.id: a.title for a in state.articles},
    )
    return state, table


def prepare(records: Sequence[dict], options: BriefOptions | None = None) -> list[Item]:
    """Features (exactly as the pipeline computes them) and targets per cluster."""
    tokenizer = rouge_tokenizer()
    options = options or BriefOptions(analyze=False)
    items = []
    for rec in records:
        state, table = featurize(rec, options)
        toks = [tokenizer.tokenize(s.text) for s in state.alignment.sentences]
        labels = precision_targets(toks, tokenizer.tokenize(rec["reference"]))
        items.append(Item(str(rec["id"]), table, labels))
    return items


def fit(items: Sequence[Item], alpha: float = ALPHA) -> dict[str, float]:
    """Weights by feature name, learned on the eligible sentences of ``items``."""
    from sklearn.linear_model import Ridge

    X = np.vstack([it.table.values[it.table.eligible] for it in items]).astype(np.float64)
    y = np.concatenate([it.labels[it.table.eligible] for it in items])
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    model = Ridge(alpha=alpha).fit((X - mu) / sd, y)
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
