"""The expression matcher of garbled-phrase, on small hand-made data."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.garbled.detector import detect
from checker.garbled.expressions import norm, parse
from checker.garbled.lexicon import fold
from checker.garbled.model import EMPTY

RULES = Path(__file__).resolve().parent.parent / "rules"
DATA = """\
# hand-made
[expressions]
budget shortfall\tbudget shortfall\t01
fire fighter\tfirefighter\t+ab
local council\tlocal council\tab
released on bail\treleased on bail\tac
ruling party\truling party\t01
search and rescue\tsearch and rescue\t02
security force\tsecurity forces\t01
state of emergency\tstate of emergency\tac
[words]
bail\t3:2+\t\t
budget\t0:0\t|price range|\t
council\t2:1\t|assembly|\t
emergency\t7:2+\t\t
fighter\t1:1\t|combatant|\t
fire\t1:0\t\t
force\t6:1\t|troop|staff|\t
local\t2:0\t\t
party\t4:1\t|celebration|\t|birthday party|
released\t3:0+\t|freed|launched|\t
rescue\t5:2+\t\t
ruling\t4:0\t\t
search\t5:0+\t|seek|hunt|\t
security\t6:0\t|safety|protection|\t
shortfall\t0:1\t\t
state\t7:0+\t|nation|\t
[known]
budget shortfall
no swap
security force
[attested]
security staff
"""

EXPRESSIONS = parse(DATA)


def flagged(text: str, tier: int = 2) -> list[tuple[str, str]]:
    folded = fold(text)
    hits = detect(text, folded, 0, len(text), EMPTY, 2.7, False, EXPRESSIONS)
    return [(text[h.start : h.end], h.suggestion) for h in hits if h.tier <= tier]


def tiers(text: str) -> list[int]:
    folded = fold(text)
    return [h.tier for h in detect(text, folded, 0, len(text), EMPTY, 2.7, False, EXPRESSIONS)]


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("forces", "force"),
        ("bodies", "body"),
        ("crises", "crise"),
        ("status", "status"),
        ("armoured", "armored"),
        ("news", "news"),
        ("stone's", "stone's"),
    ],
)
def test_norm_folds_number_and_spelling(word: str, key: str) -> None:
    assert norm(word) == key


def test_one_swap_in_a_two_word_expression() -> None:
    assert flagged("Dozens of safety forces were deployed.") == [("safety forces", "security forces")]
    assert tiers("Dozens of safety forces were deployed.") == [0]  # a close synonym in a fixed pair


def test_a_looser_pair_or_a_loose_synonym_is_weaker_evidence() -> None:
    assert flagged("The local assembly met.") == [("local assembly", "local council")]
    assert tiers("The local assembly met.") == [1]
    assert tiers("The ruling birthday party won.") == [2]


def test_a_phrase_that_is_itself_an_expression_is_english() -> None:
    assert EXPRESSIONS.is_known("no swap") and not EXPRESSIONS.is_known("no")
    assert EXPRESSIONS.is_attested("security staff") and not EXPRESSIONS.is_attested("safety force")


def test_number_and_case_follow_the_copy() -> None:
    assert flagged("Safety force units moved in.") == [("Safety force", "Security force")]


def test_swap_beside_function_words_only() -> None:
    assert flagged("A nation of emergency was declared.") == [("nation of emergency", "state of emergency")]
    assert tiers("A nation of emergency was declared.") == [2]  # no pair to check it against


def test_function_words_must_stand_as_they_are() -> None:
    assert flagged("A nation in emergency mode.") == []


def test_two_swaps_are_not_one_expression() -> None:
    assert flagged("Seek and hunt teams arrived.") == []


def test_verb_tense_swap() -> None:
    assert flagged("He was launched on bail.") == [("launched on bail", "released on bail")]


def test_closed_compound_with_a_swapped_part() -> None:
    assert flagged("Fire combatants fought the blaze.") == [("Fire combatants", "Firefighters")]
    assert tiers("Fire combatants fought the blaze.") == [2]


def test_two_word_synonym_for_one_word() -> None:
    assert flagged("The ruling birthday party won.") == [("ruling birthday party", "ruling party")]
    assert flagged("A price range shortfall loomed.") == [("price range shortfall", "budget shortfall")]


def test_attested_pairs_and_the_expression_itself_are_english() -> None:
    assert flagged("Security staff and security forces searched the fire fighters.") == []


def test_names_are_never_judged() -> None:
    assert flagged("He met the Safety Forces Committee.") == []


def test_words_across_punctuation_do_not_line_up() -> None:
    assert flagged("It was about safety. Forces arrived.") == []


def test_a_verb_is_not_a_swapped_noun() -> None:
    assert flagged("Security troops patrolled.") == [("Security troops", "Security forces")]
    # "troops" followed by a determiner is a verb: the sentence is odd, but not a swapped noun
    assert flagged("A private firm now security troops the area.") == []


def test_the_built_files_index_agrees_with_a_scan_and_goes_stale_safely() -> None:
    from checker.garbled.expressions import _in_sorted_lines, _read_index, load_expressions, parse, scan

    path = RULES / "data" / "garbled-expressions.tsv"
    data = path.read_bytes()
    index, scanned = _read_index(data), scan(data)
    assert index is not None
    assert (index.spans, index.words, index.anchoring) == (scanned.spans, scanned.words, scanned.anchoring)
    for name in ("known", "attested"):
        lo, hi = index.spans[name]
        lines = data[lo:hi].split(b"\n")
        assert lines == sorted(lines)
        assert all(_in_sorted_lines(data, lo, hi, line) for line in lines[::11])
        assert not any(_in_sorted_lines(data, lo, hi, line + b" x") for line in lines[::11])
    # an edit anywhere before the index leaves it describing another file: the file is scanned instead
    assert _read_index(data.replace(b"[words]\n", b"[words]\nzzz\t\t|a|\t\n", 1)) is None
    assert _read_index(data.replace(b"\n[index]\n", b"\nzzz\n[index]\n", 1)) is None
    # the file read where it lies, and read as text, give the same expressions
    mapped, read = load_expressions(path), parse(data.decode("utf-8"))
    assert (mapped.lines, mapped.words, mapped.anchoring) == (read.lines, read.words, read.anchoring)
    assert mapped.swaps("police") == read.swaps("police") and mapped.is_attested("security staff")


def test_a_file_with_windows_line_endings_reads_the_same(tmp_path: Path) -> None:
    from checker.garbled.expressions import load_expressions

    crlf = tmp_path / "expressions.tsv"
    crlf.write_bytes(DATA.replace("\n", "\r\n").encode())
    assert load_expressions(crlf).lines == EXPRESSIONS.lines


def test_a_third_word_that_may_be_swapped_is_no_compound() -> None:
    # "c" is the third word's letter; a closed compound is marked "+" (it was once "c", and three-word
    # expressions with a swappable third word were read as compounds and never reported)
    data = "[expressions]\nstate of emergency\tstate of emergency\tac\nfire fighter\tfirefighter\t+ab\n[words]\n"
    exprs = parse(data)
    assert not exprs.expression(0).compound and exprs.expression(0).swappable == {0, 2}
    assert exprs.expression(1).compound
