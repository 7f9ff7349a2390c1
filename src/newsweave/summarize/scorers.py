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
    "centroid": 1.4927,
    "position": 1.1832,
    "first": -0.7106,
    "relpos": -1.1756,
    "support": 0.3276,
    "soft_support": -1.5462,
    "length": -1.2162,
    "dependent": 0.0798,
    "quote": -0.0878,
    "question": -0.0204,
    "word_sources": 0.8366,
    "pair_shared": -0.0133,
    "pair_sources": 0.6565,
    "word_freq": 0.0285,
    "words": -0.4198,
    "words_sq": 0.8316,
    "index": -2.186,
    "paragraph": -0.3666,
    "ends_sentence": 0.7436,
    "ellipsis": -1.3252,
    "caption": -2.9414,
    "article_share": 1.7672,
    "digits": 0.0356,
    "capitals": -0.9102,
    "lead_similarity": 1.5001,
    "opens_quote": 0.4017,
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
