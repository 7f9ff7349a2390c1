"""HTML -> main text and metadata with trafilatura, guarded against what lxml drops.

lxml silently loses text nested deeper than 255 levels and text nodes over 10 MB, and a
library call may not return on hostile markup. We measure depth first, run trafilatura in a
daemon thread with a deadline, and fall back to a flat, depth-free parse (stdlib
``html.parser``) that keeps every text node; a fallback is flagged on the article.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

log = logging.getLogger(__name__)

_LXML_MAX_DEPTH = 255
_LXML_MAX_TEXT_NODE = 10_000_000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


@dataclass(frozen=True, slots=True)
class HtmlDoc:
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str | None = None
    flags: tuple[str, ...] = ()


def nesting_depth(html: str, stop_at: int = 10_000) -> int:
    """Approximate maximum element depth (linear scan of tags; stops early past ``stop_at``)."""
    depth = best = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(3) and name not in _VOID:
            depth += 1
            if depth > best:
                best = depth
                if best >= stop_at:
                    break
    return best


def _longest_text_run(html: str) -> int:
    best = 0
    pos = 0
    n = len(html)
    while pos < n:
        lt = html.find("<", pos)
        end = n if lt < 0 else lt
        best = max(best, end - pos)
        if lt < 0:
            break
        gt = html.find(">", lt)
        pos = n if gt < 0 else gt + 1
    return best


class _FlatText(HTMLParser):
    """Collects visible text of any depth; block tags become line breaks."""

    _BLOCK = frozenset(
        "p div br li h1 h2 h3 h4 h5 h6 tr section article header footer blockquote".split()
    )
    _SKIP = frozenset("script style noscript template svg head".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def flat_extract(html: str) -> HtmlDoc:
    parser = _FlatText()
    parser.feed(html)
    parser.close()
    text = re.sub(r"[ \t]+", " ", "".join(parser.parts))
    text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    return HtmlDoc(text=text, title=" ".join("".join(parser.title).split()))


def _trafilatura(html: str, url: str | None) -> HtmlDoc | None:
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        return None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        return None
    return HtmlDoc(
        text=text,
        title=get("title") or "",
        source=get("sitename") or get("hostname") or "",
        url=get("url") or url or "",
        published=get("date") or None,
    )


def _with_deadline(fn: Any, seconds: float, *args: Any) -> tuple[bool, Any]:
    """Run ``fn`` in a daemon thread; (finished, result). An overrun thread is abandoned."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn(*args)
        except Exception as exc:  # noqa: BLE001 - any library failure falls back
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True, name="newsweave-html")
    t.start()
    t.join(seconds)
    if t.is_alive():
        return False, None
    if "error" in box:
        log.debug("trafilatura failed: %s", box["error"])
        return True, None
    return True, box.get("value")


def extract_html(html: str, url: str | None = None, seconds: float = 10.0) -> HtmlDoc:
    """Main text and metadata of an HTML page; never drops deep or huge text silently."""
    depth = nesting_depth(html, stop_at=_LXML_MAX_DEPTH + 1)
    if depth > _LXML_MAX_DEPTH:
        return _flagged(flat_extract(html), "deep-html-recovered")
    if _longest_text_run(html) >= _LXML_MAX_TEXT_NODE:
        return _flagged(flat_extract(html), "huge-text-node-recovered")
    finished, doc = _with_deadline(_trafilatura, seconds, html, url)
    if not finished:
        return _flagged(flat_extract(html), "extraction-timeout-recovered")
    if doc is None:
        return _flagged(flat_extract(html), "fallback-extraction")
    if not doc.title:
        fallback_title = flat_extract(html[:200_000]).title
        doc = HtmlDoc(doc.text, fallback_title, doc.source, doc.url, doc.published, doc.flags)
    return doc


def _flagged(doc: HtmlDoc, flag: str) -> HtmlDoc:
    log.info("html extraction: %s", flag)
    return HtmlDoc(doc.text, doc.title, doc.source, doc.url, doc.published, doc.flags + (flag,))
