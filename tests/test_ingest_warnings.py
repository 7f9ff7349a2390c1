"""``newsweave ingest``: warnings summarised per reason; details with ``--verbose``.

(An unreadable file, empty or binary, rejects the whole input: test_ingest_robust.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.cli import main

BODY = "The harbor senate report names drought officials in Story City on Monday. " * 3
NOISE = ("Tweet with a location\n\nYou can add location information to your Tweets, such as "
         "your city or precise location, from the web and via third-party applications.")


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def noisy_folder(root: Path) -> Path:
    """A folder of files holding articles with no text after cleaning, next to good ones."""
    folder = root / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", [{"id": "g1", "text": BODY}]
                + [{"id": f"n{k}", "text": NOISE} for k in range(3)])
    write_jsonl(folder / "b.jsonl", [{"id": f"m{k}", "text": NOISE} for k in range(2)]
                + [{"id": "g2", "text": BODY.replace("Monday", "Friday") + " Rain fell."}])
    return folder


def ingest(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["ingest", *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


def warnings_of(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("newsweave: warning:")]


def test_warnings_are_counted_per_reason(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.db")
    code, lines = ingest([str(noisy_folder(tmp_path)), "--db", db], capsys)
    assert code == 0
    warnings = warnings_of(lines)
    assert warnings == [
        "newsweave: warning: 5 × article not stored: no text after cleaning "
        "(--verbose lists them)"]
    assert "2 articles stored" in lines[-1] and "5 skipped" in lines[-1]
    # ids already used by other content: a second reason, one more line
    other = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "g1", "text": "A new report on tariffs and glaciers from the museum city. " * 3},
        {"id": "g2", "text": "Another report on pipelines and orchards in the valley town. " * 3},
        {"id": "n0", "text": NOISE}])
    code, lines = ingest([str(other), "--db", db], capsys)
    assert code == 0
    assert warnings_of(lines) == [
        "newsweave: warning: 2 × id already used by other content; stored under a new id "
        "(--verbose lists them)",
        "newsweave: warning: 1 × article not stored: no text after cleaning "
        "(n0: no article text after cleaning; not stored)"]


def test_verbose_lists_every_article(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = noisy_folder(tmp_path)
    code, lines = ingest([str(folder), "--db", str(tmp_path / "s.db"), "--verbose"], capsys)
    assert code == 0
    warnings = warnings_of(lines)
    assert len(warnings) == 5
    assert {w.split("warning: ", 1)[1].split(":", 1)[0] for w in warnings} == {
        "n0", "n1", "n2", "m0", "m1"}
