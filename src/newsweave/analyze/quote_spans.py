"""Where the direct quotations of a text are, and which quoted words are no quotation.

:func:`quote_spans` finds quotations with curly or straight marks (a quotation left open at
its paragraph's end is continued by the next paragraph's opening mark); :func:`is_quote`
tells speech from a quoted word or a title ("Born This Way"); :func:`titled` tells a title
or headline the text names as such ('the story titled "…"', '"…," by Phil Rucker:').
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def opens(text: str, pos: int, width: int = 1) -> bool:
    """A straight quote mark at ``pos`` opens a quotation (space or start before it)."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + width] if pos + width < len(text) else " "
    if before in '.!?"' and after.isupper():
        return True  # glued to the sentence before: 'on Wednesday."He was proud," said …'
    return (before.isspace() or before in "([{—–-/:;,") and not after.isspace()


def _reopens(text: str, pos: int) -> bool:
    """A straight mark after a finished sentence and a space, before a capital, opens."""
    if not (pos >= 2 and text[pos - 1] == " " and text[pos - 2] in ".!?" and (
            text[pos + 1: pos + 2].isupper())):
        return False
    nxt = text.find('"', pos + 1)  # '… entry. "Keep Out" was painted …': a quote inside
    return nxt < 0 or not (text[nxt - 1].isalnum() and re.match(r"\s+[a-z]", text[nxt + 1:]))


def quote_spans(text: str) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, inner text, continued) of quotations, curly or straight.

    A quotation left open at the end of its paragraph ends there; the next paragraph's
    opening quote mark then continues it (``continued``), the newspaper convention for a
    quote running over several paragraphs. Two closing single marks close a quotation
    opened by a double one (“…’’, a house style of some papers), and two straight single
    marks quote like a double one (''…'').
    """
    open_at: int | None = None
    open_mark = ""
    carry = False
    left_open = -1  # end of a quotation left open at its paragraph's end
    for m in re.finditer("’’|''|[“”\"]|\ufffd\\?", text):
        pos, ch = m.start(), m.group()
        width = len(open_mark)
        if ch[0] == "\ufffd":  # a scraped closing mark, "…,\ufffd? Carson said"
            if open_at is None or text.find("\n", open_at, pos) >= 0:
                continue
            yield open_at, m.end(), text[open_at + width: pos], carry
            open_at, left_open = None, -1
            continue
        if open_at is None and ch == "’’":
            continue  # a possessive or an apostrophe, not a quotation
        if open_at is not None and ch in ("’’", "''") and (ch == "''") != (open_mark == "''"):
            continue  # "…’’" closes “ or ", "''" closes only ''
        if open_at is not None and open_mark == "''" and ch != "''":
            continue  # a double mark inside a ''…'' quotation
        if open_at is not None:
            brk = text.find("\n", open_at, pos)
            if brk >= 0:
                inner = text[open_at + width: brk]
                if inner.strip():
                    yield open_at, brk, inner, carry
                left_open, open_at = brk, None
            elif ch == '"' and _reopens(text, pos):
                # '… in Tora Bora. "He is here," Mr Amin said': a paragraph break the text
                # lost; the open quotation ran to here and this mark continues it
                yield open_at, pos - 1, text[open_at + width: pos - 1], carry
                open_at, open_mark, carry = pos, ch, True
                continue
            elif ch != "“":
                yield open_at, m.end(), text[open_at + width: pos], carry
                open_at, left_open = None, -1
                continue
        if open_at is None and (ch == "“" or (ch in ('"', "''") and opens(text, pos, len(ch)))):
            para_start = text.rfind("\n", 0, pos) + 1
            carry = left_open >= 0 and not text[para_start:pos].strip() and (
                not text[left_open:para_start].strip())
            open_at, open_mark = pos, ch
            left_open = -1
        elif ch == "“":
            open_at, open_mark = pos, ch
    if open_at is not None:
        inner = text[open_at + len(open_mark):]
        cut = inner.find("\n")
        inner = inner if cut < 0 else inner[:cut]
        if inner.strip():
            yield open_at, open_at + len(open_mark) + len(inner), inner, carry


def is_quote(inner: str, text: str, start: int) -> bool:
    words = inner.split()
    if len(words) < 3 or title_like(inner) or re.match(r"\s*[.,;:]\s", inner):
        return False  # '“. Buyers should expect …': the text between two quotations
    before = text[max(0, start - 200):start].rstrip(" \t")
    opens_clause = not before.strip() or before[-1] == "\n" or (
        before.rstrip()[-1] in ",:.!?—–-”\"")
    return inner.lstrip("…. [(")[:1].isupper() and (opens_clause or len(words) >= 6) or (
        len(words) >= 8
    )


# a title or headline named as such: 'The story titled "…"', 'The original headline stated:
# "…"', 'WashPost A1, "Parties can't even agree …," by Phil Rucker:' (a digest's headline),
# 'the phrase "…"', 'a lead tagline on the other side: "…"'
_TITLED_BEFORE = re.compile(r"\b(?:titled|entitled|headlined|headline|headlines|banner|"
                            r"headline (?:read|reads|stated|states|said|says|was)|"
                            r"(?:the|a|this)\s+(?:phrase|expression|slogan|motto|hashtag))\s*[,:]?\s*$"
                            r"|\b(?:tagline|slogan|motto)\b[^.!?“”\"\n]{0,40}:\s*$", re.IGNORECASE)
_BYLINE_AFTER = re.compile(r"^\s*,?\s*by\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*\s*[:(]")


def titled(text: str, qs: int, qe: int) -> bool:
    """The quotation is a named title or a headline followed by its byline, not speech."""
    return bool(_TITLED_BEFORE.search(text[max(0, qs - 40):qs])
                or _BYLINE_AFTER.match(text[qe: qe + 80]))


def title_like(inner: str) -> bool:
    """"Born This Way", "He's a Kennedy - He'll Make It.": a title or headline."""
    words = re.findall(r"[A-Za-z][\w'’-]*", inner)
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and len(words) <= 16 and all(w[0].isupper() for w in long_words)
