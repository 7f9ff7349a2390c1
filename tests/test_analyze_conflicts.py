"""Numbers, units and facts that differ between sources."""

from __future__ import annotations

from typing import Any

import pytest

from newsweave.analyze.numbers import parse_number, quantities
from newsweave.pipeline import make_brief


def _conflicts(*texts: str) -> list[dict[str, Any]]:
    records = [{"id": f"c{k}", "text": t} for k, t in enumerate(texts, 1)]
    return make_brief(records).analysis["conflicts"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("three", 3), ("twenty-five", 25), ("a dozen", 12), ("7 million", 7e6), ("3,000", 3000),
     ("two hundred and five", 205), ("1.5", 1.5)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_quantities_normalise_units_and_hedges() -> None:
    (q,) = quantities("The base is 25 miles south of the city.")
    assert q.unit == "km" and q.lo == pytest.approx(40.23, abs=0.01)
    (q,) = quantities("It lies just under 70 kilometers out of the city.")
    assert q.hi == 70 and q.lo < 70
    (q,) = quantities("The group has between 100 and 300 fighters.")
    assert (q.lo, q.hi, q.kind) == (100, 300, "fighters")
    (q,) = quantities("Some 100 kilometers (80 miles) northeast of Rome.")
    # one claim covering both figures; "some" widens it by 10 %
    assert q.lo == pytest.approx(90) and q.hi == pytest.approx(128.7, abs=0.1)


def test_compound_adjectives_and_years_are_not_quantities() -> None:
    assert list(quantities("ISIS released a 7-minute video of a 12-metre wall in 2014.")) == []


def test_distance_in_miles_and_km_conflict() -> None:
    cs = _conflicts(
        "The dam is 40 miles north of Basra, officials said on Monday.",
        "The dam, 90 kilometres north of Basra, was damaged in the fighting.",
    )
    assert len(cs) == 1
    claims = cs[0].claims
    assert {c.unit for c in claims} == {"km"}
    assert sorted(c.normalized for c in claims) == [64.4, 90.0]
    assert "Basra" in cs[0].about


def test_same_distance_in_other_units_is_no_conflict_but_an_agreement() -> None:
    records = [{"id": "c1", "text": "The dam is 40 miles north of Basra, officials said."},
               {"id": "c2", "text": "The dam lies about 64 km north of Basra, the army said."}]
    analysis = make_brief(records).analysis
    assert analysis["conflicts"] == []
    (same,) = [a for a in analysis["agreements"] if a.values is not None]
    assert same.values == ("40 miles", "about 64 km")
    assert same.sources == ("c1", "c2") and same.independent_sources == 2


def test_written_counts_conflict_and_unrelated_counts_do_not() -> None:
    cs = _conflicts(
        "Three soldiers were killed in the attack on the checkpoint near the dam on Monday.",
        "Five soldiers were killed in the attack on the checkpoint near the dam, the army said."
        "\n\nIn a separate attack, a bombing in Baghdad killed 12 people at a market.",
    )
    assert len(cs) == 1
    assert sorted(c.normalized for c in cs[0].claims) == [3, 5]
    assert cs[0].confidence >= 0.45


def test_one_source_never_conflicts_with_itself() -> None:
    assert _conflicts("Three soldiers were killed at the checkpoint. Later, officials said "
                      "five soldiers were killed at the checkpoint.") == []


def test_mosul_conflicts_are_the_judged_true_one(mosul_brief) -> None:
    # judged blind (bench/trust_pairs.jsonl, set cand-k2): "Qayyarah Air Base, 25 miles south
    # of Mosul" vs "the Qayyarah district, just under 70 kilometers out of Mosul" is no conflict
    # (an air base is not the district); "three young men" executed vs "the two young men who
    # were killed" was judged true, but the two sentences say different things around the
    # figures (similarity 0.19 < SIMILAR_FLOOR): since the similarity floor it is not shown,
    # a true conflict the floor costs (docs/trust.md, "Similarity floor")
    abouts = [c.about for c in mosul_brief.analysis["conflicts"]]
    assert not any("men" in a for a in abouts)
    assert not any(a.startswith("distance") for a in abouts)
    for c in mosul_brief.analysis["conflicts"]:
        assert {"about", "confidence", "claims"} <= set(c.to_dict())
        for claim in c.claims:
            assert {"value", "normalized", "unit", "sources", "sentence"} <= set(claim.to_dict())
