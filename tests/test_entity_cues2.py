"""Regression fixtures for context cues that type towns and firms without a gazetteer entry
(fifth session, second round): "Name, 19, of Town,", "a Town couple", "Town-based Firm",
"Region state", "the state of Region", "Firm, which owns …", "acquired Firm", "drugmaker
Firm"."""

from __future__ import annotations

from brief_util import entities as _entities
from brief_util import entity_named as _entity


def test_where_a_person_is_from_is_a_place() -> None:
    ents = _entities(
        "Walter Brinley, 21, of Pembrook, is charged with arson. Dana Okafor, 19, of Pembrook, "
        "is charged with conspiracy. Lyle Matson, of Quarrytown Heights, was also held.",
        "Pembrook officers said Matson, of Quarrytown Heights, would appear on Monday.",
    )
    for town in ("Pembrook", "Quarrytown Heights"):
        e = _entity(ents, town)
        assert e is not None and e.type == "place", (town, e)


def test_a_town_couple_and_a_town_based_firm() -> None:
    ents = _entities(
        "A Halverton couple was robbed on Wednesday night. Halverton-based Brisco has "
        "given $5,000 to the reward fund, and Brisco said it hoped for an arrest.",
        "The Halverton couple had gone to look at a car, detectives said.",
    )
    town = _entity(ents, "Halverton")
    assert town is not None and town.type == "place"


def test_a_region_named_with_state() -> None:
    ents = _entities(
        "Ten died in the central state of Tlanepa last week. Tlanepa state officials said "
        "three more attackers had died.",
        "Fuel theft plagues Tlanepa, officials said.",
    )
    e = _entity(ents, "Tlanepa")
    assert e is not None and e.type == "place"


def test_firm_cues_which_owns_acquired_and_a_maker() -> None:
    ents = _entities(
        "Coty Inc. acquired Varnell in 2016. Sementa joined Varnell in 2007 and led "
        "Varnell training.",
        "The list is topped by Ostrova, which owns two courses. It said Ostrova owes $437,714.",
    )
    for firm in ("Varnell", "Ostrova"):
        e = _entity(ents, firm)
        assert e is not None and e.type == "organization", (firm, e)


def test_short_names_of_firms_and_brands_in_a_list() -> None:
    ents = _entities(
        "The network at retailer Brumley Vantage was hacked. Brumley Vantage said on Thursday "
        "that it had no knowledge of a link. The breach at Brumley lasted months, and "
        "investigators said Brumley knew in December.",
        "Police searched the office at Corvantix, the drug company, and the workplace at "
        "Corvantix Inc. was sealed; Corvantix Inc. said it helped them.",
        "Its owner also holds brands including Dalvora, Mirkel and Tobbins, and Tobbins is "
        "sold in 120 countries, while Mirkel is not.",
    )
    for firm in ("Brumley", "Corvantix"):
        e = _entity(ents, firm)
        assert e is not None and e.type == "organization", (firm, e)
    brand = _entity(ents, "Tobbins")
    assert brand is None or brand.type != "organization"


def test_a_list_keeps_going_over_a_member_the_finder_dropped() -> None:
    from newsweave.analyze.entity_lists import _LIST_SEP

    assert _LIST_SEP.match(", Experian, ")
    assert _LIST_SEP.match(", Reed Elsevier, ")
    assert _LIST_SEP.match(" and ")
    assert not _LIST_SEP.match(", who said, ")


def test_a_father_sharing_a_two_word_surname_stays_apart() -> None:
    ents = _entities(
        "Clarissa Penrose Hale, who has died aged 66, was a cook. Clarissa grew up in London. "
        "Her father, Arthur, was a surgeon. Penrose Hale later trained as a barrister.",
        "She was the youngest child of Dr. Arthur Penrose Hale, a surgeon. Clarissa Penrose "
        "Hale said Penrose Hale was her name in court, and Clarissa laughed.",
    )
    her, father = _entity(ents, "Clarissa"), _entity(ents, "Arthur Penrose Hale")
    assert her is not None and father is not None and her.name != father.name
    assert "Arthur" not in her.aliases


def test_one_man_with_two_first_names_still_joins() -> None:
    """A guard (passes before and after): the two first names are one man's."""
    ents = _entities(
        "Agency chief Fransiskus Bambang Soelistyo told reporters the tail was found.",
        "The part was the jet's body, said Henry Bambang Soelistyo, chief of the agency. "
        "Bambang Soelistyo, the head of the agency, spoke on Sunday.",
    )
    e = _entity(ents, "Bambang Soelistyo")
    assert e is not None and e.type == "person"
    assert [x.name for x in ents if "Soelistyo" in " ".join((x.name, *x.aliases))] == [e.name]


