"""Child processes (a batch pool's workers, the HTML extraction worker) leave Ctrl-C to
their parent: signals are held while a child starts, and the child ignores Ctrl-C once it
runs, so a terminal's Ctrl-C (sent to the whole process group) stops the parent, which ends
its children, and no child prints a traceback of its own."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def signals_held(hold: bool = True) -> Iterator[None]:
    """Ctrl-C and SIGTERM held back while workers start (so none is cut off half-spawned):
    blocked in the calling thread (a spawned child inherits that mask) and, on the main
    thread, deferred by this process's handlers too (a library's own threads, e.g. BLAS ones,
    may receive them), then acted on once the hold ends."""
    if not hold:
        yield
        return
    # multiprocessing's resource tracker, started on a first spawn, resets the mask of the
    # thread that starts it: started now, before the hold
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    with signals_deferred(at_once_on_second=False):  # not even a second one mid-spawn
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


@contextmanager
def signals_deferred(at_once_on_second: bool = True) -> Iterator[list[int]]:
    """Ctrl-C and SIGTERM noted, not raised, while the block runs: the block sees them in the
    yielded list and stops where it is safe to (a KeyboardInterrupt raised inside a process
    pool's wait can leave a lock held that the pool's own thread then waits on for ever). They
    are raised, as they would have been, when the block ends; a second one is raised at once
    unless ``at_once_on_second`` is False. Off the main thread it does nothing (signals only
    reach the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield []
        return
    got: list[int] = []
    signals = (signal.SIGINT, signal.SIGTERM)
    previous: dict[int, Any] = {}

    def note(sig: int, frame: Any) -> None:
        got.append(sig)
        if at_once_on_second and len(got) > 1:  # a second Ctrl-C does not wait: act now
            handler = previous.get(sig)
            if callable(handler):
                handler(sig, frame)
            raise KeyboardInterrupt

    previous.update({sig: signal.signal(sig, note) for sig in signals})
    try:
        yield got
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        if got:
            signal.raise_signal(got[0])


def child_ignores_interrupt() -> None:
    """Ctrl-C reaches the whole process group: the parent alone stops the pool (and ends
    its workers), so no worker prints a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # (held while it started: a SIGTERM that was meant for it too ends it now)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
