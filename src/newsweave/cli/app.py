"""The Typer application and shared CLI helpers."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer

try:  # recent Typer carries its own copy of click
    from typer._click import exceptions as cx
except ImportError:  # pragma: no cover - older Typer uses click itself
    from click import exceptions as cx

from newsweave._version import __version__
from newsweave.errors import NewsweaveError, OptionsError
from newsweave.registry import SCORERS

log = logging.getLogger(__name__)

app = typer.Typer(
    name="newsweave",
    help="Offline multi-source news synthesis: cited briefs from many articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line to stderr and exit with ``code``."""
    line = " ".join(str(message).split())
    print(f"newsweave: error: {line}", file=sys.stderr)
    raise typer.Exit(code)


def option_message(exc: OptionsError) -> str:
    """The error in the words of the command line: ``words must be ...`` -> ``--words must
    be ...`` (the option is named by the error's ``field``)."""
    text = str(exc)
    if exc.field and text.startswith(exc.field):
        return f"--{exc.field.replace('_', '-')}{text[len(exc.field):]}"
    return text


SCORER_HELP = f"Sentence scorer: {', '.join(SCORERS)}."
WORDS_HELP = "Word budget (default: adaptive to the number of sources and the input's length)."


def write_file(path: Path, text: str) -> None:
    """Write an output file; a failure says which file could not be written and why."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")


def warn(message: str) -> None:
    print(f"newsweave: warning: {' '.join(message.split())}", file=sys.stderr)


class WarningTally:
    """Warnings of a long command, summarised: one line per reason with its count; every
    detail line only when ``verbose`` (``--verbose``)."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose
        self.by_reason: dict[str, list[str]] = {}

    def add(self, reason: str, detail: str) -> None:
        self.by_reason.setdefault(reason, []).append(detail)
        if self.verbose:
            warn(detail)

    def report(self) -> None:
        """Print the summary lines (nothing when every detail was already printed)."""
        if self.verbose:
            return
        for reason, details in self.by_reason.items():
            more = " (--verbose lists them)" if len(details) > 1 else f" ({details[0]})"
            warn(f"{len(details)} × {reason}{more}")


def guarded(fn: F) -> F:
    """Turn library errors into one-line messages with exit code 2 (never a traceback)."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, cx.ClickException):
            raise  # typer's own exits and usage errors (fail() raises one)
        except OptionsError as exc:
            fail(option_message(exc), 2)
        except NewsweaveError as exc:  # InputError, StoreError, ...
            fail(str(exc), 2)
        except BrokenPipeError:
            # The reader went away (``newsweave brief ... | head``): stop quietly, and say
            # "partly done" (1), since whatever came after the last line read did not happen.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(1) from None
        except (OSError, UnicodeError) as exc:
            fail(f"{getattr(exc, 'filename', '') or ''} {exc.__class__.__name__}: {exc}", 2)
        except MemoryError:
            fail("out of memory on this input", 2)
        except RecursionError:
            fail("input too deeply nested", 2)
        except Exception as exc:  # noqa: BLE001 - a bug must still end in one line, not a traceback
            log.debug("internal error", exc_info=True)
            fail(f"internal error ({exc.__class__.__name__}: {exc}); please report it", 1)

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        print(f"newsweave {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """newsweave: cited multi-source news briefs, offline."""
