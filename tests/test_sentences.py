"""Sentence splitting: exact offsets, scripts other than Latin, over-long runs, hostile strings."""

from __future__ import annotations

import pytest

from newsweave.text.sentences import split_sentences, split_spans
from newsweave.types import Article


def texts(text: str, max_chars: int = 1000) -> list[str]:
    return [text[a:b] for a, b, _ in split_spans(text, max_chars)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He left on Monday!",
         ["Mr. Smith went to Washington.", "He left on Monday!"]),
        ("It was J. R. R. Tolkien. He wrote books.", ["It was J. R. R. Tolkien.", "He wrote books."]),
        ("e.g. this. And i.e. that. Done.", ["e.g. this.", "And i.e. that.", "Done."]),
        ("Wait... What? (Yes.) Fine.", ["Wait...", "What?", "(Yes.)", "Fine."]),
        ("It costs 3.5 million. Prices rose.", ["It costs 3.5 million.", "Prices rose."]),
        ("北京下雨了。路被淹了！真的吗？", ["北京下雨了。", "路被淹了！", "真的吗？"]),
        ("यह पहला वाक्य है। यह दूसरा है।", ["यह पहला वाक्य है।", "यह दूसरा है।"]),
        ("هل هذا صحيح؟ نعم.", ["هل هذا صحيح؟", "نعم."]),
        ("no punctuation at all", ["no punctuation at all"]),
        # A spaced ellipsis inside a quotation does not end it.
        ("He wrote: “Give them to . . . [an official] at once.” Then he left.",
         ["He wrote: “Give them to . . . [an official] at once.”", "Then he left."]),
        # An ellipsis inside a quotation that closes later marks words left out.
        ('He said that "Trump won\'t play games. ... He walks away from deals." Next one.',
         ['He said that "Trump won\'t play games. ... He walks away from deals."', "Next one."]),
        ("\u201cWe tried... We failed,\u201d he said. Then it ended.",
         ["\u201cWe tried... We failed,\u201d he said.", "Then it ended."]),
        ('He waited... Then he left. "Fine," she said.',
         ["He waited...", "Then he left.", '"Fine," she said.']),
        ("Said Det.-Sgt. Susan Gomes. Next.", ["Said Det.-Sgt. Susan Gomes.", "Next."]),
        ("Rain fell. NASHVILLE, Tenn. — A father left. He came back.",
         ["Rain fell.", "NASHVILLE, Tenn. — A father left.", "He came back."]),
        ("They live in Nashville, Tenn. — and work there.",
         ["They live in Nashville, Tenn. — and work there."]),
        ("Rain fell. NASHVILLE, Tenn. (AP) — A father left. He came back.",
         ["Rain fell.", "NASHVILLE, Tenn. (AP) — A father left.", "He came back."]),
        ("They met in Nashville, Tenn. (AP reporters saw them.) Then they left.",
         ["They met in Nashville, Tenn.", "(AP reporters saw them.)", "Then they left."]),
        ("Get smart! — Jane Doe (@jdoe) May 1, 2018", ["Get smart!", "— Jane Doe (@jdoe) May 1, 2018"]),
        ("", []),
        (" \n\t ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_lines_are_paragraphs() -> None:
    spans = list(split_spans("The end.\n\nNew para. Second.\nThird line"))
    assert [p for _, _, p in spans] == [0, 1, 1, 2]


def test_offsets_are_exact_and_indexed() -> None:
    art = Article("a", "  First one.  Second one?\n\n“Third,” he said. ")
    sents = split_sentences(art)
    assert [s.index for s in sents] == [0, 1, 2]
    for s in sents:
        assert art.text[s.start : s.end] == s.text and s.article == "a"
    assert sents[2].text == "“Third,” he said."


@pytest.mark.parametrize(
    "text",
    [
        "word " * 50_000,  # a 250 kB "sentence" without punctuation
        "x" * 30_000,  # no space at all: hard cuts
        "a, " * 20_000,  # clause breaks only
        "北京下雨了" * 10_000,  # CJK without terminal punctuation
    ],
)
def test_long_runs_are_split_at_max_chars_without_losing_text(text: str) -> None:
    spans = list(split_spans(text, 300))
    assert all(b - a <= 300 for a, b, _ in spans)
    assert "".join("".join(text[a:b].split()) for a, b, _ in spans) == "".join(text.split())


def test_cut_prefers_clause_then_word_breaks() -> None:
    text = ("alpha beta gamma; " * 30) + ("delta epsilon " * 30)
    first = texts(text, 200)[0]
    assert first.endswith(";") and len(first) <= 200


@pytest.mark.parametrize(
    "text",
    [
        "..[111 111 " * 20_000,  # pysbd issue #79
        "." * 200_000,
        ". " * 100_000,
        '."' * 100_000,
        "Mr. " * 50_000,
        "A.B." * 50_000,
        "?!" * 100_000 + "a",
        "“" * 50_000 + "." + "”" * 50_000,
        "a.b " * 50_000,
    ],
)
def test_backtracking_bait_is_split_with_exact_offsets(text: str) -> None:
    spans = list(split_spans(text))
    assert spans
    pos = 0
    for a, b, _ in spans:
        assert pos <= a < b <= len(text) and b - a <= 1000
        pos = b
