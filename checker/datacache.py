"""Data files parsed once and kept between runs, as byte code is.

Reading the rule packs and the count categories needs PyYAML, whose import
alone is nearly 20 ms of every single-file check.  What a built-in file
parses to is kept next to it, in ``__pycache__/NAME.WHAT.TAG.marshal``
(``TAG`` is the interpreter's byte-code tag), together with the very text it
was parsed from: a kept copy is used only when that text equals the file's
text now, so an edited file is parsed afresh and its copy replaced, never
served stale.

What is made from a dependency's data file (pyphen's hyphenation patterns,
filed: 7 ms; an index of the CMU dictionary's 126,000 lines) is kept beside
the built-in rules' copies, stamped with the file's size and modification
time rather than its text, which would cost as much to read and compare as
the work saved (:func:`derived`).

Like Python's own byte code, copies are written only when byte code may be
(``PYTHONDONTWRITEBYTECODE`` unset) and the folder is writable; otherwise the
file is simply parsed every time.  Only the built-in data is kept: a house
pack's folder belongs to its newsroom.

The command line keeps one more file the same way, the start-up cache at the
end of this module: the regular expressions and data class methods that every
start compiles.
"""

from __future__ import annotations

import marshal
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# bumped whenever what is kept for a file changes shape (a copy of another
# format is then parsed afresh, whatever its text)
FORMAT = 1


def _copy_path(path: Path, what: str) -> Path:
    return path.parent / "__pycache__" / f"{path.name}.{what}.{sys.implementation.cache_tag}.marshal"


def is_builtin(path: Path) -> bool:
    """Whether ``path`` is a data file of the built-in rules (the only files whose copies are kept)."""
    from checker.packs import builtin_rules_dir

    try:
        return path.resolve().is_relative_to(builtin_rules_dir())
    except OSError:  # FileNotFoundError: no built-in rules at all
        return False


