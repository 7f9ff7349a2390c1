"""Timeline dates: absolute, year inferred, relative to the published date, unresolved."""

from __future__ import annotations

from datetime import date

from newsweave.analyze.timeline import date_refs
from newsweave.pipeline import make_brief


def _refs(text: str, pub: date | None = None) -> list[tuple[str | None, str]]:
    return [(r.date, r.resolved) for r in date_refs(text, pub)]


def test_absolute_dates() -> None:
    assert _refs("Mosul fell in June 2014.") == [("2014-06", "absolute")]
    assert _refs("Talks began on 3 March 2016.") == [("2016-03-03", "absolute")]
    assert _refs("It opened on July 21, 2016.") == [("2016-07-21", "absolute")]
    assert _refs("ISIS occupied the city in 2014.") == [("2014", "absolute")]


def test_year_inferred_from_published_or_the_sentence() -> None:
    pub = date(2016, 7, 22)
    assert _refs("The ceasefire collapsed on July 12.", pub) == [("2016-07-12", "year inferred")]
    assert _refs("It began in December.", pub) == [("2015-12", "year inferred")]
    assert _refs("In November 2014, phones were banned; and in February, exits were closed.") \
        == [("2014-11", "absolute"), ("2015-02", "year inferred")]


def test_relative_dates_count_back_from_published() -> None:
    pub = date(2016, 7, 20)  # a Wednesday
    rel = "relative to published date"
    assert _refs("It collapsed last week.", pub) == [("2016-07-13", rel)]
    assert _refs("The army entered two months ago.", pub) == [("2016-05", rel)]
    assert _refs("On Monday, convoys arrived.", pub) == [("2016-07-18", rel)]
    assert _refs("He was arrested five days ago.", pub) == [("2016-07-15", rel)]


def test_without_published_date_relative_and_yearless_dates_are_unresolved() -> None:
    assert _refs("He was arrested five days ago.") == [(None, "unresolved")]
    assert _refs("On July 21, a video was released.") == [("--07-21", "unresolved")]


def test_timeline_is_ordered_and_merges_one_event_from_two_sources() -> None:
    brief = make_brief([
        {"id": "d1", "published": "2016-07-20", "text": "The city fell in June 2014 after a "
         "short battle with the army.\n\nThe army entered the city two months ago."},
        {"id": "d2", "text": "The city fell to the militants in June 2014 after a short "
         "battle.\n\nOn July 4, residents said, the siege ended."},
    ])
    tl = brief.analysis["timeline"]
    dates = [t.date for t in tl]
    assert dates == ["2014-06", "2016-05", "--07-04"]
    assert tl[0].sources == ("d1", "d2")
    assert {t.resolved for t in tl} == {"absolute", "relative to published date",
                                           "unresolved"}
    for t in tl:
        assert {"date", "text", "sources", "resolved", "sentence"} <= set(t.to_dict())


def test_same_event_with_different_dates_is_a_conflict() -> None:
    brief = make_brief([
        {"id": "d1", "published": "2016-07-20",
         "text": "The siege of the old town ended on July 4, residents of the town said."},
        {"id": "d3", "published": "2016-07-22",
         "text": "The siege of the old town ended on July 9, residents of the town said."},
    ])
    (c,) = [c for c in brief.analysis["conflicts"] if c.claims[0].unit == "date"]
    assert sorted(x.normalized for x in c.claims) == ["2016-07-04", "2016-07-09"]


def test_mosul_timeline(mosul_brief) -> None:
    tl = mosul_brief.analysis["timeline"]
    june = [t for t in tl if t.date == "2014-06"]
    assert len(june) == 1 and len(june[0].sources) == 2  # "fell" / "captured" in June 2014
    resolved = [t for t in tl if t.date and not t.date.startswith("--")]
    assert [t.date for t in resolved] == sorted(t.date for t in resolved)


def test_same_weekday_is_the_publication_day_and_odd_bases_do_not_crash() -> None:
    from datetime import date as _date

    from newsweave.analyze.timeline import date_refs

    monday = _date(2016, 10, 17)
    assert [r.date for r in date_refs("On Monday the council met.", monday)] == ["2016-10-17"]
    assert [r.date for r in date_refs("On Friday the council met.", monday)] == ["2016-10-14"]
    # Go's zero time as a published date: nothing before it to count back to.
    refs = list(date_refs("On Tuesday, two weeks ago, they met.", _date(1, 1, 1)))
    assert refs and all(r.date is None and r.resolved == "unresolved" for r in refs)
