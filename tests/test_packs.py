"""Rule-pack validation: every error names the pack file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.findings import Severity
from checker.packs import PackError, load_pack, load_packs, read_word_list

GOOD = """\
rules:
  house-euphemism:
    kind: phrase
    severity: error
    summary: A euphemism.
    message: "'{phrase}': {advice}."
    params:
      phrases: {passed away: died}
"""


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> PackError:
    path = write(tmp_path, text)
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(info.value).startswith(f"{path}:{info.value.line}: ")
    return info.value


def test_a_good_pack_loads(tmp_path: Path) -> None:
    (spec,) = load_pack(write(tmp_path, GOOD))
    assert (spec.id, spec.kind, spec.severity, spec.enabled, spec.line) == (
        "house-euphemism",
        "phrase",
        Severity.ERROR,
        True,
        2,
    )
    assert spec.params["phrases"] == {"passed away": "died"}
    assert spec.params["lists"] == []  # defaults filled in


def test_unknown_rule_key_names_line_and_key(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD + "    colour: red\n")
    assert err.line == 9 and "unknown key 'colour'" in str(err)


def test_unknown_pack_key(tmp_path: Path) -> None:
    err = error_of(tmp_path, "name: x\n" + GOOD)
    assert err.line == 1 and "unknown key 'name'" in str(err)


def test_bad_severity(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD.replace("severity: error", "severity: fatal"))
    assert err.line == 4 and "unknown severity 'fatal'" in str(err)


def test_unknown_kind(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD.replace("kind: phrase", "kind: spellcheck"))
    assert err.line == 3 and "unknown kind 'spellcheck'" in str(err)


def test_unknown_parameter(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD + "      ignore_case: true\n")
    assert err.line == 9 and "unknown parameter 'ignore_case'" in str(err) and "known: " in str(err)


def test_parameter_of_the_wrong_type(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD + "      case_sensitive: often\n")
    assert err.line == 9 and "parameter 'case_sensitive'" in str(err) and "expected bool" in str(err)


def test_wrong_type_of_a_rule_key(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD.replace("summary: A euphemism.", "summary: [a, b]"))
    assert err.line == 5 and "'summary' must be str" in str(err)


def test_missing_required_key(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD.replace("    summary: A euphemism.\n", ""))
    assert err.line == 2 and "missing key 'summary'" in str(err)


def test_rule_id_must_be_kebab_case(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD.replace("house-euphemism", "House_Euphemism"))
    assert err.line == 2 and "kebab-case" in str(err)


def test_unknown_doc_section(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD + "    doc:\n      what: x\n      how: y\n")
    assert err.line == 11 and "doc: unknown key 'how'" in str(err)


def test_duplicate_key(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD + "    severity: info\n")
    assert err.line == 9 and "duplicate key 'severity'" in str(err)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    err = error_of(tmp_path, GOOD + "    message: 'unclosed\n  other: [\n")
    assert "invalid YAML" in str(err) and err.line >= 9


def test_missing_rules_mapping(tmp_path: Path) -> None:
    err = error_of(tmp_path, "description: nothing here\n")
    assert "needs a 'rules' mapping" in str(err)


def test_a_rule_id_may_not_be_defined_twice(tmp_path: Path) -> None:
    first = tmp_path / "a"
    second = tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, GOOD)
    write(second, "# again\n" + GOOD)
    with pytest.raises(PackError) as info:
        load_packs([first, second])
    assert str(info.value).startswith(f"{second / 'pack.yaml'}:3: ")
    assert f"already defined at {first / 'pack.yaml'}:2" in str(info.value)


def test_word_list_comments_and_blanks(tmp_path: Path) -> None:
    path = write(tmp_path, "# a comment\nalpha\n\nbeta # trailing comment\n  gamma  \n", "list.txt")
    assert read_word_list(path) == ["alpha", "beta", "gamma"]
