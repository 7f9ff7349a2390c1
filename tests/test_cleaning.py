"""Scrape-noise removal and title detection on the shipped Mosul reports and small cases."""

from __future__ import annotations

import pytest

from newsweave.ingest import clean_lines, is_noise_line, load_path, make_article
from newsweave.ingest.loaders import looks_like_headline

NOISE = [
    ("nasdaq.com", "domain"),
    ("www.example.co.uk", "domain"),
    ("Be the first to comment", "boilerplate"),
    ("Please check your e-mail for a link to activate your account.", "boilerplate"),
    ("Originally published by The Daily Beast", "boilerplate"),
    ("About Contributor", "boilerplate"),
    ("See other posts related to Iraq ISIS mosul", "boilerplate"),
    ("Choose hope, bravery, and peace with me by supporting @preemptivelove", "boilerplate"),
    ("Share this article on Facebook", "boilerplate"),
    ("Tweet with a location", "boilerplate"),
    ("Image caption Protesters gathered outside the court", "boilerplate"),
    ("(Photo by John Moore/Getty Images)", "boilerplate"),
    ("Protesters march in Baghdad. Photo by Jane Doe for AP", "credit"),
    ("Anti-ISIS graffiti in Mosul", "caption"),
    ("___", "rule"),
    ("JUST WATCHED Friend speaks out Replay More Videos ... MUST WATCH Friend speaks out 01:12",
     "widget"),
    ("Photos: Emotions run high " * 3 + "A crowd gathers. Hide Caption 1 of 76 Photos: Police escort a"
     " man. " + "More words here. " * 20, "widget"),
    ("Media playback is unsupported on your device Media caption A flag at the summit", "widget"),
    ("PHOTO GALLERY BEFORE YOU GO 15 Oddball Interview Questions Of 2010", "boilerplate"),
    ("► May 18: Dad accused of leaving child in hot car", "boilerplate"),
    ("[Perez, White House begin road show to build support for family leave]", "related"),
    ("(Reporting by Chris Buckley; Editing by Mark Bendeich)", "boilerplate"),
    ("A post shared by Serena Williams (@serenawilliams) on Jul 16, 2017 at 6:12am PDT", "widget"),
    ("You may also like:", "boilerplate"),
    ("posted at 10:01 pm on March 2, 2016 by John Sexton", "widget"),
    ("These crawls are part of an effort to archive pages as they are created. " * 8, "error-page"),
    ("The IP address for this domain may have changed recently. Check your DNS settings.",
     "error-page"),
    ("A man is rescued from rubble in Accumoli, Wednesday, Aug. 24, 2016. A devastating earthquake"
     " rocked central Italy early Wednesday, collapsing homes... (Associated Press)", "credit"),
    ("The IP address has changed.", "error-page"),
    ("The IP address for this domain may have changed recently. Check your DNS settings to "
     "verify that the domain is set up correctly. " + "It may take hours to propagate. " * 12,
     "error-page"),
    ("These crawls are part of an effort to archive pages as they are created and archive "
     "the pages that they refer to. " + "That way, a link will be preserved. " * 12, "error-page"),
]


@pytest.mark.parametrize(("line", "rule"), NOISE)
def test_noise_lines_are_named(line: str, rule: str) -> None:
    assert is_noise_line(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "The Islamic State reacted with swift brutality, executing three young men.",
        "Subscribers to the service were told on Monday that prices would rise.",
        "Advertisements for the product were pulled after complaints.",
        "He said the city would be retaken “within weeks.”",
        "He just watched as the building burned, replaying the scene in his mind.",
        "The gallery showed 76 photos; none had a caption.",
        "[The court] said the ruling was final and could not be appealed by either party.",
        "More about the case is expected when the judge rules on Monday.",
        "Posted at the gate, two soldiers checked every car that came through.",
        "“We are waiting...” (Associated Press reporters saw the line.)",
        "The IP address of the server was traced to a company in Ohio, police said.",
        "Just watched my house burn down, said Maria Lopez, 54, who fled with her children.",
        "Posted at 6:30 a.m. outside the consulate, police officers turned away visitors.",
        "The IP address has changed hands several times, investigators found in the filings.",
    ],
)
def test_sentences_are_not_noise(line: str) -> None:
    assert is_noise_line(line) is None


def test_repeated_paragraph_and_reprinted_headline_dropped() -> None:
    text = "First paragraph is here and long.\nSecond one is here too.\nFirst paragraph is here and long."
    cleaned, dropped = clean_lines(text)
    assert cleaned.count("First paragraph") == 1
    assert ("repeat", "First paragraph is here and long.") in dropped
    _, dropped = clean_lines("Body sentence here.\nInside the Last ISIS Stronghold in Iraq, Resistance Grows",
                             title="Inside the Largest ISIS Stronghold in Iraq, Resistance Grows")
    assert dropped and dropped[0][0] == "title-repeat"


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Signs Of Panic And Rebellion In The Heart Of Islamic State's Self-Proclaimed Caliphate", True),
        ("Has the 'caliphate' begun to crack?", True),
        ("Mosul residents and Iraqi intelligence officials describe fraying support.", False),
        ("Business Insider:", False),
    ],
)
def test_headline_detection(line: str, headline: bool) -> None:
    assert looks_like_headline(line) is headline


def test_mosul_reports_are_clean(mosul_dir) -> None:
    noise = ["nasdaq.com", "Be the first to comment", "Please check your e-mail",
             "See other posts related", "Choose hope, bravery", "Anti-ISIS graffiti in Mosul"]
    articles = [a for f in sorted(mosul_dir.iterdir()) for a in load_path(f)]
    assert len(articles) == 5
    for art in articles:
        for n in noise:
            assert n not in art.text, (art.id, n)
    by_id = {a.id: a for a in articles}
    assert by_id["001_078ca734b3195b27"].source == "nasdaq.com"
    assert by_id["002_738988df17cb7911"].title == "Has the 'caliphate' begun to crack?"
    assert by_id["001_078ca734b3195b27"].title == ""  # first line is a sentence, not a headline
    # The scrape repeats a paragraph in 001; it is kept once.
    assert by_id["001_078ca734b3195b27"].text.count("have attempted to encourage local rebellions") == 1


def test_make_article_normalizes_unicode() -> None:
    art = make_article("x", "Cafe\u0301 opens\u200b today.\x00 It is busy.", detect_title=False)
    assert "Café" in art.text and "\u200b" not in art.text and "\x00" not in art.text


def test_truncated_teaser_line_is_noise() -> None:
    assert is_noise_line("For Date Night, Amanda Seyfried Took Her Husband To The Bache...") == "teaser"
    assert is_noise_line("“We will see...”") != "teaser"


def test_an_error_page_leaves_no_article_text() -> None:
    text = ("The IP address has changed.\n\nThe IP address for this domain may have changed "
            "recently. Check your DNS settings to verify that the domain is set up correctly.")
    assert clean_lines(text)[0] == ""
