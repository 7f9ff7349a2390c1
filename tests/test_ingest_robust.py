"""Ingest under hostile conditions: extraction that never returns, linear-time HTML scans,
and ``newsweave ingest`` leaving the store untouched when it rejects an input."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import badcorpus  # noqa: E402
import html_targets  # noqa: E402
from newsweave.cli import main  # noqa: E402
from newsweave.ingest.html import (  # noqa: E402
    HtmlWorker,
    extract_html,
    flat_extract,
    nesting_depth,
)

PAGE = (
    "<html><head><title>Bridge &amp; tunnel</title><style>p{}</style></head><body>"
    "<nav>Home</nav><p>The bridge reopened on Friday, officials said.</p>"
    "<script>var x = '<p>not text</p>';</script><div><p>Traffic resumed at noon.</p></div>"
    "</body></html>"
)


def test_extraction_that_never_returns_ends_its_worker_process() -> None:
    before = threading.active_count()
    with HtmlWorker(html_targets.stuck) as worker:
        t0 = time.perf_counter()
        doc = extract_html(PAGE, seconds=0.5, worker=worker)
        waited = time.perf_counter() - t0
        assert doc.flags == ("extraction-timeout-recovered",)
        assert "The bridge reopened on Friday, officials said." in doc.text
        assert "not text" not in doc.text and doc.title == "Bridge & tunnel"
        assert waited < 5  # the page's limit, not the worker's
        assert worker._proc is None  # ended, not left running
        # the next page gets a fresh worker, and its own full deadline
        doc = extract_html(PAGE, seconds=0.5, worker=worker)
        assert doc.flags == ("extraction-timeout-recovered",) and worker.started == 2
    assert threading.active_count() == before  # no thread of ours left behind


def test_runaway_python_extraction_is_stopped_with_its_process() -> None:
    with HtmlWorker(html_targets.spin) as worker:
        doc = extract_html(PAGE, seconds=0.5, worker=worker)
        assert "extraction-timeout-recovered" in doc.flags
        assert worker._proc is None


def test_library_failure_or_a_dead_worker_falls_back_and_is_flagged() -> None:
    with HtmlWorker(html_targets.broken) as worker:
        doc = extract_html(PAGE, worker=worker)
        assert doc.flags == ("fallback-extraction",)
        assert "Traffic resumed at noon." in doc.text
        assert worker.started == 1  # a failure is reported, the worker goes on
        extract_html(PAGE, worker=worker)
        assert worker.started == 1
    with HtmlWorker(html_targets.crash) as worker:
        doc = extract_html(PAGE, worker=worker)
        assert doc.flags == ("fallback-extraction",) and "Traffic resumed" in doc.text


def test_the_worker_is_reused_across_pages() -> None:
    with HtmlWorker() as worker:
        docs = [extract_html(PAGE, worker=worker) for _ in range(3)]
        assert worker.started == 1
    assert all(d.flags == () and "Traffic resumed at noon." in d.text for d in docs)


def test_flat_extract_keeps_visible_text_only() -> None:
    doc = flat_extract(PAGE)
    assert doc.text == (
        "Home\n\nThe bridge reopened on Friday, officials said.\n\nTraffic resumed at noon."
    )
    assert doc.title == "Bridge & tunnel"


@pytest.mark.parametrize(
    "html",
    [
        "<p>" + "<a" * 50_000,  # unclosed tags: quadratic in html.parser and naive regexes
        "<p>x</p>" + "<!--" * 50_000,  # unclosed comments
        "<p>x</p><script>" + "<p>" * 50_000,  # unclosed script
        "<p>x" + "<![CDATA[" * 30_000,
        "<p>x" + "</" * 50_000 + ">",
    ],
)
def test_hostile_markup_is_scanned_and_text_kept(html: str) -> None:
    doc = flat_extract(html)
    assert doc.text.startswith("x") or doc.text.startswith("<a")
    assert nesting_depth(html) >= 1


def test_depth_counts_nesting_and_ignores_void_tags() -> None:
    assert nesting_depth("<div>" * 300 + "x" + "</div>" * 300) == 300
    assert nesting_depth("<p><br><img src=x><hr/><input></p>") == 1
    assert nesting_depth("<div>" * 20_000, stop_at=256) == 256


def _digest(db: Path) -> tuple[int, str]:
    con = sqlite3.connect(db)
    try:
        n = con.execute("SELECT count(*) FROM article").fetchone()[0]
        h = hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()
    return n, h


REJECTED = [
    "empty", "whitespace", "png", "zip", "nul-only", "jsonl-all-broken", "jsonl-huge-int",
    "jsonl-deep", "jsonl-broken-line", "only-noise", "html-only-script", "folder-some-bad",
    "folder-no-articles", "folder-all-bad", "missing",
]


def test_rejected_input_leaves_the_store_unchanged(tmp_path: Path, capsys) -> None:
    cases = badcorpus.build(tmp_path / "bad", large=False)
    db = tmp_path / "store.db"
    seed = tmp_path / "seed.txt"
    seed.write_text(badcorpus.BODY, encoding="utf-8")
    assert main(["ingest", str(seed), "--db", str(db)]) == 0
    capsys.readouterr()
    before = _digest(db)
    assert before[0] == 1
    for name in REJECTED:
        case = cases[name]
        # a good file next to the bad one must not be stored either
        code = main(["ingest", str(cases["one-article"].path), str(case.path), "--db", str(db)])
        out, err = capsys.readouterr()
        assert code == 2, (name, err)
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsweave: error: "), (name, err)
        assert "Traceback" not in err and out == ""
        assert _digest(db) == before, name
    # and an accepted bad-but-readable input is stored
    assert main(["ingest", str(cases["cp1252"].path), "--db", str(db)]) == 0
    capsys.readouterr()
    assert _digest(db)[0] == 2


def test_ids_are_cleaned_and_unique() -> None:
    from newsweave.ingest.loaders import unique_ids
    from newsweave.types import Article

    ids = ["a", "a", "a~2", "a\x00", "\u202ea", "b  c\n", "\u200b"]
    assert [a.id for a in unique_ids([Article(i, "x") for i in ids])] == [
        "a", "a~2", "a~2~2", "a~3", "a~4", "b c", "article-7"
    ]


def test_control_character_ids_do_not_break_citations() -> None:
    import newsweave
    from newsweave.options import BriefOptions

    text = "The harbour council approved the new budget for roads on Monday."
    b = newsweave.brief([{"id": "x", "text": text}, {"id": "x\x00", "text": text},
                         {"id": "\x00", "text": text}], options=BriefOptions(analyze=False))
    ids = [a.id for a in b.articles]
    assert ids == ["x", "x~2", "article-3"]
    assert b.summary and set(b.summary[0].sources) == set(ids)
