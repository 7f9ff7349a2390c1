"""Conflict regressions from the trust-c24 packet (train lines 32400-36999, the shipped code's
8 conflicts judged blind by two judges, 4 true): a photo gallery's image count and a count
that is one part of a sum are no disputed figure, and one dispute is listed once."""

from __future__ import annotations

from newsweave.analyze.conflicts import merge_conflicts, shown
from newsweave.analyze.items import Claim, Conflict, SentenceRef
from newsweave.analyze.samefact import reading

GALLERY_128 = ("Photo: houston chronicle image 1 of / 128 caption close image 1 of 128 the home "
               "where the bones were found belonged to a missing woman, 61-year-old mary cerruti.")
GALLERY_98 = ("Photo: houston chronicle image 1 of / 98 caption close image 1 of 98 the home "
              "where the bones were found belonged to a missing woman, 61-year-old mary cerruti.")
NAVY_3 = "Three senior navy officials have been arrested in the case."
NAVY_2 = ("Two navy commanders and a senior naval criminal investigative service agent have "
          "already been arrested, and a captain was relieved of his ship's command last month in "
          "connection with the case.")


def test_a_gallery_count_is_no_figure_of_the_story() -> None:
    assert reading(GALLERY_128, "128").part and reading(GALLERY_98, "98").part
    assert not shown(GALLERY_128, "128", GALLERY_98, "98")
    # a count of photos in the news itself is still a count
    assert not reading("Police released 128 photos of the suspects.", "128").part


def test_two_of_a_kind_and_one_more_is_a_sum() -> None:
    assert reading(NAVY_2, "Two").part and not reading(NAVY_3, "Three").part
    assert not shown(NAVY_3, "Three", NAVY_2, "Two")
    assert not reading("Two navy commanders were arrested in the case.", "Two").part


def _claim(value: str, low: float | tuple[float, float], source: str, start: int) -> Claim:
    return Claim(value, low, "people", (source,), SentenceRef(source, start, start + 50))


def test_one_dispute_is_listed_once() -> None:
    # "at least 13" (a1) against "12" (a2) and, read by another path, against "at least 12"
    # (a3): one conflict of three claims, not the same 13 listed twice
    a = Conflict("number of people", 0.53, (_claim("At least 13 people", (13.0, 15.6), "a1", 627),
                                            _claim("12 people", 12.0, "a2", 0)))
    b = Conflict("number of people", 0.3, (_claim("At least 13", 13.0, "a1", 627),
                                           _claim("at least 12", 12.0, "a3", 0)))
    other = Conflict("number of dead", 0.4, (_claim("4 dead", 4.0, "a1", 10),
                                             _claim("5 dead", 5.0, "a2", 90)))
    (merged, kept) = merge_conflicts([a, b, other])
    assert [c.value for c in merged.claims] == ["At least 13 people", "12 people", "at least 12"]
    assert merged.confidence == 0.53 and kept == other
    assert merge_conflicts([a, other]) == [a, other]


def test_claims_of_one_value_in_a_merged_conflict_can_still_agree() -> None:
    from newsweave.analyze.agreements import confirmed
    twelve = "A gunman killed 12 people inside a building at the navy yard on monday."
    again = "A gunman killed 12 people inside a building at the navy yard on monday, police said."
    merged = Conflict("number of people", 0.5, (
        _claim("At least 13 people", (13.0, 15.6), "a1", 627),
        Claim("12 people", 12.0, "people", ("a2",), SentenceRef("a2", 0, len(twelve))),
        Claim("12 people", 12.0, "people", ("a3",), SentenceRef("a3", 0, len(again)))))
    item = {"text": twelve, "sentence": [{"article": "a2", "start": 0, "end": len(twelve)},
                                         {"article": "a3", "start": 0, "end": len(again)}]}
    text_of = {("a2", 0): twelve, ("a3", 0): again}
    groups, order = {"a2": "a2", "a3": "a3"}, {"a2": 0, "a3": 1}
    (kept,) = confirmed([item], text_of, groups, order, [merged])
    assert kept["sources"] == ["a2", "a3"]
    # the 13 and a 12 of one conflict never agree
    item13 = {"text": twelve, "sentence": [{"article": "a2", "start": 0, "end": len(twelve)},
                                           {"article": "a1", "start": 627, "end": 677}]}
    assert confirmed([item13], {**text_of, ("a1", 627): twelve}, {**groups, "a1": "a1"},
                     {**order, "a1": 2}, [merged]) == []
