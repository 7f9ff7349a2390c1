"""Figures of the blind-judged final rounds kept in bench/judged_final_r*.jsonl.

Each line is one judged item (kind citation / agreement / conflict / quote / entity) with the
labels of the first judge (`judge1`) and, for a sample, a second (`judge2`), the round (`set`)
and the commit that produced it. Prints per set the issue's measures for each judge and how
often the two judges agree. Needs nothing outside the repository.

    python bench/final_round.py [bench/judged_final_r4.jsonl] [--set NAME]
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

DEFAULT = Path(__file__).with_name("judged_final_r4.jsonl")


def _share(n: int, d: int) -> str:
    return f"{n}/{d} ({n / d:.1%})" if d else "0/0"


def trust_figures(items: list[dict], judge: str) -> str:
    lab = [(i, i.get(judge)) for i in items if i.get(judge)]
    cit = [(i, j) for i, j in lab if i["kind"] == "citation"]
    full = [(i, j) for i, j in cit if i.get("shown") == "full"]
    full_ok = sum(j["label"] == "full" for _, j in full)
    bad = sum(j["label"] in ("none", "contradicts") for _, j in cit)
    agr = [j for i, j in lab if i["kind"] == "agreement"]
    con = [j for i, j in lab if i["kind"] == "conflict"]
    return (f"citations shown full judged full {_share(full_ok, len(full))}; "
            f"citations judged none/contradicts {_share(bad, len(cit))}; "
            f"agreements true {_share(sum(j['label'] == 'true' for j in agr), len(agr))}; "
            f"conflicts true {_share(sum(j['label'] == 'true' for j in con), len(con))}")


def names_figures(items: list[dict], judge: str) -> str:
    quotes = [i[judge] for i in items if i["kind"] == "quote" and i.get(judge)]
    ents = [i[judge] for i in items if i["kind"] == "entity" and i.get(judge)]
    q = collections.Counter(j["label"] for j in quotes)
    t = collections.Counter(j["type"] for j in ents)
    m = collections.Counter(j["merge"] for j in ents)
    nq, ne = len(quotes), len(ents)
    return (f"quotes {nq}: speaker right or correctly null "
            f"{_share(q['right'] + q['unknowable'], nq)}, wrong {_share(q['wrong'], nq)}, "
            f"missing {_share(q['missing'], nq)}, not a quote {_share(q['not a quote'], nq)}; "
            f"entities {ne}: type right {_share(t['right'], ne)}, "
            f"not a name {_share(t['not a name'], ne)}, merges wrong {_share(m['wrong'], ne)}")


def agreement(items: list[dict]) -> str:
    same = total = 0
    for i in items:
        a, b = i.get("judge1"), i.get("judge2")
        if not (a and b):
            continue
        for f in ("merge", "type") if i["kind"] == "entity" else ("label",):
            total += 1
            same += a.get(f) == b.get(f)
    return f"judges agree on {_share(same, total)} labels" if total else "one judge"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--set", dest="only", default=None)
    args = ap.parse_args()
    if not args.path.exists():
        raise SystemExit(f"{args.path}: no such file")
    by_set: dict[str, list[dict]] = collections.defaultdict(list)
    for line in args.path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            by_set[item["set"]].append(item)
    for name, items in sorted(by_set.items()):
        if args.only and name != args.only:
            continue
        clusters = len({i["cluster"] for i in items})
        commits = sorted({i.get("commit", "?") for i in items})
        print(f"{name} ({len(items)} items, {clusters} clusters, commit {', '.join(commits)})")
        trust = any(i["kind"] in ("citation", "agreement", "conflict") for i in items)
        for judge in ("judge1", "judge2"):
            sub = [i for i in items if i.get(judge)]
            if sub:
                figs = trust_figures(items, judge) if trust else names_figures(items, judge)
                print(f"  {judge} ({len(sub)} items): {figs}")
        print(f"  {agreement(items)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
