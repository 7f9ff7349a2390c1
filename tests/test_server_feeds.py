"""Issue 15 with the feeds library (issue 14): /feeds lists, adds and removes feeds (CSRF),
and the --fetch-every poller stores a loopback feed's entries from inside the server."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsweave.server import ServerConfig, create_app
from server_util import MOSUL, mosul_store

feeds = pytest.importorskip("newsweave.feeds", reason="the feeds library is not in this build")


def _csrf(html: str) -> str:
    return html.split('name="csrf" value="')[1].split('"')[0]


@pytest.fixture()
def site():
    texts = sorted(MOSUL.glob("*.txt"))[:2]
    pages = {}
    for k, p in enumerate(texts):
        title, _, body = p.read_text(encoding="utf-8").partition("\n")
        pages[f"/a{k}.html"] = ("text/html; charset=utf-8", (
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{x}</p>" for x in body.split("\n") if x.strip())
            + "</article></body></html>").encode())

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            host = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = "".join(f"<item><title>t{k}</title><link>{host}/a{k}.html</link>"
                                f"<guid>{host}/a{k}.html</guid></item>" for k in range(2))
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loop</title>'
                        f"<link>{host}/</link>{items}</channel></rss>").encode()
                ctype = "application/rss+xml"
            elif self.path in pages:
                ctype, body = pages[self.path]
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_feeds_page_add_and_remove(tmp_path: Path, site: str) -> None:
    db = mosul_store(tmp_path / "s.db")
    with TestClient(create_app(ServerConfig(db=db))) as c:
        page = c.get("/feeds")
        assert page.status_code == 200 and "No feed followed yet" in page.text
        assert c.post("/feeds", data={"url": f"{site}/feed.xml"}).status_code == 403
        r = c.post("/feeds", data={"url": f"{site}/feed.xml", "name": "<b>Loop</b>",
                                   "action": "add", "csrf": _csrf(page.text)})
        assert r.status_code == 200 and "&lt;b&gt;Loop&lt;/b&gt;" in r.text
        fid = r.text.split('name="feed" value="')[1].split('"')[0]
        r = c.post("/feeds", data={"url": "javascript:alert(1)", "action": "add",
                                   "csrf": _csrf(page.text)})
        assert r.status_code == 400
        r = c.post("/feeds", data={"action": "remove", "feed": fid, "csrf": _csrf(page.text)})
        assert r.status_code == 200 and "No feed followed yet" in r.text


def test_fetch_every_poller_stores_feed_articles(tmp_path: Path, site: str) -> None:
    from newsweave.server.poller import FeedPoller
    from newsweave.stories.store import open_store

    db = tmp_path / "p.db"
    with open_store(db) as store:
        feeds.add_feed(store, f"{site}/feed.xml", "Loop")
    poller = FeedPoller(db, 10.0)
    with TestClient(create_app(ServerConfig(db=db), poller=poller)) as c:
        deadline = time.monotonic() + 60
        while poller.polls == 0 and time.monotonic() < deadline and not poller.last_error:
            time.sleep(0.2)
        assert poller.last_error is None and poller.polls >= 1
        health = c.get("/api/v1/health").json()
        assert health["poller"]["polls"] >= 1 and health["articles"] == 2
        assert "Polled every 10 s" in c.get("/feeds").text
    assert not poller.status()["running"]


def test_serve_fetch_every_polls_in_the_server_process(tmp_path: Path, site: str) -> None:
    import signal
    import subprocess
    import sys

    import httpx

    from newsweave.stories.store import open_store
    from server_util import free_port

    db = tmp_path / "cli.db"
    with open_store(db) as store:
        feeds.add_feed(store, f"{site}/feed.xml", "Loop")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsweave", "serve", "--db", str(db),
                             "--port", str(port), "--fetch-every", "10m"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        health: dict = {}
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).json()
            except httpx.HTTPError:
                health = {}
            if health.get("poller") and health["poller"]["polls"] >= 1:
                break
            time.sleep(0.3)
        assert health["poller"]["every"] == 600 and health["poller"]["error"] is None
        assert health["articles"] == 2
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
