"""Regression fixtures for the speaker rules added for issue 16's second round: documents,
speech verbs elsewhere in the sentence, transcripts, quote-only paragraphs, shows taken for
people, and the HTML "Who said what" grouped by person."""

from __future__ import annotations

from brief_util import analysis as _analysis
from brief_util import speaker as _speaker
from newsweave.analyze.attribution import clean_np, speaker_after
from newsweave.analyze.documents import document_author
from newsweave.render import brief_to_html


def test_a_statement_is_given_to_its_author() -> None:
    a = _analysis(
        "Councilman Ed Marrow apologised on Wednesday.\n\n"
        "Marrow's campaign issued a statement to local reporters after the mailer went out.\n\n"
        "\u201cWe deeply regret that the picture hurt so many of our neighbours,\u201d the "
        "statement said.",
        "Bishop Ann Leary of the diocese issued a statement that reads in part, \"The diocese "
        "has a zero tolerance policy for conduct of this kind in every parish we serve.\"",
    )
    assert _speaker(a, "deeply regret") in ("Marrow", "Marrow\u2019s campaign")
    assert _speaker(a, "zero tolerance") == "Bishop Ann Leary"


def test_a_letter_that_says_something_is_its_writers() -> None:
    text = ("The senator's last letter to Greta Lind was written in 1956.\n\n"
            "\u201cIf you don't marry come over, as I should like to see you,\u201d it reads.")
    pos = text.index("\u201c")
    assert document_author(text, pos, len(text)) == "The senator"


def test_a_speech_verb_elsewhere_in_the_sentence_names_the_speaker() -> None:
    a = _analysis(
        "Mark Fitzgerald studies arms sales in London.\n\n"
        "Although the engineer \u201cwas not the only one who profited from the sales of the "
        "designs and the parts,\u201d his standard of living was lavish, said Mark Fitzgerald, "
        "a former State Department official.\n\n"
        "Dana Koller said that she wanted to know how long the compound lasts and added that "
        "\u201cresearch on the toxicity of the compound should also be conducted.\u201d"
    )
    assert _speaker(a, "was not the only one") == "Mark Fitzgerald"
    assert _speaker(a, "research on the toxicity") == "Dana Koller"


def test_a_quote_paragraph_after_a_speakers_sentence_is_theirs() -> None:
    a = _analysis(
        "The radio host spoke for an hour on Friday.\n\n"
        "Rush Hollis later added that the dossier is essentially a \"paid political "
        "opposition research document\" dressed up as intelligence.\n\n"
        "\"The reason nobody is charged is that the whole scheme would have to come out into "
        "the open for everyone to see.\""
    )
    assert _speaker(a, "The reason nobody") == "Rush Hollis"


def test_transcript_turns_name_their_speakers() -> None:
    a = _analysis(
        "The anchor Brianna Kellar interviewed campaign lawyer Michael Cole on Tuesday.\n\n"
        "Kellar: \"You say it is not a shake-up, but you guys are down in the polls.\"\n\n"
        "Cole: \"Says who? Who says we are down in the polls?\"\n\n"
        "Kellar: \"Polls. I just told you. I answered your question.\""
    )
    assert _speaker(a, "not a shake-up") == "Brianna Kellar"
    assert _speaker(a, "Who says we are down") == "Michael Cole"
    assert _speaker(a, "I just told you") == "Brianna Kellar"


def test_asked_reporters_and_had_said_attribute_a_closed_quote() -> None:
    assert speaker_after(" McCain asked reporters. \"Because", "Why do they wait?") == "McCain"
    assert speaker_after(", she had said earlier this year.", "I am not the first,") == "she"
    assert speaker_after(", the ex-parishioner said.", "I never heard it,") == "the ex-parishioner"
    assert clean_np("one woman attending a morning yoga class") == "one woman"


def test_a_verb_before_a_colon_introduces_the_next_quote_not_this_one() -> None:
    a = _analysis(
        "The critic Jay Rayburn tweeted: \"Goodbye Clara. A truly fabulous woman, and it was "
        "always fun to work with her.\" Television chef Jamie Olsen added: \"She was always "
        "entertaining to watch and a passionate cook.\""
    )
    assert _speaker(a, "truly fabulous") == "Jay Rayburn"
    assert _speaker(a, "always entertaining") == "Jamie Olsen"


def test_a_show_is_never_she() -> None:
    a = _analysis(
        "Clara Dixon and Jenny Pate filmed Two Fat Ladies in 1996 for the BBC.\n\n"
        "The show ran for four series.\n\n"
        "\"It was like having a wild animal in the house, never knowing when it would roar,\" "
        "she wrote of her childhood."
    )
    assert _speaker(a, "wild animal") != "Fat Ladies"


def test_html_who_said_what_lists_each_person_once(mosul_brief) -> None:
    page = brief_to_html(mosul_brief)
    section = page.split("Who said what", 1)[1].split("</ul>", 1)[0]
    assert section.count("<b><bdi>One former Mosul resident</bdi></b>") == 1
    assert "the woman in Dahuk" in section
