"""Rule documentation: what ``newslint explain`` prints and SARIF carries.

A rule's documentation comes from its pack entry's ``doc`` sections, falling
back to the sections of its kind's docstring (``What it flags``, ``Why it
matters``, ``Example``, ``Fix``).
"""

from __future__ import annotations

import inspect
import re
import sys
import textwrap

from checker.checks import kind_class
from checker.checks.base import RuleSpec

SECTIONS = {"what it flags": "what", "why it matters": "why", "example": "example", "fix": "fix"}
TITLES = {"what": "What it flags", "why": "Why it matters", "example": "Example", "fix": "Fix"}
_HEADING = re.compile(r"^(What it flags|Why it matters|Example|Fix)\s*$", re.MULTILINE | re.IGNORECASE)


def kind_docstring(kind: str) -> str:
    """The docstring that documents a kind: its class's own docstring when that
    has the fixed sections, else its module's (an inherited docstring never counts)."""
    cls = kind_class(kind)
    own = inspect.cleandoc(cls.__dict__.get("__doc__") or "")
    if _HEADING.search(own):
        return own
    module = sys.modules.get(cls.__module__)
    return inspect.cleandoc((module.__doc__ if module else None) or "") or own


def kind_sections(kind: str) -> dict[str, str]:
    """The fixed sections of a kind's docstring."""
    doc = kind_docstring(kind)
    parts = _HEADING.split(doc)
    out: dict[str, str] = {}
    for title, body in zip(parts[1::2], parts[2::2], strict=False):
        text = re.sub(r"^-{3,}[ \t]*\n", "", body.strip("\n"))
        text = textwrap.dedent(text).strip("\n").rstrip()
        out[SECTIONS[title.lower()]] = text
    return out


def rule_sections(spec: RuleSpec) -> dict[str, str]:
    sections = kind_sections(spec.kind)
    sections.update({k: v for k, v in spec.doc.items() if v})
    return sections


def rule_doc(spec: RuleSpec) -> str:
    sections = rule_sections(spec)
    lines = [f"{spec.id} ({spec.kind}, {spec.severity}{'' if spec.enabled else ', off by default'})", ""]
    if spec.summary:
        lines += [spec.summary, ""]
    for key in ("what", "why", "example", "fix"):
        if key in sections:
            lines += [TITLES[key], "-" * len(TITLES[key]), sections[key], ""]
    lines.append(f"Defined in {spec.pack}:{spec.line}")
    return "\n".join(lines)
