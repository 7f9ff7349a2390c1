"""Sentence segmentation with character offsets, in linear time.

A hand-written splitter rather than pysbd (which hangs on some inputs, its issue #79): we scan
terminal punctuation runs with non-overlapping matches and look at the neighbouring
characters with plain indexing, so no input can make a regex backtrack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsweave.text.vocabulary import ABBREVIATIONS
from newsweave.types import Article, Sentence

_TERMINAL = re.compile(r"[.!?\u3002\uff01\uff1f\u0964\u061f\u06d4]+")
_CJK_TERMINAL = frozenset("\u3002\uff01\uff1f")
_CLOSERS = frozenset("\"'”’»)]")
_OPENERS = frozenset("\"'“‘«([")
_ABBREV = ABBREVIATIONS
_WS = " \t\n"
_DASHES = frozenset("—–-")
# A dateline before its dash: "NASHVILLE, Tenn. — A father ..." (city in capitals, state).
_DATELINE = re.compile(r"[A-Z][A-Z.' -]{1,40},(?: [A-Z][a-z]{1,4}\.){1,2}")
# ... or before a wire credit and its dash: "NASHVILLE, Tenn. (AP) — A father ...".
_WIRE = re.compile(r"\((?:AP|Reuters|AFP|UPI|CNN)\)\s*[—–-]")


def _token_before(text: str, pos: int, lo: int) -> str:
    """The token that ends at ``pos`` (exclusive), at most 12 chars back, lower-cased."""
    i = pos
    floor = max(lo, pos - 12)
    while i > floor and text[i - 1] not in _WS and text[i - 1] not in _OPENERS:
        i -= 1
    return text[i:pos].lower()


def _is_boundary(
    text: str, m: re.Match[str], lo: int, hi: int, start: int | None = None
) -> int | None:
    """If the punctuation run ``m`` ends a sentence, return the end offset (after closers);
    ``start`` is where the current sentence began (default ``lo``)."""
    end = m.end()
    run = m.group()
    while end < hi and text[end] in _CLOSERS:
        end += 1
    if run[-1] in _CJK_TERMINAL:
        return end
    if end >= hi:
        return end
    if text[end] not in _WS:
        return None
    nxt = end
    while nxt < hi and text[nxt] in _WS:
        nxt += 1
    if nxt >= hi:
        return end
    c = text[nxt]
    if c == "." and run[-1] == ".":
        return None  # a spaced ellipsis (". . .") goes on
    if c in _OPENERS and nxt + 1 < hi:
        c = text[nxt + 1]
    dash = c in _DASHES
    if dash and nxt + 2 < hi and text[nxt + 1] == " ":
        c = text[nxt + 2]  # "... Tenn. — and ..." goes on
    if c.islower():
        return None
    if run.endswith("...") or (run == "." and text[m.start() - 2 : m.start()] == ". "):
        if _inside_quote(text, lo if start is None else start, m.start(), end, hi):
            return None  # '"... play games. ... He walks away from bad deals."': one quote
    if run == ".":
        tok = _token_before(text, m.start(), lo)
        if tok in _ABBREV or (len(tok) == 1 and tok.isalpha()):
            return None
        if len(tok) <= 4 and "." in tok and tok.replace(".", "").isalpha():
            return None  # initials such as "J.R." or "U.S."
        parts = tok.split(".-")
        if len(parts) > 1 and all(p in _ABBREV for p in parts):
            return None  # joined titles such as "Det.-Sgt."
        if (dash or _WIRE.match(text, nxt)) and _DATELINE.fullmatch(
            text, lo if start is None else start, end
        ):
            return None
    return end


def _inside_quote(text: str, start: int, pos: int, end: int, hi: int) -> bool:
    """A quotation opened in ``text[start:pos]`` is still open and closes later on the line
    (within 300 characters): an ellipsis there marks words left out, not a sentence end.
    Only the last 600 characters are counted, so a long line of ellipses stays linear."""
    before = text[max(start, pos - 600) : pos]
    straight_open = before.count('"') % 2 == 1
    curly_open = before.count("\u201c") > before.count("\u201d")
    after = text[end : min(hi, end + 300)]
    return (straight_open and '"' in after) or (curly_open and "\u201d" in after)


def _split_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long span at clause breaks, then spaces, then hard, keeping offsets."""
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = -1
        for sep in ("; ", ", ", " "):
            k = window.rfind(sep, max_chars // 2)
            if k > 0:
                cut = start + k + len(sep.rstrip())
                break
        if cut <= start:
            cut = start + max_chars
        yield start, cut
        start = cut
        while start < end and text[start] in _WS:
            start += 1
    if start < end:
        yield start, end


def split_spans(text: str, max_chars: int = 1000) -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, paragraph)`` of every sentence; lines are paragraph breaks."""
    paragraph = 0
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        lo, hi = pos, line_end
        while lo < hi and text[lo] in _WS:
            lo += 1
        while hi > lo and text[hi - 1] in _WS:
            hi -= 1
        if lo < hi:
            s = lo
            for m in _TERMINAL.finditer(text, lo, hi):
                e = _is_boundary(text, m, lo, hi, s)
                if e is None:
                    continue
                if 0 < e - s <= max_chars:  # most sentences: what ``_split_long`` yields
                    yield s, e, paragraph
                else:
                    yield from ((a, b, paragraph) for a, b in _split_long(text, s, e, max_chars))
                s = e
                while s < hi and text[s] in _WS:
                    s += 1
            if s < hi and hi - s <= max_chars:
                yield s, hi, paragraph
            elif s < hi:
                yield from ((a, b, paragraph) for a, b in _split_long(text, s, hi, max_chars))
            paragraph += 1
        pos = line_end + 1


def split_sentences(article: Article, max_chars: int = 1000) -> list[Sentence]:
    """Sentences of ``article`` with exact offsets: ``article.text[s.start:s.end] == s.text``."""
    text = article.text
    return [
        Sentence(article.id, i, a, b, text[a:b], paragraph)
        for i, (a, b, paragraph) in enumerate(split_spans(text, max_chars))
    ]
