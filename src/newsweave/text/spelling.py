"""Spelling variants, one home: the keys that let variant spellings of a word meet.

Two strengths, each named for its use:

- :func:`fold_token` (light) for TF-IDF terms: doubled letters collapse, q -> k, ou -> u, a
  final "ah" -> "a" ("muqawama"/"mukawama", "hisbah"/"hisba"); ordinary words stay apart.
- :func:`spelling_key` (strong) for names: also c/ck -> k, ph -> f, o/oo -> u, ee -> i,
  accents and non-letters dropped ("Jubouri"/"Jubbouri", "Mohammed"/"Muhammad" parts).
  Too strong for ordinary words ("con" and "kun" meet), so alignment does not use it.

Example::

    >>> fold_token("muqawama") == fold_token("mukawama"), spelling_key("Moqawamma")
    (True, 'mukawama')
"""

from __future__ import annotations

import re
import unicodedata

# every word character equal to the next one, dropped: a run collapses to its last letter, the
# same text as substituting ``(\w)\1+`` by ``\1`` (a literal "" replacement: no Python
# template expanded per match, so about twice as fast)
_DOUBLED = re.compile(r"(\w)(?=\1)")
_DOUBLED_LETTER = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z]")


def fold_token(token: str) -> str:
    """Light key of a lower-case token (see the module docstring)."""
    t = _DOUBLED.sub("", token) if _DOUBLED.search(token) else token  # search is cheaper
    t = t.replace("q", "k").replace("ou", "u")
    if len(t) > 4 and t.endswith("ah"):
        t = t[:-1]
    return t


# the "h" first (its lookbehind then reads the "a" and three more): a pattern that starts with
# a literal is searched for that letter at C speed, a leading lookbehind ran at every position
_FINAL_AH = re.compile(r"h(?<=[^\n]{3}ah)$", re.M)


def fold_tokens(tokens: list[str]) -> list[str]:
    """:func:`fold_token` of each token (tokens of word characters, no line break), done on
    them all joined by line breaks: no rule reaches across one, so the keys are the same."""
    if not tokens:
        return []
    joined = _DOUBLED.sub("", "\n".join(tokens)).replace("q", "k").replace("ou", "u")
    return _FINAL_AH.sub("", joined).split("\n")


def fold_text(text: str) -> str:
    """Lower-case, accents removed, curly apostrophes straightened."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.replace("’", "'").replace("‘", "'").lower()


def spelling_key(word: str) -> str:
    """Strong key of one word of a name (see the module docstring)."""
    w = _NOT_LETTER.sub("", fold_text(word))
    w = w.replace("ck", "k").replace("q", "k").replace("c", "k").replace("ph", "f")
    w = w.replace("ou", "u").replace("oo", "u").replace("o", "u").replace("ee", "i")
    w = _DOUBLED_LETTER.sub(r"\1", w)
    if len(w) > 3 and w.endswith("h") and w[-2] in "aeiu":
        w = w[:-1]
    return w
