"""Citations per brief with and without the learned gate of the support check.

    python bench/trust_counts.py [CLUSTERS.jsonl ...] [--limit N]

Briefs the multi-article clusters (default options, analysis off) three times: with the shipped
check, with the gate not raising rule "none" verdicts (``T_PROMOTE`` off) and with the rules
alone (the gate switched off), and prints per version the extra citations
(sources after the first) shown full and partial per brief, and the briefs' sentences with at
least one extra citation. Clusters listed in /work/coord/reserved_trust.txt are skipped.
"""

from __future__ import annotations

import argparse
import importlib
import json
from pathlib import Path
from unittest import mock

from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief

RESERVED = Path("/work/coord/reserved_trust.txt")
DATA = next((p / "shared" / "data" for p in Path(__file__).resolve().parents[1:4]
             if (p / "shared" / "data").is_dir()), Path("../shared/data"))


def clusters(paths: list[str], limit: int) -> list[list[dict]]:
    reserved = set(RESERVED.read_text().split()) if RESERVED.exists() else set()
    out = []
    for p in paths:
        if not Path(p).is_file():
            continue
        n = 0
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            it = json.loads(line)
            arts = [a for a in it["articles"] if a.get("text", "").strip()]
            if len(arts) < 2:
                continue
            n += 1
            if it["id"] in reserved or (limit and n > limit):
                continue
            out.append([{"id": f"a{i + 1}", "text": a["text"]} for i, a in enumerate(arts)])
    return out


def counts(data: list[list[dict]]) -> tuple[int, int, int, int]:
    full = part = cited = sents = 0
    for arts in data:
        for s in make_brief(arts, BriefOptions(analyze=False)).summary:
            sup = list(s.support[1:]) or ["full"] * (len(s.sources) - 1)
            full += sup.count("full")
            part += sup.count("partial")
            cited += bool(sup)
            sents += 1
    return full, part, cited, sents


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*",
                    default=[str(DATA / "multinews-dev50.jsonl"),
                             str(DATA / "multinews-test150.jsonl")])
    ap.add_argument("--limit", type=int, default=90, help="first N multi-article clusters")
    args = ap.parse_args()
    data = clusters(args.paths, args.limit)
    if not data:
        print("no clusters found")
        return
    chk = importlib.import_module("newsweave.align.check")  # the module, not the function

    versions = (("gate", {}), ("gate, no raise", {"T_PROMOTE": 1.01, "T_PROMOTE_LOWER": 1.01}),
                ("rules only", {"T_PROMOTE": 1.01, "T_PROMOTE_LOWER": 1.01,
                                "_gated": lambda v, x, lower=False: v}))
    for name, patch in versions:
        with mock.patch.multiple(chk, **patch) if patch else mock.MagicMock():
            full, part, cited, sents = counts(data)
        n = len(data)
        print(f"{name:<11} {n} briefs: extra citations full {full / n:.2f}, partial "
              f"{part / n:.2f} per brief; sentences with one or more {cited}/{sents}")


if __name__ == "__main__":
    main()
