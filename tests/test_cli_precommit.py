"""The pre-commit hook definition matches the CLI and the readers."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

from checker.readers import EXTENSIONS


def test_pre_commit_hook() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "newslint" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["newslint", "check"]
    pattern = re.compile(hook["files"])
    for extension in EXTENSIONS:
        assert pattern.search(f"content/story{extension}"), f"the hook skips {extension} files"
    assert not pattern.search("content/notes.py")


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in ci
    command = next(line for line in ci.splitlines() if line.startswith("python3 -m venv"))
    assert f"```sh\n{command}\n```" in readme
