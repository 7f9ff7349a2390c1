"""Collect conflict candidates loosely, for judging and for the conflict bench.

    python bench/conflict_candidates.py OUT.jsonl [--clusters dev,test,names38,train:A-B]
    python bench/conflict_candidates.py --score

Runs the pipeline (up to the analysis) over the allowed clusters (see
:func:`allowed_clusters`; the trust topic's held-out ids of ``/work/coord/reserved_trust.txt``
are never read, and without that file nothing past test150 cluster 90). For each cluster it
lists every pair of quantities of the same kind from two independent sources whose values
differ and whose words around the numbers overlap (two or more content stems), every
contradicting sentence pair of the support check, every pair of counts of one noun in two
similar sentences (cosine >= 0.1, ``source`` "figure", with the gate's verdict) and every
conflict the current rules show (``shown``). The output is a private candidate file; a blind
judging packet keeps only key, kind, about and claims. ``--score`` scores the gate and the
pipeline on the judged pairs (``trust_pairs.jsonl`` + ``conflict_pairs.jsonl``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / ".." / "shared" / "data"
DATA = DATA if DATA.exists() else Path("/work/shared/data")
# The clusters held out for the trust topic's final round: never read here. Without the file,
# only the test150 clusters 1-90 (held out for nobody) are read.
RESERVED = Path("/work/coord/reserved_trust.txt")
TEST_ALLOWED = 90


def _multi(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            it = json.loads(line)
            arts = [a for a in it["articles"] if a.get("text", "").strip()]
            if len(arts) >= 2:
                yield it["id"], arts


def allowed_clusters(which: str = "dev,test") -> list[dict]:
    """Clusters by name: ``dev`` (multinews-dev50), ``test`` (test150 1-90), ``names38``
    (test150 91-120 and 141-148, last session's trust final round), ``train:A-B`` (the
    truncated train set, clusters A..B-1 in file order); multi-article ones only, never a
    reserved id."""
    reserved = set(RESERVED.read_text().split()) if RESERVED.exists() else None
    out = []
    parts = which.split(",")
    if "dev" in parts and (DATA / "multinews-dev50.jsonl").exists():
        out += [(cid, arts) for cid, arts in _multi(DATA / "multinews-dev50.jsonl")]
    test = DATA / "multinews-test150.jsonl"
    if test.exists() and ("test" in parts or "names38" in parts):
        for n, (cid, arts) in enumerate(_multi(test), 1):
            if n <= TEST_ALLOWED and "test" in parts:
                out.append((cid, arts))
            elif n > TEST_ALLOWED and "names38" in parts and reserved is not None:
                out.append((cid, arts))
    for p in parts:
        if p.startswith("train:"):
            lo, hi = (int(x) for x in p[6:].split("-"))
            with gzip.open(DATA / "multinews-train-truncated.jsonl.gz", "rt",
                           encoding="utf-8") as f:
                for n, line in enumerate(f):
                    if n >= hi:
                        break
                    if n >= lo:
                        it = json.loads(line)
                        arts = [a for a in it["articles"] if a.get("text", "").strip()]
                        if len(arts) >= 2:
                            out.append((it["id"], arts))
    return [{"id": cid, "articles": arts} for cid, arts in out
            if reserved is None or cid not in reserved]


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
    # counts of any noun in similar sentences (analyze.conflicts.figure_conflicts): every pair
    # of figures with the same counted noun and other values, cosine >= LOOSE_SIMILAR
    from newsweave.analyze.samefact import figures, reading, same_quantity

    fig_shown = {frozenset(cl.value for cl in c.claims) | frozenset(
        (r.article, r.start) for r in c.refs())
        for c in cf.figure_conflicts(al.sentences, al.similarity, state.groups, shown)}
    rows = [(k, s, f) for k, s in enumerate(al.sentences) if (f := figures(s.text))]
    for x, (i, a, fa) in enumerate(rows[:cf.MAX_FIGURE_ROWS]):
        for j, b, fb in rows[x + 1:cf.MAX_FIGURE_ROWS]:
            if state.groups.get(a.article) == state.groups.get(b.article):
                continue
            sim = float(al.similarity[i, j])
            if sim < LOOSE_SIMILAR or frozenset((a.text, b.text)) in got:
                continue
            for va in fa:
                ra = reading(a.text, va)
                for vb in fb:
                    rb = reading(b.text, vb)
                    if ra is None or rb is None or not ra.head or ra.head != rb.head \
                            or ra.number == rb.number:
                        continue
                    ok, why = same_quantity(ra, rb)
                    if why in HOPELESS:
                        continue
                    got.add(frozenset((a.text, b.text)))
                    k = frozenset((va, vb, (a.article, a.start), (b.article, b.start)))
                    out.append({
                        "cluster": cluster["id"], "about": f"number of {ra.head}",
                        "claims": [{"value": v, "sources": [t.article], "sentence": t.text}
                                   for v, t in ((va, a), (vb, b))],
                        "shown": k in fig_shown, "loose": round(sim, 3), "gate": ok,
                        "why_not": why, "same_kinds": ra.kinds == rb.kinds, "source": "figure",
                    })
    return out


LOOSE_SIMILAR = 0.1
# gate reasons that are never a real conflict on the judged pairs: not worth judging
HOPELESS = ("not a count that sources report differently", "a sum of money",
            "the values can both be true", "'one' is rarely a count")


def _sentence_text(state, claim) -> str:
    ref = claim.sentence
    art = next(a for a in state.articles if a.id == ref.article)
    return art.text[ref.start:ref.end]


JUDGED = (Path(__file__).with_name("trust_pairs.jsonl"),
          Path(__file__).with_name("conflict_pairs.jsonl"))


def score() -> None:
    """The gate and the pipeline on every judged conflict pair (trust_pairs.jsonl and
    conflict_pairs.jsonl), all and per set, and the grouped (leave-one-cluster-out) choice of
    ``MIN_OVERLAP``."""
    import collections

    sys.path.insert(0, str(Path(__file__).parent))
    from newsweave.analyze.samefact import MIN_OVERLAP
    from trust import _gate, _unique_conflicts, score_conflicts, score_gate

    rows = [json.loads(line) for p in JUDGED if p.exists()
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    conf = [r for r in rows if r.get("kind") == "conflict"]
    score_gate(conf)
    score_conflicts(_unique_conflicts(conf))
    per: collections.Counter[tuple[str, str]] = collections.Counter()
    for r in _unique_conflicts(conf):
        shown = _gate(r, MIN_OVERLAP)
        per[(r.get("set", "?"), ("shown " if shown else "not ") + r["label"])] += 1
    for name in sorted({k for k, _ in per}):
        print(f"  {name:>14}: " + ", ".join(f"{k} {v}" for (n, k), v in sorted(per.items())
                                              if n == name))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?")
    ap.add_argument("--clusters", default="dev,test")
    ap.add_argument("--score", action="store_true", help="score the judged conflict pairs")
    args = ap.parse_args()
    if args.score or not args.out:
        score()
        return
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
