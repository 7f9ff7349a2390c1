"""Following feeds, against a loopback server (no network): formats, identity, politeness,
conditional GET, every kind of failure, retries, stopping, dates in stories."""

from __future__ import annotations

import threading
import time
from datetime import datetime

import pytest

from feedserver import FeedServer, atom, http_date, page_html, rss1, rss2
from feedsite import paragraphs
from newsweave._version import __version__
from newsweave.errors import FetchError
from newsweave.feeds import (
    PollOptions,
    add_feed,
    entry_states,
    list_feeds,
    poll_feeds,
    run_every,
)
from newsweave.ingest.web import Fetcher, FetchOptions, canonical_url, retry_after, to_utc
from newsweave.stories import open_store

FAST = FetchOptions(host_delay=0, backoff=0, connect_timeout=2, read_timeout=1.5,
                    total_timeout=3, max_bytes=200_000)
OPTS = PollOptions(fetch=FAST, workers=3)


@pytest.fixture
def site():
    srv = FeedServer().start()
    yield srv
    srv.stop()


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "feeds.db") as s:
        yield s


def add_page(srv: FeedServer, path: str, story: str, k: int, published: str | None = None,
             **kw) -> str:
    return srv.add(path, page_html(f"{story} report {k}", paragraphs(story, k), published),
                   **kw)


