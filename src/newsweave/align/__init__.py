"""Align stage: cross-source links between sentences and the articles behind each fact."""

from newsweave.align.check import Verdict, check
from newsweave.align.cite import Citation, cite
from newsweave.align.support import Alignment, InfoUnit, Similarity, align, tfidf

__all__ = ["Alignment", "Citation", "InfoUnit", "Similarity", "Verdict", "align", "check",
           "cite", "tfidf"]
