from __future__ import annotations

import pytest

import newsweave
from newsweave import Article, BriefOptions, InputError, OptionsError
from newsweave.options import adaptive_budget


def test_brief_from_articles_and_budget() -> None:
    text = " ".join(f"Sentence number {k} tells about the harbour fire in detail today." for k in range(60))
    b = newsweave.brief([Article("x", text)], words=40)
    assert 0 < b.stats["words_out"] <= 40
    assert b.stats["articles"] == 1 and b.stats["distinct_sources"] == 1


def test_adaptive_budget_grows_with_sources() -> None:
    budgets = [adaptive_budget(n) for n in range(1, 21)]
    assert budgets == sorted(budgets), "never shrinks as sources are added"
    assert 200 <= budgets[1] <= 270  # ~230 words for 2-3 sources
    assert 320 <= budgets[7] <= 380  # ~350 for 8+
    assert budgets[-1] == budgets[7]


def test_options_name_the_field() -> None:
    with pytest.raises(OptionsError, match="words"):
        BriefOptions(words=1)
    with pytest.raises(OptionsError, match="redundancy"):
        BriefOptions(redundancy=2.0)


def test_bad_inputs_raise_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        newsweave.brief(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="no articles"):
        newsweave.brief(tmp_path)
    with pytest.raises(InputError):
        newsweave.brief([{"title": "no text"}])


def test_deterministic(mosul_dir) -> None:
    a = newsweave.brief(mosul_dir).to_dict()
    b = newsweave.brief(mosul_dir).to_dict()
    a["stats"].pop("seconds"), b["stats"].pop("seconds")
    assert a == b


def test_multinews_file_splits_into_articles(tmp_path) -> None:
    f = tmp_path / "cluster.txt"
    f.write_text("First story line one. NEWLINE_CHAR Second line here. ||||| Another outlet's text "
                 "about the same story, with more words.", encoding="utf-8")
    b = newsweave.brief(f)
    assert [a.id for a in b.articles] == ["cluster#1", "cluster#2"]


def test_an_id_of_only_invisible_characters_gets_a_usable_one() -> None:
    b = newsweave.brief([{"id": "\u200b\x00", "text": "The ferry sank off the coast on Sunday morning."},
                         {"id": "ok", "text": "A ferry sank off the coast on Sunday, officials said."}])
    ids = [a.id for a in b.articles]
    assert ids == ["article-1", "ok"]
    assert all(s in ids for item in b.summary for s in item.sources)
