"""Stories: a local SQLite store of ingested articles, grouped online into stories with
stable ids, with update summaries of what is new since the last brief.

Names are loaded on first use, so that ``import newsweave.stories`` (the CLI does it for
every command) does not pay for scikit-learn until clustering is actually needed."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsweave.stories.cluster import Ack, Clusterer
    from newsweave.stories.options import StoryOptions
    from newsweave.stories.store import Mark, Store, StoryRow, default_db, open_store

_WHERE = {
    "Ack": "cluster",
    "Clusterer": "cluster",
    "StoryOptions": "options",
    "Mark": "store",
    "Store": "store",
    "StoryRow": "store",
    "default_db": "store",
    "open_store": "store",
}

__all__ = [
    "Ack",
    "Clusterer",
    "Mark",
    "Store",
    "StoryOptions",
    "StoryRow",
    "default_db",
    "open_store",
]


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"newsweave.stories.{where}"), name)
    globals()[name] = value
    return value
