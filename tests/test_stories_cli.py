"""``newsweave ingest / stories / update / brief --story``, bad input, concurrent readers."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.stories import Clusterer, open_store
from newsweave.types import Article

NEWSWEAVE = Path(sys.executable).with_name("newsweave")
WORDS = ("harbor senate drought airline vaccine stadium reactor glacier tariff election "
         "satellite refinery orchard pipeline museum festival wildfire lottery").split()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def stream(n: int, seed: int = 0) -> list[dict[str, str]]:
    """Articles on a few made-up stories, each a handful of sentences."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        topic = rng.randrange(6)
        key = WORDS[3 * topic : 3 * topic + 3]
        sents = [
            f"The {key[0]} report from Story{topic} City names {rng.choice(key)} officials "
            f"and {rng.choice(WORDS)} experts in line {k} {j}."
            for j in range(6)
        ]
        out.append({"id": f"a{k}", "text": " ".join(sents), "source": f"s{k % 7}.example"})
    return out


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_stories_brief_update(tmp_path: Path, mosul_dir: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "n.db")
    code, out, err = run(["ingest", str(mosul_dir), "--db", db, "--acks"], capsys)
    assert code == 0, err
    acks = [json.loads(line) for line in out.splitlines()]
    assert len(acks) == 5 and {a["status"] for a in acks} == {"new"}
    assert "5 articles stored" in err
    code, out, err = run(["ingest", str(mosul_dir), "--db", db], capsys)
    assert code == 0 and "0 articles stored" in err and "5 already stored" in err
    code, out, _ = run(["stories", "--db", db, "--format", "json"], capsys)
    rows = json.loads(out)
    assert len(rows) == 1
    assert {"id", "title", "articles", "sources", "first_seen", "last_updated"} <= set(rows[0])
    assert sorted(rows[0]["articles"]) == sorted(a["id"] for a in acks)
    sid = str(rows[0]["id"])
    code, out, _ = run(["stories", "--db", db], capsys)
    assert code == 0 and "1 story in" in out
    code, out, err = run(["brief", "--story", sid, "--db", db, "-f", "json", "--no-analysis"],
                         capsys)
    assert code == 0, err
    brief = json.loads(out)
    assert {a["id"] for a in brief["articles"]} == set(rows[0]["articles"])
    assert brief["summary"]
    # Viewing is a peek: neither brief --story nor update moves the since-mark...
    for _ in range(2):
        code, out, err = run(["update", "--story", sid, "--db", db, "-f", "json"], capsys)
        assert code == 0 and "5 new articles (first update)" in err and "not recorded" in err
        assert json.loads(out)["summary"]
    # ... only --mark records it.
    code, out, err = run(["brief", "--story", sid, "--db", db, "-f", "json", "--no-analysis",
                          "--mark"], capsys)
    assert code == 0, err
    code, out, err = run(["update", "--story", sid, "--db", db, "-f", "json"], capsys)
    assert code == 0 and "0 new articles since brief" in err
    assert json.loads(out)["summary"] == []


def test_update_mark_records_and_the_next_update_starts_after_it(
        tmp_path: Path, mosul_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "m.db")
    assert run(["ingest", str(mosul_dir), "--db", db], capsys)[0] == 0
    sid = str(json.loads(run(["stories", "--db", db, "-f", "json"], capsys)[1])[0]["id"])
    code, out, err = run(["update", "--story", sid, "--db", db, "--mark"], capsys)
    assert code == 0 and "5 new articles (first update)" in err and "recorded" in err
    with open_store(db) as store:
        mark = store.last_mark(int(sid))
        assert mark is not None and mark.kind == "update"
    code, out, err = run(["update", "--story", sid, "--db", db], capsys)
    assert code == 0 and "0 new articles since update" in err
    code, _, err = run(["brief", "x.txt", "--mark"], capsys)
    assert code == 2 and "--story" in err and len(err.splitlines()) == 1


