"""The local story store: one SQLite file in WAL mode.

Writers take the write lock up front (``BEGIN IMMEDIATE``) and commit once per article, so an
article that was acknowledged is on disk; readers never block writers (WAL) and wait up to
``busy_ms`` for a lock. The schema is versioned with ``PRAGMA user_version``; migrations run in
one transaction when a store made by an older newsweave is opened.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar
from urllib.parse import quote

from newsweave.errors import StoreError
from newsweave.stories.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, STEPS, statements
from newsweave.types import Article

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

DEFAULT_DB = "newsweave.db"
ENV_DB = "NEWSWEAVE_DB"
def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def default_db() -> Path:
    """``$NEWSWEAVE_DB`` when set, else ``./newsweave.db``."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A live story as listed by ``newsweave stories``."""

    id: int
    title: str
    articles: list[str]
    sources: list[str]
    first_seen: str
    last_updated: str
    first_published: str | None = None
    last_published: str | None = None
    merged: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "sources": self.sources,
            "first_seen": self.first_seen,
            "last_updated": self.last_updated,
            "first_published": self.first_published,
            "last_published": self.last_published,
            "merged": list(self.merged),
        }


@dataclass(frozen=True, slots=True)
class Mark:
    """A brief or update made of a story: the sentences it gave (``covered``) and the
    articles it saw (``articles``; None for marks made before newsweave recorded them, which
    cover their story's articles up to ``upto_seq``)."""

    story: int
    kind: str
    made: str
    upto_seq: int
    covered: list[str]
    articles: list[str] | None = None


