"""Data files parsed once and kept between runs, as byte code is.

Reading the rule packs and the count categories needs PyYAML, whose import
alone is nearly 20 ms of every single-file check, and filing pyphen's
hyphenation patterns takes 7 more.  What a file parses to is kept next to it
(a dependency's file: next to the built-in rules), in
``__pycache__/NAME.WHAT.TAG.marshal`` (``TAG`` is the interpreter's byte-code
tag), together with the very text it was parsed from: a kept copy is used
only when that text equals the file's text now, so an edited file is parsed
afresh and its copy replaced, never served stale.

Like Python's own byte code, copies are written only when byte code may be
(``PYTHONDONTWRITEBYTECODE`` unset) and the folder is writable; otherwise the
file is simply parsed every time.  Only the built-in data is kept: a house
pack's folder belongs to its newsroom.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# bumped whenever what is kept for a file changes shape (a copy of another
# format is then parsed afresh, whatever its text)
FORMAT = 1


def _copy_path(path: Path, what: str) -> Path:
    return path.parent / "__pycache__" / f"{path.name}.{what}.{sys.implementation.cache_tag}.marshal"


def _builtin(path: Path) -> bool:
    from checker.packs import builtin_rules_dir

    try:
        return path.resolve().is_relative_to(builtin_rules_dir())
    except OSError:  # FileNotFoundError: no built-in rules at all
        return False


def cached(path: Path, text: str, what: str, parse: Callable[[str], Any], *, dependency: bool = False) -> Any:
    """``parse(text)`` for the file ``path`` whose contents are ``text``, from
    the copy kept for it when that copy was made from the same text.

    ``what`` names the kind of result (two readers of one file keep two
    copies).  ``parse`` must return plain data (strings, numbers, booleans,
    None, tuples, lists, dicts); a result with anything else is not kept.
    A ``dependency``'s file (a data file of another package) is kept with the
    built-in rules' copies, not in that package's folder.
    """
    if dependency:
        from checker.packs import builtin_rules_dir

        try:
            copy = _copy_path(builtin_rules_dir() / path.name, what)
        except FileNotFoundError:
            return parse(text)
    elif _builtin(path):
        copy = _copy_path(path, what)
    else:
        return parse(text)
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
