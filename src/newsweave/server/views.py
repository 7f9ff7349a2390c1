"""A :class:`Brief` -> plain data for the templates: citations with their links (full or
partial support), the analysis sections, the sources, article paragraphs with anchors.

Templates only print these values (Jinja2 autoescape); links are built here, from numbers
and anchors the server makes or from URLs that passed :func:`safe_url`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsweave.analyze.items import (
    Agreement,
    AnalysisItem,
    Conflict,
    Entity,
    Quote,
    SentenceRef,
    TimelineEvent,
)
from newsweave.render.html import safe_url
from newsweave.render.markdown import heading, source_numbers
from newsweave.render.sections import (
    MAX_ALSO_NAMED,
    SECTION_TITLES,
    claim_label,
    confidence_label,
    date_label,
    more_line,
    plural,
    section_items,
    shorten,
    shown,
    speaker_notes,
    visible_entities,
)
from newsweave.types import Brief, Sentence

# (article id, sentence index or None) -> href
Linker = Callable[[str, int | None], str]


def inline_linker(numbers: dict[str, int]) -> Linker:
    """Links into the sources printed on the same page (the unsaved /brief page)."""
    def link(article: str, index: int | None) -> str:
        k = numbers.get(article, 0)
        return f"#s{k}-{index}" if index is not None else f"#a{k}"
    return link


def store_linker(seqs: dict[str, int]) -> Linker:
    """Links to the article pages of stored articles."""
    def link(article: str, index: int | None) -> str:
        base = f"/articles/{seqs[article]}" if article in seqs else "#sources"
        return f"{base}#s{index}" if index is not None and article in seqs else base
    return link


def _support_of(item: dict[str, Any], article: str, k: int) -> str:
    sup = item.get("support")
    if isinstance(sup, dict):
        return str(sup.get(article, "full"))
    if isinstance(sup, list) and k < len(sup):
        v = sup[k]
        return str(v.get("support", "full") if isinstance(v, dict) else v)
    return "full"


def _cites(ids: list[str], numbers: dict[str, int], anchors: dict[str, int | None],
           link: Linker, item: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    out = []
    for k, i in enumerate(ids):
        if i not in numbers:
            continue
        partial = item is not None and _support_of(item, i, k) == "partial"
        out.append({"n": numbers[i], "href": link(i, anchors.get(i)), "partial": partial})
    return out


def _index_at(brief: Brief, ref: SentenceRef) -> tuple[str, int] | None:
    for s in brief.sentences.get(ref.article, []):
        if s.start <= ref.start < s.end or s.start == ref.start:
            return ref.article, s.index
    return None


def _anchors(item: AnalysisItem, brief: Brief) -> dict[str, int | None]:
    """Article -> index of the sentence the item points at there."""
    out: dict[str, int | None] = {}
    for ref in item.refs():
        hit = _index_at(brief, ref)
        if hit:
            out.setdefault(hit[0], hit[1])
    return out


def summary_view(brief: Brief, numbers: dict[str, int], link: Linker,
                 dicts: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The brief's sentences with their citations; ``dicts`` are the JSON summary items
    (``summary[].support``, when present, marks partial citations)."""
    if dicts is None:
        dicts = brief.to_dict()["summary"]
    who = speaker_notes(brief)
    several = len(numbers) > 1
    out = []
    for k, item in enumerate(brief.summary):
        anchors: dict[str, int | None] = {s.article: s.index for s in item.evidence}
        anchors.setdefault(item.sentence.article, item.sentence.index)
        d = dicts[k] if k < len(dicts) else {}
        out.append({
            "text": item.text,
            "cites": _cites(list(item.sources), numbers, anchors, link, d),
            "single": several and item.independent_sources < 2,
            "who": who.get(k),
            "article": item.sentence.article,
        })
    return out


