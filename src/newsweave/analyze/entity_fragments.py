"""Pieces of longer names the mention finder cut out (dropped before forms are built): street
addresses, bodies whose "for the …" tail was cut, legal forms alone, a word cut from a longer
word ("eBay", "realDonaldTrump") or glued to the next by a missing space ("Kampala
Postoriginally"), caption buttons ("See Gallery …"), the word after an epithet's "the"
("John the Baptist"), a model number's letter ("Martin D-18E"), "-language" adjectives and
the rest of a quoted title ("“This Week”")."""

from __future__ import annotations

import re

from newsweave.analyze.entity_links import SUFFIXES
from newsweave.analyze.entity_types import ORG_KEYS, PLACE_KEYS
from newsweave.analyze.gazetteer import COMMON_WORDS
from newsweave.analyze.names import fold, name_key

Key = tuple[str, ...]


_ROAD_LAST = {"highway", "route", "business", "interstate", "loop", "spur", "farm"}
_LEGAL_WORDS = {name_key(w)[0] for w in ("Inc", "Corp", "Ltd", "LLC", "Co", "Associates")}
_BODY_AT_END = re.compile(
    r"(?:Committee|Commission|Council|Institute|Foundation|Society|Association|Alliance|"
    r"Coalition|Campaign|Fund|League|Union|Office|Bureau|Department|Ministry|Agency|"
    r"Federation|Organi[sz]ation|Movement|Centers?|Centres?)$")


def fragment_at(text: str, start: int, end: int, key: Key) -> bool:
    """A piece of a longer name the finder cut: a street address's words between two
    numbers or before a road number ("6801 E. Business 20", "East Highway 80"), a body's
    name whose "for the …"/"of the …" tail was cut ("Italian Committee for the Investigation
    of …"), or only legal-form words ("… Gardner and Associates Inc.")."""
    before, after = text[max(0, start - 12): start], text[end: end + 40]
    if before[-1:].isalpha() or glued(text, start, end):
        return True  # "eBay" gives no "Bay"; "The Kampala Postoriginally reported"
    if re.search(r"\b(?:See|View)\s+$", before) and re.match(
            r"(?:Gallery|Images|Photos?|Videos?|Slideshow)\b", text[start:end]):
        return True  # "See Gallery Police officer …", "View Images Originally Earth": buttons
    if len(key) == 1 and re.search(
            r"(?:[\w,;]|\b(?:St|Mt|Dr|Mr)\.)\s+(?!The\b)[A-Z][a-z]+\s+the\s+$",
            text[max(0, start - 30): start]):
        return True  # "St. John the Baptist", "Meet the Press": a piece of a longer name
    if re.fullmatch(r".*\s[A-Z]", text[start:end]) and re.match(r"-\d", after):
        return True  # "Martin D-18E", "Boeing B-52": a model number's letter, not a name
    if re.search(r"-(?:language|speaking)$", text[start:end]):
        return True  # "English-language", "Spanish-speaking": an adjective
    wide = text[max(0, start - 40): start]
    if re.search(r"[\"“](?:This|That|These|Those|My|Your|Our|Their|His|Her|Its|No|All)\s+$",
                 wide) and re.match(r"(?:'s|’s)?[,.!?]?[\"”]", after) or (
            wide[-1:] in "\"“" and re.match(r",\s+[A-Z][\w'’]*[,.!?]?[\"”]", after)):
        return True  # “This Week”, “Good Morning, Vietnam”: the rest of a quoted title
    if key[0] in SUFFIXES or re.match(r"\s+of\s+the\s+Year\b", after):
        return True  # "Jr. National Memorial", "Travel Journalist of the Year": a piece
    if re.match(r"\s+\d{1,4}\b", after) and (
            re.search(r"\b\d{2,6}\s+$", before) or fold(text[start:end].split()[-1]) in _ROAD_LAST):
        return True
    if len(key) > 1 and _BODY_AT_END.search(text[start:end]) and re.match(
            r"\s+(?:for|of|on)\s+the\s+[A-Z]", after):
        return True
    return len(key) > 1 and any(k in _LEGAL_WORDS for k in key) and all(
        k in _LEGAL_WORDS or (k in ORG_KEYS and k not in PLACE_KEYS) for k in key)


def glued(text: str, start: int, end: int) -> bool:
    """The last word of a several-word name is glued to an ordinary word by a missing
    space ("Kampala Postoriginally"): the name without the glued tail occurs elsewhere and
    the tail (six letters or more) is an ordinary word or written in lower case elsewhere."""
    name = text[start:end]
    last = name.rsplit(" ", 1)[-1]
    if " " not in name or not re.fullmatch(r"[A-Z][a-z]{7,}", last):
        return False
    for i in range(3, len(last) - 5):
        head, tail = name[: len(name) - len(last) + i], last[i:]
        if (tail in COMMON_WORDS or re.search(r"(?<![\w-])" + tail + r"\b", text)) and re.search(
                re.escape(head) + r"(?![\w-])", text):
            return True
    return False
