"""The story store's SQLite schema: one migration per version, and the Python steps some
of them need (``newsweave.stories.store`` applies them)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x4E575356  # "NWSV": marks a file as a newsweave store

# Each entry migrates the schema from version k to k + 1 (index k).
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE story(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        first_pub TEXT,
        last_pub TEXT,
        n INTEGER NOT NULL DEFAULT 0,
        merged_into INTEGER REFERENCES story(id),
        centroid BLOB NOT NULL DEFAULT x'',
        norm REAL NOT NULL DEFAULT 0,
        indexed TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE article(
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL UNIQUE,
        story INTEGER NOT NULL REFERENCES story(id),
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        published TEXT,
        duplicate_of TEXT,
        flags TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        nsample INTEGER NOT NULL DEFAULT 0,
        added TEXT NOT NULL
    );
    CREATE INDEX article_story ON article(story, seq);
    CREATE TABLE df(term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE story_term(
        term TEXT NOT NULL, story INTEGER NOT NULL, w REAL NOT NULL,
        PRIMARY KEY(term, story)
    ) WITHOUT ROWID;
    CREATE INDEX story_term_w ON story_term(term, w DESC);
    CREATE TABLE shingle(h INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY(h, seq))
        WITHOUT ROWID;
    CREATE TABLE merge(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        story INTEGER NOT NULL, into_story INTEGER NOT NULL, at TEXT NOT NULL,
        score REAL NOT NULL
    );
    CREATE TABLE mark(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        story INTEGER NOT NULL,
        kind TEXT NOT NULL,
        made TEXT NOT NULL,
        upto_seq INTEGER NOT NULL,
        covered TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX mark_story ON mark(story, id);
    INSERT INTO meta VALUES('n_docs', '0');
    """,
    # The ids of the articles a mark covered (JSON list). NULL for marks made before: those
    # cover the articles of their story stored up to ``upto_seq``.
    "ALTER TABLE mark ADD COLUMN articles TEXT",
    # Full-text search over article titles and text (``newsweave serve``), kept in step with
    # ``article`` by triggers; filled from the articles already stored.
    """
    CREATE VIRTUAL TABLE article_fts USING fts5(
        title, text, content='article', content_rowid='seq'
    );
    CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER article_fts_au AFTER UPDATE OF title, text ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO article_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    INSERT INTO article_fts(article_fts) VALUES ('rebuild');
    """,
    # Story titles made by an older newsweave (scrape noise such as "Story highlights ...")
    # are recomputed with the clean-title rule: a Python step, see ``STEPS``.
    "",
)
SCHEMA_VERSION = len(MIGRATIONS)


def _retitle(c: sqlite3.Connection) -> None:
    from newsweave.stories.title import retitle_stories

    retitle_stories(c)


# Python steps run after a migration's SQL (index k: the step from version k to k + 1).
STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {3: _retitle}


def statements(script: str) -> list[str]:
    """The statements of a migration script (a trigger body's ``;`` does not end one)."""
    out: list[str] = []
    buf = ""
    for piece in script.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                out.append(buf.strip())
            buf = ""
    return out
