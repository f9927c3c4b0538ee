"""The word lists are data, and data is linted: every list is sorted (within each
run of entries between comments or blank lines, so that a list may be grouped
under comment headings) and holds no entry twice.

To sort a list in place, keeping its comments and groups::

    python tests/test_packs_wordlists.py rules/some-list.txt
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LISTS = sorted((ROOT / "rules").glob("*.txt")) + sorted((ROOT / "examples" / "house-rules").glob("*.wordlist"))


def entry_of(raw: str) -> str:
    """The entry on a line ('' for a comment or a blank line), as read_word_list reads it."""
    entry = raw.split(" #", 1)[0].strip()
    return "" if entry.startswith("#") else entry


def sort_key(entry: str) -> str:
    return entry.split("->", 1)[0].strip().casefold()


def groups(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of consecutive entry lines, as (line number, entry)."""
    out: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(lines, start=1):
        entry = entry_of(raw)
        if entry:
            out[-1].append((number, entry))
        elif out[-1]:
            out.append([])
    return [g for g in out if g]


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_word_list_is_sorted(path: Path) -> None:
    for group in groups(path.read_text(encoding="utf-8").splitlines()):
        for (_, before), (number, after) in itertools.pairwise(group):
            assert sort_key(before) <= sort_key(after), (
                f"{path.relative_to(ROOT)}:{number}: {after!r} should come before {before!r} "
                f"(sort it with: python tests/test_packs_wordlists.py {path.relative_to(ROOT)})"
            )


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_word_list_has_no_duplicates(path: Path) -> None:
    seen: dict[str, int] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = entry_of(raw)
        if not entry:
            continue
        key = sort_key(entry)
        assert key not in seen, f"{path.relative_to(ROOT)}:{number}: {entry!r} repeats line {seen[key]}"
        seen[key] = number


def test_the_lists_are_found() -> None:
    assert any(p.name == "boilerplate-lines.txt" for p in LISTS)


def sort_file(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    for group in groups(lines):
        numbers = [n for n, _ in group]
        ordered = sorted((lines[n - 1] for n in numbers), key=lambda raw: sort_key(entry_of(raw)))
        for n, raw in zip(numbers, ordered, strict=True):
            lines[n - 1] = raw
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        sort_file(Path(name))
