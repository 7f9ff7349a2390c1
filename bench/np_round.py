"""Quote-speaker and entity figures of this tree on fresh US/UK news texts, from blind labels.

    .venv/bin/python bench/np_round.py TEXT_DIR [--set H|R] [--rules-only | --held-out]
                                       [--packet OUT.jsonl]

TEXT_DIR holds plain-text news articles, one ``NAME.txt`` each: session 29 used the expected
body texts of the newspaper project's tests (``tests/data/text/*.txt`` of codelucas/newspaper,
pages of late 2014 from al.com, Reuters, The Telegraph, The Globe and Mail, nola.com, NY Post,
The Daily Beast, Wired and others; 60 English news articles). They are not shipped with
newsweave and are neither Multi-News nor Lee: no rule of newsweave was written from them before
session 29. Articles are grouped into stories as ``bench/lee_clusters.py`` groups Lee reports
(TF-IDF cosine, average linkage, but distance < 0.65: only the four AirAsia reports join); a
cluster's id is ``np-`` and its article names, so the same folder always gives the same clusters.

The sets are fixed by the sorted ids: every second one from the first is held out (``H``), the
others (``R``) are rule material. ``--rules-only`` makes every cluster rule material: session 30
used it on a second folder, 15 more pages of the same tests (``S``: bostonherald.com2,
businessinsider.com2, cleveland.com1-2, dallasnews.com1-2, foxbusiness.com1-2, gulflive.com1-2,
mashable.com1, nj.com1, nydailynews.com2, pe.com2, space.com1; the others of that batch were
error pages or under 500 characters). ``--held-out`` makes every cluster one held-out set
``X``: session 30 used it on news articles of November 2019 (the ground truth of
scrapinghub/article-extraction-benchmark), judged once at the end. Items are built as
``bench/entity_packet.py --quotes`` builds them and keyed by a hash of what is shown, so an
item this tree shows exactly as a judged version did carries that item's blind label
(``bench/judged_np29.jsonl`` and ``bench/judged_np30.jsonl``, first judge; a second judge
where ``judge2`` is present). Prints the labelled share and the issue's measures over the
labelled items; ``--packet`` writes the unlabelled (new or changed) items, stripped of private
fields, to be judged blind with ``../shared/eval/JUDGING.md``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lee_clusters import stories  # noqa: E402
from lee_round import report, set_and_packet  # noqa: E402

JUDGED = [Path(__file__).with_name(n) for n in ("judged_np29.jsonl", "judged_np30.jsonl")]
# Stricter than the Lee grouping: these pages share a year-end news vocabulary, and at 0.8 an
# arts centre in New Orleans joined a foundation in Oregon.
NP_DISTANCE = 0.65


def np_sets(folder: Path, rules_only: bool = False,
            held_out: bool = False) -> dict[str, dict[str, list[str]]]:
    """Set name -> cluster id -> article texts."""
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"np_round: no .txt articles in {folder}")
    texts = [p.read_text(encoding="utf-8").strip() for p in paths]
    clusters = {}
    for members in stories(texts, NP_DISTANCE):
        cid = "np-" + "+".join(paths[i].stem for i in members)
        clusters[cid] = [texts[i] for i in members]
    ids = sorted(clusters)
    if rules_only or held_out:
        return {"X" if held_out else "R": {c: clusters[c] for c in ids}}
    return {"H": {c: clusters[c] for c in ids[0::2]}, "R": {c: clusters[c] for c in ids[1::2]}}


def labels_of(paths: list[Path]) -> dict[str, dict[str, Any]]:
    out = {}
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            out[row["key"]] = row["judge1"]
    return out


def main(args: list[str]) -> int:
    only, packet, args = set_and_packet(args)
    rules_only, held_out = "--rules-only" in args, "--held-out" in args
    args = [a for a in args if a not in ("--rules-only", "--held-out")]
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip())
        return 2
    report(np_sets(Path(args[0]), rules_only, held_out), labels_of(JUDGED), only, packet)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
