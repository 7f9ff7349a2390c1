"""A loopback web server of feeds and pages for tests and benchmarks (no network).

``FeedServer`` serves routes from 127.0.0.1 on a free port (threaded ``http.server``) and
logs every request. A route can answer with any status and headers, support conditional
GET (ETag, Last-Modified), gzip, a delay, a body streamed without a length, a redirect, or
fail its first N requests (e.g. 429 with Retry-After, then 200).
"""

from __future__ import annotations

import gzip
import html
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    ctype: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before the answer
    gzip: bool = False
    stream: int = 0  # send this many bytes without Content-Length, in 64 KB chunks
    location: str | None = None  # redirect target (status 301/302/...)
    fail_first: int = 0  # this many requests answered fail_status first
    fail_status: int = 503
    fail_headers: dict[str, str] = field(default_factory=dict)
    served: int = 0


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    status: int
    at: float


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                server._handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    # -- set up -----------------------------------------------------------------------------
    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **kw: Any) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kw)
        return self.url(path)

    def start(self) -> FeedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- inspect ----------------------------------------------------------------------------
    def count(self, prefix: str = "/") -> int:
        with self._lock:
            return sum(1 for h in self.hits if h.path.startswith(prefix))

    def requests(self, prefix: str = "/") -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path.startswith(prefix)]

    def reset(self) -> None:
        with self._lock:
            self.hits.clear()

    # -- serve ------------------------------------------------------------------------------
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(h.path) or self.routes.get(h.path.split("?", 1)[0])
        headers = {k.lower(): v for k, v in h.headers.items()}
        status = 404 if route is None else route.status
        if route is not None:
            with self._lock:
                route.served += 1
                failing = route.served <= route.fail_first
            if failing:
                status = route.fail_status
            elif route.etag and headers.get("if-none-match") == route.etag:
                status = 304
            elif route.last_modified and headers.get("if-modified-since") == route.last_modified:
                status = 304
        with self._lock:
            self.hits.append(Hit(h.path, headers, status, time.monotonic()))
        try:
            self._answer(h, route, status, headers)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _answer(self, h: BaseHTTPRequestHandler, route: Route | None, status: int,
                headers: dict[str, str]) -> None:
        if route is None:
            h.send_response(404)
            h.send_header("Content-Type", "text/plain")
            h.send_header("Content-Length", "9")
            h.end_headers()
            h.wfile.write(b"not found")
            return
        if route.delay:
            time.sleep(route.delay)
        if status != route.status and status != 304:  # a failing request
            h.send_response(status)
            for k, v in route.fail_headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_response(status)
        if route.etag:
            h.send_header("ETag", route.etag)
        if route.last_modified:
            h.send_header("Last-Modified", route.last_modified)
        if route.location:
            h.send_header("Location", route.location)
        for k, v in route.headers.items():
            h.send_header(k, v)
        if status == 304 or route.location:
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_header("Content-Type", route.ctype)
        if route.stream:
            h.end_headers()
            chunk = b"<p>" + b"x" * 65_530 + b"</p>\n"
            sent = 0
            while sent < route.stream:
                h.wfile.write(chunk)
                sent += len(chunk)
            return
        body = route.body
        if route.gzip and "gzip" in headers.get("accept-encoding", ""):
            body = gzip.compress(body)
            h.send_header("Content-Encoding", "gzip")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)


# -- documents --------------------------------------------------------------------------------
def http_date(ts: float) -> str:
    from datetime import UTC, datetime

    return format_datetime(datetime.fromtimestamp(ts, UTC), usegmt=True)


def page_html(title: str, paragraphs: list[str], published: str | None = None,
              site: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    if site:
        meta += f'<meta property="og:site_name" content="{html.escape(site)}">'
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>{meta}</head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
            f"<h1>{html.escape(title)}</h1>{body}</article><footer>Copyright 2026</footer>"
            f"</body></html>")


def rss2(title: str, items: list[dict[str, Any]]) -> str:
    out = []
    for it in items:
        date = f"<pubDate>{it['date']}</pubDate>" if it.get("date") else ""
        guid = f"<guid>{html.escape(it['guid'])}</guid>" if it.get("guid") else ""
        out.append(f"<item><title>{html.escape(it['title'])}</title>"
                   f"<link>{html.escape(it['link'])}</link>{guid}{date}</item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{html.escape(title)}</title><link>http://example.invalid/</link>"
            f"<description>test</description>{''.join(out)}</channel></rss>")


def atom(title: str, items: list[dict[str, Any]]) -> str:
    out = []
    for it in items:
        date = f"<updated>{it['date']}</updated>" if it.get("date") else ""
        out.append(f"<entry><title>{html.escape(it['title'])}</title>"
                   f'<link rel="alternate" href="{html.escape(it["link"])}"/>'
                   f"<id>{html.escape(it.get('guid') or it['link'])}</id>{date}</entry>")
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{html.escape(title)}</title><id>urn:test:{html.escape(title)}</id>"
            f"<updated>2026-11-30T10:00:00Z</updated>{''.join(out)}</feed>")


def rss1(title: str, items: list[dict[str, Any]]) -> str:
    seq = "".join(f'<rdf:li rdf:resource="{html.escape(it["link"])}"/>' for it in items)
    out = []
    for it in items:
        date = f"<dc:date>{it['date']}</dc:date>" if it.get("date") else ""
        out.append(f'<item rdf:about="{html.escape(it["link"])}"><title>{html.escape(it["title"])}'
                   f"</title><link>{html.escape(it['link'])}</link>{date}</item>")
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
            ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel rdf:about="http://example.invalid/"><title>{html.escape(title)}</title>'
            f"<link>http://example.invalid/</link><description>t</description>"
            f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>{''.join(out)}</rdf:RDF>")
