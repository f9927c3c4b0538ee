"""The batch job: partitions to a Dask cluster, report lines back as they finish,
then the cross-article duplicate search.

With no scheduler address a local cluster is started on the loopback
interface (one single-threaded worker process per core, no dashboard) and
stopped at the end; with ``tcp://host:8786`` the same job runs on an existing
cluster.  Only the driver writes the report, so the cluster needs read
access to the inputs and nothing else.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from checker.batch.inputs import LinesPart, Listing, Partition, count_newlines, list_inputs, partitions
from checker.batch.output import Done, LineWriter, read_done
from checker.config import Config
from checker.findings import Severity

MIN_PARTITION, MAX_PARTITION = 10, 500
# Dask's own monitors cost CPU per second of wall time, not per article: with the defaults an idle local
# cluster of two workers burned about 0.1 CPU second every second (docs/batch.md), a few per cent of a
# two-core run.  The cluster that batch starts has no one watching its dashboard, so its statistical
# profiler (a sample every 10 ms in each worker) is off and the event-loop and system monitors look
# less often; a cluster of the user's own keeps its settings.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
APPROX_LINE_BYTES = 4096  # a news article as a JSON line, for sizing partitions before reading any


@dataclass(slots=True)
class BatchOptions:
    inputs: list[str]
    output: str
    config: Config = field(default_factory=Config)
    scheduler: str | None = None  # a Dask scheduler address; None starts a local cluster
    client: Any = None  # an existing distributed.Client, used as it is and left open
    jobs: int | None = None  # local worker processes; None: one per core
    processes: bool = True  # local workers as processes (False: threads in this process)
    partition_size: int | None = None  # articles per unit of work; None: sized to the cluster
    duplicates: str | None = None  # where to write clusters; None: no duplicate search
    min_ratio: float = 0.8  # text similarity a candidate pair must reach
    resume: bool = False
    progress: bool = False
    log: Callable[[str], None] | None = None


@dataclass(slots=True)
class BatchSummary:
    articles: int = 0  # checked in this run
    skipped: int = 0  # already in the output (--resume)
    unreadable: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    severities: Counter[str] = field(default_factory=Counter)
    workers: int = 0
    partitions: int = 0
    seconds: float = 0.0
    check_seconds: float = 0.0
    worker_cpu_seconds: float = 0.0
    duplicate_seconds: float = 0.0
    duplicate_cpu_seconds: float = 0.0
    candidates: int = 0
    duplicate_pairs: int = 0
    clusters: int = 0

    @property
    def rate(self) -> float:
        return self.articles / self.check_seconds if self.check_seconds > 0 else 0.0

    def worst(self) -> Severity | None:
        levels = [Severity.parse(s) for s, n in self.severities.items() if n]
        return max(levels, default=None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "skipped": self.skipped,
            "unreadable": self.unreadable,
            "findings": sum(self.findings.values()),
            "findings_per_rule": dict(sorted(self.findings.items())),
            "workers": self.workers,
            "partitions": self.partitions,
            "seconds": round(self.seconds, 3),
            "check_seconds": round(self.check_seconds, 3),
            "articles_per_second": round(self.rate, 1),
            "worker_cpu_seconds": round(self.worker_cpu_seconds, 3),
            "duplicate_seconds": round(self.duplicate_seconds, 3),
            "duplicate_cpu_seconds": round(self.duplicate_cpu_seconds, 3),
            "duplicate_candidates": self.candidates,
            "duplicate_pairs": self.duplicate_pairs,
            "duplicate_clusters": self.clusters,
        }

    def count(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            if record.get("error"):
                self.unreadable += 1
            for finding in record.get("findings", ()):
                self.findings[finding["rule"]] += 1
                self.severities[finding["severity"]] += 1


@contextmanager
def connect(opts: BatchOptions) -> Iterator[Any]:
    """A Dask client for the run: the caller's, a remote scheduler's, or a
    local cluster's that is shut down afterwards."""
    if opts.client is not None:
        yield opts.client
        return
    from distributed import Client, LocalCluster

    if opts.scheduler:
        with Client(opts.scheduler) as client:
            yield client
        return
    import dask

    from checker.runner import default_jobs

    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),
        LocalCluster(**local_cluster_options(opts.jobs or default_jobs(), processes=opts.processes)) as cluster,
        Client(cluster) as client,
    ):
        yield client


def local_cluster_options(workers: int, *, processes: bool = True) -> dict[str, Any]:
    """Options for a ``distributed.LocalCluster`` that listens on loopback only.

    Even with threads, whose workers talk in memory, the scheduler and every
    worker open an HTTP endpoint, on all interfaces unless told otherwise.
    """
    options: dict[str, Any] = {
        "n_workers": workers,
        "threads_per_worker": 1,
        "processes": processes,
        "dashboard_address": "127.0.0.1:0",
        "worker_dashboard_address": "127.0.0.1:0",
        "silence_logs": logging.ERROR,
    }
    if processes:
        options["host"] = "127.0.0.1"
    return options


def number_lines(client: Any, parts: list[Partition]) -> list[Partition]:
    """Tell each part of a JSON Lines export how many lines come before it, so
    that findings carry the line numbers ``newslint check`` gives for the file.
    Counting newlines reads each export once more, in parallel, at disk speed."""
    ranges = [p for p in parts if isinstance(p, LinesPart)]
    if not ranges:
        return parts
    counts = client.gather(client.map(count_newlines, ranges, pure=False))
    before: dict[int, int] = {}
    for url in {p.url for p in ranges}:
        total = 0
        for part, count in sorted(((p, c) for p, c in zip(ranges, counts, strict=True) if p.url == url), key=_start):
            before[part.index] = total
            total += count
    return [replace(p, newlines_before=before[p.index]) if isinstance(p, LinesPart) else p for p in parts]


