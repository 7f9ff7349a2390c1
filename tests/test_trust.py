"""Trust regressions: every example of issue 11 as a small fixture.

Citations mean support (negation, numbers, scope), conflicts compare one quantity of one thing,
agreements are never conflicts, paraphrases do not both enter a brief, and alignment has no
silent cap (late articles of a big cluster are cited; an update of a big story finds new ones).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsweave.align import align, check
from newsweave.align.support import Similarity, tfidf
from newsweave.pipeline import make_brief
from newsweave.text import split_sentences
from newsweave.types import Article

REGISTER_YES = ("Authorities learned on Thursday McFadden still had to register as a sex "
                "offender for a prior sexual assault on a child sentence in 1990.")
REGISTER_NO = ("Now, McFadden is exonerated of all those charges and does not have to register "
               "as a sex offender.")
NYC_10 = "Sandy killed 10 people in New York City."
NYC_18 = ("Forty-six people had been killed in the U.S., 23 of them in New York — including "
          "18 in New York City, NBC News reported.")


def test_negation_contradicts() -> None:
    assert check(REGISTER_YES, REGISTER_NO).label == "contradicts"
    assert check(REGISTER_NO, REGISTER_YES).label == "contradicts"


def test_other_number_for_the_same_place_contradicts() -> None:
    v = check(NYC_10, NYC_18)
    assert v.label == "contradicts" and "10" in v.reason and "18" in v.reason


def test_evacuation_figures_contradict() -> None:
    a = "About 5,000 people were evacuated from the coastal villages on Sunday."
    b = "About 4,000 people were evacuated from the coastal villages on Sunday, officials said."
    assert check(a, b).label == "contradicts"
    assert check(a, a.replace("5,000", "five thousand")).label == "full"


def test_hedges_more_than_and_as_many_as_contradict() -> None:
    a = "More than 300,000 people have died in the Darfur conflict since 2003."
    b = "As many as 300,000 people have died in the Darfur conflict since 2003."
    assert check(a, b).label == "contradicts"


def test_full_partial_none() -> None:
    a = "Novak said an inquiry would be opened."
    b = "Novak said the government would open an inquiry."
    assert check(a, b).label == "full"
    c = ("The tennis champion gave birth to her first child, a baby girl, with Reddit "
         "co-founder Alexis Ohanian on Friday in a hospital in Palm Beach.")
    d = "The tennis champion gave birth to a baby girl in a hospital in Palm Beach on Friday."
    assert check(c, d).label == "partial"  # Ohanian and "first child" missing
    e = "Gov. Chris Christie of New Jersey called it “incalculable.”"
    f = ("PATH train service between Manhattan and New Jersey is likely to be suspended for "
         "seven to 10 days, New Jersey Gov. Chris Christie said.")
    assert check(e, f).label == "none"


def _brief(texts: dict[str, str]):
    return make_brief([{"id": k, "text": v} for k, v in texts.items()])


def test_contradicting_source_is_not_cited_and_becomes_a_conflict() -> None:
    brief = _brief({
        "a1": NYC_10 + "\n\nThe storm flooded subway tunnels across lower Manhattan overnight.",
        "a2": NYC_18 + "\n\nThe storm flooded subway tunnels across lower Manhattan overnight.",
    })
    data = brief.to_dict()
    for item in data["summary"]:
        assert len(item["support"]) == len(item["sources"])
        assert item["support"][0] == "full"
        if item["text"] == NYC_10:
            assert item["sources"] == ["a1"]
    values = [{c["value"] for c in k["claims"]} for k in data["conflicts"]]
    assert {"10", "18"} in values


def test_negated_source_is_not_cited() -> None:
    brief = _brief({"a1": REGISTER_YES + "\n\nThe district attorney appealed the ruling.",
                    "a2": REGISTER_NO + "\n\nThe district attorney appealed the ruling."})
    for item in brief.summary:
        if item.text == REGISTER_YES:
            assert item.sources == ("a1",)
        if item.text == REGISTER_NO:
            assert item.sources == ("a2",)


SCOPES = [
    ("Forty-six people died in the U.S. because of the storm.",
     "The storm killed 10 people in New York City, the mayor said."),
    ("Sandy killed 46 people in the U.S. before it weakened.",
     "Sandy killed 69 people in the Caribbean before it reached the U.S. coast."),
    ("Airlines canceled 103 flights at LaGuardia airport on Monday.",
     "Airlines canceled 15,000 flights nationwide on Monday."),
    ("About 20,000 people stayed in their homes despite the evacuation order.",
     "Rescuers said 800 people were rescued in Hoboken by Tuesday night."),
]


# False conflicts judged on candidate pairs (bench/trust_pairs.jsonl, kind "conflict"): another
# moment, a running total vs one day, a forecast, a listed figure per person, an earlier event
# named elsewhere, one facility vs the whole, a figure both sources also state.
SCOPES += [
    ("The Israeli military said 97 rockets fired from Gaza hit Israel on Friday.",
     "Gaza-based militants have fired around 300 rockets at Israel since the conflict began."),
    ("Last month, security forces killed 60 protesters in Hama, activists said.",
     "The opposition reported 13 protesters killed in Hama by security forces."),
    ("Irene weakened slightly to a Category 2 storm as it approached the coast.",
     "Irene could become a Category 4 storm as it approached the coast, forecasters said."),
    ("Jordan Scott, 19, of Fairmont, is charged with four counts of felony arson.",
     "Willie Strickland, 42, of Fairmont, was charged with two counts of felony arson."),
    ("The magnitude-6.2 quake killed at least 241 people in central Italy.",
     "That earthquake killed more than 300 people in central Italy."),
    ("Airlines canceled 103 flights at Los Angeles International Airport on Tuesday.",
     "Airlines canceled more than 15,000 flights on Tuesday."),
    ("The storm killed 46 people in the U.S., including 18 in New York City.",
     "The storm killed 18 people in New York City and 12 in New Jersey."),
]


@pytest.mark.parametrize("a,b", SCOPES)
def test_other_scope_or_kind_is_no_conflict(a: str, b: str) -> None:
    brief = _brief({"a1": a + "\n\nThe storm hit the coast late on Monday.",
                    "a2": b + "\n\nThe storm hit the coast late on Monday."})
    assert brief.analysis["conflicts"] == []


REAL = [  # judged true (cand-k2): one toll of one mine explosion, two figures
    ("The Soma coal mine explosion in Turkey has killed at least 205 people, officials said.",
     "Rescuers said the Soma coal mine explosion in Turkey has killed at least 274 people."),
]


@pytest.mark.parametrize("a,b", REAL)
def test_judged_real_conflicts_are_found(a: str, b: str) -> None:
    brief = _brief({"a1": a + "\n\nThe storm hit the coast late on Monday.",
                    "a2": b + "\n\nThe storm hit the coast late on Monday."})
    assert len(brief.analysis["conflicts"]) == 1


def test_real_conflict_same_scope_is_found() -> None:
    brief = _brief({"a1": "The storm killed 10 people in New York City, officials said.",
                    "a2": "The storm killed 18 people in New York City, officials said."})
    (c,) = brief.analysis["conflicts"]
    assert {cl.value for cl in c.claims} >= {"10", "18"} or len(c.claims) == 2


def test_no_item_is_both_agreement_and_conflict_and_numbers_differ_not_agree() -> None:
    brief = _brief({
        "a1": "About 5,000 people were evacuated from the coastal villages on Sunday.",
        "a2": "About 4,000 people were evacuated from the coastal villages on Sunday.",
    })
    data = brief.to_dict()
    assert data["agreements"] == []
    conflict_refs = {(c["claims"][0]["sentence"]["start"], c["claims"][1]["sentence"]["start"])
                     for c in data["conflicts"]}
    for a in data["agreements"]:
        starts = {r["start"] for r in a["sentence"]}
        assert not any(set(p) <= starts for p in conflict_refs)


def test_agreement_needs_full_support() -> None:
    same = "The old bridge over the Tigris collapsed on Sunday evening, killing nine people."
    brief = _brief({"a1": same + "\n\nEngineers had warned about cracks for years.",
                    "a2": same.replace("old bridge", "old iron bridge")
                    + "\n\nThe council will open an inquiry into the collapse."})
    agree = brief.to_dict()["agreements"]
    assert agree and agree[0]["sources"] == ["a1", "a2"]


def test_paraphrases_do_not_both_enter_the_brief_and_the_kept_one_cites_both() -> None:
    brief = _brief({
        "a1": "Novak said the government would open an inquiry.\n\n"
              "Fishermen in the harbour town complained about the new quotas on cod.",
        "a2": "Novak said an inquiry would be opened.\n\n"
              "Teachers in the capital went on strike over pay and pensions on Monday.",
    })
    texts = [i.text for i in brief.summary]
    novak = [t for t in texts if t.startswith("Novak")]
    assert len(novak) == 1
    (item,) = [i for i in brief.summary if i.text.startswith("Novak")]
    assert set(item.sources) == {"a1", "a2"} and item.support == ("full", "full")
    assert item.independent_sources == 2


def test_partial_citations_render_marked() -> None:
    from newsweave.types import Brief, Sentence, SummaryItem

    a1 = Article("a1", "Serena Williams gave birth to a baby girl on Friday in Palm Beach.")
    a2 = Article("a2", "Serena Williams gave birth to a girl.")
    s1 = Sentence("a1", 0, 0, len(a1.text), a1.text)
    s2 = Sentence("a2", 0, 0, len(a2.text), a2.text)
    item = SummaryItem(s1, ("a1", "a2"), 1, (s1, s2), ("full", "partial"))
    brief = Brief([a1, a2], [item], {"articles": 2, "distinct_sources": 2, "words_out": 13})
    md = brief.to_markdown()
    assert "[1][2]~" in md and "states part of the sentence" in md
    assert "(single source)" in md  # only full support counts as confirmation
    page = brief.to_html()
    assert 'class="cite part"' in page and "partly" in page
    assert json.loads(brief.to_json())["summary"][0]["support"] == ["full", "partial"]


# --- scale: no silent cap ---------------------------------------------------------------

def _filler(k: int, n: int, vocab: list[str] | None = None) -> str:
    """``n`` sentences of eight words: unique tokens, or drawn from ``vocab`` (one story)."""
    rng = np.random.default_rng(k)
    if vocab:
        words = [vocab[int(x)] for x in rng.integers(0, len(vocab), size=n * 8)]
    else:
        words = [f"w{k}x{int(x)}" for x in rng.integers(0, 10_000, size=n * 8)]
    return " ".join(" ".join(words[i * 8:(i + 1) * 8]).capitalize() + "." for i in range(n))


FLOOD = ("flood water river delta monsoon rain village boat shelter aid relief embankment "
         "district farmers crops rice field road bridge drinking food medicine tents volunteers "
         "district officials warned rising levels forecast storm surge coast island families "
         "livestock cattle wells pumps sandbags dam barrage upstream downstream").split()


def test_late_articles_of_a_120_article_cluster_are_cited() -> None:
    fact = ("The harbour authority confirmed that the container ship Ever Bright ran aground "
            "near the northern breakwater on Tuesday morning.")
    arts = []
    for k in range(120):
        text = _filler(k, 30)
        if k in (110, 118):
            text = fact + " " + text
        arts.append(Article(f"n{k}", text))
    sents = [s for a in arts for s in split_sentences(a)]
    assert len(sents) > 3000
    al = align(sents, {a.id: a.id for a in arts})
    assert len(al.sentences) == len(sents)
    i = next(k for k, s in enumerate(al.sentences) if s.article == "n110" and s.index == 0)
    assert al.support[i] == frozenset({"n110", "n118"})


def test_lazy_similarity_matches_dense() -> None:
    texts = ["Rain fell on the city.", "The city saw rain fall.", "Markets rose on Monday.",
             "Stocks and markets rose.", "Rain and markets."]
    vectors, _ = tfidf(texts)
    dense, lazy = Similarity(vectors), Similarity(vectors, dense_max=0)
    assert dense.dense and not lazy.dense
    cols = [0, 2, 4]
    assert np.allclose(dense[1, cols], lazy[1, cols])
    assert np.allclose(dense[:, cols], lazy[:, cols])
    assert np.allclose(dense[np.ix_([0, 1], [1, 3])], lazy[np.ix_([0, 1], [1, 3])])
    assert abs(float(dense[0, 1]) - float(lazy[0, 1])) < 1e-6
    a = [Article("x", "Rain fell on the big old city today. " * 3),
         Article("y", "Rain fell on the big old city today, again.")]
    s = [t for art in a for t in split_sentences(art)]
    d1, d2 = align(s, {"x": "x", "y": "y"}), align(s, {"x": "x", "y": "y"}, dense_max=0)
    assert d1.support == d2.support and d1.units == d2.units


def test_update_of_a_105_article_story_finds_the_new_articles(tmp_path) -> None:
    from newsweave.stories import open_store
    from newsweave.stories.update import story_brief, story_update

    lead = ("Flood waters rose along the Padma river delta near Dhaka as the monsoon rains "
            "continued for a fifth day.")
    store = open_store(tmp_path / "s.db")
    try:
        from newsweave.stories import Clusterer

        cl = Clusterer(store)
        stories = set()
        for k in range(100):
            stories.add(cl.add(Article(f"old{k}", lead + " " + _filler(k, 30, FLOOD))).story)
        cl.flush()
        assert len(stories) == 1
        (sid,) = stories
        story_brief(store, sid, record=True)
        news = ("Army engineers opened an emergency spillway at the Farakka barrage to relieve "
                "the pressure on the flooded embankments downstream.")
        cl = Clusterer(store)
        for k in range(100, 105):
            cl.add(Article(f"new{k}", lead + " " + news + " " + _filler(k, 30, FLOOD)))
        cl.flush()
        upd = story_update(store, sid)
        assert upd.new_articles and set(upd.new_articles) == {f"new{k}" for k in range(100, 105)}
        assert any("spillway" in i.text for i in upd.brief.summary)
    finally:
        store.close()


def test_learned_gate_drops_a_rule_partial_that_is_not_clearly_supported() -> None:
    # judged "none" (trust_pairs, dev): same names, another statement
    from newsweave.align.check import Checker, rule_check

    claim = "That’s right, King Tommen is also Martyn Lannister."
    evidence = "For reference, that's Tommen on the left and Martyn on the right:"
    assert rule_check(claim, evidence).label == "partial"
    v = Checker().check(claim, evidence)
    assert v.label == "none" and "learned gate" in v.reason
    assert check(claim, evidence) == v  # the module function is the gated check


def test_learned_gate_keeps_clear_support_and_same_text() -> None:
    from newsweave.align.check import Checker, rule_check

    ck = Checker()
    a = "Novak said an inquiry would be opened."
    b = "Novak said the government would open an inquiry."
    assert rule_check(a, b).label == ck.check(a, b).label == "full"
    short = "Very fake news."
    assert ck.check(short, short).label == "full"  # the sentence's own text: always full


def test_learned_gate_weights_are_shaped_and_probabilities_deterministic() -> None:
    from newsweave.align import learned
    from newsweave.align.check import Checker, rule_check

    for model in (learned.FULL_MODEL, learned.SUPPORTED_MODEL):
        assert all(len(v) == len(learned.FEATURES) for v in (*learned.SCALER, model[0]))
        assert all(s > 0 for s in learned.SCALER[1])
    a = "About 5,000 people were evacuated from the coastal villages on Sunday."
    b = "Some 5,000 residents of the coastal villages were evacuated on Sunday, officials said."
    x = Checker().features(a, b, rule_check(a, b).label)
    assert len(x) == len(learned.FEATURES)
    p = learned.probability(x, learned.SUPPORTED_MODEL)
    assert 0.0 < p < 1.0 and p == learned.probability(list(x), learned.SUPPORTED_MODEL)


def test_check_reads_dates_and_names_as_before_the_speed_change() -> None:
    from newsweave.align.check import Checker, facts

    text = ("On Tuesday, Jan. 5, 2016, Gov. Andrew Cuomo said New York City and the Port "
            "Authority would reopen in May, officials said.")
    f = facts(text)
    assert f.dates == {"tuesday", "january", "january-5", "2016", "may"}
    # as the code before it read them ("New" is a stop word)
    assert f.names == (("andrew", "cuomo"), ("york", "city"), ("port", "author"))
    assert Checker().facts(text) == f  # the memoised path gives the same facts


def test_a_different_clock_time_is_not_support() -> None:
    """Judged contradicting in the final round: a brief sentence at 4:30 a.m. cited to 4:20."""
    from newsweave.align.check import check

    claim = "The Range Rover fled the scene at 4:30 a.m. Sunday, police said."
    assert check(claim, "The Range Rover fled the scene at 4:20 a.m. Sunday, police said.").label \
        in ("none", "contradicts")
    assert check(claim, "Police said the Range Rover fled the scene at 4:30 a.m. on Sunday.").label \
        == "full"


def test_a_claim_whose_subject_the_evidence_lacks_is_not_shown_full() -> None:
    """Judged partial in the final round, shown full: the evidence never names VX."""
    from newsweave.align.check import Checker, rule_check

    claim = "VX is banned under the Chemical Weapons Convention, which North Korea never signed."
    evidence = ("North Korea is one of just six countries not to have signed the Chemical Weapons "
                "Convention (CWC) arms control treaty banning the production, stockpiling and "
                "use of chemical weapons.")
    assert rule_check(claim, evidence).label == "full"  # the words are all there but one
    assert Checker().check(claim, evidence).label == "partial"  # cited, not shown full


def test_learned_gate_cites_a_claim_stated_in_other_words_as_partial() -> None:
    """Judged full (mid round cand-mid38) where the rules said none (too few words shared)."""
    from newsweave.align.check import Checker, rule_check

    claim = "One in seven colon cancer patients is under 50."
    evidence = ("An extensive analysis of recent data showed that one in every seven colorectal "
                "cancer patients was younger than 50.")
    assert rule_check(claim, evidence).label == "none"
    v = Checker().check(claim, evidence)
    assert v.label == "partial" and "other words" in v.reason
    # hard facts still veto it: another figure of the same unit, or a denied word
    ck = Checker()
    assert ck.check(claim, evidence.replace("seven", "eight")).label != "partial"
    assert ck.check("One in seven colon cancer patients is not under 50.", evidence).label \
        not in ("full", "partial")


def test_both_sentences_denying_something_is_not_a_negation_contradiction() -> None:
    """Judged full (cand-test81 / cand-mid38), checked 'contradicts' before: each sentence has
    its own negation, read on a different word."""
    claim = "Intermex did not immediately respond for comment."
    assert check(claim, "Representatives for Intermex did not respond to comment requests by "
                        "press time.").label != "contradicts"
    # one sentence denying what the other states is still a contradiction
    assert check("McFadden still had to register as a sex offender in Colorado.",
                 "McFadden does not have to register as a sex offender in Colorado.").label \
        == "contradicts"


def test_a_question_does_not_state_a_claim_in_full() -> None:
    """Shown full in the mid round cite-mid2, judged none: the evidence asks, it does not say."""
    claim = "He said, the leaks are real, but the news is fake."
    assert check(claim, "And on the leaks, is it fake news or are these real leaks?").label \
        != "full"
    assert check(claim, "The leaks are real, but the news is fake, he said.").label == "full"
