"""The server's way into the store: a reader connection per thread, one writer, a cache of
story briefs and a bounded pool for brief computation.

The store has one writer: every write of the server's requests (API ingest, "save to store",
marks, feed changes) goes through :meth:`StoreAccess.writing`, which holds one lock and one
:class:`Clusterer`. The :class:`Store` gives each thread its own connection, so readers run
in parallel and never block the writer (WAL).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from newsweave.errors import NewsweaveError
from newsweave.options import BriefOptions, Limits
from newsweave.stories.store import Store, open_store
from newsweave.types import Article, Brief

T = TypeVar("T")


class BriefTimeout(NewsweaveError):
    """A brief did not finish within the server's time limit (or the pool stayed full)."""


class StoreAccess:
    """Thread-safe access to one store file for a server process."""

    def __init__(self, path: Path, *, brief_seconds: float = 60.0, brief_workers: int = 2,
                 cache_size: int = 64) -> None:
        self.path = Path(path)
        self.store = open_store(self.path)  # creates or migrates it once, up front
        self._write_lock = threading.RLock()
        self._clusterer = None
        self.brief_seconds = brief_seconds
        self._pool = ThreadPoolExecutor(max_workers=brief_workers,
                                        thread_name_prefix="newsweave-brief")
        self._slots = threading.BoundedSemaphore(brief_workers * 4)
        self._cache: OrderedDict[tuple[int, int, int], Brief] = OrderedDict()
        self._inflight: dict[tuple[int, int, int], Future[Brief]] = {}
        self._latest: OrderedDict[int, Brief] = OrderedDict()  # newest brief of each story
        self._cache_lock = threading.Lock()
        self._cache_size = cache_size
        # Values derived from a cached brief (its page view, its JSON), keyed by the brief.
        self._derived: OrderedDict[tuple[int, str], tuple[Brief, Any]] = OrderedDict()

    # -- connections ----------------------------------------------------------------------
    def reader(self) -> Store:
        """The store (the calling thread reads through its own connection)."""
        return self.store

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The store, with the server's write lock held for the block."""
        with self._write_lock:
            yield self.store

    def ingest(self, articles: Sequence[Article]) -> list[dict[str, object]]:
        """Store articles one committed transaction each; the acks of ``ingest --acks``."""
        from newsweave.stories.cluster import Clusterer

        acks = []
        with self.writing() as store:
            if self._clusterer is None:
                self._clusterer = Clusterer(store)
            for art in articles:
                acks.append(self._clusterer.add(art).to_dict())
        return acks

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        with self._write_lock:
            if self._clusterer is not None:
                self._clusterer.flush()
        self.store.close()

    # -- briefs ---------------------------------------------------------------------------
    def derived(self, brief: Brief, name: str, make: Callable[[], T]) -> T:
        """``make()`` computed once per brief object (page views, encoded JSON)."""
        key = (id(brief), name)
        with self._cache_lock:
            hit = self._derived.get(key)
            if hit is not None and hit[0] is brief:
                self._derived.move_to_end(key)
                return hit[1]  # type: ignore[no-any-return]
        value = make()
        with self._cache_lock:
            self._derived[key] = (brief, value)
            while len(self._derived) > self._cache_size * 4:
                self._derived.popitem(last=False)
        return value

    def compute(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the brief pool; :class:`BriefTimeout` past the time limit. Python
        cannot stop a thread: a brief past its limit finishes in the background, but at most
        four times the pool size wait or run at once, so load stays bounded."""
        if not self._slots.acquire(timeout=self.brief_seconds):
            raise BriefTimeout("the server is busy with other briefs; try again")
        try:
            fut = self._pool.submit(fn)
        except BaseException:
            self._slots.release()
            raise
        fut.add_done_callback(lambda _f: self._slots.release())
        try:
            return fut.result(timeout=self.brief_seconds)
        except FutureTimeout:
            raise BriefTimeout(
                f"the brief took longer than {self.brief_seconds:g} s; give fewer or "
                "shorter articles") from None

    def story_brief(self, story: int, limits: Limits, stale_ok: bool = False) -> Brief:
        """The (cached) full brief of a live story; not recorded as a mark. One computation
        per story version however many ask at once; with ``stale_ok`` a reader gets the
        story's previous brief while the new one is being made (pages under ingest)."""
        from newsweave.stories.update import story_brief

        store = self.reader()
        sid = store.resolve(story)
        n, top = store.conn.execute(
            "SELECT count(*), coalesce(max(seq), 0) FROM article WHERE story = ?", (sid,)
        ).fetchone()
        key = (sid, int(n), int(top))
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
            fut = self._inflight.get(key)
            owner = fut is None
            if fut is None:
                fut = Future()
                self._inflight[key] = fut
            elif stale_ok:
                old = self._latest.get(sid)
                if old is not None:
                    return old
        if not owner:
            try:
                return fut.result(timeout=self.brief_seconds * 2)
            except FutureTimeout:
                raise BriefTimeout("the story's brief is taking too long; try again") from None
        try:
            result = self.compute(
                lambda: story_brief(self.reader(), sid, BriefOptions(), limits, record=False))
        except BaseException as exc:
            with self._cache_lock:
                self._inflight.pop(key, None)
            fut.set_exception(exc)
            raise
        with self._cache_lock:
            self._inflight.pop(key, None)
            self._cache[key] = result
            self._latest[sid] = result
            self._latest.move_to_end(sid)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
            while len(self._latest) > self._cache_size:
                self._latest.popitem(last=False)
        fut.set_result(result)
        return result
