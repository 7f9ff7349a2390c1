"""Issue #6: every bad input gives a brief or one clear line (exit 2), never a traceback.

The corpus is generated in tmp (tests/badcorpus.py); large cases are built once per session.
Times are not asserted here: bench/bad_inputs.py times each case through the real CLI.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import badcorpus  # noqa: E402
import newsweave  # noqa: E402
from badcorpus import Case  # noqa: E402
from newsweave.cli import main  # noqa: E402
from newsweave.errors import InputError  # noqa: E402
from newsweave.ingest import load_path  # noqa: E402
from newsweave.ingest.html import extract_html  # noqa: E402
from newsweave.options import BriefOptions, Limits  # noqa: E402
from newsweave.pipeline import make_brief  # noqa: E402

FAST = BriefOptions(analyze=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    return badcorpus.build(tmp_path_factory.mktemp("bad"), large=True)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def check_outcome(case: Case, code: int, out: str, err: str) -> None:
    assert "Traceback" not in err and "Traceback" not in out
    if case.expect == "error":
        assert code == 2, (case.name, code, err)
        lines = err.splitlines()
        assert len(lines) == 1, (case.name, err)
        assert lines[0].startswith("newsweave: error: ")
        assert case.reason.lower() in lines[0].lower(), (case.name, lines[0])
        if case.name != "missing":
            assert case.path.name in lines[0], (case.name, lines[0])
        assert out == ""
    else:
        assert code == 0, (case.name, code, err)
        assert all(line.startswith("newsweave: warning: ") for line in err.splitlines())
        assert out.strip()


SMALL = [
    "empty", "whitespace", "png", "png-ext", "zip", "nul", "nul-only", "random-bytes",
    "invalid-utf8", "cp1252",
    "latin1", "utf16le-bom", "utf16be-bom", "utf8-bom", "utf16le-no-bom", "backtracking", "invisible", "chinese",
    "arabic", "hindi", "jsonl-broken-line", "jsonl-all-broken", "jsonl-huge-int", "jsonl-deep",
    "same-article-twice", "one-article", "single-sentence", "single-word", "only-noise",
    "html-only-script", "html-unclosed", "html-comments", "html-deep", "folder-some-bad",
    "folder-no-articles", "folder-all-bad", "missing",
]


@pytest.mark.parametrize("name", SMALL)
def test_cli_small_case(name: str, corpus: dict[str, Case], capsys) -> None:
    case = corpus[name]
    code, out, err = run_cli(["brief", str(case.path)], capsys)
    check_outcome(case, code, out, err)


@pytest.mark.parametrize("name", ["20mb-text", "1mb-sentence", "huge-text-node"])
def test_cli_large_case(name: str, corpus: dict[str, Case], capsys, tmp_path: Path) -> None:
    case = corpus[name]
    out_file = tmp_path / "brief.json"
    code, out, err = run_cli(
        ["brief", str(case.path), "--no-analysis", "-f", "json", "-o", str(out_file)], capsys
    )
    check_outcome(case, code, out_file.read_text(encoding="utf-8"), err)
    data = json.loads(out_file.read_text(encoding="utf-8"))
    flags = {f for a in data["articles"] for f in a["flags"]}
    # over max_bytes or max_article_chars: truncated, and said so on stderr and in the JSON
    assert "truncated" in flags and "truncated" in err
    if name == "huge-text-node":
        assert "huge-text-node-recovered" in flags


def test_every_corpus_case_is_covered(corpus: dict[str, Case]) -> None:
    assert set(corpus) == set(SMALL) | {"20mb-text", "1mb-sentence", "huge-text-node"}
    assert len(corpus) >= 30


def _brief(path: Path, limits: Limits | None = None) -> newsweave.Brief:
    return newsweave.brief(path, options=FAST, limits=limits)


def test_library_raises_input_error_naming_the_file(corpus: dict[str, Case]) -> None:
    for case in corpus.values():
        if case.expect != "error":
            continue
        with pytest.raises(InputError) as info:
            newsweave.brief(case.path, options=FAST)
        if case.name != "folder-all-bad":  # without a problems list: the first bad file
            assert case.reason.lower() in str(info.value).lower(), case.name
        assert str(case.path) in str(info.value)
        assert "\n" not in str(info.value)


def test_nul_and_invisible_characters_are_removed(corpus: dict[str, Case]) -> None:
    for name in ("nul", "invisible"):
        b = _brief(corpus[name].path)
        text = b.articles[0].text
        assert "\x00" not in text
        assert not set(text) & set(badcorpus.INVISIBLE)
        assert "council approved the new budget" in text


def test_legacy_encodings_decode_to_the_right_characters(corpus: dict[str, Case]) -> None:
    assert badcorpus.CP1252_TEXT in _brief(corpus["cp1252"].path).articles[0].text
    assert badcorpus.LATIN1_TEXT in _brief(corpus["latin1"].path).articles[0].text
    for name in ("utf16le-bom", "utf16be-bom", "utf8-bom", "utf16le-no-bom"):
        text = _brief(corpus[name].path).articles[0].text
        assert text == badcorpus.BODY.strip(), name
    text = _brief(corpus["invalid-utf8"].path).articles[0].text
    assert "Critics argued that property taxes" in text
    # text that was not UTF-8 says how it was read
    assert _brief(corpus["cp1252"].path).articles[0].flags == ("decoded-as-cp1252",)
    assert not _brief(corpus["utf8-bom"].path).articles[0].flags


def test_mostly_utf8_with_a_broken_byte_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "zh-broken.txt"
    path.write_bytes(badcorpus.ZH.encode() + b"\xff" + badcorpus.ZH.encode())
    art = _brief(path).articles[0]
    assert badcorpus.ZH in art.text and art.flags == ("utf8-bytes-replaced",)


@pytest.mark.parametrize(
    ("name", "terminal"), [("chinese", "。"), ("arabic", "."), ("hindi", "।")]
)
def test_non_latin_articles_split_and_cite(name: str, terminal: str, corpus) -> None:
    b = _brief(corpus[name].path)
    art = b.articles[0]
    sents = b.sentences[art.id]
    assert len(sents) == 3
    assert sents[0].text.endswith(terminal)
    assert b.summary
    for item in b.summary:
        assert art.text[item.sentence.start : item.sentence.end] == item.text


def test_long_runs_are_split_not_dropped(corpus: dict[str, Case]) -> None:
    limits = Limits()
    for name in ("1mb-sentence", "backtracking"):
        b = _brief(corpus[name].path)
        art = b.articles[0]
        sents = b.sentences[art.id]
        assert all(len(s.text) <= limits.max_sentence_chars for s in sents)
        # every non-space character is in exactly one sentence, in order
        assert "".join("".join(s.text.split()) for s in sents) == "".join(art.text.split())


def test_deep_html_is_recovered_and_flagged(corpus: dict[str, Case]) -> None:
    art = _brief(corpus["html-deep"].path).articles[0]
    assert badcorpus.DEEP_TEXT in art.text
    assert "deep-html-recovered" in art.flags


def test_huge_text_node_is_kept_whole_when_it_fits(corpus: dict[str, Case]) -> None:
    html = corpus["huge-text-node"].path.read_text(encoding="utf-8")
    doc = extract_html(html)
    assert "huge-text-node-recovered" in doc.flags
    assert len(doc.text) >= badcorpus.HUGE_NODE_BYTES - 30  # nothing dropped
    limits = Limits(max_bytes=12_000_000, max_article_chars=12_000_000)
    arts = load_path(corpus["huge-text-node"].path, limits=limits)
    assert arts[0].flags == ("huge-text-node-recovered",)
    assert len(arts[0].text) >= badcorpus.HUGE_NODE_BYTES - 30


def test_unclosed_markup_keeps_its_text(corpus: dict[str, Case]) -> None:
    assert "The vote passed on Monday." in _brief(corpus["html-comments"].path).articles[0].text
    assert "Text." in _brief(corpus["html-unclosed"].path).articles[0].text


def test_broken_jsonl_line_is_skipped_with_a_named_problem(corpus: dict[str, Case]) -> None:
    problems: list[str] = []
    path = corpus["jsonl-broken-line"].path

    result = make_brief(path, FAST, problems=problems)
    assert [a.id for a in result.articles] == ["a", "b"]
    assert len(problems) == 1 and str(path) in problems[0] and "line 2" in problems[0]
    with pytest.raises(InputError, match="line 2"):
        make_brief(path, FAST)  # without a problems list, the library raises


def test_folder_with_some_bad_files_keeps_the_good_ones(corpus: dict[str, Case]) -> None:
    problems: list[str] = []
    result = make_brief(corpus["folder-some-bad"].path, FAST, problems=problems)
    assert sorted(a.id for a in result.articles) == ["a", "b"]
    assert len(problems) == 2
    assert any("empty.txt" in p and "empty" in p for p in problems)
    assert any("image.txt" in p and "PNG" in p for p in problems)


def test_same_article_twice_counts_once(corpus: dict[str, Case]) -> None:
    b = _brief(corpus["same-article-twice"].path)
    first, second = b.articles
    assert second.duplicate_of == first.id
    assert b.stats["distinct_sources"] == 1
    assert all(item.independent_sources == 1 for item in b.summary)


def test_single_sentence_and_single_article(corpus: dict[str, Case]) -> None:
    b = _brief(corpus["single-sentence"].path)
    assert [i.text for i in b.summary] == ["The mayor resigned on Monday."]
    b = _brief(corpus["one-article"].path)
    assert b.summary and all(i.sources == (b.articles[0].id,) for i in b.summary)


def test_batch_writes_error_records_and_goes_on(tmp_path: Path, capsys) -> None:
    good = {"id": "good", "articles": [{"text": badcorpus.BODY}, {"text": badcorpus.BODY}]}
    lines = [
        json.dumps(good),
        "{broken",
        json.dumps({"id": "empty", "articles": []}),
        json.dumps({"id": "blank", "articles": [{"text": "   "}]}),
        json.dumps({"id": "notext", "articles": [{"title": "x"}]}),
        json.dumps({"id": "badtype", "articles": [{"text": 5}]}),
        json.dumps({"id": "nolist", "articles": "x"}),
        '{"id": "bigint", "n": ' + "1" * 5000 + "}",
        "[" * 50_000 + "]" * 50_000,
        json.dumps({"id": "one", "articles": [{"text": "The mayor resigned on Monday."}]}),
        json.dumps({"id": "doc", "document": "A fire broke out. ||||| The fire was put out."}),
        json.dumps({"id": "bidi", "articles": [{"text": "مرحبا\u202e بالعالم. " + badcorpus.BODY}]}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    code, out, err = run_cli(["batch", str(src), str(dst)], capsys)
    assert "Traceback" not in err
    records = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(lines)
    failed = [r for r in records if "error" in r]
    assert {r["id"] for r in records if "summary" in r} == {"good", "one", "doc", "bidi"}
    assert len(failed) == 8
    for r in records:
        if "error" in r:
            assert r["error"].startswith("line ") and "\n" not in r["error"]
    assert code == 1  # partial


def test_stdin_bad_input_is_one_line(monkeypatch, capsys) -> None:
    import io

    class FakeStdin:
        buffer = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    code, out, err = run_cli(["brief", "-"], capsys)
    assert code == 2
    assert err.splitlines() == ["newsweave: error: <stdin>: not a text article (a PNG image)"]


def test_limit_options_change_the_limits(corpus: dict[str, Case], capsys, tmp_path) -> None:
    out_file = tmp_path / "b.json"
    code, _, err = run_cli(
        ["brief", str(corpus["1mb-sentence"].path), "--no-analysis", "--max-sentence-chars",
         "200", "--max-bytes", "50000", "-f", "json", "-o", str(out_file)], capsys
    )
    assert code == 0 and "truncated" in err
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["articles"][0]["flags"] == ["truncated"]
    assert 0 < max(len(s["text"]) for s in data["summary"]) <= 200
    code, _, err = run_cli(["brief", str(corpus["one-article"].path), "--max-bytes", "5"], capsys)
    assert code == 2
    assert err == "newsweave: error: --max-bytes must be in [1000, 1000000000], got 5\n"
    code, _, err = run_cli(
        ["brief", str(corpus["one-article"].path), "--extract-seconds", "0"], capsys
    )
    assert code == 2 and err.startswith("newsweave: error: --extract-seconds must be in")


def test_article_text_is_capped_at_a_break_and_flagged(tmp_path: Path) -> None:
    limits = Limits(max_article_chars=5_000)
    text = "".join(f"The council met on day {k} and approved budget line {k}.\n"
                   for k in range(200))
    arts = newsweave.brief([{"text": text}], options=FAST, limits=limits).articles
    assert arts[0].flags == ("truncated",)
    assert 4_500 <= len(arts[0].text) <= 5_000 and text.startswith(arts[0].text)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    assert load_path(path, limits=limits)[0].flags == ("truncated",)
    assert load_path(path)[0].flags == ()  # under the default


def test_stdin_sniffing_tells_prose_from_jsonl() -> None:
    from newsweave.ingest import load_bytes

    prose = load_bytes(b"{Updated} The mayor resigned on Monday. Officials agreed.", "stdin")
    assert prose[0].text.startswith("{Updated} The mayor")
    lines = b'{"text": "The mayor resigned."}\n{broken\n{"text": "Roads closed."}\n'
    problems: list[str] = []
    arts = load_bytes(lines, "stdin", problems=problems)
    assert [a.text for a in arts] == ["The mayor resigned.", "Roads closed."]
    assert problems == ["stdin: line 2: invalid JSON; line skipped"]
