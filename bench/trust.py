"""Score the support check (and agreement/conflict rules) on judged items.

    python bench/trust.py [PAIRS.jsonl] [--show]

``bench/trust_pairs.jsonl`` holds judged sentence pairs (``claim``, ``evidence``, ``label``:
full / partial / none / contradicts, from blind judges following ../shared/eval/JUDGING.md) and
judged conflict and agreement items (``kind``). Prints for citations the confusion of the check
against the judges, the precision of "full" and of "cited" (full or partial), the recall of
judged full / partial, and contradiction detection; for conflict items whether the conflict rule
would report each judged item; for agreements whether the agreement rule would list it.
Any aligner that labels pairs can be scored the same way (replace ``check``).
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from newsweave.align.check import CONTRADICTS, FULL, NONE, PARTIAL, check

PAIRS = Path(__file__).with_name("trust_pairs.jsonl")
LABELS = (FULL, PARTIAL, NONE, CONTRADICTS)


def _share(num: int, den: int) -> str:
    return f"{num / den:.0%} ({num}/{den})" if den else "n/a (0)"


def score_pairs(rows: list[dict], show: bool = False) -> dict[str, float]:
    conf: collections.Counter[tuple[str, str]] = collections.Counter()
    for r in rows:
        v = check(r["claim"], r["evidence"])
        conf[(v.label, r["label"])] += 1
        if show and (v.label == FULL and r["label"] != FULL
                     or v.label in (FULL, PARTIAL) and r["label"] in (NONE, CONTRADICTS)):
            print(f"  [{r['key']}] check={v.label} ({v.coverage:.2f}/{v.back:.2f} {v.reason}) "
                  f"judge={r['label']}\n    C: {r['claim'][:160]}\n    E: {r['evidence'][:160]}")
    print("check \\ judge " + " ".join(f"{j:>11}" for j in LABELS))
    for p in LABELS:
        print(f"{p:>13} " + " ".join(f"{conf[(p, j)]:>11}" for j in LABELS))
    n_full = sum(conf[(FULL, j)] for j in LABELS)
    cited = sum(conf[(p, j)] for p in (FULL, PARTIAL) for j in LABELS)
    bad = sum(conf[(p, j)] for p in (FULL, PARTIAL) for j in (NONE, CONTRADICTS))
    judged_full = sum(conf[(p, FULL)] for p in LABELS)
    judged_part = sum(conf[(p, PARTIAL)] for p in LABELS)
    judged_contra = sum(conf[(p, CONTRADICTS)] for p in LABELS)
    said_contra = sum(conf[(CONTRADICTS, j)] for j in LABELS)
    print(f"shown full judged full      {_share(conf[(FULL, FULL)], n_full)}")
    print(f"cited judged none/contra    {_share(bad, cited)}")
    print(f"recall of judged full       {_share(conf[(FULL, FULL)], judged_full)} as full, "
          f"{_share(conf[(FULL, FULL)] + conf[(PARTIAL, FULL)], judged_full)} cited")
    print(f"recall of judged partial    "
          f"{_share(conf[(PARTIAL, PARTIAL)] + conf[(FULL, PARTIAL)], judged_part)} cited")
    hits = conf[(CONTRADICTS, CONTRADICTS)]
    print(f"contradiction detection     precision {_share(hits, said_contra)}"
          f", recall {_share(conf[(CONTRADICTS, CONTRADICTS)], judged_contra)}")
    return {
        "full_precision": conf[(FULL, FULL)] / n_full if n_full else 0.0,
        "cited_bad": bad / cited if cited else 0.0,
    }


def _mini_brief(texts: list[str]):
    from newsweave.pipeline import make_brief

    return make_brief([{"id": f"s{k + 1}", "text": t} for k, t in enumerate(texts)])


def score_conflicts(rows: list[dict]) -> None:
    """Would the conflict rules report each judged conflict (the same two values)? Each item's
    sentences are briefed as one-sentence articles (the cluster around them is not used).
    Rows are the unique judged pairs (a pair judged in two rounds counts once)."""
    c: collections.Counter[tuple[bool, str]] = collections.Counter()
    for r in rows:
        brief = _mini_brief([cl["sentence"] for cl in r["claims"]])
        want = [cl["value"].lower() for cl in r["claims"]]
        hit = any(all(any(w in got.value.lower() or got.value.lower() in w for got in k.claims)
                      for w in want) for k in brief.analysis.get("conflicts", []))
        c[(hit, r["label"])] += 1
    true = c[(True, "true")] + c[(False, "true")]
    said = c[(True, "true")] + c[(True, "false")]
    print(f"conflicts: {len(rows)} judged items ({true} true); reported {said}: "
          f"precision {_share(c[(True, 'true')], said)}, recall {_share(c[(True, 'true')], true)}")


def _unique_conflicts(rows: list[dict]) -> list[dict]:
    """One row per judged pair (sentences and values); a pair judged twice keeps its last
    label."""
    out: dict[frozenset, dict] = {}
    for r in rows:
        out[frozenset((c["sentence"], c["value"]) for c in r["claims"])] = r
    return list(out.values())


def _gate(r: dict, min_overlap: float) -> bool:
    from newsweave.analyze.samefact import reading, repeated, same_quantity

    (a, b) = r["claims"][:2]
    ra, rb = reading(a["sentence"], a["value"]), reading(b["sentence"], b["value"])
    if ra is None or rb is None:
        return False
    dist = "distance" in r["about"] or any(
        u in (a["value"] + b["value"]).lower() for u in ("mile", "kilomet", " km"))
    ok, _ = same_quantity(ra, rb, min_overlap=min_overlap, distance=dist)
    return ok and (dist or not repeated(a["sentence"], b["sentence"], ra, rb))


def _pr(pred: list[bool], rows: list[dict]) -> tuple[int, int, int]:
    tp = sum(p and r["label"] == "true" for p, r in zip(pred, rows, strict=True))
    return tp, sum(pred), sum(r["label"] == "true" for r in rows)


GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)


def score_gate(rows: list[dict]) -> None:
    """The samefact gate alone on each unique judged pair, and its one threshold
    (``MIN_OVERLAP``) chosen by leave-one-cluster-out cross-validation: for each cluster the
    threshold is picked on the other clusters (most true pairs with no false one, then the
    lowest), and the held-out cluster's pairs are scored with it."""
    from newsweave.analyze.samefact import MIN_OVERLAP

    uniq = _unique_conflicts(rows)
    tp, said, true = _pr([_gate(r, MIN_OVERLAP) for r in uniq], uniq)
    print(f"gate on {len(uniq)} unique judged pairs ({true} true), MIN_OVERLAP={MIN_OVERLAP}: "
          f"shown {said}, precision {_share(tp, said)}, recall {_share(tp, true)}")
    preds = {t: [_gate(r, t) for r in uniq] for t in GRID}
    clusters = sorted({r.get("cluster", "?") for r in uniq})
    ctp = csaid = 0
    chosen = collections.Counter()
    for c in clusters:
        train = [k for k, r in enumerate(uniq) if r.get("cluster", "?") != c]
        test = [k for k, r in enumerate(uniq) if r.get("cluster", "?") == c]

        def fit(t: float, ks: list[int] = train) -> tuple[int, float]:
            t_p = sum(preds[t][k] and uniq[k]["label"] == "true" for k in ks)
            f_p = sum(preds[t][k] and uniq[k]["label"] != "true" for k in ks)
            return t_p - 3 * f_p, -t  # precision first: a false one costs three true ones

        best = max(GRID, key=fit)
        chosen[best] += 1
        ctp += sum(preds[best][k] and uniq[k]["label"] == "true" for k in test)
        csaid += sum(preds[best][k] for k in test)
    print(f"  leave-one-cluster-out ({len(clusters)} clusters; thresholds chosen "
          f"{dict(sorted(chosen.items()))}): precision {_share(ctp, csaid)}, "
          f"recall {_share(ctp, true)}")
    for t in GRID:
        tp, said, _ = _pr(preds[t], uniq)
        print(f"  threshold {t:.2f}: shown {said}, true {tp}")


