"""Batch throughput of the default mode: clusters per second, median of several runs.

The Multi-News dev file is repeated into a temporary JSONL of at least 1,000 clusters and
summarized with :func:`newsweave.batch.run_batch` (default options) with 1 and 2 workers.

    python bench/speed.py [FILE.jsonl] [--clusters N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from newsweave.batch import run_batch

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews-dev50.jsonl"


def repeat_jsonl(src: Path, dest: Path, clusters: int) -> int:
    lines = [line for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = 0
    with dest.open("w", encoding="utf-8") as fh:
        while n < clusters:
            for line in lines:
                fh.write(line + "\n")
                n += 1
                if n >= clusters:
                    break
    return n


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEV))
    ap.add_argument("--clusters", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    src = Path(args.path)
    if not src.is_file():
        print(f"no data at {src}; nothing to time")
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "clusters.jsonl"
        n = repeat_jsonl(src, data, args.clusters)
        print(f"{n} clusters, {args.runs} runs each, cpus={os.cpu_count()}, "
              f"load average {os.getloadavg()[0]:.2f} at start")
        print(f"{'workers':>7} {'median clusters/s':>18} {'runs':>30}")
        cpu_rates = []
        for workers in (1, 2):
            rates = []
            for _ in range(args.runs):
                t0, c0 = time.perf_counter(), time.process_time()
                report = run_batch(data, Path(tmp) / "out.jsonl", workers=workers)
                rates.append(report.ok / (time.perf_counter() - t0))
                if workers == 1:
                    cpu_rates.append(report.ok / (time.process_time() - c0))
                if report.failed:
                    print(f"  ({report.failed} clusters failed)")
            runs = " ".join(f"{r:.1f}" for r in rates)
            print(f"{workers:>7} {statistics.median(rates):>18.1f} {runs:>30}")
        # Wall-clock rates depend on what else runs on the machine; CPU time does much less.
        print(f"single process: {statistics.median(cpu_rates):.1f} clusters per CPU-second "
              f"(so about {2 * statistics.median(cpu_rates):.0f}/s on 2 idle cores)")
        print(f"load average {os.getloadavg()[0]:.2f} at end (other work on the machine "
              "slows these figures)")


if __name__ == "__main__":
    main()
