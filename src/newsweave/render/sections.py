"""Markdown for the analysis sections (agreements, differences, quotes, timeline, names).

The wording helpers (:func:`date_label`, :func:`claim_label`, :func:`confidence_label`,
:func:`visible_entities`) are shared with the HTML renderer so both read the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from newsweave.analyze.items import (
    Agreement,
    AnalysisItem,
    Claim,
    Conflict,
    Entity,
    Quote,
    Speaker,
    TimelineEvent,
)
from newsweave.text.vocabulary import MONTH_NAMES, plural
from newsweave.types import Brief

T = TypeVar("T")

SECTION_TITLES: tuple[tuple[str, str], ...] = (
    ("agreements", "Where sources agree"),
    ("conflicts", "Where sources differ"),
    ("quotes", "Who said what"),
    ("timeline", "Timeline"),
    ("entities", "Names used"),
)
_MONTHS = MONTH_NAMES
MAX_WORDS = 40  # timeline and agreement lines are cut here in the brief (JSON keeps it all)
# Items shown per section in Markdown/HTML; the JSON keeps every item.
MAX_ITEMS = {"agreements": 20, "conflicts": 20, "quotes": 40, "timeline": 40, "entities": 25}
MAX_ALSO_NAMED = 40


def shown(key: str, items: Sequence[T]) -> tuple[list[T], int]:
    """The items a section shows and how many it leaves to the JSON."""
    cap = MAX_ITEMS.get(key, len(items))
    return list(items[:cap]), max(0, len(items) - cap)


def more_line(left: int) -> str:
    return f"… and {left} more in the JSON output (--format json)"


def shorten(text: str, words: int = MAX_WORDS) -> str:
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"


def date_label(item: TimelineEvent) -> str:
    """"2014-06" -> "June 2014"; "--07-21" -> "21 July (year not given)"; adds how it was
    resolved when that was not read directly from the text."""
    d = item.date
    how = item.resolved
    if not d:
        return f"“{item.expression or '?'}” (no publication date to count from)"
    year, _, rest = str(d).lstrip("-").partition("-") if not str(d).startswith("--") else (
        "", "", str(d)[2:])
    parts = rest.split("-") if rest else []
    try:
        month = _MONTHS[int(parts[0]) - 1] if parts else ""
    except (ValueError, IndexError):
        return str(d)
    day = parts[1].lstrip("0") if len(parts) > 1 else ""
    label = " ".join(x for x in (day, month, year) if x)
    if str(d).startswith("--"):
        return f"{label} (year not given)"
    if how == "year inferred":
        return f"{label} (year inferred)"
    if how == "relative to published date":
        return f"{label} (“{item.expression}”, counted from publication)"
    return label


def claim_label(claim: Claim) -> str:
    """"25 miles (≈ 40.2 km)"; the normalised value is shown only when it adds something."""
    value = claim.value
    norm = claim.normalized
    unit = claim.unit
    if isinstance(norm, tuple):
        shown = f"{_num(norm[0])}–{_num(norm[1])}"
    elif isinstance(norm, (int, float)):
        shown = _num(norm)
    else:
        return value
    if unit == "km":
        return f"{value} (≈ {shown} km)"
    if shown in value:
        return value
    return f"{value} (= {shown})"


def _num(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() or abs(x) >= 100 else f"{x:.1f}"


def confidence_label(conf: Any) -> str:
    if not isinstance(conf, (int, float)):
        return ""
    word = "high" if conf >= 0.7 else "medium" if conf >= 0.45 else "low"
    return f"confidence {conf:.2f}, {word}"


def visible_entities(items: Iterable[Entity]) -> tuple[list[Entity], list[str]]:
    """Entities worth a line (several names, several sources or mentions) and the names of
    the rest, listed briefly."""
    main, rest = [], []
    for e in items:
        if (e.aliases or len(e.sources) > 1 or e.mentions >= 3
                or e.type == "person") and len(main) < MAX_ITEMS["entities"]:
            main.append(e)
        else:
            rest.append(e.name)
    return main, rest


def quote_runs(items: Iterable[Quote]) -> list[list[Quote]]:
    """Consecutive quotes of one speaker in one source, grouped."""
    runs: list[list[Quote]] = []
    for q in items:
        if runs and (runs[-1][0].speaker, runs[-1][0].source) == (q.speaker, q.source):
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def quote_groups(items: Iterable[Quote]) -> list[tuple[str | None, list[str], list[Quote]]]:
    """Quotes by who said them, in order of first quote: (person, the other descriptions of
    that person in the text, quotes). A person is listed once even when the article calls
    them "One former Mosul resident", "the woman" and "the woman in Dahuk"; unattributed
    quotes stay in runs of one source."""
    groups: list[tuple[str | None, list[str], list[Quote]]] = []
    where: dict[str, int] = {}
    for q in items:
        person = q.person or q.speaker
        if not person:
            if groups and groups[-1][0] is None and groups[-1][2][-1].source == q.source:
                groups[-1][2].append(q)
            else:
                groups.append((None, [], [q]))
            continue
        key = " ".join(person.lower().split())
        if key not in where:
            where[key] = len(groups)
            groups.append((person, [], []))
        _, also, quotes = groups[where[key]]
        if q.speaker and q.speaker != person and q.speaker not in also:
            also.append(q.speaker)
        quotes.append(q)
    return groups


def _cite(ids: Iterable[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def item_line(item: AnalysisItem, numbers: dict[str, int]) -> str:
    """One Markdown bullet for an analysis item (plain text; escaped here)."""
    from newsweave.render.markdown import md_escape as esc

    if isinstance(item, Agreement):
        return (f"- {esc(shorten(item.text))} "
                f"{_cite(item.sources, numbers)} — {item.independent_sources} independent sources")
    if isinstance(item, Conflict):
        claims = " · ".join(
            f"{esc(claim_label(c))} {_cite(c.sources, numbers)}" for c in item.claims
        )
        about = item.about
        tail = confidence_label(item.confidence)
        return f"- **{esc(about[:1].upper() + about[1:])}**: {claims}" + (
            f" ({tail})" if tail else "")
    if isinstance(item, Quote):
        return (
            f"- **{esc(item.speaker or 'unattributed')}** "
            f"{_cite([item.source], numbers)}: “{esc(item.text)}”"
        )
    if isinstance(item, TimelineEvent):
        return (
            f"- **{esc(date_label(item))}** — {esc(shorten(item.text))} "
            f"{_cite(item.sources, numbers)}"
        )
    if isinstance(item, Entity):
        aliases = [a for a in item.aliases if a != item.name]
        also = f" — also {', '.join(esc(a) for a in aliases)}" if aliases else ""
        return (
            f"- **{esc(item.name)}** ({esc(item.type)}){also} "
            f"· {plural(item.mentions, 'mention')} "
            f"{_cite(item.sources, numbers)}"
        )
    return f"- {esc(str(item.to_dict()))}"


def _section_lines(
    key: str, items: Sequence[AnalysisItem], numbers: dict[str, int]
) -> Iterator[str]:

    items, left = shown(key, items) if key != "entities" else (items, 0)
    yield from _lines(key, items, numbers)
    if left:
        yield f"- {more_line(left)}"


def _lines(key: str, items: Sequence[AnalysisItem], numbers: dict[str, int]) -> Iterator[str]:
    from newsweave.render.markdown import md_escape as esc

    if key == "quotes":
        for person, also, quotes in quote_groups(i for i in items if isinstance(i, Quote)):
            sources = list(dict.fromkeys(q.source for q in quotes))
            alias = f" (also “{'”, “'.join(esc(a) for a in also)}”)" if also else ""
            if len(sources) == 1:
                said = " ".join(f"“{esc(q.text)}”" for q in quotes)
                cites = _cite(sources, numbers)
                yield f"- **{esc(person or 'unattributed')}**{alias} {cites}: {said}"
            else:
                said = " ".join(f"“{esc(q.text)}” {_cite([q.source], numbers)}" for q in quotes)
                yield f"- **{esc(person or 'unattributed')}**{alias}: {said}"
        return
    if key == "entities":
        main, rest = visible_entities(i for i in items if isinstance(i, Entity))
        yield from (item_line(e, numbers) for e in main)
        if rest:
            extra = len(rest) - MAX_ALSO_NAMED
            names = ", ".join(rest[:MAX_ALSO_NAMED]) + (f" and {extra} more" if extra > 0 else "")
            yield f"- Also named: {esc(names)}"
        return
    if key == "timeline":
        events = [t for t in items if isinstance(t, TimelineEvent)]
        dated = [t for t in events if t.date]
        undated = [t for t in events if not t.date]
        yield from (item_line(t, numbers) for t in dated)
        if undated:
            yield "- Not placed in time (no publication date to count from):"
            for t in undated:
                yield (f"  - “{esc(t.expression)}”: "
                       f"{esc(shorten(t.text))} "
                       f"{_cite(t.sources, numbers)}")
        return
    yield from (item_line(item, numbers) for item in items)


def speaker_notes(brief: Brief) -> dict[int, str]:
    """Brief sentence index -> "he: Name" for sentences that name their speaker by a pronoun."""
    out: dict[int, str] = {}
    for item in section_items(brief, "speakers"):
        if isinstance(item, Speaker) and item.speaker:
            out[item.summary] = f"{item.pronoun or 'speaker'}: {item.speaker}"
    return out


def markdown_sections(brief: Brief, numbers: dict[str, int]) -> Iterator[str]:
    for key, title in SECTION_TITLES:
        items = section_items(brief, key)
        if not items:
            continue
        yield f"## {title}"
        yield ""
        yield from _section_lines(key, items, numbers)
        yield ""


def section_items(brief: Brief, key: str) -> list[AnalysisItem]:
    """The typed analysis items of one section (a Brief built by hand may hold others)."""
    kinds = (Entity, Quote, Speaker, Conflict, Agreement, TimelineEvent)
    return [i for i in brief.analysis.get(key, []) if isinstance(i, kinds)]
