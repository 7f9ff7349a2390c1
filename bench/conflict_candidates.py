"""Collect conflict candidates loosely, for judging and for the conflict bench.

    python bench/conflict_candidates.py OUT.jsonl [--per-cluster N] [--clusters dev,test]

Runs the pipeline (up to the analysis) over the allowed clusters: every multi-article cluster
of ``multinews-dev50.jsonl`` and the multi-article clusters 1-90 of ``multinews-test150.jsonl``
(file order), minus the held-out ids of ``/work/coord/reserved_ids.txt`` (when present; the
file's clusters 91+ are never read either way). For each cluster it lists every pair of
quantities of the same kind from two independent sources whose values differ and whose words
around the numbers overlap (two or more content stems), plus every conflict the current rules
show, with the two sentences and values, the cluster, and whether the rules show it
(``shown``). The output is a private candidate file (with ``shown`` and scores); a judging
packet is made from it with ``--packet`` (texts only).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / ".." / "shared" / "data"
DATA = DATA if DATA.exists() else Path("/work/shared/data")
RESERVED = Path("/work/coord/reserved_ids.txt")
TEST_ALLOWED = 90  # multi-article clusters of test150 that may be used for tuning


def allowed_clusters(which: str = "dev,test") -> list[dict]:
    reserved = set(RESERVED.read_text().split()) if RESERVED.exists() else set()
    out = []
    files = []
    if "dev" in which:
        files.append(("multinews-dev50.jsonl", None))
    if "test" in which:
        files.append(("multinews-test150.jsonl", TEST_ALLOWED))
    for name, limit in files:
        path = DATA / name
        if not path.exists():
            continue
        n = 0
        with path.open(encoding="utf-8") as f:
            for line in f:
                it = json.loads(line)
                arts = [a for a in it["articles"] if a.get("text", "").strip()]
                if len(arts) < 2:
                    continue
                n += 1
                if limit is not None and n > limit:
                    break
                if it["id"] in reserved:
                    continue
                out.append({"id": it["id"], "articles": arts})
    return out


def candidates(cluster: dict) -> list[dict]:
    from newsweave.analyze import conflicts as cf
    from newsweave.analyze.entities import find_entities
    from newsweave.options import BriefOptions, Limits
    from newsweave.pipeline import analyse, summarize, to_articles

    opts, limits = BriefOptions(), Limits()
    arts = to_articles([{"id": f"a{i + 1}", "text": a["text"]}
                        for i, a in enumerate(cluster["articles"])], limits)
    state = analyse(arts, opts, limits)
    summary = summarize(state, opts)
    index = find_entities(state.articles, state.sentences)
    shown, _ = cf.compare_quantities(state.articles, state.sentences, state.groups, index)
    shown += cf.disputed_conflicts(summary, state.groups, shown)
    shown_keys = {frozenset((c.claims[0].sentence.article, c.claims[0].sentence.start,
                             c.claims[0].value)) | frozenset(
        (c.claims[1].sentence.article, c.claims[1].sentence.start, c.claims[1].value))
        for c in shown}

    def key(a, b) -> frozenset:
        return frozenset((a.sent.article, a.sent.start, a.q.value)) | frozenset(
            (b.sent.article, b.sent.start, b.q.value))

    claims = cf._claims(state.articles, state.sentences, state.groups, index)[:cf.MAX_CLAIMS]
    out = []
    seen = set()
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.group == b.group or a.q.kind != b.q.kind or not cf._differ(a.q, b.q):
                continue
            common = a.stems & b.stems
            if len(common) < 2:
                continue
            k = key(a, b)
            if k in seen:
                continue
            seen.add(k)
            union = a.stems | b.stems
            out.append({
                "cluster": cluster["id"],
                "about": cf._about([a, b]),
                "claims": [{"value": c.q.value, "sources": [c.sent.article],
                            "sentence": c.sent.text} for c in (a, b)],
                "shown": k in shown_keys,
                "loose": round(len(common) / len(union), 3),
                "same_kinds": a.kinds == b.kinds,
            })
    # shown conflicts the loose pass does not pair (disputed ones, other readings of numbers)
    got = {frozenset((c["claims"][0]["sentence"], c["claims"][1]["sentence"])) for c in out}
    for c in shown:
        texts = [_sentence_text(state, cl) for cl in c.claims]
        if c.claims[0].unit == "date" or frozenset(texts) in got:
            continue
        out.append({
            "cluster": cluster["id"], "about": c.about,
            "claims": [{"value": cl.value, "sources": list(cl.sources), "sentence": t}
                       for cl, t in zip(c.claims, texts, strict=True)],
            "shown": True, "loose": 1.0, "same_kinds": True,
        })
    # contradicting sentence pairs of the support check anywhere in the cluster (the brief's
    # sentences give the disputed citations; any aligned pair may hold a real conflict)
    from newsweave.align.check import CONTRADICTS, check, facts, number_clash

    al = state.alignment
    rows = [(k, s) for k, s in enumerate(al.sentences) if facts(s.text).numbers]
    got |= {frozenset((c["claims"][0]["sentence"], c["claims"][1]["sentence"])) for c in out}
    for x, (i, a) in enumerate(rows):
        for j, b in rows[x + 1:]:
            if state.groups.get(a.article) == state.groups.get(b.article):
                continue
            if float(al.similarity[i, j]) < 0.12 or frozenset((a.text, b.text)) in got:
                continue
            if check(a.text, b.text).label != CONTRADICTS:
                continue
            clash = number_clash(a.text, b.text)
            if clash is None:
                continue
            got.add(frozenset((a.text, b.text)))
            out.append({
                "cluster": cluster["id"], "about": "number",
                "claims": [{"value": n.text, "sources": [t.article], "sentence": t.text}
                           for n, t in zip(clash, (a, b), strict=True)],
                "shown": False, "loose": round(float(al.similarity[i, j]), 3),
                "same_kinds": cf.kinds_of(a.text) == cf.kinds_of(b.text), "source": "check",
            })
    return out


def _sentence_text(state, claim) -> str:
    ref = claim.sentence
    art = next(a for a in state.articles if a.id == ref.article)
    return art.text[ref.start:ref.end]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--clusters", default="dev,test")
    args = ap.parse_args()
    clusters = allowed_clusters(args.clusters)
    n = 0
    with open(args.out, "w", encoding="utf-8") as g:
        for c in clusters:
            try:
                rows = candidates(c)
            except Exception as e:  # noqa: BLE001 - a bench keeps going on odd clusters
                print(f"{c['id']}: {type(e).__name__}: {e}", file=sys.stderr)
                continue
            for r in rows:
                g.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += len(rows)
    print(f"{len(clusters)} clusters, {n} candidates -> {args.out}")


if __name__ == "__main__":
    main()
