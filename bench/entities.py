"""Entity bench: blind-judged entity items as expected answers, any entity stage scored on them.

    .venv/bin/python bench/entities.py build     # judged rounds -> bench/entity_gold.jsonl
    .venv/bin/python bench/entities.py score [--split dev|test40|r1a|r1b|mid|chk|all] [-v]

``build`` joins every judged entity item (``../shared/eval/names-dev20.jsonl``, the packets
and labels of /work/coord/judge and of last session's final round /work/coord/final/r1) into
one gold line per item: cluster, data file, round, the judged name, type and aliases, the two
labels and the judge's "why". From "why" it reads the type the judge wants when the type was
judged wrong ("should be organization", "a TV series", "is a person") and, for a wrong merge,
the aliases it names as another entity.

``score`` runs ``find_entities`` of this tree on each gold cluster (the articles exactly as the
packet builder gives them to ``brief``), finds the judged name again (its entity, by name key
of the name or any alias) and counts per item:

- not a name: judged so and now absent (fixed) or still listed;
- type: judged right and kept / changed; judged wrong and now the wanted type (fixed), still the
  judged type, or another type (unknown when the "why" gives none);
- merge: a judged-wrong alias still in the entity / now apart; judged-right aliases now split
  off (lost merges);
- a judged real name no longer listed ("lost").

Estimated shares (per judged item, not per new top-12 entity; not a blind figure): type right
= kept + fixed, not a name = still listed, wrong merges = still merged, over items found.

Splits (cluster ids kept): ``dev`` = multinews-dev50 clusters (rules of earlier sessions were
written from them), ``test40`` = test150 multi-article 1-40 (earlier sessions' rules too),
``r1a`` / ``r1b`` = the 20 clusters of last session's names final round (test150 121-140):
the rules of this session are written from ``r1a`` (121-130) only; ``r1b`` (131-140) is
the check; ``mid`` = test150 multi-article 61-80, judged blind at commit 18fcfa1 (this
session's mid-way round; its failures were then read, so it is not held out after that);
``chk`` = test150 multi-article 41-50, judged blind at commit 55de8dd (read afterwards too).
The clusters of /work/coord/reserved_names.txt are never read.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared")
COORD = Path("/work/coord")
GOLD = ROOT / "bench" / "entity_gold.jsonl"
ROUNDS = [("names-mid", "dev50"), ("names-finalE", "dev50"), ("names-testE", "test150"),
          ("entities-e21", "test150"), ("entities-mid", "test150"),
          ("entities-chk", "test150"), ("entities-A0", "test150"), ("entities-B0", "test150")]
TYPES = ("person", "organization", "place", "term", "other")

_WANT = [  # (pattern in "why", wanted type), first match wins
    (r"\b(?:clearly )?an? organi[sz]ation,? not\b", "organization"),
    (r"\bis an? (?:[\w-]+ )?(?:news outlet|outlet|fraternity|school)\b", "organization"),
    (r"\b(?:time period|era|epoch|film title|software feature)\b", "other"),
    (r"should be (?:a |an )?(?:person|people)\b", "person"),
    (r"should be (?:an? )?(?:organi[sz]ation|company|org)\b", "organization"),
    (r"should be (?:a |an )?place\b", "place"),
    (r"should be (?:a |an )?term\b", "term"),
    (r"should be (?:an? )?other\b", "other"),
    (r"\b(?:is|are|was) (?:a |an |the )?(?:[\w-]+ ){0,2}(?:person|people|actor|actress|"
     r"singer|player|man|woman|politician|author|writer|official)\b", "person"),
    (r"\b(?:is|are) (?:a |an |the )?(?:[\w-]+ ){0,2}(?:place|city|town|village|country|"
     r"state|region|county|district|neighbou?rhood|park|island|street|road|venue)\b", "place"),
    (r"\b(?:is|are) (?:a |an |the )?(?:[\w-]+ ){0,2}(?:organi[sz]ation|company|firm|charity|"
     r"nonprofit|agency|airline|newspaper|magazine|publication|broadcaster|network|station|"
     r"channel|party|group|team|band|brand|store|retailer|university|school)\b",
     "organization"),
    (r"\b(?:is|are) (?:a |an |the )?(?:[\w-]+ ){0,2}(?:film|movie|book|novel|song|album|show|"
     r"series|award|prize|event|holiday|festival|law|rule|act|program|programme|game|title)\b",
     "other"),
    (r"\b(?:is|are) (?:a |an )?(?:[\w-]+ ){0,2}(?:term|product|drug|disease|device|technique|"
     r"acronym for a|abbreviation for a|standard|procedure)\b", "term"),
    (r"^(?:person|people)\b", "person"),
    (r"^(?:place|city|town|country|state|region)\b", "place"),
    (r"^(?:organi[sz]ation|company|newspaper|magazine|TV station|broadcaster)\b",
     "organization"),
    (r"^(?:film|book|novel|TV series|TV show|show|award|event|holiday)\b", "other"),
]


def wanted_type(why: str, judged: str) -> str | None:
    """The type a judge asks for in "why" (never the judged type itself), or None."""
    low = why.lower()
    for pat, t in _WANT:
        if re.search(pat, low) and t != judged:
            return t
    # last: a type word the "why" names, once its negations are removed ("a court, organization")
    low = re.sub(r"\bnot (?:an? |the )?\w+", " ", low)
    for m in re.finditer(r"\b(person|people|organi[sz]ation|place|term|journal|magazine|city|"
                         r"town|company)\b", low):
        t = {"people": "person", "organisation": "organization", "journal": "organization",
             "magazine": "organization", "company": "organization", "city": "place",
             "town": "place"}.get(m.group(1), m.group(1))
        if t != judged:
            return t
    return None


def _name_key(name: str) -> tuple[str, ...]:
    from newsweave.analyze.names import name_key
    return name_key(name)


def bad_aliases(why: str, name: str, aliases: list[str]) -> list[str]:
    """Aliases a wrong-merge "why" names (all of them when it names none)."""
    low = why.lower()
    own = set(_name_key(name))
    named = [a for a in aliases if a.lower() in low and not set(_name_key(a)) <= own]
    named = [a for a in named if not any(a != b and a.lower() in b.lower() for b in named)]
    return named or [a for a in aliases if not set(_name_key(a)) <= own]


def _reserved() -> set[str]:
    p = COORD / "reserved_names.txt"
    return set(p.read_text().split()) if p.exists() else set()


def _load(p: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in p.read_text().splitlines() if x.strip()]


def build() -> None:
    if not SHARED.exists() or not COORD.exists():
        print("../shared or /work/coord absent: nothing to build")
        return
    items: list[tuple[str, dict[str, Any]]] = []
    dev20 = SHARED / "eval" / "names-dev20.jsonl"
    if dev20.exists():
        for it in _load(dev20):
            if it.get("kind") == "entity":
                items.append(("dev50", it | {"round": "dev20", "merge": it.get("merge_label"),
                                             "tlabel": it.get("type_label")}))
    sources = [(COORD / "judge" / "req" / f"{t}.jsonl",
                [COORD / "judge" / "out" / f"{t}.j1.jsonl"], t, d) for t, d in ROUNDS]
    r1 = COORD / "final" / "r1"
    sources.append((r1 / "entities.jsonl", [r1 / "out" / "be.A.j1.jsonl",
                                            r1 / "out" / "be.B.j1.jsonl"], "r1", "test150"))
    r2 = COORD / "names_r2_rules18.jsonl"  # items with their labels inline (``judge1``)
    if r2.exists():
        for it in _load(r2):
            j = it.get("judge1") or {}
            if it.get("kind") == "entity" and "type" in j:
                items.append(("test150", it | {"round": "r2", "merge": j.get("merge"),
                                               "tlabel": j.get("type"), "why": j.get("why", "")}))
    for req, outs, tag, data in sources:
        if not req.exists():
            continue
        labels = {j["key"]: j for o in outs if o.exists() for j in _load(o)}
        for it in _load(req):
            j = labels.get(it["key"])
            if it.get("kind") != "entity" or j is None or "type" not in j:
                continue
            items.append((data, it | {"round": tag, "merge": j.get("merge"),
                                      "tlabel": j.get("type"), "why": j.get("why", "")}))
    reserved = _reserved()
    r1_ids = sorted({it["cluster"] for _, it in items if it["round"] == "r1"})
    rows = []
    for data, it in items:
        if it["cluster"] in reserved:
            continue
        split = {"dev50": "dev"}.get(data, {"entities-mid": "mid", "entities-chk": "chk",
                                            "r2": "r2", "entities-A0": "f20a",
                                            "entities-B0": "f20b"}.get(it["round"], "test40"))
        if it["round"] == "r1":
            split = "r1a" if r1_ids.index(it["cluster"]) < len(r1_ids) // 2 else "r1b"
        why, tl = it.get("why", ""), it["tlabel"]
        rows.append({"cluster": it["cluster"], "data": data, "round": it["round"],
                     "split": split, "name": it["name"], "type": it["type"],
                     "aliases": it.get("aliases", []), "merge": it["merge"], "tlabel": tl,
                     "why": why,
                     "want": it["type"] if tl == "right" else (
                         wanted_type(why, it["type"]) if tl == "wrong" else None),
                     "bad": bad_aliases(why, it["name"], it.get("aliases", []))
                     if it["merge"] == "wrong" else []})
    # rounds whose packets are gone from /work/coord (earlier sessions) keep their gold lines
    built = {r["round"] for r in rows}
    old = [r for r in _load(GOLD) if r["round"] not in built and r["cluster"] not in reserved] \
        if GOLD.exists() else []
    rows = old + rows
    with GOLD.open("w", encoding="utf-8") as g:
        for r in rows:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} judged entities, {len({r['cluster'] for r in rows})} clusters -> {GOLD}")
    print(Counter((r["split"], r["tlabel"]) for r in rows))
    print("type wrong with a wanted type:",
          sum(1 for r in rows if r["tlabel"] == "wrong" and r["want"]), "of",
          sum(1 for r in rows if r["tlabel"] == "wrong"))


def _clusters(data: str, wanted: set[str]) -> dict[str, list[str]]:
    path = SHARED / "data" / f"multinews-{data}.jsonl"
    reserved = _reserved()
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            it = json.loads(line)
            if it["id"] in reserved or it["id"] not in wanted:
                continue
            out[it["id"]] = [a["text"] for a in it["articles"] if a.get("text", "").strip()]
    return out


def run_entities(texts: list[str]) -> list[Any]:
    from newsweave.analyze.entities import find_entities
    from newsweave.pipeline import to_articles
    from newsweave.text import mark_duplicates, split_sentences

    arts = mark_duplicates(to_articles([{"id": f"a{i + 1}", "text": t}
                                        for i, t in enumerate(texts)]))
    sents = {a.id: split_sentences(a) for a in arts}
    return list(find_entities(arts, sents).entities)


def judge_item(g: dict[str, Any], ents: list[Any], by_key: dict[Any, int]) -> list[str]:
    """Outcome labels of one gold item against the entities of this tree."""
    k = k_name = by_key.get(_name_key(g["name"]))
    if k is None:  # the judged name may now be an alias form only
        k = next((by_key[_name_key(a)] for a in g["aliases"] if _name_key(a) in by_key), None)
    tl = g["tlabel"]
    if tl == "not a name":
        return ["nan fixed"] if k is None else ["nan still"]
    if k is None:
        return ["lost"]
    e = ents[k]
    out = []
    if tl == "right":
        out.append("type right kept" if e.type == g["type"] else "type right changed")
    elif g["want"]:
        out.append("type wrong fixed" if e.type == g["want"] else
                   "type wrong still" if e.type == g["type"] else "type wrong other")
    else:
        out.append("type wrong still" if e.type == g["type"] else "type wrong unknown")
    forms = {_name_key(x) for x in (e.name, *e.aliases)}
    if k_name is None:
        out.append("merge name gone")
    elif g["merge"] == "wrong":
        still = [a for a in g["bad"] if _name_key(a) in forms]
        out.append("merge wrong still" if still else "merge wrong fixed")
    else:
        good = [a for a in g["aliases"] if _name_key(a) not in forms]
        out.append("merge right kept" if not good else "merge right split")
    return out


def score(split: str, verbose: bool) -> Counter[str]:
    if not GOLD.exists():
        print("no bench/entity_gold.jsonl: run build first")
        return Counter()
    gold = [json.loads(x) for x in GOLD.read_text().splitlines()]
    if split != "all":
        gold = [g for g in gold if g["split"] in split.split(",")]
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_cluster[g["cluster"]].append(g)
    data: dict[str, list[str]] = {}
    for d in ("dev50", "test150"):
        if (SHARED / "data" / f"multinews-{d}.jsonl").exists():
            data |= _clusters(d, set(by_cluster))
    c: Counter[str] = Counter()
    for cid, rows in by_cluster.items():
        if cid not in data:
            continue
        ents = run_entities(data[cid])
        by_key = {}
        for i, e in enumerate(ents):
            for form in (e.name, *e.aliases):
                by_key.setdefault(_name_key(form), i)
        for g in rows:
            res = judge_item(g, ents, by_key)
            c.update(res)
            c["items"] += 1
            bad = [r for r in res if r.endswith(("changed", "still", "other", "split", "lost",
                                                 "unknown"))]
            if verbose and bad:
                k = by_key.get(_name_key(g["name"]))
                now = (ents[k].type, list(ents[k].aliases)[:4]) if k is not None else None
                print(f"{','.join(bad):28} {cid[-6:]} {g['name']!r} judged={g['type']} "
                      f"want={g['want']} now={now} // {g['why'][:90]}")
    n = c["items"]
    if not n:
        print("no gold items for", split)
        return c
    typed_ok = c["type right kept"] + c["type wrong fixed"]
    listed = n - c["lost"] - c["nan fixed"]
    print(f"split={split}: {n} judged entities in {len(by_cluster)} clusters")
    for key in sorted(c):
        if key != "items":
            print(f"  {key:20} {c[key]}")
    print(f"  estimate: type right {typed_ok / n:.1%}, not a name still listed "
          f"{c['nan still'] / n:.1%}, wrong merges {c['merge wrong still'] / n:.1%}, "
          f"lost {c['lost'] / n:.1%}, right types changed {c['type right changed'] / n:.1%}")
    if listed:
        print(f"  over the {listed} still listed: type right {typed_ok / listed:.1%}, not a name "
              f"{c['nan still'] / listed:.1%}, wrong merges {c['merge wrong still'] / listed:.1%}")
    return c


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    args = sys.argv[1:]
    if not args or args[0] == "build":
        build()
    else:
        split = args[args.index("--split") + 1] if "--split" in args else "r1b"
        score(split, "-v" in args)
