"""A learned entity-type model beside the rules (issue 16, session 27 experiment, not shipped).

Every judged entity of the bench gold (``bench/entity_gold.jsonl``: rule clusters only, no
held-out cluster) is found again in this tree's ``find_entities`` output; its truth is the
judged type when the type was judged right, the judge's wanted type when it was judged wrong
(items with no wanted type are left out) and ``none`` when it is not a name. Features: the
rules' type (unless ``--no-rule``), the name's words, first / last word, suffix, shape, number
of mentions, sources and aliases, and the words just before and after every mention in the
text. A multinomial logistic regression is scored by 10-fold cross-validation grouped by
cluster; its label replaces the rules' one when it differs with probability >= t.

    python bench/entity_model.py [--no-rule]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entities import GOLD, SHARED, _clusters, _name_key  # noqa: E402

WORD = re.compile(r"[A-Za-z][A-Za-z'.&-]*|\d+")


def rows_of_gold() -> list[dict[str, Any]]:
    from newsweave.analyze.entities import find_entities
    from newsweave.pipeline import to_articles
    from newsweave.text import mark_duplicates, split_sentences

    gold = [json.loads(x) for x in GOLD.read_text().splitlines()]
    by_c: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_c[g["cluster"]].append(g)
    data: dict[str, list[str]] = {}
    for d in ("dev50", "test150"):
        data |= _clusters(d, set(by_c))
    rows = []
    for cid, gs in by_c.items():
        if cid not in data:
            continue
        arts = mark_duplicates(to_articles([{"id": f"a{i + 1}", "text": t}
                                            for i, t in enumerate(data[cid])]))
        idx = find_entities(arts, {a.id: split_sentences(a) for a in arts})
        by_key: dict[Any, int] = {}
        for i, e in enumerate(idx.entities):
            for form in (e.name, *e.aliases):
                by_key.setdefault(_name_key(form), i)
        texts = {a.id: a.text for a in arts}
        ctx: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        for aid, spans in idx.spans.items():
            t = texts[aid]
            for s, e, k in spans:
                ctx[k].append((t[max(0, s - 60):s], t[s:e], t[e:e + 60]))
        seen: set[int] = set()
        for g in gs:
            k = by_key.get(_name_key(g["name"]))
            if k is None:
                k = next((by_key[_name_key(a)] for a in g["aliases"]
                          if _name_key(a) in by_key), None)
            label = {"not a name": "none", "right": g["type"]}.get(g["tlabel"], g["want"])
            if k is None or k in seen or label is None:
                continue
            seen.add(k)
            e = idx.entities[k]
            rows.append({"cluster": cid, "name": e.name, "aliases": list(e.aliases),
                         "rule": e.type, "mentions": e.mentions, "sources": len(e.sources),
                         "ctx": ctx.get(k, []), "label": label})
    return rows


def features(r: dict[str, Any], with_rule: bool) -> dict[str, float]:
    f: Counter[str] = Counter()
    if with_rule:
        f["rule=" + r["rule"]] = 1
    low = [t.lower() for t in r["name"].split()]
    f[f"ntok={min(len(low), 4)}"] = 1
    for t in low:
        f["w=" + t] += 1
    f["last=" + low[-1]] = f["first=" + low[0]] = f["suf3=" + low[-1][-3:]] = 1
    f["allcaps"] = float(r["name"].isupper())
    f["digit"] = float(any(ch.isdigit() for ch in r["name"]))
    f["aliases"] = min(len(r["aliases"]), 3) / 3
    f["mentions"] = float(np.log1p(r["mentions"]) / 3)
    f["sources"] = min(r["sources"], 5) / 5
    n = max(1, len(r["ctx"]))
    for left, mention, right in r["ctx"]:
        lw, rw = WORD.findall(left)[-2:], WORD.findall(right)[:2]
        f["l1=" + (lw[-1].lower() if lw else "<s>")] += 1 / n
        if len(lw) > 1:
            f["l2=" + " ".join(x.lower() for x in lw)] += 1 / n
        if rw:
            f["r1=" + rw[0].lower()] += 1 / n
        if len(rw) > 1:
            f["r2=" + " ".join(x.lower() for x in rw)] += 1 / n
        f["possessive"] += right.startswith(("'s", "’s")) / n
        f["lower"] += mention.islower() / n
    return dict(f)


def main(argv: list[str]) -> None:
    if not (SHARED / "data").is_dir() or not GOLD.exists():
        print("no ../shared data or entity gold: nothing to score")
        return
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    rows = rows_of_gold()
    with_rule = "--no-rule" not in argv
    y = np.array([r["label"] for r in rows])
    rule = np.array([r["rule"] for r in rows])
    X = DictVectorizer().fit_transform([features(r, with_rule) for r in rows])
    groups = np.array([r["cluster"] for r in rows])
    labels = np.array(sorted(set(y)))
    print(f"{len(rows)} judged entities in {len(set(groups))} clusters: {dict(Counter(y))}")
    print(f"rules: type right {np.mean(rule == y):.1%}")
    for c in (0.3, 1.0, 3.0):
        probs = np.zeros((len(rows), len(labels)))
        for tr, te in GroupKFold(n_splits=10).split(X, y, groups):
            m = LogisticRegression(C=c, max_iter=3000).fit(X[tr], y[tr])
            cols = [int(np.flatnonzero(labels == k)[0]) for k in m.classes_]
            probs[np.ix_(te, cols)] = m.predict_proba(X[te])
        pred, pmax = labels[probs.argmax(1)], probs.max(1)
        print(f"C {c}: model alone {np.mean(pred == y):.1%}")
        for t in (0.5, 0.6, 0.7, 0.8, 0.9):
            final = np.where((pred != rule) & (pmax >= t), pred, rule)
            ch = final != rule
            fixed, broken = np.sum(ch & (final == y)), np.sum(ch & (rule == y))
            print(f"  replace at p >= {t}: type right {np.mean(final == y):.1%}, changed "
                  f"{ch.sum()}, fixed {fixed}, broken {broken}")


if __name__ == "__main__":
    main(sys.argv[1:])
