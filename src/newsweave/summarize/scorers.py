"""Scorers rate sentences; they do not select. Registered by name in ``SCORERS``."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from newsweave.summarize.features import FeatureTable

Scorer = Callable[[FeatureTable], np.ndarray]

# Weights of the default linear scorer, by feature name: a logistic regression of "a greedy
# ROUGE oracle picks this sentence" on the features, trained on the 50 Multi-News dev clusters
# by bench/tune.py (2-fold cross-validation of the same method: bench/cv.py). Feature scales
# are folded into the weights, so they apply to the raw feature values.
DEFAULT_WEIGHTS: dict[str, float] = {
    "centroid": 1.5061,
    "position": 1.153,
    "first": -0.6947,
    "relpos": -1.1689,
    "support": 0.3583,
    "soft_support": -1.6107,
    "length": -1.1811,
    "dependent": 0.0722,
    "quote": -0.087,
    "question": -0.0077,
    "word_sources": 0.8172,
    "pair_shared": -0.0148,
    "pair_sources": 0.7048,
    "word_freq": 0.0233,
    "words": -0.393,
    "words_sq": 0.8068,
    "index": -2.1551,
    "paragraph": -0.3901,
    "ends_sentence": 0.7606,
    "ellipsis": -1.3062,
    "caption": -2.9379,
    "article_share": 1.748,
    "digits": 0.0314,
    "capitals": -0.9185,
    "lead_similarity": 1.5062,
    "opens_quote": 0.4075,
}


def linear(weights: dict[str, float]) -> Scorer:
    def score(table: FeatureTable) -> np.ndarray:
        w = np.array([weights.get(name, 0.0) for name in table.names], dtype=np.float32)
        return table.values @ w

    return score


def lead(table: FeatureTable) -> np.ndarray:
    """Earliest sentences of every article first (a strong news baseline)."""
    return table.column("position") + 1e-3 * table.column("centroid")


def centroid(table: FeatureTable) -> np.ndarray:
    return table.column("centroid")


SCORERS: dict[str, Scorer] = {
    "default": linear(DEFAULT_WEIGHTS),
    "lead": lead,
    "centroid": centroid,
}


def get_scorer(name: str) -> Scorer:
    try:
        return SCORERS[name]
    except KeyError:
        raise ValueError(
            f"scorer must be one of {', '.join(sorted(SCORERS))}, got {name!r}"
        ) from None
