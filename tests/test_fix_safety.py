"""``--fix`` never loses an editor's work: the write goes through a temporary
file and an atomic rename, keeps the file's encoding, byte-order mark, line
endings and permissions, is skipped with a message when the file changed
after it was read, and a second run changes nothing."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker.fixes
from checker.cli import app
from checker.fixes import FixError, write_atomically

PACK = """\
rules:
  house-died:
    kind: phrase
    severity: warning
    summary: Say died.
    message: "'{phrase}': {advice}."
    params:
      fix: safe
      phrases:
        passed away: died
        in a bid to: to
"""
DRAFT = "Council\r\n\r\nThe mayor passed away on Monday.\r\n\r\nIn a bid to help, caf\u00e9s closed.\r\n"
FIXED = "Council\r\n\r\nThe mayor died on Monday.\r\n\r\nTo help, caf\u00e9s closed.\r\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "house.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('rule-packs = ["house.yaml"]\nselect = ["house-died"]\n')
    return tmp_path


def fix(path: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "--fix", "-j", "1", *extra, str(path)])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("codec", "bom", "eol"),
    [
        ("utf-8", b"", "\r\n"),
        ("utf-8", codecs.BOM_UTF8, "\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "\r"),
    ],
)
def test_fix_keeps_encoding_bom_and_line_endings(project: Path, codec: str, bom: bytes, eol: str) -> None:
    draft = project / "draft.txt"
    draft.write_bytes(bom + DRAFT.replace("\r\n", eol).encode(codec))
    code, output = fix(draft)
    assert "applied 2 fix(es)" in output, output
    assert draft.read_bytes() == bom + FIXED.replace("\r\n", eol).encode(codec)
    assert code == 0


def test_fix_keeps_a_forced_legacy_encoding(project: Path) -> None:
    draft = project / "draft.txt"
    draft.write_bytes(DRAFT.encode("cp1252"))
    fix(draft, "--encoding", "cp1252")
    assert draft.read_bytes() == FIXED.encode("cp1252")


def test_fix_keeps_permissions_and_leaves_no_temporary_file(project: Path) -> None:
    draft = project / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8", newline="")
    os.chmod(draft, 0o640)
    before = set(os.listdir(project))
    fix(draft)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert set(os.listdir(project)) == before


def test_fix_through_a_symbolic_link_rewrites_the_target(project: Path) -> None:
    real = project / "real.txt"
    real.write_text(DRAFT, encoding="utf-8", newline="")
    link = project / "link.txt"
    link.symlink_to(real)
    fix(link)
    assert link.is_symlink()
    assert real.read_bytes().decode() == FIXED


def test_applying_fixes_twice_changes_nothing_the_second_time(project: Path) -> None:
    draft = project / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8", newline="")
    fix(draft)
    once = draft.read_bytes()
    mtime = draft.stat().st_mtime_ns
    code, output = fix(draft)
    assert draft.read_bytes() == once
    assert draft.stat().st_mtime_ns == mtime  # not even rewritten
    assert "applied" not in output and code == 0


def test_a_file_changed_after_it_was_read_is_skipped_with_a_message(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = project / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8", newline="")
    edited = DRAFT + "A paragraph the editor added meanwhile.\r\n"
    original = checker.fixes.plan_fixes

    def editor_saves_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        draft.write_text(edited, encoding="utf-8", newline="")
        return original(*args, **kwargs)

    monkeypatch.setattr(checker.fixes, "plan_fixes", editor_saves_meanwhile)
    code, output = fix(draft)
    assert draft.read_bytes().decode() == edited
    assert f"{draft}: changed since it was read; not fixed (run again)" in output
    assert code == 2


def test_a_failed_write_leaves_the_original_and_no_temporary_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = project / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8", newline="")
    before = set(os.listdir(project))

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(checker.fixes.os, "replace", disk_full)
    code, output = fix(draft)
    assert draft.read_bytes().decode() == DRAFT
    assert set(os.listdir(project)) == before
    assert "No space left on device" in output and code == 2


def test_a_fix_the_encoding_cannot_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(FixError, match="cp1252 cannot store"):
        write_atomically(str(path), "caf\u00e9 \u0100", "cp1252", False, b"caf\xe9")
    assert path.read_bytes() == b"caf\xe9"


def test_diff_changes_nothing(project: Path) -> None:
    draft = project / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8", newline="")
    result = CliRunner().invoke(app, ["check", "--diff", "-j", "1", str(draft)])
    assert "-The mayor passed away on Monday." in result.output
    assert draft.read_bytes().decode() == DRAFT


def test_fix_reports_an_unreadable_file_and_fixes_the_others(project: Path) -> None:
    bad = project / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    draft = project / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8", newline="")
    result = CliRunner().invoke(app, ["check", "--fix", "-j", "1", str(bad), str(draft)])
    assert result.exit_code == 2
    assert f"{bad}: binary file (a PNG image), not text" in result.output
    assert draft.read_bytes().decode() == FIXED


def test_fix_honours_the_size_limit_and_time_budget(project: Path) -> None:
    draft = project / "draft.txt"
    draft.write_text(DRAFT * 50, encoding="utf-8", newline="")
    (project / "newslint.toml").write_text(
        'rule-packs = ["house.yaml"]\nselect = ["house-died"]\nmax-file-size = 100\n'
    )
    code, output = fix(draft)
    assert code == 2 and "over the limit of 100" in output
    (project / "newslint.toml").write_text('rule-packs = ["house.yaml"]\nselect = ["house-died"]\ntimeout = 0.000001\n')
    code, output = fix(draft)
    assert code == 2 and "took longer than" in output
    assert draft.read_bytes().decode() == DRAFT * 50
