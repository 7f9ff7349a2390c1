"""Regression fixtures for fragments at ranks 11-20 (fourth session, third round): a word
glued to the next by a missing space, a name cut out of a longer word, caption buttons."""

from __future__ import annotations

from brief_util import entities as _entities
from brief_util import entity_named as _entity
from brief_util import entity_names as _names


def test_a_word_glued_to_the_next_is_no_name() -> None:
    ents = _entities(
        "The boy's mother told the Kampala Post that she had been at work. The Kampala "
        "Postoriginally reported the story.",
        "A ranger told the Kampala Post on Tuesday that the leopard was still loose.",
    )
    assert "Kampala Postoriginally" not in _names(ents)
    post = _entity(ents, "Kampala Post")
    assert post is not None


def test_a_piece_of_a_longer_word_is_no_name() -> None:
    ents = _entities(
        "Check out the full auction on eBay, where Morace Park sold the reel. The eBay "
        "auction raised money for youth groups, Park said.",
        "Park bought the film reel in 1998 and listed it on eBay last week.",
    )
    assert "Bay" not in _names(ents)


def test_caption_buttons_start_no_name() -> None:
    ents = _entities(
        "PHOTOS Officer replaces stolen ring See Gallery Police officer replaces elderly "
        "woman's ring. View Images Originally Earth and Mars had the same water, Jan Holt "
        "said.",
        "Holt said the finding was new. Police in Dover said the ring was found.",
    )
    names = _names(ents)
    assert "Gallery Police" not in names and "Images Originally Earth" not in names


def test_the_word_after_an_epithet_the_is_no_name() -> None:
    ents = _entities(
        "The shroud is held in the Cathedral of St. John the Baptist in Turin, Italy. Pope "
        "Francis prayed there, said Marco Rinaldi.",
        "Rinaldi said the Cathedral of St. John the Baptist would show it in 2025.",
    )
    assert "Baptist" not in _names(ents)
    assert _entity(ents, "Marco Rinaldi") is not None


def test_a_model_letter_and_a_language_adjective_are_no_names() -> None:
    ents = _entities(
        "He played a Martin D-18E guitar on the record, said Tom Ardell. The English-language "
        "edition follows in May.",
        "Ardell said the Martin D-18E was sold in 2014 to a collector in Ohio.",
    )
    names = _names(ents)
    assert "Martin D" not in names and "English-language" not in names
    assert _entity(ents, "Tom Ardell") is not None


def test_the_rest_of_a_quoted_title_is_no_name() -> None:
    ents = _entities(
        'Tom Bossert told ABC News\' "This Week" co-anchor Martha Raddatz on Sunday. He was '
        'Oscar-nominated for "Good Morning, Vietnam," said Dana Pruitt.',
        'Bossert saw the tweet live on "This Week," Raddatz said.',
    )
    names = _names(ents)
    assert "Week" not in names and "Good Morning" not in names
    assert _entity(ents, "Martha Raddatz") is not None


def test_a_person_noun_before_a_two_word_name_types_a_person() -> None:
    ents = _entities(
        "The film was written by director Peter Jackson and his regular screenwriting "
        "collaborators Fran Walsh and Philippa Boyens, the team behind the trilogy.",
        "Her will also remembered two of her employees — Ilsa Hernandez was left $15,000.",
    )
    for name in ("Fran Walsh", "Ilsa Hernandez"):
        e = _entity(ents, name)
        assert e is not None and e.type == "person", (name, e)
