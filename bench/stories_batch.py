"""Batch upper bound of the story clustering: how much does the online pass's order cost?

Each shuffled stream of the dev clusters is ingested by the real clusterer, which keeps the
vector it computed for each article (its own IDF at that moment, so exactly what the online
pass compared). Those vectors are then clustered offline by agglomerative clustering
(average, single and complete link on cosine) cut at a sweep of thresholds, and scored by
B-cubed against the true clusters, next to the online result of the same run. As in
``stories_cluster.py`` the halves A / B (even / odd clusters) are each their own stream: the
cut is tuned on one half and reported on the other.

    python bench/stories_batch.py [--data ../shared/data/multinews-dev50.jsonl] [--seeds 5]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from newsweave.ingest import article_from_record
from newsweave.stories import Clusterer, StoryOptions, open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_cluster import DEV50, bcubed  # noqa: E402

Rows = list[tuple[str, str, dict]]
GRID = [round(0.04 + 0.01 * k, 2) for k in range(37)]
METHODS = ("average", "single", "complete")


class _Keeper(Clusterer):
    """The product clusterer, remembering the last article vector it computed."""

    last: dict[str, float] = {}

    def _vector(self, counts: Counter[str], names: frozenset[str]) -> dict[str, float]:
        self.last = super()._vector(counts, names)
        return self.last


def capture(raw: Rows) -> tuple[dict[str, str], dict[str, dict[str, float]], dict[str, object]]:
    """Truth labels, the clusterer's own article vectors and its online stories."""
    truth: dict[str, str] = {}
    vecs: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "batch.db")
        keeper = _Keeper(store, StoryOptions())
        for cid, aid, record in raw:
            art = article_from_record(record, aid)
            if not art.text.strip():
                continue
            ack = keeper.add(art)
            if ack.status == "exists":
                continue
            truth[ack.id] = cid
            vecs[ack.id] = keeper.last
        found: dict[str, object] = {a: row.id for row in store.stories() for a in row.articles}
        store.close()
    return truth, vecs, found


def cut_scores(truth: dict[str, str], vecs: dict[str, dict[str, float]],
               method: str) -> dict[float, tuple[float, float, float]]:
    """B-cubed of the agglomerative clustering cut at each cosine in ``GRID``."""
    ids = list(truth)
    col = {t: i for i, t in enumerate(sorted({t for v in vecs.values() for t in v}))}
    x = np.zeros((len(ids), len(col)))
    for r, a in enumerate(ids):
        for t, w in vecs[a].items():
            x[r, col[t]] = w
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    dist = 1.0 - np.clip(x @ x.T, -1.0, 1.0)
    tree = linkage(dist[np.triu_indices(len(ids), 1)], method=method)
    return {t: bcubed(truth, dict(zip(ids, fcluster(tree, 1.0 - t, criterion="distance"),
                                      strict=True)))
            for t in GRID}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEV50)
    ap.add_argument("--seeds", type=int, default=5, help="number of shuffles (0, 1, ...)")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0
    base: Rows = []
    half: dict[str, int] = {}
    for n, line in enumerate(args.data.read_text(encoding="utf-8").splitlines()):
        rec = json.loads(line)
        half[rec["id"]] = n % 2
        base += [(rec["id"], f"{rec['id']}#{k + 1}", a) for k, a in enumerate(rec["articles"])]
    parts = {"all": base, "A": [r for r in base if half[r[0]] == 0],
             "B": [r for r in base if half[r[0]] == 1]}
    runs = {}
    for name, rows in parts.items():
        runs[name] = []
        for seed in range(args.seeds):
            stream = list(rows)
            random.Random(seed).shuffle(stream)
            runs[name].append(capture(stream))

    def mean(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
        return (sum(s[0] for s in scores) / len(scores), sum(s[1] for s in scores) / len(scores),
                sum(s[2] for s in scores) / len(scores))

    for name in parts:
        p, r, f = mean([bcubed(t, found) for t, _, found in runs[name]])
        print(f"online (shipped defaults), {name}: P {p:.4f} R {r:.4f} F1 {f:.4f}")
    for method in METHODS:
        table = {}
        for name in parts:
            per = [cut_scores(t, v, method) for t, v, _ in runs[name]]
            table[name] = {c: mean([s[c] for s in per]) for c in GRID}
        best = max(GRID, key=lambda c: table["all"][c][2])
        p, r, f = table["all"][best]
        print(f"{method} link, best cut on the whole stream {best:.2f}: P {p:.4f} R {r:.4f} "
              f"F1 {f:.4f}")
        for tune, test in (("A", "B"), ("B", "A")):
            c = max(GRID, key=lambda g: table[tune][g][2])
            p, r, f = table[test][c]
            print(f"   cut tuned on {tune}: {c:.2f} (F1 {table[tune][c][2]:.4f}); on {test}: "
                  f"P {p:.4f} R {r:.4f} F1 {f:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
