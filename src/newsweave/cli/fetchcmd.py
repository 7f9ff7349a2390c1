"""``newsweave fetch``: poll the followed feeds and store their new articles."""

from __future__ import annotations

import re
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import typer

from newsweave.cli.app import app, fail, guarded
from newsweave.errors import OptionsError
from newsweave.stories.store import default_db, open_store

DB_HELP = "Store file (default: $NEWSWEAVE_DB, else ./newsweave.db)."
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")


def parse_duration(text: str) -> float:
    """Seconds of ``15m``, ``90s``, ``1h30m``, ``2h`` or a bare number of seconds."""
    s = text.strip().lower().replace(" ", "")
    pos, total = 0, 0.0
    while pos < len(s):
        m = _DURATION.match(s, pos)
        if m is None or (not m.group(2) and m.end() != len(s)):
            raise OptionsError(f"--every must be a duration like 15m, 90s or 1h, got {text!r}")
        total += float(m.group(1)) * _UNITS[m.group(2) or "s"]
        pos = m.end()
    if not s:
        raise OptionsError("--every must be a duration like 15m, 90s or 1h, got ''")
    return total


def summary_line(r: Any) -> str:
    head = f"feed {r.feed} {r.name or r.url}"
    if r.status == "error":
        tail = f"error: {r.error}"
        if r.new or r.stored or r.retry or r.failed:
            tail += "; " + _pages(r)
        return f"{head}: {tail}"
    if r.status == "waiting":
        return f"{head}: not polled, {r.error}"
    if r.status == "not-modified":
        return f"{head}: not modified" + (f"; {_pages(r)}" if r.stored or r.retry or r.failed
                                          or r.existing else "")
    return f"{head}: {r.entries} entries, {r.new} new; {_pages(r)}"


def _pages(r: Any) -> str:
    dup = f" ({r.duplicates} near-duplicates)" if r.duplicates else ""
    return (f"{r.stored} stored{dup}, {r.existing} already stored, {r.retry} to retry, "
            f"{r.failed} failed, {r.skipped} skipped")


@app.command("fetch")
@guarded
def fetch_cmd(
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
    every: str = typer.Option(
        None, "--every", help="Keep polling, each feed this often (e.g. 15m); Ctrl-C stops."
    ),
    delay: float = typer.Option(1.0, "--delay", help="Seconds between requests to one host."),
    timeout: float = typer.Option(10.0, "--timeout", help="Connect and read timeout, seconds."),
    max_page_bytes: int = typer.Option(
        5_000_000, "--max-page-bytes", help="Refuse larger pages and feeds."
    ),
    max_attempts: int = typer.Option(
        3, "--max-attempts", help="Polls that try a failing page before it is failed."
    ),
    workers: int = typer.Option(4, "--workers", "-j", help="Pages fetched at once."),
) -> None:
    """Poll every followed feed once (or --every ...) and store the new articles."""
    from newsweave.feeds import PollOptions, poll_feeds, run_every
    from newsweave.ingest.web import FetchOptions

    try:
        period = parse_duration(every) if every is not None else 900.0
        options = PollOptions(
            fetch=FetchOptions(connect_timeout=timeout, read_timeout=timeout,
                               max_bytes=max_page_bytes, host_delay=delay),
            max_attempts=max_attempts, workers=workers, every=period,
        )
    except OptionsError as exc:
        msg = str(exc)
        for field, flag in (("connect_timeout", "--timeout"), ("read_timeout", "--timeout"),
                            ("max_bytes", "--max-page-bytes"), ("host_delay", "--delay"),
                            ("max_attempts", "--max-attempts"), ("workers", "--workers"),
                            ("every", "--every")):
            msg = msg.replace(field, flag) if msg.startswith(field) else msg
        fail(msg)
    path = db if db is not None else default_db()
    stop = threading.Event()
    interrupted = _install_sigint(stop)
    totals = {"polls": 0, "stored": 0, "broken": 0}
    t0 = time.perf_counter()
    try:
        with open_store(path) as store:
            from newsweave.feeds import list_feeds

            if not list_feeds(store):
                fail(f"{path}: no feeds followed (add one with `newsweave feeds add URL`)")
            with _Progress() as progress:
                def on_poll(results: list[Any]) -> None:
                    progress.pause()
                    for r in results:
                        print(f"newsweave: {summary_line(r)}", file=sys.stderr)
                        for p in r.problems[:5]:
                            print(f"newsweave:   {p}", file=sys.stderr)
                    totals["polls"] += 1
                    totals["stored"] += sum(r.stored for r in results)
                    totals["broken"] = sum(r.status == "error" for r in results)
                    sys.stderr.flush()

                if every is None:
                    on_poll(poll_feeds(store, options, stop=stop, on_event=progress.event))
                else:
                    run_every(store, options, stop, on_poll=on_poll, on_event=progress.event)
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    seconds = time.perf_counter() - t0
    end = " (stopped by Ctrl-C)" if interrupted.is_set() else ""
    print(f"newsweave: {totals['polls']} polls, {totals['stored']} articles stored, "
          f"{totals['broken']} feeds broken in the last poll; {seconds:.1f} s; store {path}{end}",
          file=sys.stderr)
    if every is None and (totals["broken"] or interrupted.is_set()):
        raise typer.Exit(1)


def _install_sigint(stop: threading.Event) -> threading.Event:
    """First Ctrl-C: finish the current article, then stop. Second: stop now."""
    seen = threading.Event()

    def handler(_sig: int, _frame: Any) -> None:
        if seen.is_set():
            raise KeyboardInterrupt
        seen.set()
        stop.set()
        print("newsweave: stopping after the current article (Ctrl-C again to quit now)",
              file=sys.stderr)

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, handler)
    return seen


class _Progress:
    """A Rich progress bar of the pages of a poll, on a terminal only."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> _Progress:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def pause(self) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.remove_task(self.task)
            self.task = None

    def event(self, e: Any) -> None:
        if self.bar is None:
            return
        if e.kind == "pages":
            self.pause()
            self.task = self.bar.add_task("pages", total=e.total)
        elif e.kind == "page" and self.task is not None:
            self.bar.update(self.task, completed=e.done,
                            description=f"pages ({e.status})")
