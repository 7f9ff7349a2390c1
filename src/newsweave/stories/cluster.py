"""Online story clustering over the store.

Each article becomes a sublinear TF-IDF vector (document frequencies kept in the store, so
IDF sharpens as the stream grows). A story keeps a centroid (sum of its article vectors,
truncated to its strongest terms) and indexes its top terms in ``story_term``. A new article
looks up candidate stories through that inverted index (bounded posting lists, so the cost
does not grow with the store), scores them by cosine to the centroid, and joins the best one
above ``threshold`` or starts a new story. When the article also fits a second story well
enough, and the two centroids agree, the younger story is merged into the older one (the
merge is recorded; ids never change). Dates, when known, keep far-apart events apart.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsweave.errors import InputError
from newsweave.stories.options import StoryOptions
from newsweave.stories.store import Store, now_iso
from newsweave.types import Article

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{3,}")
_WORD = re.compile(r"\w+")
# Words that news prose uses everywhere; they say nothing about which story this is.
_NEWS_STOP = frozenset(
    "said says say told tell according reported report reports reporting year years new "
    "time times like just also people including including week weeks day days month months "
    "today yesterday tuesday wednesday thursday friday saturday sunday monday ago "
    "make made want way going know think really lot got did does don't it's that's "
    "mr mrs ms dr percent news story stories statement added asked called used use "
    "use come came went goes told later early according million billion".split()
)
STOP = frozenset(ENGLISH_STOP_WORDS) | _NEWS_STOP


@dataclass(slots=True)
class Ack:
    """What happened to one article; ``status`` is new, duplicate (near-copy) or exists."""

    id: str
    status: str
    story: int
    seq: int
    requested_id: str = ""
    duplicate_of: str | None = None
    merged: list[int] = field(default_factory=list)
    score: float = 0.0

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {"id": self.id, "status": self.status, "story": self.story,
                                "seq": self.seq}
        if self.requested_id and self.requested_id != self.id:
            d["requested_id"] = self.requested_id
        if self.duplicate_of:
            d["duplicate_of"] = self.duplicate_of
        if self.merged:
            d["merged"] = self.merged
        return d


# -- text features ---------------------------------------------------------------------------
def content_hash(article: Article) -> str:
    """Identity of an article's content: its cleaned text, whitespace-normalized."""
    return hashlib.sha256(" ".join(article.text.split()).encode("utf-8")).hexdigest()


def _norm_term(raw: str) -> str:
    low = raw.lower()
    if low in STOP:
        return ""
    tok = low.replace("\u2019", "'").removesuffix("'s")
    if len(tok) < 3 or tok in STOP:
        return ""
    if len(tok) > 4 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
        tok = tok[:-1]
    return tok


def term_counts(article: Article, cache: dict[str, str] | None = None,
                lead_chars: int = 3000) -> tuple[Counter[str], frozenset[str]]:
    """Content terms of the article's lead (lower-cased, stop words out, plural -s folded;
    the title counts twice) and the names among them: terms mostly written capitalized,
    which tell stories apart. ``cache`` memoizes surface form -> term."""
    counts: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    cache = {} if cache is None else cache
    # Normalize each distinct surface form once: articles repeat their words a lot.
    for text, weight in ((article.text[:lead_chars], 1), (article.title, 2)):
        for raw, n in Counter(_TOKEN.findall(text)).items():
            tok = cache.get(raw)
            if tok is None:
                tok = cache[raw] = _norm_term(raw)
            if not tok:
                continue
            counts[tok] += n * weight
            if raw[0].isupper():
                caps[tok] += n * weight
    return counts, frozenset(t for t, c in caps.items() if 2 * c > counts[t])


def weigh(counts: Counter[str], df: dict[str, int], n_docs: int,
          names: frozenset[str] = frozenset(), name_boost: float = 2.0) -> dict[str, float]:
    """Unit-length sublinear TF-IDF (smoothed IDF, as scikit-learn's); names weigh more."""
    vec = {
        t: (1.0 + math.log(c)) * (math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1.0)
        * (name_boost if t in names else 1.0)
        for t, c in counts.items()
    }
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def shingle_sample(text: str, k: int = 5, mod: int = 16, floor: int = 6) -> list[int]:
    """A containment-preserving sample of the article's k-word shingles (stable hashes):
    every shingle whose hash is 0 mod ``mod``, plus the ``floor`` smallest."""
    words = _WORD.findall(text.lower())
    if not words:
        return []
    ids = {w: zlib.crc32(w.encode("utf-8")) for w in set(words)}
    wh = np.fromiter((ids[w] for w in words), dtype=np.uint64, count=len(words))
    n = max(1, len(words) - k + 1)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(min(k, len(words))):  # polynomial rolling hash of k word hashes, mod 2^32
        h = (h * np.uint64(1_000_003) + wh[j : j + n]) & np.uint64(0xFFFFFFFF)
    hashes = np.unique(h)
    picked = np.union1d(hashes[:floor], hashes[hashes % np.uint64(mod) == 0])
    return [int(x) for x in picked]


