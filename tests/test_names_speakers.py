"""Regression fixtures for issue 16: every example of the issue (speakers and names)."""

from __future__ import annotations

from typing import Any

import pytest

from brief_util import analysis as _analysis
from brief_util import speaker as _speaker
from newsweave.analyze.attribution import valid_speaker
from newsweave.analyze.items import Entity


def _entity(analysis: dict[str, Any], name: str) -> Entity | None:
    for e in analysis["entities"]:
        if name == e.name or name in e.aliases:
            return e
    return None


# --- speakers -----------------------------------------------------------------------------

def test_the_target_of_a_quote_is_not_its_speaker() -> None:
    a = _analysis(
        "Mitt Romney gave a speech in Utah on Thursday.\n\n"
        "Romney attacked Donald Trump: \u201cHis promises are as worthless as a degree from "
        "Trump University.\u201d\n\n"
        "Trump answered at a rally in Maine. \"When Mitt made the statement, who needs that "
        "kind of trade anyway?\" Trump asked rhetorically."
    )
    assert _speaker(a, "worthless") == "Mitt Romney"
    assert _speaker(a, "When Mitt made") == "Donald Trump"


def test_reported_speech_chain_gives_the_innermost_speaker() -> None:
    a = _analysis("Aides told reporters on Friday that Senator Jane Smith said \u201cWe will not "
                  "give up on this fight for the families of the town.\u201d")
    assert _speaker(a, "give up") in ("Senator Jane Smith", "Jane Smith")


def test_a_quoted_tweet_belongs_to_the_author_of_its_signature() -> None:
    a = _analysis(
        "Seth Rogen's mother Sandy Rogen posted a thought on Twitter.\n\n"
        "\"Hey Seth! Come see what your Mom tweeted!\" pic.twitter.com/8aanQvxDK6 \u2014 john "
        "macdonald (@lennon4life1968) July 5, 2017\n\n"
        "And, sure enough, it wasn't long before Rogen responded."
    )
    assert _speaker(a, "Come see what") == "john macdonald"


def test_a_quote_continues_after_a_paragraph_break_and_on_its_own_paragraph() -> None:
    a = _analysis(
        "\u201cWe are going to rebuild every house on this street,\u201d said Mayor Ann Lee. "
        "\u201cIt will take years of work and a lot of money from the state.\n\n"
        "\u201cBut we will not leave anyone behind in this town.\u201d\n\n"
        "The council met later that day."
    )
    assert _speaker(a, "rebuild every house") == "Mayor Ann Lee"
    assert _speaker(a, "It will take years") == "Mayor Ann Lee"
    assert _speaker(a, "leave anyone behind") == "Mayor Ann Lee"
    b = _analysis(
        "\u201cHis imagination must not be married to real power,\u201d Romney said.\n\n"
        "\u201cThere is dark irony in his boasts of his exploits during the war.\u201d\n\n"
        "The speech was delivered on a crisp morning."
    )
    assert _speaker(b, "dark irony") == "Romney"


def test_speaker_named_in_the_sentence_after_the_quote() -> None:
    a = _analysis("The senator spoke for an hour.\n\n"
                  "\u201cI have brought millions of new people into the party!\u201d Trump "
                  "tweeted.")
    assert _speaker(a, "millions of new people") == "Trump"


def test_no_speaker_when_the_text_does_not_say() -> None:
    a = _analysis("\u201cThis is the end of an era for the whole town and its people.\u201d\n\n"
                  "The shop closed on Monday after ninety years.")
    assert _speaker(a, "end of an era") is None


def test_he_said_is_the_person_just_named_not_the_previous_speaker() -> None:
    a = _analysis(
        "\"Stay away from the parks today,\" Mayor Michael Bloomberg said.\n\n"
        "New Jersey Gov. Chris Christie gave bleak news at a morning news conference.\n\n"
        "\"It is beyond anything I thought I'd ever see,\" he said."
    )
    assert _speaker(a, "beyond anything") == "Chris Christie"


