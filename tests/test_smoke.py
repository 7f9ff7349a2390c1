from __future__ import annotations


def test_mosul_brief_is_verbatim_and_cited(mosul_brief) -> None:
    assert mosul_brief.summary
    for item in mosul_brief.summary:
        art = mosul_brief.article(item.sources[0])
        s = item.sentence
        assert art.text[s.start : s.end] == s.text
        assert item.text == item.marks[0] + s.text + item.marks[1]
        assert item.sources[0] == s.article
