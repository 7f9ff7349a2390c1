"""CLI finish: usage errors in one line, write errors that name the file, plurals, the
cluster format refused by `brief` with a pointer to `batch`, ingest counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", [
    ["--bogus"], ["brief", "--words", "abc", "x"], ["nope"], ["brief", "--wrds", "3", "x"],
])
def test_usage_errors_are_one_line_on_stderr_with_exit_2(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsweave: error: ")
    assert "Possible options" not in err and "Did you mean" not in err and "╭" not in err


def test_write_errors_say_what_could_not_be_written(
    tmp_path: Path, mosul_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "brief.md"
    code, _, err = run(["brief", str(mosul_dir), "-w", "40", "-o", str(target)], capsys)
    assert code == 2 and err.strip() == f"newsweave: error: cannot write {target}: No such file or directory"
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "c", "articles": ["The port closed."]}) + "\n")
    code, _, err = run(["batch", str(src), str(tmp_path / "missing" / "o.jsonl")], capsys)
    assert code == 2 and "cannot write" in err and ".part" not in err and "Errno" not in err


def test_brief_of_a_cluster_file_points_to_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "clusters.jsonl"
    src.write_text(json.dumps({"id": "c1", "articles": [{"text": "A storm hit the port."}]})
                   + "\n", encoding="utf-8")
    code, _, err = run(["brief", str(src)], capsys)
    assert code == 2 and "newsweave batch" in err and len(err.strip().splitlines()) == 1


def test_one_article_is_singular(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("The harbour bridge in Lisbon reopened on Monday after long repairs, "
                   "officials said.", encoding="utf-8")
    code, out, _ = run(["brief", str(src), "--no-analysis"], capsys)
    assert code == 0 and "_1 article from 1 independent source · " in out
    assert "1 articles" not in out


def test_ingest_of_an_unchanged_file_touches_no_story(
    tmp_path: Path, mosul_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    assert run(["ingest", str(mosul_dir), "--db", db], capsys)[0] == 0
    code, _, err = run(["ingest", str(mosul_dir), "--db", db], capsys)
    assert code == 0 and "0 stories touched" in err and "5 already stored" in err
