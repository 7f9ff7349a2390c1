"""Small clashes of wording that make a cited sentence another fact.

The support check's rules compare content words, figures, dates, names and negation. Two
sentences on one event can share nearly every word and still differ in a word those rules do
not weigh: "will endorse rick perry this week" / "will endorse ... rick perry next week";
"qing long jian ( green dragon sword )" / "read black dragon sword" (blind-judged
"contradicts", ``bench/judged_trust_d24.jsonl``). A clash found here keeps the source from
being cited for the sentence (see :func:`clash`).
"""

from __future__ import annotations

import re

from newsweave.align.lowercase import other_modifier

_WORDS = re.compile(r"[a-z]+")
# a moment named relative to the writing: "this week", "next month", "last year"
# ("the past week" may be this week or the last one: no clash either way)
_RELATIVE = re.compile(r"\b(this|next|last|coming)\s+(week|weekend|month|year|season|"
                       r"summer|winter|spring|fall|autumn)\b")
_SAME_MOMENT = {"coming": "next"}
_SAME_COLOUR = {"gray": "grey"}
# words after a colour that are no thing it colours ("black and white", "Brown said")
_NOT_NOUN = frozenset("and or nor but said says told the a an of in on at to for with as is was "
                      "are were who which that has had have will would".split())
COLOURS = frozenset("black white red green blue yellow orange purple pink brown grey gray "
                    "golden silver".split())


def _moments(text: str) -> set[tuple[str, str]]:
    return {(_SAME_MOMENT.get(w, w), unit) for w, unit in _RELATIVE.findall(text.lower())}


def _coloured(text: str) -> set[tuple[str, str]]:
    """(colour, the word after it) of each colour word written before a noun."""
    w = _WORDS.findall(text.lower())
    return {(_SAME_COLOUR.get(c, c), n) for c, n in zip(w, w[1:], strict=False)
            if c in COLOURS and n not in COLOURS and n not in _NOT_NOUN}


def clash(claim: str, evidence: str, plain: frozenset[str] | None = None) -> str | None:
    """Why ``evidence`` states another fact than ``claim`` although their words agree: the
    same moment unit named as another moment ("this week" / "next week") or the same thing
    given another colour ("green dragon sword" / "black dragon sword"), the claim's own
    word absent from the evidence and the evidence's one absent from the claim; with
    ``plain`` (lower-cased text: the words that are no modifier) also a body or role named
    with another modifier (:func:`~newsweave.align.lowercase.other_modifier`, "the state
    police, not the airport police"); None when there is no such clash."""
    a, b = _moments(claim), _moments(evidence)
    for when, unit in sorted(a - b):
        other = sorted(w for w, u in b - a if u == unit and w != when)  # (one the claim names too
        # is no other moment: "won last year, will run this year" / "won last year")
        if other:
            return f"{when} {unit}, not {other[0]} {unit}"
    ca, cb = _coloured(claim), _coloured(evidence)
    b_words = set(_WORDS.findall(evidence.lower()))
    for colour, noun in sorted(ca - cb):
        other = sorted(c for c, n in cb - ca if n == noun and c != colour  # ("the red sox beat
                       and colour not in b_words)  # the white sox" / "the white sox"): named too
        if other:
            return f"{colour} {noun}, not {other[0]} {noun}"
    body = other_modifier(claim, evidence, plain) if plain is not None else None
    return f"{body[1]}, not {body[0]}" if body else None
