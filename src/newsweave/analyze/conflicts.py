"""Facts that differ: the same quantity reported with different values by different sources.

Every distance and count of people is read with :func:`~newsweave.text.numbers.quantities`
(units normalised to km, written numbers to digits, hedges like "just under" to a range).
Two quantities from independent sources are compared when they are of the same kind and
their sentences speak of the same thing: for distances, the same places; for counts, the same
kind of people, the same head noun and overlapping words. How strongly the contexts match is
the ``confidence``; values that cannot both be true (ranges that do not overlap) make a
conflict. Dates of the same event come from the timeline (see :func:`date_conflicts`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsweave.align.check import clause, number_clash
from newsweave.analyze.conflict_gate import Readings, passes
from newsweave.analyze.entities import EntityIndex
from newsweave.analyze.items import Claim, Conflict, SentenceRef
from newsweave.analyze.name_joins import joined
from newsweave.analyze.names import name_key, sentence_mentions
from newsweave.analyze.samefact import (
    DEATH,
    YEAR,
    Reading,
    figures,
    head_of,
    kinds_of,
)
from newsweave.text.numbers import Quantity, quantities
from newsweave.text.stopwords import ENGLISH as ENGLISH_STOP_WORDS
from newsweave.text.stopwords import stop_words
from newsweave.text.tokens import tokenize
from newsweave.types import Article, Sentence, SummaryItem

MIN_CONFIDENCE = 0.3
MIN_SIMILAR = 0.2  # cosine of two sentences whose counts of any noun are compared
MAX_FIGURE_ROWS = 600  # sentences with counts compared two by two (first ones kept)
MAX_CLAIMS = 1500  # pairs are compared two by two: bound the work on number-heavy input
AGREE_AT = 0.5  # same value, and contexts this close: the sources confirm each other
WINDOW = 70  # characters either side of a number that describe what it measures
# Words that set a count's scope apart from any one place.
_SCOPE = re.compile(r"\b(?:nationwide|national(?:ly)?|statewide|worldwide|countrywide|"
                    r"(?:at|on) the scene|on the spot|"
                    r"across the (?:country|nation|region|state)|in all|overall|in total|"
                    r"total|globally)\b", re.I)
_PART_AFTER = re.compile(r"\s+of (?:the|them|those|whom|which)\b", re.I)
_PART_BEFORE = re.compile(r"\b(?:another|other|additional|further)\s+$", re.I)
_IN_PLACE = re.compile(r"\b(?:in|at|across|throughout|on)\s+(?:the\s+)?"
                       r"((?:[A-Z][\w.'’-]*\s?){1,4})")


@dataclass(frozen=True, slots=True)
class _Claim:
    q: Quantity
    sent: Sentence
    group: str  # original source the article counts as
    names: frozenset[str]  # canonical entity names in the sentence
    stems: frozenset[str]  # content-word stems around the number
    window: str  # the text around the number
    kinds: frozenset[str] = frozenset()  # what is counted (dead, injured, evacuated...)
    scope: frozenset[str] = frozenset()  # places and scope words of the number's clause


def scope_of(text: str, places: frozenset[str] = frozenset()) -> frozenset[str]:
    """Places ("New York City", "the U.S.") and scope words ("nationwide") of a clause."""
    out = {m.group().lower() for m in _SCOPE.finditer(text)}
    for m in _IN_PLACE.finditer(text):
        words = m.group(1).split()
        if words and words[0] not in ("A", "An", "The", "I") and not _WHEN.match(words[0]):
            out.add(" ".join(words).strip(" .,").lower())
    out |= {p.lower() for p in places if p in text}
    return frozenset(out)


_WHEN = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan|Feb|Mar|Apr|May|June?|"
                   r"July?|Aug|Sep|Oct|Nov|Dec|Christmas|Easter|Thanksgiving")


def _stems(text: str) -> frozenset[str]:
    stop = stop_words("english")
    return frozenset(w[:5] for w in tokenize(text, "long") if w not in stop)


def _claims(
    articles: Sequence[Article],
    sentences: Mapping[str, list[Sentence]],
    groups: Mapping[str, str],
    index: EntityIndex,
) -> list[_Claim]:
    places = frozenset(e.name for e in index.entities if e.type == "place")
    out = []
    for art in articles:
        if art.duplicate_of:
            continue
        for sent in sentences.get(art.id, []):
            qs = list(quantities(sent.text))
            if not qs:
                continue
            mentions = joined(sentence_mentions(sent), sent.text, art.text)
            for q in qs:
                if _PART_AFTER.match(sent.text, q.end) or _PART_BEFORE.search(
                        sent.text[max(0, q.start - 12):q.start]) or _PART_AFTER.match(
                        sent.text, q.start + len(q.value.split()[0])):
                    continue  # "three of the men", "another five victims": part of a count
                # the words around the number, not the whole sentence, say what it counts
                lo, hi = max(0, q.start - WINDOW), min(len(sent.text), q.end + WINDOW)
                names = frozenset(
                    index.canonical(m.text) for m in mentions
                    if lo <= m.start - sent.start and m.end - sent.start <= hi
                )
                window = sent.text[lo:hi]
                part = clause(sent.text, q.start, q.end)
                out.append(_Claim(q, sent, groups.get(art.id, art.id), names, _stems(window),
                                  window, kinds_of(part), scope_of(part, places)))
    return out


def _differ(a: Quantity, b: Quantity) -> bool:
    if a.unit == "km":  # measurement: allow 5 % slack on either side
        return a.hi * 1.05 < b.lo or b.hi * 1.05 < a.lo
    return a.hi < b.lo or b.hi < a.lo


def _match(
    a: _Claim, b: _Claim, common: frozenset[str], places: frozenset[str] = frozenset()
) -> float:
    """How likely two quantities measure the same thing (0..1)."""
    if a.q.kind != b.q.kind or a.group == b.group:
        return 0.0
    shared = (a.names & b.names) - common
    if a.q.kind == "distance":  # places compared word by word: "Qayyarah" ~ "Qayyarah Air Base"
        # a distance from the place its own clause names: "felt in Rome, about 70 miles" is
        # not "Pescara del Tronto, some 25 kilometers" (Rome only elsewhere in the sentence)
        if not {w for p in a.scope for w in p.split()} & {w for p in b.scope for w in p.split()}:
            return 0.0
        words_a = {w for n in a.names for w in name_key(n)}
        words_b = {w for n in b.names for w in name_key(n)}
        common_words = {w for n in common for w in name_key(n)}
        both = words_a & words_b
        specific = both - common_words
        # both ends of a distance matter, even the story's main place
        return min(0.95, 0.2 + 0.3 * len(specific) + 0.2 * len(both & common_words))
    # one quantity of one thing: the same kind (killed / injured / evacuated / stayed ...) and
    # the same scope (U.S. / New York City / Caribbean; one airport / nationwide)
    if a.kinds != b.kinds or a.scope != b.scope:
        return 0.0
    union = a.stems | b.stems
    jacc = len(a.stems & b.stems) / len(union) if union else 0.0
    head_a, head_b = a.q.noun.split()[-1].lower(), b.q.noun.split()[-1].lower()
    mods_a = {w.lower() for w in a.q.noun.split()[:-1]}
    mods_b = {w.lower() for w in b.q.noun.split()[:-1]}
    score = 0.05 + 1.2 * jacc + 0.1 * len(shared)
    place_a, place_b = (a.names & places) - common, (b.names & places) - common
    if place_a and place_b and not place_a & place_b:
        score -= 0.25  # each names other places: likely two different facts
    # the dead are not the displaced; an event of another year is another event
    dead_a, dead_b = bool(DEATH.search(a.window)), bool(DEATH.search(b.window))
    score += 0.05 if dead_a and dead_b else -0.25 if dead_a != dead_b else 0.0
    years_a, years_b = set(YEAR.findall(a.sent.text)), set(YEAR.findall(b.sent.text))
    if years_a != years_b:
        return 0.0  # another year is another event (the 2009 quake, not this one)
    score += 0.25 if head_a == head_b else 0.0
    score += 0.15 if mods_a & mods_b else 0.0
    return min(0.9, score)


def _about(claims: list[_Claim]) -> str:
    first = claims[0]
    if first.q.kind == "distance":
        other = {w for c in claims[1:] for n in c.names for w in name_key(n)}
        shared = [n for n in first.names if set(name_key(n)) & other]
        places = sorted(shared, key=lambda n: (first.sent.text.find(n), n))
        if len(places) >= 2:
            return f"distance between {places[0]} and {places[1]}"
        return f"distance to {places[0]}" if places else "distance"
    nouns = sorted((c.q.noun for c in claims), key=lambda n: (len(n.split()), n))
    return f"number of {nouns[0]}"


def compare_quantities(
    articles: Sequence[Article],
    sentences: Mapping[str, list[Sentence]],
    groups: Mapping[str, str],
    index: EntityIndex,
) -> tuple[list[Conflict], list[dict[str, Any]]]:
    """(conflicts, agreements): the same quantity with values that cannot both be true, and
    the same quantity with the same value (after units: "1,200 km" = "750 miles") from
    independent sources, the latter only on a close match (``AGREE_AT``)."""
    claims = _claims(articles, sentences, groups, index)[:MAX_CLAIMS]
    # the story's main actors (in most articles, named again and again) say nothing about
    # which fact a number belongs to
    n_arts = max(1, sum(1 for a in articles if not a.duplicate_of))
    common = frozenset(
        e.name for e in index.entities
        if len(e.sources) * 5 >= n_arts * 3 and e.mentions >= 3 * n_arts
    )
    places = frozenset(e.name for e in index.entities if e.type == "place")
    best: dict[tuple[int, int], float] = {}
    agree: list[dict[str, Any]] = []
    memo = Readings()
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            differ = _differ(a.q, b.q)
            if not differ and a.q.lo != b.q.lo and a.q.unit != "km":
                continue  # overlapping counts ("3,000 to 4,500" / "about 4,000"): unsure
            if differ and a.group != b.group and a.q.kind == b.q.kind and shown(
                    a.sent.text, a.q.value, b.sent.text, b.q.value, a.q.kind == "distance",
                    memo=memo):
                # the gate decides; how well the contexts match only ranks the conflicts
                best[(i, j)] = max(MIN_CONFIDENCE, _match(a, b, common, places))
                continue
            if differ:
                continue
            if _match(a, b, common, places) >= AGREE_AT:
                agree.append({
                    "text": a.sent.text, "sources": [a.sent.article, b.sent.article],
                    "sentence": [_ref(a.sent), _ref(b.sent)], "about": _about([a, b]),
                    "values": [a.q.value, b.q.value],
                })
    # each claim joins its single best partner, so one fact does not fan out
    used: set[int] = set()
    seen: set[tuple[Any, ...]] = set()
    out = []
    for (i, j), score in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = claims[i], claims[j]
        fact = (a.q.kind, a.group, a.q.lo, a.q.hi, b.group, b.q.lo, b.q.hi)
        if i in used or j in used or fact in seen:
            continue
        used.update((i, j))
        seen.add(fact)
        pair = [claims[i], claims[j]]
        out.append(Conflict(_about(pair), round(score, 2), tuple(_claim(c) for c in pair)))
    return out, agree


def shown(a_text: str, a_value: str, b_text: str, b_value: str, distance: bool = False,
          source: str = "loose", memo: Readings | None = None) -> bool:
    """The last gate: the learned gate of :mod:`newsweave.analyze.conflict_gate` over the rules
    of :mod:`newsweave.analyze.samefact` (one quantity of one thing at one moment, neither
    source also stating the other's figure) and the words around the two figures."""
    return passes(a_text, a_value, b_text, b_value, source, distance, memo)


def _ref(s: Sentence) -> dict[str, Any]:
    return {"article": s.article, "start": s.start, "end": s.end}


def _claim(c: _Claim) -> Claim:
    q = c.q
    normalized: float | tuple[float, float] = round(q.lo, 1) if q.lo == q.hi else (
        round(q.lo, 1), round(q.hi, 1)
    )
    return Claim(q.value, normalized, q.unit, (c.sent.article,), SentenceRef.of(c.sent))


def date_conflicts(
    articles: Sequence[Article],
    sentences: Mapping[str, list[Sentence]],
    groups: Mapping[str, str],
    similarity: Any,
    row_of: Mapping[tuple[str, int], int],
    same_event: float = 0.5,
) -> list[Conflict]:
    """The same event (similar sentences of independent sources) given different dates."""
    from newsweave.analyze.timeline import date_refs, published_date

    dated = []
    for art in articles:
        if art.duplicate_of:
            continue
        pub = published_date(art)
        for sent in sentences.get(art.id, []):
            row = row_of.get((art.id, sent.index))
            refs = list(date_refs(sent.text, pub))
            # a sentence naming several dates, or a short one (a dateline, a tweet
            # signature), does not pin one event to one date
            prose = len(tokenize(sent.text, "prose"))
            if len(refs) != 1 or prose < 6 or row is None:
                continue
            ref = refs[0]
            if ref.date and not ref.date.startswith("--"):
                dated.append((row, sent, ref, groups.get(art.id, art.id)))
    out = []
    for i, (ra, sa, da, ga) in enumerate(dated):
        for rb, sb, db, gb in dated[i + 1:]:
            if ga == gb or da.date is None or db.date is None:
                continue
            if da.date.startswith(db.date) or db.date.startswith(da.date):
                continue
            if _near(da, db) or len(da.date) == len(db.date) == 4:
                continue  # two years ("in 2000" / "in 2014"): figures of two years, not one event
            sim = float(similarity[ra, rb])
            if sim < same_event:
                continue
            out.append(Conflict("date of the same event", round(min(0.9, sim), 2), tuple(
                Claim(r.expression, r.date, "date", (s.article,), SentenceRef.of(s))
                for s, r in ((sa, da), (sb, db))
            )))
    return out


def _near(a: Any, b: Any) -> bool:
    """Days a week apart are one date when either was counted back ("last week")."""
    from datetime import date

    if "relative to published date" not in (a.resolved, b.resolved):
        return False
    try:
        da, db = date.fromisoformat(a.date), date.fromisoformat(b.date)
    except (TypeError, ValueError):
        return False
    return abs((da - db).days) <= 7


_KIND_WORD = {"dead": "killed", "injured": "injured", "missing": "missing",
              "evacuated": "evacuated", "rescued": "rescued", "held": "arrested",
              "stayed": "who stayed", "power": "without power"}


def _scope_near(text: str, value: str) -> frozenset[str]:
    """Scope words ("nationwide", "on the scene") of the clause where ``value`` is written."""
    at = text.find(value)
    part = clause(text, at, at + len(value)) if at >= 0 else text
    return frozenset(m.group().lower() for m in _SCOPE.finditer(part))


def disputed_conflicts(
    summary: Sequence[SummaryItem],
    groups: Mapping[str, str],
    existing: Sequence[Conflict] = (),
) -> list[Conflict]:
    """Conflicts found by the support check: a source whose sentence gives another number for
    the same thing as a brief sentence (same unit or same place, same kind of count) was not
    cited for it (``SummaryItem.disputed``); here the two values are shown side by side."""
    seen = {frozenset((r.article, r.start) for r in c.refs()) for c in existing}
    out = []
    for item in summary:
        s = item.sentence
        for d in item.disputed:
            if groups.get(d.article, d.article) == groups.get(s.article, s.article):
                continue
            key = frozenset(((s.article, s.start), (d.article, d.start)))
            if key in seen:
                continue
            clash = number_clash(s.text, d.text)
            if clash is None or kinds_of(s.text) != kinds_of(d.text):
                continue
            if set(YEAR.findall(s.text)) != set(YEAR.findall(d.text)):
                continue
            x, y = clash
            if x.unit == "clock" or y.unit == "clock":
                times = _clock_conflict(s, d)
                if times is not None:
                    seen.add(key)
                    out.append(times)
                continue
            if _scope_near(s.text, x.text) != _scope_near(d.text, y.text):
                continue  # "died on the scene" / "killed three people"
            if not shown(s.text, x.text, d.text, y.text, x.unit == "km", "check"):
                continue
            seen.add(key)
            noun = _noun_after(s.text, x.text)
            kinds = sorted(kinds_of(s.text))
            about = "number" + (f" of {noun}" if noun else "")
            if kinds:
                about += " " + _KIND_WORD[kinds[0]]
            if x.place:
                about += f" in {x.place}"
            out.append(Conflict(about, 0.7, tuple(
                Claim(n.text, round(n.value, 1), n.unit if n.unit in ("km", "%", "$") else "count",
                      (t.article,),
                      SentenceRef.of(t))
                for n, t in ((x, s), (y, d))
            )))
    return out


def _number(r: Reading | None) -> float | None:
    return r.number if r is not None else None


_DISTANCE_HEADS = frozenset({"mil", "kilome", "km", "kms", "meter", "metre"})


def figure_conflicts(
    sentences: Sequence[Sentence],
    similarity: Any,
    groups: Mapping[str, str],
    existing: Sequence[Conflict] = (),
    min_similar: float = MIN_SIMILAR,
) -> list[Conflict]:
    """Counts of any noun ("11 counts", "seven national parks", "25 deaths") that two similar
    sentences of independent sources give differently, when :func:`shown` passes: the
    candidates :func:`compare_quantities` cannot read (it knows people, some things and
    distances). ``sentences`` are the alignment's rows, ``similarity[i, j]`` their cosine."""
    seen = {frozenset((r.article, r.start) for r in c.refs()) for c in existing}
    rows = [(i, s, figs) for i, s in enumerate(sentences) if (figs := figures(s.text))]
    rows = rows[:MAX_FIGURE_ROWS]
    # what each figure counts, cheaply, so only figures of one noun are read in full
    heads = {(i, v): head_of(s.text, v) for i, s, figs in rows for v in figs}
    by_head = [frozenset(heads[(i, v)] for v in figs) - {""} for i, _, figs in rows]
    memo = Readings()

    found: list[tuple[float, int, int, str, str]] = []
    cols = np.array([i for i, _, _ in rows], dtype=np.int64)
    for x, (i, a, figs_a) in enumerate(rows):
        ga = groups.get(a.article, a.article)
        if x + 1 >= len(rows):
            break
        sims = np.asarray(similarity[i, cols[x + 1:]], dtype=np.float64).ravel()
        for y in np.flatnonzero(sims >= min_similar):
            j, b, figs_b = rows[x + 1 + int(y)]
            if groups.get(b.article, b.article) == ga or not by_head[x] & by_head[x + 1 + int(y)]:
                continue
            if frozenset(((a.article, a.start), (b.article, b.start))) in seen:
                continue
            for va in figs_a:
                if heads[(i, va)] in _DISTANCE_HEADS or not any(
                        heads[(i, va)] == heads[(j, vb)] for vb in figs_b):
                    continue
                ra = memo.of(a.text, va)
                if ra is None or not ra.head or ra.head in _DISTANCE_HEADS:
                    continue
                for vb in figs_b:
                    if heads[(j, vb)] != heads[(i, va)]:
                        continue
                    rb = memo.of(b.text, vb)
                    if rb is None or rb.head != ra.head or rb.number == ra.number:
                        continue
                    if shown(a.text, va, b.text, vb, source="figure", memo=memo):
                        found.append((float(sims[y]), i, j, va, vb))
    out = []
    used: set[tuple[int, str]] = set()
    by_row = {i: s for i, s, _ in rows}
    for sim, i, j, va, vb in sorted(found, key=lambda f: (-f[0], f[1], f[2], f[3], f[4])):
        a, b = by_row[i], by_row[j]
        key = frozenset(((a.article, a.start), (b.article, b.start)))
        if (i, va) in used or (j, vb) in used or key in seen:
            continue
        used.update(((i, va), (j, vb)))
        seen.add(key)
        noun = _noun_after(a.text, va)
        about = "number" + (f" of {noun}" if noun else "")
        out.append(Conflict(about, round(min(0.9, max(MIN_CONFIDENCE, sim)), 2), tuple(
            Claim(v, _number(memo.of(t.text, v)), "count", (t.article,), SentenceRef.of(t))
            for v, t in ((va, a), (vb, b))
        )))
    return out


_CLOCK_TEXT = re.compile(r"(?:(?P<hedge>about|around|approximately|roughly|shortly (?:before|"
                         r"after)|just (?:before|after)|after|before|by|until)\s+)?"
                         r"\b\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\b\.?)?", re.I)


def _clock_conflict(s: Sentence, d: Sentence) -> Conflict | None:
    """Two clock times of one event ("fled at 4:30 a.m." / "at 4:20 a.m."), each the only
    time of its sentence and neither hedged ("about 4:30" and "about 4:20" can both hold)."""
    ms = [list(_CLOCK_TEXT.finditer(t.text)) for t in (s, d)]
    if any(len(m) != 1 or m[0].group("hedge") for m in ms):
        return None
    values = [m[0].group().strip() for m in ms]
    return Conflict("time of the event", 0.5, tuple(
        Claim(v, None, "time", (t.article,), SentenceRef.of(t)) for v, t in zip(values, (s, d),
                                                                                 strict=True)))


def _noun_after(text: str, value: str) -> str:
    """What a figure counts, as written after it: "silver stars" in "two silver stars and
    five bronze stars", "counts" in "11 counts of statutory rape" ("" if no noun follows)."""
    at = text.find(value)
    if at < 0:
        return ""
    words: list[str] = []
    end = 0
    for m in re.finditer(r"\s+([A-Za-z][\w'’-]*)", text[at + len(value):][:60]):
        if m.start() != end:
            break  # punctuation between: the phrase has ended
        end = m.end()
        w = m.group(1)
        if w.lower() in ENGLISH_STOP_WORDS or len(words) == 2:
            break
        words.append(w)
        if w.lower().endswith("s"):
            break  # the plural noun ends the phrase ("silver stars")
    return " ".join(words)


def merge_conflicts(conflicts: list[Conflict]) -> list[Conflict]:
    """One conflict per disputed figure: two conflicts on the same ``about`` that share a
    claim (the same sentence and figure: "at least 13 people" of one source against "12" of a
    second and "at least 12" of a third) become one holding every claim, in order, with the
    higher confidence (trust-c24 packet: the same 13-vs-12 dispute was listed twice)."""
    def keys(c: Conflict) -> set[tuple[SentenceRef, Any]]:
        return {(k.sentence, k.figure) for k in c.claims}

    out: list[Conflict] = []
    for c in conflicts:
        for i, kept in enumerate(out):  # (a second pass below joins what a later one links)
            if kept.about == c.about and keys(c) & keys(kept):
                have = {k.sentence for k in kept.claims}
                extra = tuple(k for k in c.claims if k.sentence not in have)
                out[i] = Conflict(kept.about, max(kept.confidence, c.confidence),
                                  kept.claims + extra)
                break
        else:
            out.append(c)
    return out if len(out) == len(conflicts) else merge_conflicts(out)
