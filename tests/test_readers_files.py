"""Every reader end to end, from files on disk (tests/fixtures/readers/), through the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, engine_for

READERS = FIXTURES / "readers"


def found(name: str) -> list[tuple[str, int, int, int, int]]:
    results = engine_for("boilerplate").check_path(str(READERS / name))
    out = []
    for r in results:
        assert r.result.error is None, r.result.error
        label = Path(r.result.path).name
        out += [(label, d.line, d.column, d.end_line, d.end_column) for d in r.result.diagnostics]
    return out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wire-crlf.txt", [("wire-crlf.txt", 3, 52, 3, 65), ("wire-crlf.txt", 5, 1, 5, 12)]),
        # line 11 is silenced by the comment on line 10; front matter is not read as copy
        ("story.md", [("story.md", 8, 23, 8, 36), ("story.md", 15, 1, 15, 25)]),
        # the <nav> is furniture; the entity before the label does not shift its column
        ("page.html", [("page.html", 6, 60, 6, 73), ("page.html", 8, 4, 8, 39)]),
        ("export.json", [("export.json#cb-1", 2, 49, 2, 62)]),
        ("feed.jsonl", [("feed.jsonl#a", 1, 52, 1, 65)]),
    ],
)
def test_fixture_findings(name: str, expected: list[tuple[str, int, int, int, int]]) -> None:
    assert found(name) == expected


def test_unreadable_file_is_reported_not_raised(tmp_path: Path) -> None:
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (result,) = engine_for("boilerplate").check_path(str(png))
    assert result.result.error == f"{png}: binary file (a PNG image), not text"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it() -> None:
    (result,) = engine_for("boilerplate").check_path("/dev/zero")
    assert result.result.error == "/dev/zero: not a regular file (a device, pipe or socket)"


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    from checker.readers import ReadError, ReadOptions, read_path

    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    with pytest.raises(ReadError, match="over the limit of 100"):
        read_path(big, options=ReadOptions(max_file_size=100))
    assert read_path(big, options=ReadOptions(max_file_size=10_000))[0].text.startswith("word")
