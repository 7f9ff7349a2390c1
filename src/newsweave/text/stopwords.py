"""Stop words, one home: scikit-learn's English list plus the news words each use adds.

Callers name the list they need (:func:`stop_words`). The English list is scikit-learn's
``ENGLISH_STOP_WORDS`` (318 words, from the Glasgow Information Retrieval Group), written out
here so that the brief path does not import scikit-learn for it; ``tests/test_tfidf.py``
checks that it is still the same set.

Example::

    >>> "said" in stop_words("align") and "said" not in stop_words("english")
    True
"""

from __future__ import annotations

ENGLISH = frozenset("""
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst amoungst amount an and another any anyhow anyone
    anything anyway anywhere are around as at back be became because become becomes becoming
    been before beforehand behind being below beside besides between beyond bill both bottom
    but by call can cannot cant co con could couldnt cry de describe detail do done down due
    during each eg eight either eleven else elsewhere empty enough etc even ever every
    everyone everything everywhere except few fifteen fifty fill find fire first five for
    former formerly forty found four from front full further get give go had has hasnt have
    he hence her here hereafter hereby herein hereupon hers herself him himself his how
    however hundred i ie if in inc indeed interest into is it its itself keep last latter
    latterly least less ltd made many may me meanwhile might mill mine more moreover most
    mostly move much must my myself name namely neither never nevertheless next nine no
    nobody none noone nor not nothing now nowhere of off often on once one only onto or
    other others otherwise our ours ourselves out over own part per perhaps please put
    rather re same see seem seemed seeming seems serious several she should show side since
    sincere six sixty so some somehow someone something sometime sometimes somewhere still
    such system take ten than that the their them themselves then thence there thereafter
    thereby therefore therein thereupon these they thick thin third this those though three
    through throughout thru thus to together too top toward towards twelve twenty two un
    under until up upon us very via was we well were what whatever when whence whenever
    where whereafter whereas whereby wherein whereupon wherever whether which while whither
    who whoever whole whom whose why will with within without would yet you your yours
    yourself yourselves
""".split())
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
