"""Issue 15 in a real browser: Playwright drives the system Chromium (launched by path; no
Playwright browser download). Stories -> story -> citation -> highlighted sentence; paste
two articles -> a cited brief; the XSS corpus of test_html_safety in every field and in
search queries: no dialog, no script, no javascript: link, no CSP violation; 360 px phone
width with screenshots in test-output/browser/ (gitignored)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsweave.server import ServerConfig
from server_util import ROOT, live_server, mosul_store

CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
OUT = ROOT / "test-output" / "browser"
# Run in every page before its own content: records any dialog or print a payload could open.
PROBE = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...a) => { window.__xss.push(name + ":" + a.join(",")); };
}
"""
CHECK = """() => ({
  scripts: document.querySelectorAll("script").length,
  js_links: [...document.querySelectorAll("[href],[src],[action],[formaction],[data]")]
    .map(e => e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action")
         || e.getAttribute("formaction") || e.getAttribute("data") || "")
    .filter(v => /^\\s*(javascript|vbscript|data):/i.test(v.replace(/[\\s\\u0000-\\u001f]/g, ""))),
  handlers: [...document.querySelectorAll("*")].flatMap(e => [...e.attributes]
    .filter(a => a.name.startsWith("on")).map(a => e.tagName + "." + a.name)),
  tags: [...document.querySelectorAll("iframe,object,embed,img,svg,math,base,video,audio,"
                                      + "template,noscript,details,marquee,frame,x")].length,
  calls: window.__xss || [],
  width: document.documentElement.scrollWidth,
})"""


def chromium_path() -> str | None:
    for c in (os.environ.get("NEWSWEAVE_CHROMIUM"), *CANDIDATES, shutil.which("chromium")):
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


@pytest.fixture(scope="module")
def playwright() -> Iterator[tuple[Any, str]]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    exe = chromium_path()
    if exe is None:
        pytest.skip("no Chromium found (apt-get install chromium; or set NEWSWEAVE_CHROMIUM)")
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        yield p, exe


def launch(playwright: tuple[Any, str], profile: str, **kw: Any) -> Any:
    """Chromium by path, headless, with a fresh user-data-dir."""
    p, exe = playwright
    return p.chromium.launch_persistent_context(
        profile, executable_path=exe, headless=True, args=ARGS, **kw)


@pytest.fixture(scope="module")
def browser_context(playwright: tuple[Any, str]) -> Iterator[Any]:
    with tempfile.TemporaryDirectory() as profile:
        ctx = launch(playwright, profile, viewport={"width": 1200, "height": 900})
        ctx.add_init_script(PROBE)
        try:
            yield ctx
        finally:
            ctx.close()