def test_a_junior_is_his_surname_and_mister_takes_a_surname() -> None:
    ents = _entities(
        "The writer Jenna Halvorsen said the delay was sad. Halvorsen wrote a book. The "
        "dedication was delayed, said Harry E. Halvorsen Sr., chief of the foundation.",
        "Defense Secretary Leon Panetta spoke to Mr. Barok this week. Barock Obama said the "
        "talks went well, and Barock Obama left for Asia.",
    )
    jenna = _entity(ents, "Jenna Halvorsen")
    assert jenna is not None and "Halvorsen" not in jenna.aliases
    obama = _entity(ents, "Barock Obama")
    assert obama is not None and "Barok" not in obama.aliases


def test_a_middle_name_and_junior_join_the_short_name() -> None:
    ents = _entities(
        "Police arrested Jesse Lamar Mattox Jr. on Friday. Jesse Mattox was charged.",
        "Jesse Mattox appeared in court. Mattox said nothing, and Mattox left.",
    )
    e = _entity(ents, "Jesse Mattox")
    assert e is not None and "Jesse Lamar Mattox Jr" in (e.name, *e.aliases)


def test_storms_felonies_marines_and_email_headers() -> None:
    ents = _entities(
        "Hurricane Marlowe hit the coast in 1985. Marlowe flooded the town, and Marlowe left "
        "thousands without power, officials said.",
        "He was charged with a State Jail Felony on Friday. The Marines said two Marines were "
        "hurt.",
        "E-mail from the press officer: \"Come now.\" E-mail to the daughter at 11 p.m. said more.",
    )
    storm = _entity(ents, "Marlowe")
    assert storm is not None and storm.type != "person"
    felony = _entity(ents, "State Jail Felony")
    assert felony is None or felony.type == "term"
    marines = _entity(ents, "Marines")
    assert marines is not None and marines.type == "organization"
    assert _entity(ents, "E-mail") is None


def test_a_firms_short_name_joins_it() -> None:
    ents = _entities(
        "Senators grilled Brayton Fargas CEO John Stumpe on Tuesday. Brayton Fargas is paying "
        "$185 million in penalties.",
        "Cross-selling was one of the reasons that Brayton has become the most valuable bank, "
        "Stumpe said, and analysts expect Brayton to recover.",
    )
    bank = _entity(ents, "Brayton Fargas")
    assert bank is not None and bank.type == "organization" and "Brayton" in bank.aliases


def test_pieces_of_addresses_bodies_and_firms_are_no_names() -> None:
    ents = _entities(
        "A woman walked into the Sunset Funeral Home, 6801 E. Business 20, on Friday. She "
        "drove off on East Highway 80 toward town.",
        "Chemist Luigi Garlaschi of the Italian Committee for the Investigation of Claims of "
        "the Pseudosciences spoke. Expert Jon Priestley of Bevel, Gardner and Associates Inc. "
        "agreed.",
    )
    for piece in ("E. Business", "East Highway", "Italian Committee", "Associates Inc"):
        assert _entity(ents, piece) is None, piece


def test_transcript_speaker_labels_are_people() -> None:
    intro = "This is a long introduction to the radio show about the war and the city. " * 3
    ents = _entities(
        intro + "\nHALLOWAY: Good morning, and welcome.\nGARCIA: Thanks for having me.\n"
        "HALLOWAY: What did you see?\nGARCIA: Smoke over the river.\nHALLOWAY: Thank you.",
        "BAGHDAD: Smoke rose over the city on Monday, officials said.",
        "The ruins date from 2000 BCE to 300 CE, and CE dates are later.",
    )
    host = _entity(ents, "HALLOWAY")
    assert host is not None and host.type == "person"
    city = _entity(ents, "BAGHDAD")
    assert city is not None and city.type == "place"
    assert _entity(ents, "CE") is None


def test_time_zones_buildings_award_titles_and_usa_today() -> None:
    ents = _entities(
        "The eclipse starts at 04:00 UT on Monday, and at 05:00 UT the Moon is high.",
        "He told USA Today on Monday that he won. USA Today reported it first.",
        "Crowds met at the Colorado State Capitol Building on Monday. She was named Travel "
        "Journalist of the Year, and the Martin Luther King Jr. National Memorial opened.",
    )
    zone = _entity(ents, "UT")
    assert zone is not None and zone.type == "term"
    paper = _entity(ents, "USA Today")
    assert paper is not None and paper.type == "organization"
    building = _entity(ents, "Colorado State Capitol Building")
    assert building is not None and building.type == "place"
    assert _entity(ents, "Travel Journalist") is None
    assert _entity(ents, "Jr. National Memorial") is None


def test_a_roman_numeral_alone_is_no_name() -> None:
    ents = _entities(
        "The shroud dates from the XIV century, experts said. In the XIV century it was "
        "shown in Turin, and Pope Pius XII saw it.",
    )
    assert _entity(ents, "XIV") is None
