"""Analysis on arbitrary text: never fails, and every offset points into its article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.pipeline import make_brief

WORDS = ["Abu", "al-", "Mosul", "said", '"', "\u201c", "\u201d", "the", "Al-Jubouri", "ISIS",
         "(", ")", "3", "miles", "three", "men", "June", "2014", "last", "week", "U.S.", "-",
         "Col.", "according", "to", ",", ".", "\n\n", "Daesh", "is", "an", "alternative",
         "name", "for", "Islamic", "State", "km", "killed", "on", "Monday", "ago", "two"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=80), min_size=1,
                max_size=3),
       st.sampled_from([None, "2016-07-20"]))
def test_analysis_offsets_are_valid_on_any_text(texts: list[list[str]], pub: str | None) -> None:
    records = [{"id": f"a{k}", "text": " ".join(ws) + " end.", "published": pub}
               for k, ws in enumerate(texts)]
    brief = make_brief(records)
    lengths = {a.id: len(a.text) for a in brief.articles}
    for key, items in brief.analysis.items():
        for item in items:
            for ref in item.refs():
                assert ref.article in lengths, key
                assert 0 <= ref.start <= ref.end <= lengths[ref.article], key


def test_long_runs_of_capitalised_words_stay_fast_enough() -> None:
    # a linear amount of work: the alias patterns are bounded (this took minutes before)
    text = " ".join(["Alpha-Beta-Gamma-Delta"] * 3000)
    brief = make_brief([{"id": "a", "text": text}])
    assert brief.analysis["entities"] == []  # a repeated hyphenated token is not a name
    assert brief.summary
