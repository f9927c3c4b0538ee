"""Configuration: discovery, validation (errors name the file and the key) and its effect on the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

from checker.config import STARTER_CONFIG, Config, ConfigError, find_config, load_config, parse_config, resolve_config
from checker.engine import Engine
from checker.findings import Severity

ARTICLE = "Council meets\n\nThe council met on Monday. The owner passed away last year.\n\nAdvertisement\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- discovery -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["newslint.toml", ".newslint.toml"])
def test_found_upward_from_the_checked_file(tmp_path: Path, name: str) -> None:
    config = write(tmp_path / name, 'ignore = ["boilerplate"]\n')
    article = write(tmp_path / "desk" / "today" / "story.txt", ARTICLE)
    assert find_config(article) == config
    cfg = resolve_config([str(article)], None, False)
    assert cfg.path == str(config) and cfg.ignore == ["boilerplate"]


def test_newslint_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nignore = []\n")
    config = write(tmp_path / "newslint.toml", "ignore = []\n")
    assert find_config(tmp_path) == config


def test_pyproject_tool_table(tmp_path: Path) -> None:
    pyproject = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nfail-on = "error"\n')
    article = write(tmp_path / "a" / "story.md", ARTICLE)
    assert find_config(article) == pyproject
    assert resolve_config([str(article)], None, False).fail_on is Severity.ERROR


def test_pyproject_without_the_tool_table_is_passed_over(tmp_path: Path) -> None:
    outer = write(tmp_path / "newslint.toml", 'fail-on = "info"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    article = write(tmp_path / "sub" / "story.txt", ARTICLE)
    assert find_config(article) == outer


def test_nearest_file_wins(tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", 'fail-on = "info"\n')
    inner = write(tmp_path / "desk" / "newslint.toml", 'fail-on = "error"\n')
    assert find_config(write(tmp_path / "desk" / "s.txt", ARTICLE)) == inner


def test_explicit_config_and_no_config(tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", 'fail-on = "info"\n')
    other = write(tmp_path / "elsewhere.toml", 'fail-on = "error"\n')
    article = write(tmp_path / "s.txt", ARTICLE)
    assert resolve_config([str(article)], str(other), False).fail_on is Severity.ERROR
    defaults = resolve_config([str(article)], None, True)
    assert defaults.path is None and defaults.fail_on is Severity.WARNING


def test_starter_config_parses_and_is_commented(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path / "newslint.toml", STARTER_CONFIG))
    assert cfg.fail_on is Severity.WARNING
    assert sum(line.startswith("#") for line in STARTER_CONFIG.splitlines()) > 20


# -- validation ------------------------------------------------------------------


def error(tmp_path: Path, text: str) -> str:
    path = write(tmp_path / "newslint.toml", text)
    with pytest.raises(ConfigError) as info:
        Engine(load_config(path))
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    return message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("colour = 1\n", "'colour'"),
        ('select = "boilerplate"\n', "'select'"),
        ("ignore = [1]\n", "'ignore'"),
        ('fail-on = "fatal"\n', "'fail-on'"),
        ("max-file-size = -1\n", "'max-file-size'"),
        ('timeout = "soon"\n', "'timeout'"),
        ('severity = "error"\n', "'severity'"),
        ('[severity]\nboilerplate = "fatal"\n', "severity.boilerplate"),
        ('[per-path-ignores]\n"a/**" = "boilerplate"\n', "per-path-ignores.a/**"),
        ("[grammar]\nport = 1\n", "grammar.port"),
        ('[json]\ntitle = "t"\n', "json.title"),
        ('select = ["no-such-rule"]\n', "'no-such-rule'"),
        ('[severity]\nno-such-rule = "error"\n', "'no-such-rule'"),
        ("[rules.boilerplate]\nmax-words = 3\n", "rules.boilerplate: unknown parameter 'max_words'"),
        ('[rules.boilerplate]\nmax-prefixed-words = "many"\n', "rules.boilerplate.max_prefixed_words"),
        ("fail-on = \n", "invalid TOML"),
    ],
)
def test_errors_name_the_file_and_the_key(tmp_path: Path, text: str, key: str) -> None:
    assert key in error(tmp_path, text)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        resolve_config([], str(tmp_path / "nope.toml"), False)


# -- effect on the engine ----------------------------------------------------------


def diagnostics(engine: Engine, text: str = ARTICLE, path: str = "story.txt") -> list[tuple[str, str, int]]:
    (result,) = engine.check_path(path, data=text.encode())
    return [(d.rule, str(d.severity), d.line) for d in result.result.diagnostics]


def house_config(**kwargs: object) -> Config:
    return Config(rule_packs=[str(EXAMPLES / "house-rules")], **kwargs)  # type: ignore[arg-type]


def test_extra_rule_pack_folder() -> None:
    found = diagnostics(Engine(house_config(select=["boilerplate", "house-euphemism"])))
    assert found == [("house-euphemism", "warning", 3), ("boilerplate", "warning", 5)]


def test_select_ignore_and_extend_select() -> None:
    assert diagnostics(Engine(house_config(select=["boilerplate"]))) == [("boilerplate", "warning", 5)]
    engine = Engine(house_config(ignore=["boilerplate"]))
    assert "boilerplate" not in engine.enabled_ids and "house-euphemism" in engine.enabled_ids
    engine = Engine(house_config(select=["boilerplate"], extend_select=["house-cliche"]))
    assert engine.enabled_ids == {"boilerplate", "house-cliche"}
    everything = Engine(house_config(select=["ALL"]))
    assert everything.enabled_ids == {s.id for s in everything.specs}


def test_severity_override() -> None:
    engine = Engine(house_config(select=["boilerplate"], severity={"boilerplate": Severity.ERROR}))
    assert diagnostics(engine) == [("boilerplate", "error", 5)]


def test_rule_parameter_override(tmp_path: Path) -> None:
    path = write(
        tmp_path / "newslint.toml",
        f'rule-packs = ["{(EXAMPLES / "house-rules").as_posix()}"]\nselect = ["house-euphemism"]\n'
        '[rules.house-euphemism]\nphrases = {"met on" = "gathered on"}\n',
    )
    engine = Engine(load_config(path))
    assert diagnostics(engine) == [("house-euphemism", "warning", 3)]
    (result,) = engine.check_path("s.txt", data=ARTICLE.encode())
    assert result.result.diagnostics[0].fix is not None
    assert result.result.diagnostics[0].fix.replacement == "gathered on"


def test_per_path_ignores_relative_to_the_config(tmp_path: Path) -> None:
    path = write(tmp_path / "newslint.toml", '[per-path-ignores]\n"archive/**" = ["boilerplate"]\n')
    engine = Engine(load_config(path))
    archived = write(tmp_path / "archive" / "2019" / "old.txt", ARTICLE)
    fresh = write(tmp_path / "today" / "new.txt", ARTICLE)
    (old,) = engine.check_path(str(archived))
    (new,) = engine.check_path(str(fresh))
    assert [d.rule for d in old.result.diagnostics] == []
    assert [d.rule for d in new.result.diagnostics] == ["boilerplate"]


def test_rule_packs_are_relative_to_the_config_file(tmp_path: Path) -> None:
    pack = write(
        tmp_path / "style" / "ours.yaml",
        "rules:\n  no-slammed:\n    kind: phrase\n    summary: s\n    message: m\n"
        "    params: {phrases: {slammed: criticised}}\n",
    )
    path = write(tmp_path / "cfg" / "newslint.toml", 'rule-packs = ["../style"]\n')
    cfg = load_config(path)
    assert cfg.rule_packs == [str(pack.parent.resolve())]
    assert "no-slammed" in Engine(cfg).enabled_ids


def test_parse_config_is_plain_data() -> None:
    cfg = parse_config({"select": ["boilerplate"]}, Path("x") / "newslint.toml")
    assert cfg.root == "x" and cfg.select == ["boilerplate"]
