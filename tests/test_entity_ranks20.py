"""Regression fixtures for the entities ranked 1-20 of test150 clusters 51-60 (judged blind,
fourth session): fragments of longer bodies' names, weekdays, hardware terms, a town typed
other, a product typed place, a middle name, a surname that is another person's given name."""

from __future__ import annotations

from brief_util import entities as _entities
from brief_util import entity_named as _entity


def test_body_names_with_for_and_and_stay_whole() -> None:
    ents = _entities(
        "Cases were confirmed by the Centers for Disease Control and Prevention on Monday. "
        "The CDC said more would come. The CDC official who leads the work spoke to reporters.",
        "The London-based Syrian Observatory for Human Rights said residents fled. Human Rights "
        "Watch put the toll at 10,000, and Human Rights Watch said arrests went on.",
    )
    cdc = _entity(ents, "CDC")
    assert cdc is not None and "Centers for Disease Control and Prevention" in (
        cdc.name, *cdc.aliases)
    for fragment in ("Prevention", "Disease Control", "Human Rights"):
        assert _entity(ents, fragment) is None
    hrw = _entity(ents, "Human Rights Watch")
    assert hrw is not None and hrw.type == "organization"


def test_weekdays_and_shows_named_after_them() -> None:
    ents = _entities(
        "Recently, HIGH TIMES sat down with Saturday Night Live cast member Pete Davidson. "
        "Saturday Night Live returns on NBC. Davidson joined Saturday Night Live in 2014.",
        "The airline had permission to fly on Mondays, Tuesdays and Saturdays, officials said. "
        "Flights on Mondays were cancelled.",
    )
    assert _entity(ents, "Night Live") is None
    snl = _entity(ents, "Saturday Night Live")
    assert snl is not None and snl.type != "person"
    for day in ("Mondays", "Tuesdays", "Saturdays"):
        assert _entity(ents, day) is None


def test_hardware_terms_are_not_names() -> None:
    ents = _entities(
        "The PS4 has an x86 processor, an 8-core CPU and 8 GB of memory. The GPU is designed "
        "for practical tasks, and the HDD can be swapped. Sony said the CPU is fast.",
        "Sony showed the console on Wednesday. Sony said the GPU and the CPU share memory.",
    )
    for word in ("CPU", "GPU", "HDD", "GB"):
        assert _entity(ents, word) is None
    sony = _entity(ents, "Sony")
    assert sony is not None and sony.type == "organization"


def test_town_police_and_a_product_with_an_article() -> None:
    ents = _entities(
        "A Casselberry mother was arrested on Tuesday. Casselberry police said the baby was "
        "dehydrated, and Casselberry police charged her.",
        "Even if it looks like a Kit Kat, it might not be. Nestle wanted to protect a Kit Kat "
        "shape, since a Kit Kat is sold in Europe. Fans of Kit Kat were unmoved.",
    )
    town = _entity(ents, "Casselberry")
    assert town is not None and town.type == "place"
    bar = _entity(ents, "Kit Kat")
    assert bar is not None and bar.type != "place"


def test_middle_names_and_a_surname_that_is_a_given_name() -> None:
    ents = _entities(
        "Sarah Anne Markham was arrested on Tuesday. Sarah Markham said the soy formula was "
        "fine. Her husband, Bo Markham, said there was no case.",
        "Before dinner, 3-year-old Carter Roberts had a fever. This article misnamed Robin "
        "Roberts as Robin Carter. Carter was in hospital for weeks, and Robin Carter waited.",
    )
    sarah = _entity(ents, "Sarah Markham")
    assert sarah is not None and "Sarah Anne Markham" in (sarah.name, *sarah.aliases)
    assert "Bo Markham" not in (sarah.name, *sarah.aliases)
    robin = _entity(ents, "Robin Carter")
    assert robin is not None and "Carter" not in robin.aliases


def test_a_building_is_a_place_and_attorney_is_a_title() -> None:
    ents = _entities(
        "He was held at Folsom State Prison for years. Folsom State Prison is in California.",
        "Attorney Mark O'Mara said he expects the case to be thrown out. O'Mara said the "
        "doctor was challenged.",
    )
    prison = _entity(ents, "Folsom State Prison")
    assert prison is not None and prison.type == "place"
    lawyer = _entity(ents, "Mark O'Mara")
    assert lawyer is not None and lawyer.name == "Mark O'Mara" and lawyer.type == "person"


def test_bodies_papers_and_institutions_named_after_places() -> None:
    ents = _entities(
        "The Center for Economic and Policy Research said wages fell. The National Hurricane "
        "Center said the storm weakened. The Kansas City Star reported the fire, and Al "
        "Jazeera America aired it.",
        "Morgan Harrington, 20, was a student at Virginia Tech. Virginia Tech said she was "
        "missing. The Virginia Lottery paid out. He grew up in Middletown, and Middletown "
        "mourned.",
    )
    for name in ("Center for Economic and Policy Research", "National Hurricane Center",
                 "Kansas City Star", "Al Jazeera America", "Virginia Tech", "Virginia Lottery"):
        e = _entity(ents, name)
        assert e is not None and e.type == "organization", (name, e)
    town = _entity(ents, "Middletown")
    assert town is not None and town.type == "place"


def test_titles_inside_long_runs_and_flights() -> None:
    ents = _entities(
        "Honolulu Chief Medical Examiner Dr. Christopher Happy concluded the report. Happy "
        "said the girl died. Harford County Executive Barry Glassman and Chief Anthony Facos "
        "spoke.",
        "Malaysia Airlines Flight 370 vanished. Searchers looked for Malaysia Airlines Flight "
        "370 for years. Gunilla von Post wrote a memoir, and Gunilla von Post said so.",
    )
    for name in ("Christopher Happy", "Barry Glassman", "Anthony Facos", "Gunilla von Post"):
        e = _entity(ents, name)
        assert e is not None and e.type == "person", (name, e)
    flight = _entity(ents, "Malaysia Airlines Flight 370")
    assert flight is not None and flight.type == "other"
    assert _entity(ents, "Malaysia Airlines Flight") is None


