"""The story index the clusterer works against: articles, stories, their centroids and the
inverted index of story terms, behind one small interface.

:class:`SqliteStoryIndex` keeps them in the store (one write transaction per
:meth:`~StoryIndex.transaction`); :class:`MemoryStoryIndex` keeps them in dictionaries, so the
clusterer can be run and tested without a file. Both give the same answers for the same calls
(centroid weights are stored as float32 in both), so a stream clusters the same in either.

Example::

    >>> from newsweave.stories.cluster import Clusterer
    >>> from newsweave.types import Article
    >>> cl = Clusterer(MemoryStoryIndex())
    >>> cl.add(Article("a", "Rain flooded the Lisbon metro on Monday.")).status
    'new'
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from newsweave.errors import StoreError
from newsweave.stories.store import Store
from newsweave.types import Article

_CHUNK = 900  # SQLite allows 999 bound parameters per statement


@dataclass(slots=True)
class StoryRecord:
    """A story as the clusterer sees it."""

    id: int
    title: str = ""
    first_pub: str | None = None
    last_pub: str | None = None
    n: int = 0  # articles
    centroid: dict[str, float] = field(default_factory=dict)  # sum of article vectors
    norm: float = 0.0
    indexed: dict[str, float] = field(default_factory=dict)  # its entries in the term index
    merged_into: int | None = None


@dataclass(frozen=True, slots=True)
class StoryHead:
    """What a candidate story is checked on before its centroid is read."""

    id: int
    n: int
    first_pub: str | None
    last_pub: str | None
    merged_into: int | None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the index keeps of an article beyond the article itself."""

    id: str
    story: int
    seq: int
    nsample: int  # shingles sampled (for containment)
    duplicate_of: str | None = None


class StoryIndex(Protocol):
    """What the clusterer needs from storage. Every write happens inside
    :meth:`transaction`, which commits on success and undoes everything on an error."""

    def transaction(self) -> AbstractContextManager[None]: ...

    # articles
    def by_hash(self, digest: str) -> StoredArticle | None: ...
    def has_id(self, article_id: str) -> bool: ...
    def add_article(self, article: Article, article_id: str, digest: str, story: int,
                    duplicate_of: str | None, sample: Sequence[int], added: str) -> int: ...
    def shingle_hits(self, sample: Sequence[int]) -> Counter[int]: ...
    def article_at(self, seq: int) -> StoredArticle | None: ...
    def move_articles(self, story: int, into: int) -> None: ...

    # document frequencies
    def n_docs(self) -> int: ...
    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]: ...
    def add_doc_freqs(self, counts: Mapping[str, int], docs: int) -> None: ...

    # stories
    def resolve(self, story: int) -> int: ...
    def new_story(self, now: str) -> int: ...
    def story(self, story: int) -> StoryRecord | None: ...
    def story_head(self, story: int) -> StoryHead | None: ...
    def story_vector(self, story: int) -> tuple[dict[str, float], float]: ...
    def save_story(self, rec: StoryRecord, updated: str | None = None) -> None: ...
    def postings(self, term: str, limit: int) -> list[tuple[int, float]]: ...
    def set_postings(self, story: int, remove: Iterable[str],
                     put: Iterable[tuple[str, float]]) -> None: ...
    def record_merge(self, story: int, into: int, at: str, score: float) -> None: ...


def pack(vec: Mapping[str, float]) -> bytes:
    """A centroid as bytes: newline-joined terms, a NUL, then float32 weights."""
    terms = "\n".join(vec).encode("utf-8")
    return terms + b"\0" + np.fromiter(vec.values(), np.float32, len(vec)).tobytes()


def unpack(blob: bytes) -> dict[str, float]:
    if not blob:
        return {}
    cut = blob.index(b"\0")
    terms = blob[:cut].decode("utf-8").split("\n")
    return dict(zip(terms, np.frombuffer(blob[cut + 1 :], np.float32).tolist(), strict=True))


def _index_text(indexed: Mapping[str, float]) -> str:
    return "\n".join(f"{t}\t{w!r}" for t, w in indexed.items())


def _index_weights(text: str) -> dict[str, float]:
    """``story.indexed``: the story's entries in ``story_term``, one "term<TAB>w" a line."""
    out = {}
    for line in text.split("\n") if text else []:
        term, _, w = line.partition("\t")
        out[term] = float(w) if w else 0.0
    return out


