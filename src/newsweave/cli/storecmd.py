"""``newsweave ingest``, ``stories`` and ``update``: the local story store."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newsweave.cli.app import WORDS_HELP, WarningTally, app, fail, guarded, write_file
from newsweave.cli.terminal import progress, write_markdown
from newsweave.options import BriefOptions, Limits
from newsweave.registry import RENDERERS, TEXT_FORMATS
from newsweave.stories.options import StoryOptions
from newsweave.text.vocabulary import plural

if TYPE_CHECKING:
    from rich.table import Table

    from newsweave.stories.store import StoryRow

# The clusterer (scikit-learn) and the update summarizer are imported inside the commands
# that use them: every `newsweave` command imports this module, even --help.

# A stream file (JSONL) may hold many articles: allow files far larger than one brief's input.
INGEST_LIMITS = Limits(max_bytes=1_000_000_000)
DB_HELP = "Store file (default: $NEWSWEAVE_DB, else ./newsweave.db)."


def db_path(db: Path | None) -> Path:
    from newsweave.stories.store import default_db

    return db if db is not None else default_db()


@app.command("ingest")
@guarded
def ingest_cmd(
    paths: list[str] = typer.Argument(  # noqa: B008
        None, help="Files, folders (recursive), http(s) URLs or - for stdin.",
        show_default=False,
    ),
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
    acks: bool = typer.Option(
        False, "--acks", help="Print one JSON line per article once it is committed."
    ),
    sync: str = typer.Option(
        "normal", "--sync", help="normal (safe against crashes) or full (also power loss)."
    ),
    threshold: float = typer.Option(
        StoryOptions().threshold, help="Similarity needed to join an existing story."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="One warning line per skipped or renamed article "
        "(default: one line per reason, with a count)."
    ),
) -> None:
    """Store articles and place each in a story (one commit per article)."""
    from newsweave.stories.cluster import Clusterer

    if not paths:
        fail("give at least one PATH (a file, a folder or - for stdin)")
    if sync not in ("normal", "full"):
        fail(f"--sync must be normal or full, got {sync!r}")
    options = StoryOptions(threshold=threshold, merge_threshold=max(threshold,
                                                                     StoryOptions().merge_threshold))
    # Read and check every input before touching the store: bad input changes nothing.
    # URLs (and only URLs) are fetched, politely (newsweave.ingest.web).
    from newsweave.ingest.web import load_inputs
    from newsweave.stories.store import open_store

    articles = load_inputs(paths, limits=INGEST_LIMITS, problems=None)
    tally = WarningTally(verbose)
    path = db_path(db)
    counts = {"new": 0, "duplicate": 0, "exists": 0, "skipped": 0}
    stories: set[int] = set()
    merges = 0
    t0 = time.perf_counter()
    with (open_store(path, synchronous=sync.upper()) as store, Clusterer(store, options) as cl,
          progress("articles", len(articles)) as advance):
        # stories made by this run: ids past the last one before it (another writer's new
        # stories, made meanwhile, are not this run's unless it added to them)
        last_before = store.last_story()
        for art in articles:
            advance()
            if not art.text.strip():
                counts["skipped"] += 1
                tally.add("article not stored: no text after cleaning",
                          f"{art.id}: no article text after cleaning; not stored")
                continue
            ack = cl.add(art)
            counts[ack.status] += 1
            if ack.status != "exists":  # an article stored before touches no story now
                stories.add(ack.story)
            merges += len(ack.merged)
            if acks:
                sys.stdout.write(json.dumps(ack.to_dict(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            if ack.status != "exists" and ack.id != ack.requested_id:
                tally.add("id already used by other content; stored under a new id",
                          f"{ack.requested_id}: id already used by other content; "
                          f"stored as {ack.id}")
        live = {store.resolve(s) for s in stories}  # (merged ones: where they went)
        made = sum(1 for s in live if s > last_before)
    seconds = time.perf_counter() - t0
    tally.report()
    stored = counts["new"] + counts["duplicate"]
    print(
        f"newsweave: {plural(stored, 'article')} stored ({counts['duplicate']} near-duplicates), "
        f"{counts['exists']} already stored, {counts['skipped']} skipped; "
        f"{plural(len(stories), 'story', 'stories')} touched, "
        f"{made} new, {plural(merges, 'merge')}; "
        f"{seconds:.1f} s; store {path}",
        file=sys.stderr,
    )


@app.command("stories")
@guarded
def stories_cmd(
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List the stories of the store."""
    if fmt not in ("table", "json"):
        fail(f"--format must be table or json, got {fmt!r}")
    from newsweave.stories.store import open_store

    with open_store(db_path(db), create=False, readonly=None) as store:
        rows = store.stories()
    if fmt == "json":
        print(json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False))
        return
    from rich.console import Console

    console = Console()
    console.print(stories_table(rows, f"{plural(len(rows), 'story', 'stories')} in "
                                      f"{db_path(db)}", width=max(80, console.width)))


