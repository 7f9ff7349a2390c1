"""Cues of a figure's scope and span read from its words, for :mod:`newsweave.analyze.samefact`.

Lower-cased text (the truncated train clusters) gives no capitals to tell a place or a name, so
these patterns read scope from the words around a figure: the regions a sentence names, two
places joined by "and", a scope wider than one place, parts and sums written after or before
the figure, the range a figure ends, a distance in another unit, an attacker counted among the
dead on one side only. Each was written from a judged false conflict (c1, c1b, tr, trust-c24
and ref-dev packets; see docs/trust.md) and has a regression test in ``tests/test_samefact.py``
or ``tests/test_conflicts_ref.py``.
"""

from __future__ import annotations

import re

from newsweave.align.check import stem
from newsweave.analyze.bounds import first_number
from newsweave.text.numbers import DISTANCE, SCALES
from newsweave.text.stopwords import ENGLISH as ENGLISH_STOP_WORDS

NUMWORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|"
            "thousand|million|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
            "\\w+teen")

_REGION_WORDS = r"(?:province|state|district|region|county|prefecture|city|town|village)"
_REGION_BEFORE = re.compile(rf"\b(?!(?:the|that|this|its|their|his|her|home|same|whole|"
                            rf"entire|capital|nearby|small|big|large|central|northern|"
                            rf"southern|eastern|western|remote|mountainous|coastal|border|"
                            rf"new|old|island|and|of|in)\b)([a-z][\w'’-]{{2,}})\s+"
                            rf"{_REGION_WORDS}\b(?!\s+of\b)")
_REGION_OF = re.compile(rf"\b{_REGION_WORDS}\s+of\s+([a-z][\w'’-]{{2,}}(?:\s+[a-z][\w'’-]{{2,}})?)")


def regions(text: str) -> frozenset[str]:
    """Words of the regions a sentence names ("the central homs province", "the province of
    hama", "sikkim state"), read in lower case, where names cannot be told by capitals; two
    sentences name one region when they share a word ("state of new york" / "new york city")."""
    low = text.lower()
    return frozenset(w for rx in (_REGION_BEFORE, _REGION_OF) for m in rx.finditer(low)
                     for w in m.group(1).split() if w not in ENGLISH_STOP_WORDS)


# Parts and sums seen in the judged c1 packet: "the third of four children", "on which 119 men
# perished" (one ship of a list), "killing five people and himself", "26 children and adults",
# "20 children and six adults", "six people on the bus were killed, along with ...".
PART_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"last)\s+of\s+(?:the\s+)?$|\b(?:on|in|of|among) which\s+$", re.I)
SUM_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?and\s+(?:himself|herself|themselves|"
                        rf"(?:\d|(?i:{NUMWORDS})\b)|(?:adults|children|others|staff|teachers|"
                        rf"students|women|men|officers|soldiers|civilians|crew|passengers)\b)",
                        re.I)
RELATIVE = re.compile(r"\s+(?:[a-z]+\s+)?(?:who|that)\s+(?:were|was|had been|have been)\s+\w+"
                       r"\s+(?:were|was|had been|have been)\s+(\w+)", re.I)
WIDE = re.compile(r"\b(?:across|in|throughout)\s+(?:\w+\s+){1,2}(?:cities|towns|provinces|states|"
                   r"countries|regions|districts|villages)\b|\bnationwide\b|\bcountrywide\b|"
                   r"\bworldwide\b|\bglobally\b|\b(?:around|across) the (?:world|globe)\b", re.I)
JOINED = re.compile(r"\b(?:in|across|hit|struck|shook|rocked)\s+(?:the\s+)?(?:\w+ern\s+)?"
                    r"([a-z]{3,})\s+and\s+"
                     r"(?!the\b|a\b|an\b|other\b|\d)([a-z]{3,})\b")
# tr packet: "at least four people, including the suspect, are dead" / "three people were
# killed": the count holds the one who killed them.
PERPETRATOR = re.compile(r"[^.;]{0,40}?\bincluding (?:the |a )?(?:suspect|gunman|shooter|"
                         r"attacker|bomber|assailant|killer)\b", re.I)

# trust-c24 packet: "two navy commanders and a senior agent have been arrested" is a sum of
# people: a count of people (a person noun right before "and a/an/another", no verb between)
SUM_PERSON = re.compile(r"(?:\s+(?!(?:were|was|are|is|have|has|had|been|and)\b)[a-z'’-]+){0,2}"
                        r"\s+(?:people|men|women|children|police|troops|staff|crew|officials|"
                        r"[a-z]+(?:ers|ors|ists|ians|ants|ents))\s+and\s+(?:a|an|another)\s+", re.I)

# trust-c24 packet: "image 1 of / 128 caption close image 1 of 128" is a photo gallery's count
_GALLERY_BEFORE = re.compile(r"\b(?:image|photo|picture|slide)s?\s+\d+\s+of\s*/?\s*$", re.I)
_GALLERY_AFTER = re.compile(r"\s*(?:caption|images? (?:of|in) (?:the )?gallery)\b", re.I)


