"""Options as frozen dataclasses, validated on construction; errors name the field."""

from __future__ import annotations

import numbers
from dataclasses import dataclass

from newsweave.errors import OptionsError
from newsweave.registry import DEFAULT_SCORER, SCORERS

# Defaults shared by the options and the stage functions that take them as arguments.
ALIGN_THRESHOLD = 0.28  # TF-IDF cosine (plus shared terms) for "same information"
REDUNDANCY = 0.55  # cosine above which a candidate repeats a chosen sentence
DUPLICATE_THRESHOLD = 0.8  # shingle containment at which an article is a copy
WORDS_RANGE = (10, 100_000)  # the word budget a brief may be given


def _check_range(name: str, value: float, lo: float, hi: float) -> None:
    """``value`` a number in [lo, hi]: a whole number where both bounds are (a count)."""
    whole = isinstance(lo, int) and isinstance(hi, int)
    kind = numbers.Integral if whole else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        raise OptionsError(f"{name} must be {'a whole number' if whole else 'a number'}, got "
                           f"{value!r}", field=name)
    if not lo <= value <= hi:
        raise OptionsError(f"{name} must be in [{lo}, {hi}], got {value!r}", field=name)


@dataclass(frozen=True, slots=True)
class Limits:
    """Guards against hostile or broken input. Documented in README ("Limits")."""

    max_bytes: int = 10_000_000  # read per input file or stdin; the rest is cut + flagged
    max_sentence_chars: int = 1_000  # longer "sentences" are split at clause or word breaks
    # Wall-clock limit for HTML extraction of one document; past it the page is read by a
    # flat fallback (flagged), so a whole brief of one bad page stays under 10 s.
    extract_seconds: float = 5.0
    max_articles: int = 10_000  # per brief
    # Text of one article after decoding/extraction (~30,000 words, several times the longest
    # news feature); longer text is cut at a line or word break and flagged "truncated".
    max_article_chars: int = 200_000
    # Alignment links kept per sentence (its closest sentences in other articles): bounds
    # memory for stories of hundreds of articles that repeat the same sentences. Citations do
    # not depend on it; a brief where it cut links says so in stats["flags"].
    max_links: int = 100

    def __post_init__(self) -> None:
        _check_range("max_bytes", self.max_bytes, 1_000, 1_000_000_000)
        _check_range("max_article_chars", self.max_article_chars, 1_000, 1_000_000_000)
        _check_range("max_sentence_chars", self.max_sentence_chars, 100, 100_000)
        _check_range("extract_seconds", self.extract_seconds, 0.1, 600)
        _check_range("max_articles", self.max_articles, 1, 1_000_000)
        _check_range("max_links", self.max_links, 1, 1_000_000)


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """How a brief is made. ``words=None`` picks the budget from the number of sources."""

    words: int | None = None
    scorer: str = DEFAULT_SCORER
    analyze: bool = True
    align_threshold: float = ALIGN_THRESHOLD
    duplicate_threshold: float = DUPLICATE_THRESHOLD
    redundancy: float = REDUNDANCY
    min_words: int = 6  # shorter sentences are not used in a brief
    max_words: int = 60  # longer ones neither (they are usually run-ons or lists)

    def __post_init__(self) -> None:
        if self.words is not None:
            _check_range("words", self.words, *WORDS_RANGE)
        SCORERS.check(self.scorer)
        if not isinstance(self.analyze, bool):
            raise OptionsError(f"analyze must be True or False, got {self.analyze!r}",
                               field="analyze")
        _check_range("align_threshold", self.align_threshold, 0.0, 1.0)
        _check_range("duplicate_threshold", self.duplicate_threshold, 0.0, 1.0)
        _check_range("redundancy", self.redundancy, 0.0, 1.0)
        _check_range("min_words", self.min_words, 1, 1000)
        _check_range("max_words", self.max_words, self.min_words, 10_000)


# The budget also follows the input's length: x (input words / INPUT_WORDS) ** INPUT_EXPONENT,
# kept within INPUT_FACTOR (picked on 5-fold splits of fold seeds 0-3 from a grid of 48 rules,
# confirmed on seeds 4-7: docs/quality.md, "Sixth round").
INPUT_WORDS = 1000
INPUT_EXPONENT = 0.3
INPUT_FACTOR = (0.7, 1.1)


def adaptive_budget(distinct_sources: int, input_words: int | None = None) -> int:
    """Word budget that grows with the number of distinct sources and, when ``input_words``
    (the words of all the input's sentences) is given, with the input's length.

    Multi-News editors' summaries run about 220-240 words for 2-3 sources and longer for
    more; ROUGE F1 peaks slightly above the reference length (bench/cv.py), hence 250 words
    for up to 3 sources plus 24 per further source, capped at 370. Their length also follows
    the input's (about 180 words for inputs under 600 words, 270 for 2,000-3,000 words, over
    the 200 raw clusters): the budget is multiplied by (input_words / ``INPUT_WORDS``) **
    ``INPUT_EXPONENT``, at least ``INPUT_FACTOR[0]`` and at most ``INPUT_FACTOR[1]`` (x 0.76
    for 400 input words, x 1.1 from about 1,400).
    """
    n = max(1, distinct_sources)
    base = min(370, 250 + max(0, n - 3) * 24)
    if input_words is None:
        return base
    lo, hi = INPUT_FACTOR
    factor = min(hi, max(lo, (max(input_words, 1) / INPUT_WORDS) ** INPUT_EXPONENT))
    return int(base * factor)
