"""Where extraction runs: this machine's worker processes, or Dask workers (a LocalCluster, or
a real cluster given by its scheduler's address). Either way an Executor: the scan submits
documents to it and stores the results itself, in input order."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager, suppress
from typing import ParamSpec, TypeVar

from catalog.errors import CatalogError

__all__ = ["ENGINES", "executor"]

P = ParamSpec("P")
T = TypeVar("T")

ENGINES = ("local", "dask")


class _Here(Executor):
    """One job: each document is done on submission, in this process (so the time budget's
    timer signal reaches it), and the scan's loop is the same for every engine."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever reads the future
            future.set_exception(exc)
        return future


@contextmanager
def executor(jobs: int, engine: str, scheduler: str | None) -> Iterator[Executor]:
    """This process (one job), `jobs` worker processes here, or Dask workers: a LocalCluster
    of `jobs` processes, or the cluster whose scheduler is at `scheduler` (tcp://host:8786)."""
    if engine != "dask" and jobs <= 1:
        yield _Here()
        return
    if engine != "dask":
        from concurrent.futures import ProcessPoolExecutor  # here: one job starts no pool

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield pool
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise CatalogError("--engine dask needs Dask: pip install 'catalog[dask]'") from exc
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            # Dask's own log lines are no error of an input (each is reported on its line);
            # only its critical ones reach the terminal.
            cluster = LocalCluster(
                n_workers=max(jobs, 1),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.CRITICAL,
            )
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        raise CatalogError(
            f"cannot reach the Dask scheduler {scheduler or 'of the LocalCluster'}: {exc}"
        ) from exc
    try:
        pool = client.get_executor()
        yield pool
        pool.shutdown(wait=True)
    finally:
        if cluster is not None:
            # Workers leave through the scheduler before it stops: closing it under them races
            # their heartbeat ("Failed to communicate with scheduler during heartbeat").
            with suppress(Exception):
                client.retire_workers(close_workers=True)
        client.close()
        if cluster is not None:
            cluster.close()
