"""The engine: inline suppressions on a hand-built document, ordering, and robustness."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from checker.config import Config
from checker.document import Document, SourceMap, Suppression
from checker.engine import UNUSED_SUPPRESSION, Engine, apply_suppressions
from checker.readers.text import split_blocks

# lines:   1 headline, 3 boilerplate, 5 copy, 7 boilerplate, 9 copy, 11 boilerplate
SOURCE = "Headline here\n\nAdvertisement\n\nThe council met.\n\nLatest News\n\nIt voted.\n\nMost Read\n"


def document(*suppressions: Suppression) -> Document:
    return Document(
        path="draft.md",
        text=SOURCE,
        blocks=split_blocks(SOURCE),
        source_map=SourceMap.identity(SOURCE),
        format="markdown",
        suppressions=list(suppressions),
    )


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Config(select=["boilerplate"]))


def lines(engine: Engine, doc: Document, unused: bool = False) -> list[tuple[str, int]]:
    diagnostics, _ = engine.diagnose(doc, report_unused_suppressions=unused)
    return [(d.rule, d.line) for d in diagnostics]


def test_without_suppressions(engine: Engine) -> None:
    assert lines(engine, document()) == [("boilerplate", 3), ("boilerplate", 7), ("boilerplate", 11)]


def test_disable_and_enable_a_range(engine: Engine) -> None:
    doc = document(Suppression("disable", ("boilerplate",), 2), Suppression("enable", ("boilerplate",), 8))
    assert lines(engine, doc) == [("boilerplate", 11)]


def test_disable_every_rule_to_the_end(engine: Engine) -> None:
    assert lines(engine, document(Suppression("disable", (), 6))) == [("boilerplate", 3)]


def test_disable_another_rule_changes_nothing(engine: Engine) -> None:
    doc = document(Suppression("disable", ("unattributed-quote",), 1))
    assert lines(engine, doc) == [("boilerplate", 3), ("boilerplate", 7), ("boilerplate", 11)]


def test_disable_next_line_skips_blank_lines(engine: Engine) -> None:
    # the comment is on line 6 (a blank line here); the next non-blank line is 7
    doc = document(Suppression("disable-next-line", ("boilerplate",), 6))
    assert lines(engine, doc) == [("boilerplate", 3), ("boilerplate", 11)]


def test_unused_suppressions_are_reported_only_when_asked(engine: Engine) -> None:
    doc = document(
        Suppression("disable-next-line", ("boilerplate",), 4),  # next line is 5: copy, nothing to silence
        Suppression("disable", ("boilerplate",), 10),  # silences line 11: used
        Suppression("disable-next-line", (), 8),  # every rule, but line 9 is copy: unused
        Suppression("disable", ("grammar",), 1),  # grammar is not running here: not judged
    )
    diagnostics, _ = engine.diagnose(doc, report_unused_suppressions=False)
    assert [(d.rule, d.line) for d in diagnostics] == [("boilerplate", 3), ("boilerplate", 7)]
    diagnostics, _ = engine.diagnose(doc, report_unused_suppressions=True)
    unused = [d for d in diagnostics if d.rule == UNUSED_SUPPRESSION]
    assert [(d.line, d.severity.name) for d in unused] == [(4, "INFO"), (8, "INFO")]
    assert "(boilerplate)" in unused[0].message and "(every rule)" in unused[1].message


def test_enable_comments_are_never_unused() -> None:
    doc = document(Suppression("enable", (), 3))
    kept, unused = apply_suppressions(doc, [])
    assert kept == [] and unused == []


def test_diagnostics_are_in_file_order(engine: Engine) -> None:
    (result,) = engine.check_path("a.txt", data=SOURCE.encode())
    keys = [(d.line, d.column) for d in result.result.diagnostics]
    assert keys == sorted(keys)


def test_a_bug_in_a_rule_is_a_file_error_not_a_crash(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    (rule,) = engine.rules

    def broken(doc: Document, facts: object) -> Iterable[object]:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(rule, "run", broken)
    (result,) = engine.check_path("a.txt", data=SOURCE.encode())
    assert result.result.error is not None
    assert result.result.error.startswith("a.txt: internal error while checking: ZeroDivisionError: boom")


def test_unreadable_file_is_a_file_error(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (result,) = engine.check_path(str(path))
    assert result.result.error == f"{path}: binary file (a PNG image), not text"


def test_missing_word_list_is_a_pack_error_naming_the_rule(tmp_path: Path) -> None:
    from checker.packs import PackError

    pack = tmp_path / "p.yaml"
    pack.write_text(
        "rules:\n  house:\n    kind: phrase\n    summary: s\n    message: m\n    params: {lists: [gone.wordlist]}\n"
    )
    with pytest.raises(PackError, match=r"p\.yaml:2: rule 'house': cannot load its data: .*gone\.wordlist"):
        Engine(Config(select=["house"], rule_packs=[str(tmp_path)]))


def test_a_suppression_of_a_rule_that_did_not_run_is_not_unused(engine: Engine) -> None:
    doc = document(Suppression("disable-next-line", ("unattributed-quote",), 4))
    diagnostics, _ = engine.diagnose(doc, report_unused_suppressions=True)
    assert UNUSED_SUPPRESSION not in {d.rule for d in diagnostics}


def test_a_file_over_its_time_budget_is_a_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine(Config(select=["boilerplate"], timeout=0.05))
    (rule,) = engine.rules

    def runaway(doc: Document, facts: object) -> Iterable[object]:
        while True:
            pass

    monkeypatch.setattr(rule, "run", runaway)
    (result,) = engine.check_path("slow.txt", data=SOURCE.encode())
    assert result.result.error == (
        "slow.txt: not checked: it took longer than 0.05 s (raise 'timeout' in the configuration)"
    )
    # the timer is gone afterwards: a normal check still works
    monkeypatch.undo()
    (again,) = engine.check_path("a.txt", data=SOURCE.encode())
    assert again.result.error is None and len(again.result.diagnostics) == 3
