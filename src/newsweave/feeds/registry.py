"""The feeds a user follows and the entries seen in them, kept in the story store's file.

Two tables of their own (``feed``, ``feed_entry``) live beside the story tables in the same
SQLite file; their version is the ``feeds_schema`` row of ``meta``. A feed row keeps what a
polite poll needs (ETag, Last-Modified, when it is due) and what the user sees (last fetch,
last status and error). An entry row is one item of one feed: its link (canonical), date,
the article it became, or why it did not (``pending`` pages are retried, at most
``max_attempts`` times, then ``failed``; ``skipped`` pages are never retried).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from newsweave.errors import InputError
from newsweave.ingest.decode import strip_controls
from newsweave.ingest.web import canonical_url
from newsweave.stories.store import Store, now_iso

FEEDS_SCHEMA = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feed(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    added TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_fetch TEXT,
    last_status TEXT,
    last_error TEXT,
    next_due TEXT
);
CREATE TABLE IF NOT EXISTS feed_entry(
    feed INTEGER NOT NULL,
    key TEXT NOT NULL,
    link TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    pos INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    article TEXT,
    seen TEXT NOT NULL,
    PRIMARY KEY(feed, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS feed_entry_status ON feed_entry(status, feed);
CREATE INDEX IF NOT EXISTS feed_entry_link ON feed_entry(link)
"""


@dataclass(frozen=True, slots=True)
class Feed:
    """A followed feed, with what its entries became."""

    id: int
    url: str
    name: str
    title: str
    added: str
    last_fetch: str | None
    last_status: str | None
    last_error: str | None
    next_due: str | None
    etag: str | None
    last_modified: str | None
    articles: int = 0  # entries stored as (or found to be) an article of the store
    pending: int = 0  # pages to fetch (new, or to retry)
    failed: int = 0  # pages given up (failed or skipped)

    @property
    def label(self) -> str:
        return self.name or self.title or self.url

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("etag")
        d.pop("last_modified")
        return d


def ensure_schema(store: Store) -> None:
    """Create the feed tables in ``store`` when they are not there yet."""
    if _has_schema(store):
        return
    with store.write() as c:
        for stmt in _SCHEMA.split(";"):
            if stmt.strip():
                c.execute(stmt)
        c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('feeds_schema', ?)",
                  (str(FEEDS_SCHEMA),))


def _has_schema(store: Store) -> bool:
    row = store.conn.execute("SELECT value FROM meta WHERE key = 'feeds_schema'").fetchone()
    return row is not None and int(row[0]) >= FEEDS_SCHEMA


def check_feed_url(url: str) -> str:
    """A feed URL as stored (scheme and host lower-cased, fragment and tracking removed);
    :class:`InputError` when it is not an http(s) URL."""
    raw = url.strip()
    if not raw.lower().startswith(("http://", "https://")):
        raise InputError("a feed URL must start with http:// or https://", raw or "''")
    clean = canonical_url(raw)
    if "//" not in clean or not clean.split("//", 1)[1].split("/", 1)[0]:
        raise InputError("a feed URL needs a host", raw)
    return clean


_COLUMNS = ("id, url, name, title, added, last_fetch, last_status, last_error, next_due, "
            "etag, last_modified")


def _feed(row: sqlite3.Row | tuple[Any, ...], counts: dict[int, tuple[int, int, int]]) -> Feed:
    a, p, f = counts.get(int(row[0]), (0, 0, 0))
    return Feed(*row, articles=a, pending=p, failed=f)  # type: ignore[misc]


def _counts(c: sqlite3.Connection) -> dict[int, tuple[int, int, int]]:
    out: dict[int, tuple[int, int, int]] = {}
    for fid, done, pending, failed in c.execute(
        # articles stored: distinct ones (entries that point at one page count once)
        "SELECT feed, count(DISTINCT CASE WHEN status = 'done' THEN coalesce(article, key) END), "
        "sum(status = 'pending'), "
        "sum(status IN ('failed', 'skipped')) FROM feed_entry GROUP BY feed"
    ):
        out[int(fid)] = (int(done or 0), int(pending or 0), int(failed or 0))
    return out


def list_feeds(store: Store) -> list[Feed]:
    """Every followed feed, in the order added."""
    if store.readonly and not _has_schema(store):  # a read-only store that never had feeds
        return []
    ensure_schema(store)
    with store.read() as c:
        counts = _counts(c)
        rows = c.execute(f"SELECT {_COLUMNS} FROM feed ORDER BY id").fetchall()
    return [_feed(r, counts) for r in rows]


def get_feed(store: Store, ref: str | int) -> Feed:
    """A feed by id or URL; :class:`InputError` when the store has no such feed."""
    ensure_schema(store)
    c = store.conn
    row = None
    text = str(ref).strip()
    # (ASCII digits only: "²" is a digit int() refuses; beyond 2**63 no SQLite id)
    if text.isascii() and text.isdigit() and int(text) < 2**63:
        row = c.execute(f"SELECT {_COLUMNS} FROM feed WHERE id = ?", (int(text),)).fetchone()
    if row is None and text.lower().startswith(("http://", "https://")):
        row = c.execute(f"SELECT {_COLUMNS} FROM feed WHERE url = ?",
                        (check_feed_url(text),)).fetchone()
    if row is None:
        raise InputError("no such feed (see `newsweave feeds list`)", text)
    return _feed(row, _counts(c))


def add_feed(store: Store, url: str, name: str | None = None) -> tuple[Feed, bool]:
    """Follow ``url`` (named ``name``); (feed, added). Adding a followed feed again only
    renames it when ``name`` is given."""
    ensure_schema(store)
    clean = check_feed_url(url)
    name = " ".join(strip_controls(name or "").split())  # (no control bytes: OPML is XML)
    with store.write() as c:
        row = c.execute("SELECT id FROM feed WHERE url = ?", (clean,)).fetchone()
        added = row is None
        if added:
            c.execute("INSERT INTO feed(url, name, added) VALUES (?, ?, ?)",
                      (clean, name, now_iso()))
        elif name:
            c.execute("UPDATE feed SET name = ? WHERE id = ?", (name, row[0]))
    return get_feed(store, clean), added


def remove_feed(store: Store, ref: str | int) -> Feed:
    """Stop following a feed (by id or URL). Articles already stored stay in the store."""
    feed = get_feed(store, ref)
    with store.write() as c:
        c.execute("DELETE FROM feed_entry WHERE feed = ?", (feed.id,))
        c.execute("DELETE FROM feed WHERE id = ?", (feed.id,))
    return feed


def entry_states(store: Store, feed: int | None = None) -> list[dict[str, Any]]:
    """The entries of one feed (or all), oldest seen first: for reports and tests."""
    ensure_schema(store)
    sql = ("SELECT feed, key, link, title, published, status, attempts, error, article "
           "FROM feed_entry")
    args: tuple[Any, ...] = ()
    if feed is not None:
        sql += " WHERE feed = ?"
        args = (feed,)
    cols = ("feed", "key", "link", "title", "published", "status", "attempts", "error",
            "article")
    return [dict(zip(cols, r, strict=True))
            for r in store.conn.execute(sql + " ORDER BY seen, feed, pos", args)]
