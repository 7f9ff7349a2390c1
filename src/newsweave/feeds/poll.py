"""Polling feeds: feed documents -> new entries -> pages -> articles in the story store.

One poll (:func:`poll_feeds`):

1. fetches the document of every selected feed (conditional GET with the ETag and
   Last-Modified it gave last time; a 304 costs no parsing and no page), in parallel over
   hosts, and records each feed's outcome; a broken feed (HTTP error, timeout, TLS error,
   malformed XML, an HTML page) is recorded with its error and the others go on;
2. records the entries not seen before (``feed_entry``), keyed by the entry id or link;
3. fetches the pages of every pending entry of the selected feeds, oldest publication date
   first (undated last), each canonical URL once even when several feeds list it, and skips
   a page whose canonical URL is already an article of the store;
4. ingests each page's article (story clustering, one commit per article), in that order
   whatever order the pages arrive in, so the same feeds give the same stories.

A page that fails stays ``pending`` and is tried again on the next poll, ``max_attempts``
times in all, then it is ``failed``; a page refused for what it is (a PDF, an image, over
the size limit, disallowed by robots.txt) is ``skipped`` at once. Setting ``stop`` ends the
poll after the article being ingested (nothing half-stored: each article is one commit and
its entries are marked after it; a rerun finds the article and only marks them).

The library never prints: progress goes to ``on_event``, results are returned.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

from newsweave.errors import FeedError, FetchError, NewsweaveError
from newsweave.feeds.registry import Feed, ensure_schema, list_feeds
from newsweave.ingest.web import (
    FEED_TYPES,
    PAGE_TYPES,
    Fetcher,
    FetchOptions,
    Page,
    article_from_page,
    canonical_url,
    to_utc,
)
from newsweave.options import Limits, _check_range
from newsweave.stories.options import StoryOptions
from newsweave.stories.store import Store, now_iso
from newsweave.types import Article

PAUSED = "; paused by the server"  # ends last_status when Retry-After set next_due
log = logging.getLogger(__name__)
# Refused for what the page is: trying again would get the same answer.
SKIP_KINDS = frozenset({"content-type", "too-large", "robots", "bad-url", "no-text",
                        "undecodable"})


@dataclass(frozen=True, slots=True)
class PollOptions:
    """How feeds are polled. Documented in docs/feeds.md."""

    fetch: FetchOptions = FetchOptions()
    limits: Limits = Limits()
    stories: StoryOptions = StoryOptions()
    max_attempts: int = 3  # tries of one page over successive polls before it is failed
    workers: int = 4  # pages fetched and extracted at once (per host: fetch.host_concurrency)
    every: float = 900.0  # seconds from one poll of a feed to when it is next due
    max_entries: int = 500  # entries read from one feed document (the first ones)

    def __post_init__(self) -> None:
        _check_range("max_attempts", self.max_attempts, 1, 100)
        _check_range("workers", self.workers, 1, 64)
        _check_range("every", self.every, 1.0, 30 * 86_400.0)
        _check_range("max_entries", self.max_entries, 1, 100_000)


@dataclass(slots=True)
class FeedResult:
    """What one poll did with one feed (pages count where they were first listed)."""

    feed: int
    url: str
    name: str
    status: str = "ok"  # ok | not-modified | error | waiting (the server asked for a pause)
    error: str | None = None
    kind: str | None = None  # FetchError.kind of the error
    entries: int = 0  # entries in the document
    new: int = 0  # entries not seen before
    stored: int = 0  # articles stored (near-duplicates of stored ones included)
    duplicates: int = 0  # of those, near-copies of an article already stored
    existing: int = 0  # pages already in the store (via another feed or an earlier poll)
    retry: int = 0  # pages that failed now and will be tried on the next poll
    failed: int = 0  # pages given up after max_attempts tries
    skipped: int = 0  # pages refused for good (content type, size, robots.txt)
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)  # one line per page problem

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class PollEvent:
    """Progress: ``feed`` (a document polled: ``result``), ``pages`` (``total`` pages to
    fetch), ``page`` (one page done: ``url``, ``status``, ``done`` of ``total``)."""

    kind: str
    result: FeedResult | None = None
    url: str = ""
    status: str = ""
    done: int = 0
    total: int = 0


@dataclass(slots=True)
class _Work:
    link: str
    title: str
    published: str | None
    attempts: int
    source: str
    result: FeedResult
    entries: list[tuple[int, str]]  # (feed, key)
    order: tuple[Any, ...] = ()
    listed: dict[int, FeedResult] = field(default_factory=dict)  # every feed listing it

    def also_listed(self) -> None:
        """The page is stored: it counts as already stored for the other feeds listing it."""
        for res in self.listed.values():
            if res is not self.result:
                res.existing += 1


@dataclass(slots=True)
class _Doc:
    page: Page | None = None
    error: FetchError | None = None


def _later(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _due(feed: Feed, every: float | None) -> str | None:
    """When ``feed`` is next due: its stored time, or ``every`` seconds after its last poll
    when that comes first (a one-shot fetch's default interval does not hold back a
    shorter ``--every``), unless its server asked for a pause."""
    if every is None or not feed.last_fetch or (feed.last_status or "").endswith(PAUSED):
        return feed.next_due
    try:
        last = datetime.strptime(feed.last_fetch, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return feed.next_due
    mine = (last + timedelta(seconds=every)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return mine if feed.next_due is None or mine < feed.next_due else feed.next_due


def due_feeds(store: Store, now: str | None = None, every: float | None = None) -> list[Feed]:
    now = now or now_iso()
    return [f for f in list_feeds(store) if (d := _due(f, every)) is None or d <= now]


def seconds_to_next_due(store: Store, default: float, every: float | None = None) -> float:
    """Seconds until the first feed is due (``default`` when no feed is followed)."""
    dues = [_due(f, every) for f in list_feeds(store)]
    if not dues:
        return default
    if any(d is None for d in dues):
        return 0.0
    first = min(d for d in dues if d is not None)
    when = datetime.strptime(first, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def poll_feeds(
    store: Store,
    options: PollOptions | None = None,
    *,
    feeds: Sequence[int] | None = None,
    due_only: bool = False,
    stop: threading.Event | None = None,
    on_event: Callable[[PollEvent], None] | None = None,
    fetcher: Fetcher | None = None,
) -> list[FeedResult]:
    """Poll the followed feeds once (``feeds``: only these ids; ``due_only``: only those
    whose ``next_due`` has come) and store the articles of their new entries."""
    o = options or PollOptions()
    ensure_schema(store)
    stop = stop or threading.Event()
    emit = on_event or (lambda _e: None)
    chosen = due_feeds(store, every=o.every) if due_only else list_feeds(store)
    if feeds is not None:
        wanted = set(feeds)
        chosen = [f for f in chosen if f.id in wanted]
    now = now_iso()
    # A feed whose server asked for a pause (429/503 with a long Retry-After) waits for it
    # to end, even when every feed is polled.
    waiting = [f for f in chosen if (f.last_status or "").endswith(PAUSED)
               and f.next_due is not None and f.next_due > now]
    chosen = [f for f in chosen if f not in waiting]
    paused = [FeedResult(f.id, f.url, f.label, "waiting",
                         f"the server asked to wait until {f.next_due}") for f in waiting]
    if not chosen:
        return paused
    own = fetcher is None
    fetcher = fetcher or Fetcher(o.fetch)
    pool = ThreadPoolExecutor(max_workers=o.workers, thread_name_prefix="newsweave-fetch")
    t0 = time.perf_counter()
    results = {f.id: FeedResult(f.id, f.url, f.label) for f in chosen}
    try:
        docs = [pool.submit(_fetch_doc, fetcher, f) for f in chosen]
        for feed, fut in zip(chosen, docs, strict=True):
            if stop.is_set():  # the feeds not recorded yet keep their state
                break
            res = results[feed.id]
            _record_doc(store, feed, fut.result(), res, o)
            res.seconds = time.perf_counter() - t0
            emit(PollEvent("feed", result=res))
        if not stop.is_set():
            _fetch_pages(store, chosen, results, fetcher, pool, o, stop, emit)
    finally:
        pool.shutdown(wait=not stop.is_set(), cancel_futures=True)
        if own:
            fetcher.close()
    elapsed = time.perf_counter() - t0
    for res in results.values():
        res.seconds = elapsed
    return [results[f.id] for f in chosen] + paused


def run_every(
    store: Store,
    options: PollOptions | None = None,
    stop: threading.Event | None = None,
    *,
    on_poll: Callable[[list[FeedResult]], None] | None = None,
    on_event: Callable[[PollEvent], None] | None = None,
    max_polls: int | None = None,
) -> int:
    """Poll the feeds that are due, wait until the next one is, again, until ``stop`` is
    set (or ``max_polls`` polls were made). A feed is due ``options.every`` seconds after
    its last poll. Returns the number of polls made."""
    o = options or PollOptions()
    stop = stop or threading.Event()
    polls = 0
    with Fetcher(o.fetch) as fetcher:  # one client: robots.txt kept an hour, connections
        while not stop.is_set():
            results = poll_feeds(store, o, due_only=True, stop=stop, on_event=on_event,
                                 fetcher=fetcher)
            if results:
                polls += 1
                if on_poll is not None:
                    on_poll(results)
            if max_polls is not None and polls >= max_polls:
                break
            stop.wait(min(o.every, max(0.5, seconds_to_next_due(store, o.every, o.every))))
    return polls


# -- feed documents --------------------------------------------------------------------------
def _fetch_doc(fetcher: Fetcher, feed: Feed) -> _Doc:
    try:
        page = fetcher.get(feed.url, accept=FEED_TYPES, etag=feed.etag,
                           last_modified=feed.last_modified)
        return _Doc(page=page)
    except FetchError as exc:
        return _Doc(error=exc)
    except Exception as exc:  # noqa: BLE001 - one feed's surprise must not end the poll
        log.warning("%s: unexpected %r", feed.url, exc, exc_info=True)
        return _Doc(error=FetchError(feed.url, f"internal error ({exc.__class__.__name__}: "
                                     f"{exc})", "internal", retryable=True))


@dataclass(slots=True)
class ParsedFeed:
    title: str
    entries: list[dict[str, Any]]  # {key, link, title, published}
    problem: str = ""  # malformed XML that still gave entries (they are kept; it is said)


def parse_feed(page: Page, max_entries: int = 500) -> ParsedFeed:
    """The entries of an RSS 0.9x/1.0/2.0 or Atom document (feedparser). Raises
    :class:`FeedError` for malformed XML with no entries or an HTML page."""
    import feedparser

    head = page.body[:4096].lstrip().lower()
    d = feedparser.parse(
        page.body,
        response_headers={"content-location": page.final_url,
                          "content-type": page.content_type or "application/xml"},
    )
    entries = []
    for e in d.entries[:max_entries]:
        link = e.get("link") or ""
        guid = e.get("id") or ""
        if not link and guid.lower().startswith(("http://", "https://")):
            link = guid
        if not link:
            continue
        link = urljoin(page.final_url, link.strip())
        if not link.lower().startswith(("http://", "https://")):
            continue
        link = canonical_url(link)
        when = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            when = to_utc(e.get(key))
            if when:
                break
        entries.append({"key": (guid or link)[:2000], "link": link,
                        "title": " ".join(str(e.get("title", "")).split())[:500],
                        "published": when})
    if not entries:
        if head.startswith((b"<!doctype html", b"<html")) or (
                not d.get("version") and page.content_type in PAGE_TYPES[:2]):
            raise FeedError(page.url, "not a feed: the URL gives an HTML page", "not-a-feed")
        if d.get("bozo"):
            why = " ".join(str(d.get("bozo_exception", "")).split())[:120]
            raise FeedError(page.url, f"malformed feed XML ({why})", "malformed")
        if not d.get("version"):
            raise FeedError(page.url, "not a feed (no RSS or Atom document)", "not-a-feed")
    title = " ".join(str(d.feed.get("title", "")).split())[:300] if d.get("feed") else ""
    problem = ""
    # (feedparser's notes on a content type or encoding are no XML error)
    if d.get("bozo") and not isinstance(
            d.get("bozo_exception"), feedparser.ThingsNobodyCaresAboutButMe):
        why = " ".join(str(d.get("bozo_exception", "")).split())[:120]
        problem = f"malformed feed XML, {len(entries)} entries read ({why})"
    return ParsedFeed(title, entries, problem)


def _why(exc: FetchError, url: str) -> str:
    """The error of a feed, without its URL when it is the feed's own."""
    return exc.reason if exc.url == url else str(exc)


