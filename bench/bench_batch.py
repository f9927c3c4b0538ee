"""Scaling figures for `newslint batch`: throughput, overhead against
`newslint check --jobs`, and the growth of the near-duplicate search.

    python bench/bench_batch.py throughput --sizes 1000 10000 --workers 1 2
    python bench/bench_batch.py overhead --size 10000
    python bench/bench_batch.py duplicates --sizes 10000 30000 100000

Corpora come from bench/corpus.py (seed 0) and are written once under
--workdir.  Every run is the real command line in a child process; wall time
is measured around it and CPU time from the child's resource usage (which
counts the driver, the Dask scheduler and every worker process), so a busy
machine shows up as wall time but barely moves the CPU figures.  Each result
is printed as one JSON line and appended to --results.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.corpus import write_folder  # noqa: E402

NEWSLINT = str(Path(sys.executable).with_name("newslint"))


def corpus(workdir: Path, n: int) -> Path:
    folder = workdir / f"corpus-{n}"
    marker = folder / ".complete"
    if not marker.exists():
        write_folder(n, 0, folder)
        marker.write_text("ok")
    return folder


def timed(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd``; its wall time and the CPU time of it and its descendants."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # exit code 1 means findings, but also an uncaught error: the report's last line tells them apart
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "load": round(os.getloadavg()[0], 1)}


def last_summary(output: Path) -> dict[str, Any]:
    with output.open(encoding="utf-8") as fh:
        lines = fh.readlines()
    summary: dict[str, Any] = json.loads(lines[-1])["summary"]
    return summary


def run_batch(folder: Path, n: int, workers: int, workdir: Path, extra: list[str], tag: str) -> dict[str, Any]:
    out = workdir / f"{tag}-{n}-{workers}.jsonl"
    cmd = [NEWSLINT, "batch", str(folder), "-o", str(out), "--no-config", "-j", str(workers), "--no-progress", *extra]
    row = timed(cmd)
    s = last_summary(out)
    row.update(
        articles=n,
        workers=workers,
        check_phase_s=s["check_seconds"],
        articles_per_s=round(n / row["wall_s"], 1),
        check_phase_articles_per_s=s["articles_per_second"],
        worker_cpu_ms_per_article=round(1000 * s["worker_cpu_seconds"] / n, 2),
        cpu_ms_per_article=round(1000 * row["cpu_s"] / n, 2),
        duplicate_s=s["duplicate_seconds"],
        duplicate_candidates=s["duplicate_candidates"],
        duplicate_pairs=s["duplicate_pairs"],
        duplicate_clusters=s["duplicate_clusters"],
    )
    return row


def run_check(folder: Path, n: int, jobs: int, workdir: Path, extra: list[str]) -> dict[str, Any]:
    out = workdir / f"check-{n}.json"
    cmd = [NEWSLINT, "check", str(folder), "--format", "json", "-o", str(out), "--no-config", "-j", str(jobs), *extra]
    row = timed(cmd)
    row.update(
        articles=n,
        jobs=jobs,
        articles_per_s=round(n / row["wall_s"], 1),
        cpu_ms_per_article=round(1000 * row["cpu_s"] / n, 2),
    )
    return row


def emit(results: Path, kind: str, row: dict[str, Any]) -> None:
    row = {"bench": kind, **row}
    line = json.dumps(row)
    print(line, flush=True)
    with results.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["throughput", "overhead", "duplicates"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--size", type=int, default=10000, help="articles for the overhead comparison")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/newslint-bench"))
    parser.add_argument("--results", type=Path, default=HERE / "results" / "batch.jsonl")
    parser.add_argument(
        "--select", default=None, help="rules to run (comma-separated); the duplicate bench defaults to one cheap rule"
    )
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    select = ["--select", args.select] if args.select else []

    if args.what == "throughput":
        for n in args.sizes:
            folder = corpus(args.workdir, n)
            for w in args.workers:
                emit(args.results, "throughput", run_batch(folder, n, w, args.workdir, select, "throughput"))
    elif args.what == "overhead":
        folder = corpus(args.workdir, args.size)
        # alternate, so that a change in the machine's load hits both alike
        emit(args.results, "overhead-check", run_check(folder, args.size, 2, args.workdir, select))
        emit(args.results, "overhead-batch", run_batch(folder, args.size, 2, args.workdir, select, "overhead"))
    else:
        # the search's cost does not depend on the rules: run a cheap one so the check phase stays short
        select = select or ["--select", "boilerplate"]
        for n in args.sizes:
            folder = corpus(args.workdir, n)
            clusters = args.workdir / f"clusters-{n}.jsonl"
            row = run_batch(folder, n, 2, args.workdir, [*select, "--duplicates", str(clusters)], "duplicates")
            summary = last_summary(args.workdir / f"duplicates-{n}-2.jsonl")
            row["duplicate_cpu_s"] = summary.get("duplicate_cpu_seconds")
            row["duplicate_cpu_us_per_article"] = round(1e6 * (row["duplicate_cpu_s"] or 0) / n, 1)
            emit(args.results, "duplicates", row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
