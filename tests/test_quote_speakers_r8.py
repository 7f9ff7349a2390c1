"""Regression fixtures for the speaker rules of issue 16's eighth round: the subject of
"X called Y “…”" / "which it described as “…”", a colon after an opening phrase or a
pronoun, an opening clause before "a spokesperson explains:", in-law and plural speakers,
"her agent" is not the next "she", and titles or headlines named as such are no quotes."""

from __future__ import annotations

from brief_util import analysis as _analysis
from brief_util import speaker as _speaker


def test_the_subject_of_called_or_described_as_says_the_words() -> None:
    a = _analysis(
        "Ottawa has refused to extradite the retired officer for a second time.\n\n"
        "Mr. Halvorsen called the new probe \"a transparent attempt to distract attention "
        "from the border dispute and sow discord at home.\"\n\n"
        "The company said it ended the practice of \"culling\" — which it described as "
        "\"an old method the trade used to keep weaker birds away from the feed\" — at two "
        "of its farms.\n\n"
        "Critics of the so-called \"quiet period\" were not asked for comment.",
    )
    assert _speaker(a, "transparent attempt") == "Mr. Halvorsen"
    assert _speaker(a, "an old method the trade") == "The company"


def test_a_colon_after_an_opening_phrase_or_a_pronoun() -> None:
    a = _analysis(
        "The interview grew tense as the numbers were read out on air.\n\n"
        "Unsatisfied, Marcus Penn followed up: \"OK, and which of those surveys do you "
        "mean?\"\n\n"
        "Teacher Ellen Voss had heard about the boy for years before he reached her class. "
        "So by the time the new term was set to begin, she issued a warning to the "
        "principal: \"I will resign if he is put in my room this year.\"",
    )
    assert _speaker(a, "which of those surveys") == "Marcus Penn"
    assert _speaker(a, "I will resign") == "Ellen Voss"


def test_an_opening_clause_is_not_the_spokesperson() -> None:
    a = _analysis(
        "The startup will sell its camera glasses online from Monday.\n\n"
        "As for why the firm is ending its limited release strategy, a spokesperson "
        "explains:\n\n"
        "\"When we launched, the idea was to learn from a small group of early buyers, and "
        "now we are ready for everyone else.\"",
    )
    assert _speaker(a, "When we launched") == "a spokesperson"


def test_in_law_and_plural_speakers() -> None:
    a = _analysis(
        "The pub was half empty on a Friday night.\n\n"
        "\"It is the worst we have seen in our lifetime, and there is no hope left,\" my "
        "mother-in-law told me recently.\n\n"
        "\"Dana Ruiz is a fearless reporter who regularly breaks national stories,\" say "
        "the judges of the award.",
    )
    assert _speaker(a, "worst we have seen") == "my mother-in-law"
    assert _speaker(a, "fearless reporter") == "the judges of the award"


def test_her_agent_is_not_the_next_she() -> None:
    a = _analysis(
        "Nora Quill, the television cook, died on Monday at 66.\n\n"
        "Her birthday in June would have marked 27 years without a drink, a birthday her "
        "agent said \"meant far more to her than another year on the clock\".\n\n"
        "In a 2009 interview, she said of her meetings: \"You could go there and talk "
        "about the stresses in your life without anyone wanting anything from you.\"",
    )
    assert _speaker(a, "another year on the clock") == "her agent"
    assert _speaker(a, "stresses in your life") == "Nora Quill"


def test_titles_and_headlines_named_as_such_are_not_quotes() -> None:
    a = _analysis(
        "TOP TALKER – \"A $90 taxi ride for a 6-mile trip across town,\" by Daily Ledger's "
        "Kim Ortega: \"Bonnie Shaw expected to pay more than usual for her ride home.\"\n\n"
        "The magazine ran a cover story titled \"The Valley 40: Why do so many people go "
        "missing here every year?\" on Thursday.\n\n"
        "The original headline stated: \"Girl born without a hand can now write thanks to "
        "new prosthetic\". The story has since been amended.",
    )
    texts = [q.text for q in a["quotes"]]
    assert not [t for t in texts if "taxi ride" in t]
    assert not [t for t in texts if "Valley 40" in t]
    assert not [t for t in texts if "born without a hand" in t]
    assert [t for t in texts if "expected to pay more" in t]


