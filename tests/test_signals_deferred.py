"""A batch pool stops on Ctrl-C/SIGTERM between two results, never inside the pool's own waits
(where a KeyboardInterrupt can leave a lock held and hang the shutdown): the signal is noted,
the map stops at its next result, and the signal is raised again once the pool is shut down.
A second signal acts at once."""

from __future__ import annotations

import signal

import pytest

from newsweave.children import signals_deferred


def test_a_signal_waits_for_the_block_and_is_raised_after_it() -> None:
    steps = []
    with pytest.raises(KeyboardInterrupt):
        with signals_deferred() as stop:
            signal.raise_signal(signal.SIGINT)
            steps.append(list(stop))  # still running: the signal was only noted
    assert steps == [[signal.SIGINT]]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handler restored


def test_a_second_signal_does_not_wait() -> None:
    steps = []
    with pytest.raises(KeyboardInterrupt):
        with signals_deferred():
            signal.raise_signal(signal.SIGINT)
            steps.append("noted")
            signal.raise_signal(signal.SIGINT)
            steps.append("not reached")
    assert steps == ["noted"]


def test_no_signal_no_exception() -> None:
    with signals_deferred() as stop:
        pass
    assert stop == []