class SqliteStoryIndex:
    """The story index in a :class:`~newsweave.stories.store.Store` (tables ``article``,
    ``story``, ``story_term``, ``shingle``, ``df``, ``merge``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.store.write():
            yield

    def _rows(self, sql: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        return self.store.conn.execute(sql, args).fetchall()

    def _one(self, sql: str, args: Sequence[object] = ()) -> tuple[object, ...] | None:
        row: tuple[object, ...] | None = self.store.conn.execute(sql, args).fetchone()
        return row

    # -- articles -------------------------------------------------------------------------
    def by_hash(self, digest: str) -> StoredArticle | None:
        row = self._one("SELECT id, story, seq, nsample, duplicate_of FROM article "
                        "WHERE hash = ?", (digest,))
        return None if row is None else StoredArticle(*row)  # type: ignore[arg-type]

    def has_id(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM article WHERE id = ?", (article_id,)) is not None

    def add_article(self, article: Article, article_id: str, digest: str, story: int,
                    duplicate_of: str | None, sample: Sequence[int], added: str) -> int:
        c = self.store.conn
        cur = c.execute(
            "INSERT INTO article(id, hash, story, title, source, url, published, "
            "duplicate_of, flags, text, nsample, added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (article_id, digest, story, article.title, article.source, article.url,
             article.published, duplicate_of, json.dumps(list(article.flags)), article.text,
             len(sample), added),
        )
        seq = int(cur.lastrowid or 0)
        c.executemany("INSERT OR IGNORE INTO shingle(h, seq) VALUES (?, ?)",
                      [(h, seq) for h in sample])
        return seq

    def shingle_hits(self, sample: Sequence[int]) -> Counter[int]:
        hits: Counter[int] = Counter()
        for i in range(0, len(sample), _CHUNK):
            chunk = list(sample[i : i + _CHUNK])
            qs = ",".join("?" * len(chunk))
            hits.update(int(s) for (s,) in self._rows(  # type: ignore[call-overload]
                f"SELECT seq FROM shingle WHERE h IN ({qs})", chunk))
        return hits

    def article_at(self, seq: int) -> StoredArticle | None:
        row = self._one("SELECT id, story, seq, nsample, duplicate_of FROM article "
                        "WHERE seq = ?", (seq,))
        return None if row is None else StoredArticle(*row)  # type: ignore[arg-type]

    def move_articles(self, story: int, into: int) -> None:
        self.store.conn.execute("UPDATE article SET story = ? WHERE story = ?", (into, story))

    # -- document frequencies -------------------------------------------------------------
    def n_docs(self) -> int:
        row = self._one("SELECT value FROM meta WHERE key = 'n_docs'")
        return int(row[0]) if row else 0  # type: ignore[call-overload]

    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]:
        df: dict[str, int] = {}
        for i in range(0, len(terms), _CHUNK):
            chunk = list(terms[i : i + _CHUNK])
            qs = ",".join("?" * len(chunk))
            df.update(self._rows(  # type: ignore[arg-type]
                f"SELECT term, n FROM df WHERE term IN ({qs})", chunk))
        return df

    def add_doc_freqs(self, counts: Mapping[str, int], docs: int) -> None:
        c = self.store.conn
        c.executemany(
            "INSERT INTO df(term, n) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET "
            "n = n + excluded.n",
            sorted(counts.items()),
        )
        c.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'n_docs'",
                  (docs,))

    # -- stories --------------------------------------------------------------------------
    def resolve(self, story: int) -> int:
        return self.store.resolve(story)

    def new_story(self, now: str) -> int:
        cur = self.store.conn.execute(
            "INSERT INTO story(created, updated) VALUES (?, ?)", (now, now))
        return int(cur.lastrowid or 0)

    def story(self, story: int) -> StoryRecord | None:
        row = self._one(
            "SELECT id, title, first_pub, last_pub, n, centroid, norm, indexed, merged_into "
            "FROM story WHERE id = ?", (story,))
        if row is None:
            return None
        sid, title, fp, lp, n, blob, norm, indexed, into = row
        return StoryRecord(int(sid), str(title), fp, lp, int(n),  # type: ignore[arg-type,call-overload]
                           unpack(blob), float(norm),  # type: ignore[arg-type]
                           _index_weights(str(indexed)), into)  # type: ignore[arg-type]

    def story_head(self, story: int) -> StoryHead | None:
        row = self._one("SELECT n, first_pub, last_pub, merged_into FROM story WHERE id = ?",
                        (story,))
        if row is None:
            return None
        n, fp, lp, into = row
        return StoryHead(story, int(n), fp, lp, into)  # type: ignore[call-overload,arg-type]

    def story_vector(self, story: int) -> tuple[dict[str, float], float]:
        """A story's centroid and its norm (empty, 0.0 for an unknown story)."""
        row = self._one("SELECT centroid, norm FROM story WHERE id = ?", (story,))
        if row is None:
            return {}, 0.0
        return unpack(row[0]), float(row[1])  # type: ignore[arg-type]

    def save_story(self, rec: StoryRecord, updated: str | None = None) -> None:
        self.store.conn.execute(
            "UPDATE story SET title = ?, first_pub = ?, last_pub = ?, n = ?, centroid = ?, "
            "norm = ?, indexed = ?, merged_into = ?, updated = coalesce(?, updated) "
            "WHERE id = ?",
            (rec.title, rec.first_pub, rec.last_pub, rec.n,
             pack(rec.centroid) if rec.centroid else b"", rec.norm, _index_text(rec.indexed),
             rec.merged_into, updated, rec.id),
        )

    def postings(self, term: str, limit: int) -> list[tuple[int, float]]:
        return self._rows(  # type: ignore[return-value]
            "SELECT story, w FROM story_term WHERE term = ? ORDER BY w DESC LIMIT ?",
            (term, limit))

    def set_postings(self, story: int, remove: Iterable[str],
                     put: Iterable[tuple[str, float]]) -> None:
        c = self.store.conn
        gone = [(t, story) for t in remove]
        if gone:
            c.executemany("DELETE FROM story_term WHERE term = ? AND story = ?", gone)
        rows = [(t, story, w) for t, w in put]
        if rows:
            c.executemany("INSERT OR REPLACE INTO story_term(term, story, w) VALUES (?, ?, ?)",
                          rows)

    def record_merge(self, story: int, into: int, at: str, score: float) -> None:
        self.store.conn.execute(
            "INSERT INTO merge(story, into_story, at, score) VALUES (?, ?, ?, ?)",
            (story, into, at, score))


