"""Scorers rate sentences; they do not select. Registered by name in ``SCORERS``."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from newsweave.summarize.features import FeatureTable

Scorer = Callable[[FeatureTable], np.ndarray]

# Weights of the default linear scorer, by feature name (see bench/tune_weights.py).
DEFAULT_WEIGHTS: dict[str, float] = {
    "centroid": 1.0,
    "position": 0.35,
    "first": 0.15,
    "relpos": 0.25,
    "support": 0.15,
    "soft_support": 0.6,
    "length": 0.1,
    "dependent": -0.25,
    "quote": -0.05,
    "question": -0.2,
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
