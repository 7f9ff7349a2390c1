"""Batch summarization of many clusters, streamed line by line.

Input lines: ``{"id", "articles": [{...}]}`` or ``{"id", "document": "a ||||| b"}``.
Output lines: ``{"id", "summary", "sentences": [{"text", "sources"}], "seconds"}``, or
``{"id", "error"}`` for a cluster that could not be summarized. Work is sent to workers in
bounded windows so memory does not grow with the file.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsweave.errors import InputError, NewsweaveError
from newsweave.ingest.decode import sniff_binary
from newsweave.ingest.loaders import article_from_record, make_article, split_multinews
from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief
from newsweave.types import Article

WINDOW_PER_WORKER = 16


@dataclass(slots=True)
class BatchReport:
    ok: int = 0
    failed: int = 0
    seconds: float = 0.0


def cluster_articles(record: Any, cluster_id: str) -> list[Article]:
    """The articles of one cluster record (``articles`` list or Multi-News ``document``)."""
    if not isinstance(record, dict):
        raise InputError("a cluster must be a JSON object")
    if isinstance(record.get("articles"), list):
        arts = []
        for k, a in enumerate(record["articles"], 1):
            if isinstance(a, str):
                a = {"text": a}
            arts.append(article_from_record(a, f"{cluster_id}#{k}"))
        return arts
    if isinstance(record.get("document"), str):
        parts = split_multinews(record["document"])
        return [make_article(f"{cluster_id}#{k}", p) for k, p in enumerate(parts, 1)]
    raise InputError("a cluster needs 'articles' (a list) or 'document' (a string)")


def summarize_line(line: str, lineno: int, options: BriefOptions) -> dict[str, Any]:
    """One input line -> one output record (an error record instead of raising)."""
    t0 = time.perf_counter()
    cluster_id = f"line-{lineno}"
    try:
        record = json.loads(line)
        if isinstance(record, dict) and record.get("id") not in (None, ""):
            cluster_id = str(record["id"])
        result = make_brief(cluster_articles(record, cluster_id), options)
        sentences = [{"text": i.text, "sources": list(i.sources)} for i in result.summary]
        out: dict[str, Any] = {
            "id": cluster_id,
            "summary": "\n".join(s["text"] for s in sentences),
            "sentences": sentences,
        }
        if result.analysis:  # only when analysis was asked for (--analysis)
            out["analysis"] = {k: [item.to_dict() for item in v]
                               for k, v in result.analysis.items()}
        out["seconds"] = round(time.perf_counter() - t0, 4)
        return out
    except json.JSONDecodeError as exc:
        return {"id": cluster_id, "error": f"line {lineno}: invalid JSON ({exc.msg})"}
    except (NewsweaveError, RecursionError, ValueError, TypeError) as exc:
        return {"id": cluster_id, "error": f"line {lineno}: {exc}"}
    except Exception as exc:  # noqa: BLE001 - one bad cluster must not end a long run
        return {"id": cluster_id, "error": f"line {lineno}: internal error "
                f"({exc.__class__.__name__}: {exc})"}


def _summarize_numbered(args: tuple[str, int, BriefOptions]) -> dict[str, Any]:
    return summarize_line(*args)


def read_lines(fh: IO[str]) -> Iterator[tuple[str, int]]:
    for n, line in enumerate(fh, 1):
        if line.strip():
            yield line, n


def _windows(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    buf: list[Any] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def run_batch(
    in_path: Path | str,
    out_path: Path | str,
    *,
    workers: int = 1,
    options: BriefOptions | None = None,
    scheduler: str | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> BatchReport:
    """Summarize every cluster of ``in_path`` into ``out_path`` (JSONL), in input order.

    ``workers`` > 1 uses a local process pool; ``scheduler`` ("local" or a Dask scheduler
    address such as ``tcp://host:8786``) sends the work to a Dask cluster instead.
    """
    options = options or BriefOptions(analyze=False)
    report = BatchReport()
    t0 = time.perf_counter()
    in_p = Path(in_path)
    if not in_p.is_file():
        raise InputError("no such file", str(in_path))
    with in_p.open("rb") as fh:
        kind = sniff_binary(fh.read(4096))
    if kind:
        raise InputError(f"not a JSONL file of clusters ({kind})", str(in_path))
    if scheduler:
        from newsweave.batch.dask_backend import check_scheduler

        check_scheduler(scheduler)
    # Records go to a temporary file beside OUT, renamed over it only when the run ends:
    # a run that fails to start or is interrupted leaves an earlier OUT as it was.
    out_p = Path(out_path)
    part = out_p.with_name(f".{out_p.name}.part")
    try:
        with in_p.open(encoding="utf-8", errors="replace") as fin, part.open(
            "w", encoding="utf-8"
        ) as fout:
            jobs = ((line, n, options) for line, n in read_lines(fin))
            for rec in _execute(jobs, workers, scheduler):
                fout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                if "error" in rec:
                    report.failed += 1
                else:
                    report.ok += 1
                if on_record is not None:
                    on_record(rec)
        os.replace(part, out_p)
    finally:
        part.unlink(missing_ok=True)
    report.seconds = time.perf_counter() - t0
    return report


def _execute(
    jobs: Iterable[tuple[str, int, BriefOptions]], workers: int, scheduler: str | None
) -> Iterator[dict[str, Any]]:
    if scheduler:
        from newsweave.batch.dask_backend import run_on_dask

        yield from run_on_dask(jobs, scheduler, workers, _summarize_numbered)
        return
    if workers <= 1:
        for job in jobs:
            yield _summarize_numbered(job)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with ctx.Pool(workers) as pool:
        for window in _windows(jobs, workers * WINDOW_PER_WORKER):
            yield from pool.imap(_summarize_numbered, window, chunksize=4)
