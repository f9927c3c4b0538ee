"""Rule packs: YAML files that instantiate check kinds as rules.

A pack looks like this::

    rules:
      boilerplate:                 # the rule id: stable, kebab-case
        kind: boilerplate          # a key of checker.checks.KINDS
        severity: warning          # info | warning | error
        enabled: true              # optional, default true
        summary: Page furniture left in the copy by scraping or a CMS.
        message: "'{phrase}' looks like page furniture, not copy."
        params: {lists: [boilerplate.txt]}
        doc: {what: ..., why: ..., example: ..., fix: ...}

Validation is strict: an unknown key, a missing one or a value of the wrong
type is a :class:`PackError` that names the file, the line and the key.
Word lists named in params are resolved relative to the pack's folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from checker.checks import KINDS, kind_class
from checker.checks.base import RuleSpec
from checker.datacache import cached
from checker.findings import Severity

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_KEYS = {"kind", "severity", "enabled", "summary", "message", "params", "doc"}
REQUIRED_KEYS = {"kind", "summary", "message"}
DOC_KEYS = {"what", "why", "example", "fix"}
PACK_KEYS = {"rules", "description"}


class PackError(ValueError):
    def __init__(self, path: str | Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line


def builtin_rules_dir() -> Path:
    """Where the built-in packs live: inside the wheel, or ``rules/`` of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("newslint's built-in rule packs are missing (no checker/_rules or rules/ folder)")


# A pack as plain data, so that it can be kept between runs (checker.datacache):
# (kind, line, value), kind "map" (value: a list of (key, value) pairs of
# nodes), "seq" (a list of nodes), "scalar" (the value PyYAML's safe loader
# makes of it) or "yaml" (a scalar it cannot make: left as PyYAML's node, so
# that the error comes where the value is read); line is 1-based.
Node = tuple[str, int, Any]
TREE = 1  # bumped whenever _tree() changes, so that no tree kept by an older one is used


def _tree(node: Any) -> Node:
    """The plain form of PyYAML's node ``node``."""
    import yaml

    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return ("map", line, [(_tree(k), _tree(v)) for k, v in node.value])
    if isinstance(node, yaml.SequenceNode):
        return ("seq", line, [_tree(v) for v in node.value])
    loader = yaml.SafeLoader("")
    try:
        return ("scalar", line, loader.construct_object(node, deep=True))
    except Exception:  # raised again when the value is read, as without the tree
        return ("yaml", line, node)
    finally:
        loader.dispose()


def _construct(node: Node) -> Any:
    kind, _, value = node
    if kind == "map":
        return {_construct(k): _construct(v) for k, v in value}
    if kind == "seq":
        return [_construct(v) for v in value]
    if kind == "scalar":
        return value
    import yaml

    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(value, deep=True)
    finally:
        loader.dispose()


def _mapping_items(node: Node, path: Path, what: str) -> Iterator[tuple[str, Node, int]]:
    if node[0] != "map":
        raise PackError(path, node[1], f"{what} must be a mapping")
    seen: set[str] = set()
    for key_node, value_node in node[2]:
        key = _construct(key_node)
        line = key_node[1]
        if not isinstance(key, str):
            raise PackError(path, line, f"{what}: key {key!r} is not a string")
        if key in seen:
            raise PackError(path, line, f"{what}: duplicate key {key!r}")
        seen.add(key)
        yield key, value_node, line


def _compose(text: str) -> Any:
    """The pack's node tree, from libyaml when PyYAML was built with it (a
    tenth of a second less at every start); an invalid pack is read again by
    the pure-Python loader, whose error messages quote the offending line."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _parse(path: Path, text: str) -> Node | None:
    """The pack's plain tree; a :class:`PackError` when it is not YAML."""
    import yaml

    try:
        root = _compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise PackError(path, (mark.line + 1) if mark else 1, f"invalid YAML: {err}") from err
    return None if root is None else _tree(root)


