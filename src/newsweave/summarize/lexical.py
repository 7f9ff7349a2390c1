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
    ws, ps, pn, wf = _overlap([tokens(s.text) for s in sentences], source_of, n_sources)
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
    row_ids = np.arange(n) if rows is None else np.asarray(rows, dtype=np.int64).ravel()
    if not len(row_ids):
        return vals
    text_of = [sentences[i] for i in row_ids.tolist()]
    flags = np.array([_text_flags(s.text.rstrip()) for s in text_of], dtype=np.int64)
    n_words, caps = flags[:, 0], flags[:, 1]
    length = np.minimum(n_words, 80) / 40.0  # ``s.words``: rstrip changes no split
    index = np.fromiter((s.index for s in text_of), dtype=np.int64, count=len(text_of))
    para = np.fromiter((s.paragraph for s in text_of), dtype=np.int64, count=len(text_of))
    share = np.fromiter((art_words[s.article] for s in text_of), dtype=np.int64,
                        count=len(text_of)) / all_words
    cols = (ws[row_ids], ps[row_ids], pn[row_ids], wf[row_ids], length, length * length,
            np.minimum(index, 40) / 40.0, np.minimum(para, 40) / 40.0,
            flags[:, 2], flags[:, 3], flags[:, 4], share, flags[:, 5],
            caps / np.maximum(1, n_words - 1), lead_sim[row_ids], flags[:, 6])
    vals[row_ids] = np.column_stack(cols).astype(np.float32)
    return vals


def _text_flags(text: str) -> tuple[int, int, int, int, int, int, int]:
    """Of a right-stripped sentence: words, capitalised words after the first, ends on
    sentence punctuation (not "..."), ellipsis, caption, a digit, opens a quotation."""
    words = text.split()
    ellipsis = text.endswith(("...", "…"))
    return (
        len(words),
        sum(map(str.isupper, [w[0] for w in words[1:]])),
        1 if _ENDS_SENTENCE.search(text) and not ellipsis else 0,
        1 if ellipsis else 0,
        1 if _digit_end(text) and _CAPTION_DATE.search(text) and _CAPTION_WORDS.search(text)
        else 0,
        1 if _DIGIT.search(text) else 0,
        1 if text[:1] in "\"“" else 0,
    )


def _overlap(toks: list[list[str]], source_of: Sequence[int], n_sources: int
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per sentence (its tokens ``toks``): word_sources, pair_shared, pair_sources and
    word_freq (see ``LEXICAL_FEATURES``), counted on arrays of word numbers. Every sum is a
    sum of integers, so each value is the quotient of the same two integers as a count by
    dicts gives, to the bit."""
    n = len(toks)
    zero = np.zeros(n)
    flat = list(chain.from_iterable(toks))
    if not flat:
        return zero, zero, zero, zero
    code = {w: k for k, w in enumerate(dict.fromkeys(flat))}
    n_words = len(code)
    ids = np.fromiter(map(code.__getitem__, flat), dtype=np.int64, count=len(flat))
    row = np.repeat(np.arange(n, dtype=np.int64),
                    np.fromiter(map(len, toks), dtype=np.int64, count=n))
    src = np.asarray(source_of, dtype=np.int64)[row]
    is_stop = np.zeros(n_words, dtype=bool)
    is_stop[[code[w] for w in code.keys() & _STOP]] = True
    content = ~is_stop[ids]
    c_ids, c_row = ids[content], row[content]
    freq = np.bincount(c_ids, minlength=n_words)
    total = max(1, len(c_ids))
    # in how many *other* sources each content word occurs
    word_left = np.bincount(_distinct(src[content] * n_words + c_ids) % n_words,
                            minlength=n_words) - 1
    n_content = np.bincount(c_row, minlength=n)
    wf_sum = np.bincount(c_row, weights=freq[c_ids], minlength=n)
    ws_sum = np.bincount(c_row, weights=word_left[c_ids], minlength=n)
    # word pairs: neighbours within one sentence (stop words included)
    same = row[1:] == row[:-1]
    p_row = row[1:][same]
    p_idx, n_kinds = _numbered(ids[:-1][same] * n_words + ids[1:][same])
    pair_left = np.bincount(_distinct(src[1:][same] * n_kinds + p_idx) % n_kinds,
                            minlength=n_kinds) - 1
    left = pair_left[p_idx]
    n_pairs = np.bincount(p_row, minlength=n)
    pn_sum = np.bincount(p_row, weights=left, minlength=n)
    ps_sum = np.bincount(p_row, weights=left != 0, minlength=n)
    others = max(1, n_sources - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        has_words = n_content > 0
        wf = np.where(has_words, 100.0 * wf_sum / (total * n_content), 0.0)
        multi = n_sources > 1
        ws = np.where(has_words & multi, ws_sum / (others * n_content), 0.0)
        has_pairs = (n_pairs > 0) & multi
        ps = np.where(has_pairs, ps_sum / n_pairs, 0.0)
        pn = np.where(has_pairs, pn_sum / (others * n_pairs), 0.0)
    return ws, ps, pn, wf


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The distinct values of ``keys``, sorted (``np.unique``, by one sort)."""
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


def _numbered(keys: np.ndarray) -> tuple[np.ndarray, int]:
    """Each key's rank among the distinct keys (``np.unique``'s inverse) and their number."""
    if not len(keys):
        return keys, 1
    order = np.argsort(keys, kind="stable")
    ranked = keys[order]
    step = np.r_[0, np.cumsum(ranked[1:] != ranked[:-1])]
    out = np.empty_like(step)
    out[order] = step
    return out, int(step[-1]) + 1
