"""Quantities in text; the parser lives in :mod:`newsweave.text.numbers` (the align stage's
support check reads numbers too, and align may not import analyze)."""

from newsweave.text.numbers import (
    DISTANCE,
    PEOPLE,
    SCALES,
    TENS,
    THINGS,
    UNITS,
    Quantity,
    parse_number,
    quantities,
)

__all__ = ["DISTANCE", "PEOPLE", "SCALES", "TENS", "THINGS", "UNITS", "Quantity",
           "parse_number", "quantities"]