def stories_table(rows: list[StoryRow], caption: str, width: int = 80) -> Table:
    """The ``stories`` table: fits an 80-column terminal (long titles and source lists are
    cut with "…" here only; ``--format json`` has them whole)."""
    from rich import box
    from rich.table import Table

    table = Table(title=caption, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False, expand=False)
    # Every column gets an explicit width; the title takes what the others leave. No
    # vertical rules (three spaces between columns) so that an 80-column terminal fits; first
    # seen and last updated are in --format json.
    pubs = [_published(r.first_published, r.last_published) for r in rows]
    srcs = [", ".join(r.sources[:3]) + (" …" if len(r.sources) > 3 else "") for r in rows]
    w_id = max([2] + [len(str(r.id)) for r in rows])
    w_arts = max([4] + [len(str(len(r.articles))) for r in rows])
    w_pub = max([9] + [len(p) for p in pubs])
    w_src = min(16, max([7] + [len(x) for x in srcs]))
    gaps = 3 * 4  # padding either side of a blank divider
    w_title = max(16, width - gaps - w_id - w_arts - w_pub - w_src)
    table.add_column("id", justify="right", no_wrap=True, width=w_id)
    table.add_column("title", no_wrap=True, overflow="ellipsis", width=w_title)
    table.add_column("arts", justify="right", no_wrap=True, width=w_arts)
    table.add_column("sources", no_wrap=True, overflow="ellipsis", width=w_src)
    table.add_column("published", no_wrap=True, width=w_pub)
    for r, pub, src in zip(rows, pubs, srcs, strict=True):
        table.add_row(str(r.id), r.title or "—", str(len(r.articles)), src, pub)
    return table


def _published(first: str | None, last: str | None) -> str:
    """The span of publication dates of a story's articles (— when none is dated)."""
    if not first:
        return "—"
    if not last or last[:10] == first[:10]:
        return first[:10]
    return f"{first[:10]} → {last[5:10] if last[:4] == first[:4] else last[:10]}"


@app.command("update")
@guarded
def update_cmd(
    story: int = typer.Option(..., "--story", help="Story id (see `newsweave stories`)."),
    db: Path = typer.Option(None, "--db", help=DB_HELP),  # noqa: B008
    words: int = typer.Option(None, "--words", "-w", help=WORDS_HELP),
    fmt: str = typer.Option("md", "--format", "-f", help=", ".join(TEXT_FORMATS) + "."),
    out: Path = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),  # noqa: B008
    mark: bool = typer.Option(
        False, "--mark", help="Record this update, so the next one starts after it "
        "(default: a peek that records nothing)."
    ),
) -> None:
    """What is new in a story since its last recorded brief or update, cited like a brief."""
    from newsweave.stories.store import open_store
    from newsweave.stories.update import story_update

    if fmt not in TEXT_FORMATS:
        fail(f"--format must be one of {', '.join(TEXT_FORMATS)}, got {fmt!r}")
    options = BriefOptions(words=words, analyze=False)
    with open_store(db_path(db), create=False, readonly=False if mark else None) as store:
        upd = story_update(store, story, options, Limits(),
                           record=False)
        since = f"since {upd.since.kind} of {upd.since.made}" if upd.since else "(first update)"
        text = RENDERERS[fmt](upd.brief)
        if fmt == "md":
            text = (f"_Update of story {upd.story}: {plural(len(upd.new_articles), 'new article')} "
                    f"{since}._\n\n{text}")
        if out is not None:
            write_file(out, text)
        else:
            if fmt == "md":
                write_markdown(text)  # drawn by Rich on a terminal, plain when piped
            else:
                sys.stdout.write(text)
            sys.stdout.flush()
        if mark:
            # Only once the update is written: a failed write must not hide its sentences
            # from the next update.
            store.commit_mark(upd.mark)
    print(
        f"newsweave: story {upd.story}: {plural(len(upd.new_articles), 'new article')} {since}; "
        f"{plural(len(upd.brief.summary), 'new sentence')}"
        f"{'; recorded' if mark else ' (not recorded; --mark records it)'}",
        file=sys.stderr,
    )
