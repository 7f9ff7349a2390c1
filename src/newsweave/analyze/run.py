"""Runs every analysis on one cluster and returns the JSON-ready sections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsweave.analyze.agreements import agreements
from newsweave.types import SummaryItem

if TYPE_CHECKING:
    from newsweave.pipeline import Analysed


def analyze(state: Analysed, summary: Sequence[SummaryItem]) -> dict[str, list[dict[str, Any]]]:
    return {"agreements": agreements(state.alignment, state.order)}
