"""Dated events in order, with how each date was worked out.

Date expressions are found with regular expressions (dateparser is far too slow to run over
every sentence of a brief); the relative ones are then resolved by dateparser against the
article's published date. ``resolved`` says how a date was obtained:

- ``"absolute"``: the text gives it ("June 2014", "July 21, 2016", "in 2014");
- ``"year inferred"``: a day or month without a year ("on July 24", "in February") takes the
  year of the article's ``published`` date, or of a year named just before in the sentence;
- ``"relative to published date"``: "last week", "two months ago", "on Wednesday" counted
  back from ``published``;
- ``"unresolved"``: no year or no published date to count from. ``date`` is then
  ``"--MM-DD"``/``"--MM"`` (ISO 8601 without a year) or ``None`` for a relative phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np

from newsweave.analyze.items import TimelineEvent
from newsweave.text.vocabulary import MONTH_NUMBER, month_pattern
from newsweave.types import Article, Sentence

MONTHS = MONTH_NUMBER
_MON = rf"(?P<mon>{month_pattern()})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUMW = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b")),
    ("my", re.compile(rf"\b{_MON}(?:\s+of)?,?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MON}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)(?!\s*(?:st|nd|rd|th)?\s*"
                      r"(?:%|percent|people|men|km|miles))")),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MON}\b(?!,?\s+(?:19|20)\d\d)")),
    ("y", re.compile(rf"\b(?i:in|since|by|until|of|from|early|late|mid-?|during|before|after)\s+"
                     rf"{_YEAR}\b(?!\s*(?:-|–|to)\s*\d)")),
    ("m", re.compile(rf"\b(?i:in|since|by|until|early|late|mid-?|last|this|next|from|on)\s+"
                     rf"{_MON}(?!\s+\d)")),
    ("ago", re.compile(rf"\b{_NUMW}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("last", re.compile(r"\b(?P<rel>last|this|past)\s+(?P<unit>week|month|year)\b", re.I)),
    ("yday", re.compile(r"\b(?P<unit>yesterday)\b", re.I)),
    ("wday", re.compile(r"\b(?i:on|last|this\s+past)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|"
                        r"Friday|Saturday|Sunday)\b")),
)


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression in a sentence and what it resolves to."""

    expression: str
    date: str | None
    resolved: str
    start: int  # offset in the sentence text


def published_date(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if y is not None and m is not None and d is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    if y is not None and m is not None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    if y is not None:
        return f"{y:04d}"
    if m is not None and d is not None:
        return f"--{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None
    return f"--{m:02d}" if m is not None else None


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


# dateparser's words for the phrases our patterns find ("past week" -> "last week").
_DATEPARSER_WORDS = ((re.compile(r"^(?:on|this past)\s+", re.I), ""),
                     (re.compile(r"\bpast\b", re.I), "last"),
                     (re.compile(r"\ba few\b", re.I), "3"))


def _relative(kind: str, m: re.Match[str], pub: date) -> str | None:
    """Resolve a relative phrase against the published date with dateparser.

    Only the few phrases our patterns found are parsed (about 1.5 ms each after dateparser
    loads its English data once), never whole sentences. The result keeps the phrase's
    precision: "two months ago" -> "2016-05", "last year" -> "2015", "on Monday" -> a day.
    """
    import dateparser  # loaded only when a relative date meets a known published date

    phrase = m.group(0)
    for pattern, repl in _DATEPARSER_WORDS:
        phrase = pattern.sub(repl, phrase)
    settings = {
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if kind == "wday" and m.group("wd").lower() == pub.strftime("%A").lower():
        # "on Monday" in a Monday article is that day, not a week before.
        return pub.isoformat()
    try:
        when = dateparser.parse(phrase, languages=["en"], settings=settings)
    except (OverflowError, ValueError):  # e.g. a published date of 0001-01-01
        return None
    if when is None:
        return None
    unit = m.group("unit").lower() if "unit" in m.re.groupindex else "day"
    if unit == "year":
        return _iso(when.year)
    if unit == "month":
        return _iso(when.year, when.month)
    return when.date().isoformat()


def date_refs(text: str, pub: date | None) -> Iterator[DateRef]:
    """Every date expression of a sentence, resolved against ``pub`` when needed."""
    taken: list[tuple[int, int]] = []
    last_year: tuple[int, int] | None = None  # (year, month) named earlier in the sentence
    found: list[tuple[int, str, re.Match[str]]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), kind, m))
    for _, kind, m in sorted(found, key=lambda f: f[0]):
        expr = m.group(0)
        if kind == "iso":
            yield DateRef(expr, _iso(int(m["year"]), int(m["m"]), int(m["d"])), "absolute",
                          m.start())
        elif kind in ("mdy", "dmy"):
            y, mo = int(m["year"]), _month(m["mon"])
            last_year = (y, mo)
            yield DateRef(expr, _iso(y, mo, int(m["day"])), "absolute", m.start())
        elif kind == "my":
            y, mo = int(m["year"]), _month(m["mon"])
            last_year = (y, mo)
            yield DateRef(expr, _iso(y, mo), "absolute", m.start())
        elif kind == "y":
            last_year = (int(m["year"]), 1)
            yield DateRef(expr, _iso(int(m["year"])), "absolute", m.start())
        elif kind in ("md", "dm", "m"):
            mo = _month(m["mon"])
            day = int(m["day"]) if kind != "m" else None
            if pub is not None:
                y = pub.year
                if (mo, day or 1) > (pub.month, pub.day + 7):
                    y -= 1
                yield DateRef(expr, _iso(y, mo, day), "year inferred", m.start())
            elif last_year is not None:
                y = last_year[0] + (1 if mo < last_year[1] else 0)
                yield DateRef(expr, _iso(y, mo, day), "year inferred", m.start())
            else:
                yield DateRef(expr, _iso(None, mo, day), "unresolved", m.start())
        else:
            if pub is None:
                yield DateRef(expr, None, "unresolved", m.start())
            else:
                when = _relative(kind, m, pub)
                yield DateRef(expr, when, "relative to published date" if when else "unresolved",
                              m.start())


