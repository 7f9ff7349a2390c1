"""Story titles are clean headlines, not scrape noise (noisy first lines from Multi-News dev)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.stories import Clusterer, open_store
from newsweave.stories.title import MAX_WORDS, clean_title, cut_words, first_sentence, story_title
from newsweave.types import Article

BODY = ("Piracy of movies and music has long been viewed as an unwinnable game. "
        "Hollywood tried anyway.")


@pytest.mark.parametrize(("noisy", "clean"), [
    ("Story highlights Mitt Romney's official Facebook page has been losing 11 fans a minute",
     "Mitt Romney's official Facebook page has been losing 11 fans a minute"),
    ("Image copyright @jacindaardern Image caption New Zealand Prime Minister Jacinda Ardern "
     "posted a picture", "New Zealand Prime Minister Jacinda Ardern posted a picture"),
    ("By By Karen Graham Oct 31, 2015 in Entertainment A famous photograph of Grant",
     "A famous photograph of Grant"),
    ("By Jane Doe, CNN Senate passes the budget bill", "Senate passes the budget bill"),
    ("(CNN) Mitt Romney delivered a broadside", "Mitt Romney delivered a broadside"),
])
def test_clean_title_strips_leading_noise(noisy: str, clean: str) -> None:
    assert clean_title(noisy) == clean


@pytest.mark.parametrize("noise", [
    "Enlarge icon Pinterest icon Facebook icon Close icon Photo: Google, fancydressball.co.uk",
    "Published on Feb 23, 2016",
    "Photo",
    "Tweet with a location",
    "",
])
def test_all_noise_titles_fall_back_to_first_sentence(noise: str) -> None:
    assert clean_title(noise) == ""
    assert story_title(noise, BODY) == (
        "Piracy of movies and music has long been viewed as an unwinnable game.")


def test_first_sentence_skips_noise_lines_and_abbreviations() -> None:
    text = ("Enlarge icon Facebook icon\n\nSen. Marco Rubio says the U.S. is taking steps. "
            "More follows.")
    assert first_sentence(text) == "Sen. Marco Rubio says the U.S. is taking steps."


def test_long_sentence_cut_at_word_boundary() -> None:
    words = " ".join(f"word{i}" for i in range(MAX_WORDS + 10))
    title = story_title("", words + ".")
    assert title == cut_words(words, MAX_WORDS)
    assert len(title.split()) == MAX_WORDS and "…" not in title
    assert title.split()[-1] == f"word{MAX_WORDS - 1}"


def test_clean_headline_kept() -> None:
    assert story_title("Storm floods the coast", BODY) == "Storm floods the coast"


def test_store_picks_clean_title(tmp_path: Path) -> None:
    art = Article("a1", "Story highlights Burt Reynolds went to a hospital\n\n"
                  "He was dehydrated and moved to intensive care, his representative says.",
                  source="cnn.com")
    store = open_store(tmp_path / "t.db")
    try:
        Clusterer(store).add(art)
        assert [r.title for r in store.stories()] == ["Burt Reynolds went to a hospital"]
    finally:
        store.close()


def test_titles_of_an_older_store_are_recomputed_when_it_is_opened(tmp_path: Path) -> None:
    """A store made before the clean-title rule (schema 3) keeps noisy titles; opening it
    with this newsweave migrates it and recomputes every story's title once."""
    import sqlite3

    from newsweave.stories.store import SCHEMA_VERSION

    noisy = ("Enlarge icon Pinterest icon Facebook icon Close icon Photo: Google, "
             "fancydressball.co.uk")
    arts = [Article("a1", "Story highlights Burt Reynolds went to a hospital\n\n"
                    "He was dehydrated and moved to intensive care, his representative says."),
            Article("b1", BODY, title=noisy)]
    path = tmp_path / "old.db"
    with open_store(path) as store:
        with Clusterer(store) as cl:
            for a in arts:
                cl.add(a)
        want = sorted(r.title for r in store.stories())
    assert want == ["Burt Reynolds went to a hospital", story_title(noisy, BODY)]
    # What an older newsweave stored: the raw first line as title, schema version 3.
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("UPDATE story SET title = 'Story highlights Burt Reynolds went to a hospital' "
                "WHERE title LIKE 'Burt%'")
    con.execute("UPDATE story SET title = ? WHERE title NOT LIKE 'Story%'", (noisy,))
    con.execute("PRAGMA user_version = 3")
    con.close()
    with open_store(path) as store:
        assert sorted(r.title for r in store.stories()) == want
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