@dataclass(slots=True)
class _Memory:
    articles: dict[int, tuple[Article, StoredArticle]] = field(default_factory=dict)
    by_hash: dict[str, int] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    shingles: dict[int, set[int]] = field(default_factory=dict)  # hash -> seqs
    df: Counter[str] = field(default_factory=Counter)
    n_docs: int = 0
    stories: dict[int, StoryRecord] = field(default_factory=dict)
    postings: dict[str, dict[int, float]] = field(default_factory=dict)
    merges: list[tuple[int, int, str, float]] = field(default_factory=list)
    next_seq: int = 1
    next_story: int = 1


class MemoryStoryIndex:
    """The story index in memory: for tests, and streams that need not outlive the process.

    Every change made in a transaction is journalled with its inverse, so an error undoes
    the transaction's changes (and only those) in reverse order.
    """

    def __init__(self) -> None:
        self._m = _Memory()
        self._undo: list[Callable[[], None]] | None = None  # None: not in a transaction

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._undo is not None:
            raise StoreError("memory story index: transactions do not nest")
        self._undo = []
        try:
            yield
        except BaseException:
            for undo in reversed(self._undo):
                undo()
            raise
        finally:
            self._undo = None

    def _journal(self, undo: Callable[[], None]) -> None:
        if self._undo is None:
            raise StoreError("memory story index: writes need a transaction")
        self._undo.append(undo)

    def articles(self, story: int) -> list[Article]:
        """The articles of a story (merged ones resolved), in the order they were added."""
        sid = self.resolve(story)
        return [a for _seq, (a, s) in sorted(self._m.articles.items()) if s.story == sid]

    def stories(self) -> dict[int, list[str]]:
        """Live story id -> ids of its articles, in the order they were added."""
        out: dict[int, list[str]] = {}
        for _seq, (_a, s) in sorted(self._m.articles.items()):
            out.setdefault(s.story, []).append(s.id)
        return out

    def counts(self) -> dict[str, int]:
        """Articles, live stories and merges, as :meth:`Store.counts` gives them."""
        live = sum(1 for r in self._m.stories.values() if r.merged_into is None and r.n > 0)
        return {"articles": len(self._m.articles), "stories": live,
                "merges": len(self._m.merges)}

    # -- articles -------------------------------------------------------------------------
    def by_hash(self, digest: str) -> StoredArticle | None:
        seq = self._m.by_hash.get(digest)
        return None if seq is None else self._m.articles[seq][1]

    def has_id(self, article_id: str) -> bool:
        return article_id in self._m.ids

    def add_article(self, article: Article, article_id: str, digest: str, story: int,
                    duplicate_of: str | None, sample: Sequence[int], added: str) -> int:
        m = self._m
        seq = m.next_seq
        fresh = [h for h in sample if seq not in m.shingles.get(h, ())]

        def undo() -> None:
            m.next_seq = seq
            del m.articles[seq], m.by_hash[digest]
            m.ids.discard(article_id)
            for h in fresh:
                m.shingles[h].discard(seq)

        self._journal(undo)
        m.next_seq = seq + 1
        m.articles[seq] = (article, StoredArticle(article_id, story, seq, len(sample),
                                                  duplicate_of))
        m.by_hash[digest] = seq
        m.ids.add(article_id)
        for h in fresh:
            m.shingles.setdefault(h, set()).add(seq)
        return seq

    def shingle_hits(self, sample: Sequence[int]) -> Counter[int]:
        hits: Counter[int] = Counter()
        for h in sample:
            hits.update(sorted(self._m.shingles.get(h, ())))
        return hits

    def article_at(self, seq: int) -> StoredArticle | None:
        got = self._m.articles.get(seq)
        return None if got is None else got[1]

    def move_articles(self, story: int, into: int) -> None:
        m = self._m
        moved = {seq: got for seq, got in m.articles.items() if got[1].story == story}
        self._journal(lambda: m.articles.update(moved))
        for seq, (a, s) in moved.items():
            m.articles[seq] = (a, StoredArticle(s.id, into, s.seq, s.nsample, s.duplicate_of))

    # -- document frequencies -------------------------------------------------------------
    def n_docs(self) -> int:
        return self._m.n_docs

    def doc_freqs(self, terms: Sequence[str]) -> dict[str, int]:
        df = self._m.df
        return {t: df[t] for t in terms if t in df}

    def add_doc_freqs(self, counts: Mapping[str, int], docs: int) -> None:
        m = self._m
        added = dict(counts)

        def undo() -> None:
            m.df.subtract(added)
            m.n_docs -= docs

        self._journal(undo)
        m.df.update(added)
        m.n_docs += docs

    # -- stories --------------------------------------------------------------------------
    def resolve(self, story: int) -> int:
        seen = set()
        while True:
            rec = self._m.stories.get(story)
            if rec is None:
                raise StoreError(f"no story {story} in the index")
            if rec.merged_into is None or story in seen:
                return story
            seen.add(story)
            story = rec.merged_into

    def new_story(self, now: str) -> int:
        m = self._m
        sid = m.next_story

        def undo() -> None:
            m.next_story = sid
            del m.stories[sid]

        self._journal(undo)
        m.next_story = sid + 1
        m.stories[sid] = StoryRecord(sid)
        return sid

    def story(self, story: int) -> StoryRecord | None:
        rec = self._m.stories.get(story)
        return None if rec is None else copy.deepcopy(rec)

    def story_head(self, story: int) -> StoryHead | None:
        rec = self._m.stories.get(story)
        if rec is None:
            return None
        return StoryHead(rec.id, rec.n, rec.first_pub, rec.last_pub, rec.merged_into)

    def story_vector(self, story: int) -> tuple[dict[str, float], float]:
        rec = self._m.stories.get(story)
        return ({}, 0.0) if rec is None else (dict(rec.centroid), rec.norm)

    def save_story(self, rec: StoryRecord, updated: str | None = None) -> None:
        m = self._m
        old = m.stories.get(rec.id)
        self._journal(lambda: m.stories.__setitem__(rec.id, old) if old is not None
                      else m.stories.pop(rec.id, None))
        saved = copy.deepcopy(rec)
        # stored as float32, as the SQLite index does, so both cluster a stream alike
        saved.centroid = unpack(pack(rec.centroid)) if rec.centroid else {}
        m.stories[rec.id] = saved

    def postings(self, term: str, limit: int) -> list[tuple[int, float]]:
        # strongest first, ties by story id (the order of SQLite's (term, w DESC) index)
        items = sorted(self._m.postings.get(term, {}).items(), key=lambda kv: (-kv[1], kv[0]))
        return items[:limit]

    def set_postings(self, story: int, remove: Iterable[str],
                     put: Iterable[tuple[str, float]]) -> None:
        post = self._m.postings
        remove, put = list(remove), list(put)
        before = {t: post.get(t, {}).get(story) for t in [*remove, *(t for t, _ in put)]}

        def undo() -> None:
            for t, w in before.items():
                if w is None:
                    post.get(t, {}).pop(story, None)
                else:
                    post.setdefault(t, {})[story] = w

        self._journal(undo)
        for t in remove:
            post.get(t, {}).pop(story, None)
        for t, w in put:
            post.setdefault(t, {})[story] = w

    def record_merge(self, story: int, into: int, at: str, score: float) -> None:
        self._journal(self._m.merges.pop)
        self._m.merges.append((story, into, at, score))
