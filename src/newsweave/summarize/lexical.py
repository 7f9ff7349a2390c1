"""Cross-source lexical features: how much of a sentence's wording other outlets share.

Alignment says whether another article reports the *same sentence*; these features look at
smaller units (content words, word pairs), which catch facts that outlets phrase differently.
Tokens are lower-cased runs of letters and digits; English stop words do not count as content.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain

import numpy as np

from newsweave.text.stopwords import stop_words
from newsweave.text.tokens import tokenizer
from newsweave.text.vocabulary import MONTH_ABBREVIATIONS
from newsweave.types import Sentence

_TOKENS = tokenizer("alnum")
_STOP = stop_words("english")
_MON = "|".join(sorted({*MONTH_ABBREVIATIONS, "may"}))
# Photo captions: a date at the very end plus a caption verb or credit ("..., Aug. 24, 2016.").
_CAPTION_DATE = re.compile(
    rf"(?:\b(?:{_MON})[a-z]*\.?\s+\d{{1,2}},?\s+"
    r"\d{4}|\b\d{4})\s*\.?\s*\)?$",
    re.I,
)
_CAPTION_WORDS = re.compile(
    r"\b(?:photo|photograph|file|pictured|poses|listens|speaks|talks|looks on|gestures|waves|"
    r"arrives|attends|left|right|center|walks|stands|holds|sits|reacts|carries|rescued|"
    r"is seen|are seen|gather|gathers|marches|mourns|mourn)\b|\(AP|\(Reuters|Getty",
    re.I,
)
# "..., in Accumoli, central Italy, Wednesday, Aug. 24, 2016." News prose does not end on a
# comma, a weekday and a full date; photo captions do. Such sentences may not enter a brief.
# The comma is required: "Voters go to the polls on Tuesday, Nov. 8, 2016." is prose.
CAPTION_END = re.compile(
    r",\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+[a-z]{3,9}\.?\s+\d{1,2},\s+\d{4}"
    r"(?:,\s+in\s+[A-Z][\w.' -]{1,40})?\.?[\"'”’)]*$",
    re.I,
)
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
_DIGIT = re.compile(r"\d")

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


def _digit_end(text: str) -> bool:
    """A digit last once trailing spaces, "." and ")" are off: needed for a
    ``_CAPTION_DATE`` match (its tail is ``\\s*\\.?\\s*\\)?$``), and much cheaper to test."""
    while True:
        bare = text.rstrip().rstrip(".)")
        if bare == text:
            return text[-1:].isdecimal()
        text = bare


def tokens(text: str) -> list[str]:
    return _TOKENS(text)


def lexical_features(
    sentences: Sequence[Sentence],
    source_of: Sequence[int],
    n_sources: int,
    similarity: np.ndarray,
    rows: Sequence[int] | np.ndarray | None = None,
) -> np.ndarray:
    """Matrix (n_sentences, len(LEXICAL_FEATURES)); ``source_of`` gives each sentence's
    original source (0..n_sources-1), so syndicated copies do not count as other outlets.

    Every sentence is context for the counts; only ``rows`` (default: all) get values.
    """
    n = len(sentences)
    vals = np.zeros((n, len(LEXICAL_FEATURES)), dtype=np.float32)
    if n == 0:
        return vals
    toks = [tokens(s.text) for s in sentences]
    contents = [[w for w in t if w not in _STOP] for t in toks]
    pairs_of = [list(zip(t, t[1:], strict=False)) for t in toks]
    freq: Counter[str] = Counter(chain.from_iterable(contents))
    # Per source, the set of its words and pairs; then in how many *other* sources each occurs.
    src_words: list[set[str]] = [set() for _ in range(max(1, n_sources))]
    src_pairs: list[set[tuple[str, str]]] = [set() for _ in range(max(1, n_sources))]
    for c, ps, src in zip(contents, pairs_of, source_of, strict=True):
        src_words[src].update(c)
        src_pairs[src].update(ps)
    word_others: Counter[str] = Counter()
    pair_others: Counter[tuple[str, str]] = Counter()
    for ws_, ps_ in zip(src_words, src_pairs, strict=True):
        word_others.update(ws_)
        pair_others.update(ps_)
    # every word and pair looked up below is a key: plain dicts of the counts less one
    word_left = {k: v - 1 for k, v in word_others.items()}
    pair_left = {k: v - 1 for k, v in pair_others.items()}
    total = max(1, sum(freq.values()))
    art_words: Counter[str] = Counter()
    for s in sentences:
        art_words[s.article] += s.words
    all_words = max(1, sum(art_words.values()))
    arts = np.array([s.article for s in sentences], dtype=object)  # exact ids (NULs)
    lead_rows = np.flatnonzero([s.index <= 1 for s in sentences])
    # Best cosine of each sentence to the first two sentences of any *other* article.
    to_leads = similarity[:, lead_rows].astype(np.float32, copy=True)
    to_leads[arts[:, None] == arts[lead_rows][None, :]] = -1.0
    lead_sim = to_leads.max(axis=1) if len(lead_rows) else np.zeros(n, np.float32)
    lead_sim = np.maximum(lead_sim, 0.0)
    others = max(1, n_sources - 1)
    out: list[list[float]] = []
    row_ids = range(n) if rows is None else [int(i) for i in rows]
    for i in row_ids:
        s = sentences[i]
        content = contents[i]
        pairs = pairs_of[i]
        ws = ps = pn = wf = 0.0
        if content:
            wf = 100.0 * sum(map(freq.__getitem__, content)) / (total * len(content))
            if n_sources > 1:
                ws = sum(map(word_left.__getitem__, content)) / (others * len(content))
        if pairs and n_sources > 1:
            counts = list(map(pair_left.__getitem__, pairs))
            ps = (len(counts) - counts.count(0)) / len(pairs)
            pn = sum(counts) / (others * len(pairs))
        text = s.text.rstrip()
        ellipsis = text.endswith(("...", "…"))
        words = text.split()
        length = min(len(words), 80) / 40.0  # ``s.words``: rstrip changes no split
        out.append(
            [
                ws,
                ps,
                pn,
                wf,
                length,
                length * length,
                min(s.index, 40) / 40.0,
                min(s.paragraph, 40) / 40.0,
                1.0 if _ENDS_SENTENCE.search(text) and not ellipsis else 0.0,
                1.0 if ellipsis else 0.0,
                1.0 if _digit_end(text) and _CAPTION_DATE.search(text)
                and _CAPTION_WORDS.search(text) else 0.0,
                art_words[s.article] / all_words,
                1.0 if _DIGIT.search(text) else 0.0,
                sum([w[:1].isupper() for w in words[1:]]) / max(1, len(words) - 1),
                float(lead_sim[i]),
                1.0 if text[:1] in "\"“" else 0.0,
            ]
        )
    if out:
        vals[list(row_ids)] = np.array(out, dtype=np.float32)
    return vals


