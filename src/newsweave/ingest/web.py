"""Fetching web pages politely: one URL -> bytes (:class:`Fetcher`) -> :class:`Article`.

The network is used only here, and only for URLs a user gave (a feed they follow, a page
they named). Every request goes through :class:`Fetcher`, which:

- sends a ``User-Agent`` naming newsweave and its version, asks for gzip, speaks HTTP/1.1;
- honours robots.txt (``urllib.robotparser``; its ``Crawl-delay`` when longer than ours);
- waits ``host_delay`` seconds between two requests to one host and runs at most
  ``host_concurrency`` requests to one host at a time;
- follows at most ``max_redirects`` redirects itself (a loop is an error, not a hang);
- refuses a body larger than ``max_bytes`` (declared or counted while reading, after gzip
  decoding) and a content type the caller does not accept, before reading the body;
- retries a 429 or 5xx answer ``retries`` times, waiting ``Retry-After`` when the server
  gives one (up to ``max_retry_wait``), else ``backoff`` seconds doubling each time.

Failures raise :class:`~newsweave.errors.FetchError` with a short ``kind``.
"""

from __future__ import annotations

import re
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from newsweave._version import __version__
from newsweave.errors import FetchError, OptionsError
from newsweave.ingest.dates import rfc2822, to_utc
from newsweave.ingest.loaders import is_url
from newsweave.options import Limits, _check_range
from newsweave.types import Article

USER_AGENT = f"newsweave/{__version__} (news feed reader; +python-httpx)"
ROBOTS_AGENT = "newsweave"
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is kept before it is asked again
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "application/json", "text/html", "text/plain",
    "application/x-rss+xml", "application/octet-stream",
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# Query parameters that say how a reader came to a page, never which page it is.
_TRACKING = frozenset(
    "fbclid gclid dclid gbraid wbraid msclkid yclid twclid igshid mc_cid mc_eid _ga _gl "
    "_hsenc _hsmi mkt_tok oly_anon_id oly_enc_id vero_id wickedid rb_clickid s_cid "
    "ncid ocid cmpid icid ito guccounter guce_referrer guce_referrer_sig".split()
)


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits and politeness of web fetching. Documented in docs/feeds.md."""

    connect_timeout: float = 10.0  # seconds to connect
    read_timeout: float = 10.0  # seconds of silence while reading
    total_timeout: float = 30.0  # whole response, so a trickling server cannot hold us
    max_bytes: int = 5_000_000  # a larger page (declared or read) is refused
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between two requests to one host
    host_concurrency: int = 2  # requests to one host at a time
    retries: int = 2  # more tries of a request answered 429 or 5xx
    backoff: float = 1.0  # first wait before a retry without Retry-After; doubles
    max_retry_wait: float = 60.0  # a longer Retry-After ends this try (next poll retries)
    robots: bool = True
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            _check_range(name, getattr(self, name), 0.01, 600.0)
        _check_range("max_bytes", self.max_bytes, 1_000, 1_000_000_000)
        _check_range("max_redirects", self.max_redirects, 0, 30)
        _check_range("host_delay", self.host_delay, 0.0, 3_600.0)
        _check_range("host_concurrency", self.host_concurrency, 1, 64)
        _check_range("retries", self.retries, 0, 10)
        _check_range("backoff", self.backoff, 0.0, 600.0)
        _check_range("max_retry_wait", self.max_retry_wait, 0.0, 3_600.0)
        if not self.user_agent.strip():
            raise OptionsError("user_agent must not be empty")


@dataclass(slots=True)
class Page:
    """One fetched URL. ``not_modified``: a conditional GET answered 304 (no body)."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str = ""
    charset: str | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    moved: bool = False  # every redirect on the way was permanent (301/308)


class _Host:
    """Politeness state of one host: a concurrency gate and the time of the next request."""

    def __init__(self, concurrency: int) -> None:
        self.gate = threading.BoundedSemaphore(concurrency)
        self.lock = threading.Lock()
        self.next_at = 0.0
        self.delay: float | None = None  # robots.txt Crawl-delay, when longer than ours
        self.robots_lock = threading.Lock()  # one robots.txt request per host at a time


