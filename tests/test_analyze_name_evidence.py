"""Regression fixtures for issue 16's "Names used" examples (test150 clusters 1-20, judged):
fragments of titles, ordinary words, companies and papers, acronyms of terms, people."""

from __future__ import annotations

from brief_util import entities as _entities
from brief_util import entity_named as _entity
from newsweave.analyze.gazetteer import COMMON_WORDS, FREQUENT_WORDS


def test_word_lists_are_loaded() -> None:
    assert {"season", "episode", "anyone", "children"} <= COMMON_WORDS
    assert "trump" not in COMMON_WORDS and "sherman" not in COMMON_WORDS
    assert {"gold", "medal", "shore"} <= FREQUENT_WORDS and "lannister" not in FREQUENT_WORDS


def test_fragments_of_a_title_are_not_names() -> None:
    ents = _entities(
        "Fans of HBO's Game of Thrones waited a year. Sunday's Game of Thrones finale drew "
        "millions, and Robb Stark was back on screen, HBO said.",
        "The cast of Game of Thrones spoke to reporters. HBO said Game of Thrones will end "
        "next year. She also starred in Orange Is the New Black on Netflix.",
        "He drove along Highway 401 for an hour. A store called Books for Cooks closed.",
    )
    for word in ("Game", "Thrones", "Orange", "Highway", "Books"):
        assert _entity(ents, word) is None, word
    assert _entity(ents, "HBO") is not None


def test_ordinary_capitalised_words_are_not_names() -> None:
    ents = _entities(
        "Season 7 opens in July. The season was shot in Belfast. Detectives said the episode "
        "leaked. Episode three airs next.",
        "Anyone can watch, detectives said. The season finale is long. Season ratings rose.",
    )
    for word in ("Season", "Episode", "Detectives", "Anyone"):
        assert _entity(ents, word) is None, word
    assert _entity(ents, "Belfast") is not None


def test_companies_and_papers_by_their_words_and_context() -> None:
    ents = _entities(
        "Tyson Foods said it would close a plant. Workers at Tyson Foods were told on Monday. "
        "The man ran into the WinCo store in Boise, and later fled the WinCo parking lot.",
        "Russia's pro-Kremlin newspaper Izvestia printed the letter. Izvestia quotes him at "
        "length. A car listed on Craigslist was the bait, and another ad on Craigslist too.",
        "The Liberty-based Ferrellgas said its shares fell. Ferrellgas employees were told.",
    )
    for name in ("Tyson Foods", "WinCo", "Izvestia", "Craigslist", "Ferrellgas"):
        e = _entity(ents, name)
        assert e is not None and e.type == "organization", (name, e)


def test_acronyms_of_terms_are_not_organisations() -> None:
    ents = _entities(
        "A passer-by began CPR until paramedics arrived. He had performed CPR before.",
        "Officers said the man began CPR on the boy. The FBI said it was told of the case, "
        "and the FBI later sent agents.",
    )
    cpr, fbi = _entity(ents, "CPR"), _entity(ents, "FBI")
    assert cpr is None or cpr.type == "term"
    assert fbi is not None and fbi.type == "organization"


def test_people_the_rules_used_to_type_other() -> None:
    ents = _entities(
        "Barry Sherman and his wife Honey Sherman were found dead in their Toronto home. "
        "Friends of the Shermans gathered on Sunday.",
        "The Shermans had given millions to charity. Katera Barker, 7, was playing with her "
        "brother when she was hit. Police in Nashville, Tenn., said Katera Barker was fine.",
        'Mubarak and his two sons, Alaa and Gamal, were in court. "It was a mistake," Cowles '
        'said. "We drifted apart," Cowles said later.',
    )
    for name in ("Honey Sherman", "Shermans", "Katera Barker", "Alaa", "Cowles"):
        e = _entity(ents, name)
        assert e is not None and e.type == "person", (name, e)
    tenn = _entity(ents, "Tenn")
    assert tenn is not None and tenn.type == "place"


def test_a_title_word_after_a_name_is_an_organisation_and_no_person() -> None:
    ents = _entities(
        "The LA County Sheriff said deputies found the car. Cedar Hill ISD said classes "
        "would resume, and Animal Control took the dogs.",
        "A spokesman for the LA County Sheriff declined to comment. Cedar Hill ISD closed.",
    )
    for name in ("LA County Sheriff", "Cedar Hill ISD"):
        e = _entity(ents, name)
        assert e is not None and e.type == "organization", (name, e)


def test_widespread_words_are_no_person() -> None:
    ents = _entities(
        "She won the Gold Medal in Rio. The Gold Medal was her third.",
        "Fans cheered the Gold Medal win, and the Gold Medal ceremony ran late.",
    )
    e = _entity(ents, "Gold Medal")
    assert e is None or e.type != "person"


def test_merges_the_text_does_not_support() -> None:
    ents = _entities(
        "SEOUL (Reuters) - North Korea sent athletes. North Koreans cheered in Seoul. "
        "FBI Director James Comey spoke, and the FBI Director was asked again.",
        "SEOUL (Reuters) - North Korea and the US talked. Researchers at the University of "
        "Sheffield said the US should wait. North Korea agreed, the University of Sheffield "
        "said.",
    )
    reuters, seoul = _entity(ents, "Reuters"), _entity(ents, "Seoul")
    assert seoul is not None and (reuters is None or reuters is not seoul)
    korea = _entity(ents, "North Korea")
    assert korea is not None and "North Koreans" not in korea.aliases
    sheffield = _entity(ents, "University of Sheffield")
    assert sheffield is not None and "US" not in sheffield.aliases
    assert _entity(ents, "FBI Director") is None
