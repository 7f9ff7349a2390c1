"""ROUGE evaluation of newsweave and of peer systems on clusters with references.

ROUGE-1/2/L/Lsum F1 x 100 with rouge-score (``use_stemmer=True``). For Lsum, system output
and reference are split into sentences (our splitter) and joined by newlines, as rouge-score
expects. A missing (empty) peer output is left out of that peer's average, not scored 0.
A cluster with no usable article text (only a web-archive notice, say) gets an empty brief:
it scores 0, is counted in newsweave's ``empty`` and does not stop the run.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.ingest.clusters import cluster_articles
from newsweave.ingest.decode import strip_controls
from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief
from newsweave.text.sentences import split_spans

METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def newline_sentences(text: str) -> str:
    """Sentences of ``text`` one per line (the form rougeLsum needs)."""
    flat = " ".join(text.split())
    return "\n".join(flat[a:b] for a, b, _ in split_spans(flat, 100_000))


@dataclass(slots=True)
class SystemScores:
    name: str
    scores: dict[str, list[float]] = field(default_factory=lambda: {m: [] for m in METRICS})
    words: list[int] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)
    missing: int = 0
    empty: list[str] = field(default_factory=list)  # ids of clusters with no usable text

    def row(self) -> dict[str, Any]:
        out: dict[str, Any] = {"system": self.name, "clusters": len(self.words)}
        for m in METRICS:
            vals = self.scores[m]
            out[m] = round(statistics.fmean(vals), 2) if vals else None
        out["words"] = round(statistics.fmean(self.words), 1) if self.words else None
        out["ms_per_cluster"] = round(statistics.fmean(self.ms), 2) if self.ms else None
        out["missing"] = self.missing
        if self.empty:
            out["empty"] = len(self.empty)
            out["empty_ids"] = list(self.empty)
        return out


class RougeEvaluator:
    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def score(self, prediction: str, reference: str) -> dict[str, float]:
        res = self._scorer.score(newline_sentences(reference), newline_sentences(prediction))
        return {m: res[m].fmeasure * 100 for m in METRICS}


def iter_eval_records(path: Path | str) -> Iterator[dict[str, Any]]:
    """The records of a Multi-News-style JSONL file (``reference`` checked, ``id`` filled)."""
    for _, rec in _numbered_records(path):
        yield rec


def _numbered_records(path: Path | str) -> Iterator[tuple[int, dict[str, Any]]]:
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", str(path))
    with p.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")  # a BOM opens no record
            except UnicodeDecodeError as exc:
                raise InputError(f"line {n}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at "
                                 f"column {exc.start + 1})", str(path)) from None
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"line {n}: invalid JSON", str(path)) from None
            if not isinstance(rec, dict) or not isinstance(rec.get("reference"), str):
                raise InputError(f"line {n}: needs a string 'reference'", str(path))
            if not isinstance(rec.get("peers") or {}, dict):
                raise InputError(f"line {n}: 'peers' must be an object of system: text",
                                 str(path))
            rec.setdefault("id", f"line-{n}")
            yield n, rec


def _unique(name: str, taken: set[str]) -> str:
    k, out = 2, name
    while out in taken:
        out, k = f"{name} #{k}", k + 1
    return out


def _peer_name(name: str) -> str:
    """A peer's row name: printable, never newsweave's own row."""
    name = " ".join(strip_controls(name).split()) or "(no name)"
    return f"{name} (peer)" if name == "newsweave" else name


def evaluate(
    path: Path | str,
    options: BriefOptions | None = None,
    peers: bool = True,
    limit: int | None = None,
    ids: Sequence[str] | None = None,
    on_cluster: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """Rows of the side-by-side table: newsweave first, then each peer system.
    ``on_cluster`` is called with each cluster's id once it is scored (progress)."""
    options = options or BriefOptions(analyze=False)
    ev = RougeEvaluator()
    systems: dict[str, SystemScores] = {"newsweave": SystemScores("newsweave")}
    wanted = set(ids) if ids is not None else None
    names: dict[str, str] = {}  # a peer's key in the file -> its row (one row per key)
    for k, (n, rec) in enumerate(_numbered_records(path)):
        if limit is not None and k >= limit:
            break
        if wanted is not None and str(rec["id"]) not in wanted:
            continue
        ref = rec["reference"]
        t0 = time.perf_counter()
        try:
            arts = [a for a in cluster_articles(rec, str(rec["id"])) if a.text.strip()]
        except InputError as exc:  # the cluster's shape: name the file and the line
            raise InputError(f"line {n}: {exc.reason}", str(path)) from None
        if arts:
            ours = "\n".join(i.text for i in make_brief(arts, options).summary)
        else:  # nothing but scrape noise: an empty brief, counted
            systems["newsweave"].empty.append(str(rec["id"]))
            ours = ""
        ms = (time.perf_counter() - t0) * 1000
        _add(systems["newsweave"], ev.score(ours, ref), len(ours.split()), ms)
        if on_cluster is not None:
            on_cluster(str(rec["id"]))
        if not peers:
            continue
        for raw_name, text in (rec.get("peers") or {}).items():
            name = names.get(raw_name) or _unique(_peer_name(raw_name), set(systems))
            names[raw_name] = name
            sys_ = systems.setdefault(name, SystemScores(name))
            if not isinstance(text, str) or not text.strip():
                sys_.missing += 1
                continue
            _add(sys_, ev.score(text, ref), len(text.split()), None)
    return [s.row() for s in systems.values()]


def _add(s: SystemScores, scores: dict[str, float], words: int, ms: float | None) -> None:
    for m in METRICS:
        s.scores[m].append(scores[m])
    s.words.append(words)
    if ms is not None:
        s.ms.append(ms)
