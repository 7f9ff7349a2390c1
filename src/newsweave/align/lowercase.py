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
