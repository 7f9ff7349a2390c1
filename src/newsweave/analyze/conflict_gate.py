"""A learned gate on top of the conflict rules (:mod:`newsweave.analyze.samefact`).

The rules alone were written from the judged pairs and did not hold on fresh clusters (5/13
and 3/9 shown true on two blind rounds). This gate is a logistic regression over features the
rules already read (the rule's verdict and reason, what each figure counts, the words around
it, places, hedges, lengths, whether the text is lower-cased ...), fitted by
``bench/conflict_cv.py`` on the judged conflict pairs and chosen by cross-validation grouped
by cluster. Its weights are constants here, so the brief path needs no scikit-learn. Since the
c1 packet (fresh lower-cased clusters: the model's pairs 8/19 true) the rules decide what is
shown on all text and the model is only measured against them (see :func:`passes` and
docs/trust.md for the grouped cross-validated figures).
"""

from __future__ import annotations

import math
import re

from newsweave.align.check import content_stems
from newsweave.analyze.conflict_sim import similarity
from newsweave.analyze.samefact import Reading, reading, repeated, same_quantity

# A pair is shown only when the clauses holding the two figures are near-paraphrases apart
# from the figures (:func:`~newsweave.analyze.conflict_sim.similarity` at least this); the
# rules then veto. Chosen on judged pairs: bench/conflict_sim.py, docs/trust.md.
SIMILAR_FLOOR = 0.35

# Rule reasons (``same_quantity``'s "why") with a feature of their own; others are "other".
REASONS = (
    "", "counts another thing", "another kind of count",
    "a count of no named kind (dead, injured, held ...)", "another place", "in another place",
    "clauses share too little", "a part of a count", "one of several figures listed",
    "a comparison", "a figure of another moment", "another year", "repeated",
)
SOURCES = ("figure", "check", "loose")
_HEDGE = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost|some|at least|"
                    r"more than|over|up to|as many as|fewer than|less than|estimated)\s+$",
                    re.I)
_SUBSET = re.compile(r"^\s*[\w-]*\s*\b(?:of|among)\b", re.I)

NAMES = (
    "bias1", "cosine", "jaccard", "shared", "head_equal", "head_known", "kind_both",
    "kind_one", "kind_equal", "kinds_meet", "log_ratio", "hedge_a_or_b", "hedge_both",
    "places_equal", "places_any", "clause_places_meet", "years_equal", "days_equal",
    "log_len_min", "log_len_max", "subset", "part", "listed", "compare", "change", "modal",
    "cumulative", "backref", "money", "subject_differs", "lower", "rule_ok",
) + tuple(f"why={r or 'ok'}" for r in REASONS[1:]) + ("why=other",) + tuple(
    f"source={s}" for s in SOURCES)


def _hedged(text: str, value: str) -> bool:
    at = text.find(value)
    return at >= 0 and bool(_HEDGE.search(text[max(0, at - 25):at]))


def _subset(text: str, value: str) -> bool:
    at = text.find(value)
    return at >= 0 and bool(_SUBSET.match(text[at + len(value):at + len(value) + 25]))


def _lower(text: str) -> bool:
    """Text written in lower case (the truncated train clusters): almost no capitalised
    word after the first."""
    words = text.split()[1:]
    return sum(w[:1].isupper() for w in words) <= 0.03 * len(words)


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _why(ra: Reading | None, rb: Reading | None, a_text: str, b_text: str,
         distance: bool) -> str:
    if ra is None or rb is None:
        return "counts another thing"
    ok, why = same_quantity(ra, rb, distance=distance)
    if ok and not distance and repeated(a_text, b_text, ra, rb):
        return "repeated"
    return why.split(" (")[0] if why.startswith("clauses share") else why


class Readings:
    """What one analysis has read of its figures and texts, so that a figure compared with many
    others (a table of counts) is read once, not once per pair."""

    def __init__(self) -> None:
        self._read: dict[tuple[str, str], Reading | None] = {}
        self._stems: dict[str, frozenset[str]] = {}
        self._lower: dict[str, bool] = {}

    def of(self, text: str, value: str) -> Reading | None:
        key = (text, value)
        if key not in self._read:
            self._read[key] = reading(text, value)
        return self._read[key]

    def stems(self, text: str) -> frozenset[str]:
        if text not in self._stems:
            self._stems[text] = content_stems(text)
        return self._stems[text]

    def lower(self, text: str) -> bool:
        if text not in self._lower:
            self._lower[text] = _lower(text)
        return self._lower[text]


