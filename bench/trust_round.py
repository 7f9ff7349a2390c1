"""Build a blind-judging packet of newsweave's trust claims on a line range of the truncated
Multi-News train file (lower-cased text), like ``../shared/eval/packet_trust.py`` but in one
process.

    python bench/trust_round.py START END OUT.jsonl [--max-clusters N] [--extra N]
        [--data PATH]

Reads the clusters at 0-based lines ``START`` to ``END - 1`` of
``multinews-train-truncated.jsonl.gz`` (streaming, stopping at ``END``; nothing after it is
read), keeps those with at least two non-empty articles (at most ``--max-clusters``), briefs
each (default options) and writes one item per extra citation (the brief sentence and the
cited source's evidence sentence, ``shown`` full/partial), per conflict (its claims with
value and sentence) and per agreement (its text and one
sentence per source), in the fields of ``packet_trust.py``. With ``--extra N`` it also adds up
to N citations that the rules alone (the learned gate off) would show and the shipped check
does not (``shown`` "gate-dropped"), so that the gate can be trained and scored on them. Private
fields (``shown``, ``version``, ``line``) are stripped by the coordinator before judging.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from newsweave.errors import InputError
from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief
from newsweave.render.jsonout import brief_to_dict

DATA = next((p / "shared" / "data" for p in Path(__file__).resolve().parents[1:4]
             if (p / "shared" / "data").is_dir()), Path("../shared/data"))
TRAIN = DATA / "multinews-train-truncated.jsonl.gz"


def need(path: Path) -> None:
    """Exit with a one-line message when the data file is absent (no ../shared here)."""
    if not path.is_file():
        raise SystemExit(f"{path}: not found (the truncated train file of ../shared/data; "
                         "give another with --data)")


def clusters(path: Path, start: int, end: int, limit: int) -> Iterator[tuple[int, str, list]]:
    """(line, id, articles) of the multi-article clusters at lines [start, end)."""
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k >= end or n >= limit:
                return
            if k < start:
                continue
            it = json.loads(line)
            arts = [a for a in it["articles"] if a.get("text", "").strip()]
            if len(arts) < 2:
                continue
            n += 1
            yield k, it["id"], [{"id": f"a{i + 1}", "text": a["text"]}
                                for i, a in enumerate(arts)]


def _sent(arts: dict[str, dict], off: dict) -> str:
    return arts[off["article"]]["text"][off["start"]:off["end"]]


def items(cid: str, b: dict) -> tuple[list[dict], list[dict]]:
    """Citation items, and conflict and agreement items, of one brief (``brief_to_dict``
    form)."""
    arts = {a["id"]: a for a in b["articles"]}
    cites, agrees = [], []
    for i, s in enumerate(b["summary"]):
        support = s.get("support") or []
        for k, (src, ev) in enumerate(zip(s["sources"], s.get("evidence", []), strict=False)):
            if k == 0:
                continue
            cites.append({"key": f"{cid}/s{i}/{src}", "kind": "citation", "cluster": cid,
                          "brief_sentence": s["text"], "cited_source": src,
                          "evidence": _sent(arts, ev),
                          "shown": support[k] if k < len(support) else "full"})
    analysis = b.get("analysis", {})
    for j, c in enumerate(analysis.get("conflicts", b.get("conflicts", []))):
        claims = [{"value": cl["value"], "sources": cl["sources"],
                   "sentence": _sent(arts, cl["sentence"] if isinstance(cl["sentence"], dict)
                                     else cl["sentence"][0])} for cl in c["claims"]]
        agrees.append({"key": f"{cid}/c{j}", "kind": "conflict", "cluster": cid,
                       "about": c["about"], "claims": claims})
    for j, a in enumerate(analysis.get("agreements", b.get("agreements", []))):
        offs = a["sentence"] if isinstance(a["sentence"], list) else [a["sentence"]]
        agrees.append({"key": f"{cid}/a{j}", "kind": "agreement", "cluster": cid,
                       "text": a["text"], "sources": a["sources"],
                       "sentences": [_sent(arts, o) for o in offs]})
    return cites, agrees


def brief(arts: list[dict]) -> dict:
    return json.loads(json.dumps(brief_to_dict(make_brief(arts, BriefOptions()))))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("start", type=int)
    ap.add_argument("end", type=int)
    ap.add_argument("out")
    ap.add_argument("--max-clusters", type=int, default=10**9)
    ap.add_argument("--extra", type=int, default=0)
    ap.add_argument("--data", default=str(TRAIN))
    args = ap.parse_args()
    version = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, cwd=Path(__file__).parent).stdout.strip()
    need(Path(args.data))
    chk = importlib.import_module("newsweave.align.check")
    shown_items: list[dict] = []
    dropped: list[dict] = []
    n = skipped = 0
    for line, cid, arts in clusters(Path(args.data), args.start, args.end, args.max_clusters):
        try:
            b = brief(arts)
        except InputError:  # no article text after reading (e.g. only boilerplate)
            skipped += 1
            continue
        n += 1
        cites, agrees = items(cid, b)
        for it in cites + agrees:
            it.update(version=version, line=line)
        shown_items += cites + agrees
        if args.extra:
            seen = {(c["brief_sentence"], c["cited_source"]) for c in cites}
            with mock.patch.multiple(chk, T_PROMOTE=1.01, T_PROMOTE_LOWER=1.01,
                                     _gated=lambda v, x, lower=False: v):
                loose, _ = items(cid, brief(arts))
            for c in loose:
                if (c["brief_sentence"], c["cited_source"]) not in seen:
                    c.update(key=c["key"] + "/rules", shown="gate-dropped", version=version,
                             line=line)
                    dropped.append(c)
    out = shown_items + dropped[:args.extra]
    with open(args.out, "w", encoding="utf-8") as g:
        for it in out:
            g.write(json.dumps(it, ensure_ascii=False) + "\n")
    kinds = [it["kind"] for it in shown_items]
    print(f"{n} clusters ({skipped} without article text skipped): "
          f"{kinds.count('citation')} citations, {kinds.count('conflict')} conflicts, "
          f"{kinds.count('agreement')} "
          f"agreements shown; {len(dropped)} gate-dropped citations "
          f"({min(len(dropped), args.extra)} written) -> {args.out}")


if __name__ == "__main__":
    main()