def test_she_is_not_the_man_who_spoke_before() -> None:
    a = _analysis(
        "\u201cHope the people think hard about who they want as commander-in-chief,\u201d "
        "John McCain wrote.\n\n"
        "McCain's running mate, Sarah Palin, defended Trump. \u201cIt's not about you at all,"
        "\u201d she wrote to Trump in a Facebook message."
    )
    assert _speaker(a, "not about you") == "Sarah Palin"


def test_the_speaker_of_a_pronoun_skips_a_name_inside_a_relative_clause() -> None:
    a = _analysis(
        "Chen Guangcheng, who is in a Beijing hospital with his wife and two children, said "
        "he has asked the staff for help.\n\n"
        "\"I entrusted the hospital with telling the relevant people about it,\" he said."
    )
    assert _speaker(a, "entrusted the hospital") == "Chen Guangcheng"


@pytest.mark.parametrize("scrap", ["they didn\u2019t cause the panic anyway", "000 a year",
                                   "I never", "A central problem with the U.S. economy",
                                   "Romney called Trump's policy proposals", "Another tweet"])
def test_scraps_of_text_are_never_speakers(scrap: str) -> None:
    assert not valid_speaker(scrap)


@pytest.mark.parametrize("speaker", ["the woman in Dahuk", "One former Mosul resident",
                                     "Col. John Dorrian", "a representative of Kitaeb al-Mosul",
                                     "ZEC chair Priscilla Chigumba", "the study", "May Kollaritsch"])
def test_names_and_descriptions_are_speakers(speaker: str) -> None:
    assert valid_speaker(speaker)


def test_mosul_woman_is_one_speaker_under_four_descriptions(mosul_brief) -> None:
    qs = mosul_brief.analysis["quotes"]
    said = {q.speaker for q in qs if q.person == "One former Mosul resident"}
    assert said == {"One former Mosul resident", "the woman", "The former resident",
                    "the woman in Dahuk"}
    assert _speaker(mosul_brief.analysis, "All the old officers") == "Another resident"
    md = mosul_brief.to_markdown()
    section = md.split("## Who said what")[1].split("\n## ")[0]
    assert section.count("**One former Mosul resident**") == 1
    assert "**the woman**" not in section and "**the woman in Dahuk**" not in section


# --- names ----------------------------------------------------------------------------------

def test_people_organisations_and_places_are_typed() -> None:
    a = _analysis(
        "Serena Williams gave birth on Friday, Reuters reported. Google and Greenpeace "
        "welcomed the news. Romney said he was happy. Romney later flew home.\n\n"
        "New Zealand Prime Minister Jacinda Ardern praised her. Jackie Kennedy once wrote "
        "to Jackie's friends about New Zealand.",
        "Serena Williams thanked her fans, Reuters said. Greenpeace tweeted from New Zealand."
        " Jackie Kennedy was quoted by Google.",
    )
    want = {"Serena Williams": "person", "Reuters": "organization", "Google": "organization",
            "Greenpeace": "organization", "New Zealand": "place", "Jackie Kennedy": "person",
            "Romney": "person"}
    for name, etype in want.items():
        e = _entity(a, name)
        assert e is not None, name
        assert e.type == etype, (name, e)


def test_common_words_and_fragments_are_not_entities() -> None:
    a = _analysis(
        "Police said the Gang of Eight met the Food and Agriculture Organization on Monday. "
        "News of the meeting spread. Media reported that Interior Minister Ali Hassan would "
        "appeal, meaning he would ask again. Police and Media were there.",
        "Police said the Food and Agriculture Organization and the Gang of Eight agreed. "
        "Interior Minister Ali Hassan spoke. News outlets and Media came.",
    )
    names = {n for e in a["entities"] for n in [e.name, *e.aliases]}
    for word in ("Police", "News", "Eight", "Food", "Media", "appeal", "Interior"):
        assert word not in names, word
    assert _entity(a, "Food and Agriculture Organization") is not None


