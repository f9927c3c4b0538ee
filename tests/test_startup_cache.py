"""The start-up cache (checker.datacache.StartUpCache): a regular expression
or a data class method compiled through a kept copy is the very one compiled
afresh, a copy is used only for the same input and the same interpreter, and
the file is rewritten only when a run missed enough.  (Its effect on time is
measured by ``bench/run.py --only cold``; tests never assert on time.)"""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from checker import datacache
from checker.datacache import StartUpCache

ORIGINAL = re._compiler.compile  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _writes_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    # the cache is written as byte code is: not where PYTHONDONTWRITEBYTECODE is set, as it may be here
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


PATTERNS = [
    (r"(?P<name>[A-Z]\w+)\s+(?:said|says)(?=[,.])", 0),
    (r"\b(?:one|two|three|four)\s+(?P<what>people|dead)\b", re.IGNORECASE),
    (r"^[ \t]*#.*$", re.MULTILINE | re.ASCII),
    (rb"\x00(?P<b>[^\x00]+)\x00", 0),
    (r"(?x) a  b  # verbose", 0),
    (r"(?<=[.!?])\s+(?=[\"“A-Z])", 0),
]
SAMPLES = ["Ana Okafor said, then Ben Lo says.", "TWO PEOPLE were hurt; three dead", "  # a\nb\n#c", "ab", "x. “Yes"]


def _same(a: re.Pattern, b: re.Pattern) -> None:  # type: ignore[type-arg]
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))
    for sample in SAMPLES:
        text = sample.encode() if isinstance(a.pattern, bytes) else sample
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]  # type: ignore[arg-type]
        assert [m.groupdict() for m in a.finditer(text)] == [m.groupdict() for m in b.finditer(text)]  # type: ignore[arg-type]


def _saved(cache: StartUpCache) -> StartUpCache:
    """``cache`` written (whatever it missed) and read again, as the next run reads it."""
    cache.missed = 1.0
    cache.save()
    return StartUpCache(cache.path)


def test_a_kept_program_compiles_the_same_pattern(tmp_path: Path) -> None:
    first = StartUpCache(tmp_path / "start-up.marshal")
    fresh = [first.compile_pattern(ORIGINAL, p, f) for p, f in PATTERNS]
    assert len(first.patterns) == len(PATTERNS)
    again = _saved(first)
    assert len(again.patterns) == len(PATTERNS)
    for (pattern, flags), made in zip(PATTERNS, fresh, strict=True):
        kept = again.compile_pattern(ORIGINAL, pattern, flags)
        _same(kept, made)
        _same(kept, ORIGINAL(pattern, flags))
    assert again.missed == 0.0  # every one came from the file


def test_a_pattern_is_looked_up_by_its_text_and_flags(tmp_path: Path) -> None:
    cache = _saved_with(tmp_path, [("abc", 0)])
    assert cache.compile_pattern(ORIGINAL, "abc", re.IGNORECASE).match("ABC")
    assert cache.compile_pattern(ORIGINAL, b"abc", 0).match(b"abc")
    assert cache.missed > 0


def _saved_with(tmp_path: Path, patterns: list[tuple[str, int]]) -> StartUpCache:
    cache = StartUpCache(tmp_path / "start-up.marshal")
    for pattern, flags in patterns:
        cache.compile_pattern(ORIGINAL, pattern, flags)
    return _saved(cache)


def test_a_damaged_or_foreign_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "start-up.marshal"
    path.write_bytes(b"\x00not marshal")
    assert StartUpCache(path).patterns == {}
    cache = _saved_with(tmp_path, [("abc", 0)])
    stamp, *rest = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(((*stamp[:2], "another interpreter", *stamp[3:]), *rest)))
    assert StartUpCache(path).patterns == {}
    assert cache.patterns  # the file as written was read


