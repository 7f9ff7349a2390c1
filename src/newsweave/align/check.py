"""Does one sentence state another's information? The support check behind every citation.

``check(claim, evidence)`` labels how far ``evidence`` (a sentence of another source) states the
information of ``claim`` (a brief sentence):

- ``full``: the evidence states the claim's content words (``FULL_AT`` of them or more), every
  number, date, name and quoted phrase of the claim, and contradicts none of it;
- ``partial``: a real part of it (``PARTIAL_AT`` of the content words, at least
  ``MIN_SHARED`` of them), nothing contradicted;
- ``contradicts``: the two speak of the same thing (``SAME_THING_AT`` of the claim's words) but
  a fact differs: a number of the same kind and scope ("10 people in New York City" / "18 in New
  York City"), a date (Tuesday / Wednesday), a negation ("had to register" / "does not have to
  register") or who said it;
- ``none``: anything else.

Plain rules over words, numbers, capitalised names and quotation marks; thresholds calibrated on
judged sentence pairs (``bench/trust.py``, ``bench/trust_pairs.jsonl``). Results are cached by
text pair within one :class:`Checker` (one per alignment); everything is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsweave.align.clashes import clash
from newsweave.align.figures import MONTH_DAY, MONTH_DAY_ANY, ORDINAL, SPLIT_OFF, Facts, Number
from newsweave.align.figures import age_of as _age_of
from newsweave.align.figures import hedge_range as _hedge_range
from newsweave.align.figures import missing_numbers as _missing_numbers
from newsweave.align.figures import number_conflict as _number_conflict
from newsweave.align.figures import other_figure as _other_figure
from newsweave.align.learned import (
    FEATURES,
    FULL_MODEL,
    SUPPORTED_MODEL,
    T_FULL,
    T_FULL_LOWER,
    T_PROMOTE,
    T_PROMOTE_LOWER,
    T_SUPPORTED,
    T_SUPPORTED_LOWER,
    pair_features,
    probability,
)
from newsweave.align.lowercase import cut_off, repeats
from newsweave.align.quoting import quoted_words
from newsweave.align.support import STOP_WORDS, fold
from newsweave.text.numbers import DISTANCE, clock_time, parse_number
from newsweave.text.spelling import fold_tokens
from newsweave.text.tokens import case_safe, lower_findall
from newsweave.text.vocabulary import MONTHS as _MONTHS
from newsweave.text.vocabulary import WEEKDAYS as _WEEKDAYS

FULL, PARTIAL, NONE, CONTRADICTS = "full", "partial", "none", "contradicts"
FULL_AT = 0.85  # share of the claim's content words the evidence must state for "full"
FULL_SLACK = 1  # ... or all but one, with one other word in the evidence ("is" / "lies")
PARTIAL_AT = 0.6  # ... for "partial"
MIN_SHARED = 4  # content words in common, at least, for any support
NON_NAME_AT = 0.6  # share of the claim's words other than names the evidence must state
MIN_CONTENT = 3  # a claim with fewer content words is supported only by the same text
PARTIAL_BACK = 0.3  # partial support: the claim states this share of the evidence's words
TINY = 3  # a claim of this many content words or fewer ("I was all set to do the debate.")
TINY_BACK = 0.25  # ... is supported only by evidence with this share of its words in the claim
SAME_THING_AT = 0.3  # below this the two are not about the same thing (no contradiction)
PROMOTE_AT = 0.3  # a rule "none" with this share of the claim's words may be raised ...
PROMOTABLE = frozenset({  # ... when the rules said "none" for one of these reasons
    "too little in common", "only names in common", "a small part of a longer sentence about more"})

_WORD = re.compile(r"[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|\d[\d,.]*\d|\d")
_NEG = re.compile(  # (?=[...]): each branch's first letter, one test per position (faster)
    r"(?=[ncwdr])\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|without|denied|denies|deny|"
    r"refused|refuses)\b|n[’']t\b", re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r",\s*(?:[\w.'’-]+\s+){0,5}?(?:said|says|told\s+[\w.'’-]+(?:\s+[\w.'’-]+)?|reported|"
    r"added|announced|confirmed)(?:\s+(?:on\s+)?\w+day)?\s*[.!]?[\"”’]?\s*$"
    r"|,?\s*according to\s+(?:[\w.'’-]++\s*+){1,6}[.!]?[\"”’]?\s*$"
    r"|,\s*(?:said|says)\s+(?:[\w.'’-]++\s*+){1,6}[.!]?[\"”’]?\s*$"
)
_RELATIVE_DAYS = ("today", "yesterday", "tonight", "tomorrow")
_MONTH_ABBR = {m[:3]: m for m in _MONTHS} | {"sept": "september"}
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_TITLES = frozenset("mr mrs ms dr sen rep gov gen lt col sgt st prof president senator "
                    "governor mayor minister judge officer the a an".split())
_REPORT = frozenset("said says say told tells according reported reports adds added "
                    "wrote writes stated noted explained".split())
_NUM_WORDS = re.compile(
    r"(?=[otfsenhmbd])\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|dozen)[\s-]*)+\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"(?=\d)(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(million|billion|"
                     r"thousand|hundred))?(?![\w])")
_CASED = {p: re.compile(p.pattern, p.flags & ~re.IGNORECASE) for p in (_NEG, _NUM_WORDS)}


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Spans of the case-insensitive ``pattern`` (lower-case letters only) in ``text``; on a
    case-safe text found by its case-sensitive twin on ``text.lower()`` (same spans, faster)."""
    if case_safe(text):
        return [m.span() for m in _CASED[pattern].finditer(text.lower())]
    return [m.span() for m in pattern.finditer(text)]