def score_agreements(rows: list[dict]) -> None:
    """Would the agreement rules list each judged agreement (all its sentences)?"""
    c: collections.Counter[tuple[bool, str]] = collections.Counter()
    for r in rows:
        sents = r["sentences"]
        if len(set(sents)) < 2 and len(sents) >= 2:
            sents = [sents[0], sents[0] + " "]
        brief = _mini_brief(sents)
        listed = any(len(a.sources) == len(sents) for a in brief.analysis.get("agreements", []))
        c[(listed, r["label"])] += 1
    said = sum(v for (k, _), v in c.items() if k)
    print(f"agreements: {len(rows)} judged items; listed {said}: true "
          f"{_share(c[(True, 'true')], said)}, partial {_share(c[(True, 'partial')], said)}, "
          f"false {_share(c[(True, 'false')], said)}; judged-true listed "
          f"{_share(c[(True, 'true')], c[(True, 'true')] + c[(False, 'true')])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", nargs="?", default=str(PAIRS))
    ap.add_argument("--show", action="store_true", help="print the wrong full/cited pairs")
    ap.add_argument("--set", default="", help="only rows of this set (e.g. trust-dev20)")
    args = ap.parse_args()
    rows = [json.loads(line) for line in Path(args.pairs).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if args.set:
        rows = [r for r in rows if r.get("set") == args.set]
    cits = [r for r in rows if r.get("kind", "citation") == "citation"]
    sets = collections.Counter(r.get("set", "?") for r in cits)
    print(f"{len(cits)} judged citation pairs ({', '.join(f'{k} {v}' for k, v in sets.items())})")
    score_pairs(cits, args.show)
    conf = [r for r in rows if r.get("kind") == "conflict"]
    if conf:
        score_conflicts(_unique_conflicts(conf))
        score_gate(conf)
    agree = [r for r in rows if r.get("kind") == "agreement"]
    if agree:
        score_agreements(agree)


if __name__ == "__main__":
    main()
