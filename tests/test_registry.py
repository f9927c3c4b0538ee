"""The registry of check kinds against the README, and every rule's documentation.

Kinds whose modules are not written yet are skipped, not failed: the registry
may name a kind before its module lands, but a pack may not use it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from conftest import ROOT

from checker.checks import KINDS, kind_class
from checker.checks.base import Check, RuleSpec
from checker.docs import kind_sections, rule_doc, rule_sections
from checker.packs import builtin_rules_dir, load_pack

SECTIONS = ("what", "why", "example", "fix")


def readme_kinds() -> list[str]:
    """The kinds listed under the README's "Check kinds" heading: one `- \\`kind\\`` item each."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Check kinds\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    assert match, "README.md has no '## Check kinds' section"
    return re.findall(r"^- `([a-z-]+)`", match.group(1), re.MULTILINE)


def module_exists(kind: str) -> bool:
    return importlib.util.find_spec(KINDS[kind].partition(":")[0]) is not None


EXISTING = [k for k in KINDS if module_exists(k)]


def builtin_specs() -> list[RuleSpec]:
    """Every rule of every built-in pack whose kinds can all be imported."""
    specs: list[RuleSpec] = []
    for pack in sorted(builtin_rules_dir().glob("*.yaml")):
        try:
            specs.extend(load_pack(pack))
        except ImportError:  # a kind still being written; test_every_builtin_pack_uses_only_existing_kinds fails
            continue
    return specs


def test_registry_matches_the_readme() -> None:
    documented = readme_kinds()
    assert len(documented) == len(set(documented)), "a kind is listed twice in the README"
    assert sorted(documented) == sorted(KINDS)


def test_registry_names_are_kebab_case_and_point_at_module_class() -> None:
    for kind, target in KINDS.items():
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", kind)
        module, _, cls = target.partition(":")
        assert module.startswith("checker.checks.") and cls[:1].isupper()


@pytest.mark.parametrize("kind", EXISTING)
def test_kind_is_a_check_with_declared_layers(kind: str) -> None:
    from checker.analysis import LAYERS

    cls = kind_class(kind)
    assert issubclass(cls, Check)
    assert set(cls.requires) <= set(LAYERS), f"{kind} requires unknown analysis layers"
    assert cls.scope in ("document", "corpus")


@pytest.mark.parametrize("kind", EXISTING)
def test_kind_docstring_has_the_four_sections(kind: str) -> None:
    sections = kind_sections(kind)
    missing = [s for s in SECTIONS if not sections.get(s)]
    assert not missing, f"kind {kind!r}: docstring lacks {missing} (What it flags / Why it matters / Example / Fix)"


@pytest.mark.parametrize("spec", builtin_specs(), ids=lambda s: s.id)
def test_every_builtin_rule_is_documented(spec: RuleSpec) -> None:
    sections = rule_sections(spec)
    missing = [s for s in SECTIONS if not sections.get(s)]
    assert not missing, f"{spec.pack}:{spec.line}: rule {spec.id!r} has no {missing} in its kind's docstring or pack"
    assert spec.summary, f"{spec.pack}:{spec.line}: rule {spec.id!r} has no summary"
    text = rule_doc(spec)
    assert text.startswith(spec.id) and "What it flags" in text


def test_builtin_rule_ids_are_unique_and_used_kinds_exist() -> None:
    ids = [s.id for s in builtin_specs()]
    assert len(ids) == len(set(ids))
    assert {"boilerplate"} <= set(ids)


def test_every_builtin_pack_uses_only_existing_kinds() -> None:
    # every pack is loaded at start-up, so a pack may not name a kind whose module is missing
    for pack in sorted(Path(builtin_rules_dir()).glob("*.yaml")):
        load_pack(pack)