def cached(path: Path, text: str, what: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)`` for the built-in data file ``path`` whose contents are
    ``text``, from the copy kept for it when that copy was made from the same
    text (a dependency's data file is kept by :func:`derived`).

    ``what`` names the kind of result (two readers of one file keep two
    copies).  ``parse`` must return plain data (strings, numbers, booleans,
    None, tuples, lists, dicts); a result with anything else is not kept.
    """
    if not is_builtin(path):
        return parse(text)
    copy = _copy_path(path, what)
    try:
        kept = marshal.loads(copy.read_bytes())
        if isinstance(kept, tuple) and len(kept) == 4 and kept[:3] == (FORMAT, what, text):
            return kept[3]
    except Exception:  # missing, unreadable, truncated or foreign: parse afresh
        pass
    result = parse(text)
    if not sys.dont_write_bytecode:
        _keep(copy, (FORMAT, what, text, result))
    return result


def derived(path: Path, what: str, make: Callable[[], Any]) -> Any | None:
    """``make()``, something derived from a dependency's data file ``path``
    (not from its text alone: an index into it), kept beside the built-in
    rules' copies for as long as the file's size and modification time stay
    the same; None when it can neither be read from a copy nor kept, so that
    the caller can do without it rather than derive it at every run."""
    from checker.packs import builtin_rules_dir

    try:
        stat = path.stat()
        copy = _copy_path(builtin_rules_dir() / path.name, what)
    except OSError:  # FileNotFoundError too: no built-in rules at all
        return None
    stamp = (FORMAT, what, str(path), stat.st_size, stat.st_mtime_ns)
    try:
        kept = marshal.loads(copy.read_bytes())
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == stamp:
            return kept[1]
    except Exception:  # missing, unreadable, truncated or foreign: made afresh
        pass
    if sys.dont_write_bytecode or not os.access(copy.parent if copy.parent.exists() else copy.parent.parent, os.W_OK):
        return None
    result = make()
    _keep(copy, (stamp, result))
    return result


def _keep(copy: Path, value: tuple[Any, ...]) -> None:
    """Write ``value`` to ``copy`` atomically; give up quietly when it cannot be."""
    try:
        data = marshal.dumps(value)
    except ValueError:  # something marshal cannot write (a date, a YAML node): not kept
        return
    tmp = copy.with_name(f"{copy.name}.{os.getpid()}.tmp")
    try:
        copy.parent.mkdir(exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, copy)
    except OSError:  # a read-only installation, a full disk: parsed again next time
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def load_yaml_data(path: Path, text: str) -> Any:
    """``yaml.safe_load(text)`` for the data file ``path``, kept between runs."""
    return cached(path, text, "yaml", _safe_load)


def _safe_load(text: str) -> Any:
    import yaml

    try:
        # libyaml when PyYAML has it: the same data, read ten times faster
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except (AttributeError, yaml.YAMLError):
        # no libyaml, or an invalid file: the pure-Python reader gives the error its quoted line
        return yaml.safe_load(text)


# --- the work of every start, kept between runs ----------------------------
#
# A single-file check spends about a fifth of its start compiling regular
# expressions (some 150 patterns, in the analysis layers and the rules) and
# generating the methods of the data classes (about 60 classes, each method
# compiled from its source text).  Both are pure functions of their input
# text for one interpreter: the expression compiler's program for a pattern
# and its flags, the byte code for a method's source.  :func:`keep_start_up`
# keeps both in one file beside the package's byte code; each kept result is
# looked up by its whole input, so nothing is ever served for other text.

#: a run rewrites the file only when compiling what it did not find there took
#: longer than this (writing the file takes about 3 ms): patterns built anew
#: at every start (from a set, in an order that changes from run to run) are
#: then not worth a rewrite at every start
START_UP_REWRITE_AFTER = 0.010
#: what was not used by the runs that wrote the file this many times is dropped
START_UP_KEEP_WRITES = 4

_PatternKey = tuple[str | bytes, int]


class StartUpCache:
    """Compiled expression programs and method byte code, by their input text."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # what the file holds and this run has not used yet, and what this run
        # compiled afresh: a kept result goes once used (the expression engine
        # and the method keep their own copies), so the process does not carry
        # a second copy of everything; the file is read again to be rewritten
        self.patterns: dict[_PatternKey, tuple[Any, ...]]
        self.sources: dict[str, Any]
        _, self.patterns, self.sources, _ = self._load()
        self.used: set[_PatternKey | str] = set()
        self.missed = 0.0  # seconds spent compiling what the file did not have

    @staticmethod
    def stamp() -> tuple[Any, ...]:
        """What a kept copy must have been made by: this very interpreter and expression engine."""
        import _sre

        return (FORMAT, "start-up", sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)

    def _load(self) -> tuple[int, dict[_PatternKey, tuple[Any, ...]], dict[str, Any], dict[_PatternKey | str, int]]:
        """The file's writes so far, patterns, sources, and the write that last used each of them."""
        try:
            kept = marshal.loads(self.path.read_bytes())
            if isinstance(kept, tuple) and len(kept) == 5 and kept[0] == self.stamp():
                return kept[1:]  # type: ignore[no-any-return]
        except Exception:  # missing, unreadable, truncated or foreign: start afresh
            pass
        return 0, {}, {}, {}

    def compile_pattern(self, original: Callable[..., Any], pattern: Any, flags: Any = 0) -> Any:
        """``re._compiler.compile(pattern, flags)``, from the kept program when there is one."""
        import _sre

        # only plain text (what marshal writes); 128 is re.DEBUG, which prints the program
        if type(pattern) not in (str, bytes) or not isinstance(flags, int) or flags & 128:
            return original(pattern, flags)
        key = (pattern, int(flags))
        args = self.patterns.pop(key, None)
        if args is not None:
            try:
                compiled = _sre.compile(pattern, *args)
            except Exception:  # not a program this engine accepts: compile it afresh
                pass
            else:
                self.used.add(key)
                return compiled
        from re import _compiler  # type: ignore[attr-defined]

        started = time.perf_counter()
        # the compiler's own call to the engine is recorded, arguments and all
        recorder = _Recorder(_sre)
        _compiler._sre = recorder  # type: ignore[attr-defined]
        try:
            compiled = original(pattern, flags)
        finally:
            _compiler._sre = _sre  # type: ignore[attr-defined]
        args = _plain(recorder.args[1:]) if recorder.args is not None and recorder.args[0] is pattern else None
        if args is not None and _marshals(args):
            self.patterns[key] = args
            self.used.add(key)
        self.missed += time.perf_counter() - started
        return compiled

    def compile_source(self, source: str) -> Any:
        """The byte code of ``source``, as ``exec(source)`` would compile it."""
        code = self.sources.pop(source, None)
        if code is None:
            started = time.perf_counter()
            # exec() compiles with its caller's future features; the data class
            # machinery has none, so none are inherited from this module either
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.sources[source] = code
            self.missed += time.perf_counter() - started
        self.used.add(source)
        return code

    def save(self) -> None:
        """Write the file when this run spent long enough compiling what it did not have."""
        if self.missed < START_UP_REWRITE_AFTER or sys.dont_write_bytecode:
            return
        folder = self.path.parent
        if not os.access(folder if folder.exists() else folder.parent, os.W_OK):
            return  # a read-only installation: not even worth writing out
        writes, patterns, sources, seen = self._load()  # as it is now: another run may have written it
        writes += 1
        patterns.update(self.patterns)
        sources.update(self.sources)
        for key in self.used:
            seen[key] = writes
        seen = {key: age for key, age in seen.items() if writes - age < START_UP_KEEP_WRITES}
        patterns = {k: v for k, v in patterns.items() if k in seen}
        sources = {k: v for k, v in sources.items() if k in seen}
        seen = {k: v for k, v in seen.items() if k in patterns or k in sources}
        _keep(self.path, (self.stamp(), writes, patterns, sources, seen))
        self.missed = 0.0


def _plain(value: Any) -> Any:
    """``value`` with its named integers (the compiler's opcodes) as plain ones, which marshal can write."""
    if isinstance(value, list):
        if all(type(v) is not bool and isinstance(v, int) for v in value):  # a program: one pass
            return list(map(int, value))
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, int) and type(value) is not int and type(value) is not bool:
        return int(value)
    return value


