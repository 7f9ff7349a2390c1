"""Per-sentence features for scoring. Scoring, selection and ordering are separate steps."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsweave.align.support import Alignment
from newsweave.summarize.lexical import CAPTION_END, LEXICAL_FEATURES, lexical_features
from newsweave.text.boilerplate import is_boilerplate
from newsweave.text.prefilter import Prefiltered

# A brief should not open on a sentence that leans on one before it.
DEPENDENT_START = re.compile(
    r"^(?:[\"“‘']\s*)?(?:he|she|they|it|this|that|these|those|his|her|their|its|but|and|or|so|"
    r"also|however|still|yet|then|meanwhile|instead|moreover|furthermore|besides|thus|"
    r"there|here|such|both|another|other|others|which|who|whose)\b",
    re.I,
)
# The lookaheads name the first character of every branch: one set test per position
# instead of each branch in turn (same matches, about twice as fast).
_URLISH = re.compile(r"(?=[hw@.cs])(?:https?://|www\.|@\w|\.com\b|\bclick\b|\bsubscribe\b)",
                     re.I)
# Error pages and web-archive notices that scrapes keep as long paragraphs (too long for the
# line filter in ingest/clean.py): never brief material.
_SCRAPE_JUNK = re.compile(
    r"(?=[tcdry])(?:these crawls are part of an effort|crawls of supported|"
    r"the internet archive hopes|"
    r"that way, as the pages that are referenced|the ip address (?:for this domain )?"
    r"(?:may have|has) changed(?: recently)?\.?\s*$|check your dns settings|"
    r"dns changes to propagate|"
    r"clearing your dns cache|restore access to this site|"
    r"you can add location information to your tweets|the option to delete your tweet)",
    re.I,
)
# the same searches, skipping texts without any of the patterns' literal strings
_URLISH_FAST, _SCRAPE_JUNK_FAST = Prefiltered(_URLISH), Prefiltered(_SCRAPE_JUNK)
_SHORT_REPLY = 12  # words; a sentence this short right after a question answers it
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞΑ-ΩА-Я]")
_TWO_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞΑ-ΩА-Я]{2}")

BASE_FEATURES: tuple[str, ...] = (
    "centroid",
    "position",
    "first",
    "relpos",
    "support",
    "soft_support",
    "length",
    "dependent",
    "quote",
    "question",
)
FEATURES: tuple[str, ...] = BASE_FEATURES + LEXICAL_FEATURES


@dataclass(slots=True)
class FeatureTable:
    names: tuple[str, ...]
    values: np.ndarray  # (n_sentences, n_features) float32
    eligible: np.ndarray  # bool, sentences that may enter a brief

    def column(self, name: str) -> np.ndarray:
        return self.values[:, self.names.index(name)]


def eligible_mask(
    al: Alignment, min_words: int, max_words: int, titles: Mapping[str, str] | None = None
) -> np.ndarray:
    """Sentences that may enter a brief: sensible length, not fragments, links, captions,
    error-page or web-archive notices, known site furniture (:mod:`newsweave.text.boilerplate`),
    shouting, questions in the writer's voice, or a short reply to the question before it
    ("The answer appears to be yes."), where an article's first sentence follows its title."""
    titles = titles or {}
    sents = al.sentences
    out = np.zeros(len(sents), dtype=bool)
    for i, s in enumerate(sents):
        t = s.text
        w = s.words
        if not min_words <= w <= max_words:
            continue
        if t.endswith((":", ",", ";")) or t[:1].islower() or _URLISH_FAST.search(t):
            continue
        if CAPTION_END.search(t) or _SCRAPE_JUNK_FAST.search(t) or is_boilerplate(t):
            continue  # (site furniture: "You can unsubscribe at any time.")
        # A question in the writer's own voice ("How weak has ISIS become?") asks the reader
        # instead of telling; a quoted one is someone's words and may enter.
        if t.rstrip("\"'”’) ").endswith("?") and t[:1] not in "\"“‘'":
            continue
        if w <= _SHORT_REPLY:
            if s.index == 0:
                before = titles.get(s.article, "")
            else:
                before = sents[i - 1].text if i and sents[i - 1].article == s.article else ""
            if before.rstrip("\"'”’) ").endswith("?"):
                continue
        # Shouting (mostly capitals): only possible with two capitals in a row somewhere.
        if _TWO_UPPER.search(t) or not _LETTER.search(t):
            letters = len(_LETTER.findall(t))
            if not letters or len(_UPPER.findall(t)) > 0.6 * letters:
                continue
        out[i] = True
    return out


