"""Why the story clusterer splits a true cluster: one shuffled dev stream, every story choice.

Runs the real :class:`Clusterer` on one shuffle of the 50 Multi-News dev clusters (the stream
of ``stories_cluster.py``) and, at each story choice, scores the article against every live
story (exact cosine to the centroid, as the clusterer computes it). For each article of a true
cluster that ends up split, when that cluster already had a story and the article did not
join it, it prints: the cosine to the best story holding its cluster-mates next to the join
threshold, whether the inverted-index lookup offered that story at all, the best story of
other clusters, and the terms that carry each cosine (term: contribution). Articles that
joined a story with no cluster-mate in it (precision errors) are listed too.

    python bench/stories_misses.py [--seed 0] [--threshold 0.2]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from newsweave.ingest import article_from_record
from newsweave.stories import Clusterer, StoryOptions, open_store
from newsweave.stories.cluster import Ack, _cosine
from newsweave.stories.index import unpack
from newsweave.types import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_cluster import DEV50, bcubed  # noqa: E402

Best = tuple[float, int, bool, list[tuple[float, str]]]  # cosine, story, offered, terms


class Spy(Clusterer):
    """The shipped clusterer, recording each story choice against every live story."""

    def __init__(self, *args: object, cluster_of: dict[str, str], **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.cluster_of = cluster_of
        self.log: list[tuple[Article, int | None, float, Best | None, Best | None,
                             Best | None]] = []
        self._current: Article | None = None

    def _add(self, article: Article) -> Ack:
        self._current = article
        return super()._add(article)

    def _choose(self, vec: dict[str, float],
                day: date | None) -> tuple[int | None, float, list[int]]:
        chosen = super()._choose(vec, day)
        c = self.store.conn  # the whole store is scored, not only what the index offers
        art = self._current
        assert art is not None
        mine = self.cluster_of[art.id.split("~")[0]]
        offered = set(self._lookup(vec).most_common(self.options.candidates))
        offered_ids = {sid for sid, _ in offered}
        right: Best | None = None
        wrong: Best | None = None
        picked: Best | None = None
        for sid, blob, norm in c.execute(
            "SELECT id, centroid, norm FROM story WHERE merged_into IS NULL AND n > 0"
        ).fetchall():
            clusters = {self.cluster_of[a.split("~")[0]] for (a,) in c.execute(
                "SELECT id FROM article WHERE story = ?", (sid,))}
            cent = unpack(blob)
            sim = _cosine(vec, cent, norm)
            terms = sorted(((w * cent[t] / norm, t) for t, w in vec.items() if t in cent),
                           reverse=True)[:8]
            entry: Best = (sim, sid, sid in offered_ids, terms)
            if sid == chosen[0]:
                picked = entry
            if mine in clusters:
                right = max(right, entry) if right else entry
            else:
                wrong = max(wrong, entry) if wrong else entry
        self.log.append((art, chosen[0], chosen[1], right, wrong, picked))
        return chosen


def _terms(best: Best | None) -> str:
    return ", ".join(f"{t}:{v:.3f}" for v, t in best[3]) if best else "-"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEV50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0
    raw = []
    for line in args.data.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for k, a in enumerate(rec["articles"]):
            raw.append((rec["id"], f"{rec['id']}#{k + 1}", a))
    random.Random(args.seed).shuffle(raw)
    opts = StoryOptions()
    if args.threshold is not None:
        opts = replace(opts, threshold=args.threshold,
                       merge_threshold=max(args.threshold, opts.merge_threshold))
    truth: dict[str, str] = {}
    found: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "misses.db")
        spy = Spy(store, opts, cluster_of={aid: cid for cid, aid, _ in raw})
        for cid, aid, record in raw:
            art = article_from_record(record, aid)
            if art.text.strip():
                truth[spy.add(art).id] = cid
        spy.flush()
        for row in store.stories():
            for aid in row.articles:
                found[aid] = row.id
        store.close()
    p, r, f = bcubed(truth, found)
    print(f"seed {args.seed}, threshold {opts.threshold:.2f}: B-cubed P {p:.4f} R {r:.4f} "
          f"F1 {f:.4f}")
    members: dict[str, set[object]] = {}
    for aid, cid in truth.items():
        members.setdefault(cid, set()).add(found[aid])
    split = {cid for cid, stories in members.items() if len(stories) > 1}
    for art, chosen, score, right, wrong, picked in spy.log:
        cid = truth.get(art.id, "?")
        head = art.text[:80].replace("\n", " ")
        if right is not None and chosen != right[1] and cid in split:
            print(f"MISS {art.id}: joined {chosen or 'new story'} ({score:.3f}); "
                  f"threshold {opts.threshold:.2f}; cluster-mates' story {right[1]} cosine "
                  f"{right[0]:.3f} (offered by lookup: {'yes' if right[2] else 'no'}); best "
                  f"other story {wrong[1] if wrong else '-'} cosine "
                  f"{wrong[0] if wrong else 0.0:.3f} | {head}")
            print(f"    mates: {_terms(right)}\n    other: {_terms(wrong)}")
        elif right is None and chosen is not None:
            print(f"WRONG {art.id}: joined story {chosen} ({score:.3f}) with no cluster-mate | "
                  f"{head}\n    terms: {_terms(picked)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
