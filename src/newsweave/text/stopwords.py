"""Stop words, one home: scikit-learn's English list plus the news words each use adds.

Callers name the list they need (:func:`stop_words`); importing this module loads
scikit-learn's list, so stages that only split text do not import it.

Example::

    >>> "said" in stop_words("align") and "said" not in stop_words("english")
    True
"""

from __future__ import annotations

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

ENGLISH = frozenset(ENGLISH_STOP_WORDS)
# Reporting verbs and fillers: they carry no information of their own in news text.
REPORTING = frozenset(
    "said say says told according also just like don didn doesn isn wasn won mr mrs ms "
    "year years percent new".split()
)
# Words news prose uses everywhere: they say nothing about which story an article is in.
NEWS = frozenset(
    "said says say told tell according reported report reports reporting year years new "
    "time times like just also people including week weeks day days month months "
    "today yesterday tuesday wednesday thursday friday saturday sunday monday ago "
    "make made want way going know think really lot got did does don't it's that's "
    "mr mrs ms dr percent news story stories statement added asked called used use "
    "come came went goes later early million billion".split()
)

STOP_WORDS: dict[str, frozenset[str]] = {
    "english": ENGLISH,  # content words of lexical features and of conflict contexts
    "align": ENGLISH | REPORTING,  # TF-IDF terms of alignment
    "story": ENGLISH | NEWS,  # terms of story clustering
}


def stop_words(variant: str) -> frozenset[str]:
    """The stop-word list named ``variant`` (see :data:`STOP_WORDS`)."""
    try:
        return STOP_WORDS[variant]
    except KeyError:
        raise KeyError(f"stop words must be one of {', '.join(STOP_WORDS)}, got {variant!r}"
                       ) from None
