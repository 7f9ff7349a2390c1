"""Alignment and brief of one big story: time, peak memory, and whether late articles are cited.

    python bench/trust_scale.py [--articles 500] [--sentences 30]

Builds a synthetic story (every article: a shared lead sentence plus ``--sentences`` sentences
drawn from one story vocabulary, so sentences of different articles share terms), plants one
fact in two of the last articles, and runs ``align`` and the whole brief in a child process
each, printing wall time and the child's peak RSS. Checks that the planted fact is supported
by both late articles (no cap on the sentences that take part).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

VOCAB = ("flood water river delta monsoon rain village boat shelter aid relief embankment "
         "district farmers crops rice field road bridge drinking food medicine tents volunteers "
         "officials warned rising levels forecast storm surge coast island families livestock "
         "cattle wells pumps sandbags dam barrage upstream downstream army navy helicopter "
         "school hospital clinic doctors nurses cholera outbreak children elderly").split()
FACT = ("Army engineers opened an emergency spillway at the Farakka barrage to relieve the "
        "pressure on the flooded embankments downstream.")


def articles(n: int, per: int) -> list[dict[str, str]]:
    import numpy as np

    out = []
    for k in range(n):
        rng = np.random.default_rng(k)
        words = [VOCAB[int(x)] for x in rng.integers(0, len(VOCAB), size=per * 9)]
        body = " ".join(" ".join(words[i * 9:(i + 1) * 9]).capitalize() + "." for i in range(per))
        lead = "Flood waters rose along the Padma river delta as the monsoon rains continued."
        text = lead + " " + (FACT + " " if k in (n - 3, n - 1) else "") + body
        out.append({"id": f"n{k}", "text": text})
    return out


def child(mode: str, n: int, per: int) -> None:
    from newsweave.align import align
    from newsweave.ingest import article_from_record
    from newsweave.pipeline import make_brief
    from newsweave.text import split_sentences

    recs = articles(n, per)
    t0 = time.perf_counter()
    if mode == "align":
        arts = [article_from_record(r, r["id"], 200_000) for r in recs]
        sents = [s for a in arts for s in split_sentences(a)]
        al = align(sents, {a.id: a.id for a in arts})
        late = [i for i, s in enumerate(al.sentences) if s.text == FACT]
        result = {"sentences": len(al.sentences), "dense": al.similarity.dense,
                  "links": sum(len(s) - 1 for s in al.support),
                  "late_fact_support": sorted(al.support[late[0]]) if late else []}
    else:
        brief = make_brief(recs)
        cited = {a for item in brief.summary for a in item.sources}
        result = {"summary": len(brief.summary), "cited_articles": len(cited),
                  "agreements": len(brief.analysis.get("agreements", [])),
                  "conflicts": len(brief.analysis.get("conflicts", []))}
    result["seconds"] = round(time.perf_counter() - t0, 2)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--sentences", type=int, default=30)
    ap.add_argument("--child", default="")
    args = ap.parse_args()
    if args.child:
        child(args.child, args.articles, args.sentences)
        return
    for mode in ("align", "brief"):
        r = subprocess.run([sys.executable, __file__, "--child", mode, "--articles",
                            str(args.articles), "--sentences", str(args.sentences)],
                           capture_output=True, text=True, check=True)
        print(f"{mode:>5}: {r.stdout.strip()}")


if __name__ == "__main__":
    main()