def test_a_program_the_engine_refuses_is_compiled_afresh(tmp_path: Path) -> None:
    cache = _saved_with(tmp_path, [("abc", 0)])
    flags, code, *rest = cache.patterns[("abc", 0)]
    cache.patterns[("abc", 0)] = (flags, [99999, *code], *rest)
    assert cache.compile_pattern(ORIGINAL, "abc", 0).match("abc")


def test_the_file_is_rewritten_only_after_enough_misses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "start-up.marshal"
    cache = StartUpCache(path)
    cache.compile_pattern(ORIGINAL, "abc", 0)
    cache.missed = datacache.START_UP_REWRITE_AFTER / 2
    cache.save()
    assert not path.exists()
    cache.missed = datacache.START_UP_REWRITE_AFTER
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache.save()
    assert not path.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache.save()
    assert path.exists()


def test_what_later_writes_did_not_use_is_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = _saved_with(tmp_path, [("old", 0)])
    for n in range(datacache.START_UP_KEEP_WRITES):
        assert ("old", 0) in cache.patterns
        cache.compile_pattern(ORIGINAL, f"new{n}", 0)
        cache = _saved(cache)
    assert ("old", 0) not in cache.patterns
    assert (f"new{datacache.START_UP_KEEP_WRITES - 1}", 0) in cache.patterns


def test_kept_method_code_is_the_code_exec_compiles(tmp_path: Path) -> None:
    source = "def __create_fn__(_type_x):\n def __init__(self, x: _type_x):\n  self.x = x\n return __init__"
    cache = StartUpCache(tmp_path / "start-up.marshal")
    code = cache.compile_source(source)
    assert code == compile(source, "<string>", "exec", dont_inherit=True)
    kept = _saved(cache).compile_source(source)
    assert kept == code
    namespace: dict[str, object] = {}
    exec(kept, {}, namespace)
    init = namespace["__create_fn__"](int)  # type: ignore[operator]
    # this module's future import is not inherited: annotations are objects, not strings
    assert init.__annotations__ == {"x": int}


SCRIPT = textwrap.dedent(
    """
    import dataclasses, json, re, sys
    from checker import datacache

    if sys.argv[1] == "keep":
        datacache.keep_start_up()

    @dataclasses.dataclass(frozen=True, slots=True)
    class Point:
        x: int
        y: "int" = 0

    p = Point(1)
    pattern = re.compile(r"(?P<word>\\w+) said")
    out = {
        "repr": repr(p),
        "eq": p == Point(1, 0),
        "hash": hash(p) == hash(Point(1, 0)),
        "replace": repr(dataclasses.replace(p, y=2)),
        "frozen": False,
        "annotations": str(Point.__init__.__annotations__),
        "match": pattern.search("Ana said so").groupdict(),
    }
    try:
        p.x = 2
    except dataclasses.FrozenInstanceError:
        out["frozen"] = True
    datacache.START_UP_REWRITE_AFTER = 0.0  # a run this small misses less than a start does
    datacache.save_start_up()
    print(json.dumps(out))
    """
)


def test_a_process_that_keeps_its_start_up_behaves_the_same(tmp_path: Path) -> None:
    # the package's own __pycache__ is left alone: the file is written beside a copy of the module
    copy = tmp_path / "checker"
    copy.mkdir()
    (copy / "__init__.py").write_text((ROOT / "checker" / "__init__.py").read_text(encoding="utf-8"), encoding="utf-8")
    (copy / "datacache.py").write_text(Path(datacache.__file__).read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tmp_path)

    def run(mode: str) -> dict[str, object]:
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, env=env, check=True, cwd=tmp_path
        )
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    without = run("plain")
    first = run("keep")
    written = list((copy / "__pycache__").glob("start-up.*.marshal"))
    assert len(written) == 1
    second = run("keep")  # from the file
    assert first == second == without
    assert without["frozen"] and without["eq"] and without["hash"]
    assert without["match"] == {"word": "Ana"}
