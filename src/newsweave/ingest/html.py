"""HTML -> main text and metadata with trafilatura, guarded against what lxml drops.

lxml silently loses text nested deeper than 255 levels and text nodes over 10 MB, and a
library call may not return on hostile markup. We measure depth first, run trafilatura in a
worker process with a deadline (a page that overruns it ends the process, never a thread of
ours), and fall back to a flat, depth-free scan that keeps every text node; a fallback is
flagged on the article. Every scan here is linear in the size of the page: no regex can
backtrack and no construct is re-read (the stdlib ``html.parser`` is
quadratic on unclosed comments and tags, so it is not used).
"""

from __future__ import annotations

import atexit
import html as htmllib
import logging
import multiprocessing as mp
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from newsweave.children import child_ignores_interrupt, signals_held

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


# Seconds a new worker may take to start and import trafilatura (not counted against a
# page's extract_seconds: a cold start on a loaded machine is not the page's fault).
WORKER_START_SECONDS = 120.0


def _serve(conn: Connection, target: Callable[[str, str | None], HtmlDoc | None]) -> None:
    """Worker process: extract every page sent until the pipe closes (Ctrl-C is its
    parent's to act on: see :mod:`newsweave.children`)."""
    child_ignores_interrupt()
    try:
        import trafilatura  # noqa: F401 - loaded before "ready", outside any page's deadline
    except ImportError:  # pragma: no cover - a dependency
        pass
    conn.send("ready")
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        try:
            doc = target(*msg)
            conn.send(("ok", None if doc is None else _as_tuple(doc)))
        except BaseException as exc:  # noqa: BLE001 - any library failure: the flat fallback
            conn.send(("error", f"{exc.__class__.__name__}: {exc}"))


def _as_tuple(doc: HtmlDoc) -> tuple[Any, ...]:
    return (doc.text, doc.title, doc.source, doc.url, doc.published, doc.flags)


class HtmlWorker:
    """Runs trafilatura in a separate process, reused across pages, so a page that overruns
    its deadline is stopped by ending that process: nothing is interrupted inside this one
    (no lock left held, no thread left running). The next page starts a fresh worker.

    One page at a time per worker (callers in several threads take turns). In a daemonic
    process (which may not start children, e.g. a process-pool worker) pages are extracted
    in this process without a time bound.
    """

    def __init__(self, target: Callable[[str, str | None], HtmlDoc | None] | None = None
                 ) -> None:
        self.target = target or _trafilatura
        self._lock = threading.Lock()
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None
        self._pid = os.getpid()
        self.started = 0  # worker processes started (one more after every timeout)

    def extract(self, html: str, url: str | None, seconds: float) -> tuple[bool, HtmlDoc | None]:
        """(finished in time, document or None when the library failed or found nothing)."""
        if mp.current_process().daemon:
            try:
                return True, self.target(html, url)
            except Exception as exc:  # noqa: BLE001 - any library failure falls back
                log.debug("trafilatura failed: %r", exc)
                return True, None
        with self._lock:
            conn = self._ensure()
            try:
                conn.send((html, url))
                if not conn.poll(seconds):
                    self._stop(kill=True)
                    return False, None
                status, value = conn.recv()
            except (EOFError, OSError, BrokenPipeError) as exc:  # the worker died (a crash)
                log.debug("html worker died: %r", exc)
                self._stop(kill=True)
                return True, None
        if status != "ok":
            log.debug("trafilatura failed: %s", value)
            return True, None
        return True, None if value is None else HtmlDoc(*value)

    def _ensure(self) -> Connection:
        if self._pid != os.getpid():  # inherited by fork: that worker belongs to the parent
            self._proc, self._conn, self._pid = None, None, os.getpid()
        if self._proc is not None and self._conn is not None and self._proc.is_alive():
            return self._conn
        self._stop(kill=True)
        ctx = mp.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_serve, args=(child, self.target), daemon=True,
                           name="newsweave-html")
        with signals_held():  # (none cut off half-started)
            proc.start()
        child.close()
        self.started += 1
        try:
            ready = parent.poll(WORKER_START_SECONDS) and parent.recv() == "ready"
        except (EOFError, OSError):  # it died while starting
            ready = False
        if not ready:
            proc.kill()
            raise OSError("the HTML extraction worker did not start")
        self._proc, self._conn = proc, parent
        return parent

    def _stop(self, kill: bool = False) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            try:
                if not kill:
                    conn.send(None)
                conn.close()
            except OSError:
                pass
        if proc is not None:
            if kill:
                proc.kill()
            proc.join(5)

    def close(self) -> None:
        """End the worker process (a later page starts a new one)."""
        with self._lock:
            self._stop()

    def __enter__(self) -> HtmlWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_default: HtmlWorker | None = None
_default_lock = threading.Lock()


def default_worker() -> HtmlWorker:
    """The worker process of this process's extractions (started on first use, ended at
    exit): a running resource shared by callers, not a cache of results."""
    global _default
    with _default_lock:
        if _default is None:
            _default = HtmlWorker()
            atexit.register(_default.close)
        return _default


def extract_html(html: str, url: str | None = None, seconds: float = 5.0,
                 worker: HtmlWorker | None = None) -> HtmlDoc:
    """Main text and metadata of an HTML page; never drops deep or huge text silently.

    trafilatura runs in ``worker`` (default: :func:`default_worker`); past ``seconds`` the
    worker is ended and the page is read by the flat fallback, flagged
    ``extraction-timeout-recovered``.
    """
    depth = nesting_depth(html, stop_at=_LXML_MAX_DEPTH + 1)
    if depth > _LXML_MAX_DEPTH:
        return _flagged(flat_extract(html), "deep-html-recovered")
    if _longest_text_run(html) >= _HUGE_TEXT_NODE:
        return _flagged(flat_extract(html), "huge-text-node-recovered")
    try:
        finished, doc = (worker or default_worker()).extract(html, url, seconds)
    except OSError as exc:  # no worker process could be started
        log.warning("html extraction worker unavailable (%s): flat extraction", exc)
        return _flagged(flat_extract(html), "fallback-extraction")
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
