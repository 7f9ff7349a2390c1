"""Fresh clusters for blind judging of names and speakers: the Lee corpus, grouped by story.

    .venv/bin/python bench/lee_clusters.py LEE_DIR OUT.jsonl

The Lee corpus (Lee, Pincombe and Welsh 2005; 300 + 50 short ABC news reports of late 2001,
cased, with quotations) is not shipped with newsweave and is not Multi-News: no rule of
newsweave was written from it before session 28. It comes inside gensim's wheel
(``gensim/test/test_data/lee_background.cor`` and ``lee.cor``); LEE_DIR is the folder holding
those two files, e.g. after ``pip download --no-deps gensim`` and unzipping the wheel.

Reports are grouped into stories by TF-IDF cosine (average linkage, distance < 0.8, at most
five reports a story); stories of one report are kept as one-report clusters. The output has
the raw cluster form of ``multinews-*.jsonl`` (``id``, ``articles[].text``; no reference), in a
fixed order, so the same folder always gives the same file and the same cluster ids.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

MAX_PER_STORY = 5
DISTANCE = 0.8


def reports(folder: Path) -> list[str]:
    out = []
    for name, enc in (("lee_background.cor", "utf-8"), ("lee.cor", "latin-1")):
        p = folder / name
        if not p.exists():
            raise SystemExit(f"lee_clusters: {p} not found")
        out += [ln.strip() for ln in p.read_text(encoding=enc).splitlines() if ln.strip()]
    return out


def stories(texts: list[str], distance: float = DISTANCE) -> list[list[int]]:
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(texts)
    lab = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                  distance_threshold=distance).fit_predict(x.toarray())
    groups: dict[int, list[int]] = {}
    for i, g in enumerate(lab):
        groups.setdefault(int(g), []).append(i)
    out = []
    for members in groups.values():
        for k in range(0, len(members), MAX_PER_STORY):
            out.append(members[k:k + MAX_PER_STORY])
    return sorted(out, key=lambda m: m[0])


def main(args: list[str]) -> int:
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip())
        return 2
    texts = reports(Path(args[0]))
    groups = stories(texts)
    with Path(args[1]).open("w", encoding="utf-8") as f:
        for members in groups:
            joined = "|".join(texts[i] for i in members)
            cid = "lee-" + hashlib.sha1(joined.encode()).hexdigest()[:10]
            f.write(json.dumps({"id": cid, "split": "lee", "reports": members,
                                "articles": [{"text": texts[i]} for i in members]},
                               ensure_ascii=False) + "\n")
    sizes = np.bincount([len(m) for m in groups])
    print(f"{len(texts)} reports -> {len(groups)} clusters; by size: "
          + ", ".join(f"{n}: {c}" for n, c in enumerate(sizes) if c))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
