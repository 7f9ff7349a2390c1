"""Stories: a local SQLite store of ingested articles, grouped online into stories with
stable ids, with update summaries of what is new since the last brief."""

from newsweave.stories.cluster import Ack, Clusterer, StoryOptions
from newsweave.stories.store import Mark, Store, StoryRow, default_db, open_store

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
