"""``newsweave brief``: a folder of articles -> a cited brief (md, json or html)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from newsweave.cli.app import SCORER_HELP, WORDS_HELP, app, fail, guarded, warn, write_file
from newsweave.cli.terminal import write_markdown
from newsweave.options import BriefOptions, Limits
from newsweave.registry import DEFAULT_SCORER, RENDERERS, TEXT_FORMATS


@app.command("brief")
@guarded
def brief_cmd(
    paths: list[str] = typer.Argument(  # noqa: B008
        None, help="Files, folders (recursive), http(s) URLs or - for stdin.",
        show_default=False,
    ),
    words: int = typer.Option(None, "--words", "-w", help=WORDS_HELP),
    fmt: str = typer.Option("md", "--format", "-f", help=", ".join(TEXT_FORMATS) + "."),
    out: Path = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),  # noqa: B008
    scorer: str = typer.Option(DEFAULT_SCORER, help=SCORER_HELP),
    analysis: bool = typer.Option(True, "--analysis/--no-analysis", help="Cross-source analysis."),
    html_out: Path = typer.Option(  # noqa: B008
        None, "--html", help="Also write the HTML page to this file."
    ),
    story: int = typer.Option(None, "--story", help="Brief a stored story instead of PATHs."),
    mark: bool = typer.Option(
        False, "--mark", help="With --story: record this brief, so the next update starts "
        "after it (default: records nothing)."
    ),
    db: Path = typer.Option(  # noqa: B008
        None, "--db", help="Store for --story (default: $NEWSWEAVE_DB, else ./newsweave.db)."
    ),
    max_bytes: int = typer.Option(
        None, "--max-bytes", help="Read at most this much of each input (default 10000000)."
    ),
    max_sentence_chars: int = typer.Option(
        None, "--max-sentence-chars", help="Split longer sentences (default 1000)."
    ),
    extract_seconds: float = typer.Option(
        None, "--extract-seconds", help="Time limit per HTML page (default 5)."
    ),
    max_article_chars: int = typer.Option(
        None, "--max-article-chars", help="Cut longer article text (default 200000)."
    ),
) -> None:
    """Make a cited brief of the articles in PATH..."""
    if fmt not in TEXT_FORMATS:
        fail(f"--format must be one of {', '.join(TEXT_FORMATS)}, got {fmt!r}")
    if story is not None and paths:
        fail("give either PATH... or --story, not both")
    if not paths and story is None:
        fail("give at least one PATH (a file, a folder or - for stdin)")
    if mark and story is None:
        fail("--mark records the brief of a stored story: give --story ID")
    if db is not None and story is None:
        fail("--db is the store of --story: give --story ID (a brief of PATHs stores nothing)")
    if out is not None and html_out is not None and out.resolve() == html_out.resolve():
        fail("--out and --html name the same file: give two paths")
    options = BriefOptions(words=words, scorer=scorer, analyze=analysis)  # checks every value
    limits = limits_from_options(
        max_bytes, max_sentence_chars, extract_seconds, max_article_chars
    )
    # Heavy imports (scikit-learn) only once the arguments are known to be usable.
    from newsweave.pipeline import make_brief

    problems: list[str] = []
    to_commit = None
    if story is not None:
        from newsweave.stories import default_db, open_store
        from newsweave.stories.update import brief_mark, story_brief

        # (a peek may read a store it cannot write: read-only then)
        with open_store(db or default_db(), create=False,
                        readonly=False if mark else None) as store:
            result = story_brief(store, story, options, limits, record=False)
            to_commit = brief_mark(store, result) if mark else None
    else:
        from newsweave.ingest.loaders import is_url

        inputs: list[str] | object = paths
        if any(is_url(p) for p in paths):
            # URLs (and only URLs) are fetched, politely (newsweave.ingest.web).
            from newsweave.ingest.web import load_inputs

            inputs = load_inputs(paths, limits=limits, problems=problems)
        result = make_brief(inputs, options, limits, problems=problems)
    for p in problems:
        warn(p)
    for a in result.articles:
        for flag in a.flags:
            warn(f"{a.id}: {flag}")
    text = RENDERERS[fmt](result)
    if out is not None:
        write_file(out, text)
    elif fmt == "md":
        write_markdown(text)  # drawn by Rich on a terminal, plain Markdown when piped
    else:
        sys.stdout.write(text)
    if html_out is not None:
        write_file(html_out, result.to_html())
    if to_commit is not None:  # a recorded brief counts once it is written
        sys.stdout.flush()
        with open_store(db or default_db(), create=False) as store:
            store.commit_mark(to_commit)


def limits_from_options(
    max_bytes: int | None,
    max_sentence_chars: int | None,
    extract_seconds: float | None,
    max_article_chars: int | None = None,
) -> Limits:
    """``Limits`` from the ``--max-*`` options (an out-of-range value raises
    ``OptionsError`` naming its field, which the CLI shows as the option)."""
    given = {"max_bytes": max_bytes, "max_sentence_chars": max_sentence_chars,
             "extract_seconds": extract_seconds, "max_article_chars": max_article_chars}
    return Limits(**{k: v for k, v in given.items() if v is not None})
