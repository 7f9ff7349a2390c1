"""Sentences of site furniture: the page, not the story.

A sentence found word for word in many unrelated clusters of the Multi-News train file ("You
can unsubscribe at any time.", "Rating is available when the video has been rented.") is a
widget, a notice or a paywall line. The list (``data/boilerplate.txt``) is counted by
``bench/boilerplate.py`` and compared after :func:`normalize` (lower case, letters and digits
only), so punctuation and case do not matter. It holds a short hash of each normalised
sentence (:func:`digest`), not the corpus's text.
"""

from __future__ import annotations

import hashlib
import re
from importlib import resources

_ALNUM = re.compile(r"[a-z0-9]+")


def normalize(sentence: str) -> str:
    """Lower-cased words of letters and digits, joined by single spaces."""
    return " ".join(_ALNUM.findall(sentence.lower()))


def digest(sentence: str) -> str:
    """The list's key of ``sentence``: 16 hex digits of BLAKE2b over :func:`normalize`."""
    return hashlib.blake2b(normalize(sentence).encode("utf-8"), digest_size=8).hexdigest()


def _read() -> frozenset[str]:
    text = resources.files("newsweave.text").joinpath("data/boilerplate.txt").read_text(
        encoding="utf-8")
    return frozenset(s for s in text.split("\n") if s and not s.startswith("#"))


KNOWN = _read()  # a constant, read once at import (207 hashes)


def is_boilerplate(sentence: str) -> bool:
    """Whether ``sentence`` is one of the known site-furniture sentences."""
    return digest(sentence) in KNOWN
