"""How cross-file duplicate detection scales: 1k, 10k and 100k paragraphs.

    .venv/bin/python bench/bench_duplicates.py [--sizes 1000,10000,100000]

Builds synthetic articles of ten paragraphs each (random sentences over a
vocabulary of made-up words, so that unrelated paragraphs share little, as in
real copy), copies 2% of the paragraphs into later articles with a word or
two changed, runs ``duplicate-across-files`` over them as ``newslint check``
does (a summary per document, then one pass over all summaries), and prints
the CPU time of each stage (CPU time, not wall-clock time, so that other
work on the machine does not blur the figures), the CPU time per paragraph
and how many planted copies were found.  Near-linear growth shows as a flat
"µs/paragraph" column.
"""

from __future__ import annotations

import argparse
import random
import string
import time

from checker.config import Config
from checker.engine import DocumentResult, Engine

PARAGRAPHS_PER_ARTICLE = 10
COPY_SHARE = 0.02


def vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9))))
    return sorted(words)


def corpus(n_paragraphs: int, seed: int = 1) -> tuple[list[str], int]:
    """Article texts, and how many paragraphs were planted as copies of earlier ones."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    # a Zipf-like choice, so that common words recur as they do in prose
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    paragraphs: list[str] = []
    planted = 0
    for i in range(n_paragraphs):
        if paragraphs and i >= PARAGRAPHS_PER_ARTICLE and rng.random() < COPY_SHARE:
            source = paragraphs[rng.randrange(0, i - i % PARAGRAPHS_PER_ARTICLE)].split()
            for _ in range(2):  # a light edit
                source[rng.randrange(len(source))] = rng.choice(vocab)
            paragraphs.append(" ".join(source))
            planted += 1
            continue
        words = rng.choices(vocab, weights, k=rng.randint(25, 45))
        paragraphs.append(" ".join(words).capitalize() + ".")
    articles = []
    for start in range(0, n_paragraphs, PARAGRAPHS_PER_ARTICLE):
        body = paragraphs[start : start + PARAGRAPHS_PER_ARTICLE]
        articles.append(f"Article {start // PARAGRAPHS_PER_ARTICLE}\n\n" + "\n\n".join(body) + "\n")
    return articles, planted


def run(n_paragraphs: int) -> dict[str, float]:
    articles, planted = corpus(n_paragraphs)
    engine = Engine(Config(select=["duplicate-across-files"]))
    # load the libraries first, so that their import is not billed to the first size
    engine.finish_corpus(engine.check_path("warm-up.txt", data=articles[0].encode("utf-8")))
    started = time.process_time()
    results: list[DocumentResult] = []
    for i, text in enumerate(articles):
        results.extend(engine.check_path(f"article-{i:06}.txt", data=text.encode("utf-8")))
    summarized = time.process_time()
    engine.finish_corpus(results)
    finished = time.process_time()
    found = sum(len(r.result.diagnostics) for r in results)
    return {
        "paragraphs": n_paragraphs,
        "articles": len(articles),
        "summarize": summarized - started,
        "finish": finished - summarized,
        "planted": planted,
        "found": found,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated paragraph counts")
    args = ap.parse_args()
    header = (
        f"{'paragraphs':>10} {'articles':>8} {'summarize s':>11} {'finish s':>9} {'total s':>8} "
        f"{'µs/paragraph':>12} {'planted':>7} {'found':>6}"
    )
    print(header)
    for size in (int(s) for s in args.sizes.split(",")):
        r = run(size)
        total = r["summarize"] + r["finish"]
        print(
            f"{r['paragraphs']:>10,} {r['articles']:>8,} {r['summarize']:>11.2f} {r['finish']:>9.2f} {total:>8.2f} "
            f"{1e6 * total / size:>12.0f} {r['planted']:>7,} {r['found']:>6,}",
            flush=True,
        )


if __name__ == "__main__":
    main()
