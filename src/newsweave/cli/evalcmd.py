"""``newsweave eval``: ROUGE of newsweave beside published systems."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from newsweave.cli.app import SCORER_HELP, WORDS_HELP, app, fail, guarded
from newsweave.cli.terminal import is_terminal, progress
from newsweave.options import BriefOptions
from newsweave.registry import DEFAULT_SCORER


@app.command("eval")
@guarded
def eval_cmd(
    path: Path = typer.Argument(..., help="JSONL with articles, reference and optional peers."),  # noqa: B008
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    words: int = typer.Option(None, "--words", "-w", help=WORDS_HELP),
    scorer: str = typer.Option(DEFAULT_SCORER, help=SCORER_HELP),
    peers: bool = typer.Option(True, "--peers/--no-peers", help="Score peer systems too."),
    limit: int = typer.Option(None, help="Only the first N clusters."),
) -> None:
    """ROUGE-1/2/L/Lsum F1x100 of newsweave and every peer system, side by side."""
    if fmt not in ("table", "json"):
        fail(f"--format must be table or json, got {fmt!r}")
    if limit is not None and limit < 1:
        fail(f"--limit must be at least 1, got {limit}")
    if str(path) == "-":
        fail("eval reads a file: give its path, not '-' (standard input)")
    if path.is_dir():
        fail(f"{path}: is a folder, not a JSONL file of clusters")
    options = BriefOptions(words=words, scorer=scorer, analyze=False)
    from newsweave.evaluate import evaluate

    total = None
    if is_terminal(sys.stderr):
        from newsweave.cli.batchcmd import _count_lines

        total = _count_lines(path)
        total = min(total, limit) if total is not None and limit is not None else total
    with progress("clusters", total) as advance:
        rows = evaluate(path, options, peers, limit, on_cluster=lambda _id: advance())
    if fmt == "json":
        print(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"ROUGE F1x100 on {path.name}")
    for col in ("system", "R1", "R2", "RL", "RLsum", "words", "ms/cluster", "n"):
        table.add_column(col, justify="left" if col == "system" else "right")
    for r in rows:
        def f(v: object) -> str:
            return "—" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v)

        n = str(r["clusters"]) + (f" ({r['missing']} missing)" if r["missing"] else "")
        n += f" ({r['empty']} empty)" if r.get("empty") else ""
        table.add_row(
            r["system"], f(r["rouge1"]), f(r["rouge2"]), f(r["rougeL"]), f(r["rougeLsum"]),
            f(r["words"]), f(r["ms_per_cluster"]), n,
        )
    Console().print(table)
    for r in rows:
        if r.get("empty"):
            print(f"{r['system']}: {r['empty']} cluster(s) with no usable article text scored as "
                  f"an empty brief (0): {', '.join(r['empty_ids'])}")
