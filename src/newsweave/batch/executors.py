"""Where batch work runs: in this process, a local process pool, or a Dask cluster.

Every executor maps a picklable function over jobs and yields the results in job order,
sending work a bounded window at a time so memory does not grow with the input.

Example::

    >>> list(SerialExecutor().map(abs, [-1, 2, -3]))
    [1, 2, 3]
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from newsweave.children import child_ignores_interrupt, signals_deferred, signals_held
from newsweave.errors import NewsweaveError

T = TypeVar("T")
R = TypeVar("R")

POOL_WINDOW_PER_WORKER = 16  # jobs in flight per local worker process
DASK_WINDOW_PER_WORKER = 32  # tasks in flight per Dask worker (each costs a round trip)
DASK_SCHEMES = ("tcp", "tls", "inproc", "ucx", "ws", "wss")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]: ...


def windows(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    buf: list[T] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


class SerialExecutor:
    """One job after the other, in this process."""

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        for job in jobs:
            yield fn(job)


class ProcessExecutor:
    """A pool of ``workers`` local processes (spawned: no state inherited by fork).

    ``concurrent.futures`` rather than ``multiprocessing.Pool``: when the workers are killed
    with their parent (SIGTERM to the process group), the pool is marked broken instead of
    hanging the parent's clean-up on a lock a dead worker held."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                   initializer=child_ignores_interrupt)
        # Ctrl-C and SIGTERM stop the map between two results, never inside the pool's own
        # waits, and are raised once the pool is shut down (newsweave.children)
        with signals_deferred() as stop:
            try:
                for k, window in enumerate(windows(jobs, self.workers * POOL_WINDOW_PER_WORKER)):
                    # The first window's submits start the workers: signals wait meanwhile
                    # (see newsweave.children), so a Ctrl-C while a worker is still starting
                    # reaches only this process, once the workers ignore it.
                    with signals_held(k == 0):
                        results = pool.map(fn, window, chunksize=4)
                    for result in results:
                        if stop:
                            break
                        yield result
                    if stop:
                        break
            except BrokenProcessPool:
                raise RuntimeError("a batch worker process ended unexpectedly (killed?)") from None
            finally:
                pool.shutdown(wait=True, cancel_futures=True)


def check_scheduler(scheduler: str) -> None:
    """Refuse a scheduler that is neither "local" nor a ``tcp://``/``tls://``/... address."""
    if scheduler == "local":
        return
    scheme, sep, rest = scheduler.partition("://")
    if not sep or not rest or scheme not in DASK_SCHEMES:
        raise NewsweaveError(
            f"--scheduler must be 'local' or an address such as tcp://host:8786, "
            f"got {scheduler!r}"
        )


class DaskExecutor:
    """Tasks on a Dask cluster: ``"local"`` starts a LocalCluster of ``workers`` processes
    on this machine, an address (``tcp://host:8786``) joins a running scheduler."""

    def __init__(self, scheduler: str, workers: int = 1) -> None:
        check_scheduler(scheduler)
        self.scheduler = scheduler
        self.workers = max(1, workers)

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask is a dependency
            raise NewsweaveError("dask[distributed] is not installed") from exc
        cluster = None
        try:
            if self.scheduler == "local":
                cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None,
                    # its processes' own logs: a failed task still reaches the client
                    silence_logs=logging.CRITICAL,
                )
                client = Client(cluster)
            else:
                client = Client(self.scheduler, timeout="10s")
        except (OSError, ValueError, TimeoutError) as exc:
            raise NewsweaveError(
                f"cannot reach Dask scheduler {self.scheduler!r}: {exc}") from None
        try:
            for window in windows(jobs, self.workers * DASK_WINDOW_PER_WORKER):
                futures = client.map(fn, window, pure=False)
                results: list[Any] = client.gather(futures)
                yield from results
        except KeyboardInterrupt:  # stopped: the cluster's shutdown chatter is not news
            for name in ("distributed", "asyncio"):  # (asyncio: the gathers left pending)
                logging.getLogger(name).setLevel(logging.CRITICAL)
            raise
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def make_executor(workers: int = 1, scheduler: str | None = None) -> Executor:
    """Dask when a ``scheduler`` is given, else a process pool for ``workers`` > 1, else
    this process."""
    if scheduler:
        return DaskExecutor(scheduler, workers)
    if workers > 1:
        return ProcessExecutor(workers)
    return SerialExecutor()