def article_ids(store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM article ORDER BY seq")]


# -- pure functions ---------------------------------------------------------------------------
def test_canonical_url_drops_tracking_and_normalizes():
    assert (canonical_url("HTTP://Example.COM:80/a/b?id=3&utm_source=rss&utm_medium=x&fbclid=9#top")
            == "http://example.com/a/b?id=3")
    assert canonical_url("https://example.com:8443") == "https://example.com:8443/"
    assert canonical_url("https://example.com/p?b=2&a=1&gclid=x") == "https://example.com/p?b=2&a=1"
    assert canonical_url("https://example.com/p?123&q=a%2Fb+c&UTM_Term=x") == (
        "https://example.com/p?123&q=a%2Fb+c")  # kept byte for byte
    assert canonical_url("http://[::1]:8080/x?utm_source=a") == "http://[::1]:8080/x"


def test_dates_become_utc():
    assert to_utc("Mon, 23 Nov 2026 10:00:00 +0200") == "2026-11-23T08:00:00Z"
    assert to_utc("2026-11-23T10:00:00-05:00") == "2026-11-23T15:00:00Z"
    assert to_utc("2026-11-23T10:00:00") == "2026-11-23T10:00:00Z"  # no zone: UTC
    assert to_utc("2026-11-23") == "2026-11-23"
    assert to_utc(time.gmtime(0)) == "1970-01-01T00:00:00Z"
    assert to_utc("next tuesday") is None
    assert retry_after("7") == 7.0
    assert retry_after(http_date(time.time() + 30)) == pytest.approx(30, abs=2)


# -- formats, identity, dates, conditional GET --------------------------------------------------
def test_rss2_atom_rss1_duplicates_and_conditional_get(site, store):
    a0 = add_page(site, "/a/0", "flood", 0)
    a1 = add_page(site, "/a/1", "flood", 1, "2026-11-22T23:30:00-02:00")
    b0 = add_page(site, "/b/0", "mine", 0)
    b1 = add_page(site, "/b/1", "mine", 1)
    c0 = add_page(site, "/c/0", "comet", 0, "2026-11-25T12:00:00+01:00")
    c1 = add_page(site, "/c/1", "comet", 1)
    site.add("/rss.xml", rss2("Rss Daily", [
        {"title": "Flood 0", "link": a0 + "?utm_source=rss&utm_campaign=z",
         "date": "Mon, 23 Nov 2026 10:00:00 +0200", "guid": "rss-a0"},
        {"title": "Flood 1", "link": a1, "date": "Mon, 23 Nov 2026 12:00:00 +0200"},
    ]), ctype="application/rss+xml", etag='"r1"')
    site.add("/atom.xml", atom("Atom Times", [
        {"title": "Flood again", "link": a0, "date": "2026-11-23T09:00:00Z"},  # same page
        {"title": "Mine 0", "link": b0, "date": "2026-11-24T08:00:00+03:00"},
    ]), ctype="application/atom+xml", last_modified="Mon, 23 Nov 2026 10:00:00 GMT")
    site.add("/rdf.xml", rss1("Rdf Post", [
        {"title": "Mine 1", "link": b1, "date": "2026-11-24T09:00:00+01:00"},
    ]), ctype="application/rdf+xml", etag='"d1"')
    site.add("/nodates.xml", rss2("Undated", [
        {"title": "Comet 0", "link": c0}, {"title": "Comet 1", "link": c1},
    ]), ctype="text/xml", etag='"n1"')
    for path in ("/rss.xml", "/atom.xml", "/rdf.xml"):
        add_feed(store, site.url(path))
    add_feed(store, site.url("/nodates.xml"), "Comet Watch")

    results = poll_feeds(store, OPTS)
    assert [r.status for r in results] == ["ok"] * 4
    assert sum(r.stored for r in results) == 6
    assert results[1].existing == 1  # /a/0 again, through the Atom feed
    assert sorted(article_ids(store)) == sorted([a0, a1, b0, b1, c0, c1])
    assert site.count("/a/0") == 1  # fetched once for two feeds
    arts = {a.id: a for s in store.stories() for a in store.story_articles(s.id)}
    assert arts[a0].published == "2026-11-23T08:00:00Z"  # the feed's date, in UTC
    assert arts[a0].url == a0 and arts[a0].source == "Rss Daily"
    assert arts[b0].published == "2026-11-24T05:00:00Z"
    assert arts[b1].published == "2026-11-24T08:00:00Z"  # RSS 1.0 dc:date
    assert arts[c0].published == "2026-11-25T11:00:00Z"  # no feed date: the page's metadata
    assert arts[c0].source == "Comet Watch"
    assert arts[c1].published is None  # neither the feed nor the page has one
    both = [e for e in entry_states(store) if e["link"] == a0]
    assert len(both) == 2 and {e["article"] for e in both} == {a0}
    feeds = list_feeds(store)
    assert [f.articles for f in feeds] == [2, 2, 1, 2]
    ua = site.requests("/rss.xml")[0].headers
    assert ua["user-agent"].startswith(f"newsweave/{__version__}")
    assert "gzip" in ua["accept-encoding"]
    assert ua["accept"].startswith("application/rss+xml, application/atom+xml")
    assert site.requests("/a/0")[0].headers["accept"].startswith("text/html")

    # A second poll of unchanged feeds: conditional GETs, no page, nothing stored.
    site.reset()
    before = store.counts()
    again = poll_feeds(store, OPTS)
    assert [r.status for r in again] == ["not-modified"] * 4
    assert site.requests("/rss.xml")[0].headers["if-none-match"] == '"r1"'
    assert (site.requests("/atom.xml")[0].headers["if-modified-since"]
            == "Mon, 23 Nov 2026 10:00:00 GMT")
    assert site.count("/a/") + site.count("/b/") + site.count("/c/") == 0
    assert store.counts() == before

    # A changed document listing the same entries: parsed, still no page request.
    site.routes["/rss.xml"].etag = '"r2"'
    site.reset()
    third = poll_feeds(store, OPTS)
    assert third[0].status == "ok" and third[0].new == 0 and third[0].stored == 0
    assert site.count("/a/") == 0 and store.counts() == before


def test_gzip_and_redirect_to_canonical_url(site, store):
    final = add_page(site, "/story/final", "mine", 2, gzip=True)
    site.add("/go/42", status=301, location=final + "?utm_source=feed")
    site.add("/feed.xml", rss2("Redirects", [
        {"title": "Mine", "link": site.url("/go/42?ref_src=tw&utm_medium=rss"),
         "date": "Tue, 24 Nov 2026 10:00:00 GMT"}]), ctype="application/rss+xml")
    add_feed(store, site.url("/feed.xml"))
    [r] = poll_feeds(store, OPTS)
    assert r.stored == 1
    assert article_ids(store) == [final]
    hit = site.requests("/story/final")[0]
    assert "gzip" in hit.headers["accept-encoding"]


# -- failures ---------------------------------------------------------------------------------
def test_broken_feeds_are_recorded_and_never_stop_the_others(site, store):
    good = add_page(site, "/ok/0", "comet", 2)
    site.add("/good.xml", rss2("Good", [{"title": "C", "link": good}]),
             ctype="application/rss+xml")
    site.add("/err.xml", status=500)
    site.add("/bad.xml", "<rss version='2.0'><channel><title>x</title><item><title>y",
             ctype="application/rss+xml")
    site.add("/slow.xml", rss2("Slow", []), ctype="application/rss+xml", delay=4)
    site.add("/page.html", page_html("Home", ["Welcome to our home page, read the news."]))
    feeds = {
        "missing": site.url("/missing.xml"), "err": site.url("/err.xml"),
        "bad": site.url("/bad.xml"), "slow": site.url("/slow.xml"),
        "tls": f"https://127.0.0.1:{site.port}/good.xml", "html": site.url("/page.html"),
        "good": site.url("/good.xml"),
    }
    for name, url in feeds.items():
        add_feed(store, url, name)
    results = {r.name: r for r in poll_feeds(store, OPTS)}
    kinds = {n: r.kind for n, r in results.items()}
    assert kinds == {"missing": "http-404", "err": "http-500", "bad": "malformed",
                     "slow": "timeout", "tls": "tls", "html": "not-a-feed", "good": None}
    assert results["good"].stored == 1 and article_ids(store) == [good]
    assert site.count("/err.xml") == 1 + FAST.retries  # retried with backoff, then recorded
    listed = {f.name: f for f in list_feeds(store)}
    assert listed["err"].last_status == "error (http-500)"
    assert "HTTP 500" in listed["err"].last_error
    assert listed["good"].last_error is None and listed["good"].articles == 1


def test_failing_pages_are_retried_then_failed_or_skipped(site, store):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    items = {
        "big": site.add("/big", stream=400_000),  # no length: counted while read
        "declared": site.add("/declared", "x" * 300_000),  # Content-Length over the limit
        "pdf": site.add("/doc.pdf", b"%PDF-1.4 ...", ctype="application/pdf"),
        "png": site.add("/img.png", b"\x89PNG\r\n\x1a\n", ctype="image/png"),
        "loop": site.add("/loop/1", status=302, location="/loop/2"),
        "err": site.add("/err", status=500),
        "private": add_page(site, "/private/x", "flood", 3),
        "slow": add_page(site, "/slowpage", "flood", 4, delay=4),
        "ok": add_page(site, "/fine", "flood", 5),
    }
    site.add("/loop/2", status=302, location="/loop/1")
    site.add("/feed.xml", rss2("Troubles", [{"title": k, "link": u} for k, u in items.items()]),
             ctype="application/rss+xml", etag='"t"')
    add_feed(store, site.url("/feed.xml"))

    [r] = poll_feeds(store, OPTS)
    assert (r.stored, r.skipped, r.retry, r.failed) == (1, 5, 3, 0)
    state = {e["title"]: e for e in entry_states(store)}
    assert {k: state[k]["status"] for k in items} == {
        "big": "skipped", "declared": "skipped", "pdf": "skipped", "png": "skipped",
        "loop": "pending", "err": "pending", "private": "skipped", "slow": "pending",
        "ok": "done"}
    assert "limit" in state["big"]["error"] and "limit" in state["declared"]["error"]
    assert "application/pdf" in state["pdf"]["error"]
    assert "robots.txt" in state["private"]["error"]
    assert "redirect loop" in state["loop"]["error"]
    assert site.count("/private/") == 0  # robots.txt honoured: never asked

    site.routes["/slowpage"].delay = 0  # recovers before its last try
    for _poll in (2, 3):
        [r] = poll_feeds(store, OPTS)
        assert r.status == "not-modified"
    state = {e["title"]: e for e in entry_states(store)}
    assert state["loop"]["status"] == "failed" and state["loop"]["attempts"] == 3
    assert state["err"]["status"] == "failed"
    assert state["slow"]["status"] == "done"
    site.reset()
    [r] = poll_feeds(store, OPTS)  # given up: never asked again
    assert site.count("/loop/") + site.count("/err") == 0 and r.retry == 0
    assert list_feeds(store)[0].failed == 7


def test_429_retry_after_and_503_backoff(site, store):
    waits: list[float] = []
    page = add_page(site, "/p/0", "mine", 3, fail_first=1, fail_status=503)
    site.add("/feed.xml", rss2("Busy", [{"title": "M", "link": page}]),
             ctype="application/rss+xml", fail_first=1, fail_status=429,
             fail_headers={"Retry-After": "2"})
    add_feed(store, site.url("/feed.xml"))
    opts = PollOptions(fetch=FetchOptions(host_delay=0, backoff=0.25), workers=2)
    with Fetcher(opts.fetch, sleep=waits.append) as f:
        [r] = poll_feeds(store, opts, fetcher=f)
    assert r.status == "ok" and r.stored == 1
    assert waits == [2.0, 0.25]  # Retry-After honoured; then the first backoff step
    assert site.count("/feed.xml") == 2 and site.count("/p/0") == 2


def test_retry_after_too_long_ends_the_try(site, store):
    site.add("/feed.xml", status=200, fail_first=5, fail_status=429,
             fail_headers={"Retry-After": "3600"})
    add_feed(store, site.url("/feed.xml"))
    [r] = poll_feeds(store, OPTS)
    assert r.kind == "http-429" and site.count("/feed.xml") == 1
    [feed] = list_feeds(store)  # not due again before the server's pause ends

    def at(iso: str) -> datetime:
        return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ")

    assert (at(feed.next_due) - at(feed.last_fetch)).total_seconds() == pytest.approx(3600, abs=5)
    site.reset()
    [r] = poll_feeds(store, OPTS)  # even a poll of every feed waits for the pause to end
    assert r.status == "waiting" and site.count() == 0


def test_per_host_delay_spaces_requests(site, store):
    links = [add_page(site, f"/d/{k}", "comet", k) for k in range(3)]
    site.add("/feed.xml", rss2("Delay", [{"title": str(k), "link": u}
                                         for k, u in enumerate(links)]),
             ctype="application/rss+xml")
    add_feed(store, site.url("/feed.xml"))
    opts = PollOptions(fetch=FetchOptions(host_delay=0.3, backoff=0), workers=3)
    poll_feeds(store, opts)
    times = [h.at for h in site.requests("/")]  # robots.txt, feed, 3 pages: one host
    assert len(times) == 5
    # Arrival times at the server jitter with thread scheduling on a loaded machine (one
    # request a little late makes the next gap short), so the e2e check is on the span; the
    # exact spacing of the slots is checked without a clock below.
    assert times[-1] - times[0] >= 4 * 0.3 * 0.85


def test_per_host_slots_are_spaced_by_the_delay():
    from newsweave.ingest.web import Fetcher, _Host

    slept: list[float] = []
    with Fetcher(FetchOptions(host_delay=0.3), sleep=slept.append) as f:
        host = _Host(2)
        for _ in range(5):
            f._wait_turn(host)
    # time does not move (the sleep only records), so every turn after the first waits one
    # more delay: slots at 0, 0.3, 0.6, ... from the first request
    assert len(slept) == 4
    assert [round(b - a, 2) for a, b in zip(slept, slept[1:], strict=False)] == [0.3] * 3


def test_fetcher_errors_are_typed(site):
    site.add("/x", status=410)
    with Fetcher(FAST) as f:
        with pytest.raises(FetchError) as exc:
            f.get(site.url("/x"))
        assert exc.value.kind == "http-410" and site.url("/x") in str(exc.value)
        with pytest.raises(FetchError) as exc:
            f.get("ftp://127.0.0.1/x")
        assert exc.value.kind == "bad-url"


# -- stopping, reruns, dates ----------------------------------------------------------------
def test_stop_ends_after_the_current_article_and_a_rerun_completes(site, store):
    links = [add_page(site, f"/s/{k}", story, k)
             for k, story in enumerate(["flood", "mine", "comet", "flood", "mine"])]
    site.add("/feed.xml", rss2("Stop", [{"title": str(k), "link": u}
                                        for k, u in enumerate(links)]),
             ctype="application/rss+xml")
    add_feed(store, site.url("/feed.xml"))
    stop = threading.Event()

    def on_event(e):
        if e.kind == "page":
            stop.set()

    poll_feeds(store, OPTS, stop=stop, on_event=on_event)
    assert len(article_ids(store)) == 1
    assert [e["status"] for e in entry_states(store)].count("pending") == 4
    poll_feeds(store, OPTS)  # the rerun stores the rest, once each
    assert sorted(article_ids(store)) == sorted(links)
    assert {e["status"] for e in entry_states(store)} == {"done"}


def test_stories_use_real_dates(site, store):
    near = [add_page(site, f"/n/{k}", "flood", k) for k in range(2)]
    far = add_page(site, "/far", "flood", 2)
    site.add("/feed.xml", rss2("Dates", [
        {"title": "Flood one", "link": near[0], "date": "Mon, 02 Nov 2026 10:00:00 GMT"},
        {"title": "Flood two", "link": near[1], "date": "Tue, 03 Nov 2026 10:00:00 GMT"},
        {"title": "Flood later", "link": far, "date": "Wed, 30 Dec 2026 10:00:00 GMT"},
    ]), ctype="application/rss+xml")
    add_feed(store, site.url("/feed.xml"))
    poll_feeds(store, OPTS)
    stories = {tuple(s.articles): s for s in store.stories()}
    assert set(stories) == {tuple(near), (far,)}  # same words, two months apart: two stories
    assert stories[tuple(near)].first_published == "2026-11-02"
    assert stories[tuple(near)].last_published == "2026-11-03"


def test_run_every_polls_until_stopped(site, store):
    link = add_page(site, "/e/0", "comet", 0)
    site.add("/feed.xml", rss2("Every", [{"title": "C", "link": link}]),
             ctype="application/rss+xml", etag='"e"')
    add_feed(store, site.url("/feed.xml"))
    polls: list[list] = []
    opts = PollOptions(fetch=FAST, every=1.0)
    n = run_every(store, opts, threading.Event(), on_poll=polls.append, max_polls=2)
    assert n == 2
    assert [r.status for r in polls[0]] == ["ok"] and [r.status for r in polls[1]] == [
        "not-modified"]
    assert site.count("/robots.txt") == 1  # one fetcher for the loop: robots.txt kept
    stop = threading.Event()
    stop.set()
    assert run_every(store, opts, stop) == 0


def test_robots_txt_unavailable_keeps_out_until_it_answers(site, store):
    link = add_page(site, "/r/0", "mine", 4)
    site.add("/robots.txt", status=503)
    site.add("/feed.xml", rss2("R", [{"title": "M", "link": link}]), ctype="application/rss+xml")
    add_feed(store, site.url("/feed.xml"))
    [r] = poll_feeds(store, OPTS)
    assert r.kind == "robots-unavailable" and "robots.txt" in r.error
    assert site.count("/feed.xml") == 0  # kept out
    site.add("/robots.txt", status=404)
    [r] = poll_feeds(store, OPTS)  # the next poll asks robots.txt again
    assert r.status == "ok" and r.stored == 1


def test_a_feed_moved_for_good_is_followed_at_its_new_url(site, store):
    link = add_page(site, "/m/0", "comet", 3)
    site.add("/new.xml", rss2("Moved", [{"title": "C", "link": link}]),
             ctype="application/rss+xml", etag='"m"')
    site.add("/old.xml", status=301, location="/new.xml")
    site.add("/tmp.xml", status=302, location="/new2.xml")
    site.add("/new2.xml", rss2("Temp", [{"title": "C", "link": link}]),
             ctype="application/rss+xml")
    add_feed(store, site.url("/old.xml"))
    add_feed(store, site.url("/tmp.xml"))
    results = poll_feeds(store, OPTS)
    assert [r.status for r in results] == ["ok", "ok"]
    assert [f.url for f in list_feeds(store)] == [site.url("/new.xml"), site.url("/tmp.xml")]
    site.reset()
    poll_feeds(store, OPTS)
    assert site.count("/old.xml") == 0 and site.count("/tmp.xml") == 1


def test_an_unexpected_failure_of_one_page_does_not_end_the_poll(site, store, monkeypatch):
    import newsweave.feeds.poll as poll

    links = [add_page(site, f"/u/{k}", "mine", k) for k in range(2)]
    site.add("/feed.xml", rss2("U", [{"title": str(k), "link": u} for k, u in enumerate(links)]),
             ctype="application/rss+xml")
    add_feed(store, site.url("/feed.xml"))
    real = poll.article_from_page

    def flaky(page, **kw):
        if page.url.endswith("/u/0"):
            raise RuntimeError("boom")
        return real(page, **kw)

    monkeypatch.setattr(poll, "article_from_page", flaky)
    [r] = poll_feeds(store, OPTS)
    assert r.stored == 1 and r.retry == 1 and "internal error" in r.problems[0]
