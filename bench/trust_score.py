"""Score blind-judged trust items: what the judged version showed, or what today's code shows.

    python bench/trust_score.py JUDGED.jsonl [--set NAME] [--judge judge1]
    python bench/trust_score.py JUDGED.jsonl --rebrief START END [--data PATH]

``JUDGED.jsonl``: items of ``bench/trust_round.py`` (or ``packet_trust.py``) with the judges'
labels merged in (``judge1`` / ``judge2``: ``{"label", "why"}``, or a plain ``label``). Without
``--rebrief`` it prints, for the version that was judged: citations shown full judged full,
shown partial judged full or partial, any shown citation judged none/contradicts, agreements
judged true (and how the gate-dropped extras were judged). With ``--rebrief START END`` it
briefs those lines of the truncated train file again with the code of this checkout, matches
its citations (brief sentence, cited source, evidence) and agreements (their sentences) to the
judged items and scores the matched ones; unmatched ones are counted as unjudged.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

BAD = ("none", "contradicts")


def label(it: dict, judge: str) -> str | None:
    j = it.get(judge)
    if isinstance(j, dict):
        return j.get("label")
    return it.get("label") if judge == "judge1" else None


def cite_key(it: dict) -> tuple[str, str, str, str]:
    return (it["cluster"], " ".join(it["brief_sentence"].split()), it["cited_source"],
            " ".join(it["evidence"].split()))


def agree_key(it: dict) -> tuple[str, tuple[str, ...]]:
    return it["cluster"], tuple(sorted(" ".join(s.split()) for s in it["sentences"]))


def score(items: list[dict], judge: str) -> dict[str, int]:
    c: collections.Counter[str] = collections.Counter()
    for it in items:
        lab = label(it, judge)
        if lab is None:
            c["unjudged " + it["kind"]] += 1
            continue
        if it["kind"] == "citation":
            shown = it["shown"]
            if shown == "gate-dropped":
                c[f"dropped judged {lab}"] += 1
                continue
            c["cited"] += 1
            c["bad"] += lab in BAD
            c[f"shown {shown}"] += 1
            c[f"shown {shown} ok"] += lab == "full" if shown == "full" else lab not in BAD
        elif it["kind"] == "agreement":
            c["agreements"] += 1
            c["agreements true"] += lab == "true"
    return dict(c)


def show(name: str, c: dict[str, int], clusters: int) -> None:
    def pc(a: int, b: int) -> str:
        return f"{a}/{b} ({a / b:.1%})" if b else "0/0"

    print(f"{name}: {clusters} clusters")
    print(f"  shown full judged full          "
          f"{pc(c.get('shown full ok', 0), c.get('shown full', 0))}")
    print(f"  shown partial judged supported  "
          f"{pc(c.get('shown partial ok', 0), c.get('shown partial', 0))}")
    print(f"  shown judged none/contradicts   {pc(c.get('bad', 0), c.get('cited', 0))}")
    print(f"  agreements judged true          "
          f"{pc(c.get('agreements true', 0), c.get('agreements', 0))}")
    rest = {k: v for k, v in c.items() if k.startswith(("dropped", "unjudged"))}
    if rest:
        print("  " + ", ".join(f"{k} {v}" for k, v in sorted(rest.items())))
    if clusters:
        print(f"  per brief: {c.get('cited', 0) / clusters:.2f} extra citations "
              f"({c.get('shown full', 0) / clusters:.2f} full), "
              f"{c.get('agreements', 0) / clusters:.2f} agreements")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("judged")
    ap.add_argument("--set", default="")
    ap.add_argument("--judge", default="judge1")
    ap.add_argument("--rebrief", nargs=2, type=int, metavar=("START", "END"))
    ap.add_argument("--data", default="")
    ap.add_argument("--clusters", type=int, default=0,
                    help="clusters the packet was built from (default: those with an item)")
    args = ap.parse_args()
    rows = [json.loads(x) for x in Path(args.judged).read_text(encoding="utf-8").splitlines()
            if x.strip()]
    if args.set:
        rows = [r for r in rows if r.get("set") == args.set]
    if not args.rebrief:
        show(f"{args.judged} as judged ({args.judge})", score(rows, args.judge),
             args.clusters or len({r["cluster"] for r in rows}))
        return
    import trust_round

    cites = {cite_key(r): r for r in rows if r["kind"] == "citation"}
    agrees = {agree_key(r): r for r in rows if r["kind"] == "agreement"}
    now: list[dict] = []
    n = 0
    data = Path(args.data) if args.data else trust_round.TRAIN
    trust_round.need(data)
    for _line, cid, arts in trust_round.clusters(data, args.rebrief[0], args.rebrief[1], 10**9):
        n += 1
        c, a = trust_round.items(cid, trust_round.brief(arts))
        for it in c:
            old = cites.get(cite_key(it))
            if old is not None:
                it = {**old, "shown": it["shown"]}
            now.append(it)
        for it in a:
            now.append(agrees.get(agree_key(it), it))
    show(f"this checkout on lines {args.rebrief[0]}-{args.rebrief[1] - 1}, labels of "
         f"{args.judged} ({args.judge})", score(now, args.judge), n)


if __name__ == "__main__":
    main()
