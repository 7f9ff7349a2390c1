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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsweave.batch.executors import make_executor
from newsweave.errors import InputError, NewsweaveError, OptionsError
from newsweave.ingest.clusters import cluster_articles
from newsweave.ingest.decode import replace_surrogates, sniff_binary
from newsweave.options import BriefOptions
from newsweave.pipeline import make_brief


@dataclass(slots=True)
class BatchReport:
    ok: int = 0
    failed: int = 0
    seconds: float = 0.0


def summarize_line(line: str, lineno: int, options: BriefOptions) -> dict[str, Any]:
    """One input line -> one output record (an error record for a bad line or cluster)."""
    t0 = time.perf_counter()
    cluster_id = f"line-{lineno}"
    try:
        record = _parse(line)
        if isinstance(record, dict) and record.get("id") not in (None, ""):
            cluster_id = replace_surrogates(str(record["id"]))  # (UTF-8 cannot hold them)
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
    except NewsweaveError as exc:
        # Only a problem of the input becomes an error record; anything else is a bug in
        # newsweave and ends the run, where it can be seen and reported.
        return {"id": cluster_id, "error": replace_surrogates(f"line {lineno}: {exc}")}


def _parse(line: str) -> Any:
    """A line's JSON; what the parser refuses is an :class:`InputError` (bad input)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg})") from None
    except RecursionError:  # nesting deeper than the parser's stack
        raise InputError("invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise InputError(f"invalid JSON ({exc})") from None


def _summarize_numbered(args: tuple[str, int, BriefOptions]) -> dict[str, Any]:
    return summarize_line(*args)


def read_lines(fh: IO[str]) -> Iterator[tuple[str, int]]:
    for n, line in enumerate(fh, 1):
        if line.strip():
            yield line, n


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
    address such as ``tcp://host:8786``) sends the work to a Dask cluster instead (see
    :mod:`newsweave.batch.executors`).
    """
    options = BriefOptions(analyze=False) if options is None else options
    report = BatchReport()
    t0 = time.perf_counter()
    if not isinstance(options, BriefOptions):
        raise OptionsError(f"options must be a BriefOptions, got {type(options).__name__}",
                           field="options")
    if isinstance(workers, bool) or not isinstance(workers, int) or not 1 <= workers <= 256:
        raise OptionsError(f"workers must be a whole number in [1, 256], got {workers!r}",
                           field="workers")
    if scheduler is not None and not isinstance(scheduler, str):
        raise OptionsError(f"scheduler must be a string, got {scheduler!r}", field="scheduler")
    if not isinstance(in_path, (str, Path)) or not isinstance(out_path, (str, Path)):
        raise InputError("in_path and out_path must be file paths")
    in_p = Path(in_path)
    if not in_p.is_file():
        raise InputError("no such file", str(in_path))
    if Path(out_path).resolve() == in_p.resolve():  # (OUT would replace the input)
        raise InputError("the output file must differ from the input file", str(out_path))
    with in_p.open("rb") as fh:
        kind = sniff_binary(fh.read(4096))
    if kind:
        raise InputError(f"not a JSONL file of clusters ({kind})", str(in_path))
    executor = make_executor(workers, scheduler)  # a bad scheduler fails before OUT is touched
    # Records go to a temporary file beside OUT, renamed over it only when the run ends:
    # a run that fails to start or is interrupted leaves an earlier OUT as it was.
    out_p = Path(out_path)
    part = out_p.with_name(f".{out_p.name}.part")
    try:
        try:
            fout = part.open("w", encoding="utf-8")
        except OSError as exc:
            raise NewsweaveError(f"cannot write {out_p}: {exc.strerror or exc}") from None
        with in_p.open(encoding="utf-8-sig", errors="replace") as fin, fout:  # BOM: none
            jobs = ((line, n, options) for line, n in read_lines(fin))
            for rec in executor.map(_summarize_numbered, jobs):
                fout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                if "error" in rec:
                    report.failed += 1
                else:
                    report.ok += 1
                if on_record is not None:
                    on_record(rec)
        try:
            os.replace(part, out_p)
        except OSError as exc:
            raise NewsweaveError(f"cannot write {out_p}: {exc.strerror or exc}") from None
    finally:
        part.unlink(missing_ok=True)
    report.seconds = time.perf_counter() - t0
    return report
