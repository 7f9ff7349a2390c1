"""Conflict rules written from the ref-dev packet (editors' summaries briefed with their
sources, truncated train lines < 20000, judged blind; docs/trust.md): each judged-false pair
stays out, and a pair that differs for real still passes."""

from __future__ import annotations

import pytest

from newsweave.analyze.conflicts import shown
from newsweave.analyze.samefact import reading
from newsweave.analyze.scope_cues import converted_alike, range_span, spans_meet

FALSE = [  # judged false by the neutral judges: (text, value, text, value, distance)
    ("Aaron gibbons, 31, put himself between the bear and his three young children when he "
     "encountered the animal on sentry island, around six miles from the hudson bay hamlet of "
     "arviat, the cbc reports.", "around six",
     "Aaron gibbons, 31, was unarmed when he encountered the bear on sentry island, a popular "
     "fishing and hunting spot located about 10 kilometres outside of the hamlet, on the west "
     "coast of hudson bay.", "about 10", True),
    ("The eight boys were rescued from the flooded cave.", "eight boys",
     "Four boys were rescued on sunday and four on monday, and the rescues happened at a faster "
     "rate tuesday.", "Four boys", False),
    ("According to legend, billy killed anywhere from eight to 22 people.", "22",
     "The kid, also known william h. bonney, is believed to have killed anywhere from 9 to 21 "
     "people.", "21", False),
    ("Wolves killed seventeen elk calves and two adult cows near bondurant, wyo., according to "
     "john lund.", "killed seventeen",
     'Wolves killed 19 elk, 17 of them calves, in one night in what wyoming officials are '
     'calling a " sport killing. "', "killed 19", False),
    ("A van plowed into shoppers at an outdoor christmas market monday in nantes, france, "
     "injuring at least nine people in addition to the driver, police said.", "at least nine",
     "A man drove a van into a crowd of people at a christmas market in the city of nantes, "
     "injuring at least 10 people, five seriously.", "at least 10", False),
    ("- two florida lawmakers are pushing to raise the state's minimum wage to $ 15 an hour.",
     "two",
     "At least 18 florida lawmakers say they ' ll take the \" minimum wage challenge \" this "
     "week to show the need for a minimum wage hike to $ 15 an hour.", "At least 18", False),
    ("Six people were killed and at least four were injured in a mass shooting during a family "
     "birthday party at a grand prairie roller rink saturday evening.", "Six people",
     "A gunman at a texas roller rink birthday party killed five people and injured at least "
     "four before turning the gun on himself.", "five people", False),
]


@pytest.mark.parametrize(("a", "va", "b", "vb", "dist"), FALSE)
def test_judged_false_ref_dev_conflicts_are_not_shown(a: str, va: str, b: str, vb: str,
                                                      dist: bool) -> None:
    assert not shown(a, va, b, vb, dist)


def test_a_real_difference_still_passes() -> None:
    # the same sentences with figures that do differ: the new rules do not hide them
    a = "The eight boys were rescued from the flooded cave on tuesday."
    b = "Twelve boys were rescued from the flooded cave on tuesday."
    assert shown(a, "eight boys", b, "Twelve boys")
    a2 = ("Wolves killed 17 elk near bondurant in one night, according to john lund of the "
          "wyoming game and fish department.")
    b2 = "Wolves killed 25 elk near bondurant in one night, wyoming officials said."
    assert shown(a2, "killed 17", b2, "killed 25")


def test_a_range_end_reads_its_range() -> None:
    t = "Between 20 and 30 people died; officials said 20-30 homes burned and two or three fled."
    for v, want in (("20", (20, 30)), ("30 people", (20, 30)), ("30 homes", (20, 30)),
                    ("three", (2, 3))):
        at = t.find(v)
        r = reading(t, v)
        assert r is not None and r.ranged == want, v
        assert range_span(t, at, at + len(v), r.number) == want, v
    t2 = "Officials said 22 people died in the fire."
    assert range_span(t2, t2.find("22"), t2.find("22") + 9, 22) is None
    t3 = "The number went from 5 to 10 overnight."
    assert range_span(t3, t3.find("10"), t3.find("10") + 2, 10) is None  # a change
    t4 = "Between 1 and 2 million people were displaced."
    at = t4.find("2 million")
    assert range_span(t4, at, at + 9, 2_000_000) == (1_000_000, 2_000_000)
    t5 = "From 3 million to 4 million people voted."
    at = t5.find("4 million")
    assert range_span(t5, at, at + 9, 4_000_000) == (3_000_000, 4_000_000)
    assert spans_meet((8, 22), (9, 21)) and not spans_meet((20, 25), (30, float("inf")))


