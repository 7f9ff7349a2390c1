"""The five analysis sections in JSON, Markdown and HTML."""

from __future__ import annotations

import json
import re

from newsweave.analyze.items import Claim, SentenceRef, TimelineEvent
from newsweave.pipeline import make_brief
from newsweave.render.sections import SECTION_TITLES, claim_label, date_label


def test_json_has_every_analysis_key(mosul_brief) -> None:
    data = json.loads(mosul_brief.to_json())
    for key in ("entities", "quotes", "agreements", "timeline"):
        assert data[key], key
    # the Mosul reports' one judged-true conflict is below the similarity floor (docs/trust.md)
    assert data["conflicts"] == []
    for item in data["summary"]:
        assert item["independent_sources"] >= 1
    for a in data["agreements"]:
        assert a["independent_sources"] >= 2 and len(a["sources"]) >= 2


def test_markdown_has_the_five_sections(mosul_brief) -> None:
    md = mosul_brief.to_markdown()
    for key, title in SECTION_TITLES:
        assert (f"## {title}" in md) == (key != "conflicts"), title  # Mosul: none shown
    assert "Islamic State" in md and "ISIL" in md
    # two reports of one wall collapse, otherwise the same statement: the conflict is shown
    wall = make_brief([
        {"id": "g1", "text": "A wall collapsed during a wedding party in western India on "
         "Wednesday, killing at least 25 people, officials said.\n\nRescuers searched the rubble."},
        {"id": "g2", "text": "A wall collapsed onto guests at a wedding party in western India on "
         "Wednesday, killing at least 19 people, police said.\n\nThe groom survived."},
    ])
    (c,) = wall.analysis["conflicts"]
    assert [cl.value for cl in c.claims] == ["at least 25 people", "at least 19 people"]
    assert "## " + dict(SECTION_TITLES)["conflicts"] in wall.to_markdown()


def test_every_html_analysis_item_links_to_a_source_sentence(mosul_brief) -> None:
    page = mosul_brief.to_html()
    items = re.findall(r'<li dir="auto">(.*?)</li>', page, flags=re.S)
    assert len(items) > 20
    ids = set(re.findall(r'id="(s\d+-\d+)"', page))
    for li in items:
        targets = re.findall(r'href="#(s\d+-\d+)"', li)
        assert targets, li[:80]
        assert set(targets) <= ids
        assert not re.search(r'href="#a\d+"', li), li[:80]  # each citation: a sentence


def test_syndicated_copy_counts_once_in_agreements() -> None:
    text = ("The old bridge over the Tigris collapsed on Sunday evening, killing nine people "
            "and injuring dozens.\n\nEngineers had warned about cracks for years.")
    brief = make_brief([
        {"id": "g1", "text": text},
        {"id": "g2", "text": "Nine people were killed when the old bridge over the Tigris "
         "collapsed on Sunday evening.\n\nThe council will open an inquiry."},
        {"id": "g3", "text": text},
    ])
    agree = [a for a in brief.analysis["agreements"] if "bridge" in a.text]
    assert agree and all(a.independent_sources == 2 for a in agree)
    assert {"g1", "g2"} <= set(agree[0].sources)


def _event(date: str | None, resolved: str, expression: str = "") -> TimelineEvent:
    return TimelineEvent(date, "text", ("a",), resolved, expression, ())


def _claim(value: str, normalized: float, unit: str) -> Claim:
    return Claim(value, normalized, unit, ("a",), SentenceRef("a", 0, 1))


def test_labels_read_naturally() -> None:
    assert date_label(_event("2014-06", "absolute")) == "June 2014"
    assert date_label(_event("--07-21", "unresolved")) == "21 July (year not given)"
    assert "year inferred" in date_label(_event("2015-02", "year inferred"))
    assert "no publication date" in date_label(_event(None, "unresolved", "last week"))
    assert claim_label(_claim("25 miles", 40.2, "km")) == "25 miles (≈ 40.2 km)"
    assert claim_label(_claim("three young men", 3, "people")) == "three young men (= 3)"


def test_analysis_off_leaves_sections_out() -> None:
    from newsweave import BriefOptions

    brief = make_brief([{"id": "a", "text": "Mosul fell in June 2014, officials said."}],
                       BriefOptions(analyze=False))
    assert brief.analysis == {}
    assert "## Timeline" not in brief.to_markdown()
