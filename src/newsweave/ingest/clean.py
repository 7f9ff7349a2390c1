"""Scrape-noise removal: the lines a careful editor would strike before reading.

Works line by line so that what stays is verbatim source text. Each rule is a small,
named pattern; ``is_noise_line`` says which rule (if any) matched, which tests pin.
"""

from __future__ import annotations

import re

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+/?$", re.I)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.I)

# Exact-ish boilerplate, matched case-insensitively at the start of a line.
_PREFIXES: tuple[str, ...] = (
    "be the first to comment",
    "please check your e-mail",
    "please check your email",
    "originally published by",
    "originally published on",
    "originally appeared on",
    "this article originally appeared",
    "this story originally appeared",
    "about contributor",
    "about the author",
    "see other posts related to",
    "related posts",
    "related articles",
    "related stories",
    "related coverage",
    "read more",
    "click here",
    "tweet with a location",
    "you can add location information to your tweets",
    "add this tweet to your website",
    "this video is unavailable",
    "sorry, your browser",
    "your browser does not support",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "image caption",
    "media caption",
    "image copyright",
    "story highlights",
    "story continued below",
    "advertisement",
    "sign up",
    "subscribe",
    "follow us",
    "follow @",
    "share this",
    "share on",
    "share via",
    "email this",
    "print this",
    "log in to comment",
    "comments are closed",
    "leave a comment",
    "we welcome your comments",
    "all rights reserved",
    "copyright ©",
    "© ",
    "photo:",
    "photo credit",
    "photograph:",
    "file photo",
    "(photo",
    "[photo",
    "getty images",
    "ap photo",
    "reuters/",
    "filed under",
    "tags:",
    "starting in 1996, alexa internet",
    "the wayback machine",
    "these crawls are part of an effort",
    "continue reading",
    "next story",
    "previous story",
    "loading...",
    "more from",
    "watch:",
    "listen:",
    "trending:",
    "recommended:",
    "don't miss",
    "choose hope, bravery",
    "this material may not be published",
    "the associated press contributed",
    "have a news tip",
    "newsletter",
    "download our app",
    "get the latest",
    "join the conversation",
    # Multi-News scrapes (summarize helper): CNN galleries, NBC sign-up box, credits.
    "photos: photos:",
    "breaking news emails",
    "associated press writer",
    "watch more",
    # Video and gallery widgets, related-link lists, sign-up boxes (error analysis, q2).
    "must read article",
    "media playback is unsupported",
    "photo gallery",
    "newsletter sign up",
    "►",
    "you need the latest version of the adobe flash player",
    "(additional reporting by",
    "(reporting by",
    "(this version corrects",
    "(this article was originally published",
    "(also on politico",
    "you may also like",
    "if you have pictures or videos",
    "be sure to subscribe",
    "pics:",
    "more:",
)
_PREFIX_RE = re.compile(
    "|".join(re.escape(p) + (r"\b" if p[-1].isalnum() else "") for p in _PREFIXES), re.I
)

# Credits and captions anywhere on a short line.
_CREDIT = re.compile(
    r"\((?:photo|image|picture|video|credit)[^)]{0,80}\)\s*$|"
    r"\b(?:photo|image|picture)s? (?:by|courtesy of|credit)\b|"
    r"\b(?:getty images|ap photo|afp photo|reuters photo|shutterstock|epa-efe)\b",
    re.I,
)
# Widgets whose text is noise at any length: CNN photo galleries ("Hide Caption 4 of 76"),
# video players, sign-up forms.
_WIDGET = re.compile(
    r"\bhide caption \d+ of \d+\b|\bjust watched\b.{0,200}\breplay more videos\b|"
    r"media playback is unsupported on your device|please verify you're not a robot|"
    r"\ba post shared by\b.{0,100}\(@\w+\)|copy this code to your website|"
    r"^posted at \d{1,2}:\d{2}\s*[ap]\.?m\.?\s+(?:on|by)\b",
    re.I,
)
# Cheap test before the widget pattern: each of its alternatives contains one of these.
_WIDGET_KEYS = ("caption", "watched", "media playback", "robot", "post shared", "copy this",
                "posted at")