class Watch:
    """Dialogs and console messages of a page: any dialog or CSP violation fails a test."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.console: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.console.append(m.text))

    def _dialog(self, d: Any) -> None:
        self.dialogs.append(d.message)
        d.dismiss()

    def violations(self) -> list[str]:
        return [m for m in self.console if "Content Security Policy" in m or "Refused" in m]


@pytest.fixture(scope="module")
def mosul_base() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as d:
        db = mosul_store(Path(d) / "s.db")
        with live_server(ServerConfig(db=db)) as base:
            yield base


def test_story_citation_lands_on_highlighted_sentence(browser_context: Any,
                                                      mosul_base: str) -> None:
    page = browser_context.new_page()
    watch = Watch(page)
    page.goto(mosul_base + "/")
    page.click("li.story a.t")
    page.wait_for_url("**/stories/*")
    first = page.locator(".brief p").first
    sentence = first.evaluate("p => p.firstChild.textContent")
    first.locator("a.cite").first.click()
    page.wait_for_url("**/articles/*#s*")
    target = page.locator(":target")
    assert target.count() == 1
    assert "cited" in (target.get_attribute("class") or "")
    assert target.inner_text().strip() == sentence.strip()
    outline = target.evaluate("e => getComputedStyle(e).outlineStyle")
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert outline == "solid" and background == "rgb(255, 243, 160)"
    assert page.evaluate("() => window.scrollY") > 0 or target.is_visible()
    page.screenshot(path=str(OUT / "article-cited.png"))
    assert not watch.dialogs and not watch.violations(), watch.console
    page.close()


def test_pages_work_with_scripts_disabled(playwright: tuple[Any, str], mosul_base: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        ctx = launch(playwright, profile, java_script_enabled=False)
        page = ctx.new_page()
        page.goto(mosul_base + "/?q=mukawama")
        assert page.locator("li.story").count() == 1
        page.click("li.story a.t")
        page.locator(".brief a.cite").first.click()
        page.wait_for_url("**/articles/*#s*")
        assert page.locator(".s.cited").count() >= 1
        ctx.close()


TWO = """Harbour works approved
The city council approved the harbour budget of 40 million dollars on Monday, Mayor Anna Smith said.
Officials said the harbour works would start in March and last two years.
Residents welcomed the plan at a public meeting.
---
Council backs harbour plan
The city council approved a harbour budget of 40 million dollars on Monday, officials said.
Mayor Anna Smith said the harbour works would start in March.
Fishermen asked for a new pier as part of the works."""


def test_paste_two_articles_gives_a_cited_brief(browser_context: Any, mosul_base: str) -> None:
    page = browser_context.new_page()
    watch = Watch(page)
    page.goto(mosul_base + "/brief")
    page.fill("#texts", TWO)
    page.click("#make")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() in ("Harbour works approved", "Council backs harbour plan")
    cites = page.locator(".brief a.cite")
    assert cites.count() >= 2
    assert page.locator(".src").count() == 2
    two = [p for p in page.locator(".brief p").all() if p.locator("a.cite").count() == 2]
    assert two, "a sentence both articles report cites both"
    cites.first.click()
    assert page.locator(":target").count() == 1
    page.screenshot(path=str(OUT / "brief-pasted.png"), full_page=True)
    assert not watch.dialogs and not watch.violations(), watch.console
    page.close()


def _xss_store(db: Path) -> Path:
    from newsweave.pipeline import to_articles
    from newsweave.stories.cluster import Clusterer
    from newsweave.stories.store import open_store
    from test_html_safety import PAYLOADS, _records

    records = [r for k, p in enumerate(PAYLOADS) for r in _records(p, k)]
    with open_store(db) as store, Clusterer(store) as cl:
        for art in to_articles(records):
            if art.text.strip():
                cl.add(art)
    return db


def test_xss_corpus_in_the_real_browser(browser_context: Any) -> None:
    from test_html_safety import PAYLOADS

    assert len(PAYLOADS) >= 50
    with tempfile.TemporaryDirectory() as d:
        db = _xss_store(Path(d) / "x.db")
        with live_server(ServerConfig(db=db)) as base:
            import httpx

            stories = httpx.get(f"{base}/api/v1/stories?limit=200", timeout=30).json()
            sids = [s["id"] for s in stories["stories"]]
            arts = [a["seq"] for sid in sids
                    for a in httpx.get(f"{base}/api/v1/stories/{sid}", timeout=30)
                    .json()["articles"]]
            assert sids and len(arts) >= 50
            page = browser_context.new_page()
            watch = Watch(page)
            urls = ["/", "/?page=2", *[f"/stories/{s}" for s in sids],
                    *[f"/articles/{a}" for a in arts]]
            searches = [f"/?q={httpx.QueryParams({'x': p})['x']}" for p in PAYLOADS]
            bad: list[tuple[str, Any]] = []
            for url in urls:
                page.goto(base + url)
                got = page.evaluate(CHECK)
                if got["scripts"] or got["js_links"] or got["handlers"] or got["tags"] \
                        or got["calls"]:
                    bad.append((url, got))
            for p in PAYLOADS:
                page.goto(base + "/")
                page.fill("input[name=q]", p[:200])
                page.press("input[name=q]", "Enter")
                page.wait_for_load_state()
                got = page.evaluate(CHECK)
                if got["scripts"] or got["js_links"] or got["handlers"] or got["calls"]:
                    bad.append((p, got))
            # Pasted on /brief too (payload in the title line and in the text).
            page.goto(base + "/brief")
            page.fill("#texts", "\n---\n".join(
                f"{p}\nThe mayor said {p} on Monday. Roads were closed on Monday."
                for p in PAYLOADS[:30]))
            page.click("#make")
            page.wait_for_load_state()
            got = page.evaluate(CHECK)
            if got["scripts"] or got["js_links"] or got["handlers"] or got["calls"]:
                bad.append(("/brief", got))
            assert page.locator(".brief a.cite").count() > 0
            assert len(searches) == len(PAYLOADS)
            assert not bad, bad[:3]
            assert not watch.dialogs, watch.dialogs
            assert not watch.violations(), watch.violations()[:3]
            page.close()


def test_phone_width_360(browser_context: Any, mosul_base: str) -> None:
    page = browser_context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    from newsweave.server.poller import feeds_available

    pages = [("index", "/"), ("story", "/stories/1"), ("article", "/articles/1"),
             ("brief-form", "/brief"), ("docs", "/docs")]
    if feeds_available():
        pages.append(("feeds", "/feeds"))
    for name, url in pages:
        page.goto(mosul_base + url)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 360, (url, width)
        page.screenshot(path=str(OUT / f"phone-{name}.png"), full_page=name != "story")
    assert (OUT / "phone-story.png").stat().st_size > 5_000
    page.close()


def test_xss_corpus_in_feed_names(browser_context: Any) -> None:
    feeds = pytest.importorskip("newsweave.feeds", reason="the feeds library is not in this build")
    from newsweave.stories.store import open_store
    from test_html_safety import PAYLOADS

    with tempfile.TemporaryDirectory() as d:
        db = mosul_store(Path(d) / "f.db")
        with open_store(db) as store:
            for k, p in enumerate(PAYLOADS):
                feeds.add_feed(store, f"https://feeds.example/{k}.xml", p)
        with live_server(ServerConfig(db=db)) as base:
            page = browser_context.new_page()
            watch = Watch(page)
            page.goto(base + "/feeds")
            got = page.evaluate(CHECK)
            assert not (got["scripts"] or got["js_links"] or got["handlers"] or got["tags"]
                        or got["calls"]), got
            assert page.locator("li.story").count() == len(PAYLOADS)
            assert not watch.dialogs and not watch.violations()
            page.close()
