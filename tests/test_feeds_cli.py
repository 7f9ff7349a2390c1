"""`newsweave feeds ...`, `fetch`, `ingest URL`, `brief URL` and OPML, on the loopback server."""

from __future__ import annotations

import json

import pytest

from feedserver import FeedServer, page_html, rss2
from feedsite import paragraphs
from newsweave.cli import main
from newsweave.cli.fetchcmd import parse_duration
from newsweave.errors import InputError, OptionsError
from newsweave.feeds import export_opml, import_opml, list_feeds, parse_opml
from newsweave.stories import open_store

OPML = """<?xml version="1.0"?>
<opml version="1.0"><head><title>My reader</title></head><body>
  <outline text="World">
    <outline text="Rss Daily" type="rss" xmlUrl="http://127.0.0.1:9/rss.xml"/>
    <outline title="Atom Times" type="rss" xmlUrl="http://127.0.0.1:9/atom.xml"/>
  </outline>
  <outline text="No feed here" htmlUrl="http://127.0.0.1:9/"/>
  <outline text="Broken" xmlUrl="ftp://127.0.0.1/x.xml"/>
  <outline text="Science" type="rss" xmlUrl="http://127.0.0.1:9/sci.xml?utm_source=opml"/>
</body></opml>
"""


@pytest.fixture
def site():
    srv = FeedServer().start()
    for k, story in enumerate(["flood", "flood", "mine"]):
        srv.add(f"/p/{k}", page_html(f"{story} {k}", paragraphs(story, k)))
    srv.add("/feed.xml", rss2("Loop News", [
        {"title": f"Item {k}", "link": srv.url(f"/p/{k}"),
         "date": f"Tue, 0{k + 1} Dec 2026 10:00:00 GMT"} for k in range(3)
    ]), ctype="application/rss+xml", etag='"f"')
    yield srv
    srv.stop()


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_duration():
    assert parse_duration("15m") == 900 and parse_duration("1h30m") == 5400
    assert parse_duration("90") == 90 and parse_duration("2d") == 172800
    for bad in ("5x", "", "m", "1.5.2h"):
        with pytest.raises(OptionsError):
            parse_duration(bad)


