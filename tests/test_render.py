"""Markdown, JSON and HTML views of a brief."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import newsweave
from newsweave.render.markdown import md_escape


def _records():
    return [
        {"id": "one", "title": "Bridge <b>closed</b>", "source": "Daily", "url": "https://x.example/1",
         "text": "The council closed the old bridge on Tuesday after engineers found cracks in "
                 "two supports. Repairs will take six months."},
        {"id": "two", "title": "Old bridge shut", "source": "Herald", "url": "javascript:alert(1)",
         "text": "Engineers found cracks in two supports of the old bridge, and the council "
                 "closed it on Tuesday. Drivers must use the northern crossing instead."},
    ]


def test_json_follows_documented_schema() -> None:
    data = json.loads(newsweave.brief(_records()).to_json())
    assert set(data) >= {"schema", "articles", "summary", "stats", "agreements"}
    assert set(data["articles"][0]) == {
        "id", "title", "source", "url", "published", "words", "duplicate_of", "flags", "text"}
    assert set(data["stats"]) >= {"articles", "distinct_sources", "sentences_in", "words_out",
                                  "seconds"}
    texts = {a["id"]: a["text"] for a in data["articles"]}  # offsets resolve within the JSON
    for a, r in zip(data["articles"], _records(), strict=True):
        assert a["text"] == r["text"]
    for item in data["summary"]:
        assert set(item) >= {"text", "sources", "offsets", "independent_sources", "evidence"}
        off = item["offsets"]
        assert texts[off["article"]][off["start"]:off["end"]] == item["text"]  # verbatim
        assert len(item["marks"]) == 2
        assert item["sources"][0] == off["article"]
        assert [e["article"] for e in item["evidence"]] == item["sources"]


def test_markdown_cites_numbered_sources() -> None:
    md = newsweave.brief(_records()).to_markdown()
    assert "## Sources" in md
    assert re.search(r"\[1\]\[2\]|\[2\]\[1\]", md), md
    assert "Bridge \\<b\\>closed\\</b\\>" in md  # markup in a title is escaped


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        d = dict(attrs)
        if "id" in d:
            self.ids.add(d["id"])
        if tag == "a":
            self.hrefs.append(d.get("href", ""))


def test_html_page_links_citations_to_source_sentences() -> None:
    page = newsweave.brief(_records()).to_html()
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "<script" not in page and "javascript:" not in page
    assert "<b>closed</b>" not in page and "&lt;b&gt;closed&lt;/b&gt;" in page
    c = _Collector()
    c.feed(page)
    internal = [h[1:] for h in c.hrefs if h.startswith("#")]
    assert internal, "citations must link into the page"
    assert all(h in c.ids for h in internal), "every citation link must land on a sentence"
    assert "https://x.example/1" in c.hrefs


def test_markdown_marks_single_source_statements(mosul_brief) -> None:
    md = mosul_brief.to_markdown()
    body = md.split("\n## ")[0]
    for item in mosul_brief.summary:
        line = next(x for x in body.splitlines() if x.startswith(md_escape(item.text)))
        assert ("_(single source)_" in line) == (item.independent_sources < 2), line


def test_markdown_drops_bidi_and_control_characters() -> None:
    from newsweave import Article

    arts = [Article("evil\u202eid", "The port reopened on Monday after the strike ended at dawn.",
                    title="Port \u202ereopens\u2066")]
    md = newsweave.brief(arts, options=newsweave.BriefOptions(analyze=False)).to_markdown()
    assert not any(c in md for c in "\u202e\u2066")
    assert "evilid" in md
