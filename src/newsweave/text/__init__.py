"""Text stage: sentences with offsets, near-duplicate articles, and the one text vocabulary
(tokenizers, stop words, shingles, spelling keys, word lists; see docs/architecture.md).

Names load on first use, so that a command that needs a word list (the CLI's plurals) does
not import numpy for the shingles.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "mark_duplicates": "dedup",
    "source_groups": "dedup",
    "split_sentences": "sentences",
    "split_spans": "sentences",
}

__all__ = ["mark_duplicates", "source_groups", "split_sentences", "split_spans"]


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"newsweave.text.{where}"), name)
    globals()[name] = value
    return value
