"""Markdown for a terminal: rendered with Rich when stdout is a tty, plain when piped.

Piped output (a file, ``| less``, the golden tests) stays the plain Markdown the renderer
wrote, byte for byte; only an interactive terminal gets headings, lists and links drawn,
and Markdown escapes (``\\[Islamic State\\]``) shown as the text they stand for.
"""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream is not a terminal
        return False


def render_markdown(text: str, console: Console) -> None:
    """Draw ``text`` (Markdown) on ``console`` with Rich."""
    from rich.markdown import Markdown

    console.print(Markdown(text, hyperlinks=False))


def write_markdown(text: str, stream: IO[str] | None = None) -> None:
    """Write Markdown to ``stream`` (stdout): drawn by Rich on a tty, else unchanged."""
    out = stream if stream is not None else sys.stdout
    if not is_terminal(out):
        out.write(text)
        return
    from rich.console import Console

    render_markdown(text, Console(file=out, soft_wrap=False))
