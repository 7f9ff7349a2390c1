"""Wrong argument types of the story API, the store and a brief's article lookup raise
newsweave's typed errors with a one-line message, never a bare TypeError or KeyError."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave import NotFoundError, brief
from newsweave.errors import InputError, OptionsError, StoreError
from newsweave.stories.store import open_store
from newsweave.stories.update import story_brief, story_update

TEXT = "The council voted on Monday to close the harbour road for two weeks, officials said."


@pytest.mark.parametrize("story", ["3", 1.5, True, None])
def test_a_story_id_must_be_a_whole_number(tmp_path: Path, story: object) -> None:
    store = open_store(tmp_path / "s.db")
    for call in (story_brief, story_update):
        with pytest.raises(InputError, match="story must be a whole number"):
            call(store, story)  # type: ignore[arg-type]


def test_the_store_must_be_a_store() -> None:
    with pytest.raises(InputError, match="store must be a Store"):
        story_brief(None, 1)  # type: ignore[arg-type]


def test_a_covered_threshold_out_of_range(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    for bad in ("x", 1.5, -0.1, True):
        with pytest.raises(OptionsError) as err:
            story_update(store, 1, covered_threshold=bad)  # type: ignore[arg-type]
        assert err.value.field == "covered_threshold"


def test_open_store_checks_its_arguments(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="store path must be a file path"):
        open_store(123)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="busy_ms"):
        open_store(tmp_path / "t.db", busy_ms="x")  # type: ignore[arg-type]
    assert not (tmp_path / "t.db").exists()  # nothing created for a refused call


def test_an_article_the_brief_does_not_hold() -> None:
    result = brief([{"id": "a1", "text": TEXT}])
    assert result.article("a1").id == "a1"
    with pytest.raises(NotFoundError, match="no article 'nope' in this brief") as err:
        result.article("nope")
    assert isinstance(err.value, KeyError)  # a lookup error, as a mapping's would be
