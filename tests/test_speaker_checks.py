"""Regression fixtures for issue 16's second speakers round (speaker_checks): a ruling's
"she said in her sentencing decision" is the judge's, an unnamed person brought in just
before a "he said" is no named person further back, a plural family is no "he", and a
possessive fragment is no speaker unless the "'s" owns the words."""

from __future__ import annotations

from brief_util import analysis as _analysis
from brief_util import speaker as _speaker
from newsweave.analyze.speaker_checks import (
    answer_follows,
    byline_speaker,
    dangling_fragment,
    drop_bracketed_names,
    name_after_quote,
    official_after_according,
    plural_family,
    possessive_fragment,
    ruling_speaker,
    surname_subject,
    told_object,
    unnamed_before,
)


def test_a_ruling_is_the_judges() -> None:
    a = _analysis(
        "Court of Queen's Bench Justice Marta Kowalczyk said it was not Dana Pruitt's fault "
        "her son got sick, but she had days to get him care. The trial heard Pruitt gave "
        "the boy herbal tea for a week.\n\n"
        "\"The boy suffered badly from this delay.\" she said in her sentencing decision "
        "Friday.\n\n"
        "Pruitt's lawyer Tom Hale said he would appeal.",
    )
    assert _speaker(a, "suffered badly") == "Marta Kowalczyk"
    assert ruling_speaker(" she said in her ruling.", "Pruitt cried.") == (True, None)
    assert ruling_speaker(" she said outside court.", "Justice Ann Bo said")[0] is False


def test_an_unnamed_person_just_before_is_not_someone_named_earlier() -> None:
    a = _analysis(
        "Carlo Ventura said the town was gone. \"Nothing is left,\" he said.\n\n"
        "One rescue was delicate as a ranger in Montefalco, in the province of Rieti, "
        "tried to keep a trapped man calm.\n\n"
        "\"Stay still, we are nearly there,\" he said.",
    )
    assert _speaker(a, "Nothing is left") == "Carlo Ventura"
    assert _speaker(a, "Stay still") is None
    assert unnamed_before(["as a ranger in Montefalco tried to help."], "Carlo Ventura")
    assert not unnamed_before(["Ventura met a reporter on Monday."], "Carlo Ventura")


def test_a_plural_family_is_no_he() -> None:
    assert plural_family("flowers in honour of the Shermans.", "Shermans")
    assert not plural_family("Jones said.", "Jones")


def test_a_possessive_fragment_is_no_speaker() -> None:
    text = ("President Kane's security adviser defended the tweet. Warren's comments came "
            "later. Polizzi’s told the press it would be different.")
    assert possessive_fragment("President Kane's", text) == "President Kane's security adviser"
    assert possessive_fragment("Kane's", "Kane's rally went on.") is None
    assert possessive_fragment("Warren's", text) == "Warren"
    assert possessive_fragment("Polizzi’s", text) == "Polizzi"
    assert possessive_fragment("Jones", text) == "Jones"


def test_a_bare_surname_opening_the_sentence_before_is_the_she() -> None:
    a = _analysis(
        "Actress Maya Frost wore a gown to the panel. \"She is trying too hard,\" one user "
        "wrote. \"So sad,\" another tweeted.\n\n"
        "Frost chose to hit back on Instagram Thursday evening, telling critics to relax.\n\n"
        "\"Why does anyone care what I wore to the panel?\" she asked in the post.",
    )
    assert _speaker(a, "Why does anyone care") == "Maya Frost"
    assert surname_subject("Frost chose to hit back.", ["Maya Frost", "Ann Lee"]) == "Maya Frost"
    assert surname_subject("Frost chose to hit back.", ["Maya Frost", "Tom Frost"]) is None


def test_a_bracketed_name_does_not_hide_the_subject() -> None:
    a = _analysis(
        "Lawrence hunts the beast to a camp in the hills. The old woman Velma (Greta Moss) "
        "stitches the wound, but pronounces him cursed: \"Even a man who is pure in heart "
        "may become a wolf when the moon is bright.\"\n\nThe film opens Friday.",
    )
    assert _speaker(a, "pure in heart") == "Velma"
    assert drop_bracketed_names("Velma (Greta Moss) stitches it:") == "Velma stitches it:"


