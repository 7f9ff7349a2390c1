"""Align stage: cross-source links between sentences and the articles behind each fact."""

from newsweave.align.support import Alignment, InfoUnit, align, tfidf

__all__ = ["Alignment", "InfoUnit", "align", "tfidf"]