def compute_features(
    al: Alignment,
    groups: Mapping[str, str],
    article_lengths: Mapping[str, int],
    min_words: int = 6,
    max_words: int = 60,
    titles: Mapping[str, str] | None = None,
) -> FeatureTable:
    """Feature matrix for every aligned sentence (see ``FEATURES``); ``titles`` (article id ->
    title) only informs which sentences may enter a brief."""
    sents = al.sentences
    n = len(sents)
    vals = np.zeros((n, len(BASE_FEATURES)), dtype=np.float32)
    if n == 0:
        empty = np.zeros((0, len(FEATURES)), dtype=np.float32)
        return FeatureTable(FEATURES, empty, np.zeros(0, dtype=bool))
    originals = sorted({groups.get(s.article, s.article) for s in sents})
    n_sources = len(originals)
    art_index = {a: k for k, a in enumerate(originals)}
    orig_of = np.array([art_index[groups.get(s.article, s.article)] for s in sents])

    # Centroid: mean of per-source mean vectors, so long articles do not dominate.
    X = al.vectors
    centroid = np.zeros(X.shape[1], dtype=np.float64)
    per_source = np.bincount(orig_of, minlength=n_sources)
    # one product for every source's mean: row k weighs each of its sentences 1/size (as
    # float32, the scaling sparse ``mean`` does), summed in the same order, to the bit
    weights = sparse.csr_matrix(
        ((1.0 / per_source[orig_of]).astype(np.float32), (orig_of, np.arange(n))),
        shape=(n_sources, n),
    )
    means = (weights @ X).toarray()
    for k in range(n_sources):
        centroid += means[k]
    norm = np.linalg.norm(centroid)
    cen = (X @ (centroid / norm)) if norm > 0 else np.zeros(n)
    vals[:, 0] = np.asarray(cen).ravel()

    # Soft support: mean over the other sources of the best match in that source.
    if n_sources > 1:
        vals[:, 5] = _best_per_source(al, orig_of, n_sources).sum(axis=1) / (n_sources - 1)
        vals[:, 4] = (np.array(al.independent, dtype=np.float32) - 1) / (n_sources - 1)

    eligible = eligible_mask(al, min_words, max_words, titles)
    # Only sentences that may enter a brief need their own features (all count as context);
    # when none may, every sentence is scored (the pipeline then falls back to all of them).
    rows = np.flatnonzero(eligible) if eligible.any() else np.arange(n)
    # Position among the article's prose (eligible) sentences: a kicker ("Surprise!"), a
    # headline or a photo caption before the lede does not push the lede down.
    seen: dict[str, int] = {}
    own: list[tuple[float, ...]] = []  # columns 1, 2, 3, 6, 7, 8, 9 of each row, set at once
    for i in rows.tolist():
        s = sents[i]
        pos = seen.get(s.article, 0)
        seen[s.article] = pos + 1
        length = max(1, article_lengths.get(s.article, 1))
        text = s.text
        quoted = text.count('"') + text.count("“") + text.count("”")
        own.append((1.0 / (1.0 + pos), 1.0 if pos == 0 else 0.0, 1.0 - min(1.0, pos / length),
                    min(s.words, 40) / 40.0, 1.0 if DEPENDENT_START.match(text) else 0.0,
                    1.0 if quoted >= 2 else 0.0,
                    1.0 if text.rstrip("\"'”’) ").endswith("?") else 0.0))
    if own:
        vals[np.ix_(rows, [1, 2, 3, 6, 7, 8, 9])] = np.array(own, dtype=np.float64)
    lex = lexical_features(sents, orig_of.tolist(), n_sources, al.similarity, rows)
    return FeatureTable(FEATURES, np.hstack([vals, lex]), eligible)


def _best_per_source(al: Alignment, orig_of: np.ndarray, n_sources: int) -> np.ndarray:
    """(n, n_sources) float32: each sentence's best cosine in each source, 0 in its own."""
    n = len(orig_of)
    if al.similarity.dense:  # the sources' columns side by side, one maximum per run
        order = np.argsort(orig_of, kind="stable")
        starts = np.searchsorted(orig_of[order], np.arange(n_sources))
        best = np.ascontiguousarray(
            np.maximum.reduceat(al.similarity.toarray()[:, order], starts, axis=1))
    else:
        best = np.zeros((n, n_sources), dtype=np.float32)
        for k in range(n_sources):
            best[:, k] = al.similarity[:, np.flatnonzero(orig_of == k)].max(axis=1)
    best[np.arange(n), orig_of] = 0.0
    return best


def sentence_counts(sentences: Sequence) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in sentences:
        counts[s.article] = counts.get(s.article, 0) + 1
    return counts
