"""``--fetch-every``: the feed poller, run in a thread of the server process so that the
store keeps one writer. Needs the feeds library (``newsweave.feeds``, issue 14); until it is
part of newsweave, asking for it is refused with one line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsweave.errors import OptionsError


def make_poller(db: Path, every: float) -> Any:
    from importlib.util import find_spec

    if find_spec("newsweave.feeds") is None:
        raise OptionsError("--fetch-every needs the feeds library (newsweave.feeds), which "
                           "this newsweave does not have yet")
    raise OptionsError("--fetch-every: the feeds library is present but not wired in yet")
