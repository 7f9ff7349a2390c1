"""Dask backend for ``newsweave batch --scheduler``: same records, in order, bounded memory."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsweave.errors import NewsweaveError

WINDOW_PER_WORKER = 32


def check_scheduler(scheduler: str) -> None:
    """Refuse a scheduler that is neither "local" nor a ``tcp://``/``tls://``/... address."""
    if scheduler == "local":
        return
    scheme, sep, rest = scheduler.partition("://")
    if not sep or not rest or scheme not in ("tcp", "tls", "inproc", "ucx", "ws", "wss"):
        raise NewsweaveError(
            f"--scheduler must be 'local' or an address such as tcp://host:8786, "
            f"got {scheduler!r}"
        )


def run_on_dask(
    jobs: Iterable[Any],
    scheduler: str,
    workers: int,
    fn: Callable[[Any], dict[str, Any]],
) -> Iterator[dict[str, Any]]:
    """Map ``fn`` over ``jobs`` on a Dask cluster, a window of tasks at a time.

    ``scheduler="local"`` starts a LocalCluster of ``workers`` processes on this machine.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is a dependency
        raise NewsweaveError("dask[distributed] is not installed") from exc
    from newsweave.batch.runner import _windows

    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout="10s")
    except (OSError, ValueError, TimeoutError) as exc:
        raise NewsweaveError(f"cannot reach Dask scheduler {scheduler!r}: {exc}") from None
    try:
        size = max(1, workers) * WINDOW_PER_WORKER
        for window in _windows(jobs, size):
            futures = client.map(fn, window, pure=False)
            yield from client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
