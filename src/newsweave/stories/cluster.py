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
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from newsweave.errors import InputError, StoreError
from newsweave.ingest.loaders import check_article
from newsweave.options import Limits
from newsweave.stories.index import SqliteStoryIndex, StoryIndex, StoryRecord
from newsweave.stories.options import StoryOptions
from newsweave.stories.store import Store, now_iso
from newsweave.stories.title import story_title
from newsweave.text.shingles import shingle_sample
from newsweave.text.stopwords import stop_words
from newsweave.text.tokens import tokenizer
from newsweave.types import Article

# Fixed rules of the candidate search and the story index (the tunable ones are StoryOptions).
CANDIDATE_FLOOR = 0.25  # a candidate this far behind the leader's rough score is no match
DATE_PENALTY = 0.3  # cosine lost by an article a whole window_days away from a story's dates
MERGE_AGREEMENT = 0.75  # share of merge_threshold two story centroids must reach to merge
REINDEX_CHANGE = 0.25  # an index weight is rewritten when it moves by more than this share
TERM_CACHE_MAX = 200_000  # surface forms memoised per clusterer before the memo is cleared

_TERMS = tokenizer("story")
STOP = stop_words("story")


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
        for raw, n in Counter(_TERMS(text)).items():
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


# -- the write path --------------------------------------------------------------------------
class Clusterer:
    """Adds articles to a story index, one committed transaction per article.

    ``index`` is a :class:`~newsweave.stories.store.Store` (its SQLite story index is used) or
    any :class:`~newsweave.stories.index.StoryIndex`, e.g. a
    :class:`~newsweave.stories.index.MemoryStoryIndex` for a stream kept in memory.
    """

    def __init__(self, index: Store | StoryIndex, options: StoryOptions | None = None,
                 df_flush_every: int = 64) -> None:
        if not isinstance(index, Store) and not hasattr(index, "transaction"):
            raise StoreError(f"a Clusterer needs a Store (open_store), got "
                             f"{type(index).__name__}")
        self.index: StoryIndex = SqliteStoryIndex(index) if isinstance(index, Store) else index
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

    @property
    def store(self) -> Store:
        """The store behind an SQLite index (``StoreError`` for another index)."""
        if isinstance(self.index, SqliteStoryIndex):
            return self.index.store
        raise StoreError("this clusterer's story index is not a store")

    def add(self, article: Article) -> Ack:
        """Store ``article`` and place it in a story; returns after the commit."""
        self._unstage()
        with self.index.transaction():
            ack = self._add(article)
        self._settle()
        return ack

    def flush(self) -> None:
        """Write pending document-frequency increments (call when done ingesting)."""
        if not self._pending_docs:
            return
        with self.index.transaction():
            self.index.add_doc_freqs(self._pending, self._pending_docs)
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
                with self.index.transaction():
                    acks.extend(self._add(a) for a in batch)
                self._settle()
                batch = []
        return acks

    def _add(self, article: Article) -> Ack:
        # (an article built by hand: fields checked, id cleaned once, as a loaded one's)
        article = check_article(article, Limits().max_article_chars)
        if not article.id:
            raise InputError("article id is empty")
        if not article.text.strip():
            raise InputError("article has no text", article.id)
        ix = self.index
        digest = content_hash(article)
        known = ix.by_hash(digest)
        if known is not None:
            return Ack(known.id, "exists", ix.resolve(known.story), known.seq, article.id)
        if len(self._term_cache) > TERM_CACHE_MAX:  # bounded: memory must not grow with input
            self._term_cache.clear()
        counts, names = term_counts(article, self._term_cache)
        sample = shingle_sample(article.text)
        aid = self._unique_id(article.id)
        vec = self._vector(counts, names)
        original = self._original(sample)
        merged: list[int] = []
        score = 1.0
        if original is not None:
            story = ix.resolve(original[1])
        else:
            story, score, merged = self._choose(vec, day_of(article.published))
            if story is None:
                story = ix.new_story(now_iso())
        now = now_iso()
        seq = ix.add_article(article, aid, digest, story, original[0] if original else None,
                             sample, now)
        self._join(story, vec, article, now)
        for other in merged:
            self._merge(other, story, now, score)
        if original is None:
            story, late = self._second_chance(story, now)
            merged += late
        return Ack(aid, "duplicate" if original else "new", story, seq, article.id,
                   original[0] if original else None, merged)

    # -- pieces ---------------------------------------------------------------------------
    def _unique_id(self, wanted: str) -> str:
        aid, n = wanted, 1
        while self.index.has_id(aid):
            n += 1
            aid = f"{wanted}~{n}"
        return aid

    def _vector(self, counts: Counter[str], names: frozenset[str]) -> dict[str, float]:
        terms = list(counts)
        n_docs = self.index.n_docs() + self._pending_docs + self._staged_docs
        df = self.index.doc_freqs(terms)
        pending, staged = self._pending, self._staged
        for t in terms:
            df[t] = df.get(t, 0) + pending.get(t, 0) + staged.get(t, 0)
        vec = weigh(counts, df, n_docs, names, self.options.name_boost)
        staged.update(terms)
        self._staged_docs += 1
        return vec

    def _original(self, sample: list[int]) -> tuple[str, int] | None:
        """The stored article this one copies (shingle containment), if any."""
        if not sample:
            return None
        best: tuple[float, int] | None = None
        for seq, shared in self.index.shingle_hits(sample).items():
            if shared < 2 and len(sample) > 2:
                continue
            stored = self.index.article_at(seq)
            if stored is None:
                continue
            score = shared / max(1, min(len(sample), stored.nsample))
            if score >= self.options.duplicate_threshold and (best is None or
                                                             (score, -seq) > (best[0], -best[1])):
                best = (score, seq)
        if best is None:
            return None
        stored = self.index.article_at(best[1])
        assert stored is not None
        return (stored.duplicate_of or stored.id, stored.story)

    def _choose(self, vec: dict[str, float], day: date | None) -> tuple[int | None, float,
                                                                          list[int]]:
        """Best story for ``vec`` (None: start one), its score, and stories to merge in."""
        o = self.options
        scored: list[tuple[float, int]] = []
        ranked = self._lookup(vec).most_common(o.candidates)
        floor = CANDIDATE_FLOOR * ranked[0][1] if ranked else 0.0  # far behind the leader
        for sid, a in ranked:
            if a < floor:
                break
            head = self.index.story_head(sid)  # checked before the centroid is read
            if head is None or head.merged_into is not None:
                continue
            gap = day_gap(day, head.first_pub, head.last_pub)
            if gap > o.window_days:
                continue
            centroid, norm = self.index.story_vector(sid)
            sim = _cosine(vec, centroid, norm)
            if o.window_days > 0:
                sim *= 1.0 - DATE_PENALTY * gap / o.window_days
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
        keep_c = self._centroid(keep)
        others = []
        for _, sid in fits:
            if sid == keep:
                continue
            cent = self._centroid(sid)
            norm_o = math.sqrt(sum(v * v for v in cent.values()))
            norm_k = math.sqrt(sum(v * v for v in keep_c.values()))
            if _cosine(cent, keep_c, norm_o * norm_k) >= o.merge_threshold * MERGE_AGREEMENT:
                others.append(sid)
        if not others or (best != keep and best not in others):
            # No merge, or one that would leave the best match out: join the best match.
            return best, best_sim, []
        return keep, best_sim, sorted(others)

    def _second_chance(self, sid: int, now: str) -> tuple[int, list[int]]:
        """Story ``sid`` just grew: a one-article story that now fits it (centroid cosine at
        least ``second_chance``) is merged with it, the younger into the older. An article
        that came before the rest of its story was judged against what the store then knew;
        this gives it the test again once the story has more words. Returns the surviving id
        and the merged one (if any)."""
        o = self.options
        rec = self.index.story_head(sid)
        if o.second_chance >= 1.0 or rec is None or rec.n < 2:
            return sid, []
        cent, norm = self.index.story_vector(sid)
        approx = self._lookup(cent)
        approx.pop(sid, None)
        best: tuple[float, int] | None = None
        for other, _ in approx.most_common(o.candidates):
            r = self.index.story_head(other)  # a one-article story in the window, live
            if (r is None or r.merged_into is not None or r.n != 1
                    or span_gap(rec.first_pub, rec.last_pub, r.first_pub, r.last_pub)
                    > o.window_days):
                continue
            other_c, other_norm = self.index.story_vector(other)
            sim = _cosine(other_c, cent, other_norm * norm)
            if sim >= o.second_chance and (best is None or (sim, -other) > (best[0], -best[1])):
                best = (sim, other)
        if best is None:
            return sid, []
        keep, gone = min(sid, best[1]), max(sid, best[1])
        self._merge(gone, keep, now, best[0])
        return keep, [gone]

    def _lookup(self, vec: dict[str, float]) -> Counter[int]:
        """Rough scores of the stories that share ``vec``'s strongest terms, from the inverted
        index (bounded posting lists: the cost does not grow with the store)."""
        o = self.options
        approx: Counter[int] = Counter()
        for term, w in _top(vec, o.query_terms):
            for sid, sw in self.index.postings(term, o.postings):
                approx[sid] += w * sw
        return approx

    def _centroid(self, sid: int) -> dict[str, float]:
        return self.index.story_vector(sid)[0]

    def _join(self, sid: int, vec: dict[str, float], article: Article, now: str) -> None:
        rec = self.index.story(sid)
        assert rec is not None
        for t, w in vec.items():
            rec.centroid[t] = rec.centroid.get(t, 0.0) + w
        rec.title = rec.title or story_title(article.title, article.text)
        pub = article.published[:10] if day_of(article.published) else None
        rec.first_pub = min(x for x in (rec.first_pub, pub) if x) if (
            rec.first_pub or pub) else None
        rec.last_pub = max(x for x in (rec.last_pub, pub) if x) if (rec.last_pub or pub) else None
        rec.n += 1
        self._save_centroid(rec)
        self.index.save_story(rec, updated=now)

    def _save_centroid(self, rec: StoryRecord) -> None:
        """Keep the story's strongest terms and refresh its entries in the term index."""
        o = self.options
        kept = dict(_top(rec.centroid, o.centroid_terms))
        norm = math.sqrt(sum(v * v for v in kept.values())) or 1.0
        # Index weights are the unit-centroid weights, so postings rank stories fairly. Only
        # entries that entered, left or moved by over a quarter are written: the index guides
        # the candidate search, exact scores come from the centroid, and every row written
        # costs a page in the article's commit.
        new = {t: w / norm for t, w in _top(kept, o.index_terms)}
        old = rec.indexed
        gone = [t for t in old if t not in new]
        put = [(t, w) for t, w in new.items()
               if t not in old or abs(w - old[t]) > REINDEX_CHANGE * max(w, old[t])]
        self.index.set_postings(rec.id, gone, put)
        written = {t for t, _ in put}
        rec.indexed = {t: (w if t in written else old[t]) for t, w in new.items()}
        rec.centroid, rec.norm = kept, norm

    def _merge(self, sid: int, into: int, now: str, score: float) -> None:
        """Fold story ``sid`` into ``into``; ``sid`` keeps existing as a recorded alias."""
        a, b = self.index.story(sid), self.index.story(into)
        assert a is not None and b is not None
        for t, w in a.centroid.items():
            b.centroid[t] = b.centroid.get(t, 0.0) + w
        self.index.set_postings(sid, list(a.indexed), [])
        self._save_centroid(b)
        firsts = [x for x in (a.first_pub, b.first_pub) if x]
        lasts = [x for x in (a.last_pub, b.last_pub) if x]
        self.index.move_articles(sid, into)
        b.n += a.n
        b.first_pub = min(firsts) if firsts else None
        b.last_pub = max(lasts) if lasts else None
        self.index.save_story(b, updated=now)
        a.merged_into, a.n, a.centroid, a.indexed = into, 0, {}, {}
        self.index.save_story(a)
        self.index.record_merge(sid, into, now, score)
