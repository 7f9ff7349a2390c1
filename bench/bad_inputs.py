"""Time every case of the bad-input corpus through the real CLI (``newsweave brief FILE``).

Each case must end within 10 s with either a brief (exit 0, only warning lines on stderr) or
exactly one ``newsweave: error:`` line and exit 2. Prints one row per case and a summary.

    python bench/bad_inputs.py [--no-analysis] [--limit SECONDS]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import badcorpus  # noqa: E402

NEWSWEAVE = Path(sys.executable).with_name("newsweave")


def judge(case: badcorpus.Case, code: int, err: str) -> str:
    lines = err.splitlines()
    if "Traceback" in err:
        return "TRACEBACK"
    if code == 0:
        if any(not line.startswith("newsweave: warning: ") for line in lines):
            return "stray stderr"
        return "ok" if case.expect == "ok" else "brief (expected error)"
    if code == 2 and len(lines) == 1 and lines[0].startswith("newsweave: error: "):
        return "ok" if case.expect == "error" else "error (expected brief)"
    return f"bad exit {code}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    extra = ["--no-analysis"] if "--no-analysis" in args else []
    limit = float(args[args.index("--limit") + 1]) if "--limit" in args else 10.0
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        cases = badcorpus.build(Path(tmp), large=True)
        print(f"{'case':22} {'exit':>4} {'seconds':>8}  verdict  stderr (first line)")
        for case in cases.values():
            t0 = time.perf_counter()
            try:
                proc = subprocess.run(
                    [str(NEWSWEAVE), "brief", str(case.path), *extra],
                    capture_output=True, text=True, timeout=120,
                )
                code, err = proc.returncode, proc.stderr
            except subprocess.TimeoutExpired:
                code, err = -1, "timed out after 120 s"
            took = time.perf_counter() - t0
            verdict = judge(case, code, err)
            if took > limit:
                verdict += f" SLOW>{limit:g}s"
            failures += verdict != "ok"
            first = (err.splitlines() or [""])[0].replace(tmp, "…")[:90]
            print(f"{case.name:22} {code:>4} {took:8.2f}  {verdict:7}  {first}", flush=True)
    print(f"bad inputs: {len(cases)} cases, {len(cases) - failures} handled within {limit:g} s, "
          f"{failures} failing")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
