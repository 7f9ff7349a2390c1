"""Quantities in text: written and digit numbers, ranges, hedges and units.

``"just under 70 kilometers"`` -> 63..70 km, ``"25 miles"`` -> 40.2 km, ``"three young men"``
-> 3 people (head noun "men"), ``"between 100 and 300 fighters"`` -> 100..300 people.
Years, clock times, ages and compound adjectives ("7-minute video") are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "a dozen": 12, "dozen": 12}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Distance units -> kilometres.
DISTANCE = {"mile": 1.609344, "miles": 1.609344, "mi": 1.609344, "km": 1.0, "kms": 1.0,
            "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0,
            "meter": 0.001, "meters": 0.001, "metre": 0.001, "metres": 0.001}
# Feet and yards are left out: in news they measure heights, waves and surges, not the
# distance between two places.
# Nouns counting people, grouped so "terrorists" and "militants" compare.
PEOPLE = {
    "people": "people", "persons": "people", "men": "people", "women": "people",
    "children": "people", "civilians": "people", "residents": "people", "boys": "people",
    "girls": "people", "youths": "people", "villagers": "people", "victims": "people",
    "refugees": "people", "migrants": "people", "hostages": "people", "prisoners": "people",
    "protesters": "people", "workers": "people", "students": "people", "passengers": "people",
    "militants": "fighters", "fighters": "fighters", "terrorists": "fighters",
    "jihadists": "fighters", "insurgents": "fighters", "rebels": "fighters",
    "gunmen": "fighters", "extremists": "fighters", "soldiers": "troops", "troops": "troops",
    "officers": "troops", "policemen": "troops", "commanders": "leaders", "leaders": "leaders",
    "members": "members", "officials": "officials", "dead": "people", "casualties": "people",
}
# Things counted in news, by kind; their unit is "count".
THINGS = {"ships": "vessels", "vessels": "vessels", "boats": "vessels", "homes": "buildings",
          "houses": "buildings", "buildings": "buildings", "vehicles": "vehicles",
          "cars": "vehicles", "trucks": "vehicles", "tanks": "vehicles", "rockets": "rockets",
          "missiles": "rockets", "drones": "drones", "aircraft": "aircraft",
          "planes": "aircraft", "jets": "aircraft", "flights": "flights"}
_NUMWORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = (r"(?:a\s+(?:hundred|thousand|million|billion|dozen))"
        rf"|(?:{_DIGITS})(?:\s+(?:hundred|thousand|million|billion))?"
        rf"|(?:(?:{_NUMWORD})(?:[\s-]+(?:and\s+)?(?:{_NUMWORD}))*)")
_HEDGE = (r"about|around|nearly|almost|over|more than|less than|fewer than|at least|at most|"
          r"up to|some|roughly|approximately|just under|just over|under|as many as|an estimated")
_QTY = re.compile(
    rf"\b(?:(?P<hedge>(?i:{_HEDGE}))\s+)?(?:between\s+)?(?P<a>(?i:{_NUM}))\b"
    rf"(?:\s*(?:to|and|or|-|–)\s*(?P<b>(?i:{_NUM}))\b)?"
)
_MODIFIERS = {"young", "old", "top", "senior", "local", "foreign", "armed", "unarmed",
              "suspected", "alleged", "more", "other", "civilian", "military", "innocent",
              "former", "iraqi", "syrian", "kurdish", "french", "british", "american", "its",
              "the", "their", "his", "her", "our", "of", "south", "north", "east", "west"}
_VERB_COUNT = re.compile(
    rf"\b(?P<verb>killed|killing|wounded|injured|executed|arrested|detained|kidnapped)\s+"
    rf"(?:(?P<hedge>{_HEDGE})\s+)?(?P<a>{_NUM})\b(?!\s+(?:of|[a-z]+s\b))", re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number with its unit; ``lo``/``hi`` after normalising units and hedges."""

    value: str  # as written ("just under 70 kilometers")
    lo: float
    hi: float
    unit: str  # "km", "people" or "count" (things: ships, buildings, vehicles...)
    kind: str  # distance, or the noun group ("people", "fighters", ...)
    noun: str  # head noun with its modifiers as written ("young men")
    start: int  # offsets within the sentence text
    end: int


def parse_number(text: str) -> float | None:
    """``"7 million"`` -> 7e6, ``"three"`` -> 3, ``"twenty-five"`` -> 25, ``"3,000"`` -> 3000."""
    t = text.lower().replace(",", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion))?", t)
    if m:
        return float(m.group(1)) * (SCALES[m.group(2)] if m.group(2) else 1)
    total, current = 0.0, 0.0
    words = re.findall(r"a dozen|[a-z]+", t)
    if not words:
        return None
    if words[0] == "a" and len(words) > 1:
        words[0] = "one"
    for w in words:
        if w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            current = max(current, 1.0) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current


