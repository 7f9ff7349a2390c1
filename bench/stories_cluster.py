"""Story clustering bench: the 50 Multi-News dev clusters shuffled into one stream.

Every article is ingested one by one (one committed transaction each) into a fresh store;
the stories found are compared with the true clusters by B-cubed precision, recall and F1.
Articles whose text is empty after cleaning (scrape boilerplate only) cannot be stored; the
main figures are over stored articles, and a second line counts the skipped ones as
singleton stories (a lower bound).

    python bench/stories_cluster.py [--seed 0] [--data ../shared/data/multinews-dev50.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from newsweave.ingest import article_from_record
from newsweave.stories import Clusterer, StoryOptions, open_store

ROOT = Path(__file__).resolve().parents[1]
DEV50 = ROOT.parent / "shared" / "data" / "multinews-dev50.jsonl"


def cpu_pressure() -> str:
    """Share of recent time some task waited for a CPU (Linux PSI): other load on the box."""
    try:
        line = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"
    return line.split()[1].replace("avg10=", "") + " %"


def bcubed(truth: Mapping[str, str], found: Mapping[str, object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``found`` clusters against ``truth`` labels."""
    items = list(truth)
    by_t: dict[str, set[str]] = {}
    by_f: dict[object, set[str]] = {}
    for i in items:
        by_t.setdefault(truth[i], set()).add(i)
        by_f.setdefault(found[i], set()).add(i)
    p = r = 0.0
    for i in items:
        same_f = by_f[found[i]]
        same_t = by_t[truth[i]]
        both = len(same_f & same_t)
        p += both / len(same_f)
        r += both / len(same_t)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEV50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--merge", type=float, default=None)
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0
    raw = []
    for line in args.data.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for k, a in enumerate(rec["articles"]):
            raw.append((rec["id"], f"{rec['id']}#{k + 1}", a))
    random.Random(args.seed).shuffle(raw)
    opts = StoryOptions()
    if args.threshold is not None:
        opts = replace(opts, threshold=args.threshold)
    if args.merge is not None:
        opts = replace(opts, merge_threshold=args.merge)
    truth: dict[str, str] = {}
    found: dict[str, object] = {}
    skipped: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        clusterer = Clusterer(store, opts)
        stream = []
        t0 = time.perf_counter()
        c0 = time.process_time()
        for cid, aid, record in raw:  # timed from the raw record: cleaning included
            art = article_from_record(record, aid)
            stream.append((cid, art))
            if not art.text.strip():
                skipped.append(art.id)
                continue
            ack = clusterer.add(art)
            truth[ack.id] = cid
        clusterer.flush()
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - c0
        for row in store.stories():
            for aid in row.articles:
                found[aid] = row.id
        counts = store.counts()
        store.close()
    p, r, f = bcubed(truth, found)
    n = len(truth)
    print(f"articles in stream {len(stream)}, stored {n}, skipped (no text) {len(skipped)}")
    print(f"true clusters {len(set(truth.values()))}, stories found {counts['stories']}, "
          f"merges {counts['merges']}")
    print(f"B-cubed precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  (stored articles)")
    all_truth = dict(truth)
    all_found = dict(found)
    for cid, art in stream:
        if art.id in skipped:
            all_truth[art.id] = cid
            all_found[art.id] = ("skipped", art.id)
    p2, r2, f2 = bcubed(all_truth, all_found)
    print(f"B-cubed precision {p2:.4f}  recall {r2:.4f}  F1 {f2:.4f}  "
          "(skipped counted as singletons)")
    print(f"ingest+clustering {len(stream) / seconds:.1f} articles/s wall, "
          f"{len(stream) / cpu:.1f} articles per CPU-second ({seconds:.2f} s wall, {cpu:.2f} s "
          f"CPU; one commit per article, cleaning included; CPU pressure {cpu_pressure()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
