"""Analyze stage: what sources agree on and where they differ."""

from newsweave.analyze.agreements import agreements
from newsweave.analyze.run import analyze

__all__ = ["agreements", "analyze"]
