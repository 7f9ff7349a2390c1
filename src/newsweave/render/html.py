"""One self-contained HTML page: the brief, citation links into the sources, no script.

Clicking a citation jumps to the cited sentence inside its article, highlighted with CSS
``:target``, so the page needs no JavaScript and its Content-Security-Policy forbids all
scripts. Every piece of article text is escaped; only http(s) URLs become links; text
direction is isolated (``dir="auto"``, ``<bdi>``) so right-to-left text cannot reorder it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from typing import Any

from newsweave.analyze.items import (
    Agreement,
    AnalysisItem,
    Conflict,
    Entity,
    Quote,
    TimelineEvent,
)
from newsweave.render.markdown import heading, source_numbers
from newsweave.text.vocabulary import plural
from newsweave.types import Brief, Sentence

CSP = (
    "default-src 'none'; script-src 'none'; object-src 'none'; style-src 'unsafe-inline'; "
    "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

_CSS = """
body{font:16px/1.55 system-ui,-apple-system,Segoe UI,sans-serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem;line-height:1.25}
h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9rem}.brief p{margin:.6rem 0}
a.cite{font-size:.75rem;vertical-align:super;text-decoration:none;margin-left:1px;color:#0645ad}
a.cite.part{color:#7b9bd1;opacity:.75}
.one{color:#8a5a00;font-size:.75rem}.who{color:#555;font-style:italic}
.src{margin:1.5rem 0;padding:.5rem 1rem;background:#fafafa;
border-left:3px solid #ccc}.src .s:target{background:#fff3a0;outline:2px solid #f0c000}
.src h3{font-size:1rem;margin:.3rem 0}.src p{margin:.4rem 0}li{margin:.3rem 0}
.conf{color:#666;font-size:.85rem}
"""


# Bidi embeddings, overrides and isolates could reorder the page around them; control
# characters have no business in HTML text. Marks (LRM/RLM/ALM) stay: they only nudge
# their neighbours. Ingest removes these too; this guards Article objects made by hand.
_UNSAFE_CHARS = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x202A, 0x202F),
     *range(0x2066, 0x206A)]
)


def esc(text: Any) -> str:
    """Text -> HTML text or attribute value: escaped, without bidi or control characters."""
    return html.escape(str(text).translate(_UNSAFE_CHARS), quote=True)


def safe_url(url: str) -> str | None:
    """``url`` when it is a plain http(s) URL that can be linked, else None."""
    u = url.strip()
    if not u.lower().startswith(("http://", "https://")) or len(u) > 2048:
        return None
    if any(c in "\"'<>`\\" or c.isspace() or not c.isprintable() for c in u):
        return None
    return u


def sentence_anchor(numbers: dict[str, int], s: Sentence) -> str:
    return f"s{numbers.get(s.article, 0)}-{s.index}"


def _cites(ids: Iterable[str], numbers: dict[str, int], anchors: dict[str, str],
           support: tuple[str, ...] = ()) -> str:
    """Citation links; one whose source states only part of the sentence is lighter and
    titled so ("partly")."""
    out = []
    for k, i in enumerate(ids):
        if i in numbers:
            target = anchors.get(i, f"a{numbers[i]}")
            if k < len(support) and support[k] == "partial":
                out.append(f'<a class="cite part" href="#{esc(target)}" '
                           f'title="partly: this source states part of it">[{numbers[i]}]</a>')
            else:
                out.append(f'<a class="cite" href="#{esc(target)}">[{numbers[i]}]</a>')
    return "".join(out)


def _summary(brief: Brief, numbers: dict[str, int]) -> Iterator[str]:
    from newsweave.render.sections import speaker_notes

    yield '<section class="brief">'
    who = speaker_notes(brief)
    for k, item in enumerate(brief.summary):
        anchors = {s.article: sentence_anchor(numbers, s) for s in item.evidence}
        anchors.setdefault(item.sentence.article, sentence_anchor(numbers, item.sentence))
        single = (
            ' <span class="one" title="fully stated by one source only">single source</span>'
            if item.independent_sources < 2 and len(numbers) > 1
            else ""
        )
        note = (
            f' <span class="who" title="who is speaking">({esc(who[k])})</span>' if k in who else ""
        )
        yield (
            f'<p dir="auto">{esc(item.text)}'
            f"{_cites(list(item.sources), numbers, anchors, item.support)}{note}{single}</p>"
        )
    yield "</section>"


def _anchors_of(item: AnalysisItem, numbers: dict[str, int], brief: Brief) -> dict[str, str]:
    """Anchor of the sentence an analysis item points at (``sentence`` offsets), by article."""
    out: dict[str, str] = {}
    for ref in item.refs():
        for s in brief.sentences.get(ref.article, []):
            if s.start <= ref.start < s.end or s.start == ref.start:
                out.setdefault(ref.article, sentence_anchor(numbers, s))
                break
    return out


def _sections(brief: Brief, numbers: dict[str, int]) -> Iterator[str]:
    from newsweave.render.sections import (
        MAX_ALSO_NAMED,
        SECTION_TITLES,
        more_line,
        section_items,
        visible_entities,
    )
    from newsweave.render.sections import shown as cap

    for key, title in SECTION_TITLES:
        items = section_items(brief, key)
        if not items:
            continue
        yield f"<h2>{esc(title)}</h2><ul>"
        shown: list[AnalysisItem]
        if key == "entities":
            shown, left = list(visible_entities(i for i in items if isinstance(i, Entity))[0]), 0
        else:
            shown, left = cap(key, items)
        if key == "quotes":
            yield from _quote_lines(shown, numbers, brief)
            shown = []
        for item in shown:
            anchors = _anchors_of(item, numbers, brief)
            yield f'<li dir="auto">{_item_html(item, numbers, anchors)}</li>'
        if key == "entities" and len(shown) < len(items):
            rest = []
            for item in items:
                if not isinstance(item, Entity) or any(item is x for x in shown) or (
                    len(rest) >= MAX_ALSO_NAMED
                ):
                    continue
                anchors = _anchors_of(item, numbers, brief)
                first = next(iter(anchors.values()), None)
                name = f"<bdi>{esc(item.name)}</bdi>"
                rest.append(f'<a href="#{esc(first)}">{name}</a>' if first else name)
            yield f'<li dir="auto">Also named: {", ".join(rest)}</li>'
        if left:
            yield f'<li class="conf">{esc(more_line(left))}</li>'
        yield "</ul>"


def _quote_lines(items: list[AnalysisItem], numbers: dict[str, int],
                 brief: Brief) -> Iterator[str]:
    """"Who said what" grouped by ``person`` as in the Markdown: one line per person (the
    other descriptions of them in parentheses), each quote with its own citation."""
    from newsweave.render.sections import quote_groups

    for person, also, quotes in quote_groups(i for i in items if isinstance(i, Quote)):
        alias = (" (also " + ", ".join(f"“<bdi>{esc(a)}</bdi>”" for a in also) + ")"
                 if also else "")
        said = " ".join(
            f"“<bdi>{esc(q.text)}</bdi>”"
            f"{_cites([q.source], numbers, _anchors_of(q, numbers, brief))}"
            for q in quotes
        )
        yield (f'<li dir="auto"><b><bdi>{esc(person or "unattributed")}</bdi></b>{alias}: '
               f"{said}</li>")


def _item_html(item: AnalysisItem, numbers: dict[str, int], anchors: dict[str, str]) -> str:
    from newsweave.render.sections import (
        claim_label,
        confidence_label,
        date_label,
        plural,
        shorten,
    )

    if isinstance(item, Conflict):
        claims = " · ".join(
            f"<bdi>{esc(claim_label(c))}</bdi>{_cites(c.sources, numbers, anchors)}"
            for c in item.claims
        )
        conf = confidence_label(item.confidence)
        tail = f' <span class="conf">{esc(conf)}</span>' if conf else ""
        about = item.about
        return f"<b><bdi>{esc(about[:1].upper() + about[1:])}</bdi></b>: {claims}{tail}"
    if isinstance(item, Quote):
        return (
            f"<b><bdi>{esc(item.speaker or 'unattributed')}</bdi></b>: "
            f"“<bdi>{esc(item.text)}</bdi>”{_cites([item.source], numbers, anchors)}"
        )
    if isinstance(item, TimelineEvent):
        return (
            f"<b>{esc(date_label(item))}</b> — <bdi>{esc(shorten(item.text))}"
            f"</bdi>{_cites(item.sources, numbers, anchors)}"
        )
    if isinstance(item, Entity):
        names = ", ".join(f"<bdi>{esc(a)}</bdi>" for a in item.aliases)
        return (
            f"<b><bdi>{esc(item.name)}</bdi></b> ({esc(item.type)})"
            f"{' — also ' + names if names else ''}"
            f' <span class="conf">{esc(plural(item.mentions, "mention"))}</span>'
            f"{_cites(item.sources, numbers, anchors)}"
        )
    if isinstance(item, Agreement):
        return (
            f"<bdi>{esc(shorten(item.text))}</bdi>"
            f"{_cites(item.sources, numbers, anchors)} "
            f'<span class="conf">{esc(item.independent_sources)} independent sources</span>'
        )
    return f"<bdi>{esc(str(item.to_dict()))}</bdi>"


def _articles(brief: Brief, numbers: dict[str, int]) -> Iterator[str]:
    yield "<h2>Sources</h2>"
    for a in brief.articles:
        k = numbers[a.id]
        meta = [esc(x) for x in (a.source, a.published) if x]
        if a.duplicate_of and a.duplicate_of in numbers:
            meta.append(f"copy of [{numbers[a.duplicate_of]}]")
        url = safe_url(a.url)
        link = (
            f' <a href="{esc(url)}" rel="noopener noreferrer nofollow">link</a>' if url else ""
        )
        yield f'<section class="src" id="a{k}">'
        yield (
            f'<h3 dir="auto">[{k}] <bdi>{esc(a.title or "(untitled)")}</bdi></h3>'
            f'<div class="meta"><code>{esc(a.id)}</code> {" · ".join(meta)}{link}</div>'
        )
        para = None
        buf: list[str] = []
        for s in brief.sentences.get(a.id, []):
            if s.paragraph != para and buf:
                yield f'<p dir="auto">{" ".join(buf)}</p>'
                buf = []
            para = s.paragraph
            buf.append(f'<span class="s" id="{sentence_anchor(numbers, s)}">{esc(s.text)}</span>')
        if buf:
            yield f'<p dir="auto">{" ".join(buf)}</p>'
        yield "</section>"


def brief_to_html(brief: Brief) -> str:
    numbers = source_numbers(brief)
    st = brief.stats
    title = esc(heading(brief))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{title}</title><style>{_CSS}</style></head><body>",
        f'<h1 dir="auto"><bdi>{title}</bdi></h1>',
        f'<p class="meta">{esc(plural(st.get("articles", 0), "article"))} from '
        f'{esc(plural(st.get("distinct_sources", 0), "independent source"))} · '
        f'{esc(plural(st.get("words_out", 0), "word"))} · newsweave</p>',
    ]
    parts.extend(_summary(brief, numbers))
    parts.extend(_sections(brief, numbers))
    parts.extend(_articles(brief, numbers))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
