"""Quotes and their speakers."""

from __future__ import annotations

from typing import Any

import pytest

from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief


def _quotes(*texts: str) -> list[dict[str, Any]]:
    records = [{"id": f"q{k}", "text": t} for k, t in enumerate(texts, 1)]
    return make_brief(records).analysis["quotes"]


def _speaker(quotes: list[dict[str, Any]], words: str) -> str | None:
    hits = [q for q in quotes if words in q.text]
    assert len(hits) == 1, f"quote {words!r} found {len(hits)} times"
    return hits[0].speaker


def test_said_after_and_before_the_quote() -> None:
    qs = _quotes(
        "\u201cIt was chaos in the square for an hour,\u201d said Ahmed Khan, a witness.\n\n"
        "Police chief John Smith said: \"We have arrested five suspects in the city.\"",
        "\"We were not warned about any of this,\" a shopkeeper said.",
    )
    assert _speaker(qs, "It was chaos") == "Ahmed Khan"
    assert _speaker(qs, "arrested five") in ("Police chief John Smith", "John Smith")
    assert _speaker(qs, "not warned") == "a shopkeeper"  # anonymous, kept as described


def test_pronoun_and_lone_quotes_take_the_previous_speaker() -> None:
    qs = _quotes(
        "\"We have arrested five suspects,\" said Maria Lopez, the police spokeswoman.\n\n"
        "\"The situation is now under control,\" she added. \"Nobody else was hurt tonight.\""
    )
    assert _speaker(qs, "under control") == "Maria Lopez"
    assert _speaker(qs, "Nobody else") == "Maria Lopez"


def test_according_to_and_told_that_resolve_the_full_name() -> None:
    qs = _quotes(
        "Mayor Anna Berg visited the hospital on Monday.\n\nAccording to Anna Berg, a former "
        "nurse, \"Dozens of people were treated overnight for their injuries.\"\n\n"
        "Berg later told reporters that \u201cMore arrests are expected in the coming days.\u201d"
    )
    assert _speaker(qs, "Dozens of people") == "Anna Berg"
    assert _speaker(qs, "More arrests") == "Anna Berg"  # surname -> full name


def test_quoted_as_saying_and_colon() -> None:
    qs = _quotes(
        "\u201cDo you want to be humiliated again by the army?\u201d a resident who was there "
        "quoted the imam as saying.\n\nThe mayor was blunt: \u201cThis city will not be "
        "intimidated by anyone.\u201d"
    )
    assert _speaker(qs, "humiliated") == "the imam"
    assert _speaker(qs, "intimidated") == "The mayor"


def test_scare_quotes_are_not_quotes() -> None:
    qs = _quotes("The crowd chanted \u201cpeace\u201d and residents prepared for the "
                 "\"zero hour\" as the army moved closer to the city.")
    assert qs == []


def test_mosul_quotes(mosul_brief) -> None:
    qs = mosul_brief.analysis["quotes"]
    texts = {a.id: a.text for a in mosul_brief.articles}
    assert _speaker(qs, "They are harsh, but") == "Major General Najm al-Jubbouri"
    assert _speaker(qs, "People of Mosul are awaiting") == "Ahmed Al-Jubouri"
    assert _speaker(qs, "These strikes have") == "Col. John Dorrian"
    assert _speaker(qs, "Saddam militarised") == "Abu Ali"  # "continued Ali."
    assert _speaker(qs, "All the old officers") == "Another resident"
    for q in qs:
        assert {"speaker", "text", "source", "sentence"} <= set(q.to_dict())
        ref = q.sentence
        assert ref.article == q.source
        assert q.text[:20] in texts[q.source][ref.start: ref.end]