def features(a_text: str, a_value: str, b_text: str, b_value: str, source: str = "",
             distance: bool = False, memo: Readings | None = None) -> list[float]:
    """The gate's features of one candidate pair, in the order of :data:`NAMES`."""
    memo = memo if memo is not None else Readings()
    ra, rb = memo.of(a_text, a_value), memo.of(b_text, b_value)
    why = _why(ra, rb, a_text, b_text, distance)
    sa, sb = memo.stems(a_text), memo.stems(b_text)
    la, lb = len(a_text.split()), len(b_text.split())
    ha, hb = _hedged(a_text, a_value), _hedged(b_text, b_value)
    f: list[float] = [1.0, _cosine(sa, sb)]
    if ra is not None and rb is not None:
        union = ra.stems | rb.stems
        shared = len(ra.stems & rb.stems)
        na, nb = ra.number, rb.number
        ratio = math.log(max(na, nb) / min(na, nb)) if na and nb and na > 0 and nb > 0 else 0.0
        f += [shared / len(union) if union else 0.0, min(shared, 6) / 6,
              float(bool(ra.head) and ra.head == rb.head), float(bool(ra.head and rb.head)),
              float(bool(ra.kind and rb.kind)), float(bool(ra.kind) != bool(rb.kind)),
              float(bool(ra.kind) and ra.kind == rb.kind), float(bool(ra.kinds & rb.kinds)),
              min(ratio, 3.0), float(ha or hb), float(ha and hb),
              float(ra.places == rb.places), float(bool(ra.places or rb.places)),
              float(bool(ra.clause_places & rb.clause_places)), float(ra.years == rb.years),
              float(ra.days == rb.days)]
        flags = [ra.part or rb.part, ra.listed or rb.listed, ra.compare or rb.compare,
                 ra.change or rb.change, ra.modal or rb.modal, ra.cumulative or rb.cumulative,
                 ra.backref or rb.backref, ra.money or rb.money,
                 bool(ra.subject and rb.subject and ra.subject != rb.subject)]
    else:
        f += [0.0] * 16
        flags = [False] * 9
    f += [math.log1p(min(la, lb)) / 4, math.log1p(max(la, lb)) / 4,
          float(_subset(a_text, a_value) or _subset(b_text, b_value))]
    f += [float(x) for x in flags]
    f += [float(memo.lower(a_text) and memo.lower(b_text)), float(why == "")]
    f += [float(why == r) for r in REASONS[1:]] + [float(why not in REASONS)]
    f += [float(source == s) for s in SOURCES]
    return f


# Fitted by `python bench/conflict_cv.py --fit --c 1.0 --target 0.85` (logistic regression,
# balanced classes, on every judged pair of the allowed clusters, c1 packet included);
# THRESHOLD is the lowest whose out-of-fold precision (grouped by cluster) is >= 85%. Measured
# against the rules by the bench; the brief does not use it (see :func:`passes`).
C = 1.0
THRESHOLD = 0.925
WEIGHTS: tuple[float, ...] = (
    -0.0128,  # bias1
    0.3322,  # cosine
    -0.5797,  # jaccard
    1.2271,  # shared
    0.1568,  # head_equal
    -1.4312,  # head_known
    -1.0465,  # kind_both
    -0.3354,  # kind_one
    1.0234,  # kind_equal
    0.1108,  # kinds_meet
    -1.2828,  # log_ratio
    -0.5576,  # hedge_a_or_b
    0.0000,  # hedge_both
    -0.1521,  # places_equal
    -0.6808,  # places_any
    1.4777,  # clause_places_meet
    0.7532,  # years_equal
    -0.0046,  # days_equal
    1.0238,  # log_len_min
    0.6171,  # log_len_max
    -0.4530,  # subset
    -0.4921,  # part
    -1.3457,  # listed
    0.1930,  # compare
    -0.3456,  # change
    -0.4226,  # modal
    -0.4568,  # cumulative
    -0.7575,  # backref
    0.6249,  # money
    -1.8701,  # subject_differs
    0.2761,  # lower
    2.4211,  # rule_ok
    -1.4444,  # why=counts another thing
    -0.4588,  # why=another kind of count
    0.2863,  # why=a count of no named kind (dead, injured, held ...)
    -0.1926,  # why=another place
    -0.7176,  # why=in another place
    0.8832,  # why=clauses share too little
    -0.0111,  # why=a part of a count
    0.9692,  # why=one of several figures listed
    -0.3290,  # why=a comparison
    -0.5323,  # why=a figure of another moment
    -0.5614,  # why=another year
    -0.2666,  # why=repeated
    -0.0588,  # why=other
    -0.9435,  # source=figure
    -0.2074,  # source=check
    -0.1494,  # source=loose
)


def score(feats: list[float]) -> float:
    """The gate's probability that the pair is a real conflict."""
    if not WEIGHTS:
        return 0.0
    z = sum(w * x for w, x in zip(WEIGHTS, feats, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def passes(a_text: str, a_value: str, b_text: str, b_value: str, source: str = "",
           distance: bool = False, memo: Readings | None = None) -> bool:
    """Is the pair shown? When the clauses holding the figures are near-paraphrases apart
    from the figures (similarity >= :data:`SIMILAR_FLOOR`) and the rules pass it, on cased and
    on lower-cased text alike (docs/trust.md, "Similarity floor").

    Until the c1 packet the model decided on lower-cased text (score >= :data:`THRESHOLD`);
    on 195 fresh judged candidates it showed 8 true of 19. With the c1 labels and the rules
    written from its false ones, grouped CV puts the model alone at 11/14 on lower-cased
    pairs and the rules AND the model at 13/17, below the rules alone (23/28, in-sample), and
    among the pairs the rules pass the model's score hardly separates true from false
    (docs/trust.md). So the rules decide; :func:`score` is kept for ``bench/conflict_cv.py``,
    which measures it against them. ``source`` is unused by the rules."""
    del source
    if similarity(a_text, a_value, b_text, b_value) < SIMILAR_FLOOR:
        return False  # not otherwise the same statement (docs/trust.md, "Similarity floor")
    memo = memo if memo is not None else Readings()
    ra, rb = memo.of(a_text, a_value), memo.of(b_text, b_value)
    return _why(ra, rb, a_text, b_text, distance) == ""
