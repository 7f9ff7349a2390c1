"""Fresh conflict pairs: each truncated train cluster briefed with its editors' summary as
one more article, keeping the conflicts where that summary's figure differs from a source's.

    python bench/ref_conflicts.py START END OUT.jsonl [--workers N] [--data PATH]
        (PATH: the truncated train file by default; a raw file such as multinews-dev50.jsonl
        works the same)
    python bench/ref_conflicts.py --score OUT.jsonl [--labels bench/judged_conflicts_ref.jsonl]

Every earlier conflict round judged conflicts between a multi-article cluster's own
articles, and every train line from 1500 to 44890 has been read that way, so no unread
source pair is left. The
editors' summaries (``reference``) were never an input of any brief: a conflict between a
summary's sentence and a source's sentence is a pair no rule was written from. The summary
goes in as article ``ref`` (its leading "– " dropped; same lower-cased form as the sources),
the cluster is briefed with the default options, and each shown conflict whose claims hold
``ref`` on one side and a source on the other is written in the fields of
``trust_round.py``'s conflict items (``line`` and ``version`` are private fields, stripped
before judging). Conflicts between two sources only are not written (judged before).

``--score`` matches a run's conflicts (the same line, values and sentences) with the judged
ones and prints, per set (``ref-dev``: lines < 20000, rule material; ``ref-held``: the rest),
how many are shown and judged true by each judge, how many judged ones are no longer shown,
and the shown ones no judge has seen (to be judged blind before a figure is quoted). Judges 3
and 4 had the plain instructions; judges 1 and 2 were also told to mind units, approximate
bounds and scope (docs/trust.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from multiprocessing import Pool
from pathlib import Path

from newsweave.errors import InputError
from trust_round import TRAIN, brief, items, need


def with_ref(arg: tuple[int, str, list, str]) -> tuple[int, list[dict], bool]:
    """(line, conflict items with the summary on one side, briefed?) of one cluster."""
    line, cid, arts, ref = arg
    arts = arts + [{"id": "ref", "text": ref.lstrip("– ").strip()}]
    try:
        b = brief(arts)
    except InputError:
        return line, [], False
    out = []
    for it in items(cid, b)[1]:
        if it["kind"] != "conflict":
            continue
        sides = [set(c["sources"]) for c in it["claims"]]
        if any("ref" in s for s in sides) and any(s - {"ref"} for s in sides):
            out.append(it)
    return line, out, True


def tasks(path: Path, start: int, end: int):
    """(line, id, articles, summary) of every cluster at lines [start, end) with a summary
    and at least one non-empty article (a single-article cluster has two with its summary)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for k, raw in enumerate(f):
            if k >= end:
                return
            if k < start:
                continue
            it = json.loads(raw)
            arts = [a for a in it["articles"] if a.get("text", "").strip()]
            if arts and it.get("reference", "").strip():
                yield k, it["id"], [{"id": f"a{i + 1}", "text": a["text"]}
                                    for i, a in enumerate(arts)], it["reference"]


def _sig(it: dict) -> tuple:
    return it["line"], tuple((c["value"], c["sentence"]) for c in it["claims"])


def _trues(rows: list[dict], judges: list[str]) -> str:
    """Judged true / judged, per judge ("judge3 26/37")."""
    return ", ".join(f"{j} {sum(r[j]['label'] == 'true' for r in rows if j in r)}/"
                     f"{sum(j in r for r in rows)}" for j in judges)


def score(run: Path, labels: Path) -> None:
    for p in (run, labels):
        if not p.is_file():
            print(f"{p}: not found", file=sys.stderr)
            raise SystemExit(2)
    rows_all = [json.loads(x) for x in labels.read_text("utf-8").splitlines() if x.strip()]
    judged = {_sig(it): it for it in rows_all if "data" not in it}  # the train file's only
    shown = [json.loads(x) for x in run.read_text("utf-8").splitlines() if x.strip()]
    seen = {_sig(it) for it in shown}
    judges = sorted({k for it in judged.values() for k in it if k.startswith("judge")})
    for name, cond in (("ref-dev", lambda n: n < 20000), ("ref-held", lambda n: n >= 20000)):
        rows = [judged[_sig(it)] for it in shown if cond(it["line"]) and _sig(it) in judged]
        new = [it for it in shown if cond(it["line"]) and _sig(it) not in judged]
        gone = [it for s, it in judged.items() if cond(s[0]) and s not in seen]
        print(f"{name}: {len(rows) + len(new)} shown, {len(new)} never judged; judged true "
              f"of those judged: {_trues(rows, judges)}; judged ones no longer shown, true: "
              f"{_trues(gone, judges)}")
        for it in new:
            print(f"    never judged: line {it['line']}: "
                  + " / ".join(c["value"] for c in it["claims"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    if "--score" in sys.argv:
        ap.add_argument("--score", required=True)
        ap.add_argument("--labels", default=str(Path(__file__).parent
                                                / "judged_conflicts_ref.jsonl"))
        args = ap.parse_args()
        score(Path(args.score), Path(args.labels))
        return
    ap.add_argument("start", type=int)
    ap.add_argument("end", type=int)
    ap.add_argument("out")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--data", default=str(TRAIN))
    args = ap.parse_args()
    need(Path(args.data))
    version = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, cwd=Path(__file__).parent).stdout.strip()
    found: list[dict] = []
    n = skipped = 0
    with Pool(args.workers) as pool:
        for line, its, ok in pool.imap(with_ref, tasks(Path(args.data), args.start, args.end),
                                       chunksize=8):
            n += ok
            skipped += not ok
            for it in its:
                it.update(key=f"{it['key']}/ref", version=version, line=line)
                found.append(it)
    with open(args.out, "w", encoding="utf-8") as g:
        for it in found:
            g.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{n} clusters briefed with their summary ({skipped} without article text): "
          f"{len(found)} summary-vs-source conflicts -> {args.out}")


if __name__ == "__main__":
    main()
