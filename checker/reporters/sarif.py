"""SARIF 2.1.0: the interchange format code-scanning services read.

One run, with newslint as the tool driver.  Every rule in the run is
described (id, summary, full documentation as help text, default level);
each finding is a result with its region in the user's file, its related
locations and, when there is one, its fix.  Columns count Unicode code
points (``columnKind``), as everywhere else in newslint.  A file that could
not be read is a tool execution notification, and makes the invocation
unsuccessful.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from checker.checks.base import RuleSpec
from checker.findings import Diagnostic, FileResult, Severity
from checker.reporters import ReportContext

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# rules the engine itself reports, which no pack declares
ENGINE_RULES = {
    "unused-suppression": "An inline newslint-disable comment that suppresses nothing.",
}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative paths stay relative (so that a
    code-scanning service resolves them against the repository), absolute
    ones become ``file://`` URIs."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"))


def _sections(spec: RuleSpec) -> dict[str, str]:
    from checker.docs import rule_sections

    try:
        return rule_sections(spec)
    except (ImportError, KeyError, TypeError):  # a kind that cannot be imported still has its pack's doc
        return dict(spec.doc)


def _help(spec: RuleSpec, sections: dict[str, str]) -> dict[str, str]:
    from checker.docs import TITLES

    text_parts, md_parts = [], []
    for key in ("what", "why", "example", "fix"):
        body = sections.get(key)
        if not body:
            continue
        text_parts.append(f"{TITLES[key]}\n{body}")
        md_body = "\n".join("    " + line if line else "" for line in body.splitlines()) if key == "example" else body
        md_parts.append(f"## {TITLES[key]}\n\n{md_body}")
    if not text_parts:
        return {"text": spec.summary or spec.id}
    return {"text": "\n\n".join(text_parts), "markdown": "\n\n".join(md_parts)}


def _descriptor(spec: RuleSpec) -> dict[str, Any]:
    sections = _sections(spec)
    out: dict[str, Any] = {
        "id": spec.id,
        "name": "".join(part.capitalize() for part in spec.id.split("-")),
        "shortDescription": {"text": spec.summary or spec.id},
        "help": _help(spec, sections),
        "defaultConfiguration": {"level": LEVELS[spec.severity], "enabled": spec.enabled},
        "properties": {"kind": spec.kind, "tags": ["news", spec.kind]},
    }
    if sections.get("what"):
        out["fullDescription"] = {"text": sections["what"]}
    return out


def _region(line: int, column: int, end_line: int, end_column: int, snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _snippet(d: Diagnostic, source_lines: dict[int, str]) -> str | None:
    """The region's text as it is in the file, for a region on one line."""
    line = source_lines.get(d.line)
    if line is None or d.end_line != d.line or d.end_column <= d.column:
        return None
    return line[d.column - 1 : d.end_column - 1] or None


def _result(d: Diagnostic, uri: str, index: int | None, source_lines: dict[int, str]) -> dict[str, Any]:
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": _region(d.line, d.column, d.end_line, d.end_column, _snippet(d, source_lines)),
        }
    }
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [location],
    }
    if index is not None:
        result["ruleIndex"] = index
    if d.related:
        result["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(r.path) if r.path else uri},
                    "region": {"startLine": r.line, "startColumn": r.column},
                },
                "message": {"text": r.message or "related"},
            }
            for i, r in enumerate(d.related, start=1)
        ]
    if d.fix is not None:
        result["fixes"] = [
            {
                "description": {
                    "text": f"Replace with {d.fix.replacement!r}" if d.fix.replacement else "Delete the text"
                },
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": _region(d.fix.line, d.fix.column, d.fix.end_line, d.fix.end_column),
                                "insertedContent": {"text": d.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
        result["properties"] = {"fixApplicability": d.fix.applicability}
    return result


def as_dict(results: Sequence[FileResult], ctx: ReportContext) -> dict[str, Any]:
    specs = [s for s in ctx.rules if isinstance(s, RuleSpec)]
    descriptors = [_descriptor(s) for s in specs]
    index = {s.id: i for i, s in enumerate(specs)}
    for rule in sorted({d.rule for r in results for d in r.diagnostics} - index.keys()):
        index[rule] = len(descriptors)
        descriptors.append(
            {
                "id": rule,
                "shortDescription": {"text": ENGINE_RULES.get(rule, rule)},
                "defaultConfiguration": {"level": "note"},
            }
        )
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for r in results:
        uri = artifact_uri(r.source or r.path)
        if r.error:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": r.error},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
        for notice in r.notices:
            notifications.append(
                {
                    "level": "note",
                    "message": {"text": f"{r.path}: {notice}"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
        for d in r.diagnostics:
            result = _result(d, uri, index.get(d.rule), r.source_lines)
            if r.source:  # one article of a multi-article export
                result.setdefault("properties", {})["article"] = r.path
            sarif_results.append(result)
    driver: dict[str, Any] = {"name": "newslint", "rules": descriptors}
    if ctx.version:
        driver["version"] = ctx.version
        driver["semanticVersion"] = ctx.version
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {
                        "executionSuccessful": not any(r.error for r in results),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def report(results: Sequence[FileResult], out: TextIO, ctx: ReportContext) -> None:
    json.dump(as_dict(results, ctx), out, ensure_ascii=False, indent=2)
    out.write("\n")
