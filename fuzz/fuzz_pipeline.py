"""Coverage-guided fuzzing of the readers and the whole pipeline with atheris.

Usage (see fuzz/README.md)::

    .venv/bin/python fuzz/fuzz_pipeline.py -atheris_runs=1000000 -max_len=2048 fuzz/corpus
"""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["checker", "pipeline"]):
    from pipeline import FORMATS, check_input, engine

    import checker.analysis.fingerprints
    import checker.analysis.people
    import checker.analysis.quantities
    import checker.analysis.quotes
    import checker.analysis.text
    import checker.readers.cms_json
    import checker.readers.decode
    import checker.readers.docx
    import checker.readers.html
    import checker.readers.markdown
    import checker.readers.text  # noqa: F401

    engine()  # rule kinds are imported as the packs load: load them here, to instrument them too


def test_one_input(data: bytes) -> None:
    if not data:
        return
    # the first byte picks the reader, the rest is the file; the output is
    # compared between two runs for one input in 64, which keeps the run fast
    check_input(data[1:], FORMATS[data[0] % len(FORMATS)], twice=zlib.crc32(data) % 64 == 0)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
