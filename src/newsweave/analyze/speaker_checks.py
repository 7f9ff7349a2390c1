"""Checks on a quote's speaker once it is found (split out of :mod:`quotes`).

A wrong speaker costs more than none, so where the evidence for a pronoun's antecedent is
weak these checks abstain:

- a judge's ruling: '"…," she said in her sentencing decision' is the judge's, not the
  defendant's, whoever the nearest "she" is (the nearest judge or justice named before, or no
  speaker);
- an unnamed person introduced just before: 'a ranger in Capodacqua … tried to keep … calm.
  / "Listen, …," he said.' is the ranger, not a person named further back (no speaker);
- a family named in the plural ("in honour of the Shermans") is no "he"/"she";
- a possessive fragment ("President Trump's", from 'President Trump's homeland security
  adviser … saying "…"') is not a speaker.
"""

from __future__ import annotations

import re

from newsweave.analyze.gazetteer import AGENT_NOUNS
from newsweave.analyze.names import fold

_RULING = re.compile(
    r"^\W*(?:he|she)\s+(?:said|wrote|added|noted|stated|concluded)\s+in\s+(?:his|her|the|a)\s+"
    r"(?:\w+\s+)?(?:sentencing|ruling|decision|judgment|judgement|verdict|opinion)\b",
    re.IGNORECASE,
)
_JUDGE = re.compile(r"\b(?:Judge|Justice|Magistrate)\s+(?P<n>(?:[A-Z][\w'’.-]+\s+){0,3}"
                    r"[A-Z][\w'’-]+)")
_NOT_PEOPLE = frozenset("letter computer number center centre corner order answer matter "
                        "error water paper cover chapter career partner tower".split())
# "as a ranger in Capodacqua …", "A woman from …": an unnamed person as a clause's subject
_UNNAMED = re.compile(
    r"(?:^|[.;]\s+|\b(?:as|when|while|after|before|because|but|and|then)\s+)"
    r"(?:a|an|one|another)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]+)"
    r"(?=\s+(?:in|from|at|of|on|who|near|outside|named)\b|,|\s+[a-z]+ly\b|\s+[a-z]+ed\b)"
)


def ruling_speaker(tail: str, before: str) -> tuple[bool, str | None]:
    """(True, judge or None) when the speech clause after a quote is a ruling ('she said in
    her sentencing decision'); (False, None) otherwise. The judge is the last one named
    ("Justice Kristine Eidsvik") in ``before``, the article text up to the quote."""
    if not _RULING.match(tail):
        return False, None
    judges = list(_JUDGE.finditer(before))
    return True, (judges[-1].group("n") if judges else None)


def _person_noun(noun: str) -> bool:
    if noun in _NOT_PEOPLE:
        return False
    return noun in AGENT_NOUNS or bool(re.search(r"(?:er|or|ist|ian)$", noun))


def unnamed_before(plains: list[str], speaker: str) -> bool:
    """The sentence before the quote (quoted words blanked; past one that is little more than
    a quote and its "he said") brings in an unnamed person as a subject and does not name
    ``speaker``: a "he"/"she" then more likely stands for that person than for anyone named
    further back."""
    words = [w for w in re.findall(r"[A-Z][\w'’-]+", speaker) if len(w) > 2]
    for plain in plains[:2]:
        if any(w in plain for w in words) or speaker.lower() in plain.lower():
            return False  # it names the speaker (or gives the same description)
        if any(_person_noun(m.group("noun")) for m in _UNNAMED.finditer(plain.strip())):
            return True
        if len(re.findall(r"[A-Za-z]+", plain)) > 4:
            return False
    return False


def plural_family(text: str, speaker: str) -> bool:
    """``speaker`` is a family named in the plural ("the Shermans"), no "he"/"she"."""
    return (" " not in speaker and speaker.endswith("s") and speaker[:1].isupper()
            and re.search(rf"\bthe\s+{re.escape(speaker)}\b", text) is not None)


_OWN_WORDS = (r"(?:told|said|been|got|given|made|(?:own\s+|latest\s+|earlier\s+)?(?:comments?|"
              r"remarks?|words|testimony|speech|answers?|questions?|questioning))\b")


def possessive_fragment(speaker: str, text: str) -> str | None:
    """A speaker phrase that ends in a possessive: the name when the "'s" is a verb
    ("Polizzi’s told the press") or owns the words ("Warren's comments came amid …"), the
    whole phrase when a person noun follows ("President Trump's homeland security adviser",
    "Trump's campaign"), else None; the speaker itself when it is no possessive."""
    if re.search(r"\w['’]s$", speaker) is None:
        return speaker
    if re.search(rf"{re.escape(speaker)}\s+{_OWN_WORDS}", text):
        return speaker[:-2]
    for m in re.finditer(rf"{re.escape(speaker)}((?:\s+[a-z][\w-]*){{1,4}})", text):
        words = m.group(1).split()
        for i in range(len(words), 0, -1):
            if words[i - 1] in AGENT_NOUNS:  # "Trump's homeland security adviser"
                return f"{speaker} {' '.join(words[:i])}"
    return None


_LEAD_WORD = re.compile(r"^\s*[“\"]?\s*(?P<w>[A-Z][a-z][\w'’-]+)\s+(?:\w+ly\s+)?"
                        r"(?P<v>[a-z]+ed|chose|took|said|says|told|wrote|posted|shared|fired|"
                        r"hit|went|came)\b")