def _record_doc(store: Store, feed: Feed, doc: _Doc, res: FeedResult, o: PollOptions) -> None:
    now = now_iso()
    due = _later(o.every)
    if doc.error is not None:
        why = _why(doc.error, feed.url)
        res.status, res.error, res.kind = "error", why, doc.error.kind
        status = f"error ({doc.error.kind})"
        if doc.error.retry_after and doc.error.retry_after > o.every:
            # The server asked for a pause longer than our period: not before it ends.
            due = _later(min(doc.error.retry_after, 7 * 86_400.0))
            status += PAUSED
        with store.write() as c:
            c.execute("UPDATE feed SET last_fetch = ?, last_status = ?, last_error = ?, "
                      "next_due = ? WHERE id = ?", (now, status, why, due, feed.id))
        return
    page = doc.page
    assert page is not None
    if page.not_modified:
        res.status = "not-modified"
        with store.write() as c:
            c.execute("UPDATE feed SET last_fetch = ?, last_status = ?, last_error = NULL, "
                      "next_due = ? WHERE id = ?", (now, "304 not modified", due, feed.id))
        return
    try:
        try:
            parsed = parse_feed(page, o.max_entries)
        except FeedError:
            raise
        except Exception as exc:  # noqa: BLE001 - a parser failure is a malformed feed
            raise FeedError(page.url, f"malformed feed ({exc.__class__.__name__})",
                            "malformed") from None
    except FeedError as exc:
        res.status, res.error, res.kind = "error", _why(exc, feed.url), exc.kind
        with store.write() as c:
            c.execute("UPDATE feed SET last_fetch = ?, last_status = ?, last_error = ?, "
                      "next_due = ?, etag = NULL, last_modified = NULL WHERE id = ?",
                      (now, f"error ({exc.kind})", res.error, due, feed.id))
        return
    res.entries = len(parsed.entries)
    if not feed.name and parsed.title:
        res.name = parsed.title
    with store.write() as c:
        if page.moved:  # moved for good (301/308): follow it there, unless followed already
            new = canonical_url(page.final_url)
            if c.execute("SELECT 1 FROM feed WHERE url = ?", (new,)).fetchone() is None:
                c.execute("UPDATE feed SET url = ? WHERE id = ?", (new, feed.id))
                res.url = new
        for pos, e in enumerate(parsed.entries):
            cur = c.execute(
                "INSERT OR IGNORE INTO feed_entry(feed, key, link, title, published, pos, seen) "
                "VALUES (?,?,?,?,?,?,?)",
                (feed.id, e["key"], e["link"], e["title"], e["published"], pos, now))
            res.new += cur.rowcount
        c.execute("UPDATE feed SET title = ?, etag = ?, last_modified = ?, last_fetch = ?, "
                  "last_status = ?, last_error = ?, next_due = ? WHERE id = ?",
                  (parsed.title or feed.title, page.etag, page.last_modified, now,
                   f"{page.status} ok" + ("; malformed XML" if parsed.problem else ""),
                   parsed.problem or None, due, feed.id))


