"""The generic `phrase` kind, through a pack like a newsroom's house rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks.phrase import match_case, parse_entry
from checker.config import Config
from checker.engine import Engine
from checker.findings import Diagnostic
from checker.packs import PackError

PACK = """\
rules:
  house-style:
    kind: phrase
    summary: House style.
    message: "'{phrase}': {advice}."
    params:
      phrases:
        passed away: died
        in a bid to: to
        bloodbath: ""
      lists: [extra.wordlist]
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    folder = tmp_path_factory.mktemp("house")
    (folder / "house.yaml").write_text(PACK, encoding="utf-8")
    (folder / "extra.wordlist").write_text("# comment\ndon't -> do not\nslammed -> criticised\nlast-ditch\n")
    return Engine(Config(select=["house-style"], rule_packs=[str(folder)]))


def check(engine: Engine, text: str) -> list[Diagnostic]:
    (result,) = engine.check_path("draft.txt", data=text.encode())
    assert result.result.error is None
    return result.result.diagnostics


def test_flags_with_exact_span_and_replacement(engine: Engine) -> None:
    (d,) = check(engine, "Headline\n\nThe mayor passed away on Tuesday, aged 81.\n")
    assert (d.line, d.column, d.end_line, d.end_column) == (3, 11, 3, 22)
    assert d.message == "'passed away': use 'died' instead."
    assert d.fix is not None and d.fix.replacement == "died" and d.fix.applicability == "suggestion"


def test_case_spacing_and_apostrophes(engine: Engine) -> None:
    found = check(engine, "Headline\n\nPassed \taway in March. They DON’T know.\n\nIn  a bid to win, he slammed it.\n")
    assert [(d.line, d.column, d.excerpt) for d in found] == [
        (3, 1, "Passed away"),
        (3, 29, "DON’T"),
        (5, 1, "In a bid to"),
        (5, 22, "slammed"),
    ]
    assert [d.fix.replacement for d in found if d.fix] == ["Died", "DO NOT", "To", "criticised"]


def test_whole_words_only(engine: Engine) -> None:
    assert check(engine, "Headline\n\nShe was unslammed and bloodbaths were rare; a bid to save it failed.\n") == []


def test_no_replacement_means_no_fix(engine: Engine) -> None:
    found = check(engine, "Headline\n\nIt was a bloodbath and a last-ditch effort.\n")
    assert [d.message for d in found] == ["'bloodbath': rephrase it.", "'last-ditch': rephrase it."]
    assert all(d.fix is None for d in found)


def test_helpers() -> None:
    assert parse_entry("in a bid to -> to") == ("in a bid to", "to")
    assert parse_entry("last-ditch") == ("last-ditch", "")
    assert match_case("Passed away", "died") == "Died"
    assert match_case("UN", "United Nations") == "UNITED NATIONS"
    assert match_case("slammed", "criticised") == "criticised"


def test_bad_fix_level_names_the_pack(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PACK.replace("      lists: [extra.wordlist]\n", "      fix: always\n"))
    with pytest.raises(PackError, match=r"p\.yaml:2: rule 'house-style': fix must be"):
        Engine(Config(select=["house-style"], rule_packs=[str(tmp_path)]))


def test_house_rules_example_pack_loads() -> None:
    root = Path(__file__).resolve().parent.parent
    engine = Engine(Config(select=["house-euphemism", "house-cliche"], rule_packs=[str(root / "examples/house-rules")]))
    found = check(engine, "Headline\n\nThe owner passed away, and the council is appealing in a bid to find heirs.\n")
    assert [d.rule for d in found] == ["house-euphemism", "house-cliche"]
