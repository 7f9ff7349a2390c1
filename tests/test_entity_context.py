"""Regression fixtures for the names failures of last session's final round (test150 clusters
121-140, judged): works and awards typed person or place, time zones merged into states, an
actor merged with the character, a city merged with its police service, brand spellings."""

from __future__ import annotations

from brief_util import entities as _entities
from brief_util import entity_named as _entity
from newsweave.analyze.name_evidence import bracket_alias_ok, camel_case, context_cues


def test_bracket_alias_needs_evidence() -> None:
    assert not bracket_alias_ok("Susie Salmon", "Saoirse Ronan")  # character (actor)
    assert not bracket_alias_ok("George Harvey", "Stanley Tucci")
    assert not bracket_alias_ok("Medicine Hat.", "Medicine Hat Police Service")  # a credit
    assert not bracket_alias_ok("Medicine Hat", "Medicine Hat Police Service")
    assert not bracket_alias_ok("Hawaii", "HST") and not bracket_alias_ok("Alaska", "AKST")
    assert bracket_alias_ok("Islamic State", "IS")
    assert bracket_alias_ok("Kitaeb al-Mosul", "Mosul Brigades")
    assert bracket_alias_ok("Environmental Protection Agency", "EPA")


def test_context_cues_for_works_and_bodies() -> None:
    assert "work" in context_cues("Oscar-nominated for her compelling role in \" ", ',"')
    assert "work" in context_cues("the HGTV series ", " and")
    assert "work" in context_cues("", "-nominated for her role")
    assert "org" in context_cues("the airline ", " said on Monday")
    assert "quoted" in context_cues('was an unlikely hit. "The ', '" is a film')
    assert "hashtag" in context_cues("using the hashtag #", " to")
    assert camel_case("JetBlue") and camel_case("DoSomething")
    assert not camel_case("McCain") and not camel_case("DeSantis") and not camel_case("Smith")


def test_characters_time_zones_and_police_services_stay_apart() -> None:
    ents = _entities(
        "A dead 14-year-old girl named Susie Salmon (Saoirse Ronan) tells her story. The "
        "neighbor George Harvey (Stanley Tucci) is busy with his hobbies. Susie Salmon loves "
        "photography. Saoirse Ronan is wonderful. Stanley Tucci said he almost said no.",
        "The eclipse starts at 3:48 a.m. in Hawaii (HST) and 4:48 a.m. in Alaska (AKST). "
        "Hawaii gets the best view, and Alaska the worst.",
        "Police say a man robbed two banks in Medicine Hat. (Medicine Hat Police Service) "
        "The Medicine Hat Police Service said he was arrested in Medicine Hat on Saturday.",
    )
    ronan = _entity(ents, "Saoirse Ronan")
    assert ronan is not None and "Susie Salmon" not in ronan.aliases
    tucci = _entity(ents, "Stanley Tucci")
    assert tucci is not None and "George Harvey" not in tucci.aliases
    for state, zone in (("Hawaii", "HST"), ("Alaska", "AKST")):
        e = _entity(ents, state)
        assert e is not None and zone not in e.aliases and e.type == "place"
        assert _entity(ents, zone) is None  # a time zone is not a name
    city = _entity(ents, "Medicine Hat")
    assert city is not None and "Medicine Hat Police Service" not in city.aliases


def test_works_awards_and_brands_are_typed() -> None:
    ents = _entities(
        "Saoirse Ronan, Oscar-nominated for her role in \"Atonement,\" plays Susie. Ronan was "
        "best remembered for her role in Atonement. The Oscar went to someone else.",
        "Fans of the HGTV series Fixer Upper were shocked. The Fixer Upper stars paid a fine. "
        "JetBlue said on Monday it would add flights, and JetBlue shares rose.",
        "She was flying Air France to Paris. Air France said the plane landed safely. Her "
        "Christmas plans were ruined, she said. Christmas is her favourite holiday.",
    )
    for name, etype in (("Atonement", "other"), ("Fixer Upper", "other"), ("Oscar", "other"),
                        ("JetBlue", "organization"), ("Air France", "organization"),
                        ("Christmas", "other"), ("Saoirse Ronan", "person")):
        e = _entity(ents, name)
        assert e is not None and e.type == etype, (name, e)


def test_given_name_that_is_a_month_and_two_people_of_one_surname() -> None:
    ents = _entities(
        "SALT LAKE CITY (AP) — Jan Harding and her husband had just arrived at a restaurant. "
        "Jim Harding said the tea was hot. Harding was in critical condition, her lawyer said.",
        "In June Trump said no. Jan Harding, 67, is in a hospital. Jim Harding was there.",
    )
    jan, jim = _entity(ents, "Jan Harding"), _entity(ents, "Jim Harding")
    assert jan is not None and jim is not None and jan is not jim
    assert "Harding" not in jan.aliases and "Harding" not in jim.aliases
    assert _entity(ents, "June Trump") is None


def test_teams_demonyms_terms_and_people_from_the_mid_round() -> None:
    ents = _entities(
        "The Buffalo Bills beat the Jets on Sunday. The Cincinnati Bengals lost again, and "
        "the Jets said they would appeal. A Kenyan runner won; Kenyan officials cheered.",
        "Children with fetal alcohol syndrome (FAS) may have a damaged central nervous "
        "system (CNS). The Fetal Alcohol Spectrum Disorder (FASD) network said FAS is rare.",
        "Bekah said she was fine. Her mother told reporters Bekah had called her on Monday, "
        "and Bekah said she would fly home. The two Koreas met in Pyongyang on Friday.",
    )
    for name, etype in (("Buffalo Bills", "organization"), ("Jets", "organization"),
                        ("Cincinnati Bengals", "organization"), ("FAS", "term"),
                        ("Bekah", "person"), ("Koreas", "place"), ("Pyongyang", "place")):
        e = _entity(ents, name)
        assert e is not None and e.type == etype, (name, e)
    assert _entity(ents, "Kenyan") is None


def test_spelling_key_collisions_and_second_halves() -> None:
    ents = _entities(
        "U.S. District Judge Kurt Engelhardt ruled on Monday. Judge Kurt Engelhardt said the "
        "Ukrainian Canadian Congress (UCC) could take part. The UCC welcomed it.",
        "MEBANE, N.C. (AP) — Police in Mebane said on Friday that the Department of Children "
        "and Family Services had been told. Mebane police declined to comment.",
    )
    for name, etype in (("Kurt Engelhardt", "person"), ("Ukrainian Canadian Congress",
                                                         "organization"), ("Mebane", "place")):
        e = _entity(ents, name)
        assert e is not None and e.type == etype, (name, e)
    assert _entity(ents, "Family Services") is None


def test_tails_of_longer_names_are_not_names() -> None:
    ents = _entities(
        "The study was published in the Journal of Forensic Sciences on Monday. The Journal of "
        "Forensic Sciences said it was reviewed. Sunset Memorial Gardens & Funeral Home said "
        "the service is on Friday.",
        "Sunset Memorial Gardens & Funeral Home handled the burial, the Journal of Forensic "
        "Sciences reported.",
    )
    assert _entity(ents, "Forensic Sciences") is None
    assert _entity(ents, "Funeral Home") is None
