"""Batch executors and which errors become error records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.batch import (
    DaskExecutor,
    ProcessExecutor,
    SerialExecutor,
    make_executor,
    run_batch,
)
from newsweave.batch.executors import windows
from newsweave.errors import NewsweaveError


def test_executors_keep_job_order() -> None:
    jobs = list(range(-40, 0))
    assert list(SerialExecutor().map(abs, jobs)) == [abs(j) for j in jobs]
    assert list(ProcessExecutor(2).map(abs, iter(jobs))) == [abs(j) for j in jobs]
    assert [len(w) for w in windows(range(10), 4)] == [4, 4, 2]


def test_make_executor_picks_by_workers_and_scheduler() -> None:
    assert isinstance(make_executor(1), SerialExecutor)
    assert isinstance(make_executor(3), ProcessExecutor)
    assert isinstance(make_executor(2, "tcp://host:8786"), DaskExecutor)
    with pytest.raises(NewsweaveError, match="--scheduler must be"):
        make_executor(1, "http://host")


def test_a_bug_ends_the_batch_instead_of_hiding_in_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsweave.batch.runner as runner

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug in newsweave")

    monkeypatch.setattr(runner, "make_brief", broken)
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "c", "articles": ["The port closed on Friday."]}) + "\n",
                   encoding="utf-8")
    with pytest.raises(TypeError, match="a bug"):
        run_batch(inp, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_bad_input_still_becomes_error_records(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text("{broken\n" + json.dumps({"id": "x", "articles": "no"}) + "\n"
                   + '{"n": ' + "1" * 5000 + "}\n", encoding="utf-8")
    report = run_batch(inp, tmp_path / "out.jsonl")
    assert (report.ok, report.failed) == (0, 3)
    errors = [json.loads(x)["error"] for x in
              (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors[0].startswith("line 1: invalid JSON") and "'articles'" in errors[1]
    assert errors[2].startswith("line 3: invalid JSON")