# A bracketed headline is a link to another story: "[Perez, White House begin road show]".
_BRACKETED = re.compile(r"^\[[^\[\]]{3,200}\]$")
# Error pages and web-archive notices: a whole paragraph of them is not article text.
_ERROR_PAGE = re.compile(
    r"^(?:these crawls are part of an effort|starting in 1996, alexa internet|"
    r"the ip address has changed\.?$|"  # the error page's heading, alone on its line
    r"the ip address (?:for this domain|has changed)\b(?=.{0,200}\bdns\b))",
    re.I,
)
# AP photo captions that end on a cut-off excerpt of the story: "... collapsing homes...
# (Associated Press)".
_AP_TEASER = re.compile(r"(?:\.\.\.|…)\s*\((?:associated press|ap)\)$", re.I)
_HANDLE_PROMO = re.compile(r"@\w{2,}", re.I)
_PROMO_WORDS = re.compile(r"\b(?:support(?:ing)?|donate|follow|subscribe|newsletter)\b", re.I)
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$|[\"”’]$")


def is_noise_line(line: str, *, first: bool = False) -> str | None:
    """Return the name of the rule that marks ``line`` as scrape noise, else None."""
    s = line.strip()
    if not s:
        return None
    if _DOMAIN.match(s) or _URL_ONLY.match(s):
        return "domain"
    if set(s) <= set("_-=*~#|•·. "):
        return "rule"
    words = s.split()
    low = s.lower()
    if any(k in low for k in _WIDGET_KEYS) and _WIDGET.search(s):
        return "widget"
    if _ERROR_PAGE.match(s):
        return "error-page"
    if s.endswith(")") and _AP_TEASER.search(s[-40:]):
        return "credit"
    if _BRACKETED.match(s) and len(words) <= 25:
        return "related"
    if _PREFIX_RE.match(s) and len(words) <= 40:
        return "boilerplate"
    if len(words) <= 25 and _CREDIT.search(s):
        return "credit"
    if len(words) <= 25 and _HANDLE_PROMO.search(s) and _PROMO_WORDS.search(s):
        return "promo"
    if not first and len(words) <= 8 and not _SENTENCE_END.search(s) and not s.endswith(":"):
        # Short lines without sentence punctuation inside a body: captions, headers, bylines.
        return "caption"
    if len(words) <= 25 and s.endswith(("...", "…")) and not s.startswith(("\"", "“")):
        # Truncated link teasers ("Amanda Seyfried Took Her Husband To The Bache...").
        return "teaser"
    if s.lower().startswith(("by ", "written by ")) and len(words) <= 6:
        return "byline"
    return None


def clean_lines(text: str, title: str = "") -> tuple[str, list[tuple[str, str]]]:
    """Drop noise and repeated lines; return the cleaned text and the (rule, line) dropped.

    Paragraph structure survives as blank lines between kept lines.
    """
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []  # (rule, line)
    seen: set[str] = set()
    title_key = title.strip().lower()
    title_words = set(_WORD.findall(title_key))
    first = not title_key
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        key = line.lower()
        rule = is_noise_line(line, first=first)
        first = False
        # Scrapes repeat paragraphs and re-print the headline at the end; keep the first copy.
        repeated = key in seen and len(line.split()) >= 4
        if title_key and (key == title_key or _like_title(key, title_words)):
            rule = "title-repeat"
        elif repeated:
            rule = "repeat"
        if rule:
            dropped.append((rule, line))
            continue
        seen.add(key)
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    return "\n".join(kept), dropped


def _like_title(line: str, title_words: set[str]) -> bool:
    """A headline re-printed with small edits ("Largest" -> "Last")."""
    words = set(_WORD.findall(line))
    if len(words) < 3 or len(words) > 25 or not title_words or _SENTENCE_END.search(line):
        return False
    return len(words & title_words) / len(words | title_words) >= 0.6
