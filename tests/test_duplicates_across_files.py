"""duplicate-across-files over a folder of articles, through the command line."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.engine import Engine
from checker.packs import builtin_rules_dir, load_packs

RULE = "duplicate-across-files"

FLOOD = [
    "River bursts its banks in Tregaron",
    "About 1,200 residents were moved to emergency shelters overnight after the river burst its banks, "
    "the county council said on Sunday.",
    "Water reached the first floor of houses on Mill Street, and the main road into the town was closed "
    "in both directions until further notice.",
    "Forecasters expect more rain on Monday, and the environment agency has kept its severe flood warning "
    "in place for the lower valley.",
    "Reporting by Ann Hughes",
]
COUNCIL = [
    "Council approves leisure centre budget",
    "The council voted on Tuesday to spend 4.2 million on repairs to the leisure centre, which has been "
    "closed since the spring because of a leaking roof.",
    # lightly edited from FLOOD[2]
    "Water reached the first floor of houses on Mill Street, and the main road into town was closed "
    "in both directions until further notice, police said.",
    "Opposition councillors said the money would be better spent on the town's two libraries.",
    "Reporting by Ann Hughes",
]
MATCH = [
    "Town hold leaders to a draw",
    "Tregaron Town came from a goal behind to draw 1-1 with the league leaders on Saturday, with a header "
    "from their captain in the last minute of normal time.",
    "The home side had a penalty appeal turned down in the first half and hit the post twice after the break.",
    "Reporting by Ann Hughes",
]


def write(folder: Path, name: str, paragraphs: list[str]) -> None:
    (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "a-flood.txt", FLOOD)
    write(tmp_path, "b-council.txt", COUNCIL)
    write(tmp_path, "c-match.txt", MATCH)
    # the flood story filed a second time, with a new headline and a tweak
    write(tmp_path, "d-flood-again.txt", ["Tregaron flooded", *FLOOD[1:3], FLOOD[3].replace("Monday", "Tuesday")])
    return tmp_path


def run(*args: str) -> dict[str, list[dict[str, object]]]:
    result = CliRunner().invoke(app, ["check", "--format", "json", "--no-config", "--no-progress", *args])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    return {Path(f["path"]).name: f["findings"] for f in report["files"]}


def test_off_by_default() -> None:
    (spec,) = [s for s in load_packs([builtin_rules_dir()]) if s.id == RULE]
    assert spec.enabled is False


def test_paragraphs_and_whole_articles_across_a_folder(folder: Path) -> None:
    report = run(str(folder), "--select", RULE)
    assert report["a-flood.txt"] == []  # the first copy is not flagged
    assert report["c-match.txt"] == []  # a shared sign-off is not a duplicate

    (para,) = report["b-council.txt"]
    assert (para["line"], para["column"], para["end_line"]) == (5, 1, 5)
    assert str(para["message"]).startswith("This paragraph repeats ")
    assert "a-flood.txt line 5" in str(para["message"])
    (related,) = para["related"]  # type: ignore[misc]
    assert related["line"] == 5 and related["path"].endswith("a-flood.txt")

    (whole,) = report["d-flood-again.txt"]
    assert whole["line"] == 3
    assert str(whole["message"]).startswith("This article (3 of its 3 paragraphs) repeats ")
    assert whole["related"][0]["path"].endswith("a-flood.txt")  # type: ignore[index]


def test_worker_processes_give_the_same_findings(tmp_path: Path) -> None:
    for i in range(10):  # enough files for the process pool
        write(tmp_path, f"other-{i:02}.txt", [f"Story {i}", f"Paragraph {i} of a story about item {i} only, no copy."])
    write(tmp_path, "a-flood.txt", FLOOD)
    write(tmp_path, "z-flood-copy.txt", ["Flood copy", FLOOD[1]])
    serial = run(str(tmp_path), "--select", RULE, "--jobs", "1")
    parallel = run(str(tmp_path), "--select", RULE, "--jobs", "2")
    assert serial == parallel
    (d,) = parallel["z-flood-copy.txt"]
    assert d["line"] == 3 and "similarity 1.00" in str(d["message"])


def test_summaries_are_small_and_picklable() -> None:
    engine = Engine(Config(select=[RULE]))
    text = "\n\n".join(FLOOD) + "\n"
    (result,) = engine.check_path("a.txt", data=text.encode())
    summary = result.summaries[RULE]
    assert len(summary.paragraphs) == 3  # headline and sign-off left out
    data = pickle.dumps(summary)
    assert len(data) < 3 * 1024
    again = pickle.loads(data)
    assert again.paragraphs[0].signature.jaccard(summary.paragraphs[0].signature) == 1.0
