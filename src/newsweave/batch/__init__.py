"""Batch stage: many clusters, streamed, on local processes or a Dask cluster."""

from newsweave.batch.runner import BatchReport, cluster_articles, run_batch, summarize_line

__all__ = ["BatchReport", "cluster_articles", "run_batch", "summarize_line"]
