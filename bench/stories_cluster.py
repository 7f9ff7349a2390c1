"""Story clustering bench: the 50 Multi-News dev clusters shuffled into one stream.

Every article is ingested one by one (one committed transaction each) into a fresh store;
the stories found are compared with the true clusters by B-cubed precision, recall and F1.
Articles whose text is empty after cleaning (scrape boilerplate only) cannot be stored; the
main figures are over stored articles, and a second line counts the skipped ones as
singleton stories (a lower bound).

Threshold sensitivity: F1 for a range of join thresholds, on the whole stream and on two
halves of the clusters (even / odd positions in the file, each shuffled into its own stream):
a threshold tuned on one half is reported on the other, so the figure is not fitted to the
clusters it is measured on.

    python bench/stories_cluster.py [--seed 0] [--data ../shared/data/multinews-dev50.jsonl]
                                    [--second-chance 0.25] [--no-sweep] [--memory]
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
from newsweave.stories.index import MemoryStoryIndex

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


def run(raw: list[tuple[str, str, dict]], opts: StoryOptions,
        memory: bool = False) -> dict[str, float]:
    """Ingest the stream into a fresh store (or an in-memory story index); B-cubed and
    timing figures."""
    truth: dict[str, str] = {}
    found: dict[str, object] = {}
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        mem = MemoryStoryIndex() if memory else None
        clusterer = Clusterer(mem or store, opts)
        t0, c0 = time.perf_counter(), time.process_time()
        for cid, aid, record in raw:  # timed from the raw record: cleaning included
            art = article_from_record(record, aid)
            if not art.text.strip():
                skipped[art.id] = cid
                continue
            truth[clusterer.add(art).id] = cid
        clusterer.flush()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        if mem is not None:
            found = {aid: sid for sid, ids in mem.stories().items() for aid in ids}
            counts = mem.counts()
        else:
            for row in store.stories():
                for aid in row.articles:
                    found[aid] = row.id
            counts = store.counts()
        store.close()
    p, r, f = bcubed(truth, found)
    all_found: dict[str, object] = {**found, **{a: ("skipped", a) for a in skipped}}
    p2, r2, f2 = bcubed({**truth, **skipped}, all_found)
    return {"p": p, "r": r, "f": f, "p2": p2, "r2": r2, "f2": f2, "stored": len(truth),
            "skipped": len(skipped), "stories": counts["stories"], "merges": counts["merges"],
            "rate": len(raw) / seconds, "cpu_rate": len(raw) / cpu, "clusters":
            len(set(truth.values()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEV50)
    ap.add_argument("--seed", type=int, default=0, help="first shuffle seed")
    ap.add_argument("--seeds", type=int, default=5, help="number of shuffles")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--merge", type=float, default=None)
    ap.add_argument("--second-chance", type=float, default=None,
                    help="centroid cosine for a one-article story to join a grown one (1: off)")
    ap.add_argument("--no-sweep", action="store_true", help="skip the threshold sweep")
    ap.add_argument("--memory", action="store_true",
                    help="cluster in an in-memory story index instead of a store file")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0
    base = []
    half: dict[str, int] = {}
    for n, line in enumerate(args.data.read_text(encoding="utf-8").splitlines()):
        rec = json.loads(line)
        half[rec["id"]] = n % 2
        for k, a in enumerate(rec["articles"]):
            base.append((rec["id"], f"{rec['id']}#{k + 1}", a))
    opts = StoryOptions()
    if args.threshold is not None:
        opts = replace(opts, threshold=args.threshold)
    if args.merge is not None:
        opts = replace(opts, merge_threshold=args.merge)
    if args.second_chance is not None:
        opts = replace(opts, second_chance=args.second_chance)
    rows = []
    for seed in range(args.seed, args.seed + args.seeds):
        raw = list(base)
        random.Random(seed).shuffle(raw)
        m = run(raw, opts, memory=args.memory)
        rows.append(m)
        if len(rows) == 1:
            print(f"articles in stream {len(raw)}, stored {m['stored']:.0f}, skipped (no text "
                  f"after cleaning) {m['skipped']:.0f}; true clusters {m['clusters']:.0f}")
        print(f"seed {seed}: B-cubed P {m['p']:.4f} R {m['r']:.4f} F1 {m['f']:.4f} "
              f"(stored articles) | P {m['p2']:.4f} R {m['r2']:.4f} F1 {m['f2']:.4f} (skipped as "
              f"singletons) | stories {m['stories']:.0f}, merges {m['merges']:.0f} | "
              f"{m['rate']:.0f} articles/s wall, {m['cpu_rate']:.0f} per CPU-second")
    def mean(k: str) -> float:
        return sum(m[k] for m in rows) / len(rows)

    print(f"mean of {len(rows)} shuffles: B-cubed precision {mean('p'):.4f} recall "
          f"{mean('r'):.4f} F1 {mean('f'):.4f} (stored); F1 {mean('f2'):.4f} (skipped as "
          f"singletons); ingest+clustering {mean('rate'):.1f} articles/s wall, "
          f"{mean('cpu_rate'):.1f} per CPU-second (one commit per article, cleaning included; "
          f"CPU pressure now {cpu_pressure()})")
    if not args.no_sweep:
        sweep(base, half, opts, range(args.seed, args.seed + args.seeds))
    return 0


def mean_f1(raw: list[tuple[str, str, dict]], opts: StoryOptions, seeds: range) -> float:
    total = 0.0
    for seed in seeds:
        stream = list(raw)
        random.Random(seed).shuffle(stream)
        total += run(stream, opts)["f"]
    return total / len(seeds)


def sweep(base: list[tuple[str, str, dict]], half: dict[str, int], opts: StoryOptions,
          seeds: range) -> None:
    """Mean F1 (stored articles) per join threshold: whole stream, half A, half B."""
    grid = [round(0.10 + 0.02 * k, 2) for k in range(11)]
    parts = {"all": base, "A": [r for r in base if half[r[0]] == 0],
             "B": [r for r in base if half[r[0]] == 1]}
    table: dict[str, dict[float, float]] = {name: {} for name in parts}
    print("threshold sensitivity, mean B-cubed F1 over the shuffles (stored articles); "
          "A, B = even / odd clusters, each its own stream:")
    print("threshold   all      A      B")
    for t in grid:
        o = replace(opts, threshold=t, merge_threshold=max(t, opts.merge_threshold))
        for name, raw in parts.items():
            table[name][t] = mean_f1(raw, o, seeds)
        print(f"  {t:.2f}   {table['all'][t]:.4f} {table['A'][t]:.4f} {table['B'][t]:.4f}"
              + ("   <- default" if abs(t - opts.threshold) < 1e-9 else ""))
    for tune, test in (("A", "B"), ("B", "A")):
        best = max(grid, key=lambda t: (table[tune][t], -abs(t - opts.threshold)))
        print(f"tuned on {tune}: threshold {best:.2f} (F1 {table[tune][best]:.4f}); on {test}: "
              f"F1 {table[test][best]:.4f} (default {opts.threshold:.2f} there: "
              f"{table[test].get(opts.threshold, float('nan')):.4f})")


if __name__ == "__main__":
    sys.exit(main())
