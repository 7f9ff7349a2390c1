"""Crash safety of ``newsweave ingest``: SIGKILL at random moments, then check the store.

A JSONL stream of synthetic articles is ingested with ``--acks`` (one JSON line per article,
printed and flushed after its commit). The process is killed with SIGKILL a random delay
after it committed its first new article, restarted on the same input (ingest is
idempotent), killed again, ... ``--kills`` times, then run to the end. Finally:

- every acknowledged article is in the store (lost = acknowledged but missing),
- no article is stored twice (same content under two ids) and every input article is stored
  exactly once,
- every article belongs to exactly one live story and story sizes match,
- ``PRAGMA integrity_check`` is ``ok``.

    python bench/kill_test.py [--kills 60] [--articles 3000] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_scale import synthetic  # noqa: E402

NEWSWEAVE = Path(sys.executable).with_name("newsweave")


def write_stream(path: Path, n: int, seed: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for _, a in synthetic(n, seed=seed, per_story=15):
            fh.write(json.dumps({"id": a.id, "text": a.text, "title": a.title,
                                 "source": a.source, "published": a.published}) + "\n")


def run_once(db: Path, stream: Path, kill_after: float | None, acked: set[str]) -> int | None:
    """One ingest; killed ``kill_after`` seconds after it acknowledged its first new article
    (so the kill lands mid-ingest). Returns the exit code, or None when it was killed."""
    cmd = [str(NEWSWEAVE), "ingest", str(stream), "--db", str(db), "--acks"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first_new = threading.Event()
    lines: list[str] = []

    def reader() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace")
            lines.append(line)
            if '"status": "new"' in line:
                first_new.set()
        first_new.set()  # the process ended

    t = threading.Thread(target=reader)
    t.start()
    if kill_after is not None:
        first_new.wait(timeout=120)
        time.sleep(kill_after)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    t.join()
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.wait()
    if proc.returncode not in (0, -signal.SIGKILL):
        raise SystemExit(f"ingest failed (exit {proc.returncode}): {err.strip()[-500:]}")
    for line in lines:
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut by the kill was never acknowledged
        if rec.get("status") in ("new", "duplicate"):
            acked.add(rec["id"])
    return None if proc.returncode == -signal.SIGKILL else proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=60)
    ap.add_argument("--articles", type=int, default=8000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-delay", type=float, default=0.6,
                    help="most seconds between the first new article and the kill")
    args = ap.parse_args(argv)
    if not NEWSWEAVE.exists():
        print(f"skipped: {NEWSWEAVE} not found")
        return 0
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        stream = Path(tmp) / "stream.jsonl"
        db = Path(tmp) / "kill.db"
        write_stream(stream, args.articles, args.seed)
        expected = {json.loads(line)["id"] for line in stream.open(encoding="utf-8")}
        acked: set[str] = set()
        kills = finished_early = mid_ingest = 0
        while kills < args.kills:
            before = len(acked)
            code = run_once(db, stream, rng.uniform(0.0, args.max_delay), acked)
            if code is None:
                kills += 1
                mid_ingest += len(acked) > before
            else:
                finished_early += 1
                if finished_early > 3:
                    break  # the stream is fully ingested; nothing left to interrupt
        final = run_once(db, stream, None, acked)
        con = sqlite3.connect(db)
        ids = [r[0] for r in con.execute("SELECT id FROM article")]
        hashes = con.execute("SELECT count(DISTINCT hash) FROM article").fetchone()[0]
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM article a JOIN story s ON s.id = a.story "
            "WHERE s.merged_into IS NOT NULL").fetchone()[0]
        bad_n = con.execute(
            "SELECT count(*) FROM story s WHERE s.merged_into IS NULL AND s.n != "
            "(SELECT count(*) FROM article a WHERE a.story = s.id)").fetchone()[0]
        con.close()
    stored = set(ids)
    lost = len(acked - stored)
    duplicated = (len(ids) - len(stored)) + (len(ids) - hashes) + len(stored - expected)
    missing = len(expected - stored)
    print(f"kills {kills} (SIGKILL; {mid_ingest} after the run had committed new articles), "
          f"runs that finished before their kill {finished_early}, final run exit code {final}")
    print(f"articles in stream {len(expected)}, acknowledged {len(acked)}, stored {len(ids)}")
    print(f"acknowledged but lost {lost}; duplicated {duplicated}; "
          f"never stored after the final run {missing}")
    print(f"stories: articles in merged stories {orphans}, stories with wrong size {bad_n}")
    print(f"PRAGMA integrity_check: {integrity}")
    ok = lost == 0 and duplicated == 0 and missing == 0 and integrity == "ok" and kills >= 50
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