# -- pages -----------------------------------------------------------------------------------
def _pending(store: Store, chosen: list[Feed], results: dict[int, FeedResult]) -> list[_Work]:
    rank = {f.id: k for k, f in enumerate(chosen)}
    source = {f.id: f.name or f.title for f in chosen}
    by_link: dict[str, _Work] = {}
    ids = list(rank)
    qs = ",".join("?" * len(ids))
    rows = store.conn.execute(
        f"SELECT feed, key, link, title, published, attempts, pos FROM feed_entry "
        f"WHERE status = 'pending' AND feed IN ({qs})", ids).fetchall()
    for fid, key, link, title, published, attempts, pos in rows:
        order = (published is None, published or "", rank[fid], pos)
        w = by_link.get(link)
        if w is None:
            by_link[link] = _Work(link, title, published, attempts, source[fid] or
                                  results[fid].name, results[fid], [(fid, key)], order,
                                  {fid: results[fid]})
            continue
        w.entries.append((fid, key))
        w.listed[fid] = results[fid]
        w.attempts = max(w.attempts, attempts)
        if order < w.order:  # the earliest listing speaks for the page
            w.order, w.title, w.result = order, title, results[fid]
            w.published = published
            w.source = source[fid] or results[fid].name
    return sorted(by_link.values(), key=lambda w: w.order)