def canonical_url(url: str) -> str:
    """The identity of a page: scheme and host lower-cased, default port, fragment and
    tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ...) removed; the other parameters
    are kept byte for byte, in order (the URL is also what is fetched)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    if "@" in parts.netloc:
        netloc = f"{parts.netloc.rsplit('@', 1)[0]}@{netloc}"
    kept = [p for p in parts.query.split("&") if p and not _tracking(p.split("=", 1)[0])]
    return urlunsplit((scheme, netloc, parts.path or "/", "&".join(kept), ""))


def _tracking(key: str) -> bool:
    k = unquote_plus(key).lower()
    return k.startswith("utm_") or k in _TRACKING


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "not an http(s) URL", "bad-url")


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = rfc2822(value)
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class Fetcher:
    """A polite HTTP client (thread-safe). Use as a context manager or call :meth:`close`."""

    def __init__(self, options: FetchOptions | None = None, *, transport: Any = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        import httpx

        self.options = o = options or FetchOptions()
        self._httpx = httpx
        self._sleep = sleep
        self.client = httpx.Client(
            http2=False,
            follow_redirects=False,
            timeout=httpx.Timeout(o.read_timeout, connect=o.connect_timeout),
            headers={"User-Agent": o.user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
            limits=httpx.Limits(max_connections=max(8, 4 * o.host_concurrency)),
        )
        self._hosts: dict[str, _Host] = {}
        # host -> (rules or "allow"/"deny", when read): kept ROBOTS_TTL seconds
        self._robots: dict[str, tuple[RobotFileParser | str | FetchError, float]] = {}
        self._lock = threading.Lock()
        self.requests = 0  # every request sent, robots.txt included

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public ---------------------------------------------------------------------------
    def get(self, url: str, *, accept: Sequence[str] | None = PAGE_TYPES,
            etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET ``url`` (redirects followed, robots.txt checked, retried on 429/5xx).
        ``accept``: content types allowed (None: any). Raises :class:`FetchError`."""
        _check_url(url)
        o = self.options
        attempt = 0
        while True:
            try:
                return self._follow(url, accept, etag, last_modified)
            except _Retryable as exc:
                wait = exc.wait if exc.wait is not None else o.backoff * (2 ** attempt)
                if attempt >= o.retries or wait > o.max_retry_wait:
                    exc.error.retry_after = exc.wait
                    raise exc.error from None
                attempt += 1
                self._sleep(wait)

    # -- pieces ---------------------------------------------------------------------------
    def _host(self, url: str) -> _Host:
        key = host_of(url)
        with self._lock:
            h = self._hosts.get(key)
            if h is None:
                h = self._hosts[key] = _Host(self.options.host_concurrency)
            return h

    def _follow(self, url: str, accept: Sequence[str] | None, etag: str | None,
                last_modified: str | None) -> Page:
        headers: dict[str, str] = {}
        if accept:  # what we read, the first types first; anything else last
            headers["Accept"] = ", ".join([*accept[:3], *(f"{t};q=0.9" for t in accept[3:]),
                                           "*/*;q=0.1"])
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        current = url
        moved = True
        for _hop in range(self.options.max_redirects + 1):
            _check_url(current)
            if self.options.robots and not self._allowed(current):  # raises when unknown
                raise FetchError(current, "disallowed by robots.txt", "robots")
            page = self._request(current, headers, accept)
            if page.status in _REDIRECTS:
                location = page.headers.get("location")
                if not location:
                    raise FetchError(current, f"HTTP {page.status} without Location",
                                     "bad-redirect")
                nxt = urljoin(current, location.strip())
                if nxt in seen:
                    raise FetchError(url, f"redirect loop at {nxt}", "redirect-loop")
                seen.add(nxt)
                current = nxt
                moved = moved and page.status in (301, 308)
                continue
            page.url = url
            page.moved = moved and current != url
            return page
        raise FetchError(url, f"more than {self.options.max_redirects} redirects",
                         "too-many-redirects")

    def _request(self, url: str, headers: dict[str, str], accept: Sequence[str] | None,
                 max_bytes: int | None = None) -> Page:
        host = self._host(url)
        with host.gate:
            self._wait_turn(host)
            return self._send(url, headers, accept, max_bytes or self.options.max_bytes)

    def _wait_turn(self, host: _Host) -> None:
        delay = max(self.options.host_delay, host.delay or 0.0)
        with host.lock:
            now = time.monotonic()
            start = max(now, host.next_at)
            host.next_at = start + delay
        if start > now:
            self._sleep(start - now)

    def _send(self, url: str, headers: dict[str, str], accept: Sequence[str] | None,
              max_bytes: int) -> Page:
        httpx = self._httpx
        o = self.options
        with self._lock:
            self.requests += 1
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                status = r.status_code
                hdrs = {k.lower(): v for k, v in r.headers.items()}
                ctype, charset = _content_type(hdrs.get("content-type", ""))
                page = Page(url, url, status, ctype, charset, b"", hdrs.get("etag"),
                            hdrs.get("last-modified"), status == 304, hdrs)
                if status in _REDIRECTS or status == 304:
                    return page
                if status >= 400:
                    error = FetchError(url, f"HTTP {status}", f"http-{status}",
                                       retryable=status in _RETRY_STATUS or status >= 500)
                    if status in _RETRY_STATUS:
                        raise _Retryable(error, retry_after(hdrs.get("retry-after")))
                    raise error
                if status != 200:
                    raise FetchError(url, f"HTTP {status} (no content)", f"http-{status}")
                declared = hdrs.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(url, f"page of {int(declared):,} bytes is over the "
                                     f"{max_bytes:,}-byte limit", "too-large")
                if accept is not None and ctype and not any(
                        ctype == a for a in accept):
                    raise FetchError(url, f"content type {ctype} is not a page newsweave "
                                     "reads; skipped", "content-type")
                page.body = self._read(r, url, max_bytes, time.monotonic() + o.total_timeout)
                return page
        except (FetchError, _Retryable):
            raise
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({exc.__class__.__name__})", "timeout",
                             retryable=True) from None
        except httpx.ConnectError as exc:
            if _is_tls(exc):
                raise FetchError(url, f"TLS error ({_short(exc)})", "tls",
                                 retryable=True) from None
            raise FetchError(url, f"cannot connect ({_short(exc)})", "connect",
                             retryable=True) from None
        except httpx.DecodingError as exc:
            raise FetchError(url, f"bad content encoding ({_short(exc)})", "decoding") from None
        except (httpx.HTTPError, httpx.InvalidURL, ssl.SSLError, OSError) as exc:
            kind = "tls" if _is_tls(exc) else "network"
            raise FetchError(url, f"{kind} error ({_short(exc)})", kind,
                             retryable=True) from None

    def _read(self, r: Any, url: str, max_bytes: int, deadline: float) -> bytes:
        buf = bytearray()
        for chunk in r.iter_bytes():
            buf += chunk
            if len(buf) > max_bytes:
                raise FetchError(url, f"page is over the {max_bytes:,}-byte limit; refused",
                                 "too-large")
            if time.monotonic() > deadline:
                raise FetchError(url, f"response took over {self.options.total_timeout:g} s",
                                 "timeout", retryable=True)
        return bytes(buf)

    def _allowed(self, url: str) -> bool:
        key = host_of(url)
        with self._host(url).robots_lock:
            with self._lock:
                known = self._robots.get(key)
            ttl = 60.0 if known is not None and isinstance(known[0], FetchError) else ROBOTS_TTL
            if known is None or time.monotonic() - known[1] > ttl:
                known = (self._load_robots(key), time.monotonic())
                with self._lock:
                    self._robots[key] = known
        rp = known[0]
        if isinstance(rp, FetchError):
            raise rp
        if isinstance(rp, str):
            return rp == "allow"
        return rp.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, base: str) -> RobotFileParser | str | FetchError:
        """robots.txt of a host (RFC 9309): a 4xx means no rules; a 5xx or no answer means
        keep out (the error says why), for ROBOTS_TTL seconds."""
        url = base + "/robots.txt"
        try:
            for _hop in range(self.options.max_redirects + 1):
                page = self._request(url, {}, None, max_bytes=500_000)
                if page.status in _REDIRECTS and page.headers.get("location"):
                    url = urljoin(url, page.headers["location"])
                    if host_of(url) != base:
                        return "allow"
                    continue
                break
            else:
                return "allow"
        except _Retryable as exc:
            if exc.error.kind == "http-429":
                return "allow"
            return FetchError(url, f"{exc.error.reason}: robots.txt unavailable, keeping out",
                              "robots-unavailable", retryable=True)
        except FetchError as exc:
            if exc.kind.startswith("http-4") or exc.kind == "too-large":
                return "allow"
            if exc.kind.startswith("http-"):
                return FetchError(url, f"{exc.reason}: robots.txt unavailable, keeping out",
                                  "robots-unavailable", retryable=True)
            return exc  # the host cannot be reached at all: say how
        rp = RobotFileParser()
        rp.parse(page.body.decode("utf-8", "replace").splitlines())
        delay = rp.crawl_delay(ROBOTS_AGENT)
        if delay is not None:
            try:
                self._host(base).delay = min(60.0, float(delay))
            except (TypeError, ValueError):
                pass
        return rp


