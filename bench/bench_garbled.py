"""garbled-phrase: start-up cost, time per article, accuracy and false alarms.

    python bench/bench_garbled.py                 # everything
    python bench/bench_garbled.py --dev PATH      # another labelled set (default ../shared/eval/dev)

Prints:

- start-up: what loading the lexicon and the detector's data adds, in a fresh
  process (median of several runs, CPU time);
- rule time per 600-word article (CPU time), over the generated corpus of
  ``bench/corpus.py``; the shared tokens layer is timed for comparison only,
  since the rule does not use it;
- precision and recall on the labelled set, line level as ``score.py``
  counts them, with everything on, with the lexicon off (the detector alone:
  the figure for phrases no list has seen) and with the detector off;
- false alarms per 100,000 words on clean copy: ``bench/clean-copy`` (news
  written for this purpose), the clean articles of the labelled set, and
  Python's own reference documentation (``pydoc_data``) as a larger sample of
  edited, non-news prose.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from checker.analysis import Facts  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.engine import Engine  # noqa: E402
from checker.readers import ReadOptions, read_bytes  # noqa: E402

RULE = "garbled-phrase"
DEV = ROOT.parent / "shared" / "eval" / "dev"
CLEAN_DEV = ("02", "06", "09", "12", "16", "21", "25", "30", "34", "38")

_LOAD = """
import time
from pathlib import Path
import checker  # the package itself is loaded by every run; measure what the rule adds
t = time.process_time()
from checker.garbled.lexicon import load_lexicon
from checker.garbled.expressions import load_expressions
from checker.garbled.model import load_model
from checker.garbled.idioms import load_frozen
rules = Path({rules!r})
load_lexicon((rules / "garbled-lexicon.tsv",))
load_model(rules / "data" / "garbled-model.tsv")
load_expressions(rules / "data" / "garbled-expressions.tsv")
load_frozen(rules / "data" / "garbled-idioms.tsv")
print(time.process_time() - t)
"""


def startup(runs: int = 5) -> float:
    code = _LOAD.format(rules=str(ROOT / "rules"))
    times = [float(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT, text=True)) for _ in range(runs)]
    return statistics.median(times)


def engine(**params: object) -> Engine:
    return Engine(Config(select=[RULE], rules={RULE: dict(params)}))


def per_article(n: int = 200) -> tuple[float, float, float, int]:
    """CPU time of the rule per 600-word article: the first pass over ``n`` articles (which parses the
    parts of the data the copy needs, once per process) and a second pass (the steady state of a long
    run), and of the shared tokens layer for comparison."""
    from corpus import generate  # the shared corpus generator in bench/

    eng = engine()
    (rule,) = eng.document_rules
    docs = []
    words = 0
    for name, text in generate(n, seed=11):
        (doc,) = read_bytes(text.encode("utf-8"), f"{name}.txt", None, ReadOptions())
        docs.append(doc)
        words += len(text.split())
    passes = []
    tokens = 0.0
    for _ in range(2):
        spent = 0.0
        for doc in docs:
            facts = Facts(doc)
            started = time.process_time()
            facts.get("tokens")
            tokens += time.process_time() - started
            started = time.process_time()
            list(rule.run(doc, facts))
            spent += time.process_time() - started
        passes.append(spent)
    scale = 600 / (words / n) * 1000 / n
    return passes[0] * scale, passes[1] * scale, tokens / 2 * scale, words


def score(dev: Path, **params: object) -> tuple[int, int, int, float, float]:
    labels: dict[tuple[str, int], bool] = {}
    for raw in (dev / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if raw.strip():
            lab = json.loads(raw)
            if lab["rule"] == RULE:
                key = (lab["file"], lab["line"])
                labels[key] = labels.get(key, False) or not lab.get("optional", False)
    eng = engine(**params)
    hit: set[tuple[str, int]] = set()
    fp = 0
    for path in sorted(dev.glob("*.txt")):
        for result in eng.check_path(str(path)):
            for d in result.result.diagnostics:
                key = (path.name, d.line)
                if key in labels:
                    hit.add(key)
                else:
                    fp += 1
    tp = sum(1 for k in hit if labels[k])
    required = sum(labels.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    return tp, fp, required - tp, precision, tp / required if required else 0.0


def false_alarms(texts: dict[str, str]) -> tuple[int, int, list[str]]:
    eng = engine()
    words = 0
    found: list[str] = []
    for name, text in texts.items():
        words += len(text.split())
        for result in eng.check_path(f"{name}.txt", data=text.encode("utf-8")):
            found += [f"{name}:{d.line}: {d.excerpt}" for d in result.result.diagnostics]
    return words, len(found), found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument(
        "--clean",
        type=Path,
        action="append",
        default=[],
        help="a folder of clean news (*.txt) to count false alarms on",
    )
    ap.add_argument("--quick", action="store_true", help="only the scores and the false alarms")
    args = ap.parse_args()

    # CPU time, not wall time: on a shared machine the wall clock measures the neighbours
    if not args.quick:
        print(f"start-up (lexicon + detector data, fresh process): {startup() * 1000:.0f} ms of CPU")
        first_ms, then_ms, tokens_ms, _ = per_article()
        print(
            f"rule time per 600-word article: {first_ms:.2f} ms of CPU over the first 200 articles, {then_ms:.2f} ms "
            f"thereafter (tokens layer for comparison: {tokens_ms:.2f} ms)"
        )

    if (args.dev / "labels.jsonl").is_file():
        for label, params in (
            ("everything on", {}),
            ("lexicon off (detector alone)", {"lexicon": False}),
            ("detector off (lexicon alone)", {"detector": False}),
        ):
            tp, fp, fn, p, r = score(args.dev, **params)
            print(f"{args.dev.name} {label:30} TP {tp:3} FP {fp:3} FN {fn:3}  P {p:.2f}  R {r:.2f}")

    clean: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted((ROOT / "bench" / "clean-copy").glob("*.txt")):
        clean["news written for the benchmark"][path.stem] = path.read_text(encoding="utf-8")
    for path in sorted(args.dev.glob("dev-*.txt")):
        if path.name[4:6] in CLEAN_DEV:
            clean["clean articles of the labelled set"][path.stem] = path.read_text(encoding="utf-8")
    for folder in args.clean:
        for path in sorted(folder.glob("*.txt")):
            clean[f"news in {folder}"][path.stem] = path.read_text(encoding="utf-8")
    try:
        import pydoc_data.topics

        clean["Python reference prose"] = dict(pydoc_data.topics.topics)
    except ImportError:
        pass
    total_words = total_found = 0
    for label, texts in clean.items():
        words, n, found = false_alarms(texts)
        total_words += words
        total_found += n
        print(f"false alarms, {label}: {n} in {words} words ({n / words * 100_000:.1f} per 100,000)")
        for line in found[:40]:
            print(f"    {line}")
    print(f"false alarms, all clean copy: {total_found / total_words * 100_000:.1f} per 100,000 words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