def _known(store: Store, link: str) -> str | None:
    """The stored article a canonical link already is, if any."""
    c = store.conn
    row = c.execute("SELECT id FROM article WHERE id = ?", (link,)).fetchone()
    if row is not None:
        return str(row[0])
    row = c.execute("SELECT article FROM feed_entry WHERE link = ? AND status = 'done' "
                    "AND article IS NOT NULL LIMIT 1", (link,)).fetchone()
    return None if row is None else str(row[0])


def _fetch_page(fetcher: Fetcher, w: _Work, limits: Limits) -> Article | FetchError:
    try:
        page = fetcher.get(w.link, accept=PAGE_TYPES)
        return article_from_page(page, source=w.source, title=w.title,
                                 published=w.published, limits=limits)
    except FetchError as exc:
        return exc
    except NewsweaveError as exc:
        return FetchError(w.link, str(exc), "unreadable")
    except Exception as exc:  # noqa: BLE001 - one page's surprise must not end the poll
        log.warning("%s: unexpected %r", w.link, exc, exc_info=True)
        return FetchError(w.link, f"internal error ({exc.__class__.__name__}: {exc})",
                          "internal", retryable=True)


def _mark(store: Store, w: _Work, status: str, attempts: int, error: str | None,
          article: str | None) -> None:
    with store.write() as c:
        c.executemany(
            "UPDATE feed_entry SET status = ?, attempts = ?, error = ?, article = ? "
            "WHERE feed = ? AND key = ?",
            [(status, attempts, error, article, fid, key) for fid, key in w.entries])


