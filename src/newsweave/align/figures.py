"""What the support check reads of one sentence (:class:`Facts`, its :class:`Number` s) and how
two sentences' figures compare: the same value, hedged the same way, of the same thing
(:func:`number_conflict`), or missing. Split from :mod:`newsweave.align.check`, which reads the
facts and decides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.align.support import STOP_WORDS

MONTH_DAY = re.compile(
    r"(?=[JFMASOND])\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b")
# lower-cased text only (the truncated corpus writes "on may 19, 1992"); on raw text "march 20
# miles" is a distance
MONTH_DAY_ANY = re.compile("(?=[JFMASONDjfmasond])" + MONTH_DAY.pattern[len("(?=[JFMASOND])"):],
                            re.IGNORECASE)
# the corpus's truncated form splits punctuation off ("1: 35 p.m.", "8.2 %", "$ 280,000"):
# joined again before figures are read (same reading as the raw form); lower-cased text only
# (raw "Acts 2: 38" is no clock time)
SPLIT_OFF = re.compile(r"(?<=\d)(:) (?=\d\d\b)|(?<=\d) (?=%)|(?<=[$£€]) (?=\d)")
ORDINAL = re.compile(r"(?=\d)(?<![\w.])(\d{1,3})(?:st|nd|rd|th)\b")  # "86th avenue"
_AGE = re.compile(r"(?:(?<=[a-z], )\d{1,3}(?=[,.;]\D)|\d{1,3}(?=[- ]years?[- ]old\b))")
# ", 45," after these is a count or a group's age, not one person's ("the wounded, 45,")
_GROUP = frozenset("people persons children kids wounded injured dead killed victims men women "
                   "boys girls adults teens teenagers students soldiers troops officers police "
                   "residents survivors patients passengers members workers others families "
                   "couples pupils fans protesters demonstrators civilians hostages prisoners "
                   "migrants refugees casualties fatalities ages aged".split())
# ... and on raw text a lower-case word before it must be one of these (else: a name, capitalised)
_PERSON = frozenset("man woman boy girl son daughter wife husband mother father brother sister "
                    "friend partner girlfriend boyfriend grandmother grandfather child baby "
                    "teen teenager student victim suspect driver officer soldier".split())


def age_of(text: str, s: int, e: int, lower: bool) -> str | None:
    """The figure at ``text[s:e]`` as an age: the word (lower-cased) naming the person just
    before (", 24,"), "" for "24-year-old"; None if it is no age ("the wounded, 45,")."""
    age = _AGE.match(text, s)
    if age is None or age.end() != e:
        return None
    if not text[:s].endswith(", "):
        return ""
    prev = text[:s].split()[-1].rstrip(",")
    low = prev.lower()
    if low in _GROUP or low in STOP_WORDS or not (lower or prev[:1].isupper() or low in _PERSON):
        return None
    return low


@dataclass(frozen=True, slots=True)
class Number:
    text: str  # as written ("more than 15,000", "Forty-six")
    value: float
    unit: str  # stem of the word after the number ("peopl", "fligh", "%", "$") or ""
    place: str  # capitalised place named right after it ("New York City") or ""
    scope: str  # "nationwide"-like word close to it, or ""
    of: str = ""  # what a share or sum is of ("7% of the energy" -> "energy" stem)
    lo: float = 0.0  # the values the hedge allows ("more than 15,000": 15,000..16,500)
    hi: float = 0.0
    where: frozenset[str] = frozenset()  # last words of the names in the number's clause
    part: bool = False  # a part of a count ("three of the men", "another five")


@dataclass(frozen=True, slots=True)
class Facts:
    """What the check reads from one sentence (computed once per text)."""

    stems: frozenset[str]  # content words, lower-cased, folded, suffix-stripped
    names: tuple[tuple[str, ...], ...]  # capitalised name phrases, as word stems
    numbers: tuple[Number, ...]
    dates: frozenset[str]  # weekdays, months, years
    negated: frozenset[str]  # the content word each negation applies to ("not register")
    quote: frozenset[str]  # content stems inside quotation marks
    name_stems: frozenset[str]  # every word of ``names``
    lead_names: tuple[tuple[str, ...], ...] = ()  # names starting in the first six words


def hedge_range(v: float, hedge: str) -> tuple[float, float]:
    if hedge in ("more than", "over", "at least"):
        return v, v * 1.1
    if hedge in ("less than", "fewer than", "nearly", "almost", "up to", "as many as", "under"):
        return v * 0.9, v
    if hedge in ("about", "around", "some", "roughly"):
        return v * 0.95, v * 1.05
    return v, v


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 0.02 * max(abs(a), abs(b))


EXACT_BELOW = 10_000  # whole unhedged figures below this must be equal ("100" / "101 lashes")


def _exact(n: Number) -> bool:
    return n.value.is_integer() and abs(n.value) < EXACT_BELOW and n.lo == n.hi == n.value


def same_figure(x: Number, y: Number) -> bool:
    """The same value: equal when both are whole unhedged counts below ``EXACT_BELOW`` (a
    judge reads 100 lashes / 101 lashes as a contradiction), else within 2 % (units
    converted, "2.7 million" / "2.74 million")."""
    if _exact(x) and _exact(y):
        return x.value == y.value
    return same_value(x.value, y.value)


def direction(n: Number) -> int:
    return 1 if n.hi > n.value and n.lo == n.value else -1 if n.lo < n.value == n.hi else 0


def compatible(x: Number, y: Number) -> bool:
    """The same value (2 %), hedged the same way or not at all: "more than 300,000" /
    "as many as 300,000" differ (above / at most), and so do "more than 300" / "at least 295"
    (judges read another figure as a contradiction, hedge or not)."""
    return same_figure(x, y) and direction(x) * direction(y) >= 0


def number_conflict(a: Facts, b: Facts) -> tuple[Number, Number] | None:
    """A number of the claim that the evidence gives differently for the same thing (and
    the same time: two sentences naming different days count two different moments)."""
    if a.dates and b.dates and not a.dates & b.dates:
        return None
    for x in a.numbers:
        if x.part or any(compatible(x, y) for y in b.numbers):
            continue
        for y in b.numbers:
            if y.part or any(compatible(z, y) for z in a.numbers):
                continue  # a part; or a figure the claim gives too, maybe of another role
            if x.unit in ("%", "$") or y.unit in ("%", "$"):
                if x.unit != y.unit or not x.of or x.of != y.of:
                    continue  # shares and sums compare only when of the same thing
            if not same_person(x, y):
                continue
            same_place = bool(x.place and y.place and x.place == y.place)
            same_unit = bool(x.unit and x.unit == y.unit)
            if x.place and y.place and x.place != y.place:
                continue  # "46 in the U.S." / "10 in New York City": another scope
            if x.scope != y.scope:
                continue  # "nationwide" vs one place
            if bool(x.where) != bool(y.where) or (x.where and not x.where & y.where):
                continue  # "103 flights at Los Angeles airport" / "15,000 flights"
            if same_place or (same_unit and not (x.place or y.place)):
                return x, y
    return None


def other_figure(a: Facts, b: Facts) -> bool:
    """A number of the claim is missing and the evidence gives another of the same unit
    ("eight weeks" / "16 weeks"): a different fact, whatever its scope."""
    return any(x.unit and not any(same_figure(x, y) for y in b.numbers)
               and any(y.unit == x.unit and same_person(x, y) for y in b.numbers)
               for x in a.numbers)


def same_person(x: Number, y: Number) -> bool:
    """Ages compare only for one named person ("barber, 58" is not "miake, 60"; "a
    32-year-old man" is not "a 38-year-old man"); other figures always."""
    return x.unit != "age" or bool(x.of and x.of == y.of)


def missing_numbers(a: Facts, b: Facts) -> bool:
    return any(not any(same_figure(x, y) for y in b.numbers) for x in a.numbers)
