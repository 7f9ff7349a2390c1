"""Quote-speaker bench: blind-judged quotes as expected answers, any attribution scored on them.

    .venv/bin/python bench/speakers.py build    # judged rounds -> bench/speaker_gold.jsonl
    .venv/bin/python bench/speakers.py score [--split dev|test|all] [-v]

``build`` joins the judged quote items of earlier rounds (``../shared/eval/names-dev20.jsonl``
and the packets/labels under /work/coord/judge, when present) into one gold line per quote:
its cluster, the data file it comes from, the quote, the speaker that was judged, the label
and the judge's "why". The expected answer is the judged speaker when it was judged right,
no speaker when judged unknowable, and for a wrong or missing speaker the person the judge
names in "why" (when it names one; else only "not the judged speaker" / "some speaker").

``score`` runs ``find_entities`` + ``find_quotes`` of this tree on each gold cluster, finds
the judged quote again (same article text, same words), and counts: right kept, right lost
(now null) or changed, wrong fixed / now null / still / other, missing fixed / still null /
other, unknowable kept null / now named; quotes not found again; quotes per cluster before
(judged packets) and now; judged non-quotations still listed or dropped. ``dev`` = clusters
of multinews-dev50 (rules were written from them), ``test`` = clusters of multinews-test150
(the judged rounds names-testQ*, speakers-*, and ``r1``, last session's final names round);
``--round TAG[,TAG]`` keeps some rounds. The names topic's held-out clusters (``HELD_OUT``,
the 20 of the third session's final round, and ``/work/coord/reserved_names.txt``) are never
read.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent.parent / "shared" if not (ROOT.parent / "shared").exists() else (
    ROOT.parent / "shared")
SHARED = Path("/work/shared") if not SHARED.exists() else SHARED
COORD = Path("/work/coord")
GOLD = ROOT / "bench" / "speaker_gold.jsonl"
ROUNDS = [("names-mid", "dev50"), ("names-finalQ1", "dev50"), ("names-finalQ2", "dev50"),
          ("names-testQ1", "test150"), ("names-testQ2", "test150"), ("speakers-midQ", "test150"),
          ("speakers-finQ", "test150"), ("speakers-s6", "test150"),
          ("speakers-s7", "test150")]
_STOP = {"Context", "Quote", "Quoted", "Tweet", "Part", "Speaker", "Not", "The", "A", "An",
         "It", "He", "She", "They", "This", "That", "Text", "Her", "His", "Said", "From",
         "Attributed", "Caption", "Null", "Right", "Wrong", "Unnamed", "Named", "Per",
         "Statement", "Letter", "Twitter", "Headline", "Speaker's", "No", "In", "As", "Also",
         "Quote's", "Words", "Line", "Phrase", "Posted", "Author", "Author's", "Sign", "Later",
         "Earlier", "Both", "Article", "Continues",
         "Continuation", "Follows", "Transcript", "Interview", "Same", "Still", "Here", "I"}


def _norm(text: Any) -> str:
    return " ".join(re.findall(r"\w+", str(text or "").replace("’", "'").lower()))


# the 20 test150 clusters of the third session's final names round (set final-r3-names-hold20
# of bench/judged_final_r3.jsonl): held out for the next final round, never read or scored here
HELD_OUT = set("""
longbench-cad98a082a40 longbench-cb7da78da0b8 longbench-cde1b291ab8e longbench-cef9105b3561
longbench-cff9c9756a63 longbench-d2b993f60949 longbench-d30be80c0ac4 longbench-d485afe6e98d
longbench-d59d8c7d8e89 longbench-d6efc159a833 longbench-d74bcb4b8834 longbench-d80c94e46a53
longbench-f5f3a7e4beff longbench-f8ac8ff14795 longbench-fac3398343e3 longbench-fcf426010aa7
longbench-fe6c148424a7 longbench-fe7c11623630 longbench-fe95b01ef6da longbench-ff3706cd43d8
""".split())


def _reserved() -> set[str]:
    """The clusters held out for the names topic (never read): ``HELD_OUT`` plus the
    per-topic list of /work/coord when present (else the older combined list)."""
    for name in ("reserved_names.txt", "reserved_ids.txt"):
        p = COORD / name
        if p.exists():
            return HELD_OUT | set(p.read_text().split())
    return set(HELD_OUT)


def expected_from_why(why: str, judged: str | None, label: str) -> str | None:
    """The speaker a judge names in "why" (a name, else 'the …' description), or None."""
    bad = set(_norm(judged).split()) if label == "wrong" and judged else set()
    why = re.sub(r"speaker (?:is )?(?:null|left null|empty)\.?", "", why)
    names = re.findall(r"(?:[A-Z][\w'’.-]+)(?:\s+(?:(?:al|el|de|van|von|bin)\s+)?[A-Z][\w'’.-]+)*",
                       why)
    for n in names:
        words = [w for w in n.split() if w.strip(".,'’") not in _STOP]
        if not words:
            continue
        key = _norm(words[-1]).split()
        if not key or (bad and set(key) & bad):
            continue
        return re.sub(r"['’]s$", "", " ".join(words))
    m = re.search(r"\b(?:the|a|an|one)\s+((?:[\w-]+\s+){0,4}?(?:official|spokes\w+|resident|"
                  r"woman|man|officer|judge|prosecutor|host|ex-[\w-]+|report|study|police|"
                  r"source|witness|neighbor|neighbour|friend|mother|father|doctor|lawyer|"
                  r"attorney|expert|analyst|economist|student|teacher|agency|statement))\b", why)
    return m.group(0) if m else None


def build() -> None:
    if not SHARED.exists():
        print("../shared absent: nothing to build")
        return
    reserved = _reserved()
    rows: list[dict[str, Any]] = []
    dev20 = SHARED / "eval" / "names-dev20.jsonl"
    items: list[tuple[str, dict[str, Any]]] = []
    if dev20.exists():
        for line in dev20.read_text().splitlines():
            it = json.loads(line)
            if it.get("kind") == "quote":
                items.append(("dev50", it | {"round": "dev20"}))
    rounds = [(tag, data, COORD / "judge" / "req" / f"{tag}.jsonl",
               COORD / "judge" / "out" / f"{tag}.j1.jsonl") for tag, data in ROUNDS]
    # last session's final names round (20 test150 clusters), now tuning data for speakers
    rounds.append(("r1", "test150", COORD / "final" / "r1" / "quotes.jsonl",
                   COORD / "final" / "r1" / "out" / "quotes.j1.jsonl"))
    for tag, data, req, out in rounds:
        if not (req.exists() and out.exists()):
            continue
        labels = {}
        for line in out.read_text().splitlines():
            if line.strip():
                j = json.loads(line)
                labels[j["key"]] = j
        for line in req.read_text().splitlines():
            it = json.loads(line)
            if it.get("kind") != "quote" or it["key"] not in labels:
                continue
            j = labels[it["key"]]
            items.append((data, it | {"label": j.get("label"), "why": j.get("why", ""),
                                      "round": tag}))
    # last session's second final names round: the 18 clusters released for rule writing
    # (judge1 labels inline; the 20 reserved clusters are not in this file)
    r2 = COORD / "names_r2_rules18.jsonl"
    if r2.exists():
        for line in r2.read_text().splitlines():
            it = json.loads(line)
            j = it.get("judge1") or {}
            if it.get("kind") == "quote" and j.get("label"):
                items.append(("test150", it | {"label": j["label"], "why": j.get("why", ""),
                                               "round": "r2"}))
    built = {it["round"] for _data, it in items}
    for data, it in items:
        if it["cluster"] in reserved:
            continue
        label = it.get("label")
        exp = None
        if label in ("wrong", "missing"):
            exp = expected_from_why(it.get("why", ""), it.get("speaker"), label)
        rows.append({"cluster": it["cluster"], "data": data, "round": it["round"],
                     "quote": it["quote"], "speaker": it.get("speaker"), "label": label,
                     "why": it.get("why", ""), "expected": exp})
    # rounds whose packets are no longer on disk keep their rows from the last build
    if GOLD.exists():
        kept = [json.loads(x) for x in GOLD.read_text().splitlines() if x.strip()]
        rows = [r for r in kept if r["round"] not in built and r["cluster"] not in reserved] + rows
    with GOLD.open("w", encoding="utf-8") as g:
        for r in rows:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} judged quotes, {len({r['cluster'] for r in rows})} clusters -> {GOLD}")
    print(Counter(r["label"] for r in rows))


def same_person(a: str | None, b: str | None) -> bool:
    """Two speaker phrases name the same speaker: a shared surname-like word, or the same
    description head."""
    if not a or not b:
        return False
    na, nb = _norm(a), _norm(b)
    if na == nb or na in nb or nb in na:
        return True
    cap = lambda s: {w.lower().strip(".,'’") for w in s.split() if w[:1].isupper()} - {  # noqa: E731
        w.lower() for w in _STOP} - {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president",
                                     "police", "cpl", "det", "sgt", "judge", "justice"}
    ca, cb = cap(a), cap(b)
    if ca and cb:
        return bool(ca & cb)
    wa, wb = set(na.split()), set(nb.split())
    return bool((wa & wb) - {"the", "a", "an", "one", "of", "in", "said", "former"})


def _clusters(data: str) -> dict[str, list[str]]:
    path = SHARED / "data" / f"multinews-{data}.jsonl"
    reserved = _reserved()
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            it = json.loads(line)
            if it["id"] in reserved:
                continue
            arts = [a["text"] for a in it["articles"] if a.get("text", "").strip()]
            if len(arts) >= 2:
                out[it["id"]] = arts
    return out


def run_quotes(texts: list[str]) -> list[Any]:
    from newsweave.analyze.entities import find_entities
    from newsweave.analyze.quotes import find_quotes
    from newsweave.pipeline import to_articles
    from newsweave.text import mark_duplicates, split_sentences

    arts = to_articles([{"id": f"a{i + 1}", "text": t} for i, t in enumerate(texts)])
    arts = mark_duplicates(arts)
    sents = {a.id: split_sentences(a) for a in arts}
    index = find_entities(arts, sents)
    return find_quotes(arts, sents, index)


def score(split: str, verbose: bool) -> Counter[str]:
    if not GOLD.exists():
        print("no bench/speaker_gold.jsonl: run build first")
        return Counter()
    gold = [json.loads(x) for x in GOLD.read_text().splitlines()]
    want = {"dev": {"dev50"}, "test": {"test150"}, "all": {"dev50", "test150"}}[split]
    gold = [g for g in gold if g["data"] in want]
    if "--round" in sys.argv:  # only the quotes of one judged round, e.g. names-testQ1
        rounds = set(sys.argv[sys.argv.index("--round") + 1].split(","))
        gold = [g for g in gold if g["round"] in rounds]
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_cluster[g["cluster"]].append(g)
    c: Counter[str] = Counter()
    per_cluster = []
    data = {d: _clusters(d) for d in want}
    for cid, rows in by_cluster.items():
        texts = next((data[d][cid] for d in data if cid in data[d]), None)
        if texts is None:
            continue
        quotes = run_quotes(texts)
        per_cluster.append((cid, len(rows), len(quotes)))
        found = {}
        for q in quotes:
            found.setdefault(_norm(q.text), q)
        for g in rows:
            key = _norm(g["quote"])
            q = found.get(key) or next((v for k, v in found.items() if key[:60] and (
                key[:60] in k or k[:60] in key)), None)
            label, old, exp = g["label"], g["speaker"], g["expected"]
            if label == "not a quote":  # judged no quotation: dropping it is right
                c["not a quote dropped" if q is None else "not a quote kept"] += 1
                continue
            if q is None:
                c["not found"] += 1
                continue
            new = q.speaker
            if label == "right":
                res = "right kept" if same_person(new, old) else (
                    "right lost (null)" if not new else "right changed")
            elif label == "unknowable":
                res = "unknowable kept" if not new else "unknowable named"
            elif label == "wrong":
                res = ("wrong fixed" if exp and same_person(new, exp) else
                       "wrong now null" if not new else
                       "wrong still" if same_person(new, old) else "wrong other")
            else:  # missing
                res = ("missing fixed" if exp and same_person(new, exp) else
                       "missing still" if not new else "missing other")
            c[res] += 1
            c["judged"] += 1
            if verbose and res not in ("right kept", "unknowable kept"):
                print(f"{res:18} {cid} judged={old!r} new={new!r} exp={exp!r}\n"
                      f"    {g['quote'][:90]!r}  // {g['why'][:100]}")
                if "-vv" in sys.argv:
                    t = next((t for t in texts if g["quote"][:40] in t), "")
                    i = t.find(g["quote"][:40])
                    print("    CTX: " + t[max(0, i - 300): i + len(g["quote"]) + 150].replace(
                        "\n", " / "))
    n = c["judged"]
    good = c["right kept"] + c["unknowable kept"] + c["wrong fixed"] + c["missing fixed"]
    bad = c["right changed"] + c["wrong still"] + c["wrong other"] + c["unknowable named"]
    print(f"split={split}: {n} judged quotes found again ({c['not found']} not found) in "
          f"{len(per_cluster)} clusters")
    for k in sorted(c):
        if k not in ("judged",) and not k.startswith("not a quote"):
            print(f"  {k:20} {c[k]}")
    if n:
        print(f"  estimate: right {good / n:.1%}, wrong at most {bad / n:.1%}, "
              f"uncertain (missing other) {c['missing other'] / n:.1%}")
    naq = c["not a quote dropped"] + c["not a quote kept"]
    if naq:
        print(f"  not a quotation (judged): {c['not a quote kept']}/{naq} still listed, "
              f"{c['not a quote dropped']} dropped")
    print("  quotes per cluster, judged packet / now: " + ", ".join(
        f"{cid[-6:]} {a}/{b}" for cid, a, b in per_cluster))
    return c


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    args = sys.argv[1:]
    if not args or args[0] == "build":
        build()
    else:
        split = args[args.index("--split") + 1] if "--split" in args else "dev"
        score(split, "-v" in args)
