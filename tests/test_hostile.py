"""Hostile input, end to end: every file is either checked or refused with a
message that names it, the other files are still checked, exit code 2 when a
file could not be read, and each input's time and memory are bounded (by the
readers' limits and the per-file ``timeout``).  The largest (a single 5 MB
line, a million quotation marks, a .docx of 100,000 paragraphs) are checked
in full: a document of more than a megabyte of text is analysed in sections
(see ``Engine.check_document``), and no step grows with the square of its
length.

The inputs are made on the fly; none is kept in the repository.
"""

from __future__ import annotations

import codecs
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import Config
from checker.engine import Engine

GOOD = "Council meets\n\nThe council met on Monday and agreed the budget.\n\nAdvertisement\n"
ARTICLE = (
    "Police say 12 people died in Kabul\n\n"
    "At least 12 people were killed on Tuesday, police said.\n\n"
    '"We will rebuild," said Maria Lopez, the mayor. Lopez added: "It is hard."\n\n'
    "Officials later said 15 people died.\n\n"
)
MB = 1024 * 1024
# every test input must finish well inside the suite's 10 s per input: the
# largest are bounded by this budget, and reported when they run over it
TIMEOUT = 4.0

# The largest inputs, each some seconds of work, must be checked in full, not
# cut off by a budget: they are given one long enough to stop only a hang
# (these tests assert no speed; bench/README.md has the figures)
CHECKED_IN_FULL = (
    "docx-100k-paragraphs",
    "million-curly-quotes",
    "million-quotes",
    "pronoun-speakers",
    "single-5mb-line",
    "single-5mb-token",
)
HANG_BUDGET = 300.0

_engines: dict[float, Engine] = {}


def engine(timeout: float = TIMEOUT) -> Engine:
    """Every rule but grammar (it needs a LanguageTool server), under a time budget."""
    if timeout not in _engines:
        rules = [r.id for r in Engine(Config(select=["ALL"])).rules if r.spec.kind != "grammar"]
        _engines[timeout] = Engine(Config(select=rules, timeout=timeout))
    return _engines[timeout]


def docx(paragraphs: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>",
        )
        body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>",
        )
    return out.getvalue()


