"""``newsweave ingest``: warnings summarised per reason; details with ``--verbose``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.cli.storecmd import problem_reason


def noisy_folder(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    for k in range(3):
        (folder / f"empty{k}.txt").write_text("" if k else "  \n\n", encoding="utf-8")
    for k in range(4):
        (folder / f"blob{k}.txt").write_bytes(b"\x00\x01\x02\xff" * 50 + os.urandom(16))
    (folder / "good.txt").write_text(
        "The harbor senate report names drought officials in Story City on Monday. " * 3,
        encoding="utf-8")
    return folder


def ingest(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["ingest", *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


def test_warnings_are_counted_per_reason(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = ingest([str(noisy_folder(tmp_path)), "--db", str(tmp_path / "s.db")], capsys)
    assert code == 0
    warnings = [line for line in lines if line.startswith("newsweave: warning:")]
    assert len(warnings) == 2  # one line per reason, not one per file
    assert any("3 × file skipped: empty input" in w for w in warnings)
    assert any("4 × file skipped: not a text article (binary data)" in w for w in warnings)
    assert all("--verbose" in w for w in warnings)
    assert "1 article stored" in lines[-1] and "7 files unreadable" in lines[-1]


def test_verbose_lists_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = noisy_folder(tmp_path)
    code, lines = ingest([str(folder), "--db", str(tmp_path / "s.db"), "--verbose"], capsys)
    assert code == 0
    warnings = [line for line in lines if line.startswith("newsweave: warning:")]
    assert len(warnings) == 7
    named = {Path(w.split("warning: ", 1)[1].split(":", 1)[0]).name for w in warnings}
    assert named == {f"empty{k}.txt" for k in range(3)} | {f"blob{k}.txt" for k in range(4)}


def test_a_single_reason_names_its_file(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = noisy_folder(tmp_path)
    for f in folder.glob("blob*"):
        f.unlink()
    for f in list(folder.glob("empty*"))[1:]:
        f.unlink()
    code, lines = ingest([str(folder), "--db", str(tmp_path / "s.db")], capsys)
    warnings = [line for line in lines if line.startswith("newsweave: warning:")]
    assert code == 0 and len(warnings) == 1 and "1 × file skipped" in warnings[0]
    assert "empty" in warnings[0] and ".txt" in warnings[0]


def test_problem_reason() -> None:
    assert problem_reason("/a: b/x.txt: empty input (no text); file skipped") == (
        "empty input (no text)")
    assert problem_reason("odd message") == "odd message"
