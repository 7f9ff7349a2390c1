"""Cross-source alignment: which articles report the information of each sentence.

Sentences of different (independent) articles whose TF-IDF cosine reaches a threshold are
linked; a sentence's *support* is the set of articles that contain such a link, plus its own.
Linked sentences form *information units* (connected components), each knowing its articles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from newsweave.options import ALIGN_THRESHOLD
from newsweave.text.spelling import fold_token
from newsweave.text.stopwords import stop_words
from newsweave.text.tokens import tokenizer
from newsweave.types import Sentence

# Cap on sentences that take part in the pairwise step; beyond it, later sentences of long
# articles are left out of alignment (they are still cited by their own article).
MAX_ALIGNED = 3000
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
    out = []
    for t in _TERMS(text):
        if t not in STOP_WORDS:
            f = memo.get(t)
            if f is None:
                f = memo[t] = fold(t)
            out.append(f)
    return out


@dataclass(slots=True)
class InfoUnit:
    """A piece of information reported by one or more articles."""

    sentences: list[int]  # indexes into Alignment.sentences
    articles: frozenset[str]
    independent: int  # number of distinct original sources among ``articles``


@dataclass(slots=True)
class Alignment:
    sentences: list[Sentence]
    vectors: sparse.csr_matrix  # L2-normalized TF-IDF rows, one per sentence
    similarity: np.ndarray  # dense cosine matrix between sentences (float32)
    support: list[frozenset[str]]  # articles reporting each sentence (own article included)
    independent: list[int]  # distinct original sources in ``support``
    units: list[InfoUnit]
    unit_of: list[int]  # unit index of each sentence
    vectorizer: TfidfVectorizer | None

    def citations(
        self, i: int, order: Mapping[str, int]
    ) -> tuple[tuple[str, ...], tuple[Sentence, ...]]:
        """Articles reporting sentence ``i`` (its own first, then input order) and, for each,
        the sentence there that reports it (the best match)."""
        own = self.sentences[i].article
        rest = sorted((a for a in self.support[i] if a != own), key=lambda a: order.get(a, 0))
        evidence = [self.sentences[i]]
        for art in rest:
            cols = [j for j, s in enumerate(self.sentences) if s.article == art]
            j = cols[int(np.argmax(self.similarity[i, cols]))]
            evidence.append(self.sentences[j])
        return (own, *rest), tuple(evidence)


def tfidf(texts: Sequence[str]) -> tuple[sparse.csr_matrix, TfidfVectorizer | None]:
    """L2-normalized TF-IDF rows; an all-stop-word or empty input gives zero rows."""
    memo: dict[str, str] = {}
    vec = TfidfVectorizer(analyzer=partial(analyzer, memo=memo), sublinear_tf=True,
                          dtype=np.float32)
    try:
        return vec.fit_transform(texts).tocsr(), vec
    except ValueError:  # empty vocabulary
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32), None


def align(
    sentences: Sequence[Sentence],
    groups: Mapping[str, str],
    threshold: float = ALIGN_THRESHOLD,
) -> Alignment:
    """Link sentences of different articles that report the same information.

    Two sentences are linked when their TF-IDF cosine reaches ``threshold``, they share at
    least ``MIN_SHARED_TERMS`` content terms and both have ``MIN_LINK_WORDS`` words or more.

    ``groups`` maps each article id to the original it counts as (see ``source_groups``):
    a syndicated copy supports what it copies but is not an independent confirmation.
    """
    sents = list(sentences[:MAX_ALIGNED])
    n = len(sents)
    if n == 0:
        empty = sparse.csr_matrix((0, 1), dtype=np.float32)
        return Alignment([], empty, np.zeros((0, 0), np.float32), [], [], [], [], None)
    vectors, vectorizer = tfidf([s.text for s in sents])
    sim = (vectors @ vectors.T).toarray().astype(np.float32, copy=False)
    # dtype=object: numpy unicode arrays silently drop trailing NUL characters of ids.
    arts = np.array([s.article for s in sents], dtype=object)
    same_article = arts[:, None] == arts[None, :]
    present = (vectors > 0).astype(np.float32)
    shared = (present @ present.T).toarray()
    long_enough = np.array([s.words >= MIN_LINK_WORDS for s in sents])
    linked = (
        (sim >= threshold)
        & (shared >= MIN_SHARED_TERMS)
        & ~same_article
        & long_enough[:, None]
        & long_enough[None, :]
    )

    support: list[frozenset[str]] = []
    independent: list[int] = []
    for i in range(n):
        cols = np.flatnonzero(linked[i])
        sup = frozenset({sents[i].article, *arts[cols].tolist()})
        support.append(sup)
        independent.append(len({groups.get(a, a) for a in sup}))

    unit_of = _components(linked)
    members: dict[int, list[int]] = {}
    for i, u in enumerate(unit_of):
        members.setdefault(u, []).append(i)
    units = []
    remap: dict[int, int] = {}
    for u, idx in sorted(members.items(), key=lambda kv: kv[1][0]):
        remap[u] = len(units)
        arts_u = frozenset(sents[i].article for i in idx)
        units.append(InfoUnit(idx, arts_u, len({groups.get(a, a) for a in arts_u})))
    unit_list = [remap[u] for u in unit_of]
    return Alignment(sents, vectors, sim, support, independent, units, unit_list, vectorizer)


def _components(linked: np.ndarray) -> list[int]:
    n = linked.shape[0]
    if n == 0:
        return []
    from scipy.sparse.csgraph import connected_components

    _, labels = connected_components(sparse.csr_matrix(linked), directed=False)
    return labels.tolist()
