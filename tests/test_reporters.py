"""Reporters over the same hand-built results: text, JSON, SARIF and GitHub annotations."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES

from checker.checks.base import RuleSpec
from checker.findings import Diagnostic, FileResult, ReportedFix, ReportedRelated, Severity
from checker.packs import builtin_rules_dir, load_pack
from checker.reporters import ReportContext, get_reporter
from checker.reporters.github import escape_data, escape_property

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def specs() -> list[RuleSpec]:
    # only the boilerplate pack: the reporters do not depend on which other rules exist
    return load_pack(builtin_rules_dir() / "boilerplate.yaml")


def sample() -> list[FileResult]:
    ok = FileResult(
        path="drafts/kabul.txt",
        diagnostics=[
            Diagnostic(
                rule="boilerplate",
                severity=Severity.WARNING,
                line=5,
                column=1,
                end_line=5,
                end_column=23,
                message="'Representational image' looks like page furniture.",
                excerpt="Representational image",
                fix=ReportedFix("", 5, 1, 5, 23, "safe"),
            ),
            Diagnostic(
                rule="unused-suppression",
                severity=Severity.INFO,
                line=9,
                column=1,
                end_line=9,
                end_column=1,
                message="this suppression (boilerplate) suppresses nothing; remove it",
                excerpt="<!-- newslint-disable boilerplate -->",
            ),
            Diagnostic(
                rule="boilerplate",
                severity=Severity.ERROR,
                line=12,
                column=4,
                end_line=13,
                end_column=2,
                message="50%, done: a\nsecond line",
                excerpt="Latest News",
                related=(ReportedRelated(3, 7, "first copy"), ReportedRelated(2, 1, "other file", "b/other file.md")),
            ),
        ],
        source_lines={5: "Representational image", 9: "<!-- newslint-disable boilerplate -->", 12: "So Latest"},
    )
    bad = FileResult(path="drafts/photo.txt", error="drafts/photo.txt: binary file (a PNG image), not text")
    return [ok, bad]


def render(fmt: str, results: list[FileResult], **ctx: object) -> str:
    out = io.StringIO()
    get_reporter(fmt)(results, out, ReportContext(**ctx))  # type: ignore[arg-type]
    return out.getvalue()


# -- SARIF ---------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema() -> None:
    log = json.loads(render("sarif", sample(), rules=specs(), version="0.1.0"))
    jsonschema.validate(log, SCHEMA, cls=jsonschema.Draft4Validator)
    assert log["version"] == "2.1.0"


def test_sarif_empty_run_validates() -> None:
    log = json.loads(render("sarif", [FileResult(path="clean.txt")], rules=specs()))
    jsonschema.validate(log, SCHEMA, cls=jsonschema.Draft4Validator)
    assert log["runs"][0]["results"] == []


def test_sarif_schema_rejects_a_broken_log() -> None:
    # the fixture really is a schema that checks something
    log = json.loads(render("sarif", sample(), rules=specs()))
    log["runs"][0]["results"][0]["level"] = "severe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SCHEMA, cls=jsonschema.Draft4Validator)


def test_sarif_rules_carry_metadata_and_help() -> None:
    log = json.loads(render("sarif", sample(), rules=specs()))
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    boilerplate = rules["boilerplate"]
    assert boilerplate["shortDescription"]["text"]
    assert boilerplate["defaultConfiguration"] == {"level": "warning", "enabled": True}
    assert "What it flags" in boilerplate["help"]["text"]
    assert "## Why it matters" in boilerplate["help"]["markdown"]
    assert boilerplate["fullDescription"]["text"].startswith("A paragraph")
    # a rule the engine reports itself is described too, so every ruleIndex resolves
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_regions_related_and_fixes() -> None:
    run = json.loads(render("sarif", sample(), rules=specs()))["runs"][0]
    first, unused, second = run["results"]
    assert first["level"] == "warning" and unused["level"] == "note" and second["level"] == "error"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "drafts/kabul.txt"
    assert loc["region"] == {
        "startLine": 5,
        "startColumn": 1,
        "endLine": 5,
        "endColumn": 23,
        "snippet": {"text": "Representational image"},
    }
    (fix,) = first["fixes"]
    replacement = fix["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"]["endColumn"] == 23 and replacement["insertedContent"]["text"] == ""
    assert "snippet" not in second["locations"][0]["physicalLocation"]["region"]  # two lines: no snippet
    related = second["relatedLocations"]
    assert related[0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 7}
    assert related[1]["physicalLocation"]["artifactLocation"]["uri"] == "b/other%20file.md"
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_unreadable_file_is_a_failed_invocation() -> None:
    run = json.loads(render("sarif", sample(), rules=specs()))["runs"][0]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "binary file" in note["message"]["text"]


def test_sarif_absolute_paths_are_file_uris(tmp_path: Path) -> None:
    path = tmp_path / "a b.txt"
    run = json.loads(render("sarif", [FileResult(path=str(path), diagnostics=sample()[0].diagnostics[:1])]))["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == path.as_uri() and uri.startswith("file:///") and "%20" in uri


# -- GitHub --------------------------------------------------------------------


def test_github_escaping_rules() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotations() -> None:
    lines = render("github", sample()).splitlines()
    assert lines[0] == (
        "::warning file=drafts/kabul.txt,line=5,col=1,endLine=5,endColumn=23,title=newslint boilerplate::"
        "'Representational image' looks like page furniture.%0Asuggestion: replace with ''"
    )
    assert lines[1].startswith("::notice file=drafts/kabul.txt,line=9,col=1,endLine=9,endColumn=1,")
    assert lines[2] == (
        "::error file=drafts/kabul.txt,line=12,col=4,endLine=13,endColumn=2,title=newslint boilerplate::"
        "50%25, done: a%0Asecond line%0A3:7: first copy%0Ab/other file.md:2:1: other file"
    )
    assert lines[3] == (
        "::error file=drafts/photo.txt,title=newslint%3A unreadable file::"
        "drafts/photo.txt: binary file (a PNG image), not text"
    )
    assert lines[4].startswith("newslint: 2 file(s) checked, 3 finding(s), 1 unreadable")


def test_github_property_values_are_escaped() -> None:
    result = FileResult(path="a,b:c.txt", diagnostics=sample()[0].diagnostics[:1])
    assert render("github", [result], quiet=True).startswith("::warning file=a%2Cb%3Ac.txt,line=5,")


# -- JSON ----------------------------------------------------------------------


def test_json_contract() -> None:
    data = json.loads(render("json", sample()))
    assert data["version"] == 1
    first = data["files"][0]["findings"][0]
    assert first == {
        "rule": "boilerplate",
        "severity": "warning",
        "line": 5,
        "column": 1,
        "end_line": 5,
        "end_column": 23,
        "message": "'Representational image' looks like page furniture.",
        "excerpt": "Representational image",
        "related": [],
        "fix": {"replacement": "", "line": 5, "column": 1, "end_line": 5, "end_column": 23},
    }
    related = data["files"][0]["findings"][2]["related"]
    assert related == [
        {"line": 3, "column": 7, "message": "first copy"},
        {"line": 2, "column": 1, "message": "other file", "path": "b/other file.md"},
    ]
    assert data["files"][1]["error"].startswith("drafts/photo.txt: binary file")
    assert data["summary"] == {"files": 2, "findings": 3, "errors": 1, "warnings": 1, "infos": 1, "unreadable": 1}


# -- text ----------------------------------------------------------------------


def test_text_report_underlines_the_span() -> None:
    text = render("text", sample())
    lines = text.splitlines()
    assert lines[0] == "drafts/kabul.txt:5:1: warning boilerplate 'Representational image' looks like page furniture."
    assert lines[1] == "  Representational image"
    assert lines[2] == "  " + "^" * 22
    assert lines[3] == "  suggestion: replace with ''"
    assert "\033[" not in text
    assert "error: drafts/photo.txt: binary file (a PNG image), not text" in lines
    assert lines[-1] == "2 files checked, 3 findings (1 error, 1 warning, 1 info), 1 could not be read."


def test_text_report_colour_only_when_asked() -> None:
    assert "\033[33m" in render("text", sample(), color=True)
    assert "\033[" not in render("text", sample(), color=False)


def test_text_quiet_and_statistics() -> None:
    quiet = render("text", sample(), quiet=True).splitlines()
    assert not any(line.startswith("  ") for line in quiet)
    stats = render("text", sample(), statistics=True)
    assert "     2  boilerplate\n" in stats and "     1  unused-suppression\n" in stats


def test_text_long_line_is_windowed_around_the_span() -> None:
    line = "x" * 300 + " Advertisement"
    result = FileResult(
        path="a.txt",
        diagnostics=[Diagnostic("boilerplate", Severity.WARNING, 1, 302, 1, 315, "m", "Advertisement")],
        source_lines={1: line},
    )
    shown, caret = render("text", [result]).splitlines()[1:3]
    assert len(shown) == 2 + 1 + 120 and shown.startswith("  …") and not shown.endswith("…")
    assert shown[caret.index("^") : caret.index("^") + 13] == "Advertisement"


def test_unknown_format() -> None:
    with pytest.raises(KeyError):
        get_reporter("xml")


def test_an_article_inside_an_export_points_at_the_file() -> None:
    diagnostics = sample()[0].diagnostics[:1]
    result = FileResult(path="export.jsonl#42", diagnostics=diagnostics, source="export.jsonl")
    run = json.loads(render("sarif", [result], rules=specs()))["runs"][0]
    (found,) = run["results"]
    assert found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "export.jsonl"
    assert found["properties"]["article"] == "export.jsonl#42"
    jsonschema.validate({"version": "2.1.0", "runs": [run]}, SCHEMA, cls=jsonschema.Draft4Validator)
    assert render("github", [result]).startswith("::warning file=export.jsonl,line=5,")
    assert json.loads(render("json", [result]))["files"][0]["path"] == "export.jsonl#42"


def test_sarif_of_every_example_validates() -> None:
    from typer.testing import CliRunner

    from checker.cli import app

    examples = Path(__file__).resolve().parent.parent / "examples"
    result = CliRunner().invoke(app, ["check", "--format", "sarif", "-j", "1", str(examples)])
    assert result.exit_code in (0, 1), result.stderr
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA, cls=jsonschema.Draft4Validator)
    rules = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {"boilerplate", "house-euphemism"} <= rules
    assert log["runs"][0]["results"]
