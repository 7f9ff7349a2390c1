"""``brief`` Markdown: drawn by Rich on a terminal, plain (unchanged) when piped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from newsweave.cli import main
from newsweave.cli.terminal import render_markdown, write_markdown

GOLDEN = Path(__file__).parent / "golden" / "mosul.md"


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_piped_brief_is_the_plain_markdown(mosul_dir: Path, mosul_brief,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(mosul_dir)]) == 0
    out = capsys.readouterr().out
    assert out == mosul_brief.to_markdown()
    assert out == GOLDEN.read_text(encoding="utf-8")
    assert "\\[Islamic State\\]" in out  # the Markdown source keeps its escapes


def test_write_markdown_leaves_a_pipe_untouched() -> None:
    text = "# Brief\n\nrebel against \\[Islamic State\\] [2]\n"
    stream = io.StringIO()
    write_markdown(text, stream)
    assert stream.getvalue() == text


def test_terminal_shows_no_markdown_escapes(mosul_brief) -> None:
    console = Console(width=100, force_terminal=True, record=True, color_system="standard")
    render_markdown(mosul_brief.to_markdown(), console)
    shown = console.export_text()
    assert "against [Islamic State] with" in " ".join(shown.split())
    assert "\\[" not in shown and "**" not in shown


def test_write_markdown_draws_on_a_tty() -> None:
    stream = FakeTty()
    write_markdown("# Brief\n\nrebel against \\[Islamic State\\] **now**\n", stream)
    drawn = stream.getvalue()
    assert "# Brief" not in drawn and "Brief" in drawn  # the heading is drawn, not marked
    assert "[Islamic State]" in drawn and "\\[" not in drawn and "**" not in drawn
