"""TF-IDF rows on numpy and scipy.sparse, without importing scikit-learn.

It computes what scikit-learn's ``TfidfVectorizer(analyzer=..., sublinear_tf=True,
dtype=np.float32)`` computes, bit for bit (``tests/test_tfidf.py`` compares the two on real
clusters): the same sorted vocabulary, the same sparse layout, the same float32 steps
(``1 + log(tf)``, smoothed ``idf = 1 + log((n + 1) / (df + 1))``, L2 rows normalised with
the norm summed in double precision, term by term). Same layout and same numbers mean every
later product (cosines, links) is unchanged. scikit-learn stays a dependency elsewhere
(training in ``bench/``); the brief path no longer pays its import (about 0.8 s).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain

import numpy as np
from scipy import sparse

Analyzer = Callable[[str], list[str]]


class Terms:
    """An analyzer in two steps: ``tokens(text)``, then the terms of a list of distinct
    tokens (``terms(tokens)``, "" drops one), remembered for this object's lifetime (one per
    vectorizer; nothing process-wide). Calling it gives what a plain analyzer gives; a
    :class:`Tfidf` given one maps whole batches of tokens at once (same counts, faster)."""

    def __init__(self, tokens: Callable[[str], list[str]],
                 terms: Callable[[list[str]], list[str]]) -> None:
        self.tokens = tokens
        self.terms = terms
        self.memo: dict[str, str] = {}

    def learn(self, tokens: Iterable[str]) -> dict[str, str]:
        """The memo, knowing every token of ``tokens``."""
        memo = self.memo
        new = [t for t in dict.fromkeys(tokens) if t not in memo]
        memo.update(zip(new, self.terms(new), strict=True))
        return memo

    def __call__(self, text: str) -> list[str]:
        toks = self.tokens(text)
        return [f for f in map(self.learn(toks).__getitem__, toks) if f]


class EmptyVocabulary(ValueError):
    """No document has a term (all empty or all stop words)."""


class Tfidf:
    """A fitted vocabulary and idf; ``fit_transform`` then ``transform`` like scikit-learn."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.vocabulary_: dict[str, int] = {}
        self.idf_: np.ndarray = np.zeros(0, dtype=np.float32)

    def fit_transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Learn the vocabulary and idf of ``texts``; their L2-normalised rows."""
        vocab: dict[str, int] = {}
        counts = _count(texts, self.analyzer, vocab, grow=True)
        if not vocab:
            raise EmptyVocabulary("empty vocabulary")
        # scikit-learn numbers terms by first sight, then renames them in sorted order
        # without re-sorting each row's entries: keep that layout exactly.
        ranked = sorted(vocab)
        new_of_old = np.empty(len(ranked), dtype=counts.indices.dtype)
        for new, term in enumerate(ranked):
            new_of_old[vocab[term]] = new
            vocab[term] = new
        counts.indices = new_of_old.take(counts.indices, mode="clip")
        self.vocabulary_ = vocab
        n_docs = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float32)
        df += 1.0
        idf = np.full_like(df, fill_value=n_docs + 1, dtype=np.float32)
        idf /= df
        np.log(idf, out=idf)
        idf += 1.0
        self.idf_ = idf
        return self._weigh(counts)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Rows of new ``texts`` in the fitted vocabulary (unknown terms are dropped)."""
        return self._weigh(_count(texts, self.analyzer, self.vocabulary_, grow=False))

    def _weigh(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        data = counts.data
        np.log(data, data)
        data += 1.0
        data *= self.idf_[counts.indices]
        _normalize_rows(counts)
        return counts


def _count(texts: Iterable[str], analyzer: Analyzer, vocab: dict[str, int],
           grow: bool) -> sparse.csr_matrix:
    if isinstance(analyzer, Terms):
        return _count_terms(texts, analyzer, vocab, grow)
    indices: list[int] = []
    values: list[int] = []
    indptr = [0]
    get = vocab.get
    for text in texts:
        terms = analyzer(text)
        if grow:
            for term in dict.fromkeys(terms):  # new terms numbered in order of first sight
                if term not in vocab:
                    vocab[term] = len(vocab)
            seen = Counter(map(vocab.__getitem__, terms))  # keys in order of first sight
        else:
            seen = Counter(k for k in map(get, terms) if k is not None)
        indices.extend(seen)
        values.extend(seen.values())
        indptr.append(len(indices))
    itype = np.int64 if indptr[-1] > np.iinfo(np.int32).max else np.int32
    out = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), np.asarray(indices, dtype=itype),
         np.asarray(indptr, dtype=itype)),
        shape=(len(indptr) - 1, len(vocab)),
    )
    out.sort_indices()
    return out


def _count_terms(texts: Iterable[str], analyzer: Terms, vocab: dict[str, int],
                 grow: bool) -> sparse.csr_matrix:
    """:func:`_count` for a :class:`Terms` analyzer, by arrays: the same matrix (terms
    numbered in order of first sight, each row's entries in that order, counts as float32)."""
    toks = [analyzer.tokens(t) for t in texts]
    flat = list(chain.from_iterable(toks))
    seen = dict.fromkeys(flat)  # distinct tokens in order of first sight
    memo = analyzer.learn(seen)
    if grow:  # a term's first sight is that of the first token giving it
        for tok in seen:
            term = memo[tok]
            if term and term not in vocab:
                vocab[term] = len(vocab)
    get = vocab.get
    code = {tok: get(memo[tok], -1) for tok in seen}  # "" (dropped) is never a term
    ids = np.fromiter(map(code.__getitem__, flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.arange(len(toks), dtype=np.int64), [len(t) for t in toks])
    keep = ids >= 0
    width = max(1, len(vocab))
    keys, counts = np.unique(rows[keep] * width + ids[keep], return_counts=True)
    n_rows = len(toks)
    itype = np.int64 if len(keys) > np.iinfo(np.int32).max else np.int32
    indptr = np.zeros(n_rows + 1, dtype=itype)
    np.cumsum(np.bincount(keys // width, minlength=n_rows), out=indptr[1:])
    out = sparse.csr_matrix(
        (counts.astype(np.float32), (keys % width).astype(itype), indptr),
        shape=(n_rows, len(vocab)),
    )
    out.sort_indices()
    return out


def _normalize_rows(m: sparse.csr_matrix) -> None:
    """Divide each row by its L2 norm in place; the squares (float32) are summed in double
    precision one entry after another, as scikit-learn's ``normalize`` does."""
    data = m.data
    lengths = np.diff(m.indptr)
    if not len(data):
        return
    width = int(lengths.max())
    rows = len(lengths)
    # each row's squares laid out left-aligned in a (rows, width) table, zeros after them
    starts = np.repeat(m.indptr[:-1], lengths)
    col = np.arange(len(data)) - starts
    row = np.repeat(np.arange(rows), lengths)
    table = np.zeros((rows, width), dtype=np.float64)
    table[row, col] = data * data
    # summed in order along each row (``cumsum`` accumulates one entry after another, like
    # the sequential loop; the zeros after a row's entries change nothing)
    total = np.cumsum(table, axis=1)[:, -1]
    norm = np.sqrt(total)
    norm[total == 0.0] = 1.0
    m.data = (data / np.repeat(norm, lengths)).astype(np.float32)