def _fetch_pages(store: Store, chosen: list[Feed], results: dict[int, FeedResult],
                 fetcher: Fetcher, pool: ThreadPoolExecutor, o: PollOptions,
                 stop: threading.Event, emit: Callable[[PollEvent], None]) -> None:
    from newsweave.stories.cluster import Clusterer

    work = []
    for w in _pending(store, chosen, results):
        known = _known(store, w.link)
        if known is not None:
            _mark(store, w, "done", w.attempts, None, known)
            w.result.existing += 1
            w.also_listed()
        else:
            work.append(w)
    total = len(work)
    emit(PollEvent("pages", total=total))
    if not work:
        return
    queue: deque[tuple[_Work, Future[Article | FetchError]]] = deque()
    todo = iter(work)

    def submit() -> None:
        w = next(todo, None)
        if w is not None:
            queue.append((w, pool.submit(_fetch_page, fetcher, w, o.limits)))

    for _ in range(max(2, 2 * o.workers)):
        submit()
    done = 0
    with Clusterer(store, o.stories) as clusterer:
        while queue and not stop.is_set():
            w, fut = queue.popleft()
            submit()
            got = fut.result()
            status = _ingest(store, clusterer, w, got, o)
            done += 1
            emit(PollEvent("page", url=w.link, status=status, done=done, total=total))


def _ingest(store: Store, clusterer: Any, w: _Work, got: Article | FetchError,
            o: PollOptions) -> str:
    res = w.result
    if isinstance(got, FetchError):
        attempts = w.attempts + 1
        if got.kind in SKIP_KINDS:
            status, res.skipped = "skipped", res.skipped + 1
        elif attempts >= o.max_attempts:
            status, res.failed = "failed", res.failed + 1
        else:
            status, res.retry = "pending", res.retry + 1
        if len(res.problems) < 20:
            res.problems.append(f"{got} ({status})")
        _mark(store, w, status, attempts, str(got), None)
        return "retry" if status == "pending" else status
    known = _known(store, got.id)
    if known is not None:  # another link of the feeds led to the same page
        _mark(store, w, "done", w.attempts + 1, None, known)
        res.existing += 1
        w.also_listed()
        return "exists"
    ack = clusterer.add(got)
    _mark(store, w, "done", w.attempts + 1, None, ack.id)
    w.also_listed()
    if ack.status == "exists":
        res.existing += 1
    else:
        res.stored += 1
        res.duplicates += ack.status == "duplicate"
    return str(ack.status)
