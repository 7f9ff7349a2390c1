"""Defects an adversarial review found (session 27): lone surrogates, huge ids, closed stdin,
eval's peers and error lines, control characters in feed names."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsweave.batch import run_batch
from newsweave.cli import main
from newsweave.errors import InputError
from newsweave.evaluate import evaluate
from newsweave.feeds import add_feed, export_opml, list_feeds, parse_opml
from newsweave.ingest import load_paths
from newsweave.stories import open_store

TEXT = "The mayor said on Monday that the harbour bridge will reopen next week after repairs."
# JSON text with lone surrogate escapes: valid JSON, yet no UTF-8 file can hold the result
SURROGATE_LINE = ('{"id": "s\\ud800", "text": "The mayor \\ud800 said the bridge will reopen '
                  'next week.", "source": "A\\udc00", "url": "http://x.test/\\ud800"}')


def test_lone_surrogates_in_jsonl_become_replacement_characters(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(SURROGATE_LINE + "\n", encoding="utf-8")
    art = load_paths([str(path)])[0]
    for value in (art.id, art.text, art.source, art.url):
        assert "\ufffd" in value and not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    assert main(["brief", str(path), "--format", "json"]) == 0
    assert "\ufffd" in json.loads(capsys.readouterr().out)["summary"][0]["text"]
    assert main(["ingest", str(path), "--db", str(tmp_path / "s.db")]) == 0


def test_batch_keeps_every_cluster_of_a_file_with_a_surrogate_line(tmp_path: Path) -> None:
    good = {"id": "g", "articles": [{"text": TEXT}]}
    bad = ('{"id": "x\\ud800", "articles": [{"text": "The port \\ud800 closed on Friday after '
           'a storm, officials said."}]}')
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text("\n".join([json.dumps(good), bad, json.dumps(good | {"id": "h"})]) + "\n",
                   encoding="utf-8")
    report = run_batch(inp, out)
    assert (report.ok, report.failed) == (3, 0)
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        "g", "x\ufffd", "h"]


def test_a_story_id_beyond_sqlite_integers_is_no_story(tmp_path: Path, capsys) -> None:
    db = tmp_path / "s.db"
    src = tmp_path / "a.txt"
    src.write_text(TEXT + "\n", encoding="utf-8")
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    huge = str(10**20)
    for args in (["update", "--story", huge], ["brief", "--story", huge],
                 ["feeds", "remove", huge]):
        assert main([*args, "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "internal error" not in err and huge in err


def test_closed_standard_input_is_an_input_error(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["brief", "-"]) == 2
    assert capsys.readouterr().err.strip() == (
        "newsweave: error: <stdin>: cannot read (standard input is closed)")
    with pytest.raises(InputError, match="stdin"):
        load_paths(["-"])


def _cluster(**extra: object) -> dict[str, object]:
    return {"id": "c", "articles": [{"text": TEXT}], "reference": TEXT} | extra


def test_eval_keeps_its_own_row_apart_from_a_peer_called_newsweave(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text(json.dumps(_cluster(peers={"newsweave": "fake", "a\x1b[31mb": "x",
                                               "": "y"})) + "\n", encoding="utf-8")
    rows = {r["system"]: r for r in evaluate(path)}
    assert set(rows) == {"newsweave", "newsweave (peer)", "a[31mb", "(no name)"}
    assert rows["newsweave"]["clusters"] == 1 and rows["newsweave"]["rouge1"] > 90


@pytest.mark.parametrize(("lines", "message"), [
    ([_cluster(peers="x")], "line 1: 'peers' must be an object"),
    ([_cluster(), _cluster(articles="x")], "line 2: a cluster needs 'articles'"),
    ([{"id": "c", "reference": "r"}], "line 1: a cluster needs 'articles'"),
])
def test_eval_names_the_file_and_line_of_a_bad_cluster(tmp_path: Path, lines, message) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as exc:
        evaluate(path, peers=True)
    assert exc.value.path == str(path)


def test_feed_names_lose_control_characters_so_opml_round_trips(tmp_path: Path) -> None:
    with open_store(tmp_path / "f.db") as store:
        add_feed(store, "http://127.0.0.1:9/feed.xml", "A\x1b[31mB\x07")
        assert [f.name for f in list_feeds(store)] == ["A[31mB"]
        assert parse_opml(export_opml(store).encode()) == [
            ("http://127.0.0.1:9/feed.xml", "A[31mB")]


def test_server_answers_404_for_a_story_id_beyond_sqlite_integers(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsweave.server import ServerConfig, create_app
    from server_util import mosul_store

    db = mosul_store(tmp_path / "s.db")
    huge = 10**22
    with TestClient(create_app(ServerConfig(db=db)), raise_server_exceptions=False) as c:
        for path in (f"/api/v1/stories/{huge}", f"/api/v1/stories/{huge}/brief",
                     f"/api/v1/stories/{huge}/update", f"/stories/{huge}"):
            assert c.get(path).status_code == 404, path


def test_serve_on_a_busy_port_is_one_error_line(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("newsweave")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        run = subprocess.run([str(exe), "serve", "--db", str(tmp_path / "s.db"), "--port",
                              str(port)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (f"newsweave: error: cannot listen on 127.0.0.1 port {port}: "
                          "address already in use\n")


@pytest.mark.parametrize(("sig", "early"), [("SIGTERM", False), ("SIGINT", False),
                                            ("SIGINT", True)])
def test_a_stopped_batch_leaves_out_as_it_was_and_says_so(tmp_path: Path, sig: str,
                                                          early: bool) -> None:
    words = "the council voted on monday to close the harbour road for two weeks".split()
    with (tmp_path / "in.jsonl").open("w", encoding="utf-8") as fh:
        for k in range(20_000):
            text = " ".join(words[(k + i) % len(words)] for i in range(60)).capitalize() + "."
            fh.write(json.dumps({"id": f"c{k}", "articles": [{"text": text}] * 2}) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    exe = Path(sys.executable).with_name("newsweave")
    proc = subprocess.Popen([str(exe), "batch", str(tmp_path / "in.jsonl"), str(out), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # (a group, as a terminal's Ctrl-C hits)
    part = tmp_path / ".out.jsonl.part"
    deadline = time.monotonic() + 30
    # early: as soon as OUT's partial file exists, while the workers start (signals are
    # held meanwhile); else once the first records are written
    while not (part.exists() and (early or part.stat().st_size > 0)) and (
            time.monotonic() < deadline):
        time.sleep(0.005)
    os.killpg(proc.pid, getattr(signal, sig))
    err = proc.communicate(timeout=60)[1]
    assert proc.returncode == (143 if sig == "SIGTERM" else 130), err
    assert err.strip().splitlines()[-1] == ("newsweave: terminated" if sig == "SIGTERM"
                                            else "newsweave: interrupted")
    assert "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "earlier\n" and not part.exists()


def _stored(tmp_path: Path) -> Path:
    src = tmp_path / "a.txt"
    src.write_text("Harbour bridge to reopen\n" + TEXT + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    return db


def test_a_read_only_store_can_be_read_but_not_written(tmp_path: Path, capsys) -> None:
    from newsweave.errors import StoreError

    db = _stored(tmp_path)
    with open_store(db, create=False, readonly=True) as store:
        assert [r.title for r in store.stories()] == ["Harbour bridge to reopen"]
        assert list_feeds(store) == []
        with pytest.raises(StoreError, match="read-only"):
            with store.write():
                pass
    with open_store(db) as store:  # still a normal store afterwards
        assert store.counts()["articles"] == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to run a command as another user")
def test_read_commands_work_for_a_user_who_cannot_write_the_store(tmp_path: Path,
                                                                  capsys) -> None:
    import shutil
    import tempfile

    setpriv = shutil.which("setpriv")
    exe = Path(sys.executable).with_name("newsweave")
    as_nobody = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else []
    if not setpriv or subprocess.run([*as_nobody, str(exe), "--version"],
                                     capture_output=True).returncode != 0:
        pytest.skip("setpriv missing, or the user nobody cannot run this newsweave")
    folder = Path(tempfile.mkdtemp(dir="/tmp"))  # root's folder, readable by all
    try:
        folder.chmod(0o755)
        db = shutil.copy(_stored(tmp_path), folder / "s.db")
        Path(db).chmod(0o644)
        capsys.readouterr()

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([*as_nobody, str(exe), *args, "--db", str(db)],
                                  capture_output=True, text=True, timeout=120)

        for args in (["stories"], ["brief", "--story", "1"], ["update", "--story", "1"],
                     ["feeds", "list"]):
            done = run(*args)
            assert done.returncode == 0, (args, done.stderr)
        assert "Harbour bridge" in run("stories").stdout
        more = folder / "b.txt"
        more.write_text(TEXT + "\n", encoding="utf-8")
        more.chmod(0o644)
        for args in (["update", "--story", "1", "--mark"], ["ingest", str(more)]):
            done = run(*args)
            assert done.returncode == 2 and "read-only here" in done.stderr, done.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["b.txt", "s.db"]
    finally:
        shutil.rmtree(folder)


def test_options_that_would_be_ignored_or_clobber_are_refused(tmp_path: Path, capsys) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT + "\n", encoding="utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(json.dumps({"id": "c", "articles": [{"text": TEXT}]}) + "\n",
                     encoding="utf-8")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(loop)
    cases = [
        (["brief", str(src), "--db", str(tmp_path / "s.db")], "--db is the store of --story"),
        (["brief", str(src), "-o", str(tmp_path / "x"), "--html", str(tmp_path / "x")],
         "--out and --html name the same file"),
        (["batch", str(jsonl), "-"], "not '-'"),
        (["batch", str(tmp_path), str(tmp_path / "o.jsonl")], "is a folder"),
        (["batch", str(jsonl), str(tmp_path)], "is a folder"),
        (["eval", "-"], "not '-'"),
        (["eval", str(tmp_path)], "is a folder"),
        (["brief", str(loop)], "a symbolic link to nothing"),
    ]
    for args, message in cases:
        assert main(args) == 2, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err, (args, err)
    assert not (tmp_path / "-").exists() and not (tmp_path / "s.db").exists()


def test_eval_gives_peers_whose_names_clean_alike_rows_of_their_own(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    peers = {"lead": TEXT, "lead\x07": "x", "newsweave": "y", "newsweave (peer)": "z"}
    path.write_text(json.dumps(_cluster(peers=peers)) + "\n", encoding="utf-8")
    rows = {r["system"]: r for r in evaluate(path)}
    assert set(rows) == {"newsweave", "lead", "lead #2", "newsweave (peer)",
                         "newsweave (peer) #2"}
    assert all(r["clusters"] == 1 for r in rows.values())
    assert rows["lead"]["rouge1"] > 90 > rows["lead #2"]["rouge1"]


def test_fetch_every_polls_at_its_own_interval_after_a_one_shot_fetch(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from newsweave.feeds.poll import due_feeds, seconds_to_next_due

    stamp = "%Y-%m-%dT%H:%M:%S.%fZ"
    now = datetime.now(UTC)
    with open_store(tmp_path / "f.db") as store:
        add_feed(store, "http://127.0.0.1:9/feed.xml")
        with store.write() as c:  # polled 20 s ago by a one-shot fetch: due in 15 minutes
            c.execute("UPDATE feed SET last_fetch = ?, last_status = '200 ok', next_due = ?",
                      ((now - timedelta(seconds=20)).strftime(stamp),
                       (now + timedelta(minutes=15)).strftime(stamp)))
        assert due_feeds(store) == [] and seconds_to_next_due(store, 900) > 800
        assert [f.url for f in due_feeds(store, every=10)] == ["http://127.0.0.1:9/feed.xml"]
        assert seconds_to_next_due(store, 10, every=10) == 0
        with store.write() as c:  # the server asked for a pause: that still holds
            c.execute("UPDATE feed SET last_status = 'error (http); paused by the server'")
        assert due_feeds(store, every=10) == []


def test_a_malformed_feed_that_still_gives_entries_says_so() -> None:
    from newsweave.feeds.poll import parse_feed
    from newsweave.ingest.web import Page

    good = ('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            '<item><title>A</title><link>http://127.0.0.1:9/a.html</link></item>')
    cut = good + '<item><title>B</title><link>http://127.0.0.1:9/b'  # the end is missing
    whole = parse_feed(Page("u", "u", 200, "application/rss+xml", body=(
        good + "</channel></rss>").encode()))
    assert whole.problem == "" and len(whole.entries) == 1
    plain = parse_feed(Page("u", "u", 200, "text/plain", body=(
        good + "</channel></rss>").encode()))  # served as text: no XML error
    assert plain.problem == "" and len(plain.entries) == 1
    broken = parse_feed(Page("u", "u", 200, "application/rss+xml", body=cut.encode()))
    assert broken.entries and broken.problem.startswith(
        f"malformed feed XML, {len(broken.entries)} entries read (")


def _server(tmp_path: Path, token: str | None = None):
    from fastapi.testclient import TestClient

    from newsweave.server import ServerConfig, create_app
    from server_util import mosul_store

    db = mosul_store(tmp_path / "s.db")
    return TestClient(create_app(ServerConfig(db=db, token=token)),
                      raise_server_exceptions=False, follow_redirects=False)


def test_head_is_get_without_a_body_and_405_says_what_is_allowed(tmp_path: Path) -> None:
    with _server(tmp_path) as c:
        for path in ("/api/v1/health", "/", "/stories/1", "/openapi.json"):
            head, get = c.head(path), c.get(path)
            assert head.status_code == get.status_code == 200, path
            assert head.content == b"" and head.headers["content-length"] == (
                get.headers["content-length"])
        for method, path, allow in (("PUT", "/api/v1/health", "GET, HEAD"),
                                    ("PUT", "/brief", "GET, HEAD, POST"),
                                    ("DELETE", "/login", "GET, HEAD, POST"),
                                    ("PUT", "/api/v1/brief", "POST"),
                                    ("PUT", "/static/style.css", "GET, HEAD")):
            r = c.request(method, path)
            assert r.status_code == 405 and r.headers["allow"] == allow, (path, r.headers)
        # a HEAD has no side effect: no mark recorded, no visit counted
        assert c.head("/api/v1/stories/1/update?mark=true").status_code == 400
        assert c.get("/api/v1/stories/1/update").json()["update"]["since"] is None
        assert "set-cookie" not in c.head("/").headers


def test_a_visit_cookie_with_an_impossible_date_is_no_visit(tmp_path: Path) -> None:
    bad = "2020-02-30T00:00:00.000000Z|2020-13-45T25:61:61.000000Z"
    with _server(tmp_path) as c:
        for path in ("/", "/stories/1"):
            c.cookies.set("nw_visit", bad)
            r = c.get(path)
            assert r.status_code == 200, path
            assert "nw_visit=-|" in r.headers["set-cookie"]  # replaced


def test_logout_ends_the_session_on_the_server(tmp_path: Path) -> None:
    token = "s3cret-token-for-tests"
    with _server(tmp_path, token) as c:
        csrf = c.get("/login").text.split('name="csrf" value="')[1].split('"')[0]
        assert c.post("/login", data={"token": token, "csrf": csrf, "next": "/"}
                      ).status_code == 303
        session = c.cookies.get("nw_session")
        assert session and c.get("/").status_code == 200
        assert c.post("/logout", data={"csrf": csrf}).status_code == 303
        c.cookies.set("nw_session", session)  # a copy of the cookie kept from before
        r = c.get("/")
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
        c.cookies.clear()
        r = c.get("/", headers={"cookie": "nw_session=1~x.\u00e9".encode()})  # not ASCII
        assert r.status_code == 303  # refused, no 500
        assert c.post("/logout", data={"csrf": "\u00e9"}).status_code == 403


def test_a_session_expires_after_seven_days(tmp_path: Path, monkeypatch) -> None:
    import newsweave.server.security as security

    token = "s3cret-token-for-tests"
    with _server(tmp_path, token) as c:
        csrf = c.get("/login").text.split('name="csrf" value="')[1].split('"')[0]
        c.post("/login", data={"token": token, "csrf": csrf, "next": "/"})
        assert c.get("/").status_code == 200
        later = time.time() + security.SESSION_SECONDS + 60
        monkeypatch.setattr(security.time, "time", lambda: later)
        assert c.get("/").status_code == 303


def test_a_stored_story_is_headed_by_its_clean_title(tmp_path: Path, capsys) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Story highlights Harbour bridge to reopen next week\n" + TEXT + "\n",
                   encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    with open_store(db) as store:
        title = store.stories()[0].title
    assert title and not title.startswith("Story highlights")
    for args in (["brief", "--story", "1"], ["update", "--story", "1"]):
        assert main([*args, "--db", str(db), "--format", "md"]) == 0
        out = capsys.readouterr().out
        assert f"# {title}" in out and "Story highlights" not in out.split("\n\n")[1], args


def test_a_body_that_is_not_json_is_a_422_without_a_bogus_field(tmp_path: Path) -> None:
    with _server(tmp_path) as c:
        h = {"content-type": "application/json"}
        for body, why in ((b'{"articles": [{"text": "a b"}], }', "at character"),
                          (b'{"articles": [{"text": "caf\xe9"}]}', "could not be read")):
            r = c.post("/api/v1/brief", content=body, headers=h)
            assert r.status_code == 422 and why in r.json()["error"]
            assert "field" not in r.json()


def test_record_dates_are_normalised_and_a_non_date_is_flagged_not_stored(tmp_path: Path,
                                                                          capsys) -> None:
    recs = [{"id": "a", "text": TEXT, "published": "October 21, 2016 10:05 AM"},
            {"id": "b", "text": TEXT.replace("Monday", "Tuesday"), "published": "not a date"},
            {"id": "c", "text": TEXT.replace("bridge", "road"),
             "published": "2016-10-21T14:05:00+02:00"}]
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    arts = {a.id: a for a in load_paths([str(path)])}
    assert arts["a"].published == "2016-10-21T10:05:00Z"
    assert arts["b"].published is None and arts["b"].flags == ("published-not-a-date",)
    assert arts["c"].published == "2016-10-21T12:05:00Z"
    assert main(["brief", str(path)]) == 0
    assert "b: published-not-a-date" in capsys.readouterr().err


def test_library_calls_with_wrong_types_raise_typed_errors(tmp_path: Path) -> None:
    import newsweave as nw
    from newsweave import Article, BriefOptions, Limits
    from newsweave.errors import OptionsError, StoreError
    from newsweave.stories import Clusterer

    for bad in (None, 5, b"x", "", [""]):
        with pytest.raises(InputError):
            nw.brief(bad)
    for art in (Article(id="x", text=None), Article(id=5, text=TEXT),  # type: ignore[arg-type]
                Article(id="x", text=TEXT, published=2020)):  # type: ignore[arg-type]
        with pytest.raises(InputError, match="article field"):
            nw.brief([art])
    for kwargs in ({"options": {"words": 100}}, {"limits": {"max_bytes": 1}}):
        with pytest.raises(OptionsError):
            nw.brief([{"text": TEXT}], **kwargs)
    for make in (lambda: BriefOptions(words="100"), lambda: BriefOptions(words=10.5),
                 lambda: BriefOptions(analyze="no"), lambda: Limits(max_bytes=None),
                 lambda: Limits(max_article_chars=1000.5), lambda: Limits(max_articles=True)):
        with pytest.raises(OptionsError):
            make()
    assert Limits(extract_seconds=5).extract_seconds == 5  # a whole number is a number
    # a hand-built article gets the limits and the id cleaning a loaded one gets
    long = nw.brief([Article(id="x  y\u200b", text=("word " * 50 + "\n") * 20_000)]).articles[0]
    assert long.id == "x y" and long.flags == ("truncated",) and len(long.text) <= 200_000
    with pytest.raises(StoreError):
        Clusterer(None)  # type: ignore[arg-type]
    with open_store(tmp_path / "s.db") as store, Clusterer(store) as cl:
        with pytest.raises(InputError):
            cl.add({"text": TEXT})  # type: ignore[arg-type]
        assert cl.add(Article(id="b  c\u200b", text=TEXT)).id == "b c"


def test_run_batch_refuses_to_write_over_its_input_and_odd_workers(tmp_path: Path) -> None:
    from newsweave.errors import OptionsError

    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "c", "articles": [{"text": TEXT}]}) + "\n",
                   encoding="utf-8")
    before = inp.read_text(encoding="utf-8")
    with pytest.raises(InputError, match="must differ"):
        run_batch(inp, tmp_path / "." / "in.jsonl")
    assert inp.read_text(encoding="utf-8") == before
    for workers in (10**6, 0, "2", 2.5, None, True):
        with pytest.raises(OptionsError, match="workers"):
            run_batch(inp, tmp_path / "out.jsonl", workers=workers)  # type: ignore[arg-type]
    with pytest.raises(OptionsError):
        run_batch(inp, tmp_path / "out.jsonl", options={"words": 5})  # type: ignore[arg-type]
