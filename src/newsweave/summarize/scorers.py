"""Scorers rate sentences; they do not select. Registered by name in
:data:`newsweave.registry.SCORERS` (re-exported here as ``SCORERS``)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from newsweave.registry import SCORERS
from newsweave.summarize.features import FeatureTable
from newsweave.summarize.weights import LINEAR, QUADRATIC

Scorer = Callable[[FeatureTable], np.ndarray]

# The default scorer is quadratic: a ridge regression of how much of the sentence the
# reference contains (ROUGE-1 precision + 2 x ROUGE-2 precision) on the features and their
# pairwise products, trained on the 200 raw Multi-News clusters by bench/tune.py (5-fold
# cross-validation of the same method: bench/cv5.py). Its weights live in
# summarize/weights.py; feature scales are folded in, so they apply to the raw feature
# values. Redundancy is left to selection (summarize/select.py, summarize/units.py).
# DEFAULT_WEIGHTS is its linear part; weights.RIDGE is the first round's plain linear model.
DEFAULT_WEIGHTS: dict[str, float] = LINEAR


def linear(weights: dict[str, float]) -> Scorer:
    def score(table: FeatureTable) -> np.ndarray:
        w = np.array([weights.get(name, 0.0) for name in table.names], dtype=np.float32)
        return table.values @ w

    return score


def quadratic(
    weights: dict[str, float], pairs: dict[tuple[str, str], float]
) -> Scorer:
    """sum_i w_i x_i + sum_{i<=j} q_ij x_i x_j over the table's features (missing: 0)."""
    cache: dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = {}

    def prepared(names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        if names not in cache:
            pos = {n: k for k, n in enumerate(names)}
            w = np.array([weights.get(n, 0.0) for n in names], dtype=np.float64)
            q = np.zeros((len(names), len(names)), dtype=np.float64)
            for (a, b), v in pairs.items():
                if a in pos and b in pos:
                    q[pos[a], pos[b]] += v
            cache[names] = (w, q)
        return cache[names]

    def score(table: FeatureTable) -> np.ndarray:
        w, q = prepared(table.names)
        x = table.values.astype(np.float64)
        return x @ w + np.einsum("ij,jk,ik->i", x, q, x)

    return score


def lead(table: FeatureTable) -> np.ndarray:
    """Earliest sentences of every article first (a strong news baseline)."""
    return table.column("position") + 1e-3 * table.column("centroid")


def centroid(table: FeatureTable) -> np.ndarray:
    return table.column("centroid")


default = quadratic(LINEAR, QUADRATIC)


def get_scorer(name: str) -> Scorer:
    """The scorer registered as ``name``; :class:`OptionsError` (field ``scorer``) if none."""
    scorer: Scorer = SCORERS[name]
    return scorer


__all__ = ["DEFAULT_WEIGHTS", "SCORERS", "Scorer", "centroid", "default", "get_scorer", "lead",
           "linear"]
