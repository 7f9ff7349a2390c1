"""Trust on lower-cased text (the truncated Multi-News train clusters): regressions from
blind-judged items (bench/judged_final_r3.jsonl, bench/judged_trustcite_dev.jsonl)."""

from __future__ import annotations

import importlib
from unittest import mock

from newsweave.align import check
from newsweave.align.check import Checker

LASHES_100 = ("An imam at a local mosque issued a fatwa saying that hena was guilty of adultery "
              "and must be punished, and a village makeshift court sentenced hena to 100 lashes "
              "in a public whipping.")
LASHES_101 = ("The imam from the local mosque ordered the fatwa, or religious ruling, and the "
              "punishment: 101 lashes delivered swiftly, deliberately in public.")


def test_whole_counts_must_be_equal_not_within_two_percent() -> None:
    # judged "contradicts" by both judges of final-r3 (shown partial before): 100 vs 101 lashes
    v = check(LASHES_100, LASHES_101)
    assert v.label == "contradicts" and "100" in v.reason and "101" in v.reason
    # hedged or large figures keep the 2 % tolerance
    assert check("The storm left about 100 people homeless in the town of Ware.",
                 "The storm left 101 people homeless in the town of Ware.").label != "contradicts"
    assert check("The company sold 2.7 million phones in the first quarter of the year.",
                 "The company sold 2.74 million phones in the first quarter of the year."
                 ).label == "full"


def test_truncated_form_figures_are_read_like_raw_ones() -> None:
    # trustcite-dev2, judged contradicts (shown partial before): "1: 35 p.m." / "1: 36 p.m."
    a = ("Kathie barber, 58, and her husband, gen miake, 60, were hiking near the amboy crater "
         "national monument saturday when barber alerted authorities about 1: 35 p.m. That she "
         "had been separated from her husband and that they were both lost, authorities said.")
    b = ("The victims were identified as kathie barber, 58, and gen miake, 60, who were hiking "
         "near amboy crater; barber called the sheriff's department for help on saturday at "
         "1: 36 p.m. Because she had become separated from her husband.")
    assert Checker(lower=True).check(a, b).label == "contradicts"
    from newsweave.align.check import facts

    units = {n.text: n.unit for n in facts("He paid $ 280,000, or 8.2 % of it.",
                                           lower=True).numbers}
    assert units == {"280,000": "$", "8.2": "%"}


def test_lower_case_readings_leave_raw_text_as_it_was() -> None:
    from newsweave.align.check import facts

    # raw "march" is a verb: "20 miles" stays a distance, not the date March 20
    raw = facts("Protesters will march 20 miles to the state capitol on Sunday.")
    assert [(n.value, n.unit) for n in raw.numbers] == [(20 * 1.609344, "km")]
    assert "march-20" not in raw.dates
    assert "may-19" in facts("on may 19, 1992, she was shot.", lower=True).dates
    # raw "Acts 2: 38" is a verse, not the clock time 2:38
    assert all(n.unit != "clock" for n in facts("The pastor read from Acts 2: 38 on Sunday "
                                                "at 10 a.m. in the chapel.").numbers)


def test_a_count_after_a_group_noun_is_no_age() -> None:
    from newsweave.align.check import facts

    for text in ("Of the wounded, 45, were taken to the hospital in the city.",
                 "The children, 12, were all rescued from the flooded school.",
                 "the wounded, 45, were taken to the hospital in the city."):
        for lower in (False, True):
            assert all(n.unit != "age" for n in facts(text, lower=lower).numbers), text
    named = facts("Kathie Barber, 58, and Gen Miake, 60, were hiking near the crater.").numbers
    assert [(n.unit, n.of) for n in named] == [("age", "barber"), ("age", "miake")]
    # on raw text a lower-case word before ", 58," is no name (unless a person noun)
    assert all(n.unit != "age" for n in facts("He hired a barber, 58, to cut hair.").numbers)
    assert [n.unit for n in facts("He and his wife, 58, moved to Ohio.").numbers] == ["age"]