def test_a_clause_is_not_a_speaker_and_runaway_quotes_are_dropped() -> None:
    runaway = " ".join(["word"] * 200)
    qs = _quotes(
        "\u201cIt was only luck that anyone stopped at all,\u201d That decision also turned out "
        "to be a miracle.\n\n\"" + runaway + "\" and then nothing more was said."
    )
    assert _speaker(qs, "only luck") is None
    assert all(len(q.text.split()) < 150 for q in qs)


def test_brief_names_who_he_is_when_the_brief_says_he_said(mosul_brief_with_speaker) -> None:
    """A brief sentence quoting 'he' gets its speaker from the sentence before it (the
    sentence is put into the Mosul brief by the fixture)."""
    brief = mosul_brief_with_speaker
    notes = brief.analysis["speakers"]
    texts = {n.speaker: brief.summary[n.summary].text for n in notes}
    assert "Sheikh Mohammed al-Jarba" in texts
    assert "he said" in texts["Sheikh Mohammed al-Jarba"]
    assert "_(he: Sheikh Mohammed al-Jarba)_" in brief.to_markdown()
    assert "(he: Sheikh Mohammed al-Jarba)" in brief.to_html()


@pytest.mark.parametrize(
    ("sentence", "speaker", "subject"),
    [
        ("Romney, the chairman of a fund, described Trump as vulgar.", "Mitt Romney", True),
        ("In an interview in July, Williams said she was tired.", "Williams", True),
        ("\u201cWe wait,\u201d said Sheikh Mohammed al-Jarba, a tribal leader.",
         "Sheikh Mohammed al-Jarba", True),
        ("The senator, who went all-in on the bill, said it works.", "The senator", True),
        ("Defence lawyer Alain Hepner said the term will pale.", "Alain Hepner", True),
        ("Mr. Bloomberg said 7,000 trees had been knocked down.", "Mr. Michael Bloomberg", True),
        # the name is there, but someone else is the subject: no note rather than a wrong one
        ("McCain's running mate, Sarah Palin, defended Trump.", "John McCain", False),
        ("On Saturday, Trump slammed Cruz on Twitter.", "Carmen Yul\u00edn Cruz", False),
        ("Donald Trump slammed Cruz on Tuesday.", "Ted Cruz", False),
        ("police arrested Smith on Monday.", "John Smith", False),
        ("Critics of Smith said the plan would fail.", "John Smith", False),
        ("Smith was criticized by Mary Jones for the plan.", "John Smith", False),
        ("Jane Smith, his wife, disagreed.", "John Smith", False),
        ("Others, like the economist Dean Baker, were less kind.", "Glenn Hubbard", False),
        ("Anything at all.", "   ", False),
    ],
)
def test_speaker_note_needs_the_speaker_as_subject_of_the_sentence_before(
    sentence: str, speaker: str, subject: bool
) -> None:
    from newsweave.analyze.quotes import _names_subject

    assert _names_subject(sentence, speaker) is subject


def test_speaker_note_checks_he_or_she_against_the_speakers_title() -> None:
    text = (
        "\u201cThe bridge will open in May after the repairs,\u201d said Mr. John Smith, the mayor.\n\n"
        "John Smith then left the stage without taking any questions from reporters.\n\n"
        "\u201cIt was a fine and very long meeting with the council,\u201d she said."
    )
    other = "The bridge will open in May after the repairs to the deck, the mayor said on Monday."
    b = make_brief([{"id": "a", "text": text}, {"id": "b", "text": other}], BriefOptions(words=80))
    assert not any(n.pronoun == "she" for n in b.analysis["speakers"])


def test_no_speaker_note_without_an_antecedent_in_the_article() -> None:
    text = (
        "The storm flooded the lower part of the town overnight, officials said on Monday.\n\n"
        "\u201cWe have never seen water this high in the main street,\u201d he said."
    )
    other = "The storm flooded the lower town overnight and closed every school, officials said."
    b = make_brief([{"id": "a", "text": text}, {"id": "b", "text": other}])
    assert b.analysis["speakers"] == []
    assert "_(he:" not in b.to_markdown()
