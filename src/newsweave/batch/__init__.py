"""Batch stage: many clusters, streamed, on local processes or a Dask cluster."""

from newsweave.batch.executors import (
    DaskExecutor,
    Executor,
    ProcessExecutor,
    SerialExecutor,
    make_executor,
)
from newsweave.batch.runner import BatchReport, run_batch, summarize_line

__all__ = ["BatchReport", "DaskExecutor", "Executor", "ProcessExecutor", "SerialExecutor",
           "make_executor", "run_batch", "summarize_line"]