def gallery(text: str, at: int, end: int) -> bool:
    """The figure at ``text[at:end]`` counts a photo gallery's images, no fact of the story."""
    return bool(_GALLERY_BEFORE.search(text[max(0, at - 40):at])
                or _GALLERY_AFTER.match(text, end))


# ref-dev packet (editors' summaries against their sources, train lines < 20000; see
# docs/trust.md): "anywhere from eight to 22 people" / "from 9 to 21": two ranges that meet are
# no conflict; a range and a figure outside it still are ("20 to 25" / "at least 30").
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion))?"
_END = rf"(\d[\d,]*(?:\.\d+)?{_SCALE}|(?i:{NUMWORDS}){_SCALE})"
_RANGE_UPPER = re.compile(rf"(?:\b(?:from|between)\s+(?:(?:about|around|roughly|some|an "
                          rf"estimated)\s+)?{_END}\s+(?:to|and)\s+|"
                          rf"\b{_END}\s*(?:to\s+|[–-]\s*|or\s+))$", re.I)
_RANGE_LOWER = re.compile(rf"(?:\s*(?:to|–|and)\s*|-|\s+or\s+){_END}\b", re.I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
# "rose from 5 to 10": a change, not a range (the figure after "from", or after "from 5 to")
_CHANGE_FROM = re.compile(r"\b(?:rose|rising|risen|rises|fell|falling|fallen|falls|went|grew|"
                          r"jumped|dropped|climbed|increased|decreased)\s+from\s+(?:\S+\s+to\s+)?$",
                          re.I)
_SCALE_WORD = re.compile(r"\b(hundred|thousand|million|billion)\b", re.I)


def range_span(text: str, at: int, end: int, value: float | None) -> tuple[float, float] | None:
    """(low, high) of the range the figure at ``text[at:end]`` ends ("from eight to 22",
    "20-30", "two or three", "between 1 and 2 million"), None when it ends none or a number is
    not read. "rose from 5 to 10" is a change, not a range."""
    before = text[max(0, at - 40):at]
    if value is None or _CHANGE_FROM.search(before):
        return None
    m = _RANGE_UPPER.search(before)
    if m:
        other = m.group(1) or m.group(2)
    else:
        m = _RANGE_LOWER.match(text, end)
        if not (m and (_RANGE_OPEN.search(before) or text[end:end + 1] in ("-", "–"))):
            return None
        other = m.group(1)
    n = first_number(other)
    if n is None:
        return None
    # a scale written at one end only holds for both: "between 1 and 2 million", "1 to 2 million"
    mine, theirs = _SCALE_WORD.search(text[at:end]), _SCALE_WORD.search(other)
    if mine and not theirs:
        n *= SCALES[mine.group(1).lower()]
    elif theirs and not mine:
        value *= SCALES[theirs.group(1).lower()]
    return (min(n, value), max(n, value))


def spans_meet(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    """Do two spans of values share a value? (False when either is unknown.)"""
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


# ref-dev: "four boys were rescued on sunday and four on monday": one of several counts of one
# thing given per day (per place is no part: "63 in ukraine and 29 in russia")
LISTED_AFTER = re.compile(rf"[^.;:,]{{0,60}}?\band\s+(?:another\s+)?"
                          rf"(?:\d[\d,]*|(?i:{NUMWORDS}))(?:\s+dozen)?\s+(?:more\s+)?"
                          rf"(?:on|during|by|over|overnight|later|the next|yesterday|today|last)\b",
                          re.I)

# what one unit of a distance's counted noun (its stem: "mil", "kilome") is in kilometres
KM_PER = {stem(w): f for w, f in DISTANCE.items()}


def converted_alike(head_a: str, a: float, head_b: str, b: float) -> bool:
    """Two distances in different units that agree once converted, within the rounding of a
    converted figure (7 %): "around six miles" / "about 10 kilometres" (ref-dev)."""
    if head_a not in KM_PER or head_b not in KM_PER or KM_PER[head_a] == KM_PER[head_b]:
        return False  # one unit ("km" / "kilometres"): the usual rules decide
    if a <= 0 or b <= 0:
        return False
    x, y = sorted((a * KM_PER[head_a], b * KM_PER[head_b]))
    return y <= 1.07 * x


# ref-dev: "injuring at least nine people in addition to the driver" leaves one out that
# another count may hold
EXCLUDING_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:in addition to|besides|not including|"
                             r"excluding|not counting)\b(?!\s+\w+ing\b)", re.I)
# ref-dev: "killed five people ... before turning the gun on himself" / "six people were
# killed": one count may hold the attacker, the other not
SELF_KILLED = re.compile(r"\b(?:turn(?:ed|ing|s)? (?:the|his|her|their|a) (?:gun|rifle|weapon|"
                         r"pistol|handgun) on (?:himself|herself|themselves)|"
                         r"(?:killed|killing|shot|shooting) (?:himself|herself|themselves)|"
                         r"t(?:ook|aking) (?:his|her|their) own li(?:fe|ves)|"
                         r"(?:blew|blowing) (?:himself|herself|themselves) up|"
                         r"died by suicide|murder-suicide)\b", re.I)
