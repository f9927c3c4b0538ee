"""The garbled-phrase data: the lexicon is linted like code, and the derived files load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from checker.garbled.expressions import load_expressions
from checker.garbled.lexicon import fold, read_lexicon
from checker.garbled.model import load_model, parse_model, render_model

RULES = ROOT / "rules"
LEXICON = RULES / "garbled-lexicon.tsv"
CLEAN = ROOT / "bench" / "clean-copy"


def test_lexicon_entries_are_well_formed() -> None:
    entries = read_lexicon(LEXICON)
    assert len(entries) >= 200
    seen: set[str] = set()
    for entry in entries:
        assert entry.garbled == entry.garbled.lower(), entry.garbled
        assert entry.garbled == " ".join(entry.garbled.split()), entry.garbled
        assert fold(entry.garbled) != fold(entry.intended), entry.garbled
        assert entry.note, f"{entry.garbled}: say which word was swapped"
        assert entry.garbled not in seen, f"duplicate entry {entry.garbled!r}"
        seen.add(entry.garbled)


def test_no_lexicon_entry_occurs_in_clean_copy() -> None:
    entries = read_lexicon(LEXICON)
    for path in sorted(CLEAN.glob("*.txt")):
        text = " ".join(fold(path.read_text(encoding="utf-8")).replace("-", " ").split())
        for entry in entries:
            assert f" {entry.garbled.replace('-', ' ')} " not in f" {text} ", (path.name, entry.garbled)


def test_science_list_carries_its_credit() -> None:
    path = RULES / "data" / "pps-tortured-phrases.tsv"
    head = path.read_text(encoding="utf-8")[:400]
    assert "Problematic Paper Screener" in head and "CC BY 4.0" in head
    assert len(read_lexicon(path)) > 7000


def test_model_round_trips_and_ships() -> None:
    text = render_model({"demise toll": ("death toll", 3.14)}, {"management": "manage"}, ["preventing"])
    model = parse_model(text)
    assert model.pair("demise", "toll") == ("death toll", 3.14)
    assert model.pair("demise", "tolls") is None and model.pair("death", "toll") is None
    assert model.noun_verbs == {"management": "manage"}
    assert "preventing" in model.bare_ing

    # the shipped model holds the grammar tables; its web-collocation pairs are built only on request
    # (scripts/build_garbled_model.py --pairs): the news expressions find what they found
    shipped = load_model(RULES / "data" / "garbled-model.tsv")
    assert "management" in shipped.noun_verbs and "preventing" in shipped.bare_ing


def test_news_expressions_ship_with_their_swaps() -> None:
    shipped = load_expressions(RULES / "data" / "garbled-expressions.tsv")
    assert len(shipped) > 2_000
    assert shipped.is_known("security force") and shipped.is_known("death toll")
    close, _ = shipped.swaps("security")
    assert "safety" in close
    assert shipped.is_attested("security staff")  # English: never flagged as a swap
    for name in ("news-expressions.txt", "news-compounds.txt"):
        lines = [line for line in (RULES / "data" / name).read_text(encoding="utf-8").splitlines() if line]
        entries = [line for line in lines if not line.startswith("#")]
        assert entries == sorted(set(entries)), f"{name}: keep it sorted, without duplicates"
        assert all(line == line.lower().strip() and 2 <= len(re.split(r"[ -]", line)) <= 4 for line in entries), name


def test_a_rare_pick_beside_function_words_is_listed_where_the_language_model_finds_it_unlikely() -> None:
    from checker.garbled.expressions import swaps_in

    shipped = load_expressions(RULES / "data" / "garbled-expressions.tsv")
    # "set to vote" (a loose swap of "right to vote") is English the model knows
    assert shipped.is_english("set to vote")
    # a rarer pick beside function words only, which the model finds unlikely there, is listed whole
    toks = "the prisoners remain on the sprint tonight".split()
    (swap,) = swaps_in(shipped, toks, [" "] * (len(toks) - 1), doubles=True)
    assert swap.listed and swap.expression.written == "on the run"
    # a commoner one is the writer's own word ("in the port" is no garbled "in the dock")
    toks = "ships waited in the port for days".split()
    assert swaps_in(shipped, toks, [" "] * (len(toks) - 1), doubles=True) == []


def test_an_idiom_with_a_possessive_lines_up_as_copy_writes_it() -> None:
    from checker.garbled.detector import detect
    from checker.garbled.lexicon import fold
    from checker.garbled.model import EMPTY

    shipped = load_expressions(RULES / "data" / "garbled-expressions.tsv")
    assert "stone's" in shipped.possessives

    def listed(text: str) -> list[tuple[str, str]]:
        hits = detect(text, fold(text), 0, len(text), EMPTY, 2.7, False, shipped, doubles=True)
        return [(text[h.start : h.end], h.suggestion) for h in hits]

    # either word of "a stone's throw" swapped, the possessive kept, with a curly apostrophe too
    assert listed("The camp lies a stone's toss from the border.") == [("stone's toss", "stone's throw")]
    assert listed("The camp lies a rock’s throw from the border.") == [("rock’s throw", "stone’s throw")]
    assert listed("The camp lies a stone's throw from the border.") == []
    # a possessive no expression has ends the phrase: "prosecutor's office" is no "prosecutor office"
    text = "The open prosecutor's office said."
    hits = detect(text, fold(text), 0, len(text), EMPTY, 2.7, False, shipped)
    assert [(text[h.start : h.end], h.suggestion) for h in hits] == [("open prosecutor", "public prosecutor")]


def test_build_script_is_importable() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build", Path(ROOT / "scripts" / "build_garbled_model.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.inflect_like("combatant", "fighters", "fighter") == "combatants"
    assert module.variant_spelling("defence", "defense")


def test_lexicon_is_sorted_within_each_group() -> None:
    group: list[str] = []
    for raw in [*LEXICON.read_text(encoding="utf-8").splitlines(), ""]:
        if "\t" in raw and not raw.startswith("#"):
            group.append(raw.split("\t", 1)[0])
            continue
        assert group == sorted(group), f"sort the group that ends before {raw!r}"
        group = []


def test_the_frozen_expressions_data_is_well_formed() -> None:
    from checker.garbled.expressions import norm
    from checker.garbled.idioms import load_frozen

    path = RULES / "data" / "garbled-idioms.tsv"
    frozen = load_frozen(path)
    assert len(frozen) > 500
    entries = frozen.entries()
    for entry in entries:
        written = entry.written.split(" ")
        assert [norm(w) for w in written] == list(entry.words)
        assert entry.place not in [j for j, _ in entry.others] and entry.place != entry.anchor
        # no two words coordinated, and no swap that is the word in another form
        assert not (len(written) == 3 and written[1] in ("and", "or")), entry.written
        word = entry.words[entry.place]
        assert f"|{word}|" not in entry.synonyms
        assert f"|{word}ing|" not in entry.synonyms and f"|{word}ed|" not in entry.synonyms
    keyed = {(e.written, e.place): e.synonyms for e in entries}
    assert "|shut|" in keyed[("behind closed doors", 1)]
    assert "|rock|" in keyed[("leave no stone unturned", 2)]


def test_the_frozen_expressions_are_read_by_their_index() -> None:
    from checker.garbled.idioms import parse

    text = (
        "# a comment\n"
        "@first\tbehind|no\n@second\tdoor|unturned\n@apart\t2|2\n@lines\t1|1\n"
        "behind door\t2\tbehind closed door\t1\t0\tbehind closed doors\tshut|sealed\n"
        "no unturned\t2\tleave no stone unturned\t2\t1\tleave no stone unturned\trock|pebble\n"
    )
    frozen = parse(text)
    assert len(frozen) == 2
    assert [m.frozen.written for m in frozen.find(["they", "met", "behind", "shut", "door"], [" "] * 4)] == [
        "behind closed doors"
    ]
    assert frozen.find(["leave", "no", "rock", "unturned"], [" "] * 3)[0].first == 0
    with pytest.raises(ValueError, match="index counts"):
        parse(text.replace("@lines\t1|1", "@lines\t1|2"))
    with pytest.raises(ValueError, match="sorted order"):
        parse(
            text.replace("@first\tbehind|no", "@first\tno|behind").replace(
                "@second\tdoor|unturned", "@second\tunturned|door"
            )
        )
