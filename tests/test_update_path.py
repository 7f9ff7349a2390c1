"""`update` and `brief` share one summarize path (pipeline.summarize)."""

from __future__ import annotations

from pathlib import Path

from newsweave.ingest import load_paths
from newsweave.options import BriefOptions
from newsweave.stories import Clusterer, open_store
from newsweave.stories.update import story_update
from newsweave.types import Article


def _one_story(store, articles: list[Article]) -> int:
    with Clusterer(store) as cl:
        stories = {cl.add(a).story for a in articles}
    assert len(stories) == 1
    return stories.pop()


def test_first_update_of_a_story_is_its_brief(tmp_path: Path, mosul_dir: Path) -> None:
    """Nothing seen yet: every sentence is new, so the update is the brief (titles used,
    same scores, same selection) when the budget is the same."""
    from newsweave.pipeline import make_brief

    with open_store(tmp_path / "s.db") as store:
        arts = load_paths([mosul_dir])
        with Clusterer(store) as cl:
            sid = cl.add(arts[0]).story
            for a in arts[1:]:
                cl.add(a)
        stored = store.story_articles(sid)
        options = BriefOptions(words=150, analyze=False)
        upd = story_update(store, sid, options, record=False)
        brief = make_brief(stored, options)
    assert upd.brief.summary and [i.text for i in upd.brief.summary] == [
        i.text for i in brief.summary]


def test_update_falls_back_like_a_brief_when_nothing_is_eligible(tmp_path: Path) -> None:
    """A new article of short lines only (no sentence of min_words): the brief's fallback."""
    first = Article("a1", "The harbour bridge in Lisbon reopened on Monday after long repairs. "
                          "Engineers said the harbour bridge would carry trains by summer.",
                    title="Lisbon harbour bridge reopens")
    with open_store(tmp_path / "s.db") as store:
        sid = _one_story(store, [first])
        story_update(store, sid, record=True)  # marks a1 as seen
        second = Article("a2", "Lisbon harbour bridge: trains back.",
                         title="Lisbon harbour bridge trains")
        with Clusterer(store) as cl:
            assert cl.add(second).story == sid
        upd = story_update(store, sid)
    assert [i.text for i in upd.brief.summary] == ["Lisbon harbour bridge: trains back."]
    assert upd.new_articles == ["a2"]