def test_a_name_with_its_office_a_nickname_and_a_subject_the_index_missed() -> None:
    a = _analysis(
        "Forecasters said the storm was so large that flooding was likely.\"This is a very "
        "dangerous storm,\" said Rhoda Fenwick of the Tyrrell County Emergency Management "
        "office in Columbia, N.C., across the sound from Manns Harbor. \"People really need "
        "to take this seriously.\"\n\n"
        "Next, Rep. Dale \u201cNo Deal\u201d Hoskins (R-Ga.) asked for a minute to speak, "
        "closing with his usual sign-off: \u201cIn conclusion, God bless our farmers, and "
        "we will never forget them.\u201d\n\n"
        "Gideon Marsh, a pollster who has long worked with Governor Alma Reyes, attributes "
        "Reyes's lead to the state's older voters. But looking at the latest numbers, he "
        "is predicting a close race.\n\n"
        "\"Those voters make the state more like Maine than, say, Vermont,\" he said.",
    )
    assert _speaker(a, "very dangerous storm") == "Rhoda Fenwick"
    assert _speaker(a, "take this seriously") == "Rhoda Fenwick"
    assert _speaker(a, "God bless our farmers") in (None, "Rep. Dale Hoskins", "Dale Hoskins")
    assert _speaker(a, "more like Maine") == "Gideon Marsh"


def test_relayed_speakers_relative_openers_and_described_officials() -> None:
    a = _analysis(
        "Vance said Okafor, a more senior officer at the time, then said: \"I will arrange "
        "with the colonel to pay this money into the reserve fund.\"\n\n"
        "\"Says who?\" Ruiz asked again, to which Delgado replied, \"The surveys. I just "
        "told you. I answered your question.\"\n\n"
        "What is going on was explained by a senior navy intelligence official, who stated "
        "that \"since March, we have assumed that someone is listening inside the briefing "
        "room.\"\n\n"
        "Mayor Lena Ostrow said Mr. Varga had also offered to visit the town, \"but I think "
        "the right thing for him to do is to stay in the capital and lead.\"",
    )
    assert _speaker(a, "arrange with the colonel") == "Okafor"
    assert _speaker(a, "I answered your question") == "Delgado"
    assert _speaker(a, "someone is listening") == "a senior navy intelligence official"
    assert _speaker(a, "stay in the capital") != "Mr. Varga"


def test_dash_asides_place_appositions_and_the_nearer_clause() -> None:
    a = _analysis(
        "Harbor Police Chief Owen Marsh -- hours after papers came out naming the driver as "
        "the \"main suspect\" in the theft -- told reporters the \"theft has nothing to do "
        "with the crash on the bridge.\"\n\n"
        "The man heading security at the port -- Coast Guard Capt. Rhea Lindqvist -- stated "
        "the theft and the crash \"are separate matters that should never have been "
        "linked.\"\n\n"
        "Before the operation, Tomas, from Dunmore, Kent, said: \"I have always wanted to "
        "fly, and now I finally will.\"\n\n"
        "Ed Ferris, 58, a member of the harbor board, defended the decision on Monday, arguing "
        "that it was about safety.\n\n"
        "\"Those calling this a cover-up are completely wrong,\" he said.\n\n"
        "Ines Okoro said last week 300 boats had signed up, and Pavel Stroud says he has now "
        "lost count. He says he gets 50 emails a day.\n\n"
        "\"We want to go in calmly and keep it calm,\" he said.",
    )
    assert _speaker(a, "nothing to do with the crash") in ("Police Chief Owen Marsh", "Owen Marsh")
    assert _speaker(a, "separate matters") in ("Capt. Rhea Lindqvist",
                                               "Coast Guard Capt. Rhea Lindqvist")
    assert _speaker(a, "always wanted to fly") == "Tomas"
    assert _speaker(a, "cover-up") == "Ed Ferris"
    assert _speaker(a, "go in calmly") == "Pavel Stroud"


def test_phrases_taglines_and_stray_spans_are_not_quotes() -> None:
    a = _analysis(
        "The origin of the phrase \"You get what you pay for\" is often credited to a "
        "Florence tailor.\n\n"
        "The mailer shows the candidate holding cash. There is also a lead tagline on the "
        "other side: \"Dan Pryor will take everything you worked for.\"\n\n"
        "The firm tells me \"kiosks will keep landing in surprising places after a brief "
        "\"nap\" :) \". Buyers should expect to wait two to four weeks for their glasses to "
        "ship, and cases will no longer be sold online.",
    )
    texts = [q.text for q in a["quotes"]]
    assert not [t for t in texts if "get what you pay for" in t]
    assert not [t for t in texts if "take everything you worked for" in t]
    assert not [t for t in texts if t.startswith(".")]


