"""newsweave.text.tfidf computes scikit-learn's TF-IDF bit for bit, and the brief path no
longer imports scikit-learn."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from newsweave.align.support import _TERMS, _terms, analyzer
from newsweave.text.spelling import fold_token, fold_tokens
from newsweave.text.stopwords import ENGLISH
from newsweave.text.tfidf import EmptyVocabulary, Terms, Tfidf

ROOT = Path(__file__).resolve().parents[1]


def sklearn_tfidf(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=partial(analyzer, memo={}), sublinear_tf=True,
                          dtype=np.float32)
    return vec, vec.fit_transform(texts).tocsr()


def same_bits(a, b) -> bool:
    return (a.shape == b.shape and a.data.dtype == b.data.dtype == np.float32
            and np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)
            and np.array_equal(a.data.view(np.uint32), b.data.view(np.uint32)))


def check(texts: list[str]) -> None:
    vec, want = sklearn_tfidf(texts)
    mine = Tfidf(partial(analyzer, memo={}))
    got = mine.fit_transform(texts)
    assert same_bits(want, got)
    assert mine.vocabulary_ == vec.vocabulary_
    assert np.array_equal(mine.idf_, vec.idf_)
    probe = [*texts[:3], "An unseen sentence about the cabinet and its budget.", ""]
    assert same_bits(vec.transform(probe).tocsr(), mine.transform(probe))
    # the brief path's batched analyzer (align.support.tfidf) gives the same bits
    batched = Tfidf(Terms(_TERMS, _terms))
    assert same_bits(want, batched.fit_transform(texts))
    assert batched.vocabulary_ == vec.vocabulary_
    assert same_bits(vec.transform(probe).tocsr(), batched.transform(probe))


def test_fold_tokens_is_fold_token_of_each() -> None:
    words = ["muqawama", "mukawama", "hisbah", "hisba", "allah", "aah", "bahah", "ahah",
             "coffee", "queue", "youth", "ouou", "qq", "zzzah", "wellah", "a", "ah",
             "naïve", "straße", "ΣΟΦΟΣ".lower(), "لل", "22", "1000", "x_y__z"]
    assert fold_tokens(words) == [fold_token(w) for w in words]
    assert fold_tokens([]) == []


def test_same_bits_as_scikit_learn_on_small_texts() -> None:
    check(["The muqawama grew fast, officials said on Monday.",
           "The mukawama grew; it grew and grew, and grew again in Mosul.",
           "", "and the of",  # empty and all-stop-word rows
           "Iraqi forces retook the eastern bank of Mosul after a long battle. " * 3,
           "Forces retook eastern Mosul, Iraqi officials said, after a battle of months."])


def test_same_bits_as_scikit_learn_on_dev_clusters(dev50: Path) -> None:
    from newsweave.ingest.clusters import cluster_articles
    from newsweave.text import split_sentences

    lines = dev50.read_text(encoding="utf-8").splitlines()
    for line in lines[:12]:
        rec = json.loads(line)
        texts = [s.text for a in cluster_articles(rec, rec["id"]) for s in split_sentences(a)]
        check(texts)


def test_empty_vocabulary_is_its_own_error() -> None:
    with pytest.raises(EmptyVocabulary):
        Tfidf(partial(analyzer, memo={})).fit_transform(["the and of", ""])


def test_english_stop_words_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert ENGLISH == frozenset(ENGLISH_STOP_WORDS)


def test_brief_path_does_not_import_scikit_learn() -> None:
    code = ("import sys; from newsweave.pipeline import make_brief; "
            f"b = make_brief({str(ROOT / 'examples' / 'mosul')!r}); "
            "assert b.summary; print(sorted(m for m in sys.modules if m.startswith('sklearn')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
