"""Summarize stage: features -> scores -> readable units -> budgeted selection -> reading
order."""

from newsweave.summarize.features import FEATURES, FeatureTable, compute_features
from newsweave.summarize.scorers import SCORERS, get_scorer
from newsweave.summarize.select import reading_order, select
from newsweave.summarize.units import choose

__all__ = [
    "FEATURES",
    "SCORERS",
    "choose",
    "FeatureTable",
    "compute_features",
    "get_scorer",
    "reading_order",
    "select",
]