def test_opml_round_trip(tmp_path):
    src = tmp_path / "in.opml"
    src.write_text(OPML, encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        got = import_opml(store, src)
        assert [f.label for f in got.added] == ["Rss Daily", "Atom Times", "Science"]
        assert len(got.problems) == 1 and "ftp://" in got.problems[0]
        text = export_opml(store)
        again = tmp_path / "out.opml"
        again.write_text(text, encoding="utf-8")
        assert parse_opml(text.encode()) == [
            ("http://127.0.0.1:9/rss.xml", "Rss Daily"),
            ("http://127.0.0.1:9/atom.xml", "Atom Times"),
            ("http://127.0.0.1:9/sci.xml", "Science"),
        ]
        second = import_opml(store, again)  # idempotent
        assert second.added == [] and len(second.existing) == 3
    with open_store(tmp_path / "t.db") as other:  # into another store: the same feeds
        import_opml(other, again)
        assert [(f.url, f.name) for f in list_feeds(other)] == [
            (u, n) for u, n in parse_opml(text.encode())]


def test_opml_refuses_bad_files(tmp_path):
    with pytest.raises(InputError):
        parse_opml(b"<opml><body><outline", "x.opml")
    with pytest.raises(InputError):
        parse_opml(b"<rss/>", "x.opml")
    with pytest.raises(InputError):
        parse_opml(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><opml/>', "x.opml")


def test_feeds_commands(site, tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    url = site.url("/feed.xml")
    code, _, err = run(capsys, "feeds", "add", url, "--name", "Loop", "--db", db)
    assert code == 0 and "now following feed 1 Loop" in err
    code, _, err = run(capsys, "feeds", "add", url, "--db", db)
    assert code == 0 and "already following" in err
    code, out, _ = run(capsys, "feeds", "list", "--format", "json", "--db", db)
    [row] = json.loads(out)
    assert row["url"] == url and row["name"] == "Loop" and row["last_fetch"] is None

    code, _, err = run(capsys, "fetch", "--db", db, "--delay", "0")
    assert code == 0, err
    assert "feed 1 Loop: 3 entries, 3 new; 3 stored" in err
    code, out, _ = run(capsys, "feeds", "list", "--format", "json", "--db", db)
    [row] = json.loads(out)
    assert row["articles"] == 3 and row["last_status"] == "200 ok" and row["next_due"]
    code, out, _ = run(capsys, "feeds", "list", "--db", db)
    assert code == 0 and "Loop" in out and "200 ok" in out

    code, _, err = run(capsys, "fetch", "--db", db, "--delay", "0")
    assert code == 0 and "feed 1 Loop: not modified" in err and "0 articles stored" in err

    code, out, _ = run(capsys, "stories", "--format", "json", "--db", db)
    ids = {a for s in json.loads(out) for a in s["articles"]}
    assert ids == {site.url(f"/p/{k}") for k in range(3)}  # the canonical URLs are the ids
    code, out, _ = run(capsys, "stories", "--db", db)
    assert "2026-12-01" in out  # the story table shows the real dates

    code, out, _ = run(capsys, "feeds", "export", "--db", db)
    assert code == 0 and parse_opml(out.encode()) == [(url, "Loop")]
    code, _, err = run(capsys, "feeds", "remove", "1", "--db", db)
    assert code == 0 and "its 3 articles stay" in err
    code, out, _ = run(capsys, "feeds", "list", "--format", "json", "--db", db)
    assert json.loads(out) == []


def test_fetch_reports_broken_feeds_and_exits_1(site, tmp_path, capsys):
    db = str(tmp_path / "b.db")
    run(capsys, "feeds", "add", site.url("/feed.xml"), "--db", db)
    run(capsys, "feeds", "add", site.url("/gone.xml"), "--name", "Gone", "--db", db)
    code, _, err = run(capsys, "fetch", "--db", db, "--delay", "0")
    assert code == 1
    assert "feed 2 Gone: error:" in err and "HTTP 404" in err
    assert "3 stored" in err and "Traceback" not in err


def test_bad_usage_is_one_line_exit_2(site, tmp_path, capsys):
    db = str(tmp_path / "u.db")
    for args in (["feeds", "add", "ftp://example.invalid/x", "--db", db],
                 ["feeds", "remove", "99", "--db", db],
                 ["feeds", "list", "--format", "xml", "--db", db],
                 ["feeds", "import", str(tmp_path / "none.opml"), "--db", db],
                 ["fetch", "--db", db],  # no feed followed
                 ["fetch", "--every", "5x", "--db", db],
                 ["fetch", "--delay", "-1", "--db", db]):
        code, _, err = run(capsys, *args)
        assert code == 2, args
        assert err.count("\n") == 1 and err.startswith("newsweave: error:"), (args, err)


def test_ingest_and_brief_take_urls_mixed_with_files(site, tmp_path, capsys):
    db = str(tmp_path / "i.db")
    local = tmp_path / "local.txt"
    local.write_text("Flood in Alcira\n" + " ".join(paragraphs("flood", 3)), encoding="utf-8")
    code, _, err = run(capsys, "ingest", site.url("/p/0?utm_source=x"), str(local), "--db", db)
    assert code == 0 and "2 articles stored" in err
    with open_store(db) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM article ORDER BY seq")]
    assert ids == [site.url("/p/0"), "local"]
    code, out, err = run(capsys, "brief", site.url("/p/0"), site.url("/p/1"), "--format",
                         "json", "--no-analysis")
    assert code == 0, err
    brief = json.loads(out)
    assert {a["id"] for a in brief["articles"]} == {site.url("/p/0"), site.url("/p/1")}
    before = site.count()
    code, _, err = run(capsys, "ingest", site.url("/missing"), "--db", db)
    assert code == 2 and "HTTP 404" in err and err.count("\n") == 1
    with open_store(db) as store:
        assert store.counts()["articles"] == 2  # nothing stored from a failed input
    assert site.count() > before


def test_fetch_then_brief_and_update_a_dated_story(site, tmp_path, capsys):
    db = str(tmp_path / "e2e.db")
    run(capsys, "feeds", "add", site.url("/feed.xml"), "--db", db)
    assert run(capsys, "fetch", "--db", db, "--delay", "0")[0] == 0
    code, out, _ = run(capsys, "stories", "--format", "json", "--db", db)
    flood = next(s for s in json.loads(out) if site.url("/p/0") in s["articles"])
    assert flood["first_published"] == "2026-12-01" and flood["last_published"] == "2026-12-02"
    code, out, err = run(capsys, "brief", "--story", str(flood["id"]), "--db", db, "--mark")
    assert code == 0, err
    assert site.url("/p/0") in out  # cited by its canonical URL
    # The outlet publishes a new report on the same story: the feed changes.
    site.add("/p/9", page_html("flood 9", paragraphs("flood", 4)))
    site.add("/feed.xml", rss2("Loop News", [
        {"title": "Item 9", "link": site.url("/p/9"), "date": "Thu, 03 Dec 2026 08:00:00 GMT"},
        *({"title": f"Item {k}", "link": site.url(f"/p/{k}"),
           "date": f"Tue, 0{k + 1} Dec 2026 10:00:00 GMT"} for k in range(3)),
    ]), ctype="application/rss+xml", etag='"f2"')
    code, _, err = run(capsys, "fetch", "--db", db, "--delay", "0")
    assert code == 0 and "4 entries, 1 new; 1 stored" in err
    code, out, err = run(capsys, "update", "--story", str(flood["id"]), "--db", db)
    assert code == 0 and "1 new article " in err, err
    code, out, _ = run(capsys, "stories", "--format", "json", "--db", db)
    again = next(s for s in json.loads(out) if s["id"] == flood["id"])
    assert site.url("/p/9") in again["articles"] and again["last_published"] == "2026-12-03"


def test_files_alone_never_touch_the_network(tmp_path, capsys, monkeypatch):
    import newsweave.ingest.web as web

    class NoNetwork:
        def __init__(self, *a, **k):
            raise AssertionError("the network was used for local files")

    monkeypatch.setattr(web, "Fetcher", NoNetwork)
    local = tmp_path / "local.txt"
    local.write_text("Comet seen\n" + " ".join(paragraphs("comet", 1)), encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(local), "--db", str(tmp_path / "n.db"))
    assert code == 0, err
    code, out, err = run(capsys, "brief", str(local), "--no-analysis")
    assert code == 0 and out, err
