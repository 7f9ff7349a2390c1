"""Regression fixtures for the speaker rules of issue 16's seventh round: relayed words keep
their own speaker or none, a quote naming its speaker by given name is not theirs, a brother
is not merged into his late brother, closing marks of other house styles, glued quotes, ages
and long titles before the verb, "X, who …" as the antecedent of "he"."""

from __future__ import annotations

from brief_util import analysis as _analysis
from brief_util import speaker as _speaker


def test_relayed_words_are_not_the_relayers() -> None:
    a = _analysis(
        "Detectives reopened the case in 2009 after a long silence.\n\n"
        "Ruth Calder, his half sister, wrote to the police that year. She said her ailing "
        "father had called her to his bed years earlier and murmured, \"The boy by the "
        "river, the one they never found, it was Tom who did it.\"\n\n"
        "Sheriff Dale Ortiz said one of the officers found the man in a shed who then told "
        "him, \"I have a knife and I will use it on you.\"\n\n"
        "Marek Olsen said Pieter Vos, his partner at the time, then said: \"We should hide "
        "the money in the farm accounts until the audit is over.\"",
    )
    assert _speaker(a, "boy by the river") != "Ruth Calder"
    assert _speaker(a, "I have a knife") == "the man in a shed"
    assert _speaker(a, "hide the money") in (None, "Pieter Vos")


def test_a_speaker_named_inside_the_quote_is_not_its_speaker() -> None:
    a = _analysis(
        "Walter Brandt died when his van left the road near Gilroy.\n\n"
        "His brother, Will, told a local station that Walter had complained \"the van "
        "pulled to the left every week. Walter took it to the garage twice but they found "
        "nothing.\"\n\n"
        "Will Brandt texted us, \"That rail should have stopped the van and saved my "
        "brother.\"\n\n"
        "\"They kept telling him it was the tyres,\" Will said.",
    )
    assert _speaker(a, "pulled to the left") is None
    assert _speaker(a, "That rail should") == "Will Brandt"
    assert _speaker(a, "kept telling him") in ("Will", "Will Brandt")


def test_closing_marks_glued_quotes_ages_and_long_titles() -> None:
    a = _analysis(
        "The new \u201cHarbor Lights\u2019\u2019 drags its feet from the first scene, and "
        "every time the foghorn sounds you may find yourself laughing out loud.\n\n"
        "Neighbors gathered outside on Monday.\"He was kind,\" said Rosa Diaz. \"He fixed "
        "every bike on this street and never asked for a cent.\"Police said little more.\n\n"
        "\"It is not safe to walk home from there at night,\" said 15-year-old Lena Brook, "
        "whose parents moved her to another school.\n\n"
        "\"The check-in line was the first thing travellers asked us to change,\u201d Anna "
        "Pike, the airline\u2019s vice president of Ground Operations, Planning and Design, "
        "said in a statement.",
    )
    assert not [q for q in a["quotes"] if "foghorn" in q.text]
    assert _speaker(a, "fixed every bike") == "Rosa Diaz"
    assert _speaker(a, "not safe to walk") == "Lena Brook"
    assert _speaker(a, "check-in line") == "Anna Pike"


def test_a_person_described_by_a_relative_clause_is_the_next_he() -> None:
    a = _analysis(
        "The two leaders met in Oslo on Tuesday before the summit.\n\n"
        "They were joined by the Danish premier Lars Holm, who had flown in from Berlin. He "
        "repeated calls for a ceasefire but said talks had to come first.\n\n"
        "\"We condemn the shelling, but nobody should forget what happened the last time "
        "talks were abandoned,\" he said.\n\n"
        "The Meyer family lives in Bergen. A visibly tired Jonas Meyer says he could not "
        "sleep for days. His mother and sister have also been at the hospital.\n\n"
        "\"My sister is the strong one,\" he says.",
    )
    assert _speaker(a, "condemn the shelling") == "Lars Holm"
    assert _speaker(a, "sister is the strong") == "Jonas Meyer"
