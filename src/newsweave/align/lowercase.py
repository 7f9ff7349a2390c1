"""Lower-cased text (the corpus's truncated form): how to tell it, and a sentence it cut.

The truncated Multi-News clusters are written in lower case, with punctuation split off, and
each article is cut after about 430 words of the cluster, often mid-sentence. There capitals
tell no names, so the support check is stricter (:class:`newsweave.align.check.Checker`
``lower``), and a brief sentence that the cut left unfinished ("... correspondent lara logan
spoke with") is supported only by a sentence that repeats it: what it would have said is not
known (blind-judged pairs of ``bench/judged_trustcite_dev.jsonl``, docs/trust.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LOWER_AT = 0.02  # below this share of capitalised words the text counts as lower-cased
LOWER_MIN_WORDS = 20

_ENDED = re.compile(r"[.!?…][\"'”’)\]\s]*$")
_WORDS = re.compile(r"\w+")


def lower_cased(texts: Iterable[str]) -> bool:
    """Fewer than ``LOWER_AT`` of the words after each sentence's first are capitalised
    (raw news text: 3% or more; the truncated clusters: under 2%)."""
    # the first letter of every word but each text's first, counted by string methods
    firsts = "".join([w[0] for text in texts for w in text.split()[1:]])
    letters = "".join(filter(str.isalpha, firsts))
    n, caps = len(letters), sum(map(str.isupper, letters))
    return n >= LOWER_MIN_WORDS and caps < LOWER_AT * n


def cut_off(text: str) -> bool:
    """A sentence the truncation left unfinished: no final stop, or a parenthesis left open
    ("majority leader eric cantor ( r-va.")."""
    return _ENDED.search(text) is None or text.count("(") > text.count(")")


def repeats(evidence: str, claim: str) -> bool:
    """The evidence has the claim's words in one run (case and punctuation aside)."""
    a = " ".join(_WORDS.findall(claim.lower()))
    return bool(a) and a in " ".join(_WORDS.findall(evidence.lower()))


# heads naming a body or a role: another modifier names another one ("the airport police" /
# "the state police", "the foreign minister" / "the defence minister")
BODY_HEADS = frozenset(
    "police department ministry minister secretary office court party committee council "
    "government agency board commission authority authorities army force forces navy guard "
    "officials official spokesman spokeswoman spokesperson director chairman chief leader "
    "governor prosecutor prosecutors attorney judge justice senator administration service "
    "services union university college school hospital company bank team club church "
    "embassy parliament assembly legislature congress senate house agents patrol".split())
_PHRASE_CUT = re.compile(r"[^\w\s'’-]+")


def _body_pairs(text: str, plain: frozenset[str]) -> set[tuple[str, str, str]]:
    """(left, modifier, head) of each two-word run whose head names a body or a role, whose
    modifier is a content word and which no punctuation cuts; ``left``: the word before it
    when a content word, else "" ("the airport police" -> ("", "airport", "police"); "rhode
    island airport police" -> ("island", "airport", "police"))."""
    out = set()
    for part in _PHRASE_CUT.split(text.lower()):
        w = _WORDS.findall(part)
        out |= {("" if before in plain else before, m, h)
                for before, m, h in zip(["", *w], w, w[1:], strict=False)
                if h in BODY_HEADS and m.isalpha() and len(m) > 2 and m not in plain
                and m not in BODY_HEADS}
    return out


def other_modifier(claim: str, evidence: str, plain: frozenset[str]) -> tuple[str, str] | None:
    """A body or role of the claim ("the airport police") that the evidence names in the same
    place (same word before it) by the same head with another modifier ("the state police"),
    the claim's modifier nowhere in the evidence: the (claim's, evidence's) phrase, or None.
    ``plain``: words that are no modifier (stop words)."""
    b_words = set(_WORDS.findall(evidence.lower()))
    a_words = set(_WORDS.findall(claim.lower()))
    theirs = _body_pairs(evidence, plain)
    for left, m, h in sorted(_body_pairs(claim, plain)):
        if m in b_words or (m.rstrip("s") in b_words) or any(
                w.startswith(m[:5]) for w in b_words if len(m) > 5):
            continue
        for left2, m2, h2 in sorted(theirs):
            if h2 == h and left2 == left and m2 not in a_words:
                return f"{m} {h}", f"{m2} {h}"
    return None