def surname_subject(plain_prev: str, people: list[str]) -> str | None:
    """The one person of ``people`` whose surname alone opens the sentence before as its
    subject ("Winter chose to clap back on Instagram …"), when the entity index did not list
    the bare surname (a common word: Winter, Rice, Banks)."""
    m = _LEAD_WORD.match(plain_prev)
    if m is None:
        return None
    hits = {p for p in people if len(p.split()) > 1 and p.split()[-1] == m.group("w")}
    return next(iter(hits)) if len(hits) == 1 else None


_NAME_IN_BRACKETS = re.compile(r"\s*\((?:[A-Z][\w.'’-]*\s*){1,4}\)(?=[\s,])")


def drop_bracketed_names(head: str) -> str:
    """The words before a quote without a bracketed name, so that the subject is read past
    it: 'The gypsy woman Maleva (Geraldine Chaplin) sutures the wound, but pronounces …:'."""
    return _NAME_IN_BRACKETS.sub("", head)


_CAPW = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"(?:^\s*|[”\"’]\s*,?\s+)by\s+(?P<by>(?:{_CAPW}\s+){{0,3}}{_CAPW}(?:\s+and\s+(?:{_CAPW}\s+){{0,2}}"
    rf"{_CAPW})?)\s*:\s*$"
)


def byline_speaker(head: str) -> str | None:
    """The author of a press digest item, a headline and its byline before the quote:
    '… WashPost A1, “For snowed-in drivers, hours of sweat,” by Steve Hendrix and Perry
    Stein: “…”' (not a "Staff Report")."""
    m = _BYLINE.search(head)
    if m is None or re.search(r"\b(?:Staff|Report|Reports|Editors?|Board)\b", m.group("by")):
        return None
    return m.group("by")


_ACCORDING = re.compile(
    r"^\s*According to (?:the|a|an|its|their|his|her) [^,]{1,60},\s+(?P<np>(?:the|a|an) "
    r"(?:[A-Za-z][\w'’-]*\s+){0,4}?(?:official|source|spokesman|spokeswoman|spokesperson|"
    r"minister|officer|diplomat|aide)s?)\s+(?:\w+ly\s+)?(?:said|says|told|stated|added)\b"
)


def official_after_according(plain: str) -> str | None:
    """'According to the report, the Foreign Ministry official said Ford's visit was “…”':
    the official speaks, the report only carries the words."""
    m = _ACCORDING.match(plain)
    return m.group("np") if m else None


_DANGLING = frozenset("and or but of to in with for from at by that which who".split())


def dangling_fragment(speaker: str) -> bool:
    """A speaker phrase that ends in a conjunction or preposition is a piece of a clause
    ("cited his campaign slogan and", from 'a statement that cited his campaign slogan and
    confirmed …'), no speaker."""
    words = speaker.split()
    return len(words) > 1 and words[-1].lower() in _DANGLING


def told_object(plain: str, np: str) -> bool:
    """``np`` is only the one told ('…, New York Gov. Andrew Cuomo, assessing …, told NBC
    News.'), not the speaker."""
    return re.search(rf"\b(?:told|telling|asked)\s+{re.escape(np)}\s*[.,;]", plain) is not None


_NAME_AFTER = re.compile(r"^[\s,”\"]*(?P<np>(?:[A-Z][\w.․'’-]*\s+){1,5}[A-Z][\w'’-]+),\s+[a-z]")


def name_after_quote(after: str) -> str | None:
    """The name right after a closing quote, before an apposition: '"…," New York Gov. Andrew
    Cuomo, assessing the scope …, told NBC News.' -> "New York Gov. Andrew Cuomo"."""
    m = _NAME_AFTER.match(after)
    return m.group("np") if m else None


def answer_follows(inner: str, tail: str) -> bool:
    """A question put by its speaker ('"Ok. Which polls?" he asked.'): a short unattributed
    quote in the next paragraph ('"All of them."', up to six words) is the answer, someone
    else's; a longer one is more often the asker going on after a rhetorical question."""
    return inner.rstrip().endswith("?") and re.match(
        r"^[\s,”\"]*(?:he|she|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:asked|asks)\b",
        tail) is not None


def anonymous(speaker: str) -> bool:
    """A description rather than a name ("the woman in Dahuk", "One former Mosul resident")."""
    first = fold(speaker.split()[0])
    return first in {"a", "an", "the", "one", "another", "some", "two", "three"}


def head_noun(desc: str) -> str | None:
    words = [fold(w).strip(".,") for w in desc.split()]
    head = None
    for w in words[1:]:
        if w in {"in", "of", "from", "at", "who", "with", "for", "near", "on"}:
            break
        if w in AGENT_NOUNS:
            head = w
    return head


_QUESTION_PUT = re.compile(r"(?:^|[.!?]\s+)(?:To|In answer to)\s+(?:the|a|this|that)\s+"
                           r"question\s*[,:]?\s*$")
_BY_AS = re.compile(r"\b(?:hailed|described|called|dismissed|praised|branded|labell?ed|welcomed|"
                    r"greeted|condemned|critici[sz]ed|characteri[sz]ed|denounced|derided)\s+by\s+"
                    r"(?P<np>(?:[\w'’.-]+\s+){0,6}?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
                    r"\s+as\s*$")


def question_put(head: str, inner: str) -> bool:
    """'To the question, "…?", Mr Friedli replied: …': the words are the question put to the
    speaker, not theirs."""
    return inner.rstrip(" ,").endswith("?") and _QUESTION_PUT.search(head.strip()) is not None


def agent_by_as(head: str) -> str | None:
    """'…, was hailed by UN envoy Terje Roed-Larsen as "…"': the one who called it that."""
    m = _BY_AS.search(head)
    return m.group("np") if m else None