_PLACE_AFTER = re.compile(
    r"^\W*(?:[a-z]+\s+){0,3}?(?:in|at|across|throughout|from|on)\s+(?:the\s+)?"
    r"(?P<place>(?:[A-Z][\w.'’-]*\s*){1,4})"
)
_AUX = frozenset("did does do doing done has have had having was were is are be been being "
                 "will would can could should must need needs needed able going got get "
                 "just really even yet".split())
_SCOPE_WORDS = frozenset("nationwide national country countrywide statewide worldwide "
                         "globally total overall".split())


@dataclass(frozen=True, slots=True)
class Verdict:
    label: str
    coverage: float  # share of the claim's content words the evidence states
    back: float  # share of the evidence's content words the claim states
    reason: str = ""


_SUFFIXES = ("ing", "ied", "ies", "ed", "es", "s", "ly")


def stem(word: str) -> str:
    return _trim(fold(word.lower().replace("’", "'")))


def stems_of(words: list[str]) -> list[str]:
    """``[stem(w) for w in words]`` for words without line breaks, folded in one batch."""
    return list(map(_trim, fold_tokens([w.lower().replace("’", "'") for w in words])))


def _trim(w: str) -> str:
    """The end of :func:`stem`, on a folded word."""
    if w.endswith("'s"):
        w = w[:-2]
    for suf in _SUFFIXES if w.endswith(_SUFFIXES) else ():  # most words: no loop at all
        if len(w) > len(suf) + 2 and w.endswith(suf):
            w = w[: -len(suf)] + ("y" if suf in ("ied", "ies") else "")
            break
    return w[:6]


