"""The command line, in process: exit codes, file discovery, formats and options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from checker import __version__
from checker.cli import app

CLEAN = "Council meets\n\nThe council met on Monday and agreed the budget.\n"
DIRTY = "Council meets\n\nThe council met on Monday.\n\nAdvertisement\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for name in ("NO_COLOR", "FORCE_COLOR", "NEWSLINT_LANGUAGETOOL_URL"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner()


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def check(runner: CliRunner, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", "--no-config", "--select", "boilerplate", "-j", "1", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


# -- exit codes ------------------------------------------------------------------


def test_exit_0_when_clean(runner: CliRunner, tmp_path: Path) -> None:
    code, out, _ = check(runner, str(write(tmp_path / "a.txt", CLEAN)))
    assert code == 0 and out == "1 file checked, 0 findings.\n"


def test_exit_1_on_findings_at_the_failure_level(runner: CliRunner, tmp_path: Path) -> None:
    path = str(write(tmp_path / "a.txt", DIRTY))
    assert check(runner, path)[0] == 1
    assert check(runner, path, "--fail-on", "error")[0] == 0
    assert check(runner, path, "--fail-on", "info")[0] == 1
    assert check(runner, path, "--exit-zero")[0] == 0
    photo = str(write(tmp_path / "photo.txt", PNG))
    assert check(runner, path, photo, "--exit-zero")[0] == 2


def test_fail_on_from_the_config(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", 'fail-on = "error"\nselect = ["boilerplate"]\n')
    path = str(write(tmp_path / "a.txt", DIRTY))
    assert runner.invoke(app, ["check", "-j", "1", path]).exit_code == 0
    assert runner.invoke(app, ["check", "-j", "1", "--no-config", "--select", "boilerplate", path]).exit_code == 1


def test_binary_file_exit_2_and_the_others_are_still_checked(runner: CliRunner, tmp_path: Path) -> None:
    photo = write(tmp_path / "photo.txt", PNG)
    dirty = write(tmp_path / "b.txt", DIRTY)
    code, out, _ = check(runner, str(photo), str(dirty))
    assert code == 2
    assert f"error: {photo}: binary file (a PNG image), not text\n" in out
    assert f"{dirty}:5:1: warning boilerplate" in out
    assert out.endswith("2 files checked, 1 finding (0 errors, 1 warning, 0 info), 1 could not be read.\n")


def test_unreadable_file_reported_on_stderr_for_machine_formats(runner: CliRunner, tmp_path: Path) -> None:
    photo = write(tmp_path / "photo.txt", PNG)
    code, out, err = check(runner, "--format", "json", str(photo), str(write(tmp_path / "b.txt", CLEAN)))
    assert code == 2
    data = json.loads(out)
    assert data["files"][0]["error"].endswith("binary file (a PNG image), not text")
    assert data["files"][1]["findings"] == []
    assert "binary file" in err


def test_invalid_utf8_names_the_line(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"Headline\n\nCaf\xe9 au lait\n")
    code, out, _ = check(runner, str(path))
    assert code == 2 and f"{path}:3: not valid UTF-8" in out


def test_missing_path_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    code, out, _ = check(runner, str(tmp_path / "nope.txt"), str(write(tmp_path / "a.txt", CLEAN)))
    assert code == 2 and "nope.txt: no such file or folder" in out


def test_usage_errors_are_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["check"]).exit_code == 2
    assert runner.invoke(app, ["check", "--format", "xml", "a.txt"]).exit_code == 2
    assert runner.invoke(app, ["check", "--fail-on", "fatal", "a.txt"]).exit_code == 2
    result = runner.invoke(app, ["check", "--no-config", "--select", "no-such-rule", str(tmp_path)])
    assert result.exit_code == 2 and "unknown rule id 'no-such-rule'" in result.stderr


def test_bad_config_is_exit_2_and_names_the_key(runner: CliRunner, tmp_path: Path) -> None:
    config = write(tmp_path / "newslint.toml", "colour = 'red'\n")
    result = runner.invoke(app, ["check", str(write(tmp_path / "a.txt", CLEAN))])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newslint: {config}: unknown key 'colour'")


def test_bad_rule_pack_is_exit_2_and_names_file_line_and_key(runner: CliRunner, tmp_path: Path) -> None:
    pack_text = "rules:\n  x:\n    kind: phrase\n    summary: s\n    message: m\n    size: 3\n"
    pack = write(tmp_path / "house" / "p.yaml", pack_text)
    write(tmp_path / "newslint.toml", 'rule-packs = ["house"]\n')
    result = runner.invoke(app, ["check", str(write(tmp_path / "a.txt", CLEAN))])
    assert result.exit_code == 2 and f"{pack}:6: rule 'x': unknown key 'size'" in result.stderr


def test_no_config_ignores_a_broken_config(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", "colour = 'red'\n")
    assert check(runner, str(write(tmp_path / "a.txt", CLEAN)))[0] == 0


# -- finding files -----------------------------------------------------------------


def tree(tmp_path: Path) -> Path:
    write(tmp_path / "desk" / "a.txt", DIRTY)
    write(tmp_path / "desk" / "sub" / "b.txt", DIRTY)
    write(tmp_path / "desk" / "sub" / "notes.py", "print('not an article')\n")
    write(tmp_path / "desk" / ".hidden" / "c.txt", DIRTY)
    write(tmp_path / "desk" / "drafts" / "d.txt", DIRTY)
    return tmp_path / "desk"


def checked(out: str) -> list[str]:
    return sorted({line.split(":")[0] for line in out.splitlines() if ": warning " in line})


def test_folders_recursively_by_extension(runner: CliRunner, tmp_path: Path) -> None:
    desk = tree(tmp_path)
    code, out, _ = check(runner, "-q", str(desk))
    assert code == 1
    assert checked(out) == [str(desk / "a.txt"), str(desk / "drafts" / "d.txt"), str(desk / "sub" / "b.txt")]


def test_globs_and_exclude(runner: CliRunner, tmp_path: Path) -> None:
    desk = tree(tmp_path)
    _, out, _ = check(runner, "-q", str(desk / "**" / "*.txt"), "--exclude", "*/drafts/*")
    assert checked(out) == [str(desk / "a.txt"), str(desk / "sub" / "b.txt")]
    _, out, _ = check(runner, "-q", str(desk), "--exclude", "b.txt")
    assert checked(out) == [str(desk / "a.txt"), str(desk / "drafts" / "d.txt")]
    code, out, _ = check(runner, str(desk / "*.docx"))
    assert code == 2 and "no file matches this pattern" in out


def test_many_files_in_parallel_keep_their_order(runner: CliRunner, tmp_path: Path) -> None:
    for i in range(30):
        write(tmp_path / f"f{i:02}.txt", DIRTY if i % 3 == 0 else CLEAN)
    args = ["check", "--no-config", "--select", "boilerplate", "-q", "--format", "json", str(tmp_path)]
    serial = runner.invoke(app, [*args, "-j", "1"])
    parallel = runner.invoke(app, [*args, "-j", "2"])
    assert serial.exit_code == parallel.exit_code == 1
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)
    paths = [f["path"] for f in json.loads(serial.stdout)["files"]]
    assert paths == [str(tmp_path / f"f{i:02}.txt") for i in range(30)]


def test_no_progress_bar_when_stderr_is_not_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    for i in range(25):
        write(tmp_path / f"f{i:02}.txt", CLEAN)
    code, out, err = check(runner, str(tmp_path))
    assert code == 0 and err == "" and out == "25 files checked, 0 findings.\n"


def test_stdin_with_a_filename(runner: CliRunner) -> None:
    code, out, _ = check(runner, "-", "--stdin-filename", "desk/story.txt", stdin=DIRTY.encode())
    assert code == 1 and out.startswith("desk/story.txt:5:1: warning boilerplate ")
    code, out, _ = check(runner, "-", stdin=CLEAN.encode())
    assert code == 0


def test_stdin_filename_finds_the_config(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", 'ignore = ["boilerplate"]\n')
    args = ["check", "-", "--stdin-filename", str(tmp_path / "story.txt")]
    assert runner.invoke(app, args, input=DIRTY.encode()).exit_code == 0


# -- output options ----------------------------------------------------------------


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.sarif"
    report.parent.mkdir()
    code, out, _ = check(runner, "--format", "sarif", "--output", str(report), str(write(tmp_path / "a.txt", DIRTY)))
    assert code == 1 and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "boilerplate"


def test_output_file_that_cannot_be_written(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["check", "--no-config", "-o", str(tmp_path / "no" / "such" / "r.json"), str(write(tmp_path / "a.txt", CLEAN))],
    )
    assert result.exit_code == 2 and "cannot write the report to" in result.stderr


def test_colour_only_when_forced_on_and_never_with_no_color(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(write(tmp_path / "a.txt", DIRTY))
    assert "\033[" not in check(runner, path)[1]  # not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\033[" in check(runner, path)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in check(runner, path)[1]
    monkeypatch.setenv("NO_COLOR", "")  # set but empty does not count (no-color.org)
    assert "\033[" in check(runner, path)[1]


def test_quiet_and_statistics(runner: CliRunner, tmp_path: Path) -> None:
    path = str(write(tmp_path / "a.txt", DIRTY + "\nLatest News\n"))
    _, out, _ = check(runner, "--quiet", path)
    assert [line.split(": ")[0] for line in out.splitlines()[:2]] == [f"{path}:5:1", f"{path}:7:1"]
    assert not any(line.startswith("  ") for line in out.splitlines())
    _, out, _ = check(runner, "--statistics", path)
    assert "     2  boilerplate\n" in out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_every_format_runs(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    code, out, _ = check(runner, "--format", fmt, str(write(tmp_path / "a.txt", DIRTY)))
    assert code == 1 and "boilerplate" in out


def test_github_format(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", DIRTY)
    _, out, _ = check(runner, "--format", "github", str(path))
    assert out.splitlines()[0].startswith(f"::warning file={path},line=5,col=1,endLine=5,endColumn=14,")


# -- other commands ----------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"newslint {__version__}\n"


def test_rules_lists_every_rule(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "--no-config"])
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["rule", "kind", "severity", "on", "summary"]
    boilerplate = next(r for r in rows if r.startswith("boilerplate "))
    assert boilerplate.split()[:4] == ["boilerplate", "boilerplate", "warning", "yes"]


def test_rules_include_house_rules_from_the_config(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "--config", str(ROOT / "examples" / "newslint.toml")])
    assert result.exit_code == 0 and "house-euphemism" in result.stdout


def test_explain(runner: CliRunner) -> None:
    result = runner.invoke(app, ["explain", "boilerplate"])
    assert result.exit_code == 0
    for title in ("What it flags", "Why it matters", "Example", "Fix"):
        assert f"\n{title}\n" in result.stdout
    result = runner.invoke(app, ["explain", "house-euphemism", "--config", str(ROOT / "examples" / "newslint.toml")])
    assert result.exit_code == 0 and "passed away" in result.stdout


def test_explain_unknown_rule(runner: CliRunner) -> None:
    result = runner.invoke(app, ["explain", "no-such-rule", "--no-config"])
    assert result.exit_code == 2 and "unknown rule 'no-such-rule'" in result.stderr


def test_init_writes_a_starter_config_once(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0 and (tmp_path / "newslint.toml").read_text().startswith("# newslint configuration")
    again = runner.invoke(app, ["init"])
    assert again.exit_code == 2 and "exists" in again.stderr
    assert runner.invoke(app, ["init", "--force"]).exit_code == 0
    # the starter config is valid: checking with it works
    assert runner.invoke(app, ["check", "-j", "1", str(write(tmp_path / "a.txt", CLEAN))]).exit_code == 0


def test_progress_bar_on_stderr_when_it_is_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from checker import cli
    from checker.config import Config
    from checker.engine import Engine
    from checker.runner import check_files

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    files = [str(write(tmp_path / f"f{i:02}.txt", CLEAN)) for i in range(25)]
    engine = Engine(Config(select=["boilerplate"]))
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    results = cli._check_with_progress(engine, files, 1, True, {}, check_files)
    assert len(results) == 25 and "checking" in terminal.getvalue()
    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    cli._check_with_progress(engine, files[:5], 1, True, {}, check_files)  # too few files for a bar
    assert quiet.getvalue() == ""


def test_inline_suppressions_and_unused_ones(runner: CliRunner, tmp_path: Path) -> None:
    draft = write(
        tmp_path / "a.md",
        "# Council meets\n\nThe council met.\n\n<!-- newslint-disable-next-line boilerplate -->\nAdvertisement\n\n"
        "<!-- newslint-disable-next-line boilerplate -->\nThe vote was close.\n",
    )
    code, out, _ = check(runner, "-q", str(draft))
    assert code == 0 and out == "1 file checked, 0 findings.\n"
    code, out, _ = check(runner, "-q", "--report-unused-suppressions", str(draft))
    assert code == 0  # an unused suppression is info, below the default failure level
    assert out.splitlines()[0] == (
        f"{draft}:8:1: info unused-suppression this suppression (boilerplate) suppresses nothing; remove it"
    )
    assert check(runner, "-q", "--report-unused-suppressions", "--fail-on", "info", str(draft))[0] == 1