def test_a_range_and_a_figure_outside_it_still_conflict() -> None:
    a = "Officials said 20 to 25 people were killed in the blast at the market on friday."
    b = "At least 30 people were killed in the blast at the market on friday, officials said."
    assert shown(a, "25 people", b, "At least 30 people")


def test_distances_agree_once_converted() -> None:
    assert converted_alike("mil", 6, "kilome", 10)  # 9.7 km / 10 km
    assert converted_alike("kilome", 100, "mil", 62)
    assert not converted_alike("mil", 6, "kilome", 20)
    assert not converted_alike("mil", 6, "mil", 6.2)  # one unit: the usual rules decide
    assert not converted_alike("km", 10, "kilome", 11)  # one unit spelled two ways
    assert not converted_alike("mil", 100, "km", 175)  # 161 km is not 175 km


def test_a_verb_led_figure_reads_its_number() -> None:
    r = reading("Wolves killed seventeen elk calves.", "killed seventeen")
    assert r is not None and r.number == 17


def test_a_wage_is_no_rate_of_the_count_and_dozens_count() -> None:
    from newsweave.analyze.samefact import kinds_of

    assert kinds_of("raise the minimum wage to $ 15 an hour") == frozenset()
    assert kinds_of("6,000 people an hour crossed the border") == {"rate"}
    r = reading("Militants killed two dozen soldiers on monday.", "killed two dozen")
    assert r is not None and r.number == 24


def test_a_figure_in_dozens_is_round() -> None:
    from newsweave.analyze.bounds import compatible_values

    assert compatible_values("about two dozen", "22")
    assert not compatible_values("two dozen", "28")


REAL = [  # pairs that differ for real, next to the new rules (independent review of ref-dev)
    ("Between 1 and 2 million people were displaced by the floods in the north, officials said.",
     "2 million people",
     "About 500,000 people were displaced by the floods in the north, officials said.",
     "About 500,000 people", False),
    ("The gunman killed five people and injured 11 at the mall before turning the gun on "
     "himself.", "11",
     "The gunman killed five people and injured 12 at the mall, police said.", "12", False),
    ("The gunman killed five people at the mall before turning the gun on himself.",
     "five people", "Four people were killed at the mall, police said.", "Four people", False),
    ("The storm killed 12 people in addition to destroying hundreds of homes in the province.",
     "12 people",
     "The storm killed 20 people and destroyed hundreds of homes in the province.", "20 people",
     False),
    ("The village lies 10 km from the border crossing, officials said.", "10 km",
     "The village lies 11 kilometres from the border crossing, officials said.", "11 kilometres",
     True),
]


@pytest.mark.parametrize(("a", "va", "b", "vb", "dist"), REAL)
def test_real_differences_near_the_new_rules_are_kept(a: str, va: str, b: str, vb: str,
                                                      dist: bool) -> None:
    ra, rb = reading(a, va), reading(b, vb)
    from newsweave.analyze.samefact import same_quantity

    ok, why = same_quantity(ra, rb, distance=dist)
    assert why not in ("the values can both be true", "the attacker counted on one side only",
                       "a part of a count"), why


def test_numbers_after_a_verb_and_wages_in_words() -> None:
    from newsweave.analyze.samefact import kinds_of

    r = reading("Wolves killed at least 17 elk near the ranch.", "killed at least 17")
    assert r is not None and r.number == 17
    assert kinds_of("200 nurses, paid 15 dollars an hour") == frozenset()
    r2 = reading("Police detained a dozen protesters on monday.", "a dozen protesters")
    assert r2 is not None and r2.number == 12
