"""Scorers rate sentences; they do not select. Registered by name in
:data:`newsweave.registry.SCORERS` (re-exported here as ``SCORERS``)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from newsweave.registry import SCORERS
from newsweave.summarize.features import FeatureTable

Scorer = Callable[[FeatureTable], np.ndarray]

# Weights of the default linear scorer, by feature name: a ridge regression of how much of the
# sentence the reference contains (ROUGE-1 precision + 2 x ROUGE-2 precision) on the features,
# trained on the 50 Multi-News dev clusters by bench/tune.py (2-fold cross-validation of the
# same method: bench/cv.py). Feature scales are folded into the weights, so they apply to the
# raw feature values. Redundancy is left to selection (summarize/select.py).
DEFAULT_WEIGHTS: dict[str, float] = {
    "centroid": 0.348,
    "position": 0.3327,
    "first": -0.2514,
    "relpos": -0.1249,
    "support": 0.2064,
    "soft_support": -0.8657,
    "length": -0.1241,
    "dependent": 0.0295,
    "quote": -0.045,
    "question": -0.1023,
    "word_sources": 0.2707,
    "pair_shared": 0.1636,
    "pair_sources": 0.6039,
    "word_freq": 0.1075,
    "words": 0.0639,
    "words_sq": -0.0132,
    "index": -0.2008,
    "paragraph": -0.0977,
    "ends_sentence": -0.0015,
    "ellipsis": -0.0186,
    "caption": -0.0252,
    "article_share": 0.2084,
    "digits": -0.0025,
    "capitals": -0.205,
    "lead_similarity": 0.3755,
    "opens_quote": 0.2035,
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


default = linear(DEFAULT_WEIGHTS)


def get_scorer(name: str) -> Scorer:
    """The scorer registered as ``name``; :class:`OptionsError` (field ``scorer``) if none."""
    scorer: Scorer = SCORERS[name]
    return scorer


__all__ = ["DEFAULT_WEIGHTS", "SCORERS", "Scorer", "centroid", "default", "get_scorer", "lead",
           "linear"]
