"""Word importance learned on the truncated Multi-News train set (44,891 clusters).

For every lower-cased word (runs of letters and digits, as ``summarize.lexical.tokens``) the
share of the clusters using it in their sources whose reference uses it too, smoothed toward
the overall share. Written to a temporary file (word, tab, importance x 1000 as an integer;
words seen in at least ``MIN_CLUSTERS`` clusters) for the experiments of docs/experiments.md
("Quality, second round"): as sentence features it did not gain, so nothing ships. The
truncated form is lower-cased with punctuation split off, so only word identity is learned
here, never case, layout or position.

    python bench/word_importance.py [TRAIN.jsonl.gz] [--min-clusters N]
"""

from __future__ import annotations

import gzip
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsweave.summarize.lexical import tokens  # noqa: E402
from readability import DATA  # noqa: E402

TRAIN = DATA / "multinews-train-truncated.jsonl.gz"
OUT = Path(tempfile.gettempdir()) / "newsweave-word-importance.txt"
MIN_CLUSTERS = 30
PRIOR = 20.0  # pseudo-clusters of smoothing toward the overall share


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    min_clusters = MIN_CLUSTERS
    if "--min-clusters" in args:
        k = args.index("--min-clusters")
        min_clusters = int(args[k + 1])
        del args[k : k + 2]
    path = Path(args[0]) if args else TRAIN
    if not path.is_file():
        print(f"no data at {path}; nothing to learn")
        return
    src_df: Counter[str] = Counter()
    both_df: Counter[str] = Counter()
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            src = set()
            for a in rec["articles"]:
                src.update(tokens(a["text"]))
            ref = set(tokens(rec["reference"]))
            src_df.update(src)
            both_df.update(src & ref)
            n += 1
    total_src = sum(src_df.values())
    base = sum(both_df.values()) / max(1, total_src)
    rows = []
    for w, df in src_df.items():
        if df < min_clusters:
            continue
        rows.append((w, round(1000 * (both_df[w] + PRIOR * base) / (df + PRIOR))))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(f"# {n} clusters, base {1000 * base:.0f}, min clusters {min_clusters}\n")
        for w, v in rows:
            fh.write(f"{w}\t{v}\n")
    print(f"{n} clusters; {len(rows)} words written to {OUT} (base share {base:.3f})")


if __name__ == "__main__":
    main()
