"""Quote-speaker and entity figures of this tree on the Lee clusters, from blind labels.

    .venv/bin/python bench/lee_round.py LEE_DIR [--set A|B|C|D] [--packet OUT.jsonl]

LEE_DIR holds gensim's ``lee_background.cor`` and ``lee.cor`` (see ``bench/lee_clusters.py``).
The sets are fixed by the cluster ids: the 76 clusters of two or more reports sorted by id, every
third one (26) held out as ``B`` and the other 50 as ``A`` (the rules of session 28 were written
from A); ``C`` is every second one-report cluster, the first 63 (rules of the session's third
round), and ``D`` the 63 others (held out, judged once at the end). For each cluster the items are
built as ``bench/entity_packet.py --quotes`` builds them (``newsweave brief --format json`` of
this tree: up to 20 quotes, entities ranked 1-20) and keyed by a hash of what is shown, so an
item this tree shows exactly as a judged version did carries that item's blind label
(``bench/judged_lee28.jsonl``, first judge). Prints the labelled share and the issue's measures
over the labelled items; ``--packet`` writes the unlabelled (new or changed) items, stripped of
private fields, to be judged blind with ``../shared/eval/JUDGING.md``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_packet import ROOT, items  # noqa: E402
from final_round import names_figures  # noqa: E402
from lee_clusters import reports, stories  # noqa: E402

JUDGED = Path(__file__).with_name("judged_lee28.jsonl")


def lee_sets(folder: Path) -> dict[str, dict[str, list[str]]]:
    """Set name -> cluster id -> report texts."""
    import hashlib

    texts = reports(folder)
    clusters = {}
    for members in stories(texts):
        joined = "|".join(texts[i] for i in members)
        clusters["lee-" + hashlib.sha1(joined.encode()).hexdigest()[:10]] = [texts[i] for i in
                                                                             members]
    multi = sorted(c for c, t in clusters.items() if len(t) > 1)
    singles = sorted(c for c, t in clusters.items() if len(t) == 1)
    held = set(multi[0::3])
    ids = {"A": [c for c in multi if c not in held], "B": sorted(held), "C": singles[0::2][:63],
           "D": singles[1::2][:63]}
    return {s: {c: clusters[c] for c in cs} for s, cs in ids.items()}


def figures(shown: list[dict[str, Any]], labels: dict[str, dict[str, Any]]) -> str:
    """The issue's measures (``final_round.names_figures``) over the labelled shown items."""
    return names_figures([{"kind": i["kind"], "judge1": labels[i["key"]]} for i in shown
                          if i["key"] in labels], "judge1")


def set_and_packet(args: list[str]) -> tuple[str | None, Path | None, list[str]]:
    """``--set NAME`` and ``--packet OUT`` taken out of the arguments."""
    args = list(args)
    only, packet = None, None
    if "--set" in args:
        k = args.index("--set")
        only = args[k + 1]
        del args[k:k + 2]
    if "--packet" in args:
        k = args.index("--packet")
        packet = Path(args[k + 1])
        del args[k:k + 2]
    return only, packet, args


def main(args: list[str]) -> int:
    only, packet, args = set_and_packet(args)
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip())
        return 2
    labels = {}
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels[row["key"]] = row["judge1"]
    report(lee_sets(Path(args[0])), labels, only, packet)
    return 0


def report(sets: dict[str, dict[str, list[str]]], labels: dict[str, dict[str, Any]],
           only: str | None, packet: Path | None) -> None:
    """Per set: how many shown items carry a label, the issue's measures over them; the
    unlabelled items (private fields stripped) go to ``packet`` for blind judging."""
    version = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
    unlabelled = []
    for name, clusters in sets.items():
        if only and name != only:
            continue
        shown = [it for cid, texts in clusters.items()
                 for it in items(cid, texts, 20, version, quotes=True)]
        new = [i for i in shown if i["key"] not in labels]
        unlabelled += new
        print(f"set {name} ({len(clusters)} clusters, {len(shown)} items, "
              f"{len(shown) - len(new)} labelled, {len(new)} not yet judged)")
        print(f"  {figures(shown, labels)}")
    if packet:
        with packet.open("w", encoding="utf-8") as f:
            for i in unlabelled:
                f.write(json.dumps({k: v for k, v in i.items() if k not in ("rank", "version")},
                                   ensure_ascii=False) + "\n")
        print(f"{len(unlabelled)} items to judge -> {packet}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
