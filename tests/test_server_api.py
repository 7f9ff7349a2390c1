"""Issue 15: the JSON API of `newsweave serve` (FastAPI TestClient) and one real uvicorn."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from newsweave.server import ServerConfig, create_app
from newsweave.stories.store import open_store
from server_util import MOSUL, TOKEN, live_server, mosul_store


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return mosul_store(tmp_path / "s.db")


@pytest.fixture()
def client(db: Path):
    with TestClient(create_app(ServerConfig(db=db)), raise_server_exceptions=False) as c:
        yield c


def _records() -> list[dict[str, str]]:
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")}
            for p in sorted(MOSUL.glob("*.txt"))]


def test_health_and_security_headers(client: TestClient) -> None:
    r = client.get("/api/v1/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["articles"] == 5 and body["stories"] == 1
    csp = r.headers["content-security-policy"]
    assert "script-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_post_brief_is_the_cli_json(client: TestClient, tmp_path: Path) -> None:
    import newsweave

    recs = _records()
    r = client.post("/api/v1/brief", json={"articles": recs, "words": 120})
    assert r.status_code == 200, r.text
    got = r.json()
    want = newsweave.brief(recs, options=newsweave.BriefOptions(words=120)).to_dict()
    got["stats"].pop("seconds")
    want["stats"].pop("seconds")
    assert got == json.loads(json.dumps(want))
    assert got["summary"] and all(s["sources"] for s in got["summary"])


def test_stories_story_brief_update(client: TestClient) -> None:
    r = client.get("/api/v1/stories")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1
    st = body["stories"][0]
    assert st["articles"] == 5 and st["independent_sources"] == 5
    sid = st["id"]
    one = client.get(f"/api/v1/stories/{sid}").json()
    assert one["story"]["id"] == sid and len(one["articles"]) == 5
    brief = client.get(f"/api/v1/stories/{sid}/brief").json()
    assert brief["stats"]["story"] == sid and brief["summary"]
    peek = client.get(f"/api/v1/stories/{sid}/update").json()
    assert peek["update"]["marked"] is False and len(peek["update"]["new_articles"]) == 5
    # Peeking records nothing: the same update again.
    again = client.get(f"/api/v1/stories/{sid}/update").json()
    assert again["update"]["new_articles"] == peek["update"]["new_articles"]
    marked = client.get(f"/api/v1/stories/{sid}/update?mark=true").json()
    assert marked["update"]["marked"] is True
    after = client.get(f"/api/v1/stories/{sid}/update").json()
    assert after["update"]["new_articles"] == [] and after["summary"] == []
    future = client.get(f"/api/v1/stories/{sid}/update?since=2999-01-01T00:00:00Z").json()
    assert future["update"]["new_articles"] == []
    past = client.get(f"/api/v1/stories/{sid}/update?since=2000-01-01").json()
    assert len(past["update"]["new_articles"]) == 5 and past["summary"]


def test_search(client: TestClient) -> None:
    assert client.get("/api/v1/stories?q=mukawama").json()["total"] == 1
    assert client.get("/api/v1/stories?q=Mosul%20resistance").json()["total"] == 1
    assert client.get("/api/v1/stories?q=zzzyxq").json()["total"] == 0
    # FTS5 syntax in a query is only words, never an error.
    for q in ['"', "AND OR NOT", "col:x*", "(", "NEAR(a b)", "*", "^x"]:
        r = client.get("/api/v1/stories", params={"q": q})
        assert r.status_code == 200, (q, r.text)


def test_post_articles_acks_like_ingest(client: TestClient, db: Path) -> None:
    recs = [{"id": "n1", "text": "The council approved the harbour budget on Monday. "
             "Works start in March.", "title": "Harbour budget", "source": "Gazette"},
            {"text": "Totally different: the league final ended two to one on Sunday night."}]
    r = client.post("/api/v1/articles", json={"articles": recs})
    assert r.status_code == 200, r.text
    acks = r.json()["acks"]
    assert [a["status"] for a in acks] == ["new", "new"]
    assert acks[0]["id"] == "n1" and set(acks[0]) >= {"id", "status", "story", "seq"}
    assert acks[1]["id"].startswith("api-")
    again = client.post("/api/v1/articles", json={"articles": recs[:1]}).json()["acks"]
    assert again[0]["status"] == "exists"
    with open_store(db) as s:
        assert s.counts()["articles"] == 7


@pytest.mark.parametrize(("path", "body", "status", "field"), [
    ("/api/v1/brief", {"articles": []}, 422, "articles"),
    ("/api/v1/brief", {"articles": [{"title": "x"}]}, 422, "articles.0.text"),
    ("/api/v1/brief", {"articles": [{"text": "a b c"}], "words": 3}, 422, "words"),
    ("/api/v1/brief", {"articles": [{"text": "   "}]}, 400, None),
    ("/api/v1/articles", {"articles": [{"text": 5}]}, 422, "articles.0.text"),
    ("/api/v1/articles", {"nope": 1}, 422, "articles"),
])
def test_bad_requests_are_json_errors(client: TestClient, path: str, body: dict, status: int,
                                      field: str | None) -> None:
    r = client.post(path, json=body)
    assert r.status_code == status, r.text
    err = r.json()
    assert isinstance(err["error"], str) and "Traceback" not in r.text
    if field:
        assert err["field"] == field


def test_malformed_json_404_and_since(client: TestClient) -> None:
    r = client.post("/api/v1/brief", content=b"{not json", headers={"content-type":
                                                                      "application/json"})
    assert r.status_code == 422 and "error" in r.json()
    r = client.get("/api/v1/stories/999")
    assert r.status_code == 404 and r.json() == {"error": "no story 999"}
    r = client.get("/api/v1/nothing-here")
    assert r.status_code == 404 and r.json()["error"]
    r = client.get("/api/v1/stories/1/update?since=yesterday")
    assert r.status_code == 400 and r.json()["field"] == "since"
    r = client.get("/api/v1/stories/abc")
    assert r.status_code == 422 and r.json()["field"] == "story"


def test_body_cap_413(db: Path) -> None:
    app = create_app(ServerConfig(db=db, max_body=2_000))
    with TestClient(app) as c:
        big = {"articles": [{"text": "word " * 1000}]}
        r = c.post("/api/v1/brief", json=big)
        assert r.status_code == 413 and "larger than 2000 bytes" in r.json()["error"]

        def chunks():  # no content-length: counted as it streams
            for _ in range(10):
                yield b"x" * 500

        r = c.post("/api/v1/articles", content=chunks(),
                   headers={"content-type": "application/json"})
        assert r.status_code == 413


def test_brief_timeout_is_503(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import newsweave.pipeline

    real = newsweave.pipeline.make_brief

    def slow(*args, **kwargs):
        time.sleep(1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(newsweave.pipeline, "make_brief", slow)
    app = create_app(ServerConfig(db=db, brief_seconds=0.2))
    with TestClient(app) as c:
        r = c.post("/api/v1/brief", json={"articles": _records()})
        assert r.status_code == 503 and "longer than 0.2 s" in r.json()["error"]


def test_token_required_everywhere(db: Path) -> None:
    app = create_app(ServerConfig(db=db, token=TOKEN))
    with TestClient(app, follow_redirects=False) as c:
        for path in ("/api/v1/health", "/api/v1/stories", "/api/v1/stories/1",
                     "/openapi.json"):
            r = c.get(path)
            assert r.status_code == 401 and "error" in r.json(), path
            r = c.get(path, headers={"Authorization": "Bearer wrong-token-value"})
            assert r.status_code == 401, path
            r = c.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
            assert r.status_code == 200, path
        assert c.post("/api/v1/articles", json={"articles": [{"text": "x y"}]}).status_code == 401
        # Pages go to /login; a session from /login opens them.
        r = c.get("/stories/1")
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
        login = c.get("/login")
        assert login.status_code == 200
        csrf = login.text.split('name="csrf" value="')[1].split('"')[0]
        bad = c.post("/login", data={"token": "nope-nope", "csrf": csrf, "next": "/"})
        assert bad.status_code == 401
        nocsrf = c.post("/login", data={"token": TOKEN, "next": "/"})
        assert nocsrf.status_code == 403
        ok = c.post("/login", data={"token": TOKEN, "csrf": csrf, "next": "//evil.example/"})
        assert ok.status_code == 303 and ok.headers["location"] == "/"
        assert c.get("/stories/1").status_code == 200
        assert c.get("/docs").status_code == 200


def test_merged_story_redirects(tmp_path: Path) -> None:
    db = mosul_store(tmp_path / "m.db")
    with open_store(db) as s, s.write() as c:
        c.execute("INSERT INTO story(title, created, updated, n, merged_into) "
                  "VALUES ('old', '2020', '2020', 0, 1)")
        old = c.execute("SELECT max(id) FROM story").fetchone()[0]
        c.execute("INSERT INTO merge(story, into_story, at, score) VALUES (?, 1, '2020', 0.9)",
                  (old,))
    with TestClient(create_app(ServerConfig(db=db)), follow_redirects=False) as c:
        r = c.get(f"/stories/{old}")
        assert r.status_code == 301 and r.headers["location"] == "/stories/1"
        r = c.get(f"/api/v1/stories/{old}/brief")
        assert r.status_code == 307 and r.headers["location"] == "/api/v1/stories/1/brief"


def test_openapi_lists_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/v1/brief", "/api/v1/articles", "/api/v1/stories", "/api/v1/stories/{story}",
            "/api/v1/stories/{story}/brief", "/api/v1/stories/{story}/update",
            "/api/v1/health"} <= paths
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/v1/stories/{story}/update" in page.text


def test_real_uvicorn_on_loopback(db: Path) -> None:
    with live_server(ServerConfig(db=db, token=TOKEN)) as base:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert httpx.get(f"{base}/api/v1/health", timeout=10).status_code == 401
        r = httpx.get(f"{base}/api/v1/health", headers=auth, timeout=10)
        assert r.status_code == 200 and r.json()["articles"] == 5
        r = httpx.post(f"{base}/api/v1/articles", headers=auth, timeout=30, json={
            "articles": [{"id": "live1", "text": "Mosul residents spoke of resistance to the "
                          "group in the northern Iraqi city this month."}]})
        assert r.status_code == 200 and r.json()["acks"][0]["id"] == "live1"
        r = httpx.get(f"{base}/api/v1/stories", headers=auth, timeout=10)
        assert r.status_code == 200 and r.json()["total"] >= 1
        r = httpx.post(f"{base}/api/v1/brief", headers=auth, timeout=10,
                       content=b"x" * 11_000_000)
        assert r.status_code == 413


def test_newsweave_serve_process_serves_and_stops(db: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    from server_util import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsweave", "serve", "--db", str(db),
                             "--port", str(port), "--token", TOKEN],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2,
                              headers={"Authorization": f"Bearer {TOKEN}"})
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "newsweave serve did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["articles"] == 5
        assert "server" not in {k.lower() for k in r.headers}
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert f"on http://127.0.0.1:{port}/ (token required)" in out
    assert "Traceback" not in err


def test_host_check_against_dns_rebinding(db: Path) -> None:
    app = create_app(ServerConfig(db=db, allowed_hosts=("127.0.0.1", "localhost", "::1")))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/v1/health").status_code == 200
        assert c.get("/api/v1/health", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/api/v1/health", headers={"host": "[::1]:8000"}).status_code == 200
        r = c.get("/api/v1/health", headers={"host": "evil.example:8000"})
        assert r.status_code == 400 and r.json() == {"error": "Host header not allowed"}
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400


def test_random_bodies_never_500(client: TestClient) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    json_value = st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=40),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
            st.sampled_from(["articles", "text", "id", "words", "title", "url", "x"]), inner,
            max_size=4),
        max_leaves=12)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(body=json_value, path=st.sampled_from(["/api/v1/brief", "/api/v1/articles"]))
    def check(body: object, path: str) -> None:
        r = client.post(path, json=body)
        assert r.status_code in (200, 400, 413, 422, 503), (body, r.status_code, r.text)
        assert "error" in r.json() or r.status_code == 200

    check()

    for q in ["\x00", "\ud7ff" * 10, "a" * 201, "%", "' OR 1=1 --"]:
        r = client.get("/api/v1/stories", params={"q": q})
        assert r.status_code in (200, 422), (q, r.text)


def test_concurrent_reads_share_one_brief(db: Path) -> None:
    """Many readers of one story at once: one computation, the same brief for all."""
    from concurrent.futures import ThreadPoolExecutor

    from newsweave.server.access import StoreAccess

    access = StoreAccess(db, brief_seconds=60)
    calls = []
    import newsweave.stories.update as upd

    real = upd.story_brief

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    upd.story_brief = counting
    try:
        with ThreadPoolExecutor(8) as pool:
            briefs = list(pool.map(lambda _: access.story_brief(1, ServerConfig(db=db).limits),
                                   range(16)))
    finally:
        upd.story_brief = real
        access.close()
    assert len(calls) == 1 and all(b is briefs[0] for b in briefs)
