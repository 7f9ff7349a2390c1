"""JSON output. The schema ("JSON schema" in the docs) is pinned by the golden tests."""

from __future__ import annotations

import json
from typing import Any

from newsweave.types import Article, Brief, Sentence, SummaryItem

SCHEMA_VERSION = 1
ANALYSIS_KEYS = ("entities", "quotes", "speakers", "conflicts", "agreements", "timeline")


def article_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "published": a.published,
        "words": a.words,
        "duplicate_of": a.duplicate_of,
        "flags": list(a.flags),
        "text": a.text,  # the cleaned text every offset refers to
    }


def offsets(s: Sentence) -> dict[str, Any]:
    return {"article": s.article, "start": s.start, "end": s.end}


def summary_dict(item: SummaryItem) -> dict[str, Any]:
    return {
        "text": item.sentence.text,  # verbatim: exactly the source text at "offsets"
        "sources": list(item.sources),
        "independent_sources": item.independent_sources,
        "offsets": offsets(item.sentence),
        # marks a reader is shown around "text" (a cut quotation closed visibly, e.g. " …”");
        # not source text, so kept apart from it
        "marks": list(item.marks),
        "evidence": [offsets(s) for s in item.evidence],
        "support": list(item.support) or ["full"] * len(item.sources),
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "articles": [article_dict(a) for a in brief.articles],
        "summary": [summary_dict(i) for i in brief.summary],
        "stats": dict(brief.stats),
    }
    for key in ANALYSIS_KEYS:
        if key in brief.analysis:
            out[key] = [item.to_dict() for item in brief.analysis[key]]
    for key, value in brief.analysis.items():
        if key not in out:
            out[key] = [item.to_dict() for item in value]
    return out


def brief_to_json(brief: Brief, indent: int | None = 2) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent)