def test_db_from_environment(tmp_path: Path, mosul_dir: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSWEAVE_DB", str(tmp_path / "env.db"))
    code, _, _ = run(["ingest", str(mosul_dir / sorted(p.name for p in mosul_dir.iterdir())[0])],
                     capsys)
    assert code == 0 and (tmp_path / "env.db").is_file()


def test_bad_input_leaves_the_store_unchanged(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "b.db"
    good = write_jsonl(tmp_path / "good.jsonl", stream(3))
    assert run(["ingest", str(good), "--db", str(db)], capsys)[0] == 0
    snapshot = open_store(db).counts()
    more = write_jsonl(tmp_path / "more.jsonl", stream(6, seed=1)[3:])
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "ok", "text": "A fine line of text here."}\n{not json\n',
                      encoding="utf-8")
    for args in ([str(more), str(broken)], [str(more), str(tmp_path / "missing.txt")]):
        code, _, err = run(["ingest", *args, "--db", str(db)], capsys)
        assert code == 2 and len(err.splitlines()) == 1 and err.startswith("newsweave: error:")
    assert open_store(db).counts() == snapshot


@pytest.mark.parametrize("args", [
    ["stories", "--db", "{tmp}/missing.db"],
    ["update", "--story", "999", "--db", "{db}"],
    ["brief", "--story", "999", "--db", "{db}"],
    ["brief", "x.txt", "--story", "1", "--db", "{db}"],
    ["stories", "--db", "{db}", "--format", "xml"],
    ["ingest", "--db", "{db}"],
])
def test_usage_errors_are_one_line(args: list[str], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "u.db"
    open_store(db).close()
    args = [a.format(tmp=tmp_path, db=db) for a in args]
    code, _, err = run(args, capsys)
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("newsweave: error:")


def test_readers_work_while_a_thread_ingests(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    open_store(db).close()
    records = stream(120)
    errors: list[BaseException] = []
    done = threading.Event()

    def writer() -> None:
        try:
            with open_store(db) as store, Clusterer(store) as cl:
                for r in records:
                    cl.add(Article(r["id"], r["text"], source=r["source"]))
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            errors.append(exc)
        finally:
            done.set()

    t = threading.Thread(target=writer)
    t.start()
    seen = []
    with open_store(db, create=False, busy_ms=5000) as reader:
        while not done.is_set():
            rows = reader.stories()
            seen.append(sum(len(r.articles) for r in rows))
            if rows:
                assert reader.story_articles(rows[0].id)
    t.join()
    assert not errors
    assert seen == sorted(seen)  # readers see a growing, consistent store
    with open_store(db, create=False) as reader:
        assert sum(len(r.articles) for r in reader.stories()) == len(records)


@pytest.mark.skipif(not NEWSWEAVE.exists(), reason="console script not installed")
def test_cli_readers_work_while_another_process_ingests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "p.db"
    first = write_jsonl(tmp_path / "first.jsonl", stream(20))
    assert run(["ingest", str(first), "--db", str(db)], capsys)[0] == 0
    sid = json.loads(run(["stories", "--db", str(db), "-f", "json"], capsys)[1])[0]["id"]
    big = write_jsonl(tmp_path / "big.jsonl", stream(250, seed=2))
    proc = subprocess.Popen([str(NEWSWEAVE), "ingest", str(big), "--db", str(db), "--acks"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reads = 0
    assert proc.stdout is not None
    proc.stdout.readline()  # wait until the writer has committed its first article
    while proc.poll() is None and reads < 8:
        code, out, err = run(["stories", "--db", str(db), "-f", "json"], capsys)
        assert code == 0, err
        code, out, err = run(["brief", "--story", str(sid), "--db", str(db), "--no-analysis"],
                             capsys)
        assert code == 0, err
        reads += 1
    _, err_b = proc.communicate(timeout=120)
    assert proc.returncode == 0, err_b
    assert reads >= 1
    with open_store(db, create=False) as store:
        assert store.integrity() == "ok"
        assert store.counts()["articles"] == 270


def test_cli_import_does_not_load_the_clusterer() -> None:
    """Every command (even --help) imports the CLI; scikit-learn must wait for `ingest`."""
    code = ("import sys, newsweave.cli, newsweave.stories as s; "
            "assert s.StoryOptions().threshold > 0; "
            "print(sorted(m for m in ('sklearn', 'newsweave.stories.cluster') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_failed_write_records_no_mark(tmp_path: Path, mosul_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "w.db")
    assert run(["ingest", str(mosul_dir), "--db", db], capsys)[0] == 0
    sid = str(json.loads(run(["stories", "--db", db, "-f", "json"], capsys)[1])[0]["id"])
    bad = str(tmp_path / "missing-dir" / "x.md")
    for cmd in (["update"], ["brief", "--no-analysis"]):
        code, _, err = run([*cmd, "--story", sid, "--db", db, "-o", bad, "--mark"], capsys)
        assert code == 2 and len(err.splitlines()) == 1 and "missing-dir" in err
    with open_store(db) as store:
        assert store.last_mark(int(sid)) is None
    code, out, err = run(["update", "--story", sid, "--db", db, "--mark"], capsys)
    assert code == 0 and "5 new articles (first update)" in err and out.strip()
    with open_store(db) as store:
        mark = store.last_mark(int(sid))
        assert mark is not None and mark.kind == "update"


def test_corrupt_store_is_a_one_line_error(tmp_path: Path, mosul_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.db"
    assert run(["ingest", str(mosul_dir), "--db", str(db)], capsys)[0] == 0
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes(len(data) - page)  # every page but the first (the schema) zeroed
    db.write_bytes(bytes(data))
    for args in (["stories"], ["update", "--story", "1"], ["brief", "--story", "1"]):
        code, _, err = run([*args, "--db", str(db)], capsys)
        assert code == 2 and len(err.splitlines()) == 1, err
        assert err.startswith("newsweave: error:") and str(db) in err