def zip_bomb() -> bytes:
    """A .docx whose document.xml unpacks to 110 MB of zeros (about 110 kB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = bytes(MB)
            for _ in range(110):
                member.write(chunk)
    return out.getvalue()


def stress(unit: str, size: int = 40_000) -> str:
    """``unit`` repeated to about ``size`` characters: the shape that makes a
    backtracking pattern try every split of a long run."""
    return unit * (size // len(unit))


# name -> (file name, bytes, what the run must say: None when the file is checked,
# else a fragment of the error)
Input = tuple[str, Callable[[], bytes], str | None]
INPUTS: dict[str, Input] = {
    "binary": ("blob.txt", lambda: bytes(range(256)) * 64, "binary file"),
    "png-renamed": ("photo.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "PNG image"),
    "empty-text": ("empty.txt", lambda: b"", None),
    "empty-markdown": ("empty.md", lambda: b"", None),
    "empty-html": ("empty.html", lambda: b"", None),
    "empty-json": ("empty.json", lambda: b"", "empty"),
    "empty-jsonl": ("empty.jsonl", lambda: b"", "empty"),
    "empty-docx": ("empty.docx", lambda: b"", "empty file"),
    "invalid-utf8": ("bad.txt", lambda: b"Line one\nLine two \xff\xfe here\n", "line 2"),
    "utf16-bom": ("utf16.txt", lambda: codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), None),
    "utf8-bom": ("bom.txt", lambda: codecs.BOM_UTF8 + ARTICLE.encode(), None),
    "windows-1252": (
        "cp1252.txt",
        lambda: "Caf\u00e9 \u201cquoted\u201d \u2013 dash\n".encode("cp1252"),
        "Windows-1252",
    ),
    "cr-only": ("mac.txt", lambda: ARTICLE.replace("\n", "\r").encode(), None),
    "single-5mb-line": ("line.txt", lambda: stress("word " * 11 + "and. ", 5 * MB).encode(), None),
    "single-5mb-token": ("token.txt", lambda: b"x" * (5 * MB), None),
    "html-nested-100k": ("deep.html", lambda: b"<div>" * 100_000 + b"Deep text." + b"</div>" * 100_000, None),
    "html-nested-100k-unclosed": ("deep2.html", lambda: b"<b><i>" * 50_000 + b"Text.", None),
    "html-unclosed-tags": ("open.html", lambda: b"<html><body><p>One <b>two <i>three <div><p>four", None),
    "html-unclosed-comment": ("comment.html", lambda: b"<p>Before.</p><!-- never closed <p>after</p>", None),
    "html-unclosed-attribute": ("attr.html", lambda: b'<p class="x>Text ' + b"a" * 100_000, None),
    "html-many-tags": ("tags.html", lambda: b"<p>" * 200_000, None),
    "docx-not-zip": ("fake.docx", lambda: b"This is not a zip archive at all.\n", "not a zip archive"),
    "docx-zip-bomb": ("bomb.docx", zip_bomb, "zip bomb"),
    "docx-100k-paragraphs": ("long.docx", lambda: docx([f"Paragraph {i}." for i in range(100_000)]), None),
    "json-array-of-numbers": ("list.json", lambda: b"[1, 2, 3]", "json"),
    "json-string": ("string.json", lambda: b'"just a string"', "json"),
    "json-number": ("number.json", lambda: b"42", "json"),
    "json-null": ("null.json", lambda: b"null", "json"),
    "json-deep": ("deep.json", lambda: b"[" * 100_000 + b"]" * 100_000, "json"),
    "jsonl-garbage-line": ("bad.jsonl", lambda: b'{"body": "Fine."}\nnot json\n', ".jsonl:2:"),
    "million-quotes": ("quotes.txt", lambda: b'"' * 1_000_000, None),
    # one paragraph of thousands of quotes, each said by "it": every pronoun
    # looks back for what it stands for, and once read the whole paragraph
    "pronoun-speakers": (
        "pronouns.txt",
        lambda: (
            "Acme\n\n"
            + " ".join(
                'The Acme Corporation opened a plant. "We will close it," it said. "It is sad," a worker said.'
                for _ in range(4000)
            )
        ).encode(),
        None,
    ),
    "million-curly-quotes": ("curly.txt", lambda: ("\u201c" * 500_000 + "\u201d" * 500_000).encode(), None),
    "unbalanced-quotes": (
        "unbalanced.txt",
        lambda: ('"Open, he said.\n\n' * 2000 + "\u201cAnd \u2018this.\n").encode(),
        None,
    ),
    "500-digit-numbers": ("digits.txt", lambda: ("Police said " + "9" * 500 + " people died.\n\n").encode() * 50, None),
    "5000-digit-numbers": (
        "digits2.txt",
        lambda: ("About " + "7" * 5000 + " were killed, police said.\n\n").encode() * 5,
        None,
    ),
    "many-numbers": ("numbers.txt", lambda: stress("12 people, 1.5 million, 3,000 dead, ").encode(), None),
    "markdown-deep-quotes": ("deep.md", lambda: b">" * 100_000 + b" text", None),
    "markdown-deep-lists": ("lists.md", lambda: "".join("  " * i + "- item\n" for i in range(1000)).encode(), None),
    "markdown-many-emphasis": ("emph.md", lambda: b"*a **b " * 50_000, None),
    "markdown-unclosed-fence": ("fence.md", lambda: b"```\n" + b"code line\n" * 100_000, None),
    "markdown-link-brackets": ("links.md", lambda: b"[" * 100_000 + b"x" + b"](" * 50_000, None),
}

# text that makes a backtracking pattern work hardest: long runs of what a
# pattern repeats, each spoiled by the one character it needs at the end
REGEX_STRESS = {
    "spaces": stress(" "),
    "tabs-and-spaces": stress(" \t"),
    "letters": stress("a"),
    "capitalised-words": stress("Word "),
    "initials": stress("A. "),
    "hyphens": stress("a-"),
    "digits": stress("1"),
    "digit-groups": stress("1,"),
    "decimals": stress("1."),
    "apostrophes": stress("a'"),
    "straight-quotes": stress('a "'),
    "curly-quotes": stress("\u201ca "),
    "commas": stress("a, "),
    "dots": stress("."),
    "ellipses": stress("... "),
    "said-chains": stress("said "),
    "titles": stress("Mr "),
    "newlines": stress("\n"),
    "crlf": stress("a\r\n"),
    "mixed-punctuation": stress("(\"'[,;:-"),
    "number-words": stress("one hundred and "),
    "names": stress("Maria Lopez "),
    "url-like": stress("http://a."),
}


def _run(name: str, data: bytes, timeout: float = TIMEOUT) -> list:
    results = engine(timeout).check_path(name, data=data)
    engine(timeout).finish_corpus(results)
    return [r.result for r in results]


# the largest inputs are checked in linear time, but may run over the
# budget (on a busy machine, any may): then they must be reported as such


@pytest.mark.parametrize("key", CHECKED_IN_FULL)
def test_the_largest_inputs_are_checked_in_full(key: str) -> None:
    name, make, expected = INPUTS[key]
    assert expected is None
    (result,) = _run(name, make(), HANG_BUDGET)
    assert result.error is None, result.error
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1 and (d.line, d.column) <= (d.end_line, d.end_column)


@pytest.mark.parametrize("key", sorted(set(INPUTS) - set(CHECKED_IN_FULL)))
def test_hostile_input_is_checked_or_refused_by_name(key: str) -> None:
    name, make, expected = INPUTS[key]
    results = _run(name, make())
    assert results
    for result in results:
        assert result.error is None or "internal error" not in result.error, result.error
        if result.error is not None and "took longer" in result.error:
            assert result.error.startswith(f"{name}: not checked: it took longer than {TIMEOUT:g} s"), result.error
            continue
        if expected is None:
            assert result.error is None, result.error
        else:
            assert result.error is not None, f"{key} was not refused"
            assert result.error.startswith(name), result.error
            assert expected.lower() in result.error.lower(), result.error
        for d in result.diagnostics:
            assert d.line >= 1 and d.column >= 1 and (d.line, d.column) <= (d.end_line, d.end_column)


@pytest.mark.parametrize("key", sorted(REGEX_STRESS))
@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_regex_stress_text_is_checked_within_the_budget(key: str, suffix: str) -> None:
    text = REGEX_STRESS[key]
    if suffix == ".html":
        text = "<p>" + text + "</p>"
    (result,) = _run("stress" + suffix, text.encode())
    assert result.error is None or result.error.startswith(f"stress{suffix}: not checked: it took longer"), result.error


def test_utf16_findings_point_at_the_right_place() -> None:
    data = codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")
    (result,) = _run("utf16.txt", data)
    assert [(d.rule, d.line, d.column) for d in result.diagnostics if d.rule == "boilerplate"] == [
        ("boilerplate", 5, 1)
    ]


def test_cr_only_findings_point_at_the_right_line() -> None:
    (result,) = _run("mac.txt", GOOD.replace("\n", "\r").encode())
    assert [(d.line, d.column) for d in result.diagnostics if d.rule == "boilerplate"] == [(5, 1)]


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for name in ("NO_COLOR", "FORCE_COLOR", "NEWSLINT_LANGUAGETOOL_URL"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner()


REFUSED = sorted(k for k, v in INPUTS.items() if v[2] is not None and k not in ("docx-zip-bomb",))


@pytest.mark.parametrize("key", REFUSED)
def test_cli_reports_the_bad_file_checks_the_others_and_exits_2(key: str, tmp_path: Path, runner: CliRunner) -> None:
    name, make, _ = INPUTS[key]
    bad = tmp_path / name
    bad.write_bytes(make())
    good = tmp_path / "zz-good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(
        app, ["check", "--no-config", "--select", "boilerplate", "-j", "1", "--format", "json", str(bad), str(good)]
    )
    assert result.exit_code == 2, result.output
    report = json.loads(result.stdout)
    by_path = {f["path"]: f for f in report["files"]}
    assert [f["rule"] for f in by_path[str(good)]["findings"]] == ["boilerplate"]
    assert str(bad) in result.stderr


def test_a_file_over_max_file_size_is_reported_not_read(tmp_path: Path, runner: CliRunner) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 50 MB, written a megabyte at a time
        line = b"The council met on Monday and agreed the budget for the year.\n" * (MB // 64)
        for _ in range(50):
            fh.write(line)
    assert big.stat().st_size >= 50 * 1_000_000
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["check", "--no-config", "--select", "boilerplate", "-j", "1", str(big), str(good)])
    assert result.exit_code == 2
    assert f"{big}: file is" in result.output and "max-file-size" in result.output
    assert f"{good}:5:1" in result.output


def test_max_file_size_comes_from_the_configuration(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "newslint.toml").write_text("max-file-size = 100\nselect = ['boilerplate']\n")
    (tmp_path / "small.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "large.txt").write_text(GOOD * 10, encoding="utf-8")
    result = runner.invoke(app, ["check", "-j", "1", str(tmp_path)])
    assert result.exit_code == 2
    assert "large.txt: file is" in result.output and "over the limit of 100" in result.output
    assert "small.txt:5:1" in result.output


# the timer may land in a garbage-collector callback, which reports the exception as unraisable; the engine
# still reports the file as over its budget (see checker.engine._time_limit)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_time_budget_comes_from_the_configuration_and_is_reported(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "newslint.toml").write_text("timeout = 0.001\n")
    slow = tmp_path / "slow.txt"
    slow.write_text(ARTICLE * 2000, encoding="utf-8")
    result = runner.invoke(app, ["check", "-j", "1", str(slow)])
    assert result.exit_code == 2
    assert f"{slow}: not checked: it took longer than 0.001 s" in result.output
