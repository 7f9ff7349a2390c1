"""``newsweave feeds``: the feeds followed (add, list, remove, import, export OPML)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from newsweave.cli.app import app, fail, guarded, warn
from newsweave.stories.store import default_db, open_store

DB_HELP = "Store file (default: $NEWSWEAVE_DB, else ./newsweave.db)."

feeds_app = typer.Typer(
    name="feeds", help="The RSS/Atom feeds `newsweave fetch` polls.", no_args_is_help=True,
    add_completion=False,
)
app.add_typer(feeds_app, name="feeds")


def _db(db: Path | None) -> Path:
    return db if db is not None else default_db()


@feeds_app.command("add")
@guarded
def add_cmd(
    url: str = typer.Argument(..., help="Feed URL (RSS or Atom)."),
    name: str = typer.Option(None, "--name", "-n", help="Name shown and used as source."),
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
) -> None:
    """Follow a feed (nothing is fetched until `newsweave fetch`)."""
    from newsweave.feeds import add_feed

    with open_store(_db(db)) as store:
        feed, added = add_feed(store, url, name)
    what = "now following" if added else ("renamed" if name else "already following")
    print(f"newsweave: {what} feed {feed.id} {feed.label} <{feed.url}>", file=sys.stderr)


@feeds_app.command("list")
@guarded
def list_cmd(
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
) -> None:
    """The feeds followed: last fetch and status, articles stored, when next due."""
    if fmt not in ("table", "json"):
        fail(f"--format must be table or json, got {fmt!r}")
    from newsweave.feeds import list_feeds

    with open_store(_db(db), create=False, readonly=None) as store:
        feeds = list_feeds(store)
    if fmt == "json":
        print(json.dumps([f.to_dict() for f in feeds], indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(feeds)} feeds in {_db(db)}")
    for col in ("id", "name", "url", "last fetch", "last status", "articles", "pending",
                "failed", "next due"):
        table.add_column(col, justify="right" if col in ("id", "articles", "pending",
                                                         "failed") else "left",
                         overflow="fold" if col == "url" else "ellipsis")
    for f in feeds:
        status = (f.last_status or "never fetched").replace("; paused by the server", "")
        if f.last_error:
            status += f": {f.last_error[:80]}"
        table.add_row(str(f.id), (f.name or f.title or "—")[:40], f.url, _when(f.last_fetch),
                      status, str(f.articles), str(f.pending), str(f.failed),
                      _when(f.next_due) if f.next_due else "now")
    Console().print(table)


def _when(iso: str | None) -> str:
    """``2026-12-01 21:37`` (UTC) of a stored time; — when there is none."""
    return iso[:16].replace("T", " ") if iso else "—"


@feeds_app.command("remove")
@guarded
def remove_cmd(
    ref: str = typer.Argument(..., metavar="URL|ID", help="Feed URL or id (feeds list)."),
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
) -> None:
    """Stop following a feed; the articles already stored stay."""
    from newsweave.feeds import remove_feed

    with open_store(_db(db), create=False) as store:
        feed = remove_feed(store, ref)
    print(f"newsweave: stopped following feed {feed.id} {feed.label} <{feed.url}>; its "
          f"{feed.articles} articles stay in the store", file=sys.stderr)


@feeds_app.command("import")
@guarded
def import_cmd(
    path: Path = typer.Argument(..., metavar="FILE.opml", help="OPML from a feed reader."),  # noqa: B008
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
) -> None:
    """Follow every feed of an OPML file."""
    from newsweave.feeds import import_opml

    if not path.is_file():
        fail(f"{path}: no such file")
    with open_store(_db(db)) as store:
        result = import_opml(store, path)
    for p in result.problems:
        warn(p)
    print(f"newsweave: {len(result.added)} feeds added, {len(result.existing)} already "
          f"followed, {len(result.problems)} outlines skipped", file=sys.stderr)


@feeds_app.command("export")
@guarded
def export_cmd(
    out: Path = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),  # noqa: B008
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
) -> None:
    """The feeds followed as OPML 2.0 (for a feed reader, or `feeds import`)."""
    from newsweave.feeds import export_opml

    with open_store(_db(db), create=False, readonly=None) as store:
        text = export_opml(store)
    if out is not None:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
