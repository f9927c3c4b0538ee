"""The readability rule: long sentences, long paragraphs, grade levels (textstat's,
to the last digit), limits from configuration, and no network access."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import ROOT, lint

from checker.config import Config
from checker.engine import Engine

RULE = "readability"

SHORT = "The council met on Tuesday. It voted to close the pool. Residents were angry."
LONG_SENTENCE = (
    "The council, which had been under pressure from residents, traders and two opposition parties for most of "
    "the year, voted on Tuesday night, after a debate that ran well past midnight and drew a crowd of more than "
    "two hundred people to the town hall, to close the pool."
)
DENSE = (
    "Institutional investors characterised the unprecedented consolidation as fundamentally incompatible with "
    "prevailing macroprudential regulatory considerations, notwithstanding governmental reassurances concerning "
    "systemic vulnerabilities, international competitiveness and administrative accountability mechanisms."
)


def test_plain_copy_is_not_flagged() -> None:
    text = f"Pool to close\n\n{SHORT}\n\n{SHORT}\n"
    assert lint(text, RULE) == []


def test_a_very_long_sentence_is_flagged_at_its_span() -> None:
    text = f"Pool to close\n\n{SHORT} {LONG_SENTENCE}\n"
    (d,) = lint(text, RULE)
    start = len(SHORT) + 2
    assert (d.line, d.column, d.end_line, d.end_column) == (3, start, 3, start + len(LONG_SENTENCE))
    assert d.message.startswith("This sentence has 49 words, above the limit of 40")
    assert str(d.severity) == "info"


def test_a_very_long_paragraph_is_flagged() -> None:
    paragraph = " ".join([SHORT] * 8)  # 112 words in short sentences
    (d,) = lint(f"Pool to close\n\n{paragraph}\n", RULE)
    assert (d.line, d.column, d.end_column) == (3, 1, len(paragraph) + 1)
    assert "This paragraph has 112 words, above the limit of 100" in d.message


def test_grade_levels_of_paragraph_and_article() -> None:
    text = f"Banks merge\n\n{DENSE} {DENSE}\n"
    found = lint(text, RULE)
    messages = [d.message for d in found]
    assert any(m.startswith("This paragraph reads at grade") for m in messages)
    assert any(m.startswith("The article as a whole reads at grade") for m in messages)
    assert {d.line for d in found} == {3}


def test_limits_come_from_configuration() -> None:
    engine = Engine(Config(select=[RULE], rules={RULE: {"max_sentence_words": 10, "max_grade": 0.0}}))
    result = engine.check_path("draft.txt", data=f"Pool\n\n{SHORT} {SHORT}\n".encode())[0].result
    assert result.diagnostics == []
    long_one = "The council met on a wet Tuesday night and voted to close the old pool."
    result = engine.check_path("draft.txt", data=f"Pool\n\n{long_one}\n".encode())[0].result
    (d,) = result.diagnostics
    assert "15 words, above the limit of 10" in d.message


def test_syllables_come_from_the_cmu_dictionary() -> None:
    from checker.checks.readability import _hyphenator, _SyllableCounter, cmu_dictionary

    table = cmu_dictionary()
    assert table is not None
    hyphenator = _hyphenator("en_US")
    count = _SyllableCounter(table, hyphenator)
    # "every" is three syllables in the CMU dictionary, two by hyphenation rules alone
    assert count(["every"]) == 3
    assert count(["information"]) == 4
    # a word the dictionary lacks is counted by its hyphenation points
    assert table.syllables("okafor") is None
    assert count(["okafor"]) == len(hyphenator.positions("okafor")) + 1


TEXTSTAT_SCRIPT = textwrap.dedent(
    """
    import json, sys, types

    # textstat imports NLTK only to find the CMU dictionary, which is given to it here
    sys.modules["nltk"] = types.ModuleType("nltk")
    import textstat
    del sys.modules["nltk"]
    from textstat.backend.counts import _count_syllables as counter

    from checker.checks.readability import cmu_dictionary, load_grade_function

    table = cmu_dictionary()
    counter.get_cmudict = lambda lang: table
    ours = load_grade_function()
    texts = json.loads(sys.stdin.read())
    print(json.dumps([[textstat.flesch_kincaid_grade(t), ours(t)] for t in texts]))
    """
)


def test_grades_are_textstats_to_the_last_digit() -> None:
    texts = [
        "",
        "Hello.",
        "It's the dog's bone, isn't it? 'Quoted' words -- and more.",
        "Don't 'quote' me: the U.S.A. rate rose 3.5% in 2024, e.g. to $1,200.",
        "ÉCOLE naïve CAFÉ's Okafor Yusuf programmes criticised İstanbul",
        SHORT,
        LONG_SENTENCE,
        DENSE,
        f"{DENSE}\n\n{SHORT}\n\n{LONG_SENTENCE}",
        "word " * 60,
    ]
    for name in ("kabul-police-attacks.txt", "council-budget.md"):
        article = (ROOT / "examples" / name).read_text(encoding="utf-8")
        texts += [article, *article.split("\n\n")]
    proc = subprocess.run(
        [sys.executable, "-c", TEXTSTAT_SCRIPT],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    pairs = json.loads(proc.stdout)
    assert len(pairs) == len(texts)
    differ = [(text[:40], pair) for text, pair in zip(texts, pairs, strict=True) if pair[0] != pair[1]]
    assert not differ


OFFLINE_SCRIPT = textwrap.dedent(
    """
    import socket, sys

    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    from checker.config import Config
    from checker.engine import Engine

    engine = Engine(Config(select=["readability"]))
    text = "Banks merge\\n\\n" + sys.argv[1] + "\\n"
    diagnostics = engine.check_path("draft.txt", data=text.encode())[0].result.diagnostics
    assert any("grade" in d.message for d in diagnostics), diagnostics
    assert all(getattr(r, "notice", None) is None for r in engine.rules)
    assert "nltk" not in sys.modules, "NLTK was imported"
    print("ok", len(diagnostics))
    """
)


def test_textstat_runs_offline_in_a_fresh_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a fresh process: nothing cached, no NLTK data anywhere it looks, sockets refused
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")}
    env.update(HOME=str(tmp_path), NLTK_DATA=str(tmp_path / "nltk_data"), PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", OFFLINE_SCRIPT, f"{DENSE} {DENSE}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok")
    assert not (tmp_path / "nltk_data").exists()
