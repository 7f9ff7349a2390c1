"""``newsweave stories``: the table fits 80 columns; JSON keeps long titles whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from newsweave.cli import main
from newsweave.cli.storecmd import stories_table
from newsweave.stories.store import StoryRow

LONG = ("Mitt Romney's official Facebook page has been losing eleven fans a minute since the "
        "campaign went silent on social media platforms on Tuesday night")


def rows() -> list[StoryRow]:
    return [
        StoryRow(1, LONG, [f"a{i}" for i in range(120)],
                 ["www.very-long-newspaper-domain-name.example", "cnn.com", "bbc.co.uk",
                  "reuters.com"],
                 "2026-12-01T10:00:00+00:00", "2026-12-01T11:00:00+00:00",
                 "2015-10-31", "2016-02-23"),
        StoryRow(22, "Storm floods the coast", ["b"], ["x.example"],
                 "2026-12-01T10:00:00+00:00", "2026-12-01T10:00:00+00:00"),
    ]


def test_table_fits_80_columns() -> None:
    console = Console(width=80, record=True, force_terminal=False, color_system=None)
    console.print(stories_table(rows(), "2 stories in /some/long/path/to/newsweave.db"))
    lines = console.export_text().splitlines()
    assert len(lines) >= 5
    assert max(len(line) for line in lines) <= 80
    text = "\n".join(lines)
    assert "Mitt Romney" in text and "Storm floods the coast" in text
    assert "…" in text  # the long title is cut in the table only
    assert "120" in text and "2015-10-31" in text


def test_json_keeps_the_full_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    body = " ".join(f"The harbor senate report number {k} names drought officials in Story City."
                    for k in range(5))
    src.write_text(json.dumps({"id": "a", "title": LONG, "text": body}) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["ingest", str(src), "--db", db]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", db, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in out] == [LONG]
