"""Peak memory of ``newsweave batch`` and whether it grows with the number of clusters.

Runs the CLI in a subprocess on the dev file repeated to 250 and to 1,000 clusters (default
mode, one worker and two) and reads the child's peak RSS (``ru_maxrss`` of the finished
children; with two workers the pool processes are children too, so the figure is the largest
single process).

    python bench/memory.py [FILE.jsonl]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import DEV, repeat_jsonl  # noqa: E402


def peak_rss_mb(in_path: Path, out_path: Path, workers: int) -> float:
    """Peak RSS (MB) of the largest process of one ``newsweave batch`` run."""
    code = (
        "import resource, sys\n"
        "from newsweave.cli import main\n"
        "sys.argv = ['newsweave'] + sys.argv[1:]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "    print('PEAK_KB', max(own, kids), file=sys.stderr)\n"
    )
    cmd = [sys.executable, "-c", code, "batch", str(in_path), str(out_path),
           "--workers", str(workers)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    for line in proc.stderr.splitlines():
        if line.startswith("PEAK_KB"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"batch failed ({proc.returncode}): {proc.stderr[-500:]}")


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    src = Path(args[0]) if args else DEV
    if not src.is_file():
        print(f"no data at {src}; nothing to measure")
        return
    print(f"{'clusters':>8} {'workers':>7} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for clusters in (250, 1000):
            data = Path(tmp) / f"c{clusters}.jsonl"
            repeat_jsonl(src, data, clusters)
            for workers in (1, 2):
                mb = peak_rss_mb(data, Path(tmp) / "out.jsonl", workers)
                print(f"{clusters:>8} {workers:>7} {mb:>12.1f}")
    print("target: < 500 MB, and about the same for 250 and 1,000 clusters")


if __name__ == "__main__":
    main()
