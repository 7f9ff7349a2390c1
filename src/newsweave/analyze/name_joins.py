"""Mentions of one sentence that the run finder cut from one longer name, put back together
(or trimmed), before forms are built.

- "Boys and Girls Club of Albany", "Oil and Natural Gas Corp", "New Orleans Jazz & Heritage
  Festival": ordinary words, "and"/"&", and a body's or an event's name.
- "Alzheimer's Foundation of America": an eponym's possessive that opens a body's name.
- "Deferred Action for Childhood Arrivals", "Surface to Air Missile": two runs around
  "for"/"of"/"to" whose initials are an acronym the same sentence writes ("DACA", "SAM"),
  or the article writes in brackets after the whole name.
- "NASA View full size image": a caption button glued to a photo credit, trimmed.
- "Chief Whip", "General Purpose": a rank word before a post or a kind, no one's name.
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
from newsweave.analyze.names import Mention, fold, trade_word

_AND = re.compile(r"\s+(?:and|&)\s+")
_BODY_END = re.compile(
    r"(?:Club|Clubs|Corp|Corporation|Company|Festival|Fair|Foundation|Society|Association|"
    r"Alliance|Council|Union|Federation|Institute|Department|Services|Service|Administration|"
    r"Commission|Committee|Authority|Agency|Bureau|League|Museum|Center|Centre|Fund)"
    r"(?:\s+(?:of|for)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?$")
_POSSESSIVE = re.compile(r"(?:'s|’s)\s+")
_EPONYM_BODY = re.compile(r"(?:Foundation|Association|Society|Institute|Fund|Alliance|"
                          r"Federation|Council)\s+(?:of|for)\s+[A-Z]")
_LINK = re.compile(r"\s+(?:for|of|to)\s+(?:the\s+)?")
_SMALL = {"of", "for", "the", "and", "&", "on", "in", "to", "a", "an", "at"}
_CAPTION = re.compile(r"\s+(?:full\s+size|larger\s+image|gallery|slideshow)\b", re.I)
_RANKS = {"chief", "general", "major"}
# what a rank word opens when it names a post or a kind, not a person ("Chief Whip")
_RANKED_KINDS = {"whip", "purpose", "counsel", "justice", "executive", "constable", "steward",
                 "surgeon", "manager", "secretary", "league"}
# last words of a body before "and" that make it whole ("Capitol Police and Secret Service")
_FORCES = {"police", "guard", "guards", "patrol", "army", "navy", "forces", "force", "marines",
           "corps", "service", "services", "department", "agency", "office", "bureau"}
_KNOWN = KNOWN_ORGS | KNOWN_PLACES | KNOWN_PEOPLE


def _ordinary(word: str, article: str = "") -> bool:
    """A word of ordinary prose: news text writes it in lower case (``COMMON_WORDS``; not the
    frequent words, which hold surnames such as "Powell"), or this article does ("a jazz
    club owner")."""
    low = fold(word).strip(".,")
    return low not in FIRST_NAMES and low not in _KNOWN and (
        low in COMMON_WORDS or (
            low.isalpha() and re.search(rf"(?<![\w-]){low}\b", article) is not None))


def _merge(a: Mention, b: Mention, text: str) -> Mention:
    return Mention(text[a.start - a.sentence[0]: b.end - a.sentence[0]], a.article, a.start,
                   b.end, a.title, a.initial, a.sentence)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and fold(w) not in _SMALL)


def _and_join(a: Mention, gap: str, b: Mention, article: str) -> bool:
    """"Boys and Girls Club", "Jazz & Heritage Festival": an ordinary word before "and" (any
    word before "&") that is no body's last word ("Capitol Police and Secret Service" are
    two), and no known body's own foundation after it ("Google Foundation")."""
    words = a.text.split()
    if fold(words[-1]) in _FORCES or _BODY_END.search(a.text):
        return False
    plain = _ordinary(words[-1], article) or "&" in gap or trade_word(words[-1])
    return bool(_AND.fullmatch(gap)) and not a.title and 1 <= len(words) <= 3 and plain and (
        fold(words[0]) not in FIRST_NAMES) and bool(_BODY_END.search(b.text)) and (
        fold(a.text) not in _KNOWN) and fold(b.text) not in KNOWN_ORGS and (
        fold(b.text.split()[0]) not in _KNOWN)


def _possessive_join(a: Mention, gap: str, b: Mention) -> bool:
    """"Alzheimer's Foundation of America": an eponym's possessive opening a body's name (an
    office holder's, "Sheriff's Office", is kept whole by the run finder itself)."""
    if not _POSSESSIVE.fullmatch(gap):
        return False
    words = a.text.split()
    return len(words) == 1 and fold(words[0]) not in FIRST_NAMES and fold(
        words[0]) not in _KNOWN and bool(_EPONYM_BODY.match(b.text))


def _acronym_join(a: Mention, gap: str, b: Mention, sentence: str, article: str) -> bool:
    """Two runs around "for"/"of"/"to" whose initials are an acronym the same sentence writes
    ("Deferred Action for Childhood Arrivals, known as DACA"), or the article writes in
    brackets after the whole name; two known places are never one name ("from New York to
    Chicago")."""
    if not _LINK.fullmatch(gap) or a.title or (
            fold(a.text) in KNOWN_PLACES and fold(b.text) in KNOWN_PLACES):
        return False
    acro = _initials(a.text) + _initials(b.text)
    if not (3 <= len(acro) <= 8 and acro.isupper()):
        return False
    whole = re.escape(a.text) + r"\s+" + re.escape(gap.strip()) + r"\s+" + re.escape(b.text)
    return re.search(rf"(?<![\w.]){re.escape(acro)}(?![\w])", sentence) is not None or (
        re.search(rf"{whole}\s*\(\s*{re.escape(acro)}\s*\)", article) is not None)


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
        return not re.match(r"\s+tv\b", sentence[end:], re.I)  # "WE can't"; not "WE tv"
    return len(name) >= 4 and (sentence[end:end + 1] in (":", "/") or sentence[
        start - 1:start] == "/") and (
        low in FREQUENT_WORDS or low in COMMON_WORDS)  # "CORRECTION:", "GRANTS/DONATIONS"


def joined(mentions: Iterable[Mention], sentence: str, article: str) -> list[Mention]:
    """The mentions of one sentence (``sentence`` is its text, ``article`` the whole
    article's) with cut pieces of one name joined and caption words trimmed."""
    out: list[Mention] = []
    for m in mentions:
        base = m.sentence[0]
        if m.text.endswith(" View") and _CAPTION.match(sentence, m.end - base):
            m = Mention(m.text[:-5], m.article, m.start, m.end - 5, m.title, m.initial,
                        m.sentence)  # "Credit: NASA View full size image"
        if _caps_word(m.text, sentence, m.start - base, m.end - base):
            continue  # "GRANTS/DONATIONS", "WE can't keep up": a label or a shouted word
        if m.title and fold(m.title.split()[-1]) in _RANKS and fold(m.text) in _RANKED_KINDS:
            continue  # "Chief Whip", "General Purpose": a post or a kind, no name
        if out:
            a = out[-1]
            gap = sentence[a.end - base: m.start - base]
            if _and_join(a, gap, m, article) or _possessive_join(a, gap, m) or _acronym_join(
                    a, gap, m, sentence, article):
                out[-1] = _merge(a, m, sentence)
                continue
        out.append(m)
    return out
