"""Configuration: ``newslint.toml`` (or ``.newslint.toml``), or ``[tool.newslint]``
in ``pyproject.toml``, found from the checked files' folder upward.

Every key is optional::

    select = ["unattributed-quote", "conflicting-count"]  # only these rules
    extend-select = ["duplicate-across-files"]            # add rules that are off by default
    ignore = ["readability"]                               # never these
    fail-on = "warning"                                    # info | warning | error
    rule-packs = ["house-rules"]                           # extra pack folders or files
    max-file-size = 10_000_000                             # bytes
    timeout = 20.0                                         # seconds per file

    [severity]                 # override a rule's severity
    boilerplate = "error"

    [per-path-ignores]         # glob (relative to this file's folder) -> rule ids
    "archive/**" = ["duplicate-paragraph"]

    [rules.garbled-phrase]     # override a rule's parameters
    lexicon = false

    [grammar]
    server = "http://localhost:8081"

    [json]                     # field names of a CMS JSON export
    headline = "title"
    body = "content"

Unknown keys are errors that name the file and the key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.findings import Severity

CONFIG_NAMES = ("newslint.toml", ".newslint.toml")
TOP_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "fail-on",
    "rule-packs",
    "max-file-size",
    "timeout",
    "severity",
    "per-path-ignores",
    "rules",
    "grammar",
    "json",
    "exclude",
}
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0


class ConfigError(ValueError):
    pass


@dataclass(slots=True)
class Config:
    """Settings for one run.  Plain data, so that worker processes can receive it."""

    path: str | None = None  # the file it was read from; None for built-in defaults
    root: str = "."  # the folder per-path globs and rule-pack paths are relative to
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    rule_packs: list[str] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    timeout: float = DEFAULT_TIMEOUT
    severity: dict[str, Severity] = field(default_factory=dict)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    grammar: dict[str, Any] = field(default_factory=dict)
    json_fields: dict[str, str] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)


def _string_list(path: Path, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return list(value)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(sorted(TOP_KEYS))})")
    cfg = Config(path=str(path), root=str(path.parent))
    if "select" in data:
        cfg.select = _string_list(path, "select", data["select"])
    if "extend-select" in data:
        cfg.extend_select = _string_list(path, "extend-select", data["extend-select"])
    if "ignore" in data:
        cfg.ignore = _string_list(path, "ignore", data["ignore"])
    if "exclude" in data:
        cfg.exclude = _string_list(path, "exclude", data["exclude"])
    if "rule-packs" in data:
        cfg.rule_packs = [
            str((path.parent / p).resolve()) for p in _string_list(path, "rule-packs", data["rule-packs"])
        ]
    if "fail-on" in data:
        try:
            cfg.fail_on = Severity.parse(str(data["fail-on"]))
        except ValueError as err:
            raise ConfigError(f"{path}: 'fail-on': {err}") from None
    if "max-file-size" in data:
        if not isinstance(data["max-file-size"], int) or data["max-file-size"] <= 0:
            raise ConfigError(f"{path}: 'max-file-size' must be a positive number of bytes")
        cfg.max_file_size = data["max-file-size"]
    if "timeout" in data:
        if not isinstance(data["timeout"], int | float) or data["timeout"] <= 0:
            raise ConfigError(f"{path}: 'timeout' must be a positive number of seconds")
        cfg.timeout = float(data["timeout"])
    for key in ("severity", "per-path-ignores", "rules", "grammar", "json"):
        if key in data and not isinstance(data[key], dict):
            raise ConfigError(f"{path}: '{key}' must be a table")
    for rule, level in data.get("severity", {}).items():
        try:
            cfg.severity[rule] = Severity.parse(str(level))
        except ValueError as err:
            raise ConfigError(f"{path}: severity.{rule}: {err}") from None
    for glob, rules in data.get("per-path-ignores", {}).items():
        cfg.per_path_ignores[glob] = _string_list(path, f"per-path-ignores.{glob}", rules)
    for rule, params in data.get("rules", {}).items():
        if not isinstance(params, dict):
            raise ConfigError(f"{path}: rules.{rule} must be a table of parameters")
        cfg.rules[rule] = {k.replace("-", "_"): v for k, v in params.items()}
    grammar = data.get("grammar", {})
    unknown = sorted(set(grammar) - {"server", "local", "language", "timeout", "disabled-rules"})
    if unknown:
        raise ConfigError(f"{path}: unknown key grammar.{unknown[0]}")
    cfg.grammar = dict(grammar)
    fields = data.get("json", {})
    unknown = sorted(set(fields) - {"headline", "body", "id", "standfirst", "format"})
    if unknown:
        raise ConfigError(f"{path}: unknown key json.{unknown[0]}")
    cfg.json_fields = {k: str(v) for k, v in fields.items()}
    return cfg


def load_config(path: Path) -> Config:
    import tomllib  # only when there is a file to read: --no-config and the defaults need no parser

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.newslint] must be a table")
    return parse_config(data, path)


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            import tomllib

            try:
                with pyproject.open("rb") as fh:
                    if "newslint" in tomllib.load(fh).get("tool", {}):
                        return pyproject
            except (OSError, tomllib.TOMLDecodeError):
                pass
    return None


def resolve_config(paths: list[str], explicit: str | None, no_config: bool) -> Config:
    """The run's configuration: ``--config``, else the nearest file, else defaults."""
    if no_config:
        cfg = Config()
    elif explicit:
        cfg = load_config(Path(explicit))
    else:
        starts = []
        for p in paths:
            if p == "-":
                continue
            path = Path(p)
            if path.exists():
                starts.append(path)
            elif path.parent.is_dir():  # --stdin-filename names a file that need not exist
                starts.append(path.parent)
        starts = starts or [Path.cwd()]
        common = Path(os.path.commonpath([str(p.resolve()) for p in starts]))
        found = find_config(common)
        cfg = load_config(found) if found else Config()
    env_server = os.environ.get("NEWSLINT_LANGUAGETOOL_URL")
    if env_server and "server" not in cfg.grammar:
        cfg.grammar["server"] = env_server
    return cfg


STARTER_CONFIG = """\
# newslint configuration. Every key is optional; delete what you do not need.
# Run `newslint rules` for the rule ids and `newslint explain RULE` for what each one does.

# Exit with code 1 when a finding at or above this level is reported: info, warning or error.
fail-on = "warning"

# Rules to turn off everywhere.
ignore = []

# Rules that are off by default and that you want on.
# extend-select = ["duplicate-across-files"]

# Folders (or files) of your newsroom's own YAML rule packs, relative to this file.
# rule-packs = ["house-rules"]

# Files bigger than this many bytes are reported and not checked.
# max-file-size = 20_000_000

# Files that take longer than this many seconds are reported as timed out.
# timeout = 30.0

# [severity]
# boilerplate = "error"

# [per-path-ignores]
# "archive/**" = ["duplicate-paragraph"]

# [rules.readability]
# max-sentence-words = 45

# [rules.garbled-phrase]
# lexicon = true

# [grammar]
# server = "http://localhost:8081"   # a LanguageTool server; or set NEWSLINT_LANGUAGETOOL_URL

# [json]                              # field names of your CMS's JSON export
# headline = "headline"
# body = "body"
"""
