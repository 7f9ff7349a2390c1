"""Ctrl-C during `newsweave fetch` ends cleanly after the current article; per-host
concurrency stays small."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from feedserver import FeedServer, page_html, rss2
from feedsite import paragraphs
from newsweave.feeds import PollOptions, add_feed, entry_states, poll_feeds
from newsweave.ingest.web import FetchOptions
from newsweave.stories import open_store

STORIES = ["flood", "mine", "comet"]


@pytest.fixture
def slow_site():
    srv = FeedServer().start()
    links = [srv.add(f"/s/{k}", page_html(f"{STORIES[k % 3]} {k}", paragraphs(STORIES[k % 3], k)),
                     delay=0.5) for k in range(8)]
    srv.add("/feed.xml", rss2("Slow", [{"title": str(k), "link": u} for k, u in enumerate(links)]),
            ctype="application/rss+xml", etag='"s"')
    yield srv
    srv.stop()


def _articles(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as c:
            return c.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.Error:
        return 0


def _start(db, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsweave", "fetch", "--db", str(db), "--delay", "0",
         "--workers", "1", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _wait_for(pred, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if pred():
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


def test_ctrl_c_stops_after_the_current_article(slow_site, tmp_path):
    db = tmp_path / "sig.db"
    with open_store(db) as store:
        add_feed(store, slow_site.url("/feed.xml"))
    proc = _start(db)
    _wait_for(lambda: _articles(db) >= 1)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err  # one poll, interrupted: partly done
    assert "stopping after the current article" in err and "stopped by Ctrl-C" in err
    assert "Traceback" not in err
    stored = _articles(db)
    assert 1 <= stored < 8
    with open_store(db) as store:
        states = entry_states(store)
        assert sum(e["status"] == "done" for e in states) == stored
        assert sum(e["status"] == "pending" for e in states) == 8 - stored
        assert store.integrity() == "ok"
        poll_feeds(store, PollOptions(fetch=FetchOptions(host_delay=0)))  # the rest
        assert store.counts()["articles"] == 8


def test_ctrl_c_ends_fetch_every(slow_site, tmp_path):
    db = tmp_path / "every.db"
    with open_store(db) as store:
        add_feed(store, slow_site.url("/feed.xml"))
    proc = _start(db, "--every", "1s")
    _wait_for(lambda: slow_site.count("/feed.xml") >= 2)  # a second poll came
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "feed 1 Slow: 8 entries, 8 new; 8 stored" in err
    assert "feed 1 Slow: not modified" in err and "Traceback" not in err


def test_per_host_concurrency_is_bounded(tmp_path):
    srv = FeedServer().start()
    try:
        links = [srv.add(f"/c/{k}", page_html(f"comet {k}", paragraphs("comet", k)),
                         delay=0.4) for k in range(6)]
        srv.add("/feed.xml", rss2("C", [{"title": str(k), "link": u}
                                        for k, u in enumerate(links)]),
                ctype="application/rss+xml")
        with open_store(tmp_path / "c.db") as store:
            add_feed(store, srv.url("/feed.xml"))
            opts = PollOptions(fetch=FetchOptions(host_delay=0, host_concurrency=2), workers=6)
            [r] = poll_feeds(store, opts)
            assert r.stored == 6
        starts = sorted(h.at for h in srv.requests("/c/"))
        overlap = max(sum(1 for s in starts if t <= s < t + 0.39) for t in starts)
        assert overlap == 2  # two at a time, never more, though six workers were free
    finally:
        srv.stop()
