"""Command line: a thin layer over the library. Only this package prints and picks exit codes.

Exit codes: 0 ok, 1 partial (some records failed), 2 bad usage or input.
"""

from __future__ import annotations

import signal
import sys
import threading

import typer

import newsweave.cli.feedscmd  # noqa: F401  (registers feeds)
import newsweave.cli.fetchcmd  # noqa: F401  (registers fetch)
import newsweave.cli.storecmd  # noqa: F401  (registers ingest, stories, update)
from newsweave.cli import batchcmd, briefcmd, evalcmd, servecmd  # noqa: F401,E402  (register commands)
from newsweave.cli.app import app, cx
from newsweave.errors import NewsweaveError


def usage_message(exc: cx.UsageError) -> str:
    """A usage error as one line, without click's guesses ("Possible options: ...")."""
    text = exc.message if isinstance(exc, cx.NoSuchOption) else exc.format_message()
    command = exc.ctx.command_path if exc.ctx is not None else "newsweave"
    hint = f" (see '{command} --help')"
    return " ".join(text.split()) + hint


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so every ``finally`` runs (a batch's partial
    output file is removed, a store transaction rolled back) before the exit."""


_TERMINATED: list[bool] = []  # set by the handler: Typer reports any interrupt as exit 130


def _on_sigterm(_sig: int, _frame: object) -> None:
    _TERMINATED.append(True)
    raise _Terminated


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newsweave`` console script."""
    # SIGTERM ends a command like Ctrl-C (cleaned up, exit 143), also for an in-process
    # caller on the main thread, whose own handler is back once main() returns; a handler
    # installed from C (getsignal() None) is left alone.
    previous = None
    _TERMINATED.clear()
    if threading.current_thread() is threading.main_thread():
        previous = signal.getsignal(signal.SIGTERM)
        if previous is not None:
            signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _run(argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(argv: list[str] | None) -> int:
    try:
        code = app(args=argv, prog_name="newsweave", standalone_mode=False)
    except cx.NoArgsIsHelpError:  # `newsweave` alone: the help was printed
        return 2
    except cx.UsageError as exc:  # one line on stderr, exit 2 (no box, no guesses)
        print(f"newsweave: error: {usage_message(exc)}", file=sys.stderr)
        return 2
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        return _interrupted()
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except NewsweaveError as exc:  # raised outside a command body
        print(f"newsweave: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return _interrupted()
    if code == 130:  # Typer's exit code for an interrupt it caught (no command uses 130)
        return _interrupted()
    return code if isinstance(code, int) else 0


def _interrupted() -> int:
    """Ctrl-C: exit 130; SIGTERM: 143; one line either way."""
    if _TERMINATED:
        _TERMINATED.clear()
        print("newsweave: terminated", file=sys.stderr)
        return 143
    print("newsweave: interrupted", file=sys.stderr)
    return 130


__all__ = ["app", "main"]
