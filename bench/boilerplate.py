"""Sentences of site furniture, counted on the truncated Multi-News train file.

A sentence that recurs word for word in many unrelated clusters ("You can unsubscribe at any
time.", "Dow Jones Reprints: This copy is for your personal, non-commercial use only.",
"Rating is available when the video has been rented.") is part of the page, not of the story.
This script counts, for every sentence of the 44,891 truncated train clusters (split at . ! ?,
lower-cased, only letters and digits kept, 4-40 words), in how many clusters it occurs, and
writes those found in at least ``--min-clusters`` (15) to
``src/newsweave/text/data/boilerplate.txt`` as hashes (not the text), which
:mod:`newsweave.text.boilerplate` reads. ``--show N`` prints the N most widespread.
The raw dev50 / test150 clusters are not read.

    python bench/boilerplate.py [--min-clusters 15] [--data PATH]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

from newsweave.text.boilerplate import digest, normalize

ROOT = Path(__file__).resolve().parents[1]
DATA = next((p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
            Path("../shared/data"))
OUT = ROOT / "src" / "newsweave" / "text" / "data" / "boilerplate.txt"
_SPLIT = re.compile(r"(?<=[.!?])\s+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-clusters", type=int, default=15)
    ap.add_argument("--data", default=str(DATA / "multinews-train-truncated.jsonl.gz"))
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    if not Path(args.data).is_file():
        raise SystemExit(f"{args.data}: not found (the truncated train file of ../shared/data)")
    counts: collections.Counter[str] = collections.Counter()
    clusters = 0
    with gzip.open(args.data, "rt", encoding="utf-8") as f:
        for line in f:
            clusters += 1
            seen = set()
            for a in json.loads(line)["articles"]:
                for s in _SPLIT.split(a.get("text", "")):
                    n = normalize(s)
                    if 4 <= n.count(" ") + 1 <= 40:
                        seen.add(n)
            counts.update(seen)
    kept = sorted(digest(s) for s, c in counts.items() if c >= args.min_clusters)
    header = (f"# sentences found in >= {args.min_clusters} of the {clusters:,} truncated "
              "Multi-News train clusters (bench/boilerplate.py): site furniture, not news; "
              "one hash of each normalised sentence (newsweave.text.boilerplate.digest)\n")
    OUT.write_text(header + "".join(s + "\n" for s in kept), encoding="utf-8")
    for s, c in counts.most_common(args.show):
        print(f"{c:>6}  {s}")
    print(f"{len(counts):,} distinct sentences in {clusters:,} clusters; {len(kept)} in >= "
          f"{args.min_clusters} clusters -> {OUT}")


if __name__ == "__main__":
    main()
