"""Markdown output: the brief with [n] citations and a numbered source list."""

from __future__ import annotations

import re

from newsweave.ingest.decode import strip_controls
from newsweave.render.sections import markdown_sections, speaker_notes
from newsweave.text.vocabulary import plural
from newsweave.types import Article, Brief

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(text: str) -> str:
    """Escape characters that would turn source text into Markdown markup or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(strip_controls(text).split()))


def source_numbers(brief: Brief) -> dict[str, int]:
    return {a.id: k for k, a in enumerate(brief.articles, 1)}


def cite(ids: list[str] | tuple[str, ...], numbers: dict[str, int],
         support: tuple[str, ...] = ()) -> str:
    """``[1][3]~``: a ``~`` after a citation whose source states only part of the sentence."""
    return "".join(
        f"[{numbers[i]}]" + ("~" if k < len(support) and support[k] == "partial" else "")
        for k, i in enumerate(ids) if i in numbers
    )


PARTIAL_LEGEND = "_[n]~: source n states part of the sentence; [n]: it states all of it._"


def heading(brief: Brief) -> str:
    """A stored story's own (clean) title; else the first article's title."""
    if isinstance(brief.stats.get("title"), str) and brief.stats["title"]:
        return brief.stats["title"]
    titled = [a.title for a in brief.articles if a.title and not a.duplicate_of]
    return titled[0] if titled else f"Brief of {plural(len(brief.articles), 'article')}"


def source_line(a: Article, numbers: dict[str, int]) -> str:
    title = md_escape(a.title) if a.title else "(untitled)"
    parts = [f"{numbers[a.id]}. **{title}**"]
    if a.source:
        parts.append(md_escape(a.source))
    parts.append(f"`{strip_controls(a.id).replace('`', '')}`")
    if a.published:
        parts.append(md_escape(a.published))
    if a.duplicate_of and a.duplicate_of in numbers:
        parts.append(f"copy of [{numbers[a.duplicate_of]}]")
    if a.flags:
        parts.append("flags: " + ", ".join(a.flags))
    return " — ".join(parts)


def brief_to_markdown(brief: Brief) -> str:
    numbers = source_numbers(brief)
    st = brief.stats
    lines = [
        f"# {md_escape(heading(brief))}",
        "",
        f"_{plural(st.get('articles', 0), 'article')} from "
        f"{plural(st.get('distinct_sources', 0), 'independent source')} · "
        f"{plural(st.get('words_out', 0), 'word')}_",
        "",
    ]
    several = st.get("distinct_sources", 0) > 1
    who = speaker_notes(brief)
    for k, item in enumerate(brief.summary):
        # With several outlets, a statement only one of them makes is shown as such.
        single = " _(single source)_" if several and item.independent_sources < 2 else ""
        note = f" _({md_escape(who[k])})_" if k in who else ""
        lines.append(f"{md_escape(item.text)} {cite(item.sources, numbers, item.support)}"
                     f"{note}{single}")
        lines.append("")
    if any("partial" in item.support for item in brief.summary):
        lines.extend([PARTIAL_LEGEND, ""])
    lines.extend(markdown_sections(brief, numbers))
    lines.append("## Sources")
    lines.append("")
    lines.extend(source_line(a, numbers) for a in brief.articles)
    return "\n".join(lines).rstrip() + "\n"