def test_a_press_digest_byline_is_the_speaker() -> None:
    a = _analysis(
        "PARKING WARS -- Daily Ledger A1, \u201cFor snowed-in drivers, hours of sweat,\u201d "
        "by Ann Marsh and Bo Linden: \u201cThe struggle for post-blizzard parking is "
        "playing out in different ways in different places.\u201d\n\n"
        "WHAT N.H. IS READING -- Union Leader lead story, \u201cCandidates eye debate,\u201d "
        "by Staff Report: \u201cThe holdout is the senator from Vermont, who has not yet "
        "said yes.\u201d",
    )
    assert _speaker(a, "post-blizzard parking") in ("Ann Marsh", "Ann Marsh and Bo Linden")
    assert _speaker(a, "The holdout is") is None
    assert byline_speaker(", by Staff Report: ") is None


def test_according_to_a_report_an_official_said() -> None:
    a = _analysis(
        "The state news agency reported that a ministry source accused the envoy of "
        "travelling without permission. According to the report, the Foreign Ministry "
        "official said the visit was \"clear evidence of foreign involvement in the "
        "unrest\" in the city.",
    )
    assert _speaker(a, "clear evidence of foreign") == "the Foreign Ministry official"
    assert official_after_according("According to the report, Smith said") is None


def test_a_dangling_clause_piece_is_no_speaker() -> None:
    assert dangling_fragment("cited his campaign slogan and")
    assert not dangling_fragment("Steve Hendrix and Perry Stein")
    assert not dangling_fragment("police")


def test_the_one_told_is_no_speaker_the_name_after_the_quote_is() -> None:
    a = _analysis(
        "The storm left a trail of damage along the coast on Monday night.\n\n"
        "\"We have not seen damage like this in a generation,\" Gov. Alan Pruitt, "
        "assessing the scope of a storm that swept homes into the ocean, flooded "
        "large swaths of coastal areas, left millions of people without power and crippled "
        "transportation across the whole region, told Channel Nine News.",
    )
    assert _speaker(a, "damage like this") in ("Gov. Alan Pruitt", "Alan Pruitt")
    assert told_object(", he told NBC News.", "NBC News")
    assert not told_object("NBC News told viewers.", "NBC News")
    assert name_after_quote(", Ann Lee, a nurse, said.") == "Ann Lee"
    assert name_after_quote(", she said.") is None


def test_a_name_before_an_agent_noun_is_a_modifier_not_the_he() -> None:
    a = _analysis(
        "The anchor pressed the campaign on its poll numbers.\n\n"
        "Senator Paul Wexler aide Michael Dunn questioned the polls on air on Tuesday.\n\n"
        "\"Ok. Which polls?\" he asked.",
    )
    assert _speaker(a, "Which polls") == "Michael Dunn"


def test_the_answer_to_a_question_is_not_the_askers() -> None:
    a = _analysis(
        "The anchor pressed the aide on the numbers during the interview.\n\n"
        "\"Ok. Which polls?\" Dunn asked.\n\n"
        "\"All of them.\"\n\n"
        "The interview did little to reassure supporters of the campaign.",
    )
    assert _speaker(a, "Which polls") == "Dunn"
    assert _speaker(a, "All of them") is None
    b = _analysis(
        "Researcher Jeffrey Chapa of the university raises another possibility about mothers.\n\n"
        "\"Are those moms also more likely to give the drug to their children?\" he asked."
        "\n\n\"The immediate take-home message is that if you take a lot, maybe you "
        "shouldn't.\"",
    )
    assert _speaker(b, "take-home message") == _speaker(b, "Are those moms") is not None
    assert answer_follows("Which polls?", " he asked.")
    assert not answer_follows("We will win.", " he said.")
