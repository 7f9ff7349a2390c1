"""Exits that reach ``newsweave.cli.main`` from a command end in a code, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer

import newsweave.cli as cli
from newsweave.cli.app import app, guarded


def _exit_cmd(code: int = 3, abort: bool = False, interrupt: bool = False) -> None:
    if abort:
        raise typer.Abort()
    if interrupt:
        raise KeyboardInterrupt
    raise typer.Exit(code)


@pytest.fixture()
def exit_command() -> Iterator[str]:
    before = list(app.registered_commands)
    app.command("zz-test-exit", hidden=True)(guarded(_exit_cmd))
    try:
        yield "zz-test-exit"
    finally:
        app.registered_commands[:] = before


@pytest.mark.parametrize(("args", "code"), [
    ([], 3), (["--code", "0"], 0), (["--abort"], 130), (["--interrupt"], 130),
])
def test_exit_abort_and_interrupt_end_in_an_exit_code(exit_command, args, code,
                                                      capsys) -> None:
    assert cli.main([exit_command, *args]) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err and "AttributeError" not in err
