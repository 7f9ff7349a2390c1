"""Analyze stage: what sources agree on and where they differ.

The typed results (:mod:`newsweave.analyze.items`) import nothing heavy; the analyses
themselves (scikit-learn's stop words, dateparser) load when first used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["agreements", "analyze"]


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from newsweave.analyze.run import analyze

        return analyze
    if name == "agreements":
        from newsweave.analyze.agreements import agreements

        return agreements
    raise AttributeError(name)