def _numbers(text: str, st: Callable[[str], str] = stem,
             lower: bool = False) -> tuple[Number, ...]:
    found: list[tuple[int, int, float]] = []
    if lower and SPLIT_OFF.search(text):
        text = SPLIT_OFF.sub(lambda m: m.group(1) or "", text)
    days = {m.start(2) for m in (MONTH_DAY_ANY if lower else MONTH_DAY).finditer(text)}
    for m in _DIGITS.finditer(text):
        if m.start(1) in days:
            continue  # "March 3": a date
        raw = m.group(1).replace(",", "")
        v = float(raw + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            v *= {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}[
                m.group(3).lower()]
        if not m.group(2) and not m.group(3) and _YEAR.match(raw) and "," not in m.group(1):
            continue  # a year is a date
        found.append((m.start(), m.end(), v))
    for m in ORDINAL.finditer(text):
        if m.start(1) not in days:
            found.append((m.start(), m.end(), float(m.group(1))))
    for ms, me in _spans(_NUM_WORDS, text):
        v = parse_number(text[ms:me].strip(" -"))
        if v is None or any(s <= ms < e for s, e, _ in found):
            continue
        found.append((ms, me, v))
    out = []
    wheres: dict[str, frozenset[str]] = {}
    for s, e, v in sorted(found):
        rest, clock = text[e:e + 60], clock_time(text, s, e)  # "4:30 a.m.": one figure
        if re.match(r"\s*blocks?\b", rest, re.I) or clock == -1:
            continue  # "the 5500 block of East 84th Street": an address; an hour of a time
        unit, of = "", ""
        if clock is not None:
            v, unit = float(clock), "clock"
        elif (person := _age_of(text, s, e, lower)) is not None:  # "leclerc, 24," / "24-year-old"
            unit = "age"  # of the person named just before (", 24,"), if any
            of = st(person) if person else ""
        elif rest.startswith(("%", " percent", " per cent")):
            unit = "%"
        elif s and text[s - 1] in "$£€":
            unit = "$"
        else:
            d = re.match(r"(?:\s*|-)([A-Za-z]+)", rest)  # "25 miles", "a 200-ton sculpture"
            w = re.match(r"(?:\s*|-)(?:[a-z]+\s+){0,1}?([A-Za-z]{3,})", rest)
            if d and d.group(1).lower() in DISTANCE:
                v *= DISTANCE[d.group(1).lower()]
                unit = "km"
            elif w and w.group(1).lower() not in STOP_WORDS:
                unit = st(w.group(1))
        pm = _PLACE_AFTER.match(rest)
        place = ""
        if pm:
            words = [x for x in pm.group("place").split() if x.lower() not in _TITLES]
            place = " ".join(words).strip(" .,")
        near = set(re.findall(r"[a-z]+", text[max(0, s - 30):e + 40].lower()))
        scope = next((w for w in sorted(near & _SCOPE_WORDS)), "")
        hedge = re.search(r"(?:more than|less than|fewer than|about|around|nearly|almost|over|"
                          r"at least|up to|some|roughly|as many as|as few as|under)\s+$",
                          text[max(0, s - 12):s], re.I)
        start = s - len(hedge.group()) if hedge else s
        om = re.match(r"\s*(?:%|percent|per cent)?\s*(?:of|in)\s+(?:the\s+|its\s+|all\s+)?"
                      r"([a-z]{3,})", rest)
        if om and unit in ("%", "$"):
            of = st(om.group(1))
        lo, hi = _hedge_range(v, hedge.group().strip().lower() if hedge else "")
        span = clause(text, s, e)  # figures of one clause share its names
        where = wheres.get(span)
        if where is None:
            where = wheres[span] = frozenset(n[-1] for n in _names(span, st=st))
        # "three of the men", "another five victims": a part of a count, not the count
        part = bool(re.match(r"\s*(?:of (?:the|them|those|whom|which)\b)", rest)
                    or re.search(r"\b(?:another|other|additional|more|further)\s+$",
                                 text[max(0, start - 12):start], re.I))
        out.append(Number(text[start:e].strip(), v, unit, place, scope, of, lo, hi, where,
                          part))
    return tuple(out)


# clause breaks; not "where", whose clause belongs to the place before it ("... Airport where
# 103 flights were canceled")
_CLAUSE_CUT = re.compile(r"[;—–()]|,\s+(?:and|but|while|including|with|whereas)\b| - ")


def clause(text: str, start: int, end: int, cut: re.Pattern[str] = _CLAUSE_CUT) -> str:
    """The clause of ``text`` around ``[start, end)``: from the last ``cut`` before it to the
    first after it (by default ; — – ( ) and ", and" / ", including" / ", while" ...)."""
    lo = 0
    for m in cut.finditer(text, 0, start):
        lo = m.end()
    m = cut.search(text, end)
    return text[lo:m.start() if m else len(text)]


def _names(text: str, head: int = 0, st: Callable[[str], str] = stem
           ) -> tuple[tuple[str, ...], ...]:
    """Capitalised name phrases (as word stems); with ``head``, only those starting among the
    first ``head`` words."""
    return tuple(tuple(p) for k, p in _name_phrases(text, st) if not head or k < head)


_NOT_NAME = frozenset(STOP_WORDS | _TITLES | _REPORT | set(_WEEKDAYS) | set(_MONTHS)
                      | set(_MONTH_ABBR))
_CAPWORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _name_phrases(text: str, st: Callable[[str], str] = stem) -> list[tuple[int, list[str]]]:
    """(index of the first word, word stems) of each capitalised name phrase."""
    words = list(_CAPWORD.finditer(text))
    out: list[tuple[int, list[str]]] = []
    prev_end = -10
    n = len(words)
    last = -2
    # a ``_CAPWORD`` word starts with an ASCII letter: capitalised when it sorts before "a"
    for k in [k for k, m in enumerate(words) if m[0][0] < "a"]:
        if k != last + 1:
            prev_end = -10  # a lower-case word came between: no phrase goes on
        last = k
        m = words[k]
        g = m.group()
        w = g.rstrip(".")
        if w.lower() in _NOT_NAME:
            prev_end = -10
            continue
        first = k == 0 or text[words[k - 1].end():m.start()].strip() in ('"', "“", ":", "—")
        if first and (k + 1 >= n or not words[k + 1].group()[:1].isupper()):
            continue  # a capital that only starts the sentence
        if out and m.start() - prev_end <= 1:
            out[-1][1].append(st(w))
        else:
            out.append((k, [st(w)]))
        prev_end = m.end()
    return out


_DATE_WORDS = ({a: m for a, m in _MONTH_ABBR.items() if a != "may"}
               | {w: w for w in (*_WEEKDAYS, *_MONTHS, *_RELATIVE_DAYS)})
_YEARS = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _dates(low_words: list[str] | tuple[str, ...], text: str,
           lower: bool = False) -> frozenset[str]:
    # the words end in a letter or digit (``_WORD``), so none needs a final "." stripped
    out = {_DATE_WORDS[w] for w in _DATE_WORDS.keys() & set(low_words)}
    out.update(_YEARS.findall(text))
    for m in (MONTH_DAY_ANY if lower else MONTH_DAY).finditer(text):
        month = m.group(1).lower().rstrip(".")
        out.add(f"{_MONTH_ABBR.get(month[:3], month)}-{int(m.group(2))}")
    return frozenset(out)


_NOT_CONTENT = frozenset(STOP_WORDS | _REPORT | set(_WEEKDAYS) | set(_MONTHS) | set(DISTANCE)
                         | {"percent", "cent"})


def _content(words: list[str] | tuple[str, ...],
             st: Callable[[str], str] = stem) -> frozenset[str]:
    return frozenset(st(w) for w in words
                     if w not in _NOT_CONTENT and not w[0].isdigit() and len(w) > 1)


def content_stems(text: str, st: Callable[[str], str] = stem) -> frozenset[str]:
    """The content words of ``text`` as the check compares them (``Facts.stems``)."""
    return _content(_words(text), st)


def content_sequence(text: str, st: Callable[[str], str] = stem) -> tuple[str, ...]:
    """The content stems of ``text`` in reading order (for word-pair overlap)."""
    return tuple(st(w) for w in _words(text)
                 if w not in STOP_WORDS and w not in _REPORT and not w[0].isdigit()
                 and len(w) > 1)


# every branch of ``_ATTRIBUTION`` needs one of these words: a text without any is left as is
_ATTRIBUTION_HINT = re.compile(r"said|says|told|reported|added|announced|confirmed|according")


def _words(text: str) -> tuple[str, ...]:
    # ", officials said." is a detail, not the information
    bare = _ATTRIBUTION.sub("", text) if _ATTRIBUTION_HINT.search(text) else text
    return tuple(lower_findall(_WORD, bare))


def facts(text: str, st: Callable[[str], str] = stem,
          words: tuple[str, ...] | None = None, stems: frozenset[str] | None = None,
          lower: bool = False) -> Facts:
    """What the check reads of ``text`` (``words``/``stems``: its ``_words`` and content
    stems when already known; ``lower``: lower-cased text, see :class:`Checker`)."""
    if words is None:
        words = _words(text)
    quote = _content(quoted_words(text, _WORD))
    phrases = _name_phrases(text, st)
    names = tuple(tuple(p) for _, p in phrases)
    return Facts(
        stems=_content(words, st) if stems is None else stems,
        names=names,
        numbers=_numbers(text, st, lower),
        dates=_dates(words, text, lower),
        negated=_negated(text),
        quote=frozenset(quote),
        name_stems=frozenset(w for n in names for w in n),
        lead_names=tuple(tuple(p) for k, p in phrases if k < 6),
    )


def _negated(text: str) -> frozenset[str]:
    """The first content word within four words after each negation."""
    out = set()
    for _, me in _spans(_NEG, text):
        clause = re.split(r"[,;:—–()\"“”]| - ", text[me:me + 60])[0]
        for w in _WORD.findall(clause)[:4]:
            low = w.lower()
            if w[:1].isupper():
                break  # a name: the negation is about something else
            if low not in STOP_WORDS and low not in _AUX and not low[0].isdigit():
                out.add(stem(low))
                break
    return frozenset(out)


def _is_weekday(d: str) -> bool:
    return d in _WEEKDAYS


def _is_day(d: str) -> bool:
    return "-" in d


def number_clash(claim: str, evidence: str) -> tuple[Number, Number] | None:
    """The number of ``claim`` that ``evidence`` gives differently for the same thing (same
    unit or same place, no other scope), as (claim's, evidence's); None if there is none."""
    return _number_conflict(facts(claim), facts(evidence))


def _names_missing(a: Facts, b: Facts) -> list[frozenset[str]]:
    return _missing_from(a.names, b)


def _missing_from(names: tuple[tuple[str, ...], ...], b: Facts) -> list[tuple[str, ...]]:
    """The name phrases whose last word the evidence does not have ("United Kingdom" is not
    in "United States"; "Serena Williams" is in "Williams")."""
    pool = set(b.stems) | b.name_stems
    return [n for n in names if n[-1] not in pool]


class Checker:
    """The support check with its own memo of facts and verdicts (one per alignment, so
    nothing is cached process-wide). ``lower``: the text is lower-cased
    (``support.lower_cased``), where capitals tell no names: the learned gate is stricter."""

    def __init__(self, lower: bool = False) -> None:
        self.lower = lower
        self._stems: dict[str, frozenset[str]] = {}
        self._facts: dict[str, Facts] = {}
        self._verdicts: dict[tuple[str, str], Verdict] = {}
        self._words: dict[str, tuple[str, ...]] = {}
        self._stem_of: dict[str, str] = {}
        self._seqs: dict[str, tuple[str, ...]] = {}
        self._rules: dict[tuple[str, str], Verdict] = {}

    def stem(self, word: str) -> str:
        got = self._stem_of.get(word)
        if got is None:
            got = self._stem_of[word] = stem(word)
        return got

    def tokens(self, text: str) -> tuple[str, ...]:
        got = self._words.get(text)
        if got is None:
            got = self._words[text] = _words(text)
        return got

    def stems(self, text: str) -> frozenset[str]:
        got = self._stems.get(text)
        if got is None:  # ``_content`` with ``self.stem``, over the distinct words
            memo, keep = self._stem_of, [w for w in set(self.tokens(text)) - _NOT_CONTENT
                                         if len(w) > 1 and not w[0].isdigit()]
            new = [w for w in keep if w not in memo]  # ``_WORD`` tokens: no line break
            memo.update(zip(new, stems_of(new), strict=True))
            got = self._stems[text] = frozenset(map(memo.__getitem__, keep))
        return got

    def facts(self, text: str) -> Facts:
        got = self._facts.get(text)
        if got is None:
            got = self._facts[text] = facts(text, self.stem, self.tokens(text),
                                            self.stems(text), self.lower)
        return got

    def sequence(self, text: str) -> tuple[str, ...]:
        got = self._seqs.get(text)
        if got is None:
            got = self._seqs[text] = tuple(
                self.stem(w) for w in self.tokens(text)
                if w not in STOP_WORDS and w not in _REPORT and not w[0].isdigit()
                and len(w) > 1)
        return got

    def rules(self, claim: str, evidence: str) -> Verdict:
        """The rule verdict alone (no learned gate)."""
        got = self._rules.get((claim, evidence))
        if got is None:
            got = self._rules[(claim, evidence)] = _check(claim, evidence, self.stems,
                                                          self.facts)
        return got

    def features(self, claim: str, evidence: str, rule: str) -> list[float]:
        """What the learned gate reads of the pair (``learned.pair_features``)."""
        return pair_features(self.facts(claim), self.facts(evidence), self.sequence(claim),
                             self.sequence(evidence), rule)

    def promotable(self, claim: str, evidence: str, v: Verdict) -> bool:
        """Whether the gate may raise the rule verdict ``v`` ("none") to "partial"."""
        if v.label != NONE or v.reason not in PROMOTABLE or v.coverage < PROMOTE_AT:
            return False  # ``_promotable``'s first test, before any facts are read
        if (_NEG.search(claim) is None) != (_NEG.search(evidence) is None):
            return False  # one of them denies something: no learned promotion
        return _promotable(v, self.facts(claim), self.facts(evidence))

    def check(self, claim: str, evidence: str) -> Verdict:
        """The rule verdict, kept only when the learned gate agrees (see the module doc)."""
        got = self._verdicts.get((claim, evidence))
        if got is None:
            v = self.rules(claim, evidence)
            if self.lower and v.label != CONTRADICTS and cut_off(claim) and not repeats(
                    evidence, claim):  # the truncation cut the claim: what it says is unknown
                v = Verdict(NONE, v.coverage, v.back, "a cut sentence the evidence does not repeat")
            elif v.label in (FULL, PARTIAL) and v.reason != "same text":
                v = _gated(v, self.features(claim, evidence, v.label), self.lower)
            elif v.label == NONE and self.promotable(claim, evidence, v) and probability(
                    self.features(claim, evidence, NONE), SUPPORTED_MODEL) >= (
                        T_PROMOTE_LOWER if self.lower else T_PROMOTE):
                v = Verdict(PARTIAL, v.coverage, v.back, "stated in other words (learned gate)")
            if v.label in (FULL, PARTIAL) and v.reason != "same text" and (why := clash(
                    claim, evidence, _NOT_NAME if self.lower else None)):  # moment, colour, body
                v = Verdict(NONE, v.coverage, v.back, why)
            got = self._verdicts[(claim, evidence)] = v
        return got


def _asks(text: str) -> bool:
    """A question: it asks, it does not state (at most part of a claim)."""
    return text.rstrip(" \"'”’)").endswith("?")


def _promotable(v: Verdict, a: Facts, b: Facts) -> bool:
    """A rule "none" the learned gate may raise to "partial": the words fell short
    (``PROMOTABLE``, ``PROMOTE_AT`` of the claim's), while no hard fact is against it: a
    denied word, the subject's name, a quotation or another figure of the same unit."""
    if v.reason not in PROMOTABLE or v.coverage < PROMOTE_AT or len(a.stems & b.stems) < 2:
        return False
    if a.negated - b.stems or _missing_from(a.lead_names, b) or _other_figure(a, b):
        return False
    return not a.quote or len(a.quote & b.stems) >= PARTIAL_AT * len(a.quote)


_LEAD = FEATURES.index("lead_word_missing")


def _gated(v: Verdict, x: list[float], lower: bool = False) -> Verdict:
    t_full, t_ok = (T_FULL_LOWER, T_SUPPORTED_LOWER) if lower else (T_FULL, T_SUPPORTED)
    label = v.label  # a claim whose first content word (its subject, most often) the
    if label == FULL and (x[_LEAD] or probability(x, FULL_MODEL) < t_full):  # evidence lacks
        label = PARTIAL  # is not shown full ("VX is banned ..." / "North Korea is one of ...")
    if label == PARTIAL and probability(x, SUPPORTED_MODEL) < t_ok:
        return Verdict(NONE, v.coverage, v.back, "not clearly supported (learned gate)")
    if label != v.label:
        return Verdict(label, v.coverage, v.back, "not clearly full (learned gate)")
    return v


def check(claim: str, evidence: str) -> Verdict:
    """How far ``evidence`` states the information of ``claim`` (see the module doc)."""
    return Checker().check(claim, evidence)


def rule_check(claim: str, evidence: str) -> Verdict:
    """The rules alone, without the learned gate."""
    return _check(claim, evidence, content_stems, facts)


def _check(claim: str, evidence: str, stems_of: Callable[[str], frozenset[str]],
           facts_of: Callable[[str], Facts]) -> Verdict:
    sa, sb = stems_of(claim), stems_of(evidence)
    if not sa or not sb:
        return Verdict(NONE, 0.0, 0.0, "no content words")
    shared = sa & sb
    cov = len(shared) / len(sa)
    back = len(shared) / len(sb)
    if " ".join(claim.split()) == " ".join(evidence.split()):
        return Verdict(FULL, 1.0, 1.0, "same text")
    if len(sa) < MIN_CONTENT:  # "The news is fake because so much of the news is fake."
        return Verdict(NONE, cov, back, "too few content words to tell")
    if cov < SAME_THING_AT:  # neither support nor a contradiction is possible: stop early
        return Verdict(NONE, cov, back, "too little in common")
    a, b = facts_of(claim), facts_of(evidence)
    if cov >= SAME_THING_AT and len(shared) >= min(MIN_SHARED, len(a.stems) - 1, 2):
        clash = _number_conflict(a, b)
        if clash:
            return Verdict(CONTRADICTS, cov, back, f"number {clash[0].text} vs {clash[1].text}")
        flipped = (a.negated ^ b.negated) & shared  # a word denied in one sentence only,
        if flipped and not (_NEG.search(claim) and _NEG.search(evidence)):  # none in the other
            return Verdict(CONTRADICTS, cov, back, "negation of " + min(flipped))
        for kind in (_is_weekday, _is_day):
            da = {d for d in a.dates if kind(d)}
            db = {d for d in b.dates if kind(d)}
            if da and db and not da & db and cov >= PARTIAL_AT:
                return Verdict(CONTRADICTS, cov, back, f"date {min(da)} vs {min(db)}")
    swapped = (len(a.stems - b.stems) <= FULL_SLACK and len(b.stems - a.stems) <= FULL_SLACK
               and cov >= 0.75)
    if not swapped and (len(shared) < min(MIN_SHARED, len(a.stems)) or cov < PARTIAL_AT):
        return Verdict(NONE, cov, back, "too little in common")
    if a.negated - b.stems:
        return Verdict(NONE, cov, back, "what the claim denies is not in the evidence")
    if len(a.stems) <= TINY and back < TINY_BACK and not swapped:
        return Verdict(NONE, cov, back, "a few words of a longer sentence")
    plain = a.stems - a.name_stems
    if plain and len(plain & b.stems) < NON_NAME_AT * len(plain):
        return Verdict(NONE, cov, back, "only names in common")
    missing = _names_missing(a, b)
    if _missing_from(a.lead_names, b):
        return Verdict(NONE, cov, back, "the subject's name is not in the evidence")
    if a.quote:
        q = len(a.quote & b.stems) / len(a.quote)
        if q < PARTIAL_AT:
            return Verdict(NONE, cov, back, "quotation not in the evidence")
    else:
        q = 1.0
    gaps = []
    if _missing_numbers(a, b):
        if _other_figure(a, b):
            return Verdict(NONE, cov, back, "another figure of the same unit")
        gaps.append("number")
    if a.dates - b.dates:
        gaps.append("date")
    if missing:
        gaps.append("name")
    if q < FULL_AT:
        gaps.append("quotation")
    if len(a.stems) <= TINY and back < 2 * TINY_BACK:
        gaps.append("a few words of a longer sentence")
    if _asks(evidence) and not _asks(claim):  # "... is it fake news or are these real leaks?"
        gaps.append("a question")
    if (cov >= FULL_AT or swapped) and not gaps:
        return Verdict(FULL, cov, back)
    if back < PARTIAL_BACK:
        return Verdict(NONE, cov, back, "a small part of a longer sentence about more")
    return Verdict(PARTIAL, cov, back, ", ".join(gaps) or "part of the words")
