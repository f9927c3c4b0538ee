"""The newslint benchmark, side by side with proselint on the same corpus.

    .venv/bin/python bench/run.py                  # the full table (a few minutes)
    .venv/bin/python bench/run.py --articles 100 --repeat 1 --large-mb 1   # a quick look
    .venv/bin/python bench/run.py --only cold --repeat 10                  # the cold start alone

Every figure comes from the real command line in a child process.  Wall time
is measured around the child; CPU time (user + system) and peak memory come
from the child's resource usage, read from /proc while it runs so that worker
processes count too (peak memory is the largest sum of resident memory over
the whole process tree).  These machines are noisy: each measurement is
repeated, newslint and proselint runs are interleaved, and the best run is
kept; only the ratios measured side by side in one run are meaningful.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.corpus import generate, large_article  # noqa: E402

BIN = Path(sys.executable).parent
NEWSLINT = str(BIN / "newslint")
PROSELINT = str(BIN / "proselint")
PAGE = os.sysconf("SC_PAGE_SIZE")
# an installed package runs from byte code compiled at install time; a
# checkout with PYTHONDONTWRITEBYTECODE set would recompile every module on
# every run and measure the compiler instead of the checker
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def _rss(pid: int) -> int:
    """The process's proportional set size: its resident memory, with pages
    shared between processes (a forked worker's inherited tables) divided
    among them, so that a process tree's sum is the memory it really holds."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def measure(cmd: list[str], *, poll: float | None = 0.02, retry: bool = True) -> Run:
    """Run ``cmd`` (output discarded); its wall time, CPU time and peak memory
    (of its process tree, polled every ``poll`` seconds; with ``poll`` None,
    of its own process only, for a command that starts no others)."""
    with tempfile.TemporaryFile() as errors:
        return _measure(cmd, errors, poll=poll, retry=retry)


def _measure(cmd: list[str], errors: IO[bytes], *, poll: float | None, retry: bool) -> Run:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, env=ENV)
    peak = 0
    if poll is None:  # no polls: the run's own resident peak, and no reader of /proc slowing it
        _, status, usage = os.wait4(proc.pid, 0)
    while poll is not None:
        try:
            _, status, usage = os.wait4(proc.pid, os.WNOHANG)
        except ChildProcessError:  # pragma: no cover
            break
        if _ != 0:
            break
        peak = max(peak, sum(_rss(p) for p in _tree(proc.pid)))
        time.sleep(poll)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        if retry:
            print(f"  (exit status {proc.returncode} from {' '.join(cmd[:4])} ...; running it again)", file=sys.stderr)
            return measure(cmd, poll=poll, retry=False)
        errors.seek(0)
        tail = errors.read().decode("utf-8", "replace")[-600:]
        raise SystemExit(f"{' '.join(cmd)} failed with exit status {proc.returncode}:\n{tail}")
    # the largest single process's resident peak (KiB) counts too: a short
    # run can peak between two polls
    peak = max(peak, usage.ru_maxrss * 1024)
    return Run(wall, usage.ru_utime + usage.ru_stime, peak / 2**20)


def best(cmd: list[str], repeat: int) -> Run:
    runs = [measure(cmd) for _ in range(repeat)]
    return Run(min(r.wall for r in runs), min(r.cpu for r in runs), max(r.peak_mib for r in runs))


def side_by_side(a: list[str], b: list[str], repeat: int, *, poll: float | None = 0.02) -> tuple[Run, Run]:
    """Best of ``repeat`` runs each, interleaved so both see the same machine."""
    ra, rb = [], []
    for _ in range(repeat):
        ra.append(measure(a, poll=poll))
        rb.append(measure(b, poll=poll))

    def pick(runs: list[Run]) -> Run:
        return Run(min(r.wall for r in runs), min(r.cpu for r in runs), max(r.peak_mib for r in runs))

    return pick(ra), pick(rb)


def newslint_check(paths: list[str], jobs: int = 1, *extra: str, config: Path | None = None) -> list[str]:
    settings = ["--config", str(config)] if config else ["--no-config"]
    return [NEWSLINT, "check", *settings, "--quiet", "--no-progress", "--jobs", str(jobs), *extra, *paths]


