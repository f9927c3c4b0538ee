"""What the quotation rules cost: milliseconds per 600-word article.

    .venv/bin/python bench/bench_quotes.py [--articles 200] [--repeat 5]

Reads each article once (as ``newslint check`` does), then times, per
article: the quotations, mentions and attributions layers, and the
``unattributed-quote`` and ``unintroduced-speaker`` rules on top of them.
The last row is the CPU time of the whole, which other processes on a busy
machine inflate less than wall-clock time.
The figures are scaled to a 600-word article.  Articles come from
``bench/corpus.py`` plus the dev set when it is present next to the checkout.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.corpus import generate  # noqa: E402
from checker.analysis import Facts  # noqa: E402
from checker.analysis.people import LEXICON_OPTION  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.engine import Engine  # noqa: E402
from checker.readers import read_bytes  # noqa: E402

DEV = HERE.parent.parent / "shared" / "eval" / "dev"
RULES = ("unattributed-quote", "unintroduced-speaker")


def articles(count: int) -> list[tuple[str, str]]:
    out = list(generate(count, seed=11))
    if DEV.is_dir():
        out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("dev-*.txt"))]
    return out


def reference_loop_ms() -> float:
    """CPU time of a fixed pure-Python loop: a yardstick for how fast this
    machine is right now (an idle current x86 core takes about 35 ms)."""
    best = math.inf
    for _ in range(5):
        started = time.process_time()
        total = 0
        for i in range(1_000_000):
            total += i
        best = min(best, time.process_time() - started)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    engine = Engine(Config(select=list(RULES)))
    rules = [r for r in engine.rules if r.id in RULES]
    docs = [read_bytes(text.encode("utf-8"), name + ".txt")[0] for name, text in articles(args.articles)]
    for doc in docs[:5]:  # warm up: imports, word lists, compiled patterns
        facts = Facts(doc)
        for rule in rules:
            list(rule.run(doc, facts))
    # the lexicon the rules hand the layers; timed layers must see the same one
    lexicon = rules[0].lexicon  # type: ignore[attr-defined]

    # the best of the repeats for each article: the cost of the code, not of
    # whatever else the machine was doing at that moment

    stages = ("quotations", "mentions", "attributions", "rules", "total", "cpu")
    best = {s: [math.inf] * len(docs) for s in stages}
    findings = 0
    for _ in range(args.repeat):
        for i, doc in enumerate(docs):
            scale = 600 / max(1, len(doc.text.split()))
            facts = Facts(doc, {LEXICON_OPTION: lexicon})
            c0 = time.process_time()
            marks = [time.perf_counter()]
            for layer in ("quotations", "mentions", "attributions"):
                facts.get(layer)
                marks.append(time.perf_counter())
            for rule in rules:
                findings += len(list(rule.run(doc, facts)))
            marks.append(time.perf_counter())
            c1 = time.process_time()
            for k, s in enumerate(("quotations", "mentions", "attributions", "rules")):
                best[s][i] = min(best[s][i], (marks[k + 1] - marks[k]) * 1000 * scale)
            best["total"][i] = min(best["total"][i], (marks[-1] - marks[0]) * 1000 * scale)
            best["cpu"][i] = min(best["cpu"][i], (c1 - c0) * 1000 * scale)

    def row(name: str, values: list[float]) -> str:
        values = sorted(values)
        p95 = values[max(0, int(len(values) * 0.95) - 1)]
        return f"{name:<22} {statistics.mean(values):8.3f} {statistics.median(values):8.3f} {p95:8.3f}"

    per_pass = findings // args.repeat
    print(f"{len(docs)} articles, best of {args.repeat}; ms per 600-word article; {per_pass} findings a pass")
    print(f"reference: a 1e6-step Python loop takes {reference_loop_ms():.0f} ms of CPU on this machine now")
    print(f"{'stage':<22} {'mean':>8} {'median':>8} {'p95':>8}")
    for s in stages:
        name = {"total": "both rules, all layers", "cpu": "the same, CPU time"}.get(s, s)
        print(row(name, best[s]))


if __name__ == "__main__":
    main()