def test_another_ordinal_street_or_age_of_the_same_person_is_no_support() -> None:
    # trustcite-dev2, both judged contradicts, shown partial before
    lower = Checker(lower=True)
    assert lower.check("It happened tuesday morning at a home near 86th avenue and camelback "
                       "road.", "The accident happened around 11: 45 a.m. Near 87th avenue and "
                       "camelback road.").label in ("none", "contradicts")
    v = lower.check("A search is on in the mountains outside juneau, alaska, for alpinists "
              "marc-andre leclerc, 24, and ryan johnson, 34.",
              "George \" ryan \" johnson, 34, of juneau, and marc-andre leclerc, 25, of "
              "squamish, british columbia, were reported missing after a climb near juneau.")
    assert v.label == "contradicts" and "24" in v.reason
    # ages of two people are not one figure: "barber, 58" is not "miake, 60"
    assert lower.check("Kathie barber, 58, and her husband, gen miake, 60, were found dead near "
                       "amboy crater after hiking in the heat.",
                       "Gen miake, 60, and his wife were found dead near amboy crater after "
                       "hiking in the heat.").label != "contradicts"


def test_lower_case_month_day_is_a_date_not_a_figure() -> None:
    from newsweave.align.check import facts

    f = facts("On may 19, 1992, mary jo buttafuoco was shot on the porch of her home.",
              lower=True)
    assert not f.numbers and "may-19" in f.dates


def test_lower_cased_text_is_told_from_raw_text() -> None:
    from newsweave.align.lowercase import lower_cased

    raw = ["Rep. Bill Shuster, chairman of the House Transportation Committee, said Shelley "
           "Rubino does not lobby him.", "The proposal's fate remained uncertain, said House "
           "Majority Leader Eric Cantor of Virginia on Tuesday."]
    assert not lower_cased(raw)
    assert lower_cased([s.lower().capitalize() for s in raw])


CUT_CLAIM = "All of republican leadership — boehner, majority leader eric cantor ( r-va."
CUT_EVIDENCE = ("Republicans exiting the meeting stressed that boehner's team had made no final "
                "decision and that the proposal's fate remained uncertain. \"i believe we are on "
                "track, \" said house majority leader eric cantor ( r-va.")


def test_a_claim_the_truncation_cut_is_cited_only_by_a_sentence_repeating_it() -> None:
    # final-r3: shown full and as an agreement, judged none / false by both judges
    from newsweave.align.check import Checker

    assert Checker().check(CUT_CLAIM, CUT_EVIDENCE).label == "full"  # raw text: as before
    lower = Checker(lower=True)
    v = lower.check(CUT_CLAIM, CUT_EVIDENCE)
    assert v.label == "none" and "cut" in v.reason
    # trustcite-dev1: "... spoke with" (cut), judged none
    assert lower.check("In an interview for \" 60 minutes, \" correspondent lara logan spoke with",
                       "Update: 60 minutes apologizes for benghazi report 60 minutes "
                       "correspondent lara logan tells cbs this morning that").label == "none"
    # a cut claim that the evidence repeats in full is still cited
    assert lower.check("By the time medical assistance arrived the man had already",
                       "By the time medical assistance arrived the man had already died."
                       ).label == "full"


FRISIELLO = ("Federal prosecutors in boston said thursday morning the 24-year-old man, daniel "
             "frisiello, mailed five envelopes filled with")
FRISIELLO_EVIDENCE = (
    "A beverly man was arrested thursday in connection with a threatening note containing white "
    "powder, which was mailed to donald trump jr. Daniel frisiello, 24, is accused of mailing at "
    "least five threatening notes containing white powder over recent weeks, documents show.")


def test_a_cut_claim_is_not_raised_by_the_gate_either() -> None:
    # final-r3: a rule "none" the gate may raise, P(supported) 0.965 (under T_PROMOTE_LOWER);
    # at a lower promotion threshold the cut claim must still not be cited, the whole one may
    module = importlib.import_module("newsweave.align.check")  # ``check`` is also a function
    with mock.patch.object(module, "T_PROMOTE_LOWER", 0.9):
        v = Checker(lower=True).check(FRISIELLO, FRISIELLO_EVIDENCE)
        assert v.label == "none" and "cut" in v.reason
        whole = Checker(lower=True).check(FRISIELLO + " white powder.", FRISIELLO_EVIDENCE)
        assert whole.label == "partial" and "learned gate" in whole.reason


def test_a_cut_claim_repeated_in_full_is_cited() -> None:
    from newsweave.align.check import Checker

    lower = Checker(lower=True)
    assert lower.check("By the time medical assistance arrived the man had already",
                       "By the time medical assistance arrived the man had already died."
                       ).label == "full"