def _marshals(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


class _Recorder:
    """The expression engine's module, remembering the arguments of its last ``compile``."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.args: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: Any) -> Any:
        self.args = args
        return self._real.compile(*args)


_start_up: StartUpCache | None = None


def keep_start_up() -> StartUpCache:
    """Compile this process's regular expressions and data class methods
    through the kept copies (see :class:`StartUpCache`); :func:`save_start_up`
    writes what was new.  For the command line, whose process starts for one
    run: a long-lived process compiles each of them once anyway."""
    global _start_up
    if _start_up is not None:
        return _start_up
    import builtins
    from re import _compiler  # type: ignore[attr-defined]

    cache = StartUpCache(Path(__file__).parent / "__pycache__" / f"start-up.{sys.implementation.cache_tag}.marshal")
    original = _compiler.compile

    def compile_pattern(pattern: Any, flags: Any = 0) -> Any:
        return cache.compile_pattern(original, pattern, flags)

    def run_source(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
        if type(source) is str:
            source = cache.compile_source(source)
        return builtins.exec(source, globals, locals)

    _compiler.compile = compile_pattern  # type: ignore[assignment]
    # imported once the expressions are kept: it imports inspect, which compiles some
    import dataclasses

    # the data class machinery calls exec() on the source of each method it makes
    dataclasses.exec = run_source  # type: ignore[attr-defined]
    _start_up = cache
    return cache


def save_start_up() -> None:
    """Write the copies :func:`keep_start_up` kept, if this run added enough to them."""
    if _start_up is not None:
        _start_up.save()
