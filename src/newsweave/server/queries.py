"""Read queries of the pages and the API: story lists (newest first, searched with FTS5),
one story, one article. Each takes the calling thread's own :class:`Store`."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsweave.errors import InputError, StoreError
from newsweave.stories.store import Store
from newsweave.types import Article

MAX_QUERY_CHARS = 200
_WORDS = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class StoryInfo:
    id: int
    title: str
    articles: int
    independent: int
    sources: list[str]
    first_seen: str
    last_updated: str
    first_published: str | None
    last_published: str | None
    last_added: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "articles": self.articles,
            "independent_sources": self.independent, "sources": self.sources,
            "first_seen": self.first_seen, "last_updated": self.last_updated,
            "first_published": self.first_published, "last_published": self.last_published,
            "last_added": self.last_added,
        }


@dataclass(frozen=True, slots=True)
class StoredArticle:
    seq: int
    story: int
    added: str
    article: Article

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {"id": a.id, "seq": self.seq, "story": self.story, "title": a.title,
                "source": a.source, "url": a.url, "published": a.published,
                "duplicate_of": a.duplicate_of, "added": self.added, "words": a.words}


def fts_query(text: str) -> str | None:
    """A user's search words -> an FTS5 query that cannot be a syntax error: every word
    quoted, all required, the last one also as a prefix. None when there is no word."""
    if len(text) > MAX_QUERY_CHARS:
        raise InputError(f"search query longer than {MAX_QUERY_CHARS} characters")
    words = _WORDS.findall(text)[:12]
    if not words:
        return None
    parts = [f'"{w}"' for w in words]
    parts[-1] = f'{parts[-1]}*'
    return " ".join(parts)


_LIST_SQL = """
SELECT s.id, s.title, s.created, s.updated, s.first_pub, s.last_pub,
       count(a.seq), sum(a.duplicate_of IS NULL), max(a.added)
FROM story s JOIN article a ON a.story = s.id
WHERE s.merged_into IS NULL {where}
GROUP BY s.id
ORDER BY s.updated DESC, s.id DESC
LIMIT ? OFFSET ?
"""


def _infos(store: Store, rows: list[tuple[Any, ...]]) -> list[StoryInfo]:
    ids = [int(r[0]) for r in rows]
    sources: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        qs = ",".join("?" * len(ids))
        for sid, src in store.conn.execute(
            f"SELECT DISTINCT story, source FROM article WHERE story IN ({qs}) AND source != '' "
            "ORDER BY story, source", ids):
            sources[int(sid)].append(src)
    return [StoryInfo(int(r[0]), r[1], int(r[6]), int(r[7] or 0), sources[int(r[0])],
                      r[2], r[3], r[4], r[5], r[8] or "") for r in rows]


def list_stories(store: Store, query: str = "", offset: int = 0,
                 limit: int = 20) -> tuple[list[StoryInfo], int]:
    """Live stories, most recently updated first, optionally only those with an article
    matching ``query``; and how many there are in all."""
    fts = fts_query(query) if query else None
    if query and fts is None:
        return [], 0
    where, args = "", []
    if fts is not None:
        where = ("AND s.id IN (SELECT a2.story FROM article_fts f JOIN article a2 "
                 "ON a2.seq = f.rowid WHERE article_fts MATCH ?)")
        args.append(fts)
    with store.read() as c:
        try:
            if fts is None:
                total = c.execute(
                    "SELECT count(*) FROM story WHERE merged_into IS NULL AND n > 0"
                ).fetchone()[0]
            else:
                total = c.execute(
                    "SELECT count(DISTINCT a2.story) FROM article_fts f JOIN article a2 "
                    "ON a2.seq = f.rowid WHERE article_fts MATCH ?", (fts,)).fetchone()[0]
            rows = c.execute(_LIST_SQL.format(where=where), (*args, limit, offset)).fetchall()
            infos = _infos(store, rows)
        except sqlite3.Error as exc:
            raise StoreError(f"search failed ({exc})") from None
    return infos, int(total)


def story_info(store: Store, story: int) -> StoryInfo:
    """One live story (pass a resolved id)."""
    rows = store.conn.execute(
        _LIST_SQL.format(where="AND s.id = ?"), (story, 1, 0)).fetchall()
    if not rows:
        raise StoreError(f"no story {story}")
    return _infos(store, rows)[0]


def story_exists(store: Store, story: int) -> int | None:
    """The live id of a story (merged ones resolved), None when there is no such story."""
    try:
        return store.resolve(story)
    except StoreError:
        return None


def story_members(store: Store, story: int, with_text: bool = True) -> list[StoredArticle]:
    """The articles of a live story in ingest order (``with_text=False``: text left empty)."""
    text = "text" if with_text else "''"
    rows = store.conn.execute(
        f"SELECT seq, story, added, id, {text}, title, source, url, published, duplicate_of, "
        "flags FROM article WHERE story = ? ORDER BY seq", (story,)).fetchall()
    return [_stored(r) for r in rows]


def _stored(r: tuple[Any, ...]) -> StoredArticle:
    return StoredArticle(int(r[0]), int(r[1]), r[2], Article(
        r[3], r[4], r[5], r[6], r[7], r[8], r[9], tuple(json.loads(r[10]))))


def find_article(store: Store, ref: str) -> StoredArticle | None:
    """An article by its id, else by its number (``seq``)."""
    cols = ("SELECT seq, story, added, id, text, title, source, url, published, "
            "duplicate_of, flags FROM article WHERE ")
    row = store.conn.execute(cols + "id = ?", (ref,)).fetchone()
    if row is None and ref.isdigit() and len(ref) < 19:
        row = store.conn.execute(cols + "seq = ?", (int(ref),)).fetchone()
    return _stored(row) if row else None


def normalize_time(text: str) -> str:
    """An ISO 8601 date or time -> the store's UTC form (``now_iso``), for comparisons."""
    try:
        t = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"not an ISO 8601 time: {text[:40]!r}") from None
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
