"""Blind figures of one version's entities, ranks 1-20, from judged packets.

    .venv/bin/python bench/entity_blind.py PACKET.jsonl LABELS.jsonl [LABELS.jsonl ...]

PACKET is ``bench/entity_packet.py`` output of the version (every entity ranked 1-20); the
labels are blind judges' lines (``key``, ``type``, ``merge``) of any packet whose keys overlap
(an entity shown alike by two versions has one key, so it is judged once). Prints, over the
labelled items, the share of types right, not a name and wrong merges, for ranks 1-10, 11-20
and all, and how many items have no label yet (they count in no figure).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def load(p: str) -> list[dict[str, object]]:
    return [json.loads(x) for x in Path(p).read_text(encoding="utf-8").splitlines() if x]


def main(args: list[str]) -> None:
    items = load(args[0])
    labels: dict[str, dict[str, object]] = {}
    for p in args[1:]:
        for j in load(p):
            labels.setdefault(str(j["key"]), j)
    rows: dict[str, Counter[str]] = {"1-10": Counter(), "11-20": Counter(), "all": Counter()}
    for it in items:
        j = labels.get(str(it["key"]))
        band = "1-10" if int(str(it["rank"])) <= 10 else "11-20"
        for b in (band, "all"):
            c = rows[b]
            if j is None:
                c["unlabelled"] += 1
                continue
            c["n"] += 1
            c["type " + str(j["type"])] += 1
            c["merge " + str(j["merge"])] += 1
    for b, c in rows.items():
        n = c["n"]
        if not n:
            continue
        print(f"ranks {b:5}: {n} judged ({c['unlabelled']} unlabelled): type right "
              f"{c['type right']}/{n} = {c['type right'] / n:.1%}, not a name "
              f"{c['type not a name']} = {c['type not a name'] / n:.1%}, wrong merges "
              f"{c['merge wrong']} = {c['merge wrong'] / n:.1%}")


if __name__ == "__main__":
    main(sys.argv[1:])
