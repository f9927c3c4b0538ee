"""Golden outputs: every draft in examples/ has the JSON report newslint gives it
committed beside it (``kabul-police-attacks.txt`` -> ``kabul-police-attacks.expected.json``).

When a rule changes on purpose, regenerate them and review the diff::

    make examples        # or: .venv/bin/python tests/test_examples.py

The reports are made from inside examples/, so that paths are bare file names
and examples/newslint.toml (the house rules) applies.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SUFFIX = ".expected.json"
DRAFT_TYPES = {".txt": "text", ".md": "markdown", ".html": "html", ".docx": "docx", ".json": "cms_json"}
REGENERATE = "make examples  (or: .venv/bin/python tests/test_examples.py)"


def drafts() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in DRAFT_TYPES and not p.name.endswith(SUFFIX))


def expected_path(draft: Path) -> Path:
    return draft.with_name(draft.stem + SUFFIX)


def reader_exists(draft: Path) -> bool:
    return importlib.util.find_spec(f"checker.readers.{DRAFT_TYPES[draft.suffix]}") is not None


def report(draft: Path) -> str:
    """The JSON report of ``draft``, run from inside examples/."""
    from typer.testing import CliRunner

    from checker.cli import app

    cwd = os.getcwd()
    os.chdir(EXAMPLES)
    try:
        result = CliRunner().invoke(app, ["check", "--format", "json", "--jobs", "1", draft.name])
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1), f"{draft.name}: exit {result.exit_code}\n{result.stdout}{result.stderr}"
    return result.stdout


@pytest.mark.parametrize("draft", drafts(), ids=lambda p: p.name)
def test_golden_output(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "NEWSLINT_LANGUAGETOOL_URL"):
        monkeypatch.delenv(name, raising=False)
    if not reader_exists(draft):
        pytest.skip(f"no reader for {draft.suffix} files yet")
    expected = expected_path(draft)
    assert expected.exists(), f"{expected.name} is missing; create it with: {REGENERATE}"
    actual = json.loads(report(draft))
    assert actual == json.loads(expected.read_text(encoding="utf-8")), (
        f"newslint's report on examples/{draft.name} differs from examples/{expected.name}. "
        f"If the change is intended (a rule was added or improved), regenerate the golden files with: "
        f"{REGENERATE}, and review the diff before committing it."
    )


def test_every_expected_file_has_its_draft() -> None:
    names = {p.name for p in drafts()}
    for expected in EXAMPLES.glob("*" + SUFFIX):
        assert any(expected.name == d[: d.rindex(".")] + SUFFIX for d in names), f"{expected.name}: no draft"


def test_the_seed_article_is_an_example() -> None:
    assert (EXAMPLES / "kabul-police-attacks.txt").exists()
    assert (EXAMPLES / "kabul-police-attacks.expected.json").exists()


def regenerate() -> None:
    for draft in drafts():
        if not reader_exists(draft):
            print(f"skipped {draft.name}: no reader for {draft.suffix} files yet", file=sys.stderr)
            continue
        expected_path(draft).write_text(report(draft), encoding="utf-8")
        print(f"wrote examples/{expected_path(draft).name}")


if __name__ == "__main__":
    regenerate()
