"""Cross-source alignment: which articles report the information of each sentence.

Sentences of different (independent) articles whose TF-IDF cosine reaches a threshold are
linked; a sentence's *support* is the set of articles that contain such a link, plus its own.
Linked sentences form *information units* (connected components), each knowing its articles.

Every sentence of every article takes part: links are found block by block from the sparse
TF-IDF product (``BLOCK`` rows at a time, only pairs that share a term), so memory grows with
the number of linked pairs, not with n x n. The cosine between any two sentences is read from
:class:`Similarity`, which keeps the dense matrix only up to ``DENSE_MAX`` sentences and
computes rows on demand beyond that. Whether a link is a citation is decided by the support
check (:mod:`newsweave.align.check`, :func:`newsweave.align.cite.cite`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from newsweave.align.lowercase import lower_cased
from newsweave.options import ALIGN_THRESHOLD
from newsweave.text.spelling import fold_token, fold_tokens
from newsweave.text.stopwords import stop_words
from newsweave.text.tfidf import EmptyVocabulary, Terms, Tfidf
from newsweave.text.tokens import tokenizer
from newsweave.types import Sentence

if TYPE_CHECKING:
    from newsweave.align.check import Checker

# Up to this many sentences the cosine matrix is kept dense (2,000^2 float32 = 16 MB); beyond
# it rows are computed when asked for (and the last ``ROW_CACHE`` of them kept).
DENSE_MAX = 2000
ROW_CACHE = 1024
# Links kept per sentence (its closest ones): bounds memory when hundreds of articles repeat
# the same sentences; citations do not depend on it (see align/cite.py). Limits.max_links.
MAX_LINKS = 100
BLOCK = 256  # rows of the product computed at a time while linking (256 x n float32)
# A link needs this many shared content terms, so two short sentences that share one rare
# word are not taken to report the same thing.
MIN_SHARED_TERMS = 3
MIN_LINK_WORDS = 6

_TERMS = tokenizer("term")
STOP_WORDS = stop_words("align")  # reporting verbs and fillers out too
fold = fold_token  # spelling variants onto one key (newsweave.text.spelling)


def analyzer(text: str, memo: dict[str, str] | None = None) -> list[str]:
    """Lower-cased content words, folded; the tokenizer of every TF-IDF in newsweave.
    ``memo`` remembers folds for its owner (one per vectorizer; no process-wide cache)."""
    memo = {} if memo is None else memo
    terms = _TERMS(text)
    for t in terms:
        if t not in memo:  # "" marks a stop word
            memo[t] = "" if t in STOP_WORDS else fold(t)
    return [f for f in map(memo.__getitem__, terms) if f]


def _terms(tokens: list[str]) -> list[str]:
    """The TF-IDF terms of distinct ``_TERMS`` tokens ("" for a stop word), as
    :func:`analyzer` makes them (folded by :func:`fold_tokens`, the same keys in one go)."""
    keep = [t for t in tokens if t not in STOP_WORDS]
    folded = dict(zip(keep, fold_tokens(keep), strict=True))
    return [folded.get(t, "") for t in tokens]


@dataclass(slots=True)
class InfoUnit:
    """A piece of information reported by one or more articles."""

    sentences: list[int]  # indexes into Alignment.sentences
    articles: frozenset[str]
    independent: int  # number of distinct original sources among ``articles``


class Similarity:
    """Cosine between sentences, indexed like a dense ``(n, n)`` float32 array
    (``sim[i, j]``, ``sim[i, cols]``, ``sim[:, cols]``, ``sim[np.ix_(a, b)]``), without holding
    one when there are more than ``dense_max`` sentences."""

    def __init__(self, vectors: sparse.csr_matrix, dense_max: int = DENSE_MAX) -> None:
        self._v = vectors
        n = vectors.shape[0]
        self.shape = (n, n)
        self._dense: np.ndarray | None = None
        if n <= dense_max:
            self._dense = (vectors @ vectors.T).toarray().astype(np.float32, copy=False)
        self._rows: dict[int, np.ndarray] = {}

    @property
    def dense(self) -> bool:
        return self._dense is not None

    def row(self, i: int) -> np.ndarray:
        """Cosines of sentence ``i`` to every sentence (float32, length n)."""
        if self._dense is not None:
            return self._dense[i]
        got = self._rows.get(i)
        if got is None:
            got = (self._v[i] @ self._v.T).toarray().ravel().astype(np.float32, copy=False)
            if len(self._rows) >= ROW_CACHE:
                self._rows.pop(next(iter(self._rows)))
            self._rows[i] = got
        return got

    def _index(self, key: Any) -> np.ndarray:
        if isinstance(key, slice):
            return np.arange(self.shape[0])[key]
        return np.asarray(key, dtype=np.int64).ravel()

    def __getitem__(self, key: tuple[Any, Any]) -> Any:
        if self._dense is not None:
            return self._dense[key]
        r, c = key
        if isinstance(r, (int, np.integer)):
            row = self.row(int(r))
            return row[int(c)] if isinstance(c, (int, np.integer)) else row[self._index(c)]
        rows, cols = self._index(r), self._index(c)
        block = (self._v[rows] @ self._v[cols].T).toarray().astype(np.float32, copy=False)
        return block[:, 0] if isinstance(c, (int, np.integer)) else block

    def toarray(self) -> np.ndarray:
        """The whole matrix (for small inputs and benchmarks only)."""
        if self._dense is not None:
            return self._dense
        return (self._v @ self._v.T).toarray().astype(np.float32, copy=False)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        out = self.toarray()
        return out.astype(dtype) if dtype is not None else out

    def __ge__(self, other: float) -> np.ndarray:
        return self.toarray() >= other


@dataclass(slots=True)
class Alignment:
    sentences: list[Sentence]
    vectors: sparse.csr_matrix  # L2-normalized TF-IDF rows, one per sentence
    similarity: Similarity  # cosine between sentences (float32), dense only when small
    support: list[frozenset[str]]  # articles reporting each sentence (own article included)
    independent: list[int]  # distinct original sources in ``support``
    units: list[InfoUnit]
    vectorizer: Tfidf | None  # fitted vocabulary and idf (None: no term at all)
    capped: int = 0  # sentences that had more than ``max_links`` links (farther ones dropped)
    checker: Checker = field(default_factory=lambda: _checker())  # support check memo

    def citations(
        self, i: int, order: Mapping[str, int]
    ) -> tuple[tuple[str, ...], tuple[Sentence, ...]]:
        """Articles linked to sentence ``i`` (its own first, then input order) and, for each,
        the best-matching sentence there. Links are not citations: see
        :func:`newsweave.align.cite.cite`, which checks support."""
        own = self.sentences[i].article
        rest = sorted((a for a in self.support[i] if a != own), key=lambda a: order.get(a, 0))
        row = self.similarity.row(i)
        best: dict[str, int] = {}
        for j, s in enumerate(self.sentences):
            if s.article in self.support[i] and (s.article not in best
                                                 or row[j] > row[best[s.article]]):
                best[s.article] = j
        evidence = [self.sentences[i], *(self.sentences[best[a]] for a in rest)]
        return (own, *rest), tuple(evidence)


def _checker(lower: bool = False) -> Checker:
    from newsweave.align.check import Checker

    return Checker(lower=lower)


def tfidf(texts: Sequence[str]) -> tuple[sparse.csr_matrix, Tfidf | None]:
    """L2-normalized TF-IDF rows (sublinear tf, smoothed idf: :mod:`newsweave.text.tfidf`);
    an all-stop-word or empty input gives zero rows."""
    vec = Tfidf(Terms(_TERMS, _terms))
    try:
        return vec.fit_transform(texts), vec
    except EmptyVocabulary:
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32), None


def align(
    sentences: Sequence[Sentence],
    groups: Mapping[str, str],
    threshold: float = ALIGN_THRESHOLD,
    dense_max: int = DENSE_MAX,
    max_links: int = MAX_LINKS,
) -> Alignment:
    """Link sentences of different articles that report the same information.

    Two sentences are linked when their TF-IDF cosine reaches ``threshold``, they share at
    least ``MIN_SHARED_TERMS`` content terms and both have ``MIN_LINK_WORDS`` words or more.

    ``groups`` maps each article id to the original it counts as (see ``source_groups``):
    a syndicated copy supports what it copies but is not an independent confirmation.
    """
    sents = list(sentences)
    n = len(sents)
    if n == 0:
        empty = sparse.csr_matrix((0, 1), dtype=np.float32)
        return Alignment([], empty, Similarity(empty), [], [], [], None, 0)
    vectors, vectorizer = tfidf([s.text for s in sents])
    sim = Similarity(vectors, dense_max)
    # dtype=object: numpy unicode arrays silently drop trailing NUL characters of ids.
    arts = np.array([s.article for s in sents], dtype=object)
    _, art_code = np.unique(arts, return_inverse=True)
    long_enough = np.array([s.words >= MIN_LINK_WORDS for s in sents])
    linked, capped = _links(vectors, art_code, long_enough, threshold, max_links,
                            sim._dense)

    support: list[frozenset[str]] = []
    independent: list[int] = []
    own = [s.article for s in sents]
    alone = {a: frozenset((a,)) for a in own}  # a sentence without links: its own article
    bounds = linked.indptr.tolist()
    linked_art = arts[linked.indices].tolist()
    for i in range(n):
        lo, hi = bounds[i], bounds[i + 1]
        if lo == hi:
            support.append(alone[own[i]])
            independent.append(1)
            continue
        sup = frozenset((own[i], *linked_art[lo:hi]))
        support.append(sup)
        independent.append(len({groups.get(a, a) for a in sup}))

    members: dict[int, list[int]] = {}
    for i, u in enumerate(_components(linked)):
        members.setdefault(u, []).append(i)
    units = []
    for idx in sorted(members.values(), key=lambda m: m[0]):
        arts_u = frozenset(sents[i].article for i in idx)
        units.append(InfoUnit(idx, arts_u, len({groups.get(a, a) for a in arts_u})))
    return Alignment(sents, vectors, sim, support, independent, units, vectorizer, capped,
                     checker=_checker(lower_cased(s.text for s in sents)))


def _links(
    vectors: sparse.csr_matrix, art_code: np.ndarray, long_enough: np.ndarray,
    threshold: float, max_links: int = MAX_LINKS, dense: np.ndarray | None = None,
) -> tuple[sparse.csr_matrix, int]:
    """Sparse (n, n) boolean matrix of linked pairs, built ``BLOCK`` rows at a time, each
    sentence keeping its ``max_links`` closest links (0: all); and how many sentences had
    more (their farther links are dropped). ``dense``: the whole cosine matrix when
    :class:`Similarity` holds it (its rows are the block products, bit for bit)."""
    n = vectors.shape[0]
    if dense is not None:
        return _dense_links(vectors, art_code, long_enough, threshold, max_links, dense)
    capped = 0
    present = (vectors > 0).astype(np.float32).tocsr()
    vt = vectors.T.tocsc()
    pt = present.T.tocsc()
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for start in range(0, n, BLOCK):
        stop = min(n, start + BLOCK)
        # dense blocks of BLOCK x n (float32): bounded, and fast to sample
        sim = (vectors[start:stop] @ vt).toarray()
        r, c = np.nonzero(sim >= threshold)
        if len(r):
            shared = (present[start:stop] @ pt).toarray()
            counts = shared[r, c]
        else:
            counts = np.zeros(0)
        r_abs = r + start
        ok = ((counts >= MIN_SHARED_TERMS) & (art_code[r_abs] != art_code[c])
              & long_enough[r_abs] & long_enough[c])
        rr, cc, got = _closest(r_abs[ok], c[ok], sim[r[ok], c[ok]], max_links)
        capped += got
        rows.append(rr)
        cols.append(cc)
    return _link_matrix(rows, cols, n), capped


def _closest(rr: np.ndarray, cc: np.ndarray, vals: np.ndarray,
             max_links: int) -> tuple[np.ndarray, np.ndarray, int]:
    """The links (rows ``rr`` in order) each row keeps: its ``max_links`` closest (0: all),
    closest first, then input order; and how many rows had more."""
    if not max_links or not len(rr):
        return rr, cc, 0
    order = np.lexsort((cc, -vals, rr))  # per row: closest first, then input order
    rr, cc = rr[order], cc[order]
    first = np.r_[0, np.flatnonzero(np.diff(rr)) + 1]
    rank = np.arange(len(rr)) - np.repeat(first, np.diff(np.r_[first, len(rr)]))
    keep = rank < max_links
    return rr[keep], cc[keep], len(np.unique(rr[~keep]))


def _link_matrix(rows: list[np.ndarray], cols: list[np.ndarray], n: int) -> sparse.csr_matrix:
    r_all = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    c_all = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    data = np.ones(len(r_all), dtype=bool)
    out = sparse.csr_matrix((data, (r_all, c_all)), shape=(n, n))
    out = (out + out.T).astype(bool).tocsr()  # a link kept by either end is kept
    out.sort_indices()
    return out


PAIR_CHUNK = 4096  # candidate pairs whose shared terms are counted at a time


def _dense_links(
    vectors: sparse.csr_matrix, art_code: np.ndarray, long_enough: np.ndarray,
    threshold: float, max_links: int, dense: np.ndarray,
) -> tuple[sparse.csr_matrix, int]:
    """:func:`_links` when the whole cosine matrix is at hand: the same links, with the
    shared terms counted only for the pairs that pass the other tests (in one go, not a
    sparse product per block)."""
    n = vectors.shape[0]
    r, c = np.nonzero(dense >= threshold)  # row-major, as block by block
    ok = (art_code[r] != art_code[c]) & long_enough[r] & long_enough[c]
    r, c = r[ok], c[ok]
    if len(r):
        counts = np.concatenate([_shared_terms(vectors, r[k:k + PAIR_CHUNK], c[k:k + PAIR_CHUNK])
                                 for k in range(0, len(r), PAIR_CHUNK)])
        keep = counts >= MIN_SHARED_TERMS
        r, c = r[keep], c[keep]
    rr, cc, capped = _closest(r, c, dense[r, c], max_links)
    return _link_matrix([rr], [cc], n), capped


def _shared_terms(vectors: sparse.csr_matrix, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """For each pair (r[k], c[k]), how many terms both rows hold (a row's terms are
    distinct, so a term met twice among the pair's entries is shared)."""
    present = vectors if bool((vectors.data > 0).all()) else (vectors > 0).tocsr()
    indptr, ind = present.indptr.astype(np.int64), present.indices.astype(np.int64)
    m = len(r)
    starts = np.concatenate([indptr[r], indptr[c]])
    lens = np.concatenate([indptr[r + 1] - indptr[r], indptr[c + 1] - indptr[c]])
    total = int(lens.sum())
    if not total:
        return np.zeros(m, dtype=np.int64)
    offs = np.repeat(np.cumsum(lens) - lens, lens)
    pos = np.repeat(starts, lens) + (np.arange(total) - offs)
    width = max(1, present.shape[1])
    key = np.repeat(np.tile(np.arange(m, dtype=np.int64), 2), lens) * width + ind[pos]
    key.sort()
    twice = key[1:][key[1:] == key[:-1]]
    return np.bincount(twice // width, minlength=m)


def _components(linked: sparse.csr_matrix) -> list[int]:
    """A label per sentence: the smallest index of its connected component in the
    (symmetric) link graph, without scipy.sparse.csgraph (it loads scipy.linalg: 0.05-0.2 s).

    Short chains (the usual case) settle in a few vectorised passes: each label takes its
    neighbours' smallest, then jumps to its label's label. A long chain would need a pass per
    few links, so after ``_PASSES`` the rest is done by union-find over the links."""
    n = linked.shape[0]
    labels = np.arange(n)
    rows = np.repeat(labels, np.diff(linked.indptr))
    cols = linked.indices
    if not len(cols):
        return labels.tolist()
    for _ in range(_PASSES):
        new = labels.copy()
        np.minimum.at(new, rows, labels[cols])
        new = new[new]
        if np.array_equal(new, labels):
            return labels.tolist()
        labels = new
    return _union_find(n, rows.tolist(), cols.tolist())


_PASSES = 32


def _union_find(n: int, rows: list[int], cols: list[int]) -> list[int]:
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(rows, cols, strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:  # the smaller index stays the root: labels are component minima
            parent[max(ra, rb)] = min(ra, rb)
    return [root(i) for i in range(n)]