def _start(item: tuple[LinesPart, int]) -> int:
    return item[0].start


def auto_partition_size(listing: Listing, workers: int) -> int:
    """About eight partitions per worker, so the last ones finish together,
    within bounds that keep the per-task overhead (a few milliseconds) small."""
    articles = len(listing.files) + sum(size for _, size in listing.exports) // APPROX_LINE_BYTES
    return max(MIN_PARTITION, min(MAX_PARTITION, articles // max(1, 8 * workers)))


def _process_cpu() -> tuple[int, float]:
    return os.getpid(), time.process_time()


def cluster_cpu(client: Any) -> float:
    """CPU seconds used so far by this process, the scheduler and every worker
    (each process once, however many workers it holds): a cost that the
    machine's other load cannot inflate, unlike wall time."""
    seen = dict([_process_cpu()])
    try:
        seen.update(client.run(_process_cpu).values())
        seen.update([client.run_on_scheduler(_process_cpu)])
    except (OSError, ValueError, RuntimeError):
        pass  # a scheduler that refuses to run functions: count this process only
    return sum(seen.values())


def lsh_path(output: str) -> str:
    """Where a run keeps its articles' LSH rows, next to the report."""
    return output + ".lsh"


def run_batch(opts: BatchOptions) -> BatchSummary:
    """Check every article of ``opts.inputs`` and write the report; see the package docstring."""
    from distributed import as_completed

    from checker.batch.work import check_partition

    started = time.perf_counter()
    say = opts.log or (lambda message: None)
    summary = BatchSummary()
    listing = list_inputs(opts.inputs, opts.config.exclude)
    done = read_done(opts.output) if opts.resume else Done()
    summary.skipped = len(done.paths)
    want_bands = opts.duplicates is not None
    with ExitStack() as stack:
        client = stack.enter_context(connect(opts))
        summary.workers = len(client.scheduler_info().get("workers", {}))
        size = opts.partition_size or auto_partition_size(listing, summary.workers)
        parts = number_lines(client, partitions(listing, max(1, size), done.paths, done.offsets))
        summary.partitions = len(parts)
        out = stack.enter_context(LineWriter(opts.output, append=opts.resume))
        rows = stack.enter_context(LineWriter(lsh_path(opts.output), append=opts.resume)) if want_bands else None
        errors = [{"path": p, "findings": [], "error": e} for p, e in listing.errors if p not in done.paths]
        out.write_records(errors)
        summary.count(errors)
        say(f"{sum(p.estimate for p in parts):,} articles in {len(parts):,} partitions on {summary.workers} workers")

        check_started = time.perf_counter()
        with _progress(opts.progress, parts) as advance:
            futures = client.map(check_partition, parts, config=opts.config, bands=want_bands, pure=False)
            for future in as_completed(futures):
                result = future.result()
                future.release()
                if rows is not None:
                    # rows first: an article in the report always has its row
                    rows.write_lines(result.lsh_rows)
                out.write_records(result.records)
                summary.articles += len(result.records)
                summary.worker_cpu_seconds += result.cpu_seconds
                summary.count(result.records)
                advance(len(result.records))
        summary.check_seconds = time.perf_counter() - check_started

        if rows is not None and opts.duplicates is not None:
            rows.close()
            say("finding near-duplicate articles")
            _duplicates(client, opts, done, out, summary)
        summary.seconds = time.perf_counter() - started
        out.write_records([{"summary": summary.as_dict()}])
    return summary


def _duplicates(client: Any, opts: BatchOptions, done: Done, out: LineWriter, summary: BatchSummary) -> None:
    from checker.batch.duplicates import find_duplicates
    from checker.batch.report import cluster_records, duplicate_records

    cpu_before = cluster_cpu(client)
    found = find_duplicates(
        client,
        lsh_path(opts.output),
        opts.config,
        min_ratio=opts.min_ratio,
        partitions=max(2, 2 * summary.workers),
    )
    summary.duplicate_seconds = found.seconds
    summary.duplicate_cpu_seconds = cluster_cpu(client) - cpu_before
    summary.candidates = found.candidates
    summary.duplicate_pairs = len(found.pairs)
    records = [r for r in duplicate_records(found, opts.config) if r["path"] not in done.duplicates]
    out.write_records(records)
    summary.count(records)
    clusters = cluster_records(found)
    summary.clusters = len(clusters)
    assert opts.duplicates is not None
    tmp = opts.duplicates + ".tmp"
    with LineWriter(tmp, append=False) as fh:
        fh.write_records(clusters)
    os.replace(tmp, opts.duplicates)


@contextmanager
def _progress(show: bool, parts: list[Partition]) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on standard error: articles done, rate and time left."""
    total = sum(p.estimate for p in parts)
    if not show or not total:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.perf_counter()
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("checking", total=total, rate="-")

        def advance(n: int) -> None:
            # a JSON Lines partition's size is an estimate: let the total grow
            done = bar.tasks[task].completed + n
            elapsed = time.perf_counter() - started
            bar.update(task, advance=n, total=max(total, done), rate=f"{done / elapsed:,.0f}" if elapsed else "-")

        yield advance
