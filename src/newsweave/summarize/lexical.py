"""Cross-source lexical features: how much of a sentence's wording other outlets share.

Alignment says whether another article reports the *same sentence*; these features look at
smaller units (content words, word pairs), which catch facts that outlets phrase differently.
Tokens are lower-cased runs of letters and digits; English stop words do not count as content.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsweave.types import Sentence

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(ENGLISH_STOP_WORDS)
# Photo captions: a date at the very end plus a caption verb or credit ("..., Aug. 24, 2016.").
_CAPTION_DATE = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+"
    r"\d{4}|\b\d{4})\s*\.?\s*\)?$",
    re.I,
)
_CAPTION_WORDS = re.compile(
    r"\b(?:photo|photograph|file|pictured|poses|listens|speaks|talks|looks on|gestures|waves|"
    r"arrives|attends|left|right|center)\b|\(AP|\(Reuters|Getty",
    re.I,
)
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")

LEXICAL_FEATURES: tuple[str, ...] = (
    "word_sources",  # mean share of other sources using each content word
    "pair_shared",  # share of word pairs that occur in another source
    "pair_sources",  # mean share of other sources using each word pair
    "word_freq",  # mean cluster frequency of the content words (SumBasic-style)
    "words",  # length in words / 40 (capped at 80 words)
    "words_sq",
    "index",  # position in the article, capped at 40, / 40
    "paragraph",
    "ends_sentence",  # ends on sentence punctuation (not "...")
    "ellipsis",
    "caption",
    "article_share",  # the article's share of the cluster's words
    "digits",
    "capitals",  # share of capitalised words after the first (names)
    "lead_similarity",  # best cosine to the first two sentences of another article
    "opens_quote",
)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def lexical_features(
    sentences: Sequence[Sentence],
    source_of: Sequence[int],
    n_sources: int,
    similarity: np.ndarray,
) -> np.ndarray:
    """Matrix (n_sentences, len(LEXICAL_FEATURES)); ``source_of`` gives each sentence's
    original source (0..n_sources-1), so syndicated copies do not count as other outlets."""
    n = len(sentences)
    vals = np.zeros((n, len(LEXICAL_FEATURES)), dtype=np.float32)
    if n == 0:
        return vals
    toks = [tokens(s.text) for s in sentences]
    content = [[w for w in t if w not in _STOP] for t in toks]
    word_src: dict[str, set[int]] = {}
    pair_src: dict[tuple[str, str], set[int]] = {}
    freq: Counter[str] = Counter()
    for i, (t, c) in enumerate(zip(toks, content, strict=True)):
        src = source_of[i]
        for w in c:
            word_src.setdefault(w, set()).add(src)
        freq.update(c)
        for p in zip(t, t[1:], strict=False):
            pair_src.setdefault(p, set()).add(src)
    total = max(1, sum(freq.values()))
    art_words: Counter[str] = Counter()
    for s in sentences:
        art_words[s.article] += s.words
    all_words = max(1, sum(art_words.values()))
    arts = np.array([s.article for s in sentences])
    lead = np.array([s.index <= 1 for s in sentences])
    others = max(1, n_sources - 1)
    for i, s in enumerate(sentences):
        c = content[i]
        pairs = list(zip(toks[i], toks[i][1:], strict=False))
        if n_sources > 1 and c:
            vals[i, 0] = sum(len(word_src[w]) - 1 for w in c) / (others * len(c))
        if n_sources > 1 and pairs:
            vals[i, 1] = sum(len(pair_src[p]) > 1 for p in pairs) / len(pairs)
            vals[i, 2] = sum(len(pair_src[p]) - 1 for p in pairs) / (others * len(pairs))
        if c:
            vals[i, 3] = 100.0 * sum(freq[w] for w in c) / (total * len(c))
        vals[i, 4] = min(s.words, 80) / 40.0
        vals[i, 5] = vals[i, 4] ** 2
        vals[i, 6] = min(s.index, 40) / 40.0
        vals[i, 7] = min(s.paragraph, 40) / 40.0
        text = s.text.rstrip()
        ellipsis = text.endswith(("...", "…"))
        vals[i, 8] = 1.0 if _ENDS_SENTENCE.search(text) and not ellipsis else 0.0
        vals[i, 9] = 1.0 if ellipsis else 0.0
        vals[i, 10] = 1.0 if _CAPTION_DATE.search(text) and _CAPTION_WORDS.search(text) else 0.0
        vals[i, 11] = art_words[s.article] / all_words
        vals[i, 12] = 1.0 if any(ch.isdigit() for ch in text) else 0.0
        words = text.split()
        vals[i, 13] = sum(w[:1].isupper() for w in words[1:]) / max(1, len(words) - 1)
        other = lead & (arts != s.article)
        vals[i, 14] = float(similarity[i, other].max()) if other.any() else 0.0
        vals[i, 15] = 1.0 if text[:1] in "\"“" else 0.0
    return vals


def source_index(sentences: Sequence[Sentence], groups: Mapping[str, str]) -> list[int]:
    originals = sorted({groups.get(s.article, s.article) for s in sentences})
    index = {a: k for k, a in enumerate(originals)}
    return [index[groups.get(s.article, s.article)] for s in sentences]
