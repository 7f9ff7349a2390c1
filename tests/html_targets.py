"""Stand-ins for trafilatura, run in the HTML worker process by tests/test_ingest_robust.py
(module-level so a spawned worker can import them)."""

from __future__ import annotations

import os
import threading


def stuck(html: str, url: str | None) -> None:
    threading.Event().wait()  # a C-level wait that never returns


def spin(html: str, url: str | None) -> None:
    while True:
        sum(range(100))


def broken(html: str, url: str | None) -> None:
    raise RecursionError("lxml said no")


def crash(html: str, url: str | None) -> None:
    os._exit(3)  # the worker dies mid-page (a segfault in C code looks the same)