def proselint_check(paths: list[str]) -> list[str]:
    return [PROSELINT, "check", *paths]


def timings(paths: list[str]) -> list[tuple[str, float]]:
    """``newslint check --timings``: milliseconds per document per rule and layer."""
    proc = subprocess.run(newslint_check(paths, 1, "--timings"), capture_output=True, text=True, check=False, env=ENV)
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"\s+((?:rule|analysis):\S+|all rules.*?)\s+([\d.]+)$", line)
        if m:
            rows.append((m.group(1), float(m.group(2))))
    return rows


def row(label: str, ours: float, peer: float | None, unit: str, *, higher_is_better: bool) -> str:
    if peer is None:
        return f"  {label:44} {ours:12,.1f} {'':>12} {'':>9}  {unit}"
    ratio = ours / peer if peer else float("inf")
    note = "better" if (ratio > 1) == higher_is_better and ratio != 1 else ""
    return f"  {label:44} {ours:12,.1f} {peer:12,.1f} {ratio:8.2f}x  {unit} {note}".rstrip()


def _prepare(one: str) -> None:
    """Byte code as an install leaves it, and a warm page cache, for both programs."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "checker")], check=True, env=ENV)
    measure(newslint_check([one]))
    measure(proselint_check([one]))


def cold_start(one: str, repeat: int) -> None:
    """The rows of a single-file check and of ``--version``, each program started afresh."""
    # one process each, waited for without polls: a poll every fiftieth of a
    # second would round both wall times up to the same step, and reading
    # /proc more often slows the process read
    nc, pc = side_by_side(newslint_check([one]), proselint_check([one]), repeat, poll=None)
    print(row("cold start, check one article (ms, wall)", 1000 * nc.wall, 1000 * pc.wall, "ms", higher_is_better=False))
    print(row("cold start, check one article (ms, CPU)", 1000 * nc.cpu, 1000 * pc.cpu, "ms", higher_is_better=False))
    print(row("peak memory, one article", nc.peak_mib, pc.peak_mib, "MiB", higher_is_better=False))
    nv, pv = side_by_side([NEWSLINT, "--version"], [PROSELINT, "version"], repeat, poll=None)
    print(row("cold start, --version (ms, wall)", 1000 * nv.wall, 1000 * pv.wall, "ms", higher_is_better=False))
    print(row("cold start, --version (ms, CPU)", 1000 * nv.cpu, 1000 * pv.cpu, "ms", higher_is_better=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark newslint against proselint on one generated corpus.")
    parser.add_argument("--articles", type=int, default=500, help="articles in the throughput corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of each measurement (the best is kept); the large-input pair runs once",
    )
    parser.add_argument("--large-mb", type=float, default=5.0, help="size of the one very large article")
    parser.add_argument("--workdir", type=Path, default=None, help="where the corpus is written (default: a temp dir)")
    parser.add_argument(
        "--only",
        choices=["cold"],
        default=None,
        help="only these rows: 'cold' is the cold start (one article, and --version), in a few seconds",
    )
    args = parser.parse_args(argv)
    if args.only == "cold":
        args.articles, args.large_mb = 1, 0.0
    if not Path(PROSELINT).exists():
        raise SystemExit(f"{PROSELINT} is missing: pip install -e '.[bench]'")

    with tempfile.TemporaryDirectory(prefix="newslint-bench-") as tmp:
        work = args.workdir or Path(tmp)
        folder = work / f"corpus-{args.articles}-{args.seed}"
        folder.mkdir(parents=True, exist_ok=True)
        words = 0
        paths = []
        for name, text in generate(args.articles, args.seed):
            (folder / name).write_text(text, encoding="utf-8")
            paths.append(str(folder / name))
            words += len(text.split())
        one = paths[0]
        if args.only == "cold":
            _prepare(one)
            print(f"one article of {words:,} words (seed {args.seed}); {len(os.sched_getaffinity(0))} cores")
            print(f"  {'':44} {'newslint':>12} {'proselint':>12} {'ratio':>9}")
            cold_start(one, max(3, args.repeat))
            return 0
        size = int(args.large_mb * 1_000_000)
        big = work / "large-article.txt"
        big.write_text(large_article(size, args.seed), encoding="utf-8")
        # ordinary articles adding up to the same size, one file each
        same_size, total = [], 0
        for name, text in generate(10_000, args.seed + 1):
            if total >= size:
                break
            p = work / "same-size" / name
            p.parent.mkdir(exist_ok=True)
            p.write_text(text, encoding="utf-8")
            same_size.append(str(p))
            total += len(text.encode("utf-8"))

        cores = len(os.sched_getaffinity(0))
        print(
            f"corpus: {args.articles} articles, {words:,} words (seed {args.seed}); "
            f"{cores} cores; best of {args.repeat}"
        )
        print(f"  {'':44} {'newslint':>12} {'proselint':>12} {'ratio':>9}")

        _prepare(one)

        n1, p1 = side_by_side(newslint_check(paths, 1), proselint_check(paths), args.repeat)
        print(
            row(
                "throughput, 1 process (articles/s, wall)",
                args.articles / n1.wall,
                args.articles / p1.wall,
                "articles/s",
                higher_is_better=True,
            )
        )
        print(
            row(
                "throughput, 1 process (words/s, wall)",
                words / n1.wall,
                words / p1.wall,
                "words/s",
                higher_is_better=True,
            )
        )
        print(
            row(
                "throughput, 1 process (articles per CPU-s)",
                args.articles / n1.cpu,
                args.articles / p1.cpu,
                "articles/CPU-s",
                higher_is_better=True,
            )
        )
        print(row("peak memory, 1 process", n1.peak_mib, p1.peak_mib, "MiB", higher_is_better=False))
        # timed beside proselint again, and with no reader of /proc: with both cores busy, the reader's
        # polls would take their time from newslint's workers (proselint leaves it a core); the memory of
        # the process tree comes from a run of its own
        n2, p2 = side_by_side(newslint_check(paths, 2), proselint_check(paths), args.repeat, poll=None)
        m2 = measure(newslint_check(paths, 2))
        print(
            row(
                "throughput, --jobs 2 (articles/s, wall)",
                args.articles / n2.wall,
                args.articles / p2.wall,
                "articles/s",
                higher_is_better=True,
            )
        )
        print(
            row(
                "throughput, --jobs 2 (words/s, wall)",
                words / n2.wall,
                words / p2.wall,
                "words/s",
                higher_is_better=True,
            )
        )
        print(row("peak memory, --jobs 2 (all processes)", m2.peak_mib, p1.peak_mib, "MiB", higher_is_better=False))
        print(row("--jobs 2 speed-up over 1 process", n1.wall / n2.wall, None, "x", higher_is_better=True))

        cold_start(one, max(3, args.repeat))

        # the default per-file time limit guards an editor's save, not a benchmark on a busy machine
        settings = work / "bench-newslint.toml"
        settings.write_text("timeout = 3600\n", encoding="utf-8")
        nb, ns = side_by_side(
            newslint_check([str(big)], config=settings), newslint_check(same_size, config=settings), 1
        )
        print(
            f"\nvery large input: one {size / 1e6:g} MB article against {len(same_size)} ordinary articles "
            f"of the same total size (newslint, 1 process)"
        )
        print(f"  one large article      {nb.wall:8.2f} s wall {nb.cpu:8.2f} s CPU {nb.peak_mib:7.1f} MiB")
        print(f"  ordinary articles      {ns.wall:8.2f} s wall {ns.cpu:8.2f} s CPU {ns.peak_mib:7.1f} MiB")
        print(f"  ratio (target < 10x)   {nb.wall / ns.wall:8.2f} x wall {nb.cpu / ns.cpu:6.2f} x CPU")

        print(
            f"\ncost per article of each rule and analysis layer (newslint check --timings, {args.articles} "
            "articles, 1 process), ms:"
        )
        rows = timings(paths)
        for label, ms in rows:
            print(f"  {label:44} {ms:9.3f}")
        print(f"  {'whole command, per article (wall, throughput run)':44} {1000 * n1.wall / args.articles:9.3f}")
        print(f"  {'whole command, per article (CPU, throughput run)':44} {1000 * n1.cpu / args.articles:9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