def test_no_handles_glued_to_names_and_no_party_district_tags() -> None:
    a = _analysis(
        "Skip Twitter post by @MorganGodfery Jacinda Ardern gave birth on Thursday. "
        "Sen. Ted Cruz (R-Texas) said he was pleased for Jacinda Ardern.",
        "Jacinda Ardern thanked everyone. Ted Cruz (R-Texas) and @GreenpeaceUK agreed.",
    )
    names = {n for e in a["entities"] for n in [e.name, *e.aliases]}
    assert not any("MorganGodfery" in n or "GreenpeaceUK" in n for n in names)
    assert "R-Texas" not in names
    assert _entity(a, "Jacinda Ardern") is not None


def test_agency_dateline_abbreviation_never_merges_into_a_person() -> None:
    a = _analysis(
        "WASHINGTON (AP) \u2014 Andrew Parker said on Monday the bill would pass. "
        "Andrew Parker is a senator. AP reported the vote.",
        "Andrew Parker, a senator, spoke to AP reporters. AP said the vote was close.",
    )
    parker = _entity(a, "Andrew Parker")
    assert parker is not None and "AP" not in parker.aliases


def test_a_surname_shared_by_two_people_merges_into_neither() -> None:
    a = _analysis(
        "Serena Williams gave birth. Her sister Venus Williams played on Friday. "
        "Williams said she was happy.",
        "Venus Williams won her match. Serena Williams rested. Williams told reporters.",
    )
    serena, venus = _entity(a, "Serena Williams"), _entity(a, "Venus Williams")
    assert serena is not None and venus is not None and serena is not venus
    assert "Williams" not in serena.aliases and "Williams" not in venus.aliases


def test_a_common_word_never_merges_into_a_surname() -> None:
    a = _analysis(
        "Director Jason Moore said the film needed more time. Moore added more scenes.",
        "Jason Moore spoke. Moore wanted more jokes and more music.",
    )
    moore = _entity(a, "Jason Moore")
    assert moore is not None and "more" not in moore.aliases


def test_inverted_attribution_and_a_short_quote_carry_the_speaker() -> None:
    a = _analysis(
        "The talks matter for Washington and the government in Seoul, said David Straub, "
        "deputy director of a research center. Kim studied in Switzerland.\n\n"
        "\u201cThere will be new leaders in the North. They will be younger,\u201d he said.\n\n"
        "\u201cIt\u2019s crazy,\u201d Angela Shymanski told Metro. \u201cI only can remember one or "
        "two times where she got out of her harness.\u201d\n\n"
        "\u201cIt's just so crazy that she did that,\u201d said her grateful mom."
    )
    assert _speaker(a, "new leaders") == "David Straub"
    assert _speaker(a, "only can remember") == "Angela Shymanski"
    assert _speaker(a, "so crazy that") == "her grateful mom"


def test_a_party_tag_in_brackets_links_no_two_people() -> None:
    a = _analysis(
        "D.C. Council member Elissa Silverman (I-At Large) backed the bill. Council member "
        "David Grosso (I-At Large) wrote it.",
        "Elissa Silverman and David Grosso spoke. Silverman and Grosso agreed.",
    )
    silverman = _entity(a, "Elissa Silverman")
    assert silverman is not None and "David Grosso" not in silverman.aliases
    assert "I-At Large" not in silverman.aliases


def test_streets_are_places_and_episode_words_are_not_names() -> None:
    a = _analysis(
        "Police closed Mira Mesa Boulevard on Monday. Season 7 ended. Episode 3 aired.",
        "Mira Mesa Boulevard reopened later. Season 7 was long. Episode 4 airs Sunday.",
    )
    street = _entity(a, "Mira Mesa Boulevard")
    assert street is not None and street.type == "place"
    names = {n for e in a["entities"] for n in [e.name, *e.aliases]}
    assert "Season" not in names and "Episode" not in names
