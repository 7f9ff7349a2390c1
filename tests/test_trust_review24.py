"""Regressions from the independent review of the sixth trust round (session 24): the new
rules must not drop real citations, conflicts or agreement guards."""

from __future__ import annotations

import re

from newsweave.align.check import check
from newsweave.align.clashes import clash
from newsweave.align.quoting import quoted_words
from newsweave.analyze.agreements import confirmed
from newsweave.analyze.items import Claim, Conflict, SentenceRef
from newsweave.analyze.samefact import reading, same_quantity


def test_a_count_followed_by_another_clause_is_no_sum() -> None:
    ok, why = same_quantity(
        reading("At least 12 people were killed and a dozen others were injured in the blast "
                "on Monday.", "12"),
        reading("At least 13 people were killed in the blast on Monday.", "13"))
    assert ok, why
    assert not reading("Twelve people died and an investigation was opened.", "Twelve").part
    assert not reading("The fire destroyed 40 homes and a church in the town.", "40").part
    assert reading("Two navy commanders and a senior agent were arrested.", "Two").part


def test_clock_times_of_one_conflict_never_confirm_one_agreement() -> None:
    h = "The gunman opened fire at the club on Sunday, police said."
    a = "The gunman opened fire at the club at 4:30 a.m. on Sunday, police said."
    b = "The gunman opened fire at the club at 4:20 a.m. on Sunday, police said."
    rh, ra, rb = (SentenceRef(x, 0, len(t)) for x, t in (("H", h), ("A", a), ("B", b)))
    conflict = Conflict("time of the event", 0.5, (Claim("4:30 a.m.", None, "time", ("A",), ra),
                                                   Claim("4:20 a.m.", None, "time", ("B",), rb)))
    item = {"text": h, "sentence": [rh.to_dict(), ra.to_dict(), rb.to_dict()]}
    (kept,) = confirmed([item], {("H", 0): h, ("A", 0): a, ("B", 0): b}, {},
                        {"H": 0, "A": 1, "B": 2}, [conflict])
    assert [r["article"] for r in kept["sentence"]] == ["H", "A"]


def test_colour_and_moment_clashes_need_a_real_other_thing() -> None:
    assert clash("The suspect wore a grey hoodie.", "The suspect wore a gray hoodie.") is None
    assert clash("The Boston Red Sox beat the Chicago White Sox 5-3 on Sunday.",
                 "Boston beat the Chicago White Sox 5-3 on Sunday.") is None
    assert clash("Brown said the company would cut 200 jobs.",
                 "The company will cut 200 jobs, White said.") is None
    assert clash("Black and white photographs were shown.",
                 "Photographs in red and gold frames were shown.") is None
    assert clash("Protesters carried black flags on Sunday.",
                 "Protesters carried white flags on Sunday.") == "black flags, not white flags"
    assert clash("The company lost $2 million this year.",
                 "The company lost $2 million over the past year.") is None
    assert clash("Smith, who won last year, will run again this year.",
                 "Smith won the race last year.") is None
    assert check("The suspect, a white man in a grey hoodie, fled the scene in Dallas, police "
                 "said.", "The suspect, a white man in a gray hoodie, fled the scene in Dallas, "
                 "police said.").label == "full"


def test_an_opening_mark_after_a_comma_opens_the_quotation() -> None:
    w = re.compile(r"\w+")
    text = 'The woman told police, "He said he would kill me if I went to the police about it.'
    assert quoted_words(text, w)[:4] == ["he", "said", "he", "would"]
    # a long sentence with no quotation at all is read at once (no backtracking blow-up)
    assert quoted_words("word, " * 4000 + "end.", w) == []