def _head_noun(text: str, pos: int) -> tuple[str, str, int]:
    """The unit or people noun within four words after a number, with the words between."""
    words = list(re.finditer(r"[A-Za-z][\w'’]*", text[pos: pos + 80]))
    between: list[str] = []
    for w in words[:5]:
        low = w.group().lower()
        gap = text[pos + (words[0].start() if not between else 0): pos + w.start()]
        if re.search(r"[,.;:()]", gap):
            break
        if low in DISTANCE or low in PEOPLE or low in THINGS:
            return low, " ".join(between), pos + w.end()
        if low in _MODIFIERS or w.group()[0].isupper():
            between.append(w.group())
            continue
        break
    return "", "", pos


def _hedged(lo: float, hi: float, hedge: str | None) -> tuple[float, float]:
    h = (hedge or "").lower()
    if h in ("about", "around", "roughly", "approximately", "some", "an estimated"):
        return lo * 0.9, hi * 1.1
    if h in ("nearly", "almost", "just under", "under", "less than", "fewer than", "up to",
             "at most"):
        return lo * 0.85, hi
    if h in ("over", "more than", "just over", "at least", "as many as"):
        return lo, hi * 1.2 if h != "as many as" else hi
    return lo, hi


def quantities(text: str) -> Iterator[Quantity]:
    """Distances and counts of people in one sentence; "100 kilometers (80 miles)" is one
    quantity covering both figures."""
    found = sorted(_quantities(text), key=lambda q: q.start)
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev and prev.unit == q.unit and re.fullmatch(r"\s*\(\s*", text[prev.end:q.start]):
            out[-1] = Quantity(f"{prev.value} ({q.value})", min(prev.lo, q.lo),
                               max(prev.hi, q.hi), prev.unit, prev.kind, prev.noun,
                               prev.start, q.end)
        else:
            out.append(q)
    yield from out


def _quantities(text: str) -> Iterator[Quantity]:
    spans: list[tuple[int, int]] = []
    for m in _QTY.finditer(text):
        a = parse_number(m.group("a"))
        if a is None:
            continue
        b = parse_number(m.group("b")) if m.group("b") else None
        noun, after, end = _head_noun(text, m.end())
        tail = text[m.end("a"): m.end("a") + 1]
        if tail and tail in "-–" and not m.group("b"):
            continue  # "7-minute video", "two-person formations", "a 12-metre embankment"
        if m.group("a").lower() == "one" and text[m.end("a"):].startswith(" of"):
            continue  # "one of the young women"
        if 1800 <= a <= 2100 and noun not in DISTANCE and noun not in PEOPLE | THINGS.keys():
            continue
        lo, hi = (a, b) if b is not None and b >= a else (a, a)
        if noun in DISTANCE:
            f = DISTANCE[noun]
            lo, hi = _hedged(lo * f, hi * f, m.group("hedge"))
            spans.append((m.start(), end))
            yield Quantity(text[m.start():end], lo, hi, "km", "distance", noun, m.start(), end)
        elif noun in THINGS:
            lo, hi = _hedged(lo, hi, m.group("hedge"))
            spans.append((m.start(), end))
            mods = re.sub(r"^of\s+\w+\s*", "", after)
            yield Quantity(text[m.start():end], lo, hi, "count", THINGS[noun],
                           " ".join(x for x in (mods, noun) if x), m.start(), end)
        elif noun in PEOPLE:
            lo, hi = _hedged(lo, hi, m.group("hedge"))
            mods = re.sub(r"^of\s+\w+\s*", "", after)
            spans.append((m.start(), end))
            yield Quantity(text[m.start():end], lo, hi, "people", PEOPLE[noun],
                           " ".join(x for x in (mods, noun) if x), m.start(), end)
    for m in _VERB_COUNT.finditer(text):
        a = parse_number(m.group("a"))
        if a is None or 1800 <= a <= 2100:
            continue
        if any(s <= m.start("a") < e for s, e in spans):
            continue
        lo, hi = _hedged(a, a, m.group("hedge"))
        verb = m.group("verb").lower()
        kind = ("injured" if verb in ("wounded", "injured") else "held"
                if verb in ("arrested", "detained", "kidnapped") else "people")
        yield Quantity(m.group(0).strip(), lo, hi, "people", kind, verb, m.start(), m.end())


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?!\d)(?:\s*([ap])\.?\s?m\b\.?)?", re.I)


def clock_time(text: str, start: int, end: int) -> int | None:
    """Read the digits ``text[start:end]`` as part of a clock time ("4:30 a.m.", "16:05").

    Returns the minutes after midnight when they are the minutes of a clock time, -1 when
    they are its hour (the time is read once, with its minutes), None when no clock time.

    >>> t = "It fled at 4:30 a.m. and stopped at 4:45 p.m."
    >>> clock_time(t, 11, 12), clock_time(t, 13, 15), clock_time(t, 38, 40)
    (-1, 270, 1005)
    """
    if text[end:end + 1] == ":" and text[end + 1:end + 3].isdigit():
        return -1
    if start < 2 or text[start - 1] != ":" or not text[start - 2].isdigit():
        return None
    h0 = start - 2
    while h0 > 0 and text[h0 - 1].isdigit():
        h0 -= 1
    m = _CLOCK.match(text, h0)
    if not m or m.end(2) != end:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return hour * 60 + minute
