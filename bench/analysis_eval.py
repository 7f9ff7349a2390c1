"""Precision and recall of the analysis features against hand-annotated fixtures, and speed.

    .venv/bin/python bench/analysis_eval.py [-v]

Fixtures live in tests/fixtures/analysis/: ``mosul.json`` annotates examples/mosul and
``rules.json`` holds small hand-written clusters, one per rule (with must-not-merge cases).
Scores:

- entities: pairwise over the annotated names: a pair is "merged" when both names land in
  one predicted entity. Precision = merged pairs that should be / merged pairs; recall =
  same-entity pairs found / same-entity pairs. Type accuracy is per annotated entity.
- quotes: a found quote matches an annotated one when the source is the same and the
  annotated text is inside it; speakers count when the found speaker is one of the accepted
  ways to name them.
- conflicts: a found conflict matches when each annotated claim (source, value) is among its
  claims. timeline: an item matches when it has the source, the date and the words.
  agreements: a found agreement matches when it cites the annotated sources and a keyword.
Timing: ``make_brief`` on examples/mosul in-process (after imports) with and without
analysis, and the whole ``newsweave brief examples/mosul`` command.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "analysis"
FEATURES = ("entities", "entity types", "quotes", "quote speakers", "conflicts", "timeline",
            "agreements")


def _norm(text: Any) -> str:
    return " ".join(str(text or "").replace("’", "'").lower().split())


def _entity_of(analysis: dict[str, Any], name: str) -> int | None:
    ents = analysis.get("entities", [])
    for exact in (True, False):
        for k, e in enumerate(ents):
            names = [e["name"], *e.get("aliases", [])]
            if (name in names) if exact else (_norm(name) in {_norm(n) for n in names}):
                return k
    return None


def score_entities(gold: dict[str, Any], analysis: dict[str, Any], c: Counter[str],
                   notes: list[str]) -> None:
    names = [(n, g) for g, grp in enumerate(gold["groups"]) for n in grp["names"]]
    pred = {n: _entity_of(analysis, n) for n, _ in names}
    for i, (a, ga) in enumerate(names):
        for b, gb in names[i + 1:]:
            same = ga == gb
            merged = pred[a] is not None and pred[a] == pred[b]
            if same and merged:
                c["entities tp"] += 1
            elif merged:
                c["entities fp"] += 1
                notes.append(f"entities: wrongly merged {a!r} + {b!r}")
            elif same:
                c["entities fn"] += 1
                notes.append(f"entities: not merged {a!r} + {b!r}")
    for a, b in gold.get("must_not_merge", []):
        pa, pb = _entity_of(analysis, a), _entity_of(analysis, b)
        if pa is not None and pa == pb:
            c["must-not-merge violations"] += 1
            notes.append(f"entities: must not merge {a!r} + {b!r}")
    ents = analysis.get("entities", [])
    for grp in gold["groups"]:
        k = _entity_of(analysis, grp["names"][0])
        ok = k is not None and ents[k]["type"] == grp["type"]
        c["entity types tp" if ok else "entity types fn"] += 1
        c["entity types fp" if not ok and k is not None else "entity types ok"] += 0 if ok else 1
        if not ok:
            got = ents[k]["type"] if k is not None else "missing"
            notes.append(f"entity type of {grp['names'][0]!r}: {got} (want {grp['type']})")


def score_quotes(gold: list[dict[str, Any]], analysis: dict[str, Any], c: Counter[str],
                 notes: list[str]) -> None:
    preds = analysis.get("quotes", [])
    matched: set[int] = set()
    for g in gold:
        hit = next((k for k, q in enumerate(preds) if q["source"] == g["source"]
                    and _norm(g["text"]) in _norm(q["text"])), None)
        if hit is None:
            c["quotes fn"] += 1
            c["quote speakers fn"] += 1
            notes.append(f"quotes: missed {g['text']!r}")
            continue
        matched.add(hit)
        c["quotes tp"] += 1
        if _norm(preds[hit]["speaker"]) in {_norm(s) for s in g["speakers"]}:
            c["quote speakers tp"] += 1
        else:
            c["quote speakers fn"] += 1
            c["quote speakers fp"] += 1
            notes.append(f"quotes: speaker of {g['text']!r} is {preds[hit]['speaker']!r}")
    for k, q in enumerate(preds):
        if k not in matched:
            c["quotes fp"] += 1
            c["quote speakers fp"] += 1
            notes.append(f"quotes: extra {q['text'][:50]!r}")


def _conflict_matches(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return all(
        any(src in cl.get("sources", []) and _norm(val) in _norm(cl.get("value"))
            for cl in p.get("claims", []))
        for src, val in g["claims"]
    )


def _timeline_matches(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g["source"] not in p.get("sources", []):
        return False
    merged = len(p.get("sources", [])) > 1
    pd, gd = p.get("date"), g.get("date")
    same_date = pd == gd or (merged and pd and gd and (pd.startswith(gd) or gd.startswith(pd)))
    words = _norm(g["text"])
    return bool(same_date) and (merged or words in _norm(p.get("text"))
                                or words in _norm(p.get("expression")))


def _agreement_matches(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if not set(g["sources"]) <= set(p.get("sources", [])):
        return False
    if "independent_sources" in g and p.get("independent_sources") != g["independent_sources"]:
        return False
    return any(_norm(k) in _norm(p.get("text")) for k in g["keywords"])


def score_items(key: str, gold: list[dict[str, Any]], analysis: dict[str, Any],
                matches: Callable[[dict[str, Any], dict[str, Any]], bool],
                missed: Callable[[dict[str, Any]], str], extra: Callable[[dict[str, Any]], str],
                c: Counter[str], notes: list[str]) -> None:
    """Count true/false positives and misses of one feature; note what was missed or extra."""
    preds = analysis.get(key, [])
    for g in gold:
        if any(matches(g, p) for p in preds):
            c[f"{key} tp"] += 1
        else:
            c[f"{key} fn"] += 1
            notes.append(f"{key}: missed {missed(g)}")
    for p in preds:
        if not any(matches(g, p) for g in gold):
            c[f"{key} fp"] += 1
            notes.append(f"{key}: extra {extra(p)}")


def clusters(heldout: bool = False) -> list[tuple[str, Any, dict[str, Any]]]:
    """(name, input for make_brief, annotation) for the fixture clusters: the Mosul annotation
    and the per-rule clusters, or (``heldout``) the clusters written after the rules."""
    out: list[tuple[str, Any, dict[str, Any]]] = []
    files = ["heldout.json", "heldout2.json"] if heldout else ["rules.json"]
    if not heldout:
        mosul = json.loads((FIXTURES / "mosul.json").read_text(encoding="utf-8"))
        out.append(("mosul", ROOT / mosul["path"], mosul))
    for file in files:
        data = json.loads((FIXTURES / file).read_text(encoding="utf-8"))
        for cl in data["clusters"]:
            out.append((cl["name"], cl["articles"], cl))
    return out


def evaluate(heldout: bool = False) -> tuple[Counter[str], dict[str, list[str]]]:
    from newsweave.pipeline import make_brief

    c: Counter[str] = Counter()
    notes: dict[str, list[str]] = {}
    for name, data, gold in clusters(heldout):
        analysis = make_brief(data).to_dict()
        n: list[str] = []
        if "entities" in gold:
            score_entities(gold["entities"], analysis, c, n)
        if "quotes" in gold:
            score_quotes(gold["quotes"], analysis, c, n)
        if "conflicts" in gold:
            score_items("conflicts", gold["conflicts"], analysis, _conflict_matches,
                        lambda g: repr(g["about"]),
                        lambda p: f"{p['about']!r} {[x['value'] for x in p['claims']]}", c, n)
        if "timeline" in gold:
            score_items("timeline", gold["timeline"], analysis, _timeline_matches,
                        lambda g: f"{g['date']} {g['text']!r} [{g['source']}]",
                        lambda p: f"{p['date']} {p.get('expression')!r}", c, n)
        if "agreements" in gold:
            score_items("agreements", gold["agreements"], analysis, _agreement_matches,
                        lambda g: repr(g["about"]), lambda p: repr(p["text"][:60]), c, n)
        notes[name] = n
    return c, notes


def pr(c: Counter[str], feature: str) -> tuple[float, float]:
    tp, fp, fn = c[f"{feature} tp"], c[f"{feature} fp"], c[f"{feature} fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


def timing(runs: int = 5) -> dict[str, float]:
    from newsweave import BriefOptions
    from newsweave.pipeline import make_brief

    example = ROOT / "examples" / "mosul"
    make_brief(example)  # warm caches (vectorizer, regexes)
    out = {}
    for label, opts in (("with analysis", BriefOptions()),
                        ("without analysis", BriefOptions(analyze=False))):
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            make_brief(example, opts)
            times.append(time.perf_counter() - t0)
        out[f"make_brief {label} (median s)"] = statistics.median(times)
    exe = Path(sys.executable).with_name("newsweave")
    if exe.exists():
        t0 = time.perf_counter()
        subprocess.run([str(exe), "brief", str(example)], check=True, capture_output=True)
        out["`newsweave brief examples/mosul` incl. start-up (s)"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run([str(exe), "--help"], check=True, capture_output=True)
        out["`newsweave --help` start-up only (s)"] = time.perf_counter() - t0
    return out


def _table(title: str, c: Counter[str], notes: dict[str, list[str]], verbose: bool) -> None:
    print(title)
    print(f"{'feature':<16} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for f in FEATURES:
        p, r = pr(c, f)
        print(f"{f:<16} {c[f + ' tp']:>4} {c[f + ' fp']:>4} {c[f + ' fn']:>4} "
              f"{p:>10.2f} {r:>8.2f}")
    print(f"must-not-merge violations: {c['must-not-merge violations']}")
    if verbose:
        for name, lines in notes.items():
            for line in lines:
                print(f"  [{name}] {line}")
    print()


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    _table("Fixtures used while building the rules (mosul.json + rules.json)",
           *evaluate(), verbose)
    _table("Held-out clusters (heldout*.json; each file's 'about' has its first-run figures)",
           *evaluate(heldout=True), verbose)
    for label, seconds in timing().items():
        print(f"{label:<52} {seconds:6.3f}")


if __name__ == "__main__":
    main()
