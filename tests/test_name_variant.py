"""name-variant: one name spelled two ways, and the pairs it must leave alone."""

from __future__ import annotations

from conftest import lint

RULE = "name-variant"


def article(*paragraphs: str) -> str:
    return "Attack on police headquarters\n\n" + "\n\n".join(paragraphs) + "\n"


def found(text: str) -> list[tuple[int, int, int, int]]:
    return [(d.line, d.column, d.end_line, d.end_column) for d in lint(text, RULE)]


def test_surname_spelled_two_ways() -> None:
    text = article(
        "Police spokesman Hashmat Stanekzai said the attackers had been killed.",
        "Stanekzai said the building had been cleared by the evening.",
        "Stanikzai said three officers were wounded.",
    )
    (d,) = lint(text, RULE)
    assert (d.line, d.column, d.end_line, d.end_column) == (7, 1, 7, 10)
    assert d.message.startswith("'Stanikzai' here, but 'Stanekzai' at line 3, 2 times")
    assert [(r.line, r.column) for r in d.related] == [(3, 26)]
    assert d.fix is not None and d.fix.replacement == "Stanekzai"


def test_doubled_letter_and_possessive() -> None:
    text = article(
        "President Ashraf Ghani condemned the attack.",
        "Ghanni's office said the president would visit the wounded on Friday.",
    )
    (d,) = lint(text, RULE)
    assert (d.line, d.column, d.end_column) == (5, 1, 7)
    assert "'Ghanni' here, but 'Ghani' at line 3" in d.message


def test_accents_dropped() -> None:
    text = article("Coach Marko Kovač praised his players.", "Kovac said the team had earned the win.")
    (d,) = lint(text, RULE)
    assert d.line == 5


def test_place_names() -> None:
    text = article(
        "The blast hit the Dasht-e-Barchi district of Kandahar on Monday.",
        "Hospitals in Kandhar said they had treated 40 people.",
    )
    assert found(text) == [(5, 14, 5, 21)]


def test_different_people_are_never_joined() -> None:
    text = article(
        "Ahmad Shah, the district governor, said the road was closed.",
        "Ahmed Zia, a shopkeeper, said he heard two explosions.",
        "Shah said the army had arrived within the hour. Zia said he had closed his shop.",
        "John Smith, a lawyer, and Jane Smyth, a judge, both left the court.",
        "Maria Lopez and Mario Lopez, her brother, were not hurt.",
        "Daniel Ortega and Daniela Ortega spoke to reporters.",
    )
    assert found(text) == []


def test_established_names_and_words_are_not_variants() -> None:
    text = article(
        "Officials from Austria and Australia attended the summit with delegates from Slovenia and Slovakia.",
        "The Supreme Court heard that Count Rossi had left the country.",
        "Boris Johnson met Johnston, the committee chairman, on Tuesday.",
        "Afghan forces fought alongside Afghans from the district.",
    )
    assert found(text) == []


def test_ordinary_capitalised_words_are_not_names() -> None:
    text = article(
        "Stage one of the plan begins on Monday, the state government said.",
        "State officials said the stage had been set for talks.",
        "Wednesday's meeting, like Wednesdays before it, ended without a deal.",
    )
    assert found(text) == []


def test_headlines_in_title_case_are_not_read_for_names() -> None:
    text = "Twin Blasts Hit Kabul As Taliban Claim Stage Attack\n\nThe State Department condemned the attack.\n"
    assert found(text) == []


def test_model_numbers_are_not_names() -> None:
    text = "Jets\n\nAirbus delivered two A380s and three A300s to the carrier on Monday.\n"
    assert lint(text, "name-variant") == []
