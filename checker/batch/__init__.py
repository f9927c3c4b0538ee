"""Batch mode: ``newslint batch`` over archives and crawls, on one machine or a Dask cluster.

The modules, in the order a run uses them:

- :mod:`~checker.batch.inputs` lists article files and JSON Lines exports
  (local or fsspec URLs) and cuts them into partitions;
- :mod:`~checker.batch.work` is what a worker does with a partition: check
  each article with the engine (built once per process) and compute its
  LSH band keys;
- :mod:`~checker.batch.job` sends partitions to the cluster and appends the
  report as they come back (:mod:`~checker.batch.output`);
- :mod:`~checker.batch.duplicates` finds near-duplicate articles with a Dask
  shuffle over the band keys, :mod:`~checker.batch.report` turns them into
  ``duplicate-across-files`` findings and clusters.

Importing this package imports neither Dask nor the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.batch.job import BatchOptions, BatchSummary

__all__ = ["BatchOptions", "BatchSummary", "run_batch"]


def run_batch(opts: BatchOptions) -> BatchSummary:
    from checker.batch.job import run_batch as run

    return run(opts)