def day_of(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def day_gap(day: date | None, first: str | None, last: str | None) -> float:
    """Days between ``day`` and a story's published span (0 inside it or when unknown)."""
    lo, hi = day_of(first), day_of(last)
    if day is None or lo is None or hi is None:
        return 0.0
    if day < lo:
        return float((lo - day).days)
    if day > hi:
        return float((day - hi).days)
    return 0.0


def span_gap(first_a: str | None, last_a: str | None, first_b: str | None,
             last_b: str | None) -> float:
    """Days between two stories' published spans (0 when they overlap or a date is unknown)."""
    return min(day_gap(day_of(first_b), first_a, last_a), day_gap(day_of(last_b), first_a, last_a),
               day_gap(day_of(first_a), first_b, last_b))


def _cosine(vec: dict[str, float], centroid: dict[str, float], norm: float) -> float:
    if norm <= 0:
        return 0.0
    small, large = (vec, centroid) if len(vec) <= len(centroid) else (centroid, vec)
    return sum(w * large.get(t, 0.0) for t, w in small.items()) / norm


def _top(vec: dict[str, float], n: int) -> list[tuple[str, float]]:
    """The ``n`` heaviest terms; ties keep insertion order (deterministic)."""
    if len(vec) <= n:
        return sorted(vec.items(), key=itemgetter(1), reverse=True)
    return sorted(vec.items(), key=itemgetter(1), reverse=True)[:n]


def pack(vec: dict[str, float]) -> bytes:
    """A centroid as bytes: newline-joined terms, a NUL, then float32 weights."""
    terms = "\n".join(vec).encode("utf-8")
    return terms + b"\0" + np.fromiter(vec.values(), np.float32, len(vec)).tobytes()


def unpack(blob: bytes) -> dict[str, float]:
    if not blob:
        return {}
    cut = blob.index(b"\0")
    terms = blob[:cut].decode("utf-8").split("\n")
    return dict(zip(terms, np.frombuffer(blob[cut + 1 :], np.float32).tolist(), strict=True))


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _index_weights(lines: list[str]) -> dict[str, float]:
    """``story.indexed``: the story's entries in ``story_term``, one "term<TAB>w" a line."""
    out = {}
    for line in lines:
        term, _, w = line.partition("\t")
        out[term] = float(w) if w else 0.0
    return out


# -- the write path --------------------------------------------------------------------------
class Clusterer:
    """Adds articles to a :class:`Store`, one committed transaction per article."""

    def __init__(self, store: Store, options: StoryOptions | None = None,
                 df_flush_every: int = 64) -> None:
        self.store = store
        self.options = options or StoryOptions()
        # Document frequencies are a statistic, not data: their increments are written every
        # ``df_flush_every`` articles, which keeps each article's commit small. A crash loses
        # at most that many increments (slightly stale IDF), never an article.
        self.df_flush_every = df_flush_every
        self._pending: Counter[str] = Counter()
        self._pending_docs = 0
        self._staged: Counter[str] = Counter()  # increments of the open transaction
        self._staged_docs = 0
        self._term_cache: dict[str, str] = {}

    def add(self, article: Article) -> Ack:
        """Store ``article`` and place it in a story; returns after the commit."""
        self._unstage()
        with self.store.write() as c:
            ack = self._add(c, article)
        self._settle()
        return ack

    def flush(self) -> None:
        """Write pending document-frequency increments (call when done ingesting)."""
        if not self._pending_docs:
            return
        with self.store.write() as c:
            c.executemany(
                "INSERT INTO df(term, n) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET "
                "n = n + excluded.n",
                sorted(self._pending.items()),
            )
            c.execute("UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'n_docs'",
                      (self._pending_docs,))
        self._pending.clear()
        self._pending_docs = 0

    def __enter__(self) -> Clusterer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()

    def _unstage(self) -> None:
        self._staged = Counter()
        self._staged_docs = 0

    def _settle(self) -> None:
        self._pending.update(self._staged)
        self._pending_docs += self._staged_docs
        self._unstage()
        if self._pending_docs >= self.df_flush_every:
            self.flush()

    def add_many(self, articles: Iterable[Article], commit_every: int = 500) -> list[Ack]:
        """Bulk load: one transaction per ``commit_every`` articles (faster, coarser
        acknowledgement: a crash loses the uncommitted batch, never half of it)."""
        acks: list[Ack] = []
        batch: list[Article] = []
        for art in [*articles, None]:
            if art is not None:
                batch.append(art)
            if batch and (art is None or len(batch) >= commit_every):
                self._unstage()
                with self.store.write() as c:
                    acks.extend(self._add(c, a) for a in batch)
                self._settle()
                batch = []
        return acks

    def _add(self, c: sqlite3.Connection, article: Article) -> Ack:
        if not article.text.strip():
            raise InputError("article has no text", article.id)
        digest = content_hash(article)
        row = c.execute("SELECT id, story, seq FROM article WHERE hash = ?", (digest,)).fetchone()
        if row is not None:
            return Ack(row[0], "exists", self.store.resolve(row[1]), row[2], article.id)
        if len(self._term_cache) > 200_000:  # bounded: memory must not grow with the store
            self._term_cache.clear()
        counts, names = term_counts(article, self._term_cache)
        sample = shingle_sample(article.text)
        aid = self._unique_id(c, article.id)
        vec = self._vector(c, counts, names)
        original = self._original(c, sample)
        merged: list[int] = []
        score = 1.0
        if original is not None:
            story = self.store.resolve(original[1])
        else:
            story, score, merged = self._choose(c, vec, day_of(article.published))
            if story is None:
                story = self._new_story(c)
        now = now_iso()
        cur = c.execute(
            "INSERT INTO article(id, hash, story, title, source, url, published, "
            "duplicate_of, flags, text, nsample, added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, digest, story, article.title, article.source, article.url,
             article.published, original[0] if original else None,
             json.dumps(list(article.flags)), article.text, len(sample), now),
        )
        seq = int(cur.lastrowid or 0)
        c.executemany("INSERT OR IGNORE INTO shingle(h, seq) VALUES (?, ?)",
                      [(h, seq) for h in sample])
        self._join(c, story, vec, article, now)
        for other in merged:
            self._merge(c, other, story, now, score)
        if original is None:
            story, late = self._second_chance(c, story, now)
            merged += late
        return Ack(aid, "duplicate" if original else "new", story, seq, article.id,
                   original[0] if original else None, merged, score)

    # -- pieces ---------------------------------------------------------------------------
    def _unique_id(self, c: sqlite3.Connection, wanted: str) -> str:
        aid, n = wanted, 1
        while c.execute("SELECT 1 FROM article WHERE id = ?", (aid,)).fetchone():
            n += 1
            aid = f"{wanted}~{n}"
        return aid

    def _vector(self, c: sqlite3.Connection, counts: Counter[str],
                names: frozenset[str]) -> dict[str, float]:
        terms = list(counts)
        n_docs = int(c.execute("SELECT value FROM meta WHERE key = 'n_docs'").fetchone()[0])
        n_docs += self._pending_docs + self._staged_docs
        df: dict[str, int] = {}
        for i in range(0, len(terms), 900):
            chunk = terms[i : i + 900]
            qs = ",".join("?" * len(chunk))
            df.update(c.execute(f"SELECT term, n FROM df WHERE term IN ({qs})", chunk))
        pending, staged = self._pending, self._staged
        for t in terms:
            df[t] = df.get(t, 0) + pending.get(t, 0) + staged.get(t, 0)
        vec = weigh(counts, df, n_docs, names, self.options.name_boost)
        staged.update(terms)
        self._staged_docs += 1
        return vec

    def _original(self, c: sqlite3.Connection, sample: list[int]) -> tuple[str, int] | None:
        """The stored article this one copies (shingle containment), if any."""
        if not sample:
            return None
        hits: Counter[int] = Counter()
        for i in range(0, len(sample), 900):
            chunk = sample[i : i + 900]
            qs = ",".join("?" * len(chunk))
            hits.update(s for (s,) in c.execute(
                f"SELECT seq FROM shingle WHERE h IN ({qs})", chunk))
        best: tuple[float, int] | None = None
        for seq, shared in hits.items():
            if shared < 2 and len(sample) > 2:
                continue
            nsample = c.execute("SELECT nsample FROM article WHERE seq = ?", (seq,)).fetchone()
            if nsample is None:
                continue
            score = shared / max(1, min(len(sample), nsample[0]))
            if score >= self.options.duplicate_threshold and (best is None or
                                                             (score, -seq) > (best[0], -best[1])):
                best = (score, seq)
        if best is None:
            return None
        row = c.execute(
            "SELECT coalesce(duplicate_of, id), story FROM article WHERE seq = ?", (best[1],)
        ).fetchone()
        return (str(row[0]), int(row[1]))

    def _choose(
        self, c: sqlite3.Connection, vec: dict[str, float], day: date | None
    ) -> tuple[int | None, float, list[int]]:
        """Best story for ``vec`` (None: start one), its score, and stories to merge in."""
        o = self.options
        scored: list[tuple[float, int]] = []
        ranked = self._lookup(c, vec).most_common(o.candidates)
        floor = 0.25 * ranked[0][1] if ranked else 0.0  # far behind the leader: not a match
        for sid, a in ranked:
            if a < floor:
                break
            row = c.execute(
                "SELECT centroid, norm, first_pub, last_pub FROM story WHERE id = ? "
                "AND merged_into IS NULL", (sid,),
            ).fetchone()
            if row is None:
                continue
            gap = day_gap(day, row[2], row[3])
            if gap > o.window_days:
                continue
            sim = _cosine(vec, unpack(row[0]), row[1])
            if o.window_days > 0:
                sim *= 1.0 - 0.3 * gap / o.window_days
            scored.append((sim, sid))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if not scored or scored[0][0] < o.threshold:
            return None, scored[0][0] if scored else 0.0, []
        # The oldest of the matching stories keeps its id; the others may merge into it.
        fits = [(s, sid) for s, sid in scored if s >= o.merge_threshold]
        best_sim, best = scored[0]
        if len(fits) < 2:
            return best, best_sim, []
        keep = min(sid for _, sid in fits)
        keep_c = self._centroid(c, keep)
        others = []
        for _, sid in fits:
            if sid == keep:
                continue
            cent = self._centroid(c, sid)
            norm_o = math.sqrt(sum(v * v for v in cent.values()))
            norm_k = math.sqrt(sum(v * v for v in keep_c.values()))
            if _cosine(cent, keep_c, norm_o * norm_k) >= o.merge_threshold * 0.75:
                others.append(sid)
        if not others or (best != keep and best not in others):
            # No merge, or one that would leave the best match out: join the best match.
            return best, best_sim, []
        return keep, best_sim, sorted(others)

    def _second_chance(self, c: sqlite3.Connection, sid: int, now: str) -> tuple[int, list[int]]:
        """Story ``sid`` just grew: a one-article story that now fits it (centroid cosine at
        least ``second_chance``) is merged with it, the younger into the older. An article
        that came before the rest of its story was judged against what the store then knew;
        this gives it the test again once the story has more words. Returns the surviving id
        and the merged one (if any)."""
        o = self.options
        row = c.execute("SELECT centroid, norm, n, first_pub, last_pub FROM story WHERE id = ?",
                        (sid,)).fetchone()
        if o.second_chance >= 1.0 or row is None or row[2] < 2:
            return sid, []
        cent, norm = unpack(row[0]), row[1]
        approx = self._lookup(c, cent)
        approx.pop(sid, None)
        best: tuple[float, int] | None = None
        for other, _ in approx.most_common(o.candidates):
            r = c.execute("SELECT centroid, norm, first_pub, last_pub FROM story WHERE id = ? "
                          "AND merged_into IS NULL AND n = 1", (other,)).fetchone()
            if r is None or span_gap(row[3], row[4], r[2], r[3]) > o.window_days:
                continue
            sim = _cosine(unpack(r[0]), cent, r[1] * norm)
            if sim >= o.second_chance and (best is None or (sim, -other) > (best[0], -best[1])):
                best = (sim, other)
        if best is None:
            return sid, []
        keep, gone = min(sid, best[1]), max(sid, best[1])
        self._merge(c, gone, keep, now, best[0])
        return keep, [gone]

    def _lookup(self, c: sqlite3.Connection, vec: dict[str, float]) -> Counter[int]:
        """Rough scores of the stories that share ``vec``'s strongest terms, from the inverted
        index (bounded posting lists: the cost does not grow with the store)."""
        o = self.options
        approx: Counter[int] = Counter()
        for term, w in _top(vec, o.query_terms):
            for sid, sw in c.execute(
                "SELECT story, w FROM story_term WHERE term = ? ORDER BY w DESC LIMIT ?",
                (term, o.postings),
            ):
                approx[sid] += w * sw
        return approx

    def _centroid(self, c: sqlite3.Connection, sid: int) -> dict[str, float]:
        row = c.execute("SELECT centroid FROM story WHERE id = ?", (sid,)).fetchone()
        return unpack(row[0]) if row else {}

    def _new_story(self, c: sqlite3.Connection) -> int:
        now = now_iso()
        cur = c.execute("INSERT INTO story(created, updated) VALUES (?, ?)", (now, now))
        return int(cur.lastrowid or 0)

    def _join(self, c: sqlite3.Connection, sid: int, vec: dict[str, float], article: Article,
              now: str) -> None:
        row = c.execute(
            "SELECT centroid, indexed, title, first_pub, last_pub, n FROM story WHERE id = ?",
            (sid,),
        ).fetchone()
        cent = unpack(row[0])
        for t, w in vec.items():
            cent[t] = cent.get(t, 0.0) + w
        title = row[2] or article.title or _headline(article.text)
        pub = article.published[:10] if day_of(article.published) else None
        first = min(x for x in (row[3], pub) if x) if (row[3] or pub) else None
        last = max(x for x in (row[4], pub) if x) if (row[4] or pub) else None
        self._save_centroid(c, sid, cent, _lines(row[1]))
        c.execute(
            "UPDATE story SET title = ?, updated = ?, first_pub = ?, last_pub = ?, n = n + 1 "
            "WHERE id = ?",
            (title, now, first, last, sid),
        )

    def _save_centroid(self, c: sqlite3.Connection, sid: int, cent: dict[str, float],
                       old_index: list[str]) -> None:
        o = self.options
        kept = dict(_top(cent, o.centroid_terms))
        norm = math.sqrt(sum(v * v for v in kept.values())) or 1.0
        # Index weights are the unit-centroid weights, so postings rank stories fairly. Only
        # entries that entered, left or moved by over a quarter are written: the index guides
        # the candidate search, exact scores come from the centroid, and every row written
        # costs a page in the article's commit.
        new = {t: w / norm for t, w in _top(kept, o.index_terms)}
        old = _index_weights(old_index)
        gone = [(t, sid) for t in old if t not in new]
        put = [(t, sid, w) for t, w in new.items()
               if t not in old or abs(w - old[t]) > 0.25 * max(w, old[t])]
        if gone:
            c.executemany("DELETE FROM story_term WHERE term = ? AND story = ?", gone)
        if put:
            c.executemany("INSERT OR REPLACE INTO story_term(term, story, w) VALUES (?, ?, ?)",
                          put)
        written = {t for t, _, _ in put}
        stored = {t: (w if t in written else old[t]) for t, w in new.items()}
        c.execute(
            "UPDATE story SET centroid = ?, norm = ?, indexed = ? WHERE id = ?",
            (pack(kept), norm, "\n".join(f"{t}\t{w!r}" for t, w in stored.items()), sid),
        )

    def _merge(self, c: sqlite3.Connection, sid: int, into: int, now: str,
               score: float) -> None:
        """Fold story ``sid`` into ``into``; ``sid`` keeps existing as a recorded alias."""
        a = c.execute(
            "SELECT centroid, indexed, first_pub, last_pub, n FROM story WHERE id = ?", (sid,)
        ).fetchone()
        b = c.execute(
            "SELECT centroid, indexed, first_pub, last_pub FROM story WHERE id = ?", (into,)
        ).fetchone()
        cent = unpack(b[0])
        for t, w in unpack(a[0]).items():
            cent[t] = cent.get(t, 0.0) + w
        c.executemany("DELETE FROM story_term WHERE term = ? AND story = ?",
                      [(t, sid) for t in _index_weights(_lines(a[1]))])
        self._save_centroid(c, into, cent, _lines(b[1]))
        firsts = [x for x in (a[2], b[2]) if x]
        lasts = [x for x in (a[3], b[3]) if x]
        c.execute("UPDATE article SET story = ? WHERE story = ?", (into, sid))
        c.execute(
            "UPDATE story SET n = n + ?, updated = ?, first_pub = ?, last_pub = ? WHERE id = ?",
            (a[4], now, min(firsts) if firsts else None, max(lasts) if lasts else None, into),
        )
        c.execute("UPDATE story SET merged_into = ?, n = 0, centroid = x'', indexed = '' "
                  "WHERE id = ?", (into, sid))
        c.execute("INSERT INTO merge(story, into_story, at, score) VALUES (?, ?, ?, ?)",
                  (sid, into, now, score))


def _headline(text: str, words: int = 12) -> str:
    first = text.strip().split("\n", 1)[0].split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")
