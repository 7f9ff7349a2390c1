"""Mentions of one sentence that the run finder cut from one longer name, put back together
(or trimmed), before forms are built.

- "Boys and Girls Club of Albany", "Oil and Natural Gas Corp", "New Orleans Jazz & Heritage
  Festival": ordinary words, "and"/"&", and a body's or an event's name.
- "Yamhill County Sheriff's Office", "Alzheimer's Foundation of America": an office holder's
  or an eponym's possessive that opens a body's name.
- "Deferred Action for Childhood Arrivals", "Surface to Air Missile": two runs around
  "for"/"of"/"to" whose initials are an
  acronym the article writes ("DACA").
- "NASA View full size image": a caption button glued to a photo credit, trimmed.
- "Chief Whip", "General Purpose": a rank word and an ordinary word, no one's name.
- "GRANTS/DONATIONS", "WE can't", "CORRECTION:": a capitalised ordinary word, pronoun or
  label, dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsweave.analyze.gazetteer import (
    COMMON_WORDS,
    FIRST_NAMES,
    FREQUENT_WORDS,
    KNOWN_ORGS,
    KNOWN_PEOPLE,
    KNOWN_PLACES,
)
from newsweave.analyze.names import Mention, fold

_AND = re.compile(r"\s+(?:and|&)\s+")
_BODY_END = re.compile(
    r"(?:Club|Clubs|Corp|Corporation|Company|Festival|Fair|Foundation|Society|Association|"
    r"Alliance|Council|Union|Federation|Institute|Department|Services|Service|Administration|"
    r"Commission|Committee|Authority|Agency|Bureau|League|Museum|Center|Centre|Fund)"
    r"(?:\s+(?:of|for)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?$")
_POSSESSIVE = re.compile(r"(?:'s|’s)\s+")
_OFFICE_HOLDERS = {"sheriff", "coroner", "prosecutor", "attorney", "mayor", "governor",
                   "marshal", "treasurer", "assessor", "clerk", "auditor", "comptroller",
                   "controller", "recorder", "inspector", "examiner", "president", "speaker",
                   "chancellor", "commissioner", "provost", "dean", "premier"}
_OFFICE_BODIES = {"office", "department", "bureau", "division", "unit", "team", "council"}
_EPONYM_BODY = re.compile(r"(?:Foundation|Association|Society|Institute|Fund|Alliance|"
                          r"Federation|Council)\s+(?:of|for)\s+[A-Z]")
_LINK = re.compile(r"\s+(?:for|of|to)\s+(?:the\s+)?")
_SMALL = {"of", "for", "the", "and", "&", "on", "in", "to", "a", "an", "at"}
_CAPTION = re.compile(r"\s+(?:full\s+size|larger|image|photo|gallery|slideshow|more\s+photos)",
                      re.I)
_RANKS = {"chief", "general", "major", "private"}
_KNOWN = KNOWN_ORGS | KNOWN_PLACES | KNOWN_PEOPLE


def _ordinary(word: str, article: str = "") -> bool:
    """A word of ordinary prose: news text writes it in lower case, or this article does
    ("a jazz club owner")."""
    low = fold(word).strip(".,")
    return low not in FIRST_NAMES and low not in _KNOWN and (
        low in COMMON_WORDS or low in FREQUENT_WORDS or (
            low.isalpha() and re.search(rf"(?<![\w-]){low}\b", article) is not None))


def _merge(a: Mention, b: Mention, text: str) -> Mention:
    return Mention(text[a.start - a.sentence[0]: b.end - a.sentence[0]], a.article, a.start,
                   b.end, a.title, a.initial, a.sentence)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and fold(w) not in _SMALL)


def _and_join(a: Mention, gap: str, b: Mention, article: str) -> bool:
    """"Boys and Girls Club", "Jazz & Heritage Festival": an ordinary word before "and" (any
    word before "&"), and no known body's own foundation after it ("Google Foundation")."""
    words = a.text.split()
    return bool(_AND.fullmatch(gap)) and not a.title and 1 <= len(words) <= 3 and (
        _ordinary(words[-1], article) or "&" in gap) and fold(words[0]) not in FIRST_NAMES and bool(
        _BODY_END.search(b.text)) and fold(a.text) not in _KNOWN and (
        fold(b.text) not in KNOWN_ORGS) and fold(b.text.split()[0]) not in _KNOWN


def _possessive_join(a: Mention, gap: str, b: Mention) -> bool:
    if not _POSSESSIVE.fullmatch(gap):
        return False
    words = a.text.split()
    if fold(words[-1]) in _OFFICE_HOLDERS and len(words) > 1 and (
            fold(b.text.split()[0]) in _OFFICE_BODIES):
        return True  # "Yamhill County Sheriff's Office", "Cook County Assessor's Office"
    return len(words) == 1 and fold(words[0]) not in FIRST_NAMES and fold(
        words[0]) not in _KNOWN and bool(_EPONYM_BODY.match(b.text))


def _acronym_join(a: Mention, gap: str, b: Mention, article: str) -> bool:
    if not _LINK.fullmatch(gap) or a.title:
        return False
    acro = _initials(a.text) + _initials(b.text)
    return 3 <= len(acro) <= 8 and acro.isupper() and re.search(
        rf"(?<![\w.]){acro}(?![\w])", article) is not None


def _caps_word(name: str, sentence: str, start: int, end: int) -> bool:
    """One word in capitals that prose writes in lower case, as a label before ":" or "/"
    ("CORRECTION:", "GRANTS/DONATIONS"), or a pronoun ("WE"); never a known body ("DART
    said" is the transit agency)."""
    low = fold(name)
    if not (name.isupper() and name.isalpha()) or low in KNOWN_ORGS or low in KNOWN_PLACES:
        return False
    if sentence[end:end + 1] == ")":
        return False
    if low in {"we", "he", "she", "they"}:
        return True  # "WE can't keep up": a shouted pronoun
    return len(name) >= 4 and (sentence[end:end + 1] in (":", "/") or sentence[
        start - 1:start] == "/") and (
        low in FREQUENT_WORDS or low in COMMON_WORDS)  # "CORRECTION:", "GRANTS/DONATIONS"


def joined(mentions: Iterable[Mention], sentence: str, article: str) -> list[Mention]:
    """The mentions of one sentence (``sentence`` is its text, ``article`` the whole
    article's) with cut pieces of one name joined and caption words trimmed."""
    out: list[Mention] = []
    base = None
    for m in mentions:
        base = m.sentence[0]
        if m.text.endswith(" View") and _CAPTION.match(sentence, m.end - base):
            m = Mention(m.text[:-5], m.article, m.start, m.end - 5, m.title, m.initial,
                        m.sentence)  # "Credit: NASA View full size image"
        if _caps_word(m.text, sentence, m.start - base, m.end - base):
            continue  # "GRANTS/DONATIONS", "WE can't keep up": a label or a shouted word
        if m.title and fold(m.title.split()[-1]) in _RANKS and " " not in m.text and (
                _ordinary(m.text)):
            continue  # "Chief Whip", "General Purpose": an office or a kind, no name
        if out and out[-1].sentence == m.sentence:
            a = out[-1]
            gap = sentence[a.end - base: m.start - base]
            if _and_join(a, gap, m, article) or _possessive_join(a, gap, m) or _acronym_join(
                    a, gap, m, article):
                out[-1] = _merge(a, m, sentence)
                continue
        out.append(m)
    return out
