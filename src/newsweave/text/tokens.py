"""The tokenizers of newsweave, one home, each variant named for what it is for.

Every stage takes its tokens from here and names the variant it needs, so two stages that
mean the same thing by "a word" cannot drift apart.

Example::

    >>> tokenize("Mosul's 2 new bridges", "term")
    ['mosul', 'new', 'bridges']
    >>> tokenize("Mosul's 2 new bridges", "word")
    ['mosul', 's', '2', 'new', 'bridges']
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tokenizer:
    """``pattern`` found in the text (lower-cased first when ``lower``)."""

    name: str
    pattern: re.Pattern[str]
    lower: bool
    purpose: str

    def __call__(self, text: str) -> list[str]:
        return self.pattern.findall(text.lower() if self.lower else text)


def _tok(name: str, pattern: str, lower: bool, purpose: str) -> Tokenizer:
    return Tokenizer(name, re.compile(pattern), lower, purpose)


TOKENIZERS: dict[str, Tokenizer] = {t.name: t for t in (
    _tok("word", r"\w+", True, "every word, lower-cased: shingles for near-copies"),
    _tok("term", r"\w\w+", True, "TF-IDF terms of alignment: two or more word characters"),
    _tok("alnum", r"[a-z0-9]+", True, "runs of ASCII letters and digits: lexical overlap"),
    _tok("story", r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{3,}", False,
         "story terms, case kept (capitalised terms are names): story clustering"),
    _tok("long", r"[a-z]{4,}", True, "words of four letters or more: the context of a number"),
    _tok("prose", r"\b[a-z]{2,}\b", False,
         "lower-case words as written: tells prose from bylines and signatures"),
    _tok("lower3", r"\b[a-z]{3,}\b", False,
         "lower-case words of three letters or more as written: the vocabulary of a text"),
)}


def tokenizer(variant: str) -> Tokenizer:
    """The tokenizer named ``variant`` (``KeyError`` naming the known ones otherwise)."""
    try:
        return TOKENIZERS[variant]
    except KeyError:
        raise KeyError(f"tokenizer must be one of {', '.join(TOKENIZERS)}, got {variant!r}"
                       ) from None


# ASCII and the punctuation news text uses, none of it cased: ``str.lower`` of such a text
# changes only A-Z (to a-z), one character for one
_CASE_SAFE = re.compile(r"[\x00-\x7f’‘“”—–…\xa0]*")


def case_safe(text: str) -> bool:
    """Only ASCII and uncased punctuation: ``str.lower`` changes A-Z and nothing else."""
    return text.isascii() or _CASE_SAFE.fullmatch(text) is not None


def lower_findall(pattern: re.Pattern[str], text: str) -> list[str]:
    """``[w.lower().replace("’", "'") for w in pattern.findall(text)]``, for a pattern whose
    character sets hold both cases of every ASCII letter they hold, and treat ’ and ' alike
    (so lower-casing a text first changes no match): on such texts found on the lower-cased
    text at once."""
    if case_safe(text):
        return pattern.findall(text.lower().replace("’", "'"))
    return [w.lower().replace("’", "'") for w in pattern.findall(text)]


def tokenize(text: str, variant: str) -> list[str]:
    """The tokens of ``text`` by the named variant (see :data:`TOKENIZERS`)."""
    return tokenizer(variant)(text)
