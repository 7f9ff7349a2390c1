"""Following feeds: a registry of RSS/Atom feeds in the story store, polite polling that
stores each new entry's page as an article, and OPML import/export.

    from newsweave.feeds import add_feed, poll_feeds, PollOptions
    with open_store("news.db") as store:
        add_feed(store, "https://example.org/feed.xml", "Example")
        for result in poll_feeds(store, PollOptions()):
            ...
"""

from newsweave.feeds.opml import export_opml, import_opml, parse_opml
from newsweave.feeds.poll import (
    FeedResult,
    PollEvent,
    PollOptions,
    parse_feed,
    poll_feeds,
    run_every,
)
from newsweave.feeds.registry import (
    Feed,
    add_feed,
    entry_states,
    get_feed,
    list_feeds,
    remove_feed,
)

__all__ = [
    "Feed",
    "FeedResult",
    "PollEvent",
    "PollOptions",
    "add_feed",
    "entry_states",
    "export_opml",
    "get_feed",
    "import_opml",
    "list_feeds",
    "parse_feed",
    "parse_opml",
    "poll_feeds",
    "remove_feed",
    "run_every",
]
