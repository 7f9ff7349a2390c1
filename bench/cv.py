"""2-fold cross-validation of the learned scorer on the Multi-News dev clusters.

The clusters are split into two halves by a fixed seeded shuffle (bench/tune.py ``folds``).
Weights are trained on one half and the brief is evaluated, through the real pipeline and
ROUGE wrapper, on the other; then the other way round. The shipped default (trained on all
clusters) is shown on each half for comparison.

    python bench/cv.py [FILE.jsonl] [--seeds 0,1,2]

Single splits are noisy (a handful of sentences moves a fold by 0.3); ``--seeds`` repeats the
2-fold protocol over several shuffles (seed 0 is the fixed split) and prints the mean of all
folds. Compare variants on seeds other than 0 before looking at seed 0.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsweave.evaluate import evaluate  # noqa: E402
from newsweave.options import BriefOptions  # noqa: E402
from newsweave.summarize.scorers import SCORERS, linear  # noqa: E402
from tune import DEV, fit, folds, load, prepare  # noqa: E402


def _row(label: str, r: dict) -> str:
    return (
        f"{label:<34} {r['rouge1']:6.2f} {r['rouge2']:6.2f} {r['rougeL']:6.2f} "
        f"{r['rougeLsum']:6.2f} {r['words']:7.1f} {r['clusters']:4d}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    seeds = [0]
    if "--seeds" in args:
        k = args.index("--seeds")
        try:
            seeds = [int(x) for x in args[k + 1].split(",")]
        except (IndexError, ValueError):
            msg = "--seeds needs a comma-separated list of integers, e.g. 0,1,2"
            raise SystemExit(msg) from None
        del args[k : k + 2]
    path = Path(args[0]) if args else DEV
    if not path.is_file():
        print(f"no data at {path}; nothing to cross-validate")
        return
    records = load(path)
    items = {it.id: it for it in prepare(records)}
    print(f"{'fold':<34} {'R1':>6} {'R2':>6} {'RL':>6} {'RLsum':>6} {'words':>7} {'n':>4}")
    means: dict[str, list[float]] = {"rouge1": [], "rouge2": []}
    for seed, k in [(s, k) for s in seeds for k in (0, 1)]:
        halves = folds(items, seed)
        train, test = halves[k], halves[1 - k]
        SCORERS["cv-fold"] = linear(fit([items[i] for i in train]))
        try:
            opts = BriefOptions(scorer="cv-fold", analyze=False)
            row = evaluate(path, opts, peers=False, ids=test)[0]
        finally:
            del SCORERS["cv-fold"]
        tag = f"seed {seed}: " if seeds != [0] else ""
        print(_row(f"{tag}train half {k + 1}, test half {2 - k}", row))
        for m in means:
            means[m].append(row[m])
        if seeds == [0]:
            shipped = evaluate(path, BriefOptions(analyze=False), peers=False, ids=test)[0]
            print(_row(f"  (shipped default on half {2 - k})", shipped))
    n = len(means["rouge1"])
    label = "2-fold mean" if seeds == [0] else f"mean of {n} folds (seeds {seeds})"
    print(f"{label}: R1 {sum(means['rouge1']) / n:.2f}  R2 {sum(means['rouge2']) / n:.2f}")


if __name__ == "__main__":
    main()