class _Retryable(Exception):  # noqa: N818 - internal signal, never escapes Fetcher.get
    def __init__(self, error: FetchError, wait: float | None) -> None:
        self.error = error
        self.wait = wait


def _content_type(value: str) -> tuple[str, str | None]:
    main, _, params = value.partition(";")
    charset = None
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    if m:
        charset = m.group(1)
    return main.strip().lower(), charset


def _is_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError) or "ssl" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return text[:160]


# -- dates: newsweave.ingest.dates (to_utc) ----------------------------------------------
_META = re.compile(r"<meta\b[^>]{0,2000}>", re.I)
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished",
              "article.published", "pubdate", "publishdate", "dc.date.issued", "date")
_JSONLD_DATE = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{8,40})\"")


def page_published(html: str) -> str | None:
    """The publication time a page states in its metadata (Open Graph / article meta tags,
    then JSON-LD ``datePublished``), as UTC; None when it states none."""
    head = html[:300_000]
    found: dict[str, str] = {}
    for tag in _META.findall(head):
        attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
                 for m in _ATTR.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _DATE_KEYS and attrs.get("content"):
            found.setdefault(key, attrs["content"])
    for key in _DATE_KEYS:
        if key in found and (iso := to_utc(found[key])):
            return iso
    m = _JSONLD_DATE.search(head)
    return to_utc(m.group(1)) if m else None


