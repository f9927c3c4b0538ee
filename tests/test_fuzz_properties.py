"""Property-based tests over every reader and the whole pipeline: for any
input, no exception escapes, every finding's span lies inside the document
and maps to a real line and column of the file, and the output is the same
on a second run.  The properties live in ``fuzz/pipeline.py``, shared with
the coverage-guided fuzz targets; see fuzz/README.md for the long runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "fuzz"))

from pipeline import FORMATS, check_input, check_reader
from seeds import docx_bytes, seeds

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)

# the pieces news copy is made of, and the marks that trip readers and rules up
WORDS = [
    "police", "said", "Maria", "Lopez", "the", "mayor", "Kabul", "people", "killed", "at", "least", "12",
    "1.5", "million", "3,000", "dozen", "Mr", "Dr.", "U.S.", "she", "told", "reporters", "Advertisement",
    "\"", "\u201c", "\u201d", "'", "\u2018", "\u2019", ",", ".", "...", "!", "?", ":", "\u2014", "-", "(", ")",
    "\n", "\n\n", "\r\n", "\r", "\t", "  ", "#", ">", "*", "_", "`", "[", "]", "<p>", "</p>", "<b>", "<!--",
    "-->", "&amp;", "&#x201c;", "&", "<", "\\", "{", "}", "\u00e9", "\u0301", "\U0001f600", "\ufeff", "\x00",
    "newslint-disable-next-line", "<!-- newslint-disable -->", "seven", "hundred", "per cent", "%", "$",
]  # fmt: skip

copy = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=80).map(" ".join)
formats = st.sampled_from([f for f in FORMATS if f != "docx"])


def encoded(text: str, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"headline": text[:40], "body": text}).encode()
    if fmt == "jsonl":
        return "\n".join(json.dumps({"id": str(i), "body": part}) for i, part in enumerate(text.split("\n\n"))).encode()
    return text.encode("utf-8", "surrogatepass")


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(FORMATS))
def test_any_bytes_through_every_reader(data: bytes, fmt: str) -> None:
    check_reader(data, fmt)


@SETTINGS
@given(copy, formats)
def test_news_like_copy_through_the_whole_pipeline(text: str, fmt: str) -> None:
    check_input(encoded(text, fmt), fmt)


@SETTINGS
@given(st.text(max_size=300), formats)
def test_any_text_through_the_whole_pipeline(text: str, fmt: str) -> None:
    check_input(encoded(text, fmt), fmt)


@SETTINGS
@given(st.lists(copy, max_size=8))
def test_docx_paragraphs_through_the_whole_pipeline(paragraphs: list[str]) -> None:
    cleaned = ["".join(c for c in p if c.isprintable() and c != "\ufeff") for p in paragraphs]
    check_input(docx_bytes([escape(p) for p in cleaned]), "docx")


@SETTINGS
@given(st.sampled_from(sorted(seeds())), st.data())
def test_mutated_seed_files(fmt: str, data: st.DataObject) -> None:
    """A real-looking file of each format with bytes flipped, cut and spliced."""
    seed = bytearray(seeds()[fmt])
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(seed)))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip" and at < len(seed):
            seed[at] ^= data.draw(st.integers(1, 255))
        elif action == "cut":
            del seed[at : at + data.draw(st.integers(1, 40))]
        else:
            seed[at:at] = data.draw(st.binary(min_size=1, max_size=20))
    check_input(bytes(seed), fmt)


def test_every_format_is_covered() -> None:
    assert set(FORMATS) == set(seeds())


@pytest.mark.parametrize(("target", "runs"), [("fuzz_readers.py", 2000), ("fuzz_pipeline.py", 300)])
def test_short_coverage_guided_run(target: str, runs: int, tmp_path: Path) -> None:
    """The atheris targets, briefly (the long runs are in fuzz/README.md)."""
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "fuzz" / "seeds.py"), str(corpus)], check=True)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "fuzz" / target),
            f"-atheris_runs={runs}",
            "-max_len=512",
            "-rss_limit_mb=1024",
            str(corpus),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
