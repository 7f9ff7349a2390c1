"""Markdown for the analysis sections (agreements, differences, quotes, timeline, names)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsweave.types import Brief

SECTION_TITLES: tuple[tuple[str, str], ...] = (
    ("agreements", "Where sources agree"),
    ("conflicts", "Where sources differ"),
    ("quotes", "Who said what"),
    ("timeline", "Timeline"),
    ("entities", "Names used"),
)


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def item_line(key: str, item: dict[str, Any], numbers: dict[str, int]) -> str:
    """One Markdown bullet for an analysis item (plain text; escaped by the caller)."""
    from newsweave.render.markdown import md_escape as esc

    if key == "agreements":
        n = item.get("independent_sources", 0)
        return f"- {esc(item['text'])} {_cite(item['sources'], numbers)} ({n} sources)"
    if key == "conflicts":
        claims = "; ".join(
            f"{esc(str(c.get('value', '')))} {_cite(c.get('sources', []), numbers)}"
            for c in item.get("claims", [])
        )
        conf = item.get("confidence")
        tail = f" (confidence {conf:.2f})" if isinstance(conf, (int, float)) else ""
        return f"- **{esc(str(item.get('about', '')))}**: {claims}{tail}"
    if key == "quotes":
        return (
            f"- **{esc(str(item.get('speaker') or 'unattributed'))}**: "
            f"“{esc(str(item.get('text', '')))}” {_cite([item.get('source', '')], numbers)}"
        )
    if key == "timeline":
        return (
            f"- **{esc(str(item.get('date', '')))}** {esc(str(item.get('text', '')))} "
            f"{_cite(item.get('sources', []), numbers)}"
        )
    if key == "entities":
        aliases = [a for a in item.get("aliases", []) if a != item.get("name")]
        also = f" = {' = '.join(esc(a) for a in aliases)}" if aliases else ""
        return (
            f"- **{esc(str(item.get('name', '')))}**{also} ({esc(str(item.get('type', '')))}) "
            f"{_cite(item.get('sources', []), numbers)}"
        )
    return f"- {esc(str(item))}"


def markdown_sections(brief: Brief, numbers: dict[str, int]) -> Iterator[str]:
    for key, title in SECTION_TITLES:
        items = brief.analysis.get(key)
        if not items:
            continue
        yield f"## {title}"
        yield ""
        for item in items:
            yield item_line(key, item, numbers)
        yield ""
