"""Regression fixtures for the names round of session 24: products typed ``other``, titles
that open a body's name, possessive names, and a given name that opens a sentence."""

from __future__ import annotations

from brief_util import entities as _entities
from brief_util import entity_named as _entity
from brief_util import entity_names as _names
from brief_util import entity_type as _type


def test_known_products_are_other_not_firms() -> None:
    ents = _entities(
        "Sony said the PlayStation sold well. Gamers love the PlayStation, said Ken Ito. "
        "Nestle lost its case over the KitKat. The KitKat shape is not protected.",
        "The PlayStation costs $399. A KitKat has four fingers, Ito said.",
    )
    assert _type(ents, "PlayStation") == "other"
    assert _type(ents, "KitKat") == "other"
    assert _type(ents, "Sony") == "organization"


def test_a_known_product_after_in_is_no_place() -> None:
    ents = _entities(
        "Apps run on the Kindle Fire in Ohio, said Dana Moss. Moss found a bug in the Kindle "
        "Fire.",
        "Moss said the Kindle Fire sold out in Ohio.",
    )
    assert _type(ents, "Kindle Fire") == "other"  # not a place "in the Kindle Fire"


def test_goods_nouns_after_a_name_type_a_product() -> None:
    ents = _entities(
        "Officers found ZanFlex pills and cash in the car, said Sgt. Ray Dunn. The ZanFlex "
        "pills were sent to a lab.",
        "Dunn said ZanFlex pills are sold on the street in Tulsa.",
    )
    assert _type(ents, "ZanFlex") == "other"  # a brand's spelling, but goods


def test_a_title_word_opening_a_body_or_a_park_stays_in_its_name() -> None:
    ents = _entities(
        "The U.N. General Assembly met in New York. A tourist died in Queen Elizabeth National "
        "Park in Uganda. General Motors said sales fell.",
        "The General Assembly voted on Monday. Rangers of Queen Elizabeth National Park found "
        "him. General Motors shares rose.",
    )
    names = _names(ents)
    assert "Assembly" not in names and "Elizabeth National Park" not in names
    assert "Motors" not in names
    assert _type(ents, "General Motors") == "organization"
    assert _type(ents, "Queen Elizabeth National Park") == "place"


def test_king_before_jr_is_a_surname() -> None:
    ents = _entities(
        "The memorial to the Rev. Martin Luther King Jr. opened in 2011, said Ann Lowe.",
        "Martin Luther King Jr. spoke in Washington in 1963, Lowe said.",
    )
    names = _names(ents)
    assert "Martin Luther" not in names
    assert _type(ents, "Martin Luther King Jr.") == "person" or _type(
        ents, "Martin Luther King Jr") == "person"


def test_possessive_names_of_bodies_stay_whole() -> None:
    ents = _entities(
        "The boy was treated at St. Jude Children's Research Hospital in Memphis. Papers were "
        "filed in Manhattan Surrogate's Court on Friday, said Dr. Jeff Chapa of Cleveland "
        "Clinic Children's Hospital.",
        "St. Jude Children's Research Hospital said he was stable. Manhattan Surrogate's Court "
        "sealed the file. Chapa said Cleveland Clinic Children's Hospital had beds.",
    )
    names = _names(ents)
    assert "St. Jude Children" not in names and "Manhattan Surrogate" not in names
    assert _type(ents, "St. Jude Children's Research Hospital") == "organization"
    assert _type(ents, "Manhattan Surrogate's Court") == "organization"
    assert _entity(ents, "Jeff Chapa") is not None
    assert not any(n.startswith("Jeff Chapa of") for n in names)


def test_a_law_named_after_a_child_is_one_name() -> None:
    ents = _entities(
        "Laura Ahearn, of Parents for Megan's Law, said the arrest was a warning. Megan's Law "
        "requires registration.",
        "Megan's Law was passed in 1994, Ahearn said.",
    )
    assert "Megan" not in _names(ents)