# -- pages -> articles -----------------------------------------------------------------------
def article_from_page(page: Page, *, source: str = "", title: str = "",
                      published: str | None = None, limits: Limits = Limits()) -> Article:
    """Extract the article of a fetched page; its id and url are the canonical final URL.
    ``published``/``source``/``title`` (e.g. from a feed entry) win over the page's own."""
    from newsweave.ingest.decode import decode_bytes
    from newsweave.ingest.html import extract_html
    from newsweave.ingest.loaders import make_article

    final = canonical_url(page.final_url)
    text = _decode(page, decode_bytes)
    flags: tuple[str, ...] = ()
    if page.content_type == "text/plain":
        body, page_title, page_source, page_date = text, "", "", None
    else:
        doc = extract_html(text, url=final, seconds=limits.extract_seconds)
        body, page_title, page_source, flags = doc.text, doc.title, doc.source, doc.flags
        # Only a date the page states in its metadata: trafilatura's own guess may be a
        # copyright year ("2026-01-01"), and a wrong date splits stories (7-day window).
        page_date = page_published(text)
    article = make_article(
        final, body, title=title or page_title,
        source=source or page_source or (urlsplit(final).hostname or ""),
        url=final, published=published or page_date, flags=flags,
        detect_title=not (title or page_title), max_chars=limits.max_article_chars,
    )
    if not article.text.strip():
        raise FetchError(page.url, "no article text on the page", "no-text")
    return article


def _decode(page: Page, decode_bytes: Callable[[bytes, str], str]) -> str:
    if page.charset:
        try:
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_bytes(page.body, page.url)
    except Exception as exc:  # noqa: BLE001 - InputError (binary, empty): a page problem
        raise FetchError(page.url, str(getattr(exc, "reason", exc)), "undecodable") from None


def fetch_article(url: str, fetcher: Fetcher, **kwargs: Any) -> Article:
    """Fetch one page and extract its article (see :func:`article_from_page`)."""
    return article_from_page(fetcher.get(url, accept=PAGE_TYPES), **kwargs)


def load_inputs(items: Sequence[str], *, limits: Limits = Limits(),
                options: FetchOptions | None = None,
                problems: list[str] | None = None) -> list[Article]:
    """Articles from paths and URLs, in the order given (ids made unique). The network is
    used only when an item is an http(s) URL; a URL that fails raises :class:`FetchError`."""
    from newsweave.ingest.loaders import load_path, load_paths, unique_ids

    if not any(is_url(i) for i in items):
        return load_paths(list(items), limits=limits, problems=problems)
    out: list[Article] = []
    with Fetcher(options) as fetcher:
        for item in items:
            if is_url(item):
                out.append(fetch_article(item, fetcher, limits=limits))
            else:
                out.extend(load_path(item, limits=limits, problems=problems))
    return unique_ids(out)
