"""``newsweave batch``: summarize every cluster of a JSONL file, streamed."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from newsweave.cli.app import WORDS_HELP, app, fail, guarded
from newsweave.cli.terminal import is_terminal, progress
from newsweave.options import BriefOptions


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None


@app.command("batch")
@guarded
def batch_cmd(
    in_path: Path = typer.Argument(..., metavar="IN.jsonl", help="One cluster per line."),  # noqa: B008
    out_path: Path = typer.Argument(..., metavar="OUT.jsonl", help="One summary per line."),  # noqa: B008
    workers: int = typer.Option(1, "--workers", "-j", help="Worker processes."),
    words: int = typer.Option(None, "--words", "-w", help=WORDS_HELP),
    scheduler: str = typer.Option(
        None, help="Run on Dask: 'local' or a scheduler address (tcp://host:8786)."
    ),
    analysis: bool = typer.Option(False, "--analysis/--no-analysis", help="Cross-source analysis."),
) -> None:
    """Summarize each cluster of IN.jsonl into OUT.jsonl; bad lines become error records."""
    if "-" in (str(in_path), str(out_path)):  # (not a file named "-" in this folder)
        fail("batch reads and writes files: give paths, not '-' (standard input or output)")
    if in_path.is_dir():
        fail(f"{in_path}: is a folder, not a JSONL file of clusters")
    if not in_path.is_file():
        fail(f"{in_path}: no such file")
    if out_path.is_dir():
        fail(f"{out_path}: is a folder; give the output file's path")
    options = BriefOptions(words=words, analyze=analysis)
    from newsweave.batch import run_batch

    total = _count_lines(in_path) if is_terminal(sys.stderr) else None
    with progress("clusters", total) as advance:
        report = run_batch(
            in_path, out_path, workers=workers, options=options, scheduler=scheduler,
            on_record=lambda _rec: advance(),
        )
    rate = (report.ok + report.failed) / report.seconds if report.seconds else 0.0
    print(
        f"newsweave: {report.ok} clusters summarized, {report.failed} failed, "
        f"{report.seconds:.1f} s ({rate:.1f} clusters/s)",
        file=sys.stderr,
    )
    if report.failed:
        raise typer.Exit(1)
