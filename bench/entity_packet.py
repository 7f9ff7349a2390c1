"""Blind-judging packet of entities ranked 1-N per cluster (order of the brief JSON).

    .venv/bin/python bench/entity_packet.py OUT.jsonl CLUSTER_ID... [--top 20] [--only-changed OLD]
        [--data CLUSTERS.jsonl] [--quotes]

Items are built like ``../shared/eval/packet_names.py`` (kind entity: name, type, aliases, one
example sentence per name form) from ``newsweave brief --format json`` of this tree, ranks 1 to
``--top`` (the final round judges 1-20, the earlier packets only 1-10/12). The key is the cluster
and a hash of (name, type, aliases), so the same entity shown by two versions is one key; the
private fields ``rank`` and ``version`` (the git sha) are stripped before judging. With
``--only-changed OLD`` the items whose key is already in the packet OLD are left out (only the
changed entities of a new version are judged again). ``--data`` reads the clusters from another
file of the raw form (e.g. ``bench/lee_clusters.py``'s) instead of the dev and test files;
``--quotes`` adds the quotes (up to 20 a cluster, kind quote: speaker, quote, context = the
article's 400 characters before the quote's sentence, it and 200 after, as
``packet_names.py``), keyed by a hash of (speaker, quote).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("/work/shared/data")
NW = ROOT / ".venv" / "bin" / "newsweave"


def clusters(ids: set[str], files: list[Path] | None = None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in files or [DATA / "multinews-dev50.jsonl", DATA / "multinews-test150.jsonl"]:
        if not p.exists():
            continue
        for line in p.open(encoding="utf-8"):
            it = json.loads(line)
            if it["id"] in ids:
                out[it["id"]] = [a["text"] for a in it["articles"] if a.get("text", "").strip()]
    return out


def brief_json(texts: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "c.jsonl"
        p.write_text("".join(json.dumps({"id": f"a{i + 1}", "text": t}) + "\n"
                             for i, t in enumerate(texts)), encoding="utf-8")
        r = subprocess.run([str(NW), "brief", str(p), "--format", "json"], capture_output=True,
                           text=True, timeout=600, check=True)
    return dict(json.loads(r.stdout))


def key_of(cid: str, e: dict[str, Any]) -> str:
    h = hashlib.sha1(json.dumps([e["name"], e["type"], list(e.get("aliases", []))],
                                ensure_ascii=False).encode()).hexdigest()[:9]
    return f"{cid}/e{h}"


def quote_items(cid: str, b: dict[str, Any], arts: dict[str, str],
                version: str) -> list[dict[str, Any]]:
    out = []
    for q in b.get("quotes", [])[:20]:
        off = q["sentence"] if isinstance(q["sentence"], dict) else q["sentence"][0]
        t = arts[off["article"]]
        h = hashlib.sha1(json.dumps([q["speaker"], q["text"]], ensure_ascii=False).encode())
        out.append({"key": f"{cid}/q{h.hexdigest()[:9]}", "kind": "quote", "cluster": cid,
                    "speaker": q["speaker"], "quote": q["text"],
                    "context": t[max(0, off["start"] - 400):off["end"] + 200], "version": version})
    return out


def items(cid: str, texts: list[str], top: int, version: str,
          quotes: bool = False) -> list[dict[str, Any]]:
    b = brief_json(texts)
    arts = {a["id"]: a["text"] for a in b["articles"]}
    out = quote_items(cid, b, arts, version) if quotes else []
    for j, e in enumerate(b.get("entities", [])[:top]):
        forms = [e["name"], *e.get("aliases", [])]
        ex = []
        for form in forms[:5]:
            for t in arts.values():
                m = re.search(r"[^.\n]*\b" + re.escape(form) + r"\b[^.\n]*", t)
                if m:
                    ex.append(m.group(0).strip()[:300])
                    break
        out.append({"key": key_of(cid, e), "kind": "entity", "cluster": cid, "name": e["name"],
                    "type": e["type"], "aliases": e.get("aliases", []), "examples": ex,
                    "rank": j + 1, "version": version})
    return out


def main(args: list[str]) -> None:
    top = 20
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    old: set[str] = set()
    if "--only-changed" in args:
        i = args.index("--only-changed")
        old = {json.loads(x)["key"] for x in Path(args[i + 1]).read_text().splitlines() if x}
        del args[i:i + 2]
    files = None
    if "--data" in args:
        i = args.index("--data")
        files = [Path(args[i + 1])]
        del args[i:i + 2]
    quotes = "--quotes" in args
    args = [a for a in args if a != "--quotes"]
    out, ids = Path(args[0]), args[1:]
    version = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
    data = clusters(set(ids), files)
    n = 0
    with out.open("w", encoding="utf-8") as g:
        for cid in ids:
            if cid not in data:
                continue
            for it in items(cid, data[cid], top, version, quotes):
                if it["key"] in old:
                    continue
                g.write(json.dumps(it, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} items from {len(data)} clusters -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
