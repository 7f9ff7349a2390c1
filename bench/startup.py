"""Start-up cost of the CLI: wall time of ``newsweave brief examples/mosul`` against the
brief's own ``stats.seconds`` (the pipeline), median of 5 runs each in a fresh process.

Target (issue 13): wall <= 4 x stats.seconds.

    python bench/startup.py [--runs 5] [PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_run(path: Path) -> tuple[float, float]:
    """(wall seconds of the whole command, the brief's stats.seconds)."""
    cmd = [sys.executable, "-m", "newsweave", "brief", str(path), "--format", "json"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t0
    return wall, float(json.loads(out)["stats"]["seconds"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=ROOT / "examples" / "mosul")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    runs = [one_run(args.path) for _ in range(args.runs)]
    wall = statistics.median(w for w, _ in runs)
    pipe = statistics.median(s for _, s in runs)
    load = os.getloadavg()[0]
    print(f"newsweave brief {args.path.name}: wall {wall:.2f} s, pipeline (stats.seconds) "
          f"{pipe:.2f} s, ratio {wall / pipe:.1f} (target <= 4.0); median of {args.runs}; "
          f"load average {load:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
