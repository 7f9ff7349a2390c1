"""Readable units: dependent openings bring their antecedent, unbalanced quotes stay out."""

from __future__ import annotations

import numpy as np

from newsweave.summarize.units import (
    build_units,
    choose,
    keep_together,
    quote_marks,
    select_units,
    unbalanced,
)
from newsweave.types import Sentence


def _sents(article: str, texts: list[str]) -> list[Sentence]:
    out, pos = [], 0
    for k, t in enumerate(texts):
        out.append(Sentence(article, k, pos, pos + len(t), t))
        pos += len(t) + 1
    return out


def test_unbalanced_quotes() -> None:
    assert unbalanced('"We will rebuild.')
    assert unbalanced("We will rebuild,” he said.")
    assert not unbalanced('"We will rebuild," he said.')
    assert not unbalanced("“We will,” he said, “rebuild.”")
    assert not unbalanced("No quotation here.")


def test_dependent_opening_brings_its_antecedent_and_quotes_stay_out() -> None:
    sents = _sents("a", [
        "The mayor opened the new bridge over the river on Monday morning.",
        "He said it would cut the commute by twenty minutes for most drivers.",
        "But critics say the cost of the bridge doubled during construction work.",
        '"We were promised a cheaper bridge and a shorter build.',
        'Neither promise was kept," a council member said on Monday evening.',
    ])
    eligible = np.ones(len(sents), dtype=bool)
    units = build_units(sents, eligible, cut_quotes=False)
    assert units[0] == (0,)
    assert units[1] == (0, 1)
    assert units[2] == (0, 1, 2)
    assert units[3] is None and units[4] is None
    # A cut quotation may enter alone, closed visibly (the brief shows quote_marks).
    cut = build_units(sents, eligible)
    assert cut[:3] == units[:3]
    assert cut[3] == (3,) and cut[4] == (4,)
    whole = build_units(sents, eligible, whole_quotes=True, cut_quotes=False)
    assert whole[3] == (3, 4) and whole[4] == (3, 4)
    # The antecedent may not enter alone (a caption, say): then neither may its dependant.
    eligible[0] = False
    assert build_units(sents, eligible)[1] is None


def test_quote_marks_close_a_cut_quotation() -> None:
    assert quote_marks("No quotation here.") == ("", "")
    assert quote_marks('He said: "We will rebuild.') == ("", ' …"')
    assert quote_marks('Neither promise was kept," she said.') == ('"… ', "")
    assert quote_marks("“We will rebuild.") == ("", " …”")
    assert quote_marks("we need drivers,” Trump said.") == ("“… ", "")
    for text in ('He said: "We will rebuild.', "we need drivers,” Trump said."):
        before, after = quote_marks(text) or ("", "")
        assert not unbalanced(before + text + after)
    # Two quotations left open: no marks balance it, it stays out.
    assert quote_marks("“One, “two") is None


def test_choose_keeps_a_unit_together_in_article_order() -> None:
    a = _sents("a", [
        "The mayor opened the new bridge over the river on Monday morning.",
        "He said it would cut the commute by twenty minutes for most drivers.",
    ])
    b = _sents("b", ["Traffic on the old ferry route fell sharply after the opening day."])
    sents = a + b
    sim = np.eye(3, dtype=np.float32)
    # The dependent sentence scores highest; it brings its antecedent, which reads first.
    out = choose(sents, np.array([0.1, 0.9, 0.5]), np.ones(3, dtype=bool), sim, 100,
                 {"a": 0, "b": 1})
    assert out.index(0) + 1 == out.index(1)
    assert sorted(out) == [0, 1, 2]
    assert keep_together([2, 1, 0], [(0, 1)], sents) == [2, 0, 1]


def test_selection_in_context_prefers_what_the_brief_does_not_say_yet() -> None:
    sents = _sents("a", [
        "The mayor opened the new bridge over the river on Monday morning.",
        "On Monday the mayor opened a bridge across the river to traffic.",
        "Traffic on the old ferry route fell sharply after the opening day.",
    ])
    units = [(0,), (1,), (2,)]
    sim = np.array([[1.0, 0.5, 0.1], [0.5, 1.0, 0.1], [0.1, 0.1, 1.0]], dtype=np.float32)
    scores = np.array([0.9, 0.8, 0.5])
    # Room for two sentences. Without the penalty the near-repeat (cosine 0.5, under the hard
    # 0.55 limit) comes second; with it, 0.8 - 1.0 x 0.5 < 0.5 - 1.0 x 0.1, so the new fact.
    plain, _ = select_units(sents, scores, units, sim, 25, penalty=0.0)
    in_context, _ = select_units(sents, scores, units, sim, 25, penalty=1.0)
    assert plain == [0, 1]
    assert in_context == [0, 2]
    # Same input, same output; the first pick has nothing to be compared with.
    assert select_units(sents, scores, units, sim, 25, penalty=1.0)[0] == in_context
    assert select_units(sents, scores, units, sim, 12, penalty=1.0)[0] == [0]


def test_reading_order_keeps_a_passage_together() -> None:
    a = _sents("a", [
        "At Friday prayers the preacher skipped the usual sermon about the group's virtues.",
        "Worshippers said the mosque was only half full that afternoon in the old city.",
        "Do you want to be humiliated again, the imam asked, according to a resident there.",
    ])
    b = _sents("b", ["Fighters were seen digging new trenches around the city on Thursday."])
    sents = a + b
    sim = np.eye(4, dtype=np.float32)
    eligible = np.ones(4, dtype=bool)
    eligible[1] = False  # the sentence between them is not chosen
    out = choose(sents, np.array([0.9, 0.0, 0.5, 0.8]), eligible, sim, 200, {"a": 0, "b": 1})
    assert sorted(out) == [0, 2, 3]
    assert out.index(0) + 1 == out.index(2)  # the imam's words follow the preacher


def test_unit_length_factor_prefers_the_longer_of_two_equal_units() -> None:
    short = _sents("a", ["The bridge opened on Monday."])
    long = _sents("b", ["The new bridge over the river opened to traffic on Monday after "
                        "four years of building work."])
    sents = short + long
    units = [(0,), (1,)]
    sim = np.eye(2, dtype=np.float32)
    budget = long[0].words  # room for the long sentence or the short one, not both
    same = np.array([0.5, 0.5])
    # Same mean score: without the factor the tie goes to input order, with it the longer
    # unit is worth more ((17 / 25) ** 0.3 > (5 / 25) ** 0.3).
    assert select_units(sents, same, units, sim, budget, length_exponent=0.0)[0] == [0]
    assert select_units(sents, same, units, sim, budget, length_exponent=0.3)[0] == [1]
    assert select_units(sents, same, units, sim, budget)[0] == [1]  # LENGTH_EXPONENT
    # A clearly better short sentence still wins, and a negative value is left as it is (the
    # tie goes to input order again).
    assert select_units(sents, np.array([0.9, 0.5]), units, sim, budget)[0] == [0]
    assert select_units(sents, np.array([-0.5, -0.5]), units, sim, budget)[0] == [0]
