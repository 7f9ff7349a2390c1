"""``--fetch-every``: the feed poller (``newsweave.feeds.run_every``) in a thread of the
server process, on its own store connection. Its writes and the API's are serialized by
SQLite's write lock (``BEGIN IMMEDIATE``, busy timeout): one process writes the store.
Needs the feeds library (issue 14); without it, asking for a poller is refused in one line."""

from __future__ import annotations

import logging
import threading
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from newsweave.errors import OptionsError
from newsweave.stories.store import now_iso, open_store

log = logging.getLogger(__name__)


def feeds_available() -> bool:
    return find_spec("newsweave.feeds") is not None


class FeedPoller:
    """Polls the followed feeds every ``every`` seconds until stopped."""

    def __init__(self, db: Path, every: float) -> None:
        self.db = Path(db)
        self.every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.polls = 0
        self.last_poll: str | None = None
        self.last_error: str | None = None
        self.last_stored = 0

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="newsweave-feeds", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _record(self, results: list[Any]) -> None:
        self.polls += 1
        self.last_poll = now_iso()
        self.last_stored = sum(int(getattr(r, "stored", 0)) for r in results)

    def _run(self) -> None:
        from newsweave.feeds import PollOptions, run_every

        try:
            with open_store(self.db) as store:
                run_every(store, PollOptions(every=self.every), self._stop,
                          on_poll=self._record)
        except Exception as exc:  # noqa: BLE001 - the server goes on; the page shows it
            self.last_error = f"{exc.__class__.__name__}: {exc}"
            log.warning("feed poller stopped: %s", self.last_error)

    def status(self) -> dict[str, Any]:
        return {"every": self.every, "polls": self.polls, "last_poll": self.last_poll,
                "last_stored": self.last_stored, "error": self.last_error,
                "running": bool(self._thread and self._thread.is_alive())}


def make_poller(db: Path, every: float) -> FeedPoller:
    if not feeds_available():
        raise OptionsError("--fetch-every needs the feeds library (newsweave.feeds), which "
                           "this newsweave does not have yet")
    return FeedPoller(db, every)
