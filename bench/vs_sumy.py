"""newsweave beside sumy's LexRank on the same clusters at the same word budget.

sumy gets the same cleaned article text newsweave reads (all articles of a cluster as one
document), our sentence splitter and a plain word tokenizer (its default tokenizer needs
NLTK data that cannot be downloaded here), sumy's Snowball stemmer and English stop words.
Its best-rated sentences fill the word count of newsweave's brief for that cluster, whole
sentences only. Times cover summarizing only (articles already loaded) for both systems.

Wall-clock times on a shared machine swing with the load (other processes take the cores
in the middle of a cluster); CPU time of this process is printed too, with the load average.

    python bench/vs_sumy.py [FILE.jsonl]
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsweave.evaluate.rouge import METRICS, RougeEvaluator, iter_eval_records
from newsweave.ingest.clusters import cluster_articles
from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief
from newsweave.text.sentences import split_spans

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews-dev50.jsonl"
_WORD = re.compile(r"\w+(?:[-']\w+)*")


class SpanTokenizer:
    """The two methods sumy's parsers call, on newsweave's splitter and a regex."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph[a:b] for a, b, _ in split_spans(paragraph)]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def lexrank_summary(text: str, budget: int) -> str:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    doc = PlaintextParser.from_string(text, SpanTokenizer()).document
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def fill(infos: list[Any]) -> list[Any]:  # best-rated first; whole sentences in budget
        out, used = [], 0
        for info in infos:
            w = len(str(info.sentence).split())
            if used + w <= budget:
                out.append(info)
                used += w
        return out

    with warnings.catch_warnings():  # its power method divides by zero on one-sentence input
        warnings.simplefilter("ignore", RuntimeWarning)
        chosen = summarizer(doc, fill)
    return "\n".join(str(s) for s in chosen)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else DEV
    if not path.is_file():
        print(f"no data at {path}; nothing to compare")
        return
    ev = RougeEvaluator()
    opts = BriefOptions(analyze=False)
    scores: dict[str, dict[str, list[float]]] = {
        k: {m: [] for m in METRICS} for k in ("newsweave", "sumy-lexrank")
    }
    words: dict[str, list[int]] = {"newsweave": [], "sumy-lexrank": []}
    secs: dict[str, float] = {"newsweave": 0.0, "sumy-lexrank": 0.0}
    cpu: dict[str, float] = {"newsweave": 0.0, "sumy-lexrank": 0.0}
    for rec in iter_eval_records(path):
        arts = [a for a in cluster_articles(rec, str(rec["id"])) if a.text.strip()]
        t0, c0 = time.perf_counter(), time.process_time()
        ours = "\n".join(i.text for i in make_brief(arts, opts).summary)
        t1, c1 = time.perf_counter(), time.process_time()
        theirs = lexrank_summary("\n\n".join(a.text for a in arts), len(ours.split()))
        t2, c2 = time.perf_counter(), time.process_time()
        secs["newsweave"] += t1 - t0
        secs["sumy-lexrank"] += t2 - t1
        cpu["newsweave"] += c1 - c0
        cpu["sumy-lexrank"] += c2 - c1
        for name, text in (("newsweave", ours), ("sumy-lexrank", theirs)):
            for m, v in ev.score(text, rec["reference"]).items():
                scores[name][m].append(v)
            words[name].append(len(text.split()))
    n = len(words["newsweave"])
    print(f"{n} clusters of {path.name}, same word budget per cluster")
    head = ("R1", "R2", "RL", "RLsum", "words")
    print(f"{'system':<14} " + " ".join(f"{h:>6}" for h in head) + f" {'ms/cluster':>10}")
    for name in scores:
        s = scores[name]
        print(
            f"{name:<14} " + " ".join(f"{statistics.fmean(s[m]):6.2f}" for m in METRICS)
            + f" {statistics.fmean(words[name]):6.1f} {1000 * secs[name] / n:10.1f}"
        )
    print(f"speed ratio: newsweave is {secs['sumy-lexrank'] / secs['newsweave']:.1f}x sumy's "
          f"LexRank (wall clock; {cpu['sumy-lexrank'] / cpu['newsweave']:.1f}x in CPU time), "
          f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