def test_lower_cased_partials_need_a_clearer_gate() -> None:
    # trustcite-dev2, judged none: shown partial on lower-cased text at P(supported) 0.902
    a = "Fbi spokesman peter lee said chamberlain was last seen sunday."
    b = ("Fbi spokesperson peter lee said at a press conference sunday that the fbi is looking "
         "for chamberlain, 42, a san francisco resident, for possession of explosive material "
         "at his residence.")
    assert Checker(lower=True).check(a, b).label == "none"
    assert Checker().check(a, b).label == "partial"  # the same pair with raw thresholds
    cased = Checker().check("FBI spokesman Peter Lee said Chamberlain was last seen Sunday.",
                            "FBI spokesperson Peter Lee said at a press conference Sunday that "
                            "the FBI is looking for Chamberlain, 42, a San Francisco resident, "
                            "for possession of explosive material at his residence.")
    assert cased.label == "partial"  # raw text keeps its own thresholds


def test_a_lower_cased_cluster_gets_the_lower_case_check() -> None:
    from newsweave.align import align
    from newsweave.text import split_sentences
    from newsweave.types import Article

    texts = [CUT_EVIDENCE + " The proposal would raise the debt limit for six weeks, aides said.",
             "House republicans met on tuesday to discuss a plan to raise the debt limit for six "
             "weeks, aides said. " + CUT_CLAIM]
    for case, want in ((str, True), (str.title, False)):
        arts = [Article(f"a{i}", case(t)) for i, t in enumerate(texts)]
        al = align([s for a in arts for s in split_sentences(a)], {"a0": "a0", "a1": "a1"})
        assert al.checker.lower is want


def test_ages_of_unnamed_people_are_not_one_figure() -> None:
    # train line 28532 (dev range): two men who died after gaming binges, 32 and 38 years old;
    # read as one figure they gave a false "number killed" conflict
    v = check("By jason pan a 32-year-old man was found dead after playing combat computer games "
              "at an internet cafe in greater kaohsiung, the second such case this year.",
              "The case came after a 38-year-old man was found dead at an internet cafe in new "
              "taipei city after playing computer games.")
    assert v.label != "contradicts"  # was "contradicts" (32 vs 38) before


def test_another_body_named_by_the_same_head_is_not_cited_in_lower_case() -> None:
    # the kind of bad citation of the fresh lower-cased round (at a05f9b1, general terms only):
    # "the airport police" cited by a sentence of "the state police"
    claim = "The blast at the terminal was caused by a gas leak, the airport police said on monday."
    other = "The blast at the terminal was caused by a gas leak, the state police said on monday."
    same = "The airport police said on monday that a gas leak caused the blast at the terminal."
    lower = Checker(lower=True)
    v = lower.check(claim, other)
    assert v.label == "none" and v.reason == "state police, not airport police"
    assert lower.check(claim, same).label in ("full", "partial")
    # raw text keeps its verdict (there capitals tell bodies; the lower-case rule does not run)
    assert Checker().check(claim, other).label == check(claim, other).label
    assert Checker().check(claim, other).label in ("full", "partial")


def test_the_body_modifier_rule_reads_whole_noun_phrases() -> None:
    from newsweave.align.check import _NOT_NAME
    from newsweave.align.lowercase import other_modifier

    assert other_modifier("the airport police said", "the state police said",
                          _NOT_NAME) == ("airport police", "state police")
    # the claim's modifier in the evidence, elsewhere: no clash
    assert other_modifier("the airport police said", "the state police told airport staff",
                          _NOT_NAME) is None
    # one body named in a longer name ("north las vegas police"), or across punctuation
    assert other_modifier("north las vegas police said", "the state police said",
                          _NOT_NAME) is None
    assert other_modifier("the student, police said", "the city police said",
                          _NOT_NAME) is None
    # another head: no clash of who ("the foreign minister" / "the state police")
    assert other_modifier("the foreign minister said", "the state police said",
                          _NOT_NAME) is None


def test_the_body_modifier_rule_compares_the_same_place() -> None:
    from newsweave.align.check import _NOT_NAME
    from newsweave.align.lowercase import other_modifier

    # the fresh round's case in general form: the same place name before another force
    assert other_modifier("the rhode island airport police were called in",
                          "rhode island state police were called in",
                          _NOT_NAME) == ("airport police", "state police")
    # web boilerplate before the head ("story highlights police" / "plus embed police", a
    # judged-full pair of final-r3): other words before it, no clash
    assert other_modifier("story highlights police id slain man", "google plus embed police: "
                          "1 dead", _NOT_NAME) is None