def test_a_common_word_given_name_opening_a_sentence_is_kept() -> None:
    ents = _entities(
        "Bill Gates, the Microsoft founder, spoke on Monday. Gates said he was proud. Melinda "
        "Gates said she agreed.",
        "Melinda Gates and her foundation gave $50 million, the charity said.",
    )
    assert _entity(ents, "Bill Gates") is not None
    melinda = _entity(ents, "Melinda Gates")
    assert melinda is not None and "Gates" not in melinda.aliases


def test_a_capitalised_role_word_before_a_name_is_no_part_of_it() -> None:
    ents = _entities(
        "On Monday, Actor Tom Hanks spoke. Hanks said the film was done. On Tuesday, "
        "Prosecutor Anna Weiss spoke. Weiss said the case was closed.",
        "Later, Campaign Manager Kellyanne Conway spoke to reporters at the hotel. Conway said "
        "the race was close. "
        "Principal Ann Fox said the school was safe. Fox said classes resume.",
    )
    names = _names(ents)
    assert "Actor Tom Hanks" not in names and "Prosecutor Anna Weiss" not in names
    for n in ("Tom Hanks", "Anna Weiss", "Kellyanne Conway", "Ann Fox"):
        assert _type(ents, n) == "person", n


def test_a_role_word_opening_a_body_stays_in_its_name() -> None:
    ents = _entities(
        "Principal Financial Group said profits rose. Principal Financial Group has 8,000 "
        "staff, said Dana Ruiz.",
        "Ruiz said Principal Financial Group would hire in Iowa.",
    )
    assert _type(ents, "Principal Financial Group") == "organization"


def test_an_acronym_joins_a_person_only_when_an_article_names_both() -> None:
    ents = _entities(
        "Kyle Brandon Moore said he was innocent. Moore, 30, was arrested in May.",
        "The KBM group said the ruling was unfair. KBM plans an appeal, KBM said.",
    )
    moore = _entity(ents, "Kyle Brandon Moore")
    assert moore is not None and "KBM" not in moore.aliases
    ents = _entities(
        "John F. Kennedy was elected in 1960. JFK said he was proud.",
        "Kennedy said he was ready.",
    )
    jfk = _entity(ents, "John F. Kennedy")
    assert jfk is not None and "JFK" in jfk.aliases


def test_a_short_given_name_joins_the_long_one_of_the_same_surname() -> None:
    ents = _entities(
        "Dr. Jeff Chapa said the study was weak. Chapa said more work is needed.",
        "Jeffrey Chapa, a doctor in Ohio, agreed. LAPD Cmdr. Andy Smith said the camp was "
        "cleared. Police Commander Andrew Smith later said it went well.",
    )
    chapa = _entity(ents, "Jeffrey Chapa")
    assert chapa is not None and "Jeff Chapa" in chapa.aliases
    smith = _entity(ents, "Andrew Smith")
    assert smith is not None and "Andy Smith" in smith.aliases


def test_given_names_of_two_sexes_stay_apart() -> None:
    ents = _entities(
        "Dan Carter said he was glad. Danielle Carter, his sister, said she was sad.",
        "Dan Carter and Danielle Carter spoke to the press in Ohio.",
    )
    dan = _entity(ents, "Dan Carter")
    assert dan is not None and "Danielle Carter" not in dan.aliases


def test_the_last_word_of_an_x_of_the_y_title_is_no_name() -> None:
    ents = _entities(
        "Earlier on CNN's “State of the Union,” Rubio said the star of Game of Thrones was "
        "right. He also spoke on NBC's “Meet the Press” on Sunday.",
        "Rubio told “Meet the Press” that Game of Thrones fans in Ohio agreed. The Mayor of "
        "Ferguson said he was glad. Ferguson is calm, said Carter Roberts of Chesterfield, Va.",
    )
    names = _names(ents)
    assert "Union" not in names and "Thrones" not in names and "Press" not in names
    assert _type(ents, "Chesterfield") == "place"  # "Carter Roberts of Chesterfield": kept


