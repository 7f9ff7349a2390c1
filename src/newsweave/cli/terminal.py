"""Markdown for a terminal: rendered with Rich when stdout is a tty, plain when piped.

Piped output (a file, ``| less``, the golden tests) stays the plain Markdown the renderer
wrote, byte for byte; only an interactive terminal gets headings, lists and links drawn,
and Markdown escapes (``\\[Islamic State\\]``) shown as the text they stand for.
Long commands (``eval``, ``ingest``, ``batch``) show a Rich progress bar on stderr when it is
a terminal (:func:`progress`), and nothing extra when it is piped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream is not a terminal
        return False


@contextmanager
def progress(label: str, total: int | None,
             stream: IO[str] | None = None) -> Iterator[Callable[[], None]]:
    """A function to call once per item done: it advances a transient Rich progress bar on
    ``stream`` (stderr) when that is a terminal, and does nothing when it is piped."""
    out = stream if stream is not None else sys.stderr
    if not is_terminal(out):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=out, force_terminal=True),
                  transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


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
