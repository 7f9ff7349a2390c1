"""Capitalisation statistics of English news words, from the raw-case news text we may tune on:
the articles and peer summaries of ../shared/data/multinews-dev50.jsonl and the articles of the
multi-article clusters 1-20 and 41-90 of multinews-test150.jsonl (21-40 are kept for a judged
round; 91-148, /work/coord/reserved_ids.txt, are never read). The train file is lower-cased, so
of no use here.

For every word: how often it is written in lower case, and how often capitalised where a capital
proves nothing (not opening a sentence, a quote or a line). Words written in lower case in most
of their occurrences are ordinary words: a capitalised one standing alone is not a name
(``newsweave.analyze.commonwords``). Writes src/newsweave/analyze/data/common_words.txt.

Usage: python bench/caps_stats.py [--min N] [--share S]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = next((p / "shared" / "data" for p in (ROOT.parent, *ROOT.parents)
             if (p / "shared" / "data" / "multinews-dev50.jsonl").exists()),
            ROOT.parent / "shared" / "data")
RESERVED = Path("/work/coord/reserved_ids.txt")
TEST_USED = (*range(1, 21), *range(41, 91))  # multi-article clusters of test150, 1-based
OUT = ROOT / "src" / "newsweave" / "analyze" / "data" / "common_words.txt"
WORD = re.compile(r"[A-Za-z][a-z'’]*[a-z]|[A-Za-z]")


def _texts() -> list[str]:
    reserved = set(RESERVED.read_text().split()) if RESERVED.exists() else set()
    out: list[str] = []
    with (DATA / "multinews-dev50.jsonl").open(encoding="utf-8") as f:
        for line in f:
            it = json.loads(line)
            out += [a.get("text", "") for a in it["articles"]]
            out += [v for v in (it.get("peers") or {}).values() if isinstance(v, str)]
    k = 0
    with (DATA / "multinews-test150.jsonl").open(encoding="utf-8") as f:
        for line in f:
            it = json.loads(line)
            arts = [a["text"] for a in it["articles"] if a.get("text", "").strip()]
            if len(arts) < 2:
                continue
            k += 1
            if k in TEST_USED and it["id"] not in reserved:
                out += arts
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min", type=int, default=3, help="occurrences a word needs")
    ap.add_argument("--share", type=float, default=0.75, help="lower-case share of a common word")
    args = ap.parse_args()
    if not (DATA / "multinews-dev50.jsonl").exists():
        print(f"skip: {DATA} not found")
        return 0
    lower: Counter[str] = Counter()
    capmid: Counter[str] = Counter()
    n = 0
    for ref in _texts():
        n += 1
        if True:
            for m in WORD.finditer(ref):
                w = m.group(0)
                if len(w) < 3:
                    continue
                before = ref[max(0, m.start() - 3): m.start()].rstrip()
                if not before or before[-1] in ".!?\"“”:;–—-(\n" or before.endswith("'"):
                    continue  # a capital proves nothing here (and lower case after it is rare)
                if w[0].islower():
                    lower[w.lower()] += 1
                elif w[1:].islower() or len(w) == 1:
                    capmid[w.lower()] += 1
    keep = sorted(
        w for w, lo in lower.items()
        if lo + capmid[w] >= args.min and lo >= args.share * (lo + capmid[w])
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as g:
        g.write(f"# words written in lower case in >= {100 * args.share:.0f}% of >= {args.min} "
                f"mid-sentence uses in {n} texts of dev50 and test150 1-20, 41-90 "
                "(bench/caps_stats.py)\n")
        for w in keep:
            g.write(w + "\n")
    print(f"{n} texts, {len(lower)} lower-case words, {len(keep)} common words -> {OUT}")
    for w in ("church", "season", "episode", "detectives", "children", "casino", "commerce",
              "highway", "anyone", "says", "game", "thrones", "orange", "beans", "books", "post",
              "crown", "liberty", "hope", "grace", "will", "may", "bill", "apple", "amazon",
              "target", "subway", "police", "urgent", "whenever", "enlarge", "image"):
        print(f"  {w}: lower {lower[w]} capitalised {capmid[w]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