def test_a_surname_said_of_a_man_does_not_join_his_wife() -> None:
    ents = _entities(
        "Cindy McCain said she was proud of the vote. Sen. McCain said he would vote no. "
        "McCain, who said he was tired, left early. Cindy McCain smiled.",
        "McCain said he was sure of it. Cindy McCain waved to the crowd.",
        "Bexar County Sheriff Javier Salazar spoke. Salazar said she threatened the deputies. "
        "Salazar said the deputy lost sight of her. Salazar said witnesses saw a gun.",
    )
    cindy = _entity(ents, "Cindy McCain")
    assert cindy is not None and "McCain" not in cindy.aliases
    lone = _entity(ents, "McCain")
    assert lone is not None and lone.type == "person"
    sheriff = _entity(ents, "Javier Salazar")
    assert sheriff is not None and "Salazar" in sheriff.aliases  # "she" is the suspect


def test_captions_credits_and_page_labels_are_not_names() -> None:
    ents = _entities(
        "The cells grew (Extended Data Fig. 3). Extended Data Fig 4 shows the rest, and "
        "Supplementary Table 2 lists them.",
        "Extended Data Fig 5 shows more. See Supplementary Table 3.",
        "SEE ALL BACK TO SLIDE A Florida man was held. PHOTOS Police said he fled. AP Photo "
        "Trump waved. Trump said he was happy, and Florida police agreed.",
    )
    for name in ("Extended Data Fig", "Supplementary Table", "PHOTOS Police", "AP Photo Trump",
                 "SEE ALL BACK TO SLIDE A Florida", "A Florida"):
        assert _entity(ents, name) is None, name
    assert _entity(ents, "Florida") is not None and _entity(ents, "Trump") is not None


def test_company_cues_and_a_company_named_with_its_country() -> None:
    ents = _entities(
        "Swiss chocolatier Lindt applied for a trademark. The tragic Nirvana frontman died. "
        "Lindt said it would appeal.",
        "AirAsia said the jet crashed. Indonesia AirAsia had violated its licence, and "
        "Indonesia AirAsia said it would comply. AirAsia shares fell.",
    )
    for name in ("Lindt", "Nirvana", "Indonesia AirAsia"):
        e = _entity(ents, name)
        assert e is not None and e.type == "organization", (name, e)


def test_offices_after_a_title_and_junior() -> None:
    ents = _entities(
        "Djoko Murdjatmodjo, the acting Director General of Air Transportation, said the "
        "permit was void. Secretary of State John Kerry met the Mayor of San Juan Carmen "
        "Yulin Cruz. Kerry said he was hopeful.",
        "Wilbur Ross Jr. bought the mills. Wilbur Ross said the deal was fair, and Ross "
        "said he would stay.",
    )
    assert _entity(ents, "Air Transportation") is None
    assert _entity(ents, "State John Kerry") is None
    kerry = _entity(ents, "John Kerry")
    assert kerry is not None and kerry.type == "person"
    assert _entity(ents, "Juan Carmen Yulin Cruz") is None  # "San" stays in the name
    ross = _entity(ents, "Wilbur Ross")
    assert ross is not None and "Wilbur Ross Jr" in (ross.name, *ross.aliases)


def test_a_known_place_or_body_glued_before_a_person() -> None:
    ents = _entities(
        "The talks were led by Libya Mohammed al Magariaf, who said he was ready. Magariaf "
        "said the attack was planned. Jordan Emmanuel Hunt, 19, was charged.",
        "Austin Seth Hunt was charged too. Jordan Emmanuel Hunt said he was innocent.",
    )
    e = _entity(ents, "Mohammed al Magariaf")
    assert e is not None and e.type == "person"
    assert _entity(ents, "Libya Mohammed al Magariaf") is None
    for name in ("Jordan Emmanuel Hunt", "Austin Seth Hunt"):  # given names, not places
        assert _entity(ents, name) is not None, name


def test_a_son_with_his_fathers_name_inside_his_own() -> None:
    ents = _entities(
        "The estate is split between her children: Leslie Bogart, Stephen Bogart and Sam "
        "Robards. Humphrey Bogart died in 1957.",
        "Her children, Leslie Bogart, Stephen Humphrey Bogart and Sam Robards, inherit. "
        "Humphrey Bogart starred with her. House Speaker Paul Ryan said he was sad.",
    )
    son = _entity(ents, "Stephen Humphrey Bogart")
    assert son is not None and "Humphrey Bogart" not in (son.name, *son.aliases)
    assert "Stephen Bogart" in (son.name, *son.aliases)
    ryan = _entity(ents, "Paul Ryan")
    assert ryan is not None and _entity(ents, "House") is None


def test_tax_credits_and_accounts_are_terms() -> None:
    ents = _entities(
        "The plan expands the Earned Income Tax Credit (EITC) and creates Dependent Care "
        "Savings Accounts (DCSAs). The EITC helps workers, and the EITC grows.",
    )
    for name in ("Earned Income Tax Credit",):
        e = _entity(ents, name)
        assert e is not None and e.type == "term", (name, e)


def test_a_body_word_standing_alone_is_not_a_name() -> None:
    ents = _entities(
        "He studied at the University at Albany. The University said he was a member of the "
        "fraternity, and the University suspended it. Albany police said so.",
        "The University at Albany said the Museum would close; the University confirmed it.",
    )
    assert _entity(ents, "University") is None and _entity(ents, "Museum") is None
