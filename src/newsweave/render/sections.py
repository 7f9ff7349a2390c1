"""Markdown for the analysis sections (agreements, differences, quotes, timeline, names).

The wording helpers (:func:`date_label`, :func:`claim_label`, :func:`confidence_label`,
:func:`visible_entities`) are shared with the HTML renderer so both read the same.
"""

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
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
MAX_WORDS = 40  # timeline and agreement lines are cut here in the brief (JSON keeps it all)
# Items shown per section in Markdown/HTML; the JSON keeps every item.
MAX_ITEMS = {"agreements": 20, "conflicts": 20, "quotes": 40, "timeline": 40, "entities": 25}
MAX_ALSO_NAMED = 40


def shown(key: str, items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The items a section shows and how many it leaves to the JSON."""
    cap = MAX_ITEMS.get(key, len(items))
    return items[:cap], max(0, len(items) - cap)


def more_line(left: int) -> str:
    return f"… and {left} more in the JSON output (--format json)"


def shorten(text: str, words: int = MAX_WORDS) -> str:
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"


def date_label(item: dict[str, Any]) -> str:
    """"2014-06" -> "June 2014"; "--07-21" -> "21 July (year not given)"; adds how it was
    resolved when that was not read directly from the text."""
    d = item.get("date")
    how = item.get("resolved")
    if not d:
        return f"“{item.get('expression', '?')}” (no publication date to count from)"
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
        return f"{label} (“{item.get('expression', '')}”, counted from publication)"
    return label


def claim_label(claim: dict[str, Any]) -> str:
    """"25 miles (≈ 40.2 km)"; the normalised value is shown only when it adds something."""
    value = str(claim.get("value", ""))
    norm = claim.get("normalized")
    unit = claim.get("unit", "")
    if isinstance(norm, list) and len(norm) == 2:
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


def plural(n: Any, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _num(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() or abs(x) >= 100 else f"{x:.1f}"


def confidence_label(conf: Any) -> str:
    if not isinstance(conf, (int, float)):
        return ""
    word = "high" if conf >= 0.7 else "medium" if conf >= 0.45 else "low"
    return f"confidence {conf:.2f}, {word}"


def visible_entities(items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Entities worth a line (several names, several sources or mentions) and the names of
    the rest, listed briefly."""
    main, rest = [], []
    for e in items:
        if (e.get("aliases") or len(e.get("sources", [])) > 1 or e.get("mentions", 0) >= 3
                or e.get("type") == "person") and len(main) < MAX_ITEMS["entities"]:
            main.append(e)
        else:
            rest.append(str(e.get("name", "")))
    return main, rest


def quote_runs(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Consecutive quotes of one speaker in one source, grouped."""
    runs: list[list[dict[str, Any]]] = []
    for q in items:
        if runs and (runs[-1][0].get("speaker"), runs[-1][0].get("source")) == (
            q.get("speaker"), q.get("source")
        ):
            runs[-1].append(q)
        else:
            runs.append([q])
    return runs


def quote_groups(items: list[dict[str, Any]]) -> list[tuple[str | None, list[str],
                                                            list[dict[str, Any]]]]:
    """Quotes by who said them, in order of first quote: (person, the other descriptions of
    that person in the text, quotes). A person is listed once even when the article calls
    them "One former Mosul resident", "the woman" and "the woman in Dahuk"; unattributed
    quotes stay in runs of one source."""
    groups: list[tuple[str | None, list[str], list[dict[str, Any]]]] = []
    where: dict[str, int] = {}
    for q in items:
        person = q.get("person") or q.get("speaker")
        if not person:
            if groups and groups[-1][0] is None and groups[-1][2][-1].get("source") == q.get(
                "source"
            ):
                groups[-1][2].append(q)
            else:
                groups.append((None, [], [q]))
            continue
        key = " ".join(str(person).lower().split())
        if key not in where:
            where[key] = len(groups)
            groups.append((str(person), [], []))
        _, also, quotes = groups[where[key]]
        said = str(q.get("speaker") or "")
        if said and said != person and said not in also:
            also.append(said)
        quotes.append(q)
    return groups


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def item_line(key: str, item: dict[str, Any], numbers: dict[str, int]) -> str:
    """One Markdown bullet for an analysis item (plain text; escaped here)."""
    from newsweave.render.markdown import md_escape as esc

    if key == "agreements":
        n = item.get("independent_sources", 0)
        return (f"- {esc(shorten(str(item.get('text', ''))))} "
                f"{_cite(item.get('sources', []), numbers)} — {n} independent sources")
    if key == "conflicts":
        claims = " · ".join(
            f"{esc(claim_label(c))} {_cite(c.get('sources', []), numbers)}"
            for c in item.get("claims", [])
        )
        about = str(item.get("about", ""))
        tail = confidence_label(item.get("confidence"))
        return f"- **{esc(about[:1].upper() + about[1:])}**: {claims}" + (
            f" ({tail})" if tail else "")
    if key == "quotes":
        return (
            f"- **{esc(str(item.get('speaker') or 'unattributed'))}** "
            f"{_cite([item.get('source', '')], numbers)}: “{esc(str(item.get('text', '')))}”"
        )
    if key == "timeline":
        return (
            f"- **{esc(date_label(item))}** — {esc(shorten(str(item.get('text', ''))))} "
            f"{_cite(item.get('sources', []), numbers)}"
        )
    if key == "entities":
        aliases = [a for a in item.get("aliases", []) if a != item.get("name")]
        also = f" — also {', '.join(esc(a) for a in aliases)}" if aliases else ""
        return (
            f"- **{esc(str(item.get('name', '')))}** ({esc(str(item.get('type', '')))}){also} "
            f"· {plural(item.get('mentions', 0), 'mention')} "
            f"{_cite(item.get('sources', []), numbers)}"
        )
    return f"- {esc(str(item))}"


def _section_lines(key: str, items: list[dict[str, Any]], numbers: dict[str, int]) -> Iterator[str]:

    items, left = shown(key, items) if key != "entities" else (items, 0)
    yield from _lines(key, items, numbers)
    if left:
        yield f"- {more_line(left)}"


def _lines(key: str, items: list[dict[str, Any]], numbers: dict[str, int]) -> Iterator[str]:
    from newsweave.render.markdown import md_escape as esc

    if key == "quotes":
        for person, also, quotes in quote_groups(items):
            sources = list(dict.fromkeys(str(q.get("source", "")) for q in quotes))
            alias = f" (also “{'”, “'.join(esc(a) for a in also)}”)" if also else ""
            if len(sources) == 1:
                said = " ".join(f"“{esc(str(q.get('text', '')))}”" for q in quotes)
                cites = _cite(sources, numbers)
                yield f"- **{esc(person or 'unattributed')}**{alias} {cites}: {said}"
            else:
                said = " ".join(f"“{esc(str(q.get('text', '')))}” "
                                f"{_cite([str(q.get('source', ''))], numbers)}" for q in quotes)
                yield f"- **{esc(person or 'unattributed')}**{alias}: {said}"
        return
    if key == "entities":
        main, rest = visible_entities(items)
        yield from (item_line(key, e, numbers) for e in main)
        if rest:
            extra = len(rest) - MAX_ALSO_NAMED
            names = ", ".join(rest[:MAX_ALSO_NAMED]) + (f" and {extra} more" if extra > 0 else "")
            yield f"- Also named: {esc(names)}"
        return
    if key == "timeline":
        dated = [t for t in items if t.get("date")]
        undated = [t for t in items if not t.get("date")]
        yield from (item_line(key, t, numbers) for t in dated)
        if undated:
            yield "- Not placed in time (no publication date to count from):"
            for t in undated:
                yield (f"  - “{esc(str(t.get('expression', '')))}”: "
                       f"{esc(shorten(str(t.get('text', ''))))} "
                       f"{_cite(t.get('sources', []), numbers)}")
        return
    yield from (item_line(key, item, numbers) for item in items)


def speaker_notes(brief: Brief) -> dict[int, str]:
    """Brief sentence index -> "he: Name" for sentences that name their speaker by a pronoun."""
    out: dict[int, str] = {}
    for item in brief.analysis.get("speakers", []):
        k = item.get("summary")
        if isinstance(k, int) and item.get("speaker"):
            out[k] = f"{item.get('pronoun', 'speaker')}: {item['speaker']}"
    return out


def markdown_sections(brief: Brief, numbers: dict[str, int]) -> Iterator[str]:
    for key, title in SECTION_TITLES:
        items = brief.analysis.get(key)
        if not items:
            continue
        yield f"## {title}"
        yield ""
        yield from _section_lines(key, items, numbers)
        yield ""
