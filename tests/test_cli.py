"""The CLI as a user meets it: exit codes, one-line errors, formats, stdin, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "newsweave", *args], input=stdin, capture_output=True,
        env=env, timeout=120, cwd=ROOT,
    )


def test_brief_markdown_on_example(capsys, mosul_dir) -> None:
    assert main(["brief", str(mosul_dir), "--no-analysis"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "## Sources" in out and "[1]" in out
    assert "nasdaq.com\n" not in out.split("## Sources")[0]


def test_brief_json_and_html_out(tmp_path, capsys, mosul_dir) -> None:
    out = tmp_path / "b.json"
    assert main(["brief", str(mosul_dir), "--format", "json", "--out", str(out),
                 "--words", "120", "--no-analysis"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["stats"]["words_out"] <= 120
    page = tmp_path / "b.html"
    assert main(["brief", str(mosul_dir), "--format", "html", "--out", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_brief_from_stdin() -> None:
    text = (b"Floods hit the valley on Monday after two days of rain. Hundreds of homes were "
            b"evacuated and schools were closed across the region.")
    res = run(["brief", "-", "--format", "json", "--no-analysis"], stdin=text)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["articles"][0]["id"] == "stdin"
    assert data["summary"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["brief", "no/such/path"], "no such file"),
        (["brief", "README.md", "--format", "pdf"], "--format"),
        (["brief", "README.md", "--words", "3"], "--words"),
        (["brief"], "PATH"),
        (["eval", "README.md", "--limit", "-1"], "--limit"),
        (["batch", "README.md", "out.jsonl", "--scheduler", "foo"], "--scheduler"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args: list[str], needle: str) -> None:
    res = run(args)
    assert res.returncode == 2
    err = res.stderr.decode().strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert needle in err


def test_empty_folder_is_an_input_error(tmp_path) -> None:
    res = run(["brief", str(tmp_path)])
    assert res.returncode == 2
    assert res.stderr.decode().startswith("newsweave: error:")
    assert "no articles" in res.stderr.decode()


def test_version() -> None:
    res = run(["--version"])
    assert res.returncode == 0 and res.stdout.decode().startswith("newsweave ")


def test_eval_table_runs_on_a_tiny_file(tmp_path, capsys) -> None:
    f = tmp_path / "eval.jsonl"
    rec = {
        "id": "t1",
        "articles": [{"text": "The dam broke on Sunday and flooded three villages downstream."},
                     {"text": "Three villages were flooded when the dam broke on Sunday night."}],
        "reference": "– A dam broke Sunday, flooding three villages.",
        "peers": {"lead": "The dam broke on Sunday.", "empty": ""},
    }
    f.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert main(["eval", str(f), "--format", "json"]) == 0
    rows = {r["system"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == {"newsweave", "lead", "empty"}
    assert rows["newsweave"]["rouge1"] > 30
    assert rows["empty"]["missing"] == 1 and rows["empty"]["rouge1"] is None


class _ClosedPipe:
    """A stdout whose reader has gone away (as with ``newsweave brief ... | head``)."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        return self._fd


def test_closed_pipe_is_quiet(tmp_path, capsys, monkeypatch, mosul_dir) -> None:
    with (tmp_path / "sink").open("w") as sink:
        monkeypatch.setattr(sys, "stdout", _ClosedPipe(sink.fileno()))
        code = main(["brief", str(mosul_dir), "--no-analysis"])
    assert code == 1  # partly done: the rest of the output was not delivered
    assert capsys.readouterr().err == ""


def test_batch_refuses_a_binary_file(tmp_path) -> None:
    f = tmp_path / "in.jsonl"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    res = run(["batch", str(f), str(tmp_path / "out.jsonl")])
    assert res.returncode == 2
    err = res.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "PNG" in err and str(f) in err


def test_an_unexpected_bug_is_one_line_not_a_traceback(monkeypatch, capsys, mosul_dir) -> None:
    import newsweave.pipeline

    def boom(*_a, **_k):
        raise RuntimeError("something broke")

    monkeypatch.setattr(newsweave.pipeline, "make_brief", boom)
    assert main(["brief", str(mosul_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == ["newsweave: error: internal error (RuntimeError: something broke); "
                                "please report it"]


def test_odd_published_dates_do_not_crash(tmp_path, capsys) -> None:
    f = tmp_path / "a.jsonl"
    recs = [{"id": "z", "published": "0001-01-01", "text": "On Tuesday the council met and "
             "voted to close the old bridge for repairs. Two months ago it was inspected."},
            {"id": "y", "published": "9999-12-31", "text": "Last week the mayor said the "
             "bridge would close on Monday for repairs after an inspection."}]
    f.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    assert main(["brief", str(f), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] and "timeline" in data
