from __future__ import annotations

from newsweave.align import align
from newsweave.align.support import analyzer, fold
from newsweave.ingest import make_article
from newsweave.text import split_sentences


def _sents(*texts: str):
    arts = [make_article(f"a{k}", t, detect_title=False) for k, t in enumerate(texts, 1)]
    return arts, [s for a in arts for s in split_sentences(a)]


def test_same_fact_in_two_outlets_is_linked_and_cited() -> None:
    arts, sents = _sents(
        "Rebels spray-painted the letter M, for the Arabic word mukawama, meaning resistance, "
        "on walls across Mosul. The weather was hot.",
        "Across Mosul the letter M appears on walls: it stands for muqawama, the Arabic word "
        "meaning resistance. Prices of bread rose again this week in the markets.",
        "A football club won the national cup final after extra time in Baghdad on Friday.",
    )
    al = align(sents, {a.id: a.id for a in arts})
    first = next(i for i, s in enumerate(al.sentences) if "spray-painted" in s.text)
    assert al.support[first] == frozenset({"a1", "a2"})
    assert al.independent[first] == 2
    sources, evidence = al.citations(first, {"a1": 0, "a2": 1, "a3": 2})
    assert sources == ("a1", "a2")
    assert "muqawama" in evidence[1].text
    football = next(i for i, s in enumerate(al.sentences) if "football" in s.text)
    assert al.support[football] == frozenset({"a3"})


def test_copies_do_not_count_as_independent() -> None:
    text = "The central bank raised its main interest rate by half a point on Thursday morning."
    arts, sents = _sents(text, text)
    al = align(sents, {"a1": "a1", "a2": "a1"})
    assert al.support[0] == frozenset({"a1", "a2"})
    assert al.independent[0] == 1


def test_unrelated_short_sentences_are_not_linked() -> None:
    arts, sents = _sents(
        "However, many don't have the means to do so.",
        "And don't think for a moment that the people don't know it.",
    )
    al = align(sents, {"a1": "a1", "a2": "a2"})
    assert all(len(s) == 1 for s in al.support)


def test_fold_and_analyzer() -> None:
    assert fold("muqawama") == fold("mukawama")
    assert fold("hisbah") == fold("hisba")
    assert "said" not in analyzer("The minister said the plan was new")
    assert align([], {}).units == []


def test_ids_with_control_characters_survive_alignment() -> None:
    text = "The council met on Monday and the mayor spoke about the new budget plan."
    arts = [make_article("a", text, detect_title=False), make_article("\x00", text, detect_title=False)]
    sents = [s for a in arts for s in split_sentences(a)]
    al = align(sents, {"a": "a", "\x00": "\x00"})
    assert al.support[0] == frozenset({"a", "\x00"})
    sources, evidence = al.citations(0, {"a": 0, "\x00": 1})
    assert sources == ("a", "\x00") and evidence[1].article == "\x00"
