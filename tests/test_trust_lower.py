"""Trust on lower-cased text (the truncated Multi-News train clusters): regressions from
blind-judged items (bench/judged_final_r3.jsonl, bench/judged_trustcite_dev.jsonl)."""

from __future__ import annotations

from newsweave.align import check

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
    assert check(a, b).label == "contradicts"
    from newsweave.align.check import facts

    units = {n.text: n.unit for n in facts("He paid $ 280,000, or 8.2 % of it.").numbers}
    assert units == {"280,000": "$", "8.2": "%"}


def test_another_ordinal_street_or_age_of_the_same_person_is_no_support() -> None:
    # trustcite-dev2, both judged contradicts, shown partial before
    assert check("It happened tuesday morning at a home near 86th avenue and camelback road.",
                 "The accident happened around 11: 45 a.m. Near 87th avenue and camelback road."
                 ).label in ("none", "contradicts")
    v = check("A search is on in the mountains outside juneau, alaska, for alpinists "
              "marc-andre leclerc, 24, and ryan johnson, 34.",
              "George \" ryan \" johnson, 34, of juneau, and marc-andre leclerc, 25, of "
              "squamish, british columbia, were reported missing after a climb near juneau.")
    assert v.label == "contradicts" and "24" in v.reason
    # ages of two people are not one figure: "barber, 58" is not "miake, 60"
    assert check("Kathie barber, 58, and her husband, gen miake, 60, were found dead near "
                 "amboy crater after hiking in the heat.",
                 "Gen miake, 60, and his wife were found dead near amboy crater after hiking "
                 "in the heat.").label != "contradicts"


def test_lower_case_month_day_is_a_date_not_a_figure() -> None:
    from newsweave.align.check import facts

    f = facts("On may 19, 1992, mary jo buttafuoco was shot on the porch of her home.")
    assert not f.numbers and "may-19" in f.dates
