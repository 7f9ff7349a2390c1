"""Issue 15: the HTML pages (TestClient): lists, search, paging, badges from the visit
cookie, what's new, article anchors, /brief with CSRF, partial citations, the CLI guard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsweave.cli import main
from newsweave.server import ServerConfig, create_app, is_loopback, parse_duration
from newsweave.server.views import inline_linker, summary_view
from server_util import MOSUL, TOKEN, mosul_store


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return mosul_store(tmp_path / "s.db")


@pytest.fixture()
def client(db: Path):
    with TestClient(create_app(ServerConfig(db=db, page_size=2, visit_gap=0.0)),
                    raise_server_exceptions=False) as c:
        yield c


def _csrf(html: str) -> str:
    return html.split('name="csrf" value="')[1].split('"')[0]


def _add(client: TestClient, texts: list[str]) -> None:
    r = client.post("/api/v1/articles", json={"articles": [{"text": t} for t in texts]})
    assert r.status_code == 200, r.text


def test_index_lists_and_pages(client: TestClient) -> None:
    _add(client, ["Kite flyers gathered on the windy northern beach for the spring contest.",
                  "Cheese makers from alpine valleys sold aged gruyere at the Bern market.",
                  "Jazz trumpeters played late into the night at the riverside club."])
    r = client.get("/")
    assert r.status_code == 200
    assert r.text.count('class="story"') == 2 and "page 1 of 2" in r.text
    assert 'href="/?page=2"' in r.text
    r2 = client.get("/?page=2")
    assert r2.text.count('class="story"') == 2 and "Signs Of Panic" in r2.text
    r = client.get("/?q=mukawama")
    assert "1 story matches" in r.text and "Signs Of Panic" in r.text
    assert "No story matches" in client.get("/?q=zzyzx").text
    assert client.get("/?page=0").status_code == 422


def test_new_badge_and_whats_new_follow_the_visit_cookie(db: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from newsweave.stories.store import open_store

    def ago(minutes: int) -> str:
        t = datetime.now(UTC) - timedelta(minutes=minutes)
        return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    with open_store(db) as s, s.write() as c:  # the stored articles came two hours ago
        c.execute("UPDATE article SET added = ?", (ago(120),))
    with TestClient(create_app(ServerConfig(db=db))) as client:
        first = client.get("/")
        assert 'class="badge"' not in first.text  # first visit: nothing is "new"
        assert "nw_visit" in first.headers.get("set-cookie", "")
        assert "What's new" not in client.get("/stories/1").text
        _add(client, ["Mosul residents said resistance fighters painted the letter M on "
                      "walls in the northern Iraqi city, a new report said on Friday."])
        # The last visit ended 90 minutes ago: what was stored since then is new.
        client.cookies.set("nw_visit", f"-|{ago(90)}")
        later = client.get("/")
        assert later.text.count('class="badge"') == 1
        sid = int(re.search(r'class="badge".*?href="/stories/(\d+)"', later.text, re.S)[1])
        page = client.get(f"/stories/{sid}").text
        assert "What's new since your last visit" in page
        assert "1 new article" in page
        # Later pages of the same visit keep the badge; a garbled cookie is a first visit.
        assert client.get("/").text.count('class="badge"') == 1
        client.cookies.set("nw_visit", "garbage|<script>")
        assert 'class="badge"' not in client.get("/").text


def test_story_page_links_citations_to_article_anchors(client: TestClient) -> None:
    r = client.get("/stories/1")
    assert r.status_code == 200
    links = re.findall(r'<a class="cite" href="(/articles/(\d+)#s(\d+))">', r.text)
    assert links
    assert 'rel="noopener noreferrer nofollow"' in r.text or "original" not in r.text
    for _, seq, idx in links[:5]:
        art = client.get(f"/articles/{seq}")
        assert art.status_code == 200
        assert re.search(rf'<span class="s cited" id="s{idx}">', art.text), (seq, idx)
    # An article is found by its id too.
    assert client.get("/articles/000_a23027f4f979be3a").status_code == 200
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/stories/99").status_code == 404
    assert "Not found" in client.get("/stories/99").text


def test_brief_form_needs_csrf_and_makes_a_cited_brief(client: TestClient) -> None:
    form = client.get("/brief")
    texts = "\n---\n".join(p.read_text(encoding="utf-8") for p in sorted(MOSUL.glob("*.txt"))[:2])
    r = client.post("/brief", data={"texts": texts})
    assert r.status_code == 403 and "expired" in r.text
    r = client.post("/brief", data={"texts": texts, "csrf": _csrf(form.text)})
    assert r.status_code == 200, r.text
    assert r.text.count('class="cite"') >= 2 and r.text.count('class="src"') == 2
    assert re.search(r'<a class="cite" href="#s\d-\d+">', r.text)
    before = client.get("/api/v1/health").json()["articles"]
    assert before == 5  # nothing stored (both are already stored anyway: content hash)
    r = client.post("/brief", data={"texts": "", "csrf": _csrf(form.text)})
    assert r.status_code == 400 and "paste at least one article" in r.text


def test_brief_upload_and_save(client: TestClient) -> None:
    form = client.get("/brief")
    jsonl = (b'{"id": "u1", "text": "The bridge reopened on Friday after repairs, '
             b'the city said. Traffic resumed at noon."}\n'
             b'{"id": "u2", "text": "Traffic resumed on the bridge on Friday at noon, '
             b'officials said. Repairs took a month."}\n')
    r = client.post("/brief", data={"csrf": _csrf(form.text), "save": "1"},
                    files=[("files", ("two.jsonl", jsonl, "application/json"))])
    assert r.status_code == 200, r.text
    assert "Saved 2 articles" in r.text
    assert client.get("/api/v1/health").json()["articles"] == 7
    bad = client.post("/brief", data={"csrf": _csrf(form.text)},
                      files=[("files", ("x.exe", b"MZ", "application/octet-stream"))])
    assert bad.status_code == 400


def test_partial_support_is_lighter_with_a_title(mosul_brief) -> None:
    """When the brief JSON has summary[].support (trust, issue 11), partial citations get
    class "partial" and title "partly"."""
    b = mosul_brief
    numbers = {a.id: k for k, a in enumerate(b.articles, 1)}
    item = next(i for i in b.summary if len(i.sources) >= 2)
    k = b.summary.index(item)
    dicts = b.to_dict()["summary"]
    dicts[k]["support"] = ["full"] + ["partial"] * (len(item.sources) - 1)
    view = summary_view(b, numbers, inline_linker(numbers), dicts)
    cites = view[k]["cites"]
    assert [c["partial"] for c in cites] == [False] + [True] * (len(cites) - 1)
    from newsweave.server.pages import ENV

    html = ENV.get_template("macros.html").module.cites(cites)
    assert 'class="cite partial"' in html and 'title="partly"' in html


def test_security_headers_on_pages(client: TestClient) -> None:
    r = client.get("/")
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "<script" not in r.text and "style=" not in r.text
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]


def test_login_flow_with_token(db: Path) -> None:
    with TestClient(create_app(ServerConfig(db=db, token=TOKEN))) as c:
        r = c.get("/?q=x")
        assert r.url.path == "/login" and "next=" in str(r.url)
        r = c.post("/login", data={"token": TOKEN, "csrf": _csrf(r.text), "next": "/?q=mosul"})
        assert r.status_code == 200 and "Signs Of Panic" in r.text
        r = c.post("/logout", data={"csrf": _csrf(r.text)})
        assert r.url.path == "/login"
        assert c.get("/stories/1").url.path == "/login"


def test_duration_and_loopback() -> None:
    assert parse_duration("90") == 90 and parse_duration("15m") == 900
    assert parse_duration("1.5h") == 5400
    with pytest.raises(ValueError):
        parse_duration("soon")
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.3.4.5") and not is_loopback("0.0.0.0")
    assert not is_loopback("192.168.1.2") and not is_loopback("example.com")


def test_cli_refuses_public_host_without_token(capsys, monkeypatch) -> None:
    monkeypatch.delenv("NEWSWEAVE_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a loopback address" in err[0] and "--token" in err[0]
    assert main(["serve", "--fetch-every", "soon"]) == 2


def test_brief_fetches_pasted_urls_from_loopback(client: TestClient) -> None:
    import http.server
    import threading

    pages = {f"/{p.stem}.html": p.read_text(encoding="utf-8") for p in sorted(MOSUL.glob("*.txt"))[:2]}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            text = pages.get(self.path)
            if text is None:
                self.send_error(404)
                return
            title, _, body = text.partition("\n")
            html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                    + "".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
                    + "</article></body></html>").encode()
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.send_header("content-length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        form = client.get("/brief")
        urls = "\n".join(base + p for p in pages)
        r = client.post("/brief", data={"urls": urls, "csrf": _csrf(form.text)})
        assert r.status_code == 200, r.text
        assert r.text.count('class="src"') == 2 and 'class="cite"' in r.text
        assert f'href="{base}/' in r.text  # the original is linked
        r = client.post("/brief", data={"urls": base + "/missing", "csrf": _csrf(form.text)})
        assert r.status_code == 400 and "HTTP 404" in r.text
        r = client.post("/brief", data={"urls": "javascript:alert(1)", "csrf": _csrf(form.text)})
        assert r.status_code == 400 and "not an http(s) URL" in r.text
    finally:
        httpd.shutdown()
