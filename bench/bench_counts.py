"""What the conflicting-count rule costs: milliseconds per 600-word article.

    .venv/bin/python bench/bench_counts.py [--articles 200] [--repeat 3]

Reads each article once (as ``newslint check`` does), then times, in CPU
time of this thread (so that other work on a busy machine does not count),
per article: the sentences layer (shared with other rules, so shown apart), the
quantities layer, and the rule itself.  The figures are scaled to a 600-word
article.  Articles come from ``bench/corpus.py`` plus the dev set when it is
present next to the checkout.
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
from checker.config import Config  # noqa: E402
from checker.engine import Engine  # noqa: E402
from checker.readers import read_bytes  # noqa: E402

DEV = HERE.parent.parent / "shared" / "eval" / "dev"


def articles(count: int) -> list[tuple[str, str]]:
    out = list(generate(count, seed=11))
    if DEV.is_dir():
        out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("dev-*.txt"))]
    return out


def reference_us() -> float:
    """A fixed piece of pure Python, timed, so that figures from two machines can be compared."""
    best = math.inf
    for _ in range(50):
        t0 = time.thread_time()
        sum(range(10_000))
        best = min(best, time.thread_time() - t0)
    return best * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    engine = Engine(Config(select=["conflicting-count"]))
    (rule,) = [r for r in engine.rules if r.id == "conflicting-count"]
    items = articles(args.articles)
    docs = [read_bytes(text.encode("utf-8"), name + ".txt")[0] for name, text in items]
    # warm up: imports, compiled patterns, the category table
    for doc in docs[:5]:
        list(rule.run(doc, Facts(doc)))

    # the best of the repeats for each article: the cost of the code, not of
    # whatever else the machine was doing at that moment
    per_layer = [math.inf] * len(docs)
    per_rule = [math.inf] * len(docs)
    per_sentences = [math.inf] * len(docs)
    findings = 0
    for _ in range(args.repeat):
        for i, doc in enumerate(docs):
            words = max(1, len(doc.text.split()))
            scale = 600 / words
            facts = Facts(doc)
            t0 = time.thread_time()
            facts.get("sentences")
            t1 = time.thread_time()
            facts.get("quantities")
            t2 = time.thread_time()
            findings += len(list(rule.run(doc, facts)))
            t3 = time.thread_time()
            per_sentences[i] = min(per_sentences[i], (t1 - t0) * 1000 * scale)
            per_layer[i] = min(per_layer[i], (t2 - t1) * 1000 * scale)
            per_rule[i] = min(per_rule[i], (t3 - t2) * 1000 * scale)

    def row(name: str, values: list[float]) -> str:
        values = sorted(values)
        p95 = values[max(0, int(len(values) * 0.95) - 1)]
        return f"{name:<22} {statistics.mean(values):8.3f} {statistics.median(values):8.3f} {p95:8.3f}"

    print(f"best of {args.repeat} runs; CPU ms per 600-word article; {findings // args.repeat} findings a pass")
    print(f"machine reference: sum(range(10_000)) takes {reference_us():.0f} µs of CPU here")
    for label, chosen in (
        ("generated", [i for i, (name, _) in enumerate(items) if not name.startswith("dev-")]),
        ("dev set", [i for i, (name, _) in enumerate(items) if name.startswith("dev-")]),
    ):
        if not chosen:
            continue
        print(f"\n{label}: {len(chosen)} articles")
        print(f"{'stage':<22} {'mean':>8} {'median':>8} {'p95':>8}")
        print(row("sentences (shared)", [per_sentences[i] for i in chosen]))
        print(row("quantities layer", [per_layer[i] for i in chosen]))
        print(row("conflicting-count", [per_rule[i] for i in chosen]))
        print(row("layer + rule", [per_layer[i] + per_rule[i] for i in chosen]))


if __name__ == "__main__":
    main()
