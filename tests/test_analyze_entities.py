"""Entities and aliases: one test per merging rule, and the must-not-merge cases."""

from __future__ import annotations

from typing import Any

from newsweave.analyze.names import name_key, spelling_key, strip_title
from newsweave.pipeline import make_brief


def _entities(*texts: str) -> list[dict[str, Any]]:
    records = [{"id": f"a{k}", "text": t} for k, t in enumerate(texts, 1)]
    return make_brief(records).analysis["entities"]


def _entity(ents: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    for e in ents:
        if name == e.name or name in e.aliases:
            return e
    return None


def _same(ents: list[dict[str, Any]], a: str, b: str) -> bool:
    ea, eb = _entity(ents, a), _entity(ents, b)
    return ea is not None and ea is eb


def test_spelling_key_folds_transliteration_variants() -> None:
    assert spelling_key("Hisba") == spelling_key("hisbah")
    assert spelling_key("mukawama") == spelling_key("muqawama") == spelling_key("moqawamma")
    assert spelling_key("Jubouri") == spelling_key("Jubbouri")
    assert spelling_key("Ahmed") != spelling_key("Najm")
    assert name_key("al-Baghdadi") == name_key("Al Baghdadi")


def test_strip_title_keeps_the_name() -> None:
    assert strip_title("Major General Najm al-Jubbouri") == ("Major General", "Najm al-Jubbouri")
    assert strip_title("Col. John Dorrian") == ("Col.", "John Dorrian")
    assert strip_title("Mosul") == ("", "Mosul")


def test_acronym_joins_its_expansion() -> None:
    ents = _entities(
        "The World Health Organization said the outbreak was spreading in the north.",
        "Officials at the WHO in Geneva asked donors for more money on Monday.",
    )
    assert _same(ents, "World Health Organization", "WHO")
    assert _entity(ents, "WHO").type == "organization"


def test_explicit_statements_merge_names() -> None:
    ents = _entities(
        "Daesh is an alternative name for Islamic State, which holds the town.\n\n"
        "Jabhat al-Nusra, also known as the Nusra Front, claimed the attack.",
        "Fighters of the Syrian Democratic Forces (SDF) entered the town. The Islamic State "
        "did not comment, and the Nusra Front denied any role.",
    )
    assert _same(ents, "Daesh", "Islamic State")
    assert _same(ents, "Jabhat al-Nusra", "Nusra Front")
    assert _same(ents, "Syrian Democratic Forces", "SDF")


def test_spelling_variants_merge_across_sources() -> None:
    ents = _entities(
        "Residents said the Hisba patrolled the market in Raqqa every morning.",
        "The hisbah, the religious police, detained shopkeepers in Raqqah on Sunday.",
        "Members of the Hisbah closed more shops in Rakka this week.",
    )
    assert _same(ents, "Hisba", "Hisbah")
    assert _same(ents, "Raqqa", "Raqqah") and _same(ents, "Raqqa", "Rakka")
    assert _entity(ents, "Hisba").type == "organization"
    assert _entity(ents, "Raqqa").type == "place"
    # a lower-case spelling joins the name it varies; a mere lower-casing ("nice" for
    # "Nice") does not, so it is neither counted nor listed
    ents = _entities("Members of the Hisba patrolled the market in Raqqa every day.",
                     "The hisbah, the religious police, detained shopkeepers on Sunday.")
    assert _same(ents, "Hisba", "hisbah")


def test_glossed_foreign_words_are_terms_with_variants() -> None:
    ents = _entities(
        'The letter "m" - for the Arabic word "mukawama," meaning resistance - was sprayed.',
        "It is the first letter of the Arabic word muqawama, which means resistance.",
        "The Arabic letter M is the first letter of moqawamma, which means resistance.",
    )
    term = _entity(ents, "muqawama")
    assert term is not None and term.type == "term"
    assert {"mukawama", "moqawamma"} <= {term.name, *term.aliases}


def test_surname_joins_the_one_person_who_has_it() -> None:
    ents = _entities(
        "Defence Minister Ali Hassan al-Bayati said the offensive would begin soon.\n\n"
        "Bayati did not give a date.",
        "Lawmakers doubted the plan. Bayati later left for Baghdad.",
    )
    person = _entity(ents, "Ali Hassan al-Bayati")
    assert person is not None and person.type == "person"
    assert "Bayati" in person.aliases


def test_people_with_similar_names_stay_apart() -> None:
    ents = _entities(
        "Lawmaker Omar al-Jubouri criticised the plan. Jubouri said it was rushed.",
        "General Khalid al-Jubbouri leads the operation from a base outside the city.",
    )
    assert _entity(ents, "Omar al-Jubouri") is not None
    assert _entity(ents, "Khalid al-Jubbouri") is not None
    assert not _same(ents, "Omar al-Jubouri", "Khalid al-Jubbouri")
    # the lone surname is ambiguous in this cluster: it joins neither person
    assert not _same(ents, "Jubouri", "Omar al-Jubouri")
    assert not _same(ents, "Jubouri", "Khalid al-Jubbouri")


def test_city_and_group_named_after_it_stay_apart() -> None:
    ents = _entities(
        "The Tikrit Brigade, a local militia, said it had joined the fight near Tikrit.",
        "In Tikrit, shops reopened on Saturday and traffic returned to the streets.",
    )
    assert _entity(ents, "Tikrit").type == "place"
    assert _entity(ents, "Tikrit Brigade").type == "organization"
    assert not _same(ents, "Tikrit", "Tikrit Brigade")


def test_mosul_names(mosul_brief) -> None:
    ents = mosul_brief.analysis["entities"]
    for alias in ("ISIS", "ISIL", "Daesh"):
        assert _same(ents, "Islamic State", alias)
    assert not _same(ents, "Ahmed Al-Jubouri", "Najm al-Jubbouri")
    assert _entity(ents, "Ahmed Al-Jubouri") and _entity(ents, "Najm al-Jubbouri")
    assert not _same(ents, "Mosul", "Kitaeb al-Mosul")
    assert not _same(ents, "Daesh", "Daesh Daily")
    assert _same(ents, "Kitaeb al-Mosul", "Mosul Brigades")  # "kitaeb" translated
    assert _same(ents, "Atheel al-Nujaifi", "Nujaifi")


def test_entity_items_have_the_documented_keys_and_valid_offsets(mosul_brief) -> None:
    texts = {a.id: a.text for a in mosul_brief.articles}
    for e in mosul_brief.analysis["entities"]:
        assert {"name", "type", "aliases", "sources", "mentions", "sentence"} <= set(e.to_dict())
        assert e.mentions >= 1 and e.sources
        assert e.name not in e.aliases
        for ref in e.sentence:
            assert ref.article in e.sources
            assert 0 <= ref.start <= ref.end <= len(texts[ref.article])
