"""The similarity floor of the conflict gate (analyze/conflict_sim.py, docs/trust.md)."""

from __future__ import annotations

from newsweave.analyze import conflict_gate as cg
from newsweave.analyze.conflict_sim import context, similarity


def test_numbers_and_number_words_leave_the_context_what_they_count_stays() -> None:
    words = context("Police said 228 people were listed as missing.", "228 people")
    assert "228" not in words and {"people", "list"} <= words
    assert not {"seven", "dozen"} & context("Seven officers and dozens of others were fired.",
                                             "Seven officers")


def test_paraphrases_apart_from_the_figure_pass_the_floor() -> None:
    # judged true (bench/judged_conflicts_d29.jsonl): one wall collapse, two tolls
    a = ("A wall collapsed during a wedding party in western india late on wednesday, killing "
         "at least 25 people, indian media reported.")
    b = ("New delhi ( ap ) — a building wall collapsed onto guests at a wedding in western "
         "india, killing at least 24 people and injuring others, a government official said "
         "thursday.")
    assert similarity(a, "at least 25", b, "at least 24") >= cg.SIMILAR_FLOOR
    assert cg.passes(a, "at least 25", b, "at least 24", "loose")


def test_same_noun_in_otherwise_different_sentences_is_not_shown() -> None:
    # judged true (cand-k2, the Mosul reports), and given up: the two sentences speak of the
    # same men in different words (execution / confession), below the floor
    a = ("The Islamic State reacted with swift brutality, executing three young men it accused "
         "of being involved.")
    b = ("The two young men who were killed confessed to having drawn the \"M\" graffiti, and "
         "also to having given information to the international coalition.")
    assert similarity(a, "three young men", b, "two young men") < cg.SIMILAR_FLOOR
    assert not cg.passes(a, "three young men", b, "two young men", "loose")
    # judged false (c1b): counts of people in two stories of one cluster
    c = "Three people were killed when the car hit a wall on the highway near the exit."
    d = "At least four people were hurt in a shooting at a bar downtown, police said."
    assert not cg.passes(c, "Three people", d, "at least four people", "loose")


def test_the_rules_still_veto_above_the_floor() -> None:
    # near-identical sentences, but the dead against the injured: the rules refuse
    a, b = "Ten people were killed in the storm.", "Twelve people were injured in the storm."
    assert similarity(a, "Ten people", b, "Twelve people") >= cg.SIMILAR_FLOOR
    assert not cg.passes(a, "Ten people", b, "Twelve people", "loose")


def test_similarity_is_symmetric_and_case_blind() -> None:
    a, b = "Five soldiers died in the raid on Monday.", "Seven soldiers died in the raid."
    assert similarity(a, "Five soldiers", b, "Seven soldiers") == similarity(
        b, "Seven soldiers", a, "Five soldiers")
    assert similarity(a.lower(), "five soldiers", b.lower(), "seven soldiers") == similarity(
        a, "Five soldiers", b, "Seven soldiers")
    assert similarity("", "5", "Seven soldiers died.", "Seven soldiers") == 0.0
