"""The store shared by threads: no false "busy" errors, no transaction taking in another's."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsweave.errors import StoreError
from newsweave.stories import Clusterer, open_store
from newsweave.types import Article

THREADS = 4
CALLS = 200


def _story(store) -> int:
    text = ("The harbour bridge in Lisbon reopened on Monday after repairs. "
            "Engineers said the bridge would carry trains again by the summer.")
    with Clusterer(store) as cl:
        return cl.add(Article("a1", text)).story


def test_threads_record_marks_without_errors_or_lost_writes(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    sid = _story(store)
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def work(t: int) -> None:
        start.wait()
        for k in range(CALLS):
            try:
                store.record_mark(sid, "brief", k, [f"t{t}-{k}"], [f"t{t}"])
                store.covered(sid)  # readers run between the writers
            except StoreError as exc:  # pragma: no cover - what the test guards against
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    covered = store.covered(sid)
    assert len(covered) == THREADS * CALLS
    assert sorted(covered) == sorted(f"t{t}-{k}" for t in range(THREADS) for k in range(CALLS))
    # every row was written by the thread it names: no commit carried another's insert
    rows = store.conn.execute("SELECT covered, articles FROM mark").fetchall()
    assert all(cov.split("-")[0][2:] == arts[2:4] for cov, arts in rows)
    store.close()


def test_a_failed_transaction_rolls_back_only_its_own_thread(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    sid = _story(store)
    inside = threading.Event()
    release = threading.Event()

    def failing() -> None:
        with pytest.raises(RuntimeError), store.write() as c:
            c.execute("INSERT INTO mark(story, kind, made, upto_seq) VALUES (?, 'x', 'now', 0)",
                      (sid,))
            inside.set()
            release.wait(5)
            raise RuntimeError("boom")

    th = threading.Thread(target=failing)
    th.start()
    inside.wait(5)
    # the other thread holds the write lock: this one reads the last committed state
    assert store.covered(sid) == []
    release.set()
    th.join()
    store.record_mark(sid, "brief", 1, ["kept"])
    kinds = [k for (k,) in store.conn.execute("SELECT kind FROM mark")]
    assert kinds == ["brief"]
    store.close()


def test_closed_store_refuses_new_threads(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    store.close()
    out: list[BaseException] = []

    def use() -> None:
        try:
            store.counts()
        except StoreError as exc:
            out.append(exc)

    th = threading.Thread(target=use)
    th.start()
    th.join()
    assert out and "closed" in str(out[0])
