"""Every citation candidate the support check decides on, for judging (not only those shown).

    python bench/trust_candidates.py CLUSTERS.jsonl --first 81 --last 90 OUT.jsonl

For the multi-article clusters number ``--first``..``--last`` (1-based, file order) of a cluster
file, briefs each (default options) and writes, per brief sentence and other article, the
candidate evidence sentences the check was asked about (``CANDIDATES`` closest by cosine
above ``CITE_FLOOR``) whose rule verdict is not "none", every "none" one with cosine >=
``NONE_COS`` and the closest "none" one of each article at 0.2 or more (for recall). Each
line: key, kind "citation", cluster, brief_sentence, cited_source, evidence (the judging
packet fields), and in a private copy (OUT.private.jsonl) the rule verdict and cosine.
Clusters listed in /work/coord/reserved_trust.txt are refused.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from newsweave.align.check import FULL, NONE, PARTIAL
from newsweave.align.cite import CANDIDATES, CITE_FLOOR
from newsweave.options import BriefOptions, Limits
from newsweave.pipeline import analyse, summarize, to_articles

RESERVED = Path("/work/coord/reserved_trust.txt")
NONE_COS = 0.3  # "none" candidates at least this close are all judged (recall)


def multi_clusters(path: str, first: int, last: int) -> list[dict]:
    reserved = set(RESERVED.read_text().split()) if RESERVED.exists() else set()
    out, n = [], 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        it = json.loads(line)
        arts = [a for a in it["articles"] if a.get("text", "").strip()]
        if len(arts) < 2:
            continue
        n += 1
        if first <= n <= last:
            if it["id"] in reserved:
                raise SystemExit(f"{it['id']} is held out")
            out.append({"id": it["id"], "articles": arts})
    return out


def candidates(cluster: dict) -> list[dict]:
    recs = [{"id": f"a{i + 1}", "text": a["text"]} for i, a in enumerate(cluster["articles"])]
    options, limits = BriefOptions(), Limits()
    state = analyse(to_articles(recs, limits), options, limits)
    al = state.alignment
    pos = {(s.article, s.index): k for k, s in enumerate(al.sentences)}
    rows = []
    for n, item in enumerate(summarize(state, options)):
        i = pos[(item.sentence.article, item.sentence.index)]
        row = al.similarity.row(i)
        shown = {src: sup for src, sup in zip(item.sources[1:], (item.support or ())[1:] or
                                              ["full"] * (len(item.sources) - 1), strict=False)}
        ev_shown = {src: e.text for src, e in zip(item.sources[1:], item.evidence[1:],
                                                  strict=False)}
        ranked = sorted((int(j) for j in np.flatnonzero(row >= CITE_FLOOR)),
                        key=lambda j: (-float(row[j]), j))
        per: dict[str, list[int]] = {}
        for j in ranked:
            art = al.sentences[j].article
            if art != item.sentence.article and len(per.setdefault(art, [])) < CANDIDATES:
                per[art].append(j)
        for art, js in per.items():
            took_none = False
            for j in js:
                ev = al.sentences[j].text
                v = al.checker.rules(item.text, ev)
                keep = v.label != NONE or float(row[j]) >= NONE_COS or (
                    not took_none and float(row[j]) >= 0.2)
                if not keep:
                    continue
                took_none = took_none or v.label not in (FULL, PARTIAL)
                rows.append({"cluster": cluster["id"], "sent": n, "brief_sentence": item.text,
                             "cited_source": art, "evidence": ev, "rule": v.label,
                             "cos": round(float(row[j]), 4),
                             "shown": shown.get(art) if ev_shown.get(art) == ev else None})
        for art, ev in ev_shown.items():  # shown by a paraphrase merge, not a candidate
            if not any(r["cited_source"] == art and r["evidence"] == ev and r["sent"] == n
                       for r in rows):
                rows.append({"cluster": cluster["id"], "sent": n, "brief_sentence": item.text,
                             "cited_source": art, "evidence": ev, "rule": "merged",
                             "cos": round(float(row[pos[(art, next(
                                 e.index for e in item.evidence if e.text == ev))]]), 4),
                             "shown": shown.get(art)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("clusters")
    ap.add_argument("out")
    ap.add_argument("--first", type=int, required=True)
    ap.add_argument("--last", type=int, required=True)
    ap.add_argument("--tag", default="cand")
    args = ap.parse_args()
    rows = [r for c in multi_clusters(args.clusters, args.first, args.last)
            for r in candidates(c)]
    seen: set[tuple[str, str]] = set()
    uniq = []
    for r in rows:
        if (r["brief_sentence"], r["evidence"]) not in seen:
            seen.add((r["brief_sentence"], r["evidence"]))
            uniq.append(r)
    order = np.random.default_rng(11).permutation(len(uniq))
    with open(args.out, "w", encoding="utf-8") as pub, \
            open(args.out.replace(".jsonl", ".private.jsonl"), "w", encoding="utf-8") as priv:
        for k, idx in enumerate(order):
            r = uniq[int(idx)]
            key = f"{args.tag}-{k:03d}"
            pub.write(json.dumps({"key": key, "kind": "citation", "cluster": r["cluster"],
                                  "brief_sentence": r["brief_sentence"],
                                  "cited_source": r["cited_source"], "evidence": r["evidence"]},
                                 ensure_ascii=False) + "\n")
            priv.write(json.dumps({"key": key, **r}, ensure_ascii=False) + "\n")
    print(f"{len(uniq)} candidate pairs from {len({r['cluster'] for r in uniq})} clusters")


if __name__ == "__main__":
    main()