def _clause(text: str, pos: int) -> str:
    """The clause of a sentence around ``pos`` (split at semicolons only)."""
    parts = text.split(";")
    if len(parts) == 1:
        return text
    acc = 0
    for part in parts:
        if acc <= pos <= acc + len(part):
            return part.strip()
        acc += len(part) + 1
    return text


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    return a.startswith(b) or b.startswith(a)


def build_timeline(
    articles: Sequence[Article],
    sentences: Mapping[str, list[Sentence]],
    similarity: np.ndarray | None = None,
    row_of: Mapping[tuple[str, int], int] | None = None,
    order: Mapping[str, int] | None = None,
    merge_at: float = 0.25,
) -> list[TimelineEvent]:
    """Dated events of the cluster in date order; the same event from several sources (similar
    sentences, compatible dates) becomes one item citing all of them."""
    order = order or {a.id: k for k, a in enumerate(articles)}
    items: list[dict[str, Any]] = []
    rows: list[int | None] = []
    for art in articles:
        if art.duplicate_of:
            continue
        pub = published_date(art)
        for sent in sentences.get(art.id, []):
            for ref in date_refs(sent.text, pub):
                items.append({
                    "date": ref.date, "text": _clause(sent.text, ref.start),
                    "sources": [art.id], "resolved": ref.resolved,
                    "expression": ref.expression,
                    "sentence": [{"article": art.id, "start": sent.start, "end": sent.end}],
                })
                rows.append(row_of.get((art.id, sent.index)) if row_of else None)
    merged: list[bool] = [False] * len(items)
    if similarity is not None:
        for i, a in enumerate(items):
            if merged[i] or a["date"] is None:
                continue
            for j in range(i + 1, len(items)):
                b = items[j]
                ri, rj = rows[i], rows[j]
                if merged[j] or ri is None or rj is None or b["sources"][0] in a["sources"]:
                    continue
                if not _compatible(a["date"], b["date"]):
                    continue
                # one month or day named by two sources is usually one event: ask less
                exact = a["date"] == b["date"] and len(str(a["date"]).lstrip("-")) >= 5
                if similarity[ri, rj] < (merge_at / 3 if exact else merge_at):
                    continue
                if len(str(b["date"])) > len(str(a["date"])):  # keep the more precise date
                    a["date"], a["resolved"], a["expression"] = (
                        b["date"], b["resolved"], b["expression"])
                a["sources"].append(b["sources"][0])
                a["sentence"].extend(b["sentence"])
                merged[j] = True
    out = [it for it, m in zip(items, merged, strict=True) if not m]

    def sort_key(it: dict[str, Any]) -> tuple[int, str, int]:
        d = it["date"]
        rank = 0 if d and not d.startswith("--") else 1 if d else 2
        return rank, d or "", order.get(it["sources"][0], 0)

    out.sort(key=sort_key)
    return [TimelineEvent.from_dict(it) for it in out]
