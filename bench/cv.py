"""2-fold cross-validation of the learned scorer on the Multi-News dev clusters.

The clusters are split into two halves by a fixed seeded shuffle (bench/tune.py ``folds``).
Weights are trained on one half and the brief is evaluated, through the real pipeline and
ROUGE wrapper, on the other; then the other way round. The shipped default (trained on all
clusters) is shown on each half for comparison.

    python bench/cv.py [FILE.jsonl]
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
    path = Path(args[0]) if args else DEV
    if not path.is_file():
        print(f"no data at {path}; nothing to cross-validate")
        return
    records = load(path)
    items = {it.id: it for it in prepare(records)}
    halves = folds(items)
    print(f"{'fold':<34} {'R1':>6} {'R2':>6} {'RL':>6} {'RLsum':>6} {'words':>7} {'n':>4}")
    means: dict[str, list[float]] = {"rouge1": [], "rouge2": []}
    for k in (0, 1):
        train, test = halves[k], halves[1 - k]
        SCORERS["cv-fold"] = linear(fit([items[i] for i in train]))
        try:
            opts = BriefOptions(scorer="cv-fold", analyze=False)
            row = evaluate(path, opts, peers=False, ids=test)[0]
        finally:
            del SCORERS["cv-fold"]
        print(_row(f"train half {k + 1}, test half {2 - k}", row))
        for m in means:
            means[m].append(row[m])
        shipped = evaluate(path, BriefOptions(analyze=False), peers=False, ids=test)[0]
        print(_row(f"  (shipped default on half {2 - k})", shipped))
    print(
        f"2-fold mean: R1 {sum(means['rouge1']) / 2:.2f}  R2 {sum(means['rouge2']) / 2:.2f}"
    )


if __name__ == "__main__":
    main()
