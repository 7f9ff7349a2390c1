"""Cluster records: one JSON object holding the articles of one story.

The format of ``newsweave batch`` and ``newsweave eval`` input (one record a line):
``{"id", "articles": [{"text", ...} | "text", ...]}`` or Multi-News ``{"id", "document":
"a ||||| b"}``.

Example::

    >>> [a.id for a in cluster_articles({"articles": ["One.", {"text": "Two."}]}, "c1")]
    ['c1#1', 'c1#2']
"""

from __future__ import annotations

from typing import Any

from newsweave.errors import InputError
from newsweave.ingest.loaders import (
    article_from_record,
    is_cluster_record,
    make_article,
    split_multinews,
)
from newsweave.types import Article


def cluster_articles(record: Any, cluster_id: str) -> list[Article]:
    """The articles of one cluster record (``articles`` list or Multi-News ``document``)."""
    if not isinstance(record, dict):
        raise InputError("a cluster must be a JSON object")
    if isinstance(record.get("articles"), list):
        arts = []
        for k, a in enumerate(record["articles"], 1):
            if isinstance(a, str):
                a = {"text": a}
            arts.append(article_from_record(a, f"{cluster_id}#{k}"))
        return arts
    if isinstance(record.get("document"), str):
        parts = split_multinews(record["document"])
        return [make_article(f"{cluster_id}#{k}", p) for k, p in enumerate(parts, 1)]
    raise InputError("a cluster needs 'articles' (a list) or 'document' (a string)")


__all__ = ["cluster_articles", "is_cluster_record"]