def test_a_function_word_before_the_opens_no_title() -> None:
    ents = _entities(
        "He wrote: “In the US, elites of the right have failed.” The US economy grew, said "
        "Dana Ruiz.",
        "Ruiz said the US would grow again in 2019.",
    )
    us = _entity(ents, "US")
    assert us is not None and us.mentions >= 3


def test_a_dash_apposition_or_a_legal_form_marks_a_body() -> None:
    ents = _entities(
        "There would be no Lumos – the charity dedicated to closing orphanages – without her. "
        "Since Lumos began working in Moldova, numbers fell.",
        "Lumos works in Bulgaria, said Dana Ruiz. Lumos plans more work. EPA and Vantor Waco "
        "Properties, LLC, reached a settlement.",
    )
    assert _type(ents, "Lumos") == "organization"
    assert _type(ents, "Vantor Waco Properties") == "organization"


def test_a_lone_word_said_of_a_firm_it_opens_joins_the_firm() -> None:
    ents = _entities(
        "EPA and Vantor Waco Properties, LLC, reached a settlement. Vantor will pay a fine, "
        "said Dana Ruiz.",
        "Vantor said it would comply in Texas. Vantor agreed.",
    )
    vantor = _entity(ents, "Vantor")
    assert vantor is not None and vantor.type == "organization"
    assert "Vantor Waco Properties" in (vantor.name, *vantor.aliases)


def test_a_lone_word_opening_two_firms_is_a_firm() -> None:
    ents = _entities(
        "Metron Scientific Solutions built the drone. Metron said the test went well, and "
        "Metron Aviation Systems agreed.",
        "Metron told reporters that the flight was safe, and Metron said more tests follow.",
    )
    assert _type(ents, "Metron") == "organization"


def test_the_name_after_a_possessive_is_found_too() -> None:
    ents = _entities(
        "Thousands filled Cairo's Tahrir Square on Friday, said Dana Ruiz. NASA's Goddard "
        "Space Flight Center tracked the storm.",
        "Ruiz said Cairo's Tahrir Square was calm later, and that NASA's Goddard Space Flight "
        "Center had new data. Dickey's Barbecue Pit stayed open.",
    )
    assert _type(ents, "Tahrir Square") == "place"
    assert _type(ents, "Goddard Space Flight Center") == "organization"
    assert "Pit" not in _names(ents)


def test_a_hyphenated_adjective_opens_no_name() -> None:
    ents = _entities(
        "Britain's Brexit-supporting Daily Express said the bar was smaller, said Dana Ruiz.",
        "Ruiz said Britain's Brexit-supporting Daily Express was wrong.",
    )
    names = _names(ents)
    assert not any(n.startswith("Brexit-supporting") for n in names)
    assert _type(ents, "Daily Express") == "organization"


def test_two_known_products_together_are_a_product() -> None:
    ents = _entities(
        "Microsoft showed the Xbox Kinect on Monday, said Dana Ruiz. The Xbox Kinect reads "
        "faces.",
        "Ruiz said the Xbox Kinect sold well in Ohio.",
    )
    assert _type(ents, "Xbox Kinect") == "other"


def test_olympic_alone_is_an_adjective() -> None:
    ents = _entities(
        "Israel, which lost 11 Olympic team members in 1972, trusts Russia, said Dana Ruiz. "
        "The German Olympic team agreed.",
        "Ruiz said the Olympic athletes were safe in Sochi.",
    )
    assert "Olympic" not in _names(ents)


def test_a_lab_is_a_body() -> None:
    ents = _entities(
        "The study came from USC's Annenberg Innovation Lab, said Dana Ruiz. USC's Annenberg "
        "Innovation Lab has run it since 2012.",
        "Ruiz said USC's Annenberg Innovation Lab would publish more.",
    )
    assert _type(ents, "Annenberg Innovation Lab") == "organization"