def _item(item: AnalysisItem, numbers: dict[str, int], anchors: dict[str, int | None],
          link: Linker) -> dict[str, Any]:
    def cites(ids: Any) -> list[dict[str, Any]]:
        return _cites([str(i) for i in (ids or ())], numbers, anchors, link)

    if isinstance(item, Conflict):
        return {"about": item.about[:1].upper() + item.about[1:],
                "claims": [{"label": claim_label(c), "cites": cites(c.sources)}
                           for c in item.claims],
                "confidence": confidence_label(item.confidence)}
    if isinstance(item, Quote):
        return {"speaker": item.speaker or "unattributed", "text": item.text,
                "cites": cites([item.source])}
    if isinstance(item, TimelineEvent):
        return {"date": date_label(item), "text": shorten(item.text),
                "cites": cites(item.sources)}
    if isinstance(item, Entity):
        return {"name": item.name, "type": item.type,
                "aliases": [a for a in item.aliases if a != item.name],
                "mentions": plural(item.mentions, "mention"), "cites": cites(item.sources)}
    if isinstance(item, Agreement):
        return {"text": shorten(item.text), "cites": cites(item.sources),
                "independent": item.independent_sources}
    return {"text": "", "cites": []}


def sections_view(brief: Brief, numbers: dict[str, int], link: Linker) -> list[dict[str, Any]]:
    out = []
    for key, title in SECTION_TITLES:
        items = section_items(brief, key)
        if not items:
            continue
        if key == "entities":
            chosen: list[Any] = visible_entities(items)[0]  # type: ignore[arg-type]
            left = 0
        else:
            chosen, left = shown(key, items)
        rows = [_item(it, numbers, _anchors(it, brief), link) for it in chosen]
        also = []
        if key == "entities":
            for it in items:
                if any(it is x for x in chosen) or len(also) >= MAX_ALSO_NAMED:
                    continue
                anchors = _anchors(it, brief)
                first = next(iter(anchors.items()), None)
                also.append({"name": getattr(it, "name", ""),
                             "href": link(first[0], first[1]) if first else None})
        out.append({"key": key, "title": title, "items": rows, "also": also,
                    "more": more_line(left).replace(" (--format json)", " (API: /brief)")
                    if left else ""})
    return out


def sources_view(brief: Brief, numbers: dict[str, int],
                 page_of: Callable[[str], str | None]) -> list[dict[str, Any]]:
    out = []
    for a in brief.articles:
        out.append({
            "n": numbers[a.id], "id": a.id, "title": a.title or "(untitled)",
            "source": a.source, "published": a.published, "url": safe_url(a.url),
            "copy_of": numbers.get(a.duplicate_of or ""), "flags": list(a.flags),
            "page": page_of(a.id), "words": a.words,
        })
    return out


def paragraphs(sentences: list[Sentence], cited: set[int],
               anchor: Callable[[Sentence], str]) -> list[list[dict[str, Any]]]:
    """An article's sentences grouped into paragraphs, each with its anchor and whether the
    brief cites it."""
    out: list[list[dict[str, Any]]] = []
    para = None
    for s in sentences:
        if s.paragraph != para or not out:
            out.append([])
            para = s.paragraph
        out[-1].append({"id": anchor(s), "text": s.text, "cited": s.index in cited})
    return out


def cited_indexes(brief: Brief, article: str) -> set[int]:
    """Indexes of the sentences of ``article`` that the brief's summary cites."""
    out = set()
    for item in brief.summary:
        for s in (item.sentence, *item.evidence):
            if s.article == article:
                out.add(s.index)
    return out


def brief_view(brief: Brief, link: Linker, page_of: Callable[[str], str | None],
               inline: bool) -> dict[str, Any]:
    """Everything the brief part of a page shows."""
    numbers = source_numbers(brief)
    st = brief.stats
    dicts = brief.to_dict()["summary"]
    summary = summary_view(brief, numbers, link, dicts)
    view: dict[str, Any] = {
        "title": heading(brief),
        "articles": st.get("articles", len(brief.articles)),
        "independent": st.get("distinct_sources", 0),
        "words": st.get("words_out", 0),
        "seconds": st.get("seconds"),
        "summary": summary,
        "sections": sections_view(brief, numbers, link),
        "sources": sources_view(brief, numbers, page_of),
        "inline": inline,
        "partial_any": any(c["partial"] for item in summary for c in item["cites"]),
    }
    if inline:
        for src in view["sources"]:
            k = src["n"]
            src["paragraphs"] = paragraphs(
                brief.sentences.get(src["id"], []), cited_indexes(brief, src["id"]),
                lambda s, k=k: f"s{k}-{s.index}")
    return view
