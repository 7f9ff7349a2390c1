"""Progress of long commands: a Rich bar on stderr when it is a terminal, nothing when piped."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.cli.terminal import progress

ART1 = ("A fire destroyed the harbour warehouse in Portsmouth on Monday night. "
        "Firefighters fought the blaze for six hours. Police are investigating the cause.")
ART2 = ("Fire destroyed the harbour warehouse in Portsmouth late on Monday. "
        "Nobody was hurt, the fire service said. The owner said the building was insured.")


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def eval_file(tmp_path: Path, n: int = 3) -> Path:
    p = tmp_path / "eval.jsonl"
    rec = {"articles": [{"text": ART1}, {"text": ART2}],
           "reference": "A fire destroyed a harbour warehouse in Portsmouth on Monday."}
    p.write_text("".join(json.dumps({"id": f"c{k}", **rec}) + "\n" for k in range(n)),
                 encoding="utf-8")
    return p


def test_progress_draws_on_a_terminal_and_is_silent_when_piped() -> None:
    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        with progress("clusters", 3, stream) as advance:
            for _ in range(3):
                advance()
    assert "clusters" in tty.getvalue() and "\x1b[" in tty.getvalue()
    assert pipe.getvalue() == ""


def test_eval_shows_progress_on_a_terminal_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(eval_file(tmp_path))
    assert main(["eval", path, "--no-peers", "-f", "json"]) == 0
    piped_out, piped_err = capsys.readouterr()
    assert piped_err == "" and json.loads(piped_out)[0]["clusters"] == 3
    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    assert main(["eval", path, "--no-peers", "-f", "json"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out)[0]["rouge1"] == json.loads(piped_out)[0]["rouge1"]
    assert "clusters" in tty.getvalue() and "3/3" in tty.getvalue()


def test_ingest_shows_progress_on_a_terminal_only(tmp_path: Path, mosul_dir: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["ingest", str(mosul_dir), "--db", str(tmp_path / "a.db")]) == 0
    _, piped_err = capsys.readouterr()
    assert piped_err.count("\n") == 1 and "5 articles stored" in piped_err
    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    assert main(["ingest", str(mosul_dir), "--db", str(tmp_path / "b.db")]) == 0
    drawn = tty.getvalue()
    assert "articles" in drawn and "5/5" in drawn and "5 articles stored" in drawn
