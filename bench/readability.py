"""Readability of the default brief over the 200 raw Multi-News clusters (dev50 + test150).

Two defects ROUGE does not see, counted over every brief sentence:

* **unbalanced quotation**: the sentence has an opening double quote mark (" or “) that it
  does not close, or a closing one it did not open. ``strict`` counts every such sentence;
  ``run`` forgives a multi-sentence quotation that enters whole (its sentences follow each
  other in the brief as in the article and the quote closes inside that run).
* **dangling opener**: the sentence opens on a word that needs what came before (He, She,
  They, His, Their, This, These, Those, But, And, So, However, Instead, Also, Still, Yet,
  Such; after an optional opening quote mark) and the sentence just before it in the brief is
  not its own previous sentence in the article.

    python bench/readability.py [FILE.jsonl ...] [--show N]

``--show N`` prints up to N offending sentences of each kind.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from newsweave.errors import InputError
from newsweave.evaluate.rouge import iter_eval_records
from newsweave.ingest.clusters import cluster_articles
from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief
from newsweave.types import Sentence

_HERE = Path(__file__).resolve()
# ../shared/data beside the checkout (or beside the folder of worktrees).
DATA = next(
    (p for p in (_HERE.parents[2] / "shared" / "data", _HERE.parents[3] / "shared" / "data")
     if p.is_dir()),
    _HERE.parents[2] / "shared" / "data",
)
FILES = (DATA / "multinews-dev50.jsonl", DATA / "multinews-test150.jsonl")
OPENERS = re.compile(
    r"^[\"“‘']?\s*(?:He|She|They|His|Their|This|These|Those|But|And|So|However|Instead|Also|"
    r"Still|Yet|Such)\b"
)
# The same words without the optional opening quote mark (the count, 6.2% before).
PLAIN_OPENERS = re.compile(
    r"^(?:He|She|They|His|Their|This|These|Those|But|And|So|However|Instead|Also|Still|Yet|"
    r"Such)\b"
)


def unbalanced(text: str) -> bool:
    """An odd number of straight double quotes, or unequal curly opening and closing ones:
    the sentence opens a quotation it does not close or closes one it did not open."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def quote_flags(sents: Sequence[Sentence], shown: Sequence[str] | None = None
                ) -> tuple[list[bool], list[bool]]:
    """Per brief sentence: (strict unbalanced, unbalanced even within its run). ``shown``:
    the texts as the brief shows them (a cut quotation closed by marks), default the
    sentences' own."""
    strict = [unbalanced(t) for t in (shown or [s.text for s in sents])]
    run_flag = list(strict)
    k = 0
    while k < len(sents):
        j = k
        while (j + 1 < len(sents) and sents[j + 1].article == sents[j].article
               and sents[j + 1].index == sents[j].index + 1):
            j += 1
        if j > k:
            joined = " ".join(s.text for s in sents[k : j + 1])
            if not unbalanced(joined):
                for m in range(k, j + 1):
                    run_flag[m] = False
        k = j + 1
    return strict, run_flag


def dangling(sents: Sequence[Sentence], openers: re.Pattern[str] = OPENERS) -> list[bool]:
    out = []
    for k, s in enumerate(sents):
        if not openers.match(s.text):
            out.append(False)
            continue
        prev = sents[k - 1] if k else None
        ok = prev is not None and prev.article == s.article and prev.index == s.index - 1
        out.append(not ok)
    return out


def measure(
    records: Iterable[dict], options: BriefOptions | None = None, show: int = 0
) -> dict[str, float]:
    options = options or BriefOptions(analyze=False)
    n = strict = run = dang = plain = clusters = empty = closed = 0
    shown: dict[str, list[str]] = {"quote": [], "opener": []}
    for rec in records:
        clusters += 1
        try:
            brief = make_brief(cluster_articles(rec, str(rec["id"])), options)
        except InputError:
            empty += 1
            continue
        sents = [item.sentence for item in brief.summary]
        qs, qr = quote_flags(sents, [item.text for item in brief.summary])
        closed += sum(item.marks != ("", "") for item in brief.summary)
        dg = dangling(sents)
        n += len(sents)
        strict += sum(qs)
        run += sum(qr)
        dang += sum(dg)
        plain += sum(dangling(sents, PLAIN_OPENERS))
        for k, s in enumerate(sents):
            if qr[k] and len(shown["quote"]) < show:
                shown["quote"].append(f"{rec['id']}: {s.text}")
            if dg[k] and len(shown["opener"]) < show:
                shown["opener"].append(f"{rec['id']}: {s.text}")
    for kind, rows in shown.items():
        for row in rows:
            print(f"  [{kind}] {row}")
    pct = 100.0 / max(1, n)
    return {
        "clusters": clusters, "empty": empty, "sentences": n,
        "quote_strict": strict * pct, "quote_run": run * pct, "dangling": dang * pct,
        "dangling_plain": plain * pct, "closed": closed * pct,
    }


def report(m: dict[str, float]) -> str:
    return (
        f"{m['sentences']} sentences in {m['clusters']} briefs ({m['empty']} empty): "
        f"unbalanced quotation {m['quote_strict']:.1f}% counting every sentence alone "
        f"({m['quote_run']:.1f}% forgiving whole multi-sentence quotations); dangling opener "
        f"{m['dangling']:.1f}% ({m['dangling_plain']:.1f}% without the opening-quote case); "
        f"{m.get('closed', 0.0):.1f}% shown with marks closing a cut quotation"
    )


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    show = 0
    if "--show" in args:
        k = args.index("--show")
        show = int(args[k + 1])
        del args[k : k + 2]
    paths = [Path(a) for a in args] or list(FILES)
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"no data at {missing[0]}; nothing to measure")
        return
    records = [r for p in paths for r in iter_eval_records(p)]
    print(report(measure(records, show=show)))


if __name__ == "__main__":
    main()