def test_the_author_of_a_statement_named_in_the_paragraph_before() -> None:
    a = _analysis(
        "Marlow's campaign issued an apology to Pryor and anyone else offended by the mailer, "
        "saying in a statement that it was only about tax policy.\n\n"
        "\"It is clear now that the image could be read as hateful, and for that we deeply "
        "apologize,\" the statement said.\n\n"
        "Okafor too acknowledged the mailer's undertones and said he would meet community "
        "leaders, in a statement sent to the Courier.\n\n"
        "\"I had the chance to discuss some of the context of the recent mailer,\" the "
        "statement said.",
    )
    assert _speaker(a, "could be read as hateful") == "Marlow"
    assert _speaker(a, "context of the recent mailer") == "Okafor"


def test_a_short_opening_phrase_before_a_quote_and_a_time_word_opener() -> None:
    a = _analysis(
        "\"I just could not imagine taking something from someone so frail,\" said Officer "
        "Dana Kemp. Kemp felt something had to be done, so, \"I went to the mall, bought a "
        "small ring, took it to the hospital and left a note.\"\n\n"
        "Obama claimed in an interview that he would have won again.\n\n"
        "\"I am confident that I could have rallied a majority behind it,\" Obama said.\n\n"
        "Tonight, Trump answered Obama's remark, saying, \"Nobody will ever know, because we "
        "are never going to run against each other.\"",
    )
    assert _speaker(a, "bought a small ring") in ("Dana Kemp", "Officer Dana Kemp")
    assert _speaker(a, "Nobody will ever know") == "Trump"


def test_a_sentence_after_a_closed_quote_is_not_its_attribution() -> None:
    a = _analysis(
        "Both firms denied any link. \"We have not seen a copy of this study,\" wrote a "
        "Vireo spokeswoman in an email to the Ledger, \"but to the extent it suggests that "
        "our ads fund pirate sites, it is wrong.\" A Corvin rep emailed to restate the "
        "policy of its ad network, which bans such sites.",
    )
    assert _speaker(a, "not seen a copy") == "a Vireo spokeswoman"
    assert _speaker(a, "fund pirate sites") == "a Vireo spokeswoman"


def test_a_participle_after_short_quoted_words() -> None:
    a = _analysis(
        "The singer has been hinting for months that she wants to settle down, telling a "
        "radio host in January that Marco is \"the one\" and \"oh my god, I cannot wait to "
        "have a big family.\"",
    )
    assert _speaker(a, "cannot wait to have") == "The singer"


def test_descriptions_with_ages_openers_and_they() -> None:
    a = _analysis(
        "The 71-year-old grandfather took one sip before spitting it out and shouting to his "
        "wife: \"I think there is bleach in this coffee.\"\n\n"
        "For about an hour, marchers chanted slogans such as, \"Whose streets? Our streets, "
        "every single day.\"\n\n"
        "Okafor and other council Democrats on Monday released a rebuttal to the report.\n\n"
        "\"We are issuing our own findings because the committee refused to hear us,\" they "
        "said.\n\n"
        "The soldiers complained that the government had ignored the rebellion.\n\n"
        "\"The committee has decided to assume its responsibilities and end this regime,\" "
        "they said, reading from a statement.",
    )
    assert _speaker(a, "bleach in this coffee") == "The 71-year-old grandfather"
    assert _speaker(a, "Whose streets") == "marchers"
    assert _speaker(a, "issuing our own findings") == "Okafor and other council Democrats"
    assert _speaker(a, "assume its responsibilities") == "The soldiers"


def test_a_labelled_list_of_one_persons_lines() -> None:
    a = _analysis(
        "Okonkwo was always ready with a thought to simplify matters.\n\n"
        "Some of our favorite Okonkwo quotes that we have gathered over the years:\n\n"
        "ON HAPPINESS: \"To be truly happy, you must give everything and expect nothing "
        "back.\"\n\n"
        "ON LEADERSHIP: \"Leadership is not about a title. It is about the right "
        "attitude.\"\n\n"
        "The funeral will be held on Friday.\n\n"
        "ON NOTHING: \"This line follows no list announcement at all, so it has no speaker.\"",
    )
    assert _speaker(a, "truly happy") == "Okonkwo"
    assert _speaker(a, "not about a title") == "Okonkwo"
    assert _speaker(a, "follows no list") is None
