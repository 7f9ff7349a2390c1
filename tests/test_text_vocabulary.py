"""One text vocabulary: tokenizers, stop words, shingles, spelling keys, word lists."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsweave.text.shingles import containment, shingle_sample, shingles
from newsweave.text.spelling import fold_token, spelling_key
from newsweave.text.stopwords import stop_words
from newsweave.text.tokens import TOKENIZERS, tokenize
from newsweave.text.vocabulary import (
    ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_NUMBER,
    TITLE_ABBREVIATIONS,
    month_pattern,
)

TEXT = "Col. John Dorrian said 3,000 fighters left Mosul's old city on Sept. 4."


def test_each_variant_is_named_and_does_what_it_says() -> None:
    assert tokenize(TEXT, "word")[:4] == ["col", "john", "dorrian", "said"]
    assert "3" in tokenize(TEXT, "alnum") and "3" not in tokenize(TEXT, "term")
    assert "Mosul's" in tokenize(TEXT, "story")  # case and possessive kept for names
    assert all(len(w) >= 4 for w in tokenize(TEXT, "long"))
    assert "John" not in tokenize(TEXT, "prose") and "fighters" in tokenize(TEXT, "prose")
    with pytest.raises(KeyError, match="tokenizer must be one of"):
        tokenize(TEXT, "nope")
    assert all(t.purpose for t in TOKENIZERS.values())


def test_stop_word_lists_extend_one_english_list() -> None:
    english = stop_words("english")
    assert english < stop_words("align") and english < stop_words("story")
    assert "said" in stop_words("align") and "yesterday" in stop_words("story")
    with pytest.raises(KeyError):
        stop_words("french")


def test_shingles_are_the_same_in_every_process() -> None:
    """crc32, not Python's salted hash: another interpreter gives the same numbers."""
    here = sorted(shingles(TEXT))
    code = ("import sys; from newsweave.text.shingles import shingles; "
            f"print(sorted(shingles({TEXT!r})))")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        assert out.strip() == str(here)
    assert set(shingle_sample(TEXT)) <= shingles(TEXT)
    assert containment(shingles(TEXT), shingles(TEXT + " More words follow here today.")) == 1.0
    assert shingles("") == set() and len(shingles("two words")) == 1


def test_spelling_keys_light_and_strong() -> None:
    assert fold_token("muqawama") == fold_token("mukawama") == "mukawama"
    assert fold_token("hisbah") == "hisba" and fold_token("con") != fold_token("kun")
    assert spelling_key("Jubouri") == spelling_key("Jubbouri")
    assert spelling_key("Moqawamma") == spelling_key("muqawama")


def test_word_lists_agree() -> None:
    assert MONTH_NUMBER["sept"] == MONTH_NUMBER["september"] == 9
    assert MONTH_NAMES[4] == "May" and len(MONTH_NAMES) == 12
    assert {t.lower() for t in TITLE_ABBREVIATIONS} <= ABBREVIATIONS
    assert {"jan", "tues", "u.s"} <= ABBREVIATIONS
    import re

    mon = re.compile(rf"\b(?:{month_pattern()})")
    assert mon.match("Sept. 4") and mon.match("June 2014") and not mon.match("Junk")