def load_pack(path: Path) -> list[RuleSpec]:
    """Read and validate one pack file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise PackError(path, 1, f"cannot read rule pack: {err}") from err
    # the built-in packs are read at every start: their trees are kept between runs
    root: Node | None = cached(path, text, f"pack{TREE}", lambda t: _parse(path, t))
    if root is None:
        return []
    rules_node = None
    for key, value, line in _mapping_items(root, path, "pack"):
        if key not in PACK_KEYS:
            raise PackError(path, line, f"unknown key {key!r} (expected one of {', '.join(sorted(PACK_KEYS))})")
        if key == "rules":
            rules_node = value
    if rules_node is None:
        raise PackError(path, 1, "a pack needs a 'rules' mapping")
    specs = []
    for rule_id, node, line in _mapping_items(rules_node, path, "rules"):
        specs.append(_rule_spec(path, rule_id, node, line))
    return specs


def _rule_spec(path: Path, rule_id: str, node: Node, line: int) -> RuleSpec:
    if not RULE_ID.match(rule_id):
        raise PackError(path, line, f"rule id {rule_id!r} must be kebab-case (lower-case words joined by '-')")
    fields: dict[str, tuple[Node, int]] = {}
    for key, value_node, key_line in _mapping_items(node, path, f"rule {rule_id!r}"):
        if key not in RULE_KEYS:
            raise PackError(
                path,
                key_line,
                f"rule {rule_id!r}: unknown key {key!r} (expected one of {', '.join(sorted(RULE_KEYS))})",
            )
        fields[key] = (value_node, key_line)
    for key in sorted(REQUIRED_KEYS - fields.keys()):
        raise PackError(path, line, f"rule {rule_id!r}: missing key {key!r}")

    def scalar(key: str, typ: type, default: Any) -> Any:
        if key not in fields:
            return default
        value_node, key_line = fields[key]
        value = _construct(value_node)
        if not isinstance(value, typ) or (typ is not bool and isinstance(value, bool)):
            raise PackError(path, key_line, f"rule {rule_id!r}: {key!r} must be {typ.__name__}, got {value!r}")
        return value

    kind = scalar("kind", str, None)
    if kind not in KINDS:
        raise PackError(path, fields["kind"][1], f"rule {rule_id!r}: unknown kind {kind!r}")
    severity_text = scalar("severity", str, "warning")
    try:
        severity = Severity.parse(severity_text)
    except ValueError as err:
        raise PackError(path, fields["severity"][1], f"rule {rule_id!r}: {err}") from None
    enabled = scalar("enabled", bool, True)
    summary = scalar("summary", str, "")
    message = scalar("message", str, "")

    doc: dict[str, str] = {}
    if "doc" in fields:
        for key, value_node, key_line in _mapping_items(fields["doc"][0], path, f"rule {rule_id!r}: doc"):
            if key not in DOC_KEYS:
                raise PackError(
                    path,
                    key_line,
                    f"rule {rule_id!r}: doc: unknown key {key!r} (expected {', '.join(sorted(DOC_KEYS))})",
                )
            value = _construct(value_node)
            if not isinstance(value, str):
                raise PackError(path, key_line, f"rule {rule_id!r}: doc.{key} must be text")
            doc[key] = value.strip()

    cls = kind_class(kind)
    params: dict[str, Any] = {name: p.default for name, p in cls.params.items()}
    if "params" in fields:
        for key, value_node, key_line in _mapping_items(fields["params"][0], path, f"rule {rule_id!r}: params"):
            if key not in cls.params:
                known = ", ".join(sorted(cls.params)) or "none"
                raise PackError(
                    path, key_line, f"rule {rule_id!r}: unknown parameter {key!r} for kind {kind!r} (known: {known})"
                )
            try:
                params[key] = cls.params[key].validate(_construct(value_node))
            except ValueError as err:
                raise PackError(path, key_line, f"rule {rule_id!r}: parameter {key!r}: {err}") from None
    return RuleSpec(
        id=rule_id,
        kind=kind,
        severity=severity,
        enabled=enabled,
        summary=summary,
        message=message,
        params=params,
        doc=doc,
        pack=str(path),
        line=line,
    )


def load_packs(folders: list[Path]) -> list[RuleSpec]:
    """Every rule of every ``*.yaml`` pack in ``folders``, in order; a later
    pack may not reuse an earlier rule's id."""
    specs: list[RuleSpec] = []
    seen: dict[str, RuleSpec] = {}
    for folder in folders:
        files = [folder] if folder.is_file() else sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        for pack in files:
            for spec in load_pack(pack):
                if spec.id in seen:
                    first = seen[spec.id]
                    raise PackError(
                        pack, spec.line, f"rule id {spec.id!r} is already defined at {first.pack}:{first.line}"
                    )
                seen[spec.id] = spec
                specs.append(spec)
    return specs


def pack_data_path(spec: RuleSpec, name: str) -> Path:
    """A data file (word list) named in a rule's params, relative to its pack."""
    return Path(spec.pack).parent / name


def read_word_list(path: Path) -> list[str]:
    """A word list: one entry a line; a line starting with ``#``, or the rest of a
    line after `` #``, is a comment; blank lines are skipped."""
    # read whole and split as reading line by line would (newlines translated): a fifth less time
    entries = (raw.split(" #", 1)[0].strip() for raw in path.read_text(encoding="utf-8").split("\n"))
    return [entry for entry in entries if entry and not entry.startswith("#")]
