"""Coverage-guided fuzzing of the readers alone (decoding, markup, source maps):
fast enough for millions of inputs.  ``fuzz_pipeline.py`` adds the analysis
and every rule.

    .venv/bin/python fuzz/fuzz_readers.py -atheris_runs=1000000 -max_len=1024 fuzz/corpus
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["checker", "pipeline"]):
    from pipeline import FORMATS, check_reader

    import checker.document
    import checker.readers.builder
    import checker.readers.cms_json
    import checker.readers.decode
    import checker.readers.docx
    import checker.readers.html
    import checker.readers.markdown
    import checker.readers.text  # noqa: F401


def test_one_input(data: bytes) -> None:
    if data:
        check_reader(data[1:], FORMATS[data[0] % len(FORMATS)])


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