def _sql(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn an SQLite error of a store method into a one-line :class:`StoreError`."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except sqlite3.Error as exc:
            store = args[0]
            raise StoreError(_message(getattr(store, "path", "store"), exc)) from None

    return wrapper


def _message(path: object, exc: sqlite3.Error) -> str:
    return f"{path}: store error ({exc.__class__.__name__}: {exc})"


def _unusable(path: object, exc: sqlite3.Error) -> str:
    if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_READONLY:
        return f"{path}: store is read-only here (this user cannot write it or its folder)"
    return f"{path}: not a usable newsweave store ({exc})"


class _Handle:
    """One thread's connection (a holder, because a connection cannot be weakly referenced)."""

    __slots__ = ("__weakref__", "conn")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn


class Store:
    """A newsweave story store. Use :func:`open_store` (or ``with Store(path) as s``).

    Safe to share between threads: each thread gets its own SQLite connection on first use
    (so one thread's transaction never takes in another thread's statements), and SQLite's
    own locking with ``busy_ms`` serialises the writers. :meth:`close` closes them all.
    """

    def __init__(self, path: str | Path, *, busy_ms: int = 10_000, create: bool = True,
                 synchronous: str = "NORMAL", readonly: bool = False) -> None:
        self.path = Path(path)
        # read-only: nothing is written (no migration, no WAL files where none can be made)
        self.readonly = readonly
        self._immutable = False
        if synchronous.upper() not in ("NORMAL", "FULL"):
            raise StoreError(f"synchronous must be NORMAL or FULL, got {synchronous!r}")
        if not create and not self.path.is_file():
            raise StoreError(f"no store at {self.path} (run `newsweave ingest` first)")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")
        self.busy_ms = int(busy_ms)
        self.synchronous = synchronous.upper()
        self._local = threading.local()
        self._lock = threading.Lock()  # guards the set of connections, not the database
        # Held weakly: a thread that ends frees its connection (SQLite closes it).
        self._conns: weakref.WeakSet[_Handle] = weakref.WeakSet()
        self._closed = False
        conn = self._connect()
        try:
            self._check_and_migrate()
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(_unusable(self.path, exc)) from None
        except StoreError:
            self.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        """This thread's connection, opened and configured on first use."""
        try:
            # check_same_thread=False only so that close() may close every thread's
            # connection; each connection is otherwise used by the thread that opened it.
            target, uri = str(self.path), False
            if self.readonly:
                target = "file:" + quote(str(self.path.resolve())) + "?mode=ro"
                target, uri = target + ("&immutable=1" if self._immutable else ""), True
            conn = sqlite3.connect(target, timeout=self.busy_ms / 1000, isolation_level=None,
                                   check_same_thread=False, uri=uri)
            if self.readonly and not self._immutable:
                try:  # a WAL store in a folder where its -shm file cannot be made
                    conn.execute("PRAGMA schema_version").fetchone()
                except sqlite3.OperationalError as exc:
                    conn.close()
                    self._immutable = self._can_read_immutable(exc)
                    return self._connect()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open store ({exc})") from None
        handle = _Handle(conn)
        with self._lock:
            self._conns.add(handle)
        self._local.handle = handle
        try:
            conn.execute(f"PRAGMA busy_timeout = {self.busy_ms}")
            conn.execute(f"PRAGMA synchronous = {self.synchronous}")
            # Hot pages (indexes, story rows) are rewritten by many commits; a longer WAL
            # lets one checkpoint write them once instead of once per thousand pages.
            conn.execute("PRAGMA wal_autocheckpoint = 8000")
            # A fixed page cache (64 MB, allocated as used) keeps the hot index pages in
            # memory: bounded, whatever the size of the store.
            conn.execute("PRAGMA cache_size = -65536")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(_unusable(self.path, exc)) from None
        return conn

    def _can_read_immutable(self, exc: sqlite3.OperationalError) -> bool:
        """Read without locks or WAL (``immutable``) only when nothing waits in the WAL file
        and the failure was the -shm file that cannot be made; else a :class:`StoreError`."""
        wal = self.path.with_name(self.path.name + "-wal")
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY) and not (
                wal.exists() and wal.stat().st_size):
            return True
        raise StoreError(f"{self.path}: cannot be read consistently by this user ({exc}); "
                         "give it write access to the folder") from None

    @property
    def conn(self) -> sqlite3.Connection:
        """The calling thread's connection."""
        handle: _Handle | None = getattr(self._local, "handle", None)
        if handle is not None:
            return handle.conn
        if self._closed:
            raise StoreError(f"{self.path}: store is closed")
        return self._connect()

    # -- lifecycle ------------------------------------------------------------------------
    def close(self) -> None:
        """Close every thread's connection (call when no thread uses the store any more)."""
        self._closed = True
        with self._lock:
            handles = list(self._conns)
            self._conns = weakref.WeakSet()
        for handle in handles:
            try:
                handle.conn.close()
            except sqlite3.Error as exc:  # pragma: no cover - closing a broken handle
                log.warning("%s: closing a connection failed (%s)", self.path, exc)
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_and_migrate(self) -> None:
        c = self.conn
        app_id = c.execute("PRAGMA application_id").fetchone()[0]
        version = c.execute("PRAGMA user_version").fetchone()[0]
        if app_id not in (0, APPLICATION_ID):
            raise StoreError(f"{self.path}: not a newsweave store (application_id {app_id})")
        if app_id == 0:
            tables = c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path}: an SQLite file that is not a newsweave store")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {version} is newer than this newsweave "
                f"({SCHEMA_VERSION}); upgrade newsweave"
            )
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            raise StoreError(f"{self.path}: store schema {version} needs a migration; open it "
                             "once where it can be written")
        with self.write():
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = c.execute("PRAGMA user_version").fetchone()[0]
            for k in range(version, SCHEMA_VERSION):
                for stmt in statements(MIGRATIONS[k]):
                    c.execute(stmt)
                if k in STEPS:
                    STEPS[k](c)
            c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            c.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        log.info("store %s migrated to schema %d", self.path, SCHEMA_VERSION)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error. An SQLite
        error (disk full, I/O error, lock held too long) is raised as :class:`StoreError`."""
        if self.readonly:
            raise StoreError(f"{self.path}: store opened read-only")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: store is busy or read-only ({exc})") from None
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(_message(self.path, exc)) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"{self.path}: commit failed ({exc})") from None

    def _rollback(self) -> None:
        # SQLite ends the transaction itself after some errors (SQLITE_FULL, SQLITE_IOERR):
        # a second ROLLBACK would fail and hide the error that matters.
        if not self.conn.in_transaction:
            return
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.warning("%s: rollback failed (%s)", self.path, exc)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several reads."""
        try:
            self.conn.execute("BEGIN")
        except sqlite3.Error as exc:
            raise StoreError(_message(self.path, exc)) from None
        try:
            yield self.conn
        except sqlite3.Error as exc:
            raise StoreError(_message(self.path, exc)) from None
        finally:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    log.warning("%s: ending a read failed (%s)", self.path, exc)

    # -- reads ----------------------------------------------------------------------------
    @_sql
    def last_story(self) -> int:
        """The highest story id so far (0 in an empty store)."""
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM story").fetchone()[0])

    @_sql
    def resolve(self, story: int) -> int:
        """The live story a (possibly merged) story id now belongs to."""
        if not 0 < story < 2**63:  # beyond SQLite's integers: no such story either
            raise StoreError(f"no story {story} in {self.path}")
        seen = set()
        while True:
            row = self.conn.execute(
                "SELECT merged_into FROM story WHERE id = ?", (story,)
            ).fetchone()
            if row is None:
                raise StoreError(f"no story {story} in {self.path}")
            if row[0] is None or story in seen:
                return story
            seen.add(story)
            story = int(row[0])

    @_sql
    def stories(self) -> list[StoryRow]:
        """Live stories, oldest first."""
        out = []
        with self.read() as c:
            merged: dict[int, list[int]] = {}
            for sid, into in c.execute("SELECT story, into_story FROM merge ORDER BY id"):
                merged.setdefault(into, []).append(sid)
            members: dict[int, list[tuple[str, str]]] = {}
            for sid, aid, src in c.execute(
                "SELECT story, id, source FROM article ORDER BY story, seq"
            ):
                members.setdefault(sid, []).append((aid, src))
            for sid, title, created, updated, fp, lp in c.execute(
                "SELECT id, title, created, updated, first_pub, last_pub FROM story "
                "WHERE merged_into IS NULL AND n > 0 ORDER BY id"
            ):
                arts = members.get(sid, [])
                sources = sorted({s for _, s in arts if s})
                out.append(StoryRow(
                    sid, title, [a for a, _ in arts], sources, created, updated, fp, lp,
                    tuple(_flatten(merged, sid)),
                ))
        return out

    @_sql
    def story_articles(self, story: int, after_seq: int = 0) -> list[Article]:
        """The articles of a story (merged stories resolved), in ingest order."""
        sid = self.resolve(story)
        rows = self.conn.execute(
            "SELECT id, text, title, source, url, published, duplicate_of, flags FROM article "
            "WHERE story = ? AND seq > ? ORDER BY seq",
            (sid, after_seq),
        ).fetchall()
        return [
            Article(r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(json.loads(r[7])))
            for r in rows
        ]

    @_sql
    def article_seqs(self, story: int) -> dict[str, int]:
        sid = self.resolve(story)
        return dict(self.conn.execute("SELECT id, seq FROM article WHERE story = ?", (sid,)))

    @_sql
    def added_times(self, story: int) -> dict[str, str]:
        """When each article of a story (merged stories resolved) was stored."""
        sid = self.resolve(story)
        return dict(self.conn.execute("SELECT id, added FROM article WHERE story = ?", (sid,)))

    @_sql
    def counts(self) -> dict[str, int]:
        c = self.conn
        return {
            "articles": c.execute("SELECT count(*) FROM article").fetchone()[0],
            "stories": c.execute(
                "SELECT count(*) FROM story WHERE merged_into IS NULL AND n > 0"
            ).fetchone()[0],
            "merges": c.execute("SELECT count(*) FROM merge").fetchone()[0],
        }

    @_sql
    def integrity(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    # -- briefs and updates ---------------------------------------------------------------
    @_sql
    def last_mark(self, story: int) -> Mark | None:
        sid = self.resolve(story)
        ids = [sid, *_flatten(self._merged_map(), sid)]
        qs = ",".join("?" * len(ids))
        row = self.conn.execute(
            f"SELECT story, kind, made, upto_seq, covered, articles FROM mark "
            f"WHERE story IN ({qs}) ORDER BY id DESC LIMIT 1",
            ids,
        ).fetchone()
        if row is None:
            return None
        return Mark(row[0], row[1], row[2], row[3], json.loads(row[4]),
                    None if row[5] is None else json.loads(row[5]))

    @_sql
    def seen_articles(self, story: int) -> set[str]:
        """Ids of the articles of the story that a brief or update of it, or of a story
        merged into it, already covered. A mark lists its articles; a mark made before
        marks did covers the articles now in the story stored up to its ``upto_seq``."""
        sid = self.resolve(story)
        ids = [sid, *_flatten(self._merged_map(), sid)]
        qs = ",".join("?" * len(ids))
        seen: set[str] = set()
        upto = 0
        for seq, arts in self.conn.execute(
            f"SELECT upto_seq, articles FROM mark WHERE story IN ({qs})", ids
        ):
            if arts is None:
                upto = max(upto, int(seq))
            else:
                seen.update(json.loads(arts))
        if upto:
            seen.update(a for (a,) in self.conn.execute(
                "SELECT id FROM article WHERE story = ? AND seq <= ?", (sid, upto)))
        return seen

    @_sql
    def covered(self, story: int) -> list[str]:
        """Every sentence text already given in a brief or update of the story."""
        sid = self.resolve(story)
        ids = [sid, *_flatten(self._merged_map(), sid)]
        qs = ",".join("?" * len(ids))
        out: list[str] = []
        for (cov,) in self.conn.execute(
            f"SELECT covered FROM mark WHERE story IN ({qs}) ORDER BY id", ids
        ):
            out.extend(json.loads(cov))
        return out

    @_sql
    def record_mark(self, story: int, kind: str, upto_seq: int, covered: Sequence[str],
                    articles: Sequence[str] | None = None) -> Mark:
        """Record a brief or update of ``story`` made now."""
        mark = Mark(self.resolve(story), kind, now_iso(), upto_seq, list(covered),
                    None if articles is None else list(articles))
        return self.commit_mark(mark)

    @_sql
    def commit_mark(self, mark: Mark) -> Mark:
        """Record a mark prepared earlier (e.g. by ``story_update(record=False)``, once its
        output is safely written)."""
        arts = None if mark.articles is None else json.dumps(mark.articles, ensure_ascii=False)
        with self.write() as c:
            c.execute(
                "INSERT INTO mark(story, kind, made, upto_seq, covered, articles) "
                "VALUES (?,?,?,?,?,?)",
                (mark.story, mark.kind, mark.made, mark.upto_seq,
                 json.dumps(mark.covered, ensure_ascii=False), arts),
            )
        return mark

    def _merged_map(self) -> dict[int, list[int]]:
        merged: dict[int, list[int]] = {}
        for sid, into in self.conn.execute("SELECT story, into_story FROM merge ORDER BY id"):
            merged.setdefault(into, []).append(sid)
        return merged


def _flatten(merged: dict[int, list[int]], sid: int) -> list[int]:
    """Every story merged (directly or through others) into ``sid``."""
    out: list[int] = []
    todo = list(merged.get(sid, []))
    while todo:
        s = todo.pop(0)
        if s in out:
            continue
        out.append(s)
        todo.extend(merged.get(s, []))
    return out


def open_store(path: str | Path | None = None, *, create: bool = True,
               busy_ms: int = 10_000, synchronous: str = "NORMAL",
               readonly: bool | None = False) -> Store:
    """Open (and create or migrate when needed) the store at ``path`` or the default.
    ``readonly=None``: read-only when this process may not write the file or its folder."""
    if path is not None and not isinstance(path, str | os.PathLike):
        raise StoreError(f"store path must be a file path, got {type(path).__name__}")
    if isinstance(busy_ms, bool) or not isinstance(busy_ms, int) or busy_ms < 0:
        raise StoreError(f"busy_ms must be a whole number of milliseconds, got {busy_ms!r}")
    path = Path(path or default_db())
    if readonly is None:
        readonly = path.is_file() and not (os.access(path, os.W_OK)
                                           and os.access(path.parent, os.W_OK))
    return Store(path, busy_ms=busy_ms, create=create, synchronous=synchronous,
                 readonly=readonly)
