"""Catastrophic backtracking: every regular expression in newslint's code and
in the rule packs, run against text made to defeat it.

Python's ``re`` backtracks, so a pattern with nested or overlapping
repetition (``(a+)+``, ``(\\w+\\s?)*:``) can take exponential time on a long
run of what it repeats followed by one character that spoils the match.
The patterns are collected from every module's globals (and the caches
filled by a run over an article), from every rule's instance, and compiled
from the packs' phrase lists.  Each is searched through strings built from
its own characters, under a generous per-pattern guard: a hang fails the
test with the pattern's name, instead of hanging the suite.  One match
attempt on a long run catches exponential backtracking; a scan (finditer)
of a short run catches it where a pattern only starts mid-text.  A pattern
that is merely rescanned from every position of a long run (quadratic
overall) is caught by the whole-pipeline stress texts of ``test_hostile.py``,
which run under the per-file time budget.

Rule packs take no regular expressions from users: phrase and boilerplate
lists are escaped, so a newsroom's list cannot add a dangerous pattern;
the last test pins that.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import re
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

import checker
from checker.config import Config
from checker.engine import Engine

# how long one pattern may take over all its attack strings before it is
# called a hang: far above what a linear pattern needs (milliseconds)
GUARD_SECONDS = 20
RUN = 5000  # characters in each attack run for one match attempt
SCAN = 200  # characters in each attack run for a scan

SAMPLE = (
    "Police say 12 people died in Kabul\n\n"
    "At least 12 people were killed on Tuesday, police said, and 1.5 million fled.\n\n"
    '"We will rebuild," said Maria Lopez, the mayor. Lopez added: \u201cIt is hard.\u201d\n\n'
    "Officials later said 15 people died. Advertisement\n"
)


def _walk(value: Any, depth: int, out: dict[tuple[str, int], str], where: str) -> None:
    if isinstance(value, re.Pattern):
        out.setdefault((value.pattern if isinstance(value.pattern, str) else repr(value.pattern), value.flags), where)
    elif depth > 0 and isinstance(value, dict):
        for k, v in list(value.items())[:5000]:
            _walk(v, depth - 1, out, where)
            _walk(k, depth - 1, out, where)
    elif depth > 0 and isinstance(value, list | tuple | set | frozenset):
        for v in list(value)[:5000]:
            _walk(v, depth - 1, out, where)


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        try:
            yield importlib.import_module(info.name)
        except Exception:  # an optional front end whose dependencies are missing
            continue


def collect_patterns() -> dict[tuple[str, int], str]:
    """Every compiled pattern: (pattern, flags) -> where it was found."""
    engine = Engine(Config(select=["ALL"], timeout=0))
    for suffix in (".txt", ".md", ".html"):
        text = SAMPLE if suffix != ".html" else "<p>" + SAMPLE.replace("\n\n", "</p><p>") + "</p>"
        engine.check_path("sample" + suffix, data=text.encode())  # fills the lazily compiled caches
    out: dict[tuple[str, int], str] = {}
    for module in _modules():
        for name, value in vars(module).items():
            where = f"{module.__name__}.{name}"
            _walk(value, 3, out, where)
            if isinstance(value, type) and value.__module__ == module.__name__:
                for attr, inner in vars(value).items():
                    _walk(inner, 2, out, f"{where}.{attr}")
    for rule in engine.rules:
        for attr in getattr(type(rule), "__slots__", ()) or ():
            _walk(getattr(rule, attr, None), 3, out, f"rule {rule.id}.{attr}")
        for attr, value in getattr(rule, "__dict__", {}).items():
            _walk(value, 3, out, f"rule {rule.id}.{attr}")
    return out


PATTERNS = collect_patterns()


def _characters(parsed: Any, out: set[str]) -> None:
    """The characters a parsed pattern names: literals and a few of each class."""
    for op, arg in parsed:
        if op is sre_constants.LITERAL:
            out.add(chr(arg))
        elif op is sre_constants.IN:
            for sub_op, sub_arg in arg:
                if sub_op is sre_constants.LITERAL:
                    out.add(chr(sub_arg))
                elif sub_op is sre_constants.RANGE:
                    out.update({chr(sub_arg[0]), chr(sub_arg[1])})
                elif sub_op is sre_constants.CATEGORY:
                    out.update(" a1A_.")
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            _characters(arg[2], out)
        elif op is sre_constants.SUBPATTERN:
            _characters(arg[-1], out)
        elif op is sre_constants.BRANCH:
            for alt in arg[1][:50]:
                _characters(alt, out)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            _characters(arg[1], out)
        elif op is sre_constants.ANY:
            out.update(" a.")


GENERAL = [" ", "a", "A", "1", ".", ",", "'", '"', "\u201c", "-", "\n", "a ", "A. ", "1,", "1.", "Ab ", "a-", "said "]


def attack_strings(pattern: str, flags: int) -> list[str]:
    """The units of the attack runs: the pattern's own characters (alone, in
    pairs, with spaces); each run ends in a character that spoils a match."""
    chars: set[str] = set()
    try:
        _characters(sre_parse.parse(pattern, flags), chars)
    except Exception:
        pass
    units = sorted(chars)[:40]
    pieces = [*GENERAL, *units, *(c + " " for c in units), *(a + b for a, b in itertools.pairwise(units))]
    return list(dict.fromkeys(pieces))


def _attack(compiled: re.Pattern[str], pattern: str, flags: int) -> None:
    for piece in attack_strings(pattern, flags):
        for size in (RUN, SCAN):
            body = piece * (size // len(piece))
            for text in (body + "\x00", body + "!", "x" + body):
                compiled.match(text)
                if size == SCAN:
                    for _ in compiled.finditer(text):
                        pass


class Hang(BaseException):
    pass


def _guarded(seconds: int) -> Any:
    def expire(signum: int, frame: object) -> None:
        raise Hang

    return signal.signal(signal.SIGALRM, expire)


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="needs the main thread")
@pytest.mark.parametrize("key", sorted(PATTERNS), ids=lambda k: PATTERNS[k])
def test_pattern_does_not_backtrack_catastrophically(key: tuple[str, int]) -> None:
    pattern, flags = key
    compiled = re.compile(pattern, flags)
    previous = _guarded(GUARD_SECONDS)
    signal.setitimer(signal.ITIMER_REAL, GUARD_SECONDS)
    try:
        _attack(compiled, pattern, flags)
    except Hang:
        pytest.fail(f"{PATTERNS[key]}: {pattern[:200]!r} backtracks for over {GUARD_SECONDS} s on a crafted string")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_patterns_were_found_in_code_and_packs() -> None:
    where = " ".join(PATTERNS.values())
    for module in ("checker.readers.html", "checker.analysis.quotes", "checker.analysis.text", "rule "):
        assert module in where, module
    assert len(PATTERNS) > 50


def test_the_guard_catches_a_catastrophic_pattern() -> None:
    """The attack strings do reach the classic exponential shapes."""
    for bad in (r"(a+)+$", r"(\w+\s?)*:", r"(?:a|a)*b", r"(\d+,?)+x"):
        compiled = re.compile(bad)
        previous = _guarded(1)
        signal.setitimer(signal.ITIMER_REAL, 1)
        try:
            with pytest.raises(Hang):
                _attack(compiled, bad, 0)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def test_pack_phrases_are_literal_so_users_cannot_add_a_dangerous_pattern(tmp_path: Path) -> None:
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "rules:\n"
        "  house-regex:\n"
        "    kind: phrase\n"
        "    severity: warning\n"
        "    summary: Phrases that look like patterns.\n"
        "    message: \"'{phrase}': {advice}.\"\n"
        "    params:\n"
        "      phrases:\n"
        "        '(a+)+$': ''\n"
        "        '(\\w+\\s?)*:': ''\n"
        "        'x.*y': ''\n",
        encoding="utf-8",
    )
    engine = Engine(Config(rule_packs=[str(pack)], select=["house-regex"], timeout=0))
    attack = "a" * 30 + "! " + "word " * 30 + "xzzzy\n\nSay (a+)+$ here.\n"
    (result,) = engine.check_path("draft.txt", data=attack.encode())
    assert [d.excerpt for d in result.result.diagnostics] == ["(a+)+$"]
