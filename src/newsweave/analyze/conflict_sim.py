"""How nearly two sentences state the same thing apart from their figures.

A conflict is shown only when the two claims are otherwise one statement: the clauses that hold
the two figures say the same words (content-word stems, the figures' own words left out). The
score is the Dice overlap ``2|A & B| / (|A| + |B|)`` of the two clauses' content stems, taken
over the clause around each figure (cut at ; — ( ) and ", and" / ", while" ...) widened to
:data:`SPAN` characters either side when the clause is shorter. Cased and lower-cased text
score alike (stems are lower-cased). Measured against every judged conflict pair in
docs/trust.md ("Similarity floor").
"""

from __future__ import annotations

from newsweave.align.check import clause, content_sequence, stem
from newsweave.analyze.samefact import locate

SPAN = 80  # characters either side of the figure when its clause is shorter
_NUMWORD = frozenset(stem(w) for w in (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion dozen dozens half").split())


def context(text: str, value: str, span: int = SPAN) -> frozenset[str]:
    """Content stems of the clause holding ``value`` in ``text`` (at least ``span`` characters
    either side of it), without numbers and number words (the figures differ; what they count
    stays)."""
    at = locate(text, value)
    if at < 0:
        part = text
    else:
        end = at + len(value)
        cl = clause(text, at, end)
        lo = text.find(cl) if cl else at
        lo = min(lo if lo >= 0 else at, max(0, at - span))
        hi = max((lo + len(cl)) if cl else end, min(len(text), end + span))
        part = text[lo:hi]
    return frozenset(w for w in content_sequence(part)
                     if w not in _NUMWORD and not w[:1].isdecimal())


def similarity(a_text: str, a_value: str, b_text: str, b_value: str,
               span: int = SPAN) -> float:
    """Dice overlap of the content stems around the two figures (0..1)."""
    a, b = context(a_text, a_value, span), context(b_text, b_value, span)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
