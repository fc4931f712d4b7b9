"""Where extraction runs: this machine's worker processes, or Dask workers (a LocalCluster, or
a real cluster given by its scheduler's address). Either way an Executor: the scan submits
documents to it and stores the results itself, in input order."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from catalog.errors import CatalogError

__all__ = ["ENGINES", "executor"]

ENGINES = ("local", "dask")


@contextmanager
def executor(jobs: int, engine: str, scheduler: str | None) -> Iterator[Executor]:
    """`jobs` worker processes here, or Dask workers: a LocalCluster of `jobs` processes, or
    the cluster whose scheduler is at `scheduler` (e.g. tcp://10.0.0.5:8786)."""
    if engine != "dask":
        with ProcessPoolExecutor(max_workers=max(jobs, 1)) as pool:
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
            cluster = LocalCluster(
                n_workers=max(jobs, 1), threads_per_worker=1, processes=True, dashboard_address=None
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
        client.close()
        if cluster is not None:
            cluster.close()
