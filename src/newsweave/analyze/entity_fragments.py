"""Pieces of longer names the mention finder cut out (dropped before forms are built): street
addresses, bodies whose "for the …" tail was cut, legal forms alone, a word cut from a longer
word ("eBay", "realDonaldTrump") or glued to the next by a missing space ("Kampala
Postoriginally"), caption buttons ("See Gallery …"), the word after an epithet's "the"
("John the Baptist"), a model number's letters ("Martin D-18E", "Su-24"), a ticker's
exchange suffix ("LAIN.NS"), a shop or publication named by a possessive ("according to
Jane’s,"), a disease named after a man ("Lou Gehrig’s disease"), a court case's parties
("Abbott v. Burke"), the part after a slash ("BIA/Kelsey"), "-language" adjectives and the rest
of a quoted title ("“This Week”")."""

from __future__ import annotations

import re

from newsweave.analyze.entity_links import SUFFIXES
from newsweave.analyze.entity_types import GIVEN_KEYS, ORG_KEYS, PLACE_KEYS
from newsweave.analyze.gazetteer import (
    AGENT_NOUNS,
    COMMON_WORDS,
    FIRST_NAMES,
    FREQUENT_WORDS,
    KNOWN_ORGS,
    KNOWN_OTHER,
    KNOWN_PEOPLE,
    KNOWN_PLACES,
)
from newsweave.analyze.names import NOT_NAMES, TITLE_WORDS, fold, name_key

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
    of …"), only legal-form words ("… Gardner and Associates Inc."), or any of the pieces
    the module's docstring lists (model letters, ticker suffixes, case parties, …)."""
    before, after = text[max(0, start - 12): start], text[end: end + 40]
    if before[-1:].isalpha() or glued(text, start, end):
        return True  # "eBay" gives no "Bay"; "The Kampala Postoriginally reported"
    if re.search(r"\b(?:See|View)\s+$", before) and re.match(
            r"(?:Gallery|Images|Photos?|Videos?|Slideshow)\b", text[start:end]):
        return True  # "See Gallery Police officer …", "View Images Originally Earth": buttons
    epithet = re.search(
        r"(?:[\w,;]\s+|[“\"‘(]\s?|\b(?:St|Mt|Dr|Mr)\.\s+)(?!The\b)([A-Z][a-z]+)\s+the\s+$",
        text[max(0, start - 30): start])
    if len(key) == 1 and epithet and fold(epithet.group(1)) not in NOT_NAMES:
        return True  # "St. John the Baptist", “Meet the Press”: a piece of a longer name
    if len(key) == 1 and _of_title_piece(text, start, end):
        return True  # "Game of Thrones", "State of the Union": the last word of a title
    if re.fullmatch(r"(?:.*\s)?[A-Z][A-Za-z]?", text[start:end]) and re.match(r"-\d", after):
        return True  # "Martin D-18E", "Sukhoi Su-24", "Mi-8": a model number's letters
    if re.match(r"\s+v\.\s+[A-Z]", after) or re.search(r"[A-Z][\w'’-]*\s+v\.\s+$", before):
        return True  # "Abbott v. Burke": a court case's parties ("Clinton vs. Trump" stays)
    if len(key) == 1 and re.search(r"(?:^|[^\w/])[A-Z]{2,6}/$", before) and not (
            text[start:end].isupper() or fold(text[start:end]) in KNOWN_PLACES):
        # "REUTERS/Eric Thayer" (two words), "WXII/WNCN", "Israel/Palestine" stay
        return True  # "BIA/Kelsey": the rest of a firm's name after an acronym and a slash
    if re.match(r"(?:'s|’s)\s+(?:disease|syndrome|palsy|sarcoma|lymphoma)\b", after):
        return True  # "Lou Gehrig’s disease", "Crohn's disease": a disease, not the man
    if re.fullmatch(r"[A-Z]{1,3}", text[start:end]) and re.search(r"[A-Z0-9]\.$", before):
        return True  # "(LAIN.NS)", "ONGC.BO": an exchange's suffix of a ticker
    if len(key) == 1 and key[0] in GIVEN_KEYS and re.match(r"(?:'s|’s)\s*[,.;:)]", after) and (
            re.search(r"(?i)\b(?:according to|told|from|by|at|in|with)\s+$",
                      text[max(0, start - 20): start])):
        return True  # "According to Jane’s,": a publication named by its owner, no woman
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


_OF_BEFORE = re.compile(r"(?:^|[^\w.])([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")


def _of_title_piece(text: str, start: int, end: int) -> bool:
    """One word after a capitalised ordinary word and "of (the)" that the finder cut from a
    title ("Game of Thrones", "State of the Union", "Lord of the Rings"): the word before
    "of" is no title, body or place word ("Mayor of Ferguson", "City of Sparks" are kept),
    and the word is no known place, body or person ("Gulf of Mexico")."""
    m = _OF_BEFORE.search(text[max(0, start - 40): start])
    if not m:
        return False
    head, word = fold(m.group(1)), fold(text[start:end]).strip(".")
    at = max(0, start - 40) + m.start(1)
    lead = text[max(0, at - 40): at]
    if re.search(r"[A-Z][\w'’.-]*\s+$", lead) or re.search(r"(?:^|[.!?:]\s*|\n\s*)$", lead):
        return False  # "Carter Roberts of Chesterfield"; "Members of the Hisbah" opens a sentence
    kept = head in TITLE_WORDS or head in _OF_HEADS_KEPT or head in AGENT_NOUNS
    if kept or name_key(head)[:1] and (name_key(head)[0] in PLACE_KEYS and head != "state") or (
            head in FIRST_NAMES or head in KNOWN_PLACES):
        return False
    if word in KNOWN_PLACES or word in KNOWN_ORGS or word in KNOWN_PEOPLE or (
            word in KNOWN_OTHER) or text[start:end].isupper():
        return False
    return head in COMMON_WORDS or head in FREQUENT_WORDS


_OF_HEADS_KEPT = {"people", "residents", "citizens", "son", "daughter", "wife", "husband",
                  "mother", "father", "friend", "family", "native", "resident", "part", "most",
                  "all", "north", "south", "east", "west", "center", "centre", "heart", "outside",
                  "isle", "strait", "straits", "bay", "cape", "gulf", "lake", "mount", "town",
                  "village", "county", "borough", "province", "region", "republic", "kingdom",
                  "states", "duke", "duchess", "earl", "count", "countess", "baron",
                  "bishop", "archbishop", "mayor", "governor", "queen", "king", "prince",
                  "princess", "emperor", "sultan", "emir", "lord", "lady", "house", "bank"}


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
