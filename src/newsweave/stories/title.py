"""A story's title: a clean headline, not the scrape noise a page's first line often is.

Scraped first lines carry share widgets ("Enlarge icon Pinterest icon Facebook icon..."),
bylines ("By By Karen Graham Oct 31, 2015 in Entertainment"), labels ("Story highlights",
"Image copyright @x Image caption") and credits ("Photo: Google"). ``story_title`` strips
those from the article's title; when nothing clean is left it takes the first prose sentence
of the text, cut at a word boundary (a hard cap of ``MAX_WORDS`` words).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsweave.ingest.clean import is_noise_line

if TYPE_CHECKING:
    import sqlite3

MAX_WORDS = 40

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_NAME = r"(?!" + _MONTH + r"\s+\d)[A-Z][\w.'’-]*"
_DATE = _MONTH + r"\s+\d{1,2},?\s+\d{4}"
# Leading noise, removed repeatedly (order does not matter; each removes a prefix).
_LEADING = (
    # Share-widget icon runs: "Enlarge icon Pinterest icon Facebook icon Close icon".
    re.compile(r"^(?:[\w+-]+\s+icon\b[\s,|]*)+", re.I),
    re.compile(r"^\((?:CNN|AP|Reuters|AFP)\)\s*[-—–]*\s*"),
    re.compile(r"^story\s+highlights\b[\s:]*", re.I),
    re.compile(r"^image\s+copyright\s+\S+(?:\s+image\s+caption\b)?[\s:]*", re.I),
    re.compile(r"^image\s+caption\b[\s:]*", re.I),
    re.compile(r"^(?:updated|published|posted)(?:\s+on)?\s+" + _DATE + r"[\s,|:-]*", re.I),
    # Bylines: "By By Karen Graham Oct 31, 2015 in Entertainment", "By Jane Doe, CNN".
    re.compile(
        r"^(?:[Bb]y\s+)+" + _NAME + r"(?:\s+" + _NAME + r"){0,3}"
        r"(?:\s*,\s*[A-Z][\w&.-]*)?"
        r"(?:\s+" + _DATE + r")?"
        r"(?:\s+in\s+[A-Z][\w&-]*)?[\s|:-]*"
    ),
)
# A whole title that is only a label or credit: "Photo", "Photo: Google, example.co.uk".
_ONLY_NOISE = re.compile(
    r"^(?:photo|photos|video|image|watch|listen|advertisement|close|share|enlarge)"
    r"(?:\s*:.*)?$", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# Tokens whose period does not end a sentence: "Sen.", "U.S.", "S.", "Mr.", "Jan.".
_ABBREV = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)+[A-Za-z]|\bst|\bno|\bvs)\.$")


def clean_title(title: str) -> str:
    """``title`` with leading widget, byline and label noise removed ("" if all noise)."""
    s = " ".join(title.split())
    while s:
        for pat in _LEADING:
            m = pat.match(s)
            if m and m.end() > 0:
                s = s[m.end():].lstrip(" -|:")
                break
        else:
            break
    if not s or _ONLY_NOISE.match(s) or is_noise_line(s, first=True):
        return ""
    if not any(ch.isalpha() for ch in s):
        return ""
    return s


def cut_words(text: str, words: int = MAX_WORDS) -> str:
    """``text`` cut to ``words`` words at a word boundary.

    No "…" is added: the stored title is the full headline (``stories --format json`` shows
    it whole); displays that need less cut it themselves."""
    return " ".join(text.split()[:words])


def first_sentence(text: str) -> str:
    """The first prose sentence of ``text``: from the first line that is not noise."""
    for line in text.split("\n"):
        s = clean_title(line)
        if not s or len(s.split()) < 4:
            continue
        return _cut_sentence(s)
    return ""


def _cut_sentence(s: str) -> str:
    """The first sentence of ``s`` (at least four words), not cut after an abbreviation."""
    for m in _SENTENCE_END.finditer(s):
        head = s[: m.start() + 1]
        if head.endswith(".") and _ABBREV.search(head):
            continue
        if len(head.split()) >= 4:
            return s[: m.end()].rstrip()
    return s


def story_title(title: str, text: str, words: int = MAX_WORDS) -> str:
    """A clean headline for a story from an article's ``title`` and ``text``."""
    clean = clean_title(title)
    if not clean or len(clean.split()) > 2 * words:
        clean = first_sentence(text) or clean
    return cut_words(clean, words) if clean else ""


def retitle_stories(conn: sqlite3.Connection) -> int:
    """Recompute every story's title with :func:`story_title` from the article that gave it
    (the first one stored in that story); run once when a store made by an older newsweave
    is opened (schema migration 3 -> 4). Returns how many titles changed."""
    rows = conn.execute(
        "SELECT s.id, s.title, a.title, a.text FROM story s JOIN article a ON a.seq = "
        "(SELECT min(seq) FROM article WHERE story = s.id)"
    ).fetchall()
    changed = 0
    for sid, old, title, text in rows:
        new = story_title(title or "", text or "")
        if new and new != old:
            conn.execute("UPDATE story SET title = ? WHERE id = ?", (new, sid))
            changed += 1
    return changed
