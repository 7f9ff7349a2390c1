"""Document frequency of words in the Multi-News train split (lower-cased there, so it says
how widespread a word is, not whether it is a name): words found in >= 100 of the 44,891
clusters are written to src/newsweave/analyze/data/frequent_words.txt. A name made only of
rarer words ("Katera Barker", "Patrizia Ferretti") is more likely a person's than a name made
of widespread words ("Gold Medal", "Jersey Shore", "Diagnostic Code").

Usage: python bench/train_df.py [--min-df N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NAME = "multinews-train-truncated.jsonl.gz"
DATA = next((p / "shared" / "data" / _NAME for p in (ROOT.parent, *ROOT.parents)
             if (p / "shared" / "data" / _NAME).exists()), ROOT.parent / "shared" / "data" / _NAME)
OUT = ROOT / "src" / "newsweave" / "analyze" / "data" / "frequent_words.txt"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-df", type=int, default=100)
    args = ap.parse_args()
    if not DATA.exists():
        print(f"skip: {DATA} not found")
        return 0
    df: Counter[str] = Counter()
    n = 0
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for line in f:
            it = json.loads(line)
            n += 1
            text = " ".join(a.get("text", "") for a in it["articles"]).lower()
            df.update(set(re.findall(r"[a-z][a-z']+[a-z]", text)))
    keep = sorted(w for w, c in df.items() if c >= args.min_df and "'" not in w)
    with OUT.open("w", encoding="utf-8") as g:
        g.write(f"# words in >= {args.min_df} of {n} Multi-News train clusters "
                "(bench/train_df.py)\n")
        g.write("\n".join(keep) + "\n")
    print(f"{n} clusters, {len(df)} words, {len(keep)} frequent -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
