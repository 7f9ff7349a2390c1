"""HTML -> main text and metadata with trafilatura, guarded against what lxml drops.

lxml silently loses text nested deeper than 255 levels and text nodes over 10 MB, and a
library call may not return on hostile markup. We measure depth first, run trafilatura in a
daemon thread with a deadline, and fall back to a flat, depth-free scan that keeps every
text node; a fallback is flagged on the article. Every scan here is linear in the size of
the page: no regex can backtrack and no construct is re-read (the stdlib ``html.parser`` is
quadratic on unclosed comments and tags, so it is not used).
"""

from __future__ import annotations

import ctypes
import html as htmllib
import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

_LXML_MAX_DEPTH = 255
# A text node this large is not article markup trafilatura can judge, and it is slow there
# (about 0.7 s per MB); lxml itself truncates text nodes at 10 MB.
_HUGE_TEXT_NODE = 1_000_000
# Tag openers: comment, end tag, start tag, declaration or processing instruction.
_OPEN = re.compile(r"<(?:!--|/?[a-zA-Z][a-zA-Z0-9:_-]*|![a-zA-Z\[]|\?)")
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_BLOCK = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 tr section article header footer blockquote pre "
    "table ul ol dl dt dd figure figcaption main aside nav hr".split()
)
_SKIP = frozenset("script style noscript template svg textarea iframe object".split())
_SPACES = re.compile(r"[ \t\f\v]+")
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


@dataclass(frozen=True, slots=True)
class HtmlDoc:
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str | None = None
    flags: tuple[str, ...] = ()


def _tags(html: str) -> Any:
    """Yield ``(start, end, token)`` of every tag-like construct, in one linear pass.

    A construct runs to the next ``>`` (``-->`` for comments); past the last ``>`` of the
    page nothing can close, so the rest is text. ``token`` is the opener matched.
    """
    last = html.rfind(">")
    pos = 0
    while pos <= last:
        m = _OPEN.search(html, pos, last + 1)
        if m is None:
            return
        opener = m.group()
        if opener == "<!--":
            close = html.find("-->", m.end())
            end = close + 3 if close >= 0 else html.find(">", m.end()) + 1
        else:
            end = html.find(">", m.end()) + 1
        if end <= 0:  # cannot happen before ``last``; guards the invariant
            return
        yield m.start(), end, opener
        pos = end


def nesting_depth(html: str, stop_at: int = 10_000) -> int:
    """Approximate maximum element depth (linear scan of tags; stops early past ``stop_at``).

    Unclosed ``<p>``/``<li>`` count as nesting, so the estimate errs high: a page is sent
    to the depth-free fallback rather than losing text.
    """
    depth = best = 0
    for _start, end, opener in _tags(html):
        if opener[1] in "!?":
            continue
        name = opener[1:].lstrip("/").lower()
        if opener[1] == "/":
            depth = max(0, depth - 1)
        elif name not in _VOID and html[end - 2] != "/":
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


def _skip_to_close(html: str, name: str, pos: int) -> int:
    """Offset after ``</name ...>`` (case-insensitive) at or after ``pos``; end if unclosed."""
    m = re.compile(rf"</{re.escape(name)}[\s/>]", re.I).search(html, pos)
    if m is None:
        return len(html)
    gt = html.find(">", m.end() - 1)
    return len(html) if gt < 0 else gt + 1


def flat_extract(html: str) -> HtmlDoc:
    """Visible text of any depth and size, block tags as line breaks, in linear time."""
    parts: list[str] = []
    title: list[str] = []
    pos = 0
    for start, end, opener in _tags(html):
        if start < pos:  # inside a skipped element
            continue
        if start > pos:
            parts.append(html[pos:start])
        pos = end
        if opener[1] in "!?":
            continue
        name = opener[1:].lstrip("/").lower()
        closing = opener[1] == "/"
        if not closing and name == "title":
            stop = _skip_to_close(html, "title", end)
            inner = html[end:stop]
            lt = inner.lower().rfind("</title")
            title.append(inner[:lt] if lt >= 0 else inner)
            pos = stop
        elif not closing and name in _SKIP and html[end - 2] != "/":
            pos = _skip_to_close(html, name, end)
        elif name in _BLOCK:
            parts.append("\n")
    if pos < len(html):
        parts.append(html[pos:])
    text = htmllib.unescape("".join(parts))
    text = _BLANKS.sub("\n\n", _SPACES.sub(" ", text)).strip()
    title_text = " ".join(htmllib.unescape("".join(title)).split())
    return HtmlDoc(text=text, title=title_text)


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


class ExtractionTimeout(Exception):
    """Raised inside an abandoned extraction thread to stop it at its next Python step."""


def _interrupt(thread: threading.Thread) -> None:
    """Ask ``thread`` to raise :class:`ExtractionTimeout`; it does once it runs Python code
    again (a C call already running, e.g. inside lxml, finishes first)."""
    ident = thread.ident
    if ident is None:
        return
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(ExtractionTimeout)
    )


def _with_deadline(fn: Any, seconds: float, *args: Any) -> tuple[bool, Any]:
    """Run ``fn`` in a daemon thread; (finished, result). An overrun thread is interrupted
    and abandoned: the caller goes on at the deadline whatever the thread does."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn(*args)
        except ExtractionTimeout:
            log.debug("abandoned extraction stopped")
        except BaseException as exc:  # noqa: BLE001 - any library failure falls back
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True, name="newsweave-html")
    t.start()
    t.join(seconds)
    if t.is_alive():
        _interrupt(t)
        return False, None
    if "error" in box:
        log.debug("trafilatura failed: %r", box["error"])
        return True, None
    return True, box.get("value")


def extract_html(html: str, url: str | None = None, seconds: float = 5.0) -> HtmlDoc:
    """Main text and metadata of an HTML page; never drops deep or huge text silently."""
    depth = nesting_depth(html, stop_at=_LXML_MAX_DEPTH + 1)
    if depth > _LXML_MAX_DEPTH:
        return _flagged(flat_extract(html), "deep-html-recovered")
    if _longest_text_run(html) >= _HUGE_TEXT_NODE:
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
