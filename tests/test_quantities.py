"""The quantities layer: number parsing, categories and scope, with exact spans."""

from __future__ import annotations

import math

import pytest

from checker.analysis import Facts
from checker.analysis.numbers import parse_numbers, words_value
from checker.analysis.quantities import Count
from checker.readers import read_bytes

INF = math.inf

# (sentence, the expression as it must be spanned, kind, value, low, high)
NUMBERS: list[tuple[str, str, str, float | None, float, float]] = [
    # counts in digits and words
    ("Seven people were killed.", "Seven", "count", 7, 7, 7),
    ("Eleven people died.", "Eleven", "count", 11, 11, 11),
    ("Nineteen people died.", "Nineteen", "count", 19, 19, 19),
    ("Twenty-five people died.", "Twenty-five", "count", 25, 25, 25),
    ("Thirty-two people were arrested.", "Thirty-two", "count", 32, 32, 32),
    ("Ninety-nine people died.", "Ninety-nine", "count", 99, 99, 99),
    ("Two hundred people came.", "Two hundred", "count", 200, 200, 200),
    ("A hundred people came.", "A hundred", "count", 100, 100, 100),
    ("One hundred and fifty people came.", "One hundred and fifty", "count", 150, 150, 150),
    ("One person died.", "One", "count", 1, 1, 1),
    ("Police in Velor arrested 23 people.", "23", "count", 23, 23, 23),
    ("The 46 miners were trapped.", "46", "count", 46, 46, 46),
    ("Forty-three patients were in hospital.", "Forty-three", "count", 43, 43, 43),
    # a dozen is twelve, give or take one
    ("A dozen people died.", "A dozen", "count", 12, 11, 13),
    ("Two dozen fans were hurt.", "Two dozen", "count", 24, 23, 25),
    ("Half a dozen homes burned.", "Half a dozen", "count", 6, 5, 7),
    # round figures are themselves roundings
    ("The bus carried 1,200 passengers.", "1,200", "count", 1200, 1164, 1236),
    ("Three thousand people came.", "Three thousand", "count", 3000, 2910, 3090),
    ("A million people marched.", "A million", "count", 1_000_000, 970_000, 1_030_000),
    ("The population is 3 million.", "3 million", "count", 3_000_000, 2_910_000, 3_090_000),
    # vague quantities
    ("Dozens were injured.", "Dozens", "count", None, 0, INF),
    ("Hundreds of people fled.", "Hundreds", "count", None, 0, INF),
    ("Tens of thousands of people marched.", "Tens of thousands", "count", None, 0, INF),
    ("Several hundred protesters gathered.", "Several hundred", "count", None, 0, INF),
    ("Scores of people were hurt.", "Scores", "count", None, 0, INF),
    ("A handful of people came.", "A handful", "count", None, 0, INF),
    # "both" before a plural noun is two of them
    ("Both men were arrested.", "Both", "count", 2, 2, 2),
    ("Both of the teenagers were discharged.", "Both", "count", 2, 2, 2),
    # lower bounds
    ("At least five people died.", "At least five", "count", 5, 5, INF),
    ("More than 400 people were injured.", "More than 400", "count", 400, 400, INF),
    ("Well over 100 people came.", "Well over 100", "count", 100, 100, INF),
    ("In excess of 500 people came.", "In excess of 500", "count", 500, 500, INF),
    ("No fewer than 20 people died.", "No fewer than 20", "count", 20, 20, INF),
    ("Fifty or more people died.", "Fifty or more", "count", 50, 50, INF),
    # upper bounds
    ("Up to 30 people may have died.", "Up to 30", "count", 30, 0, 30),
    ("As many as 40 people were missing.", "As many as 40", "count", 40, 0, 40),
    ("Fewer than 10 people came.", "Fewer than 10", "count", 10, 0, 10),
    # approximations
    ("About 1,200 residents left.", "About 1,200", "count", 1200, 1080, 1320),
    ("Nearly 50 people were hurt.", "Nearly 50", "count", 50, 42.5, 50),
    ("Almost 200 homes were lost.", "Almost 200", "count", 200, 170, 200),
    ("Some 300 people gathered.", "Some 300", "count", 300, 270, 330),
    ("Roughly 2,000 people marched.", "Roughly 2,000", "count", 2000, 1800, 2200),
    ("An estimated 2,000 people fled.", "An estimated 2,000", "count", 2000, 1800, 2200),
    ("Just over 100 people came.", "Just over 100", "count", 100, 100, 115),
    ("Fifty or so people came.", "Fifty or so", "count", 50, 45, 55),
    ("About 1.5m people live there.", "About 1.5m", "count", 1_500_000, 1_350_000, 1_650_000),
    # ranges
    ("Between 10 and 15 people were hurt.", "10 and 15", "count", 10, 10, 15),
    ("10-15 people were arrested.", "10-15", "count", 10, 10, 15),
    ("Rain of 60 to 80 millimetres fell.", "60 to 80", "count", 60, 60, 80),
    # money
    ("The company earned $85 million.", "$85 million", "money", 85e6, 85e6, 85e6),
    ("It cost £214 million.", "£214 million", "money", 214e6, 214e6, 214e6),
    ("It cost 4 million crowns.", "4 million", "money", 4e6, 4e6, 4e6),
    ("He paid £3.2m.", "£3.2m", "money", 3.2e6, 3.2e6, 3.2e6),
    ("Band D households pay £1,847 a year.", "£1,847", "money", 1847, 1847, 1847),
    ("Charges of $85 million to $95 million.", "$85 million to $95 million", "money", 85e6, 85e6, 95e6),
    # percentages
    ("The tax rose 2.9%.", "2.9", "percent", 2.9, 2.9, 2.9),
    ("Turnout was 64 per cent.", "64", "percent", 64, 64, 64),
    # times
    ("It happened at 11 a.m. today.", "11", "time", 11, 11, 11),
    ("It ended at 12:30pm.", "12:30pm", "time", 12, 12, 12),
    ("It began at 5.30 a.m. on Sunday.", "5.30", "time", 5.3, 5.3, 5.3),
    ("At 10.15 p.m. the gates closed.", "10.15", "time", 10.15, 10.15, 10.15),
    # ages
    ("A 29-year-old man was arrested.", "29", "age", 29, 29, 29),
    ("Antonio Reyes, 71, who lives nearby, said so.", "71", "age", 71, 71, 71),
    ("Children aged 10 to 14 are eligible.", "10 to 14", "age", 10, 10, 14),
    ("She is in her 70s.", "70", "age", 70, 70, 70),
    # years and dates
    ("It was built in 2019.", "2019", "year", 2019, 2019, 2019),
    ("He was born in 1979.", "1979", "year", 1979, 1979, 1979),
    ("Buildings from the 1970s collapsed.", "1970", "year", 1970, 1970, 1970),
    ("He died on Nov. 3.", "3", "date", 3, 3, 3),
    ("It opened on 12 March.", "12", "date", 12, 12, 12),
    ("It opened on March 12.", "12", "date", 12, 12, 12),
    # scores and ordinals
    ("They won 3-1 at home.", "3-1", "score", 3, 1, 3),
    ("It was the 23rd minute.", "23", "ordinal", 23, 23, 23),
    ("She came first in the race.", "first", "ordinal", 1, 1, 1),
    ("The third officer was wounded.", "third", "ordinal", 3, 3, 3),
    # measures and labels
    ("They walked 40 km.", "40", "measure", 40, 40, 40),
    ("It fell 40 metres.", "40", "measure", 40, 40, 40),
    ("It was 40 km/h.", "40", "measure", 40, 40, 40),
    ("The storm lasted 48 hours.", "48", "measure", 48, 48, 48),
    ("He was jailed for six years.", "six", "measure", 6, 6, 6),
    ("A five-hour standoff followed.", "five", "measure", 5, 5, 5),
    ("Fans gathered at Gate 7.", "7", "label", 7, 7, 7),
    ("The Boeing 737 landed.", "737", "label", 737, 737, 737),
    ("The magnitude 6.2 quake hit.", "6.2", "label", 6.2, 6.2, 6.2),
]


@pytest.mark.parametrize(("sentence", "expression", "kind", "value", "low", "high"), NUMBERS)
def test_number_expressions(
    sentence: str, expression: str, kind: str, value: float | None, low: float, high: float
) -> None:
    start = sentence.index(expression)
    found = [q for q in parse_numbers(sentence) if q.start == start]
    assert len(found) == 1, [(sentence[q.start : q.end], q.kind) for q in parse_numbers(sentence)]
    (q,) = found
    assert (q.start, q.end) == (start, start + len(expression))
    assert q.kind == kind
    if value is None:
        assert q.vague
    else:
        assert q.value == pytest.approx(value)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)


def test_the_table_is_large_enough() -> None:
    assert len(NUMBERS) >= 60


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was hurt.",
        "Someone told the council.",
        "It is often said.",
        "Attention turned to the tents.",
        "Both men and women were hurt.",
        "Both were taken to hospital.",
        "Both sides or neither will sign.",
    ],
)
def test_words_that_are_not_numbers(sentence: str) -> None:
    assert [q for q in parse_numbers(sentence) if q.kind == "count"] == []


def test_words_value() -> None:
    assert words_value("twenty-one") == 21
    assert words_value("two hundred and five") == 205
    assert words_value("three thousand four hundred") == 3400
    assert words_value("half a dozen") == 6
    assert words_value("banana") is None


def test_a_number_is_parsed_once_and_a_second_one_separately() -> None:
    text = "Seven people were killed and 23 injured."
    assert [(text[q.start : q.end], q.kind) for q in parse_numbers(text)] == [("Seven", "count"), ("23", "count")]


# --- categories and scope -----------------------------------------------------------------


def counts(text: str) -> list[Count]:
    doc = read_bytes(text.encode("utf-8"), "draft.txt")[0]
    return list(Facts(doc).get("quantities").counts)


def spans(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.category, text[c.start : c.end], c.noun) for c in counts(text)]


CATEGORIES = [
    ("Seven people were killed on Monday.", [("killed", "Seven people were killed", "people")]),
    ("The attack killed at least 20 people.", [("killed", "killed at least 20 people", "people")]),
    ("Nine people had died by the evening.", [("killed", "Nine people had died", "people")]),
    ("Fourteen bodies had been recovered.", [("killed", "Fourteen bodies", "bodies")]),
    ("Three people were injured.", [("injured", "Three people were injured", "people")]),
    ("The crash left 23 injured.", [("injured", "23 injured", "injured")]),
    ("Four people were treated for stab wounds.", [("injured", "Four people were treated for stab wounds", "people")]),
    ("Three guards were hurt in the riot.", [("injured", "Three guards were hurt", "guards")]),
    ("Twelve workers were taken to hospital.", [("hospitalised", "Twelve workers were taken to hospital", "workers")]),
    ("Later two injured pupils died in hospital.", [("killed", "two injured pupils died", "pupils")]),
    (
        "More than 60 patients with diabetes had been admitted to hospital.",
        [("hospitalised", "More than 60 patients with diabetes had been admitted to hospital", "patients")],
    ),
    (
        "Nine workers were taken to Kelby Royal Infirmary.",
        [("hospitalised", "Nine workers were taken to Kelby Royal Infirmary", "workers")],
    ),
    ("Eight miners were unaccounted for.", [("missing", "Eight miners were unaccounted for", "miners")]),
    ("Rescuers tried to reach 11 miners trapped underground.", [("missing", "11 miners trapped", "miners")]),
    ("Police arrested 23 people.", [("arrested", "arrested 23 people", "people")]),
    ("Thirty-two people were arrested.", [("arrested", "Thirty-two people were arrested", "people")]),
    ("Three gunmen stormed the building.", [("attackers", "Three gunmen", "gunmen")]),
    ("Officials said the four attackers were armed.", [("attackers", "four attackers", "attackers")]),
    ("About 1,200 residents were evacuated.", [("evacuated", "About 1,200 residents were evacuated", "residents")]),
    (
        "The fire forced about 4,000 people to leave their homes.",
        [("evacuated", "about 4,000 people to leave their homes", "people")],
    ),
    ("Rescuers pulled 17 people out alive.", [("rescued", "17 people out alive", "people")]),
    ("The coast guard said 71 people had been rescued.", [("rescued", "71 people had been rescued", "people")]),
    ("The fire destroyed 40 homes.", [("destroyed", "destroyed 40 homes", "homes")]),
    # a verb's category wins over the noun's: killed gunmen are not a count of the attackers
    ("Two gunmen were killed.", [("killed", "Two gunmen were killed", "gunmen")]),
    ("Two bombings killed at least 19 people.", [("killed", "killed at least 19 people", "people")]),
    # numbers that count nothing of interest, or are not counts
    ("The storm left 60,000 homes without power.", []),
    ("About 300 people spent the night in a leisure centre.", []),
    ("A 29-year-old man was arrested.", []),
    (
        "Two miners were killed in a blast 12 years ago, and 15 fire engines came.",
        [("killed", "Two miners were killed", "miners")],
    ),
    ("The budget was carried by 31 votes to 17.", []),
]


@pytest.mark.parametrize(("text", "expected"), CATEGORIES)
def test_category_assignment(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert spans(text) == expected


def scope_of(text: str, expression: str) -> dict[str, object]:
    start = text.index(expression)
    (c,) = [c for c in counts(text) if c.start == start]
    assert text[c.start : c.end] == expression
    s = c.scope
    return {
        k: getattr(s, k)
        for k in (
            "period",
            "day",
            "claim",
            "sub",
            "update",
            "earlier",
            "hypothetical",
            "quoted",
            "other_event",
            "aggregate",
            "status",
        )
        if getattr(s, k)
    } | ({"places": set(s.places)} if s.places else {})


SCOPES = [
    ("Seven people were killed on Monday.", "Seven people were killed", {"day": "monday"}),
    ("Seven people were killed in 2014.", "Seven people were killed", {"period": "2014"}),
    ("An earthquake last week killed 12 people.", "killed 12 people", {"period": "last week"}),
    ("Earlier this year, 40 people were arrested.", "40 people were arrested", {"period": "earlier this year"}),
    ("In March, 40 people were arrested.", "40 people were arrested", {"period": "march"}),
    ("Road accidents kill 12,000 people a year.", "kill 12,000 people", {"period": "rate"}),
    (
        "Road accidents kill about twelve thousand people a year.",
        "kill about twelve thousand people",
        {"period": "rate"},
    ),
    (
        "The Taliban claimed to have killed 10 soldiers.",
        "killed 10 soldiers",
        {"claim": True},
    ),
    (
        "At least 25 people died, including nine journalists who were killed.",
        "nine journalists who were killed",
        {"sub": True},
    ),
    ("Three of the dead were killed at the gate.", "Three of the dead", {"sub": True}),
    ("The death toll rose to seven.", "death toll rose to seven", {"update": True}),
    ("The agency had put the number of dead at 24.", "number of dead at 24", {"earlier": True, "claim": True}),
    ("Officials put the number of dead at 45.", "number of dead at 45", {"claim": True}),
    ("Officials warned the toll could rise to 50 dead.", "50 dead", {"hypothetical": True}),
    ('"I saw 12 people killed," she said.', "12 people killed", {"quoted": True}),
    ("In a separate attack, seven people were killed.", "seven people were killed", {"other_event": True}),
    ("Two bombings killed at least 19 people.", "killed at least 19 people", {"aggregate": True}),
    ("Police in Velor arrested 23 people.", "arrested 23 people", {"places": {"Velor"}}),
    # a part of the story's time, a place that keeps its own count, a count for each of several
    ("The second night of air raids killed eight civilians.", "killed eight civilians", {"period": "second night"}),
    ("Nine people have died on Westland roads.", "Nine people have died", {"places": {"Westland"}}),
    ("Port Ardel has recorded 15 deaths.", "15 deaths", {"places": {"Port", "Ardel"}}),
    (
        "Northvale and Coldharbour have each recorded two deaths.",
        "two deaths",
        {"sub": True, "places": {"Northvale", "Coldharbour"}},
    ),
]


@pytest.mark.parametrize(("text", "expression", "expected"), SCOPES)
def test_scope(text: str, expression: str, expected: dict[str, object]) -> None:
    assert scope_of(text, expression) == expected


def test_the_last_of_a_list_of_ages_is_no_count() -> None:
    for text in ("Two brothers aged eight and 11 died in the crash.", "Three girls aged 9, 10 and 12 died."):
        assert [q.kind for q in parse_numbers(text)][-1] == "age"
        assert all(c.quantity.kind == "count" and "died" not in text[c.start : c.end] for c in counts(text))


def test_peoples_named_in_i_are_plural_nouns() -> None:
    ((category, text, noun),) = spans("Militants killed two dozen Kuwaitis in the attack.")
    assert (category, text, noun) == ("killed", "killed two dozen Kuwaitis", "kuwaitis")


def test_counts_in_the_same_story_are_in_text_order_with_sentences_and_blocks() -> None:
    text = "Bus crash kills seven\n\nSeven people were killed.\n\nNine people had died, officials said.\n"
    found = counts(text)
    assert [(text[c.start : c.end], c.block) for c in found] == [
        ("kills seven", 0),
        ("Seven people were killed", 1),
        ("Nine people had died", 2),
    ]
    assert [c.sentence for c in found] == [0, 1, 2]


def test_category_data_is_linted() -> None:
    import yaml

    from checker.analysis.quantities import default_table_path, load_table

    path = default_table_path()
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("generic_nouns", "group_nouns"):
        assert raw[key] == sorted(raw[key]), f"{key} must be sorted"
        assert len(set(raw[key])) == len(raw[key]), f"{key} has a duplicate"
    assert not set(raw["generic_nouns"]) & set(raw["group_nouns"])
    for name, spec in raw["categories"].items():
        for key in ("after", "before"):
            phrases = spec.get(key) or []
            assert len(set(phrases)) == len(phrases), f"{name}.{key} has a duplicate"
    table = load_table(path)
    assert {c.name for c in table.categories} >= {"killed", "injured", "hospitalised", "missing", "arrested"}


@pytest.mark.parametrize(
    ("text", "expression", "sub"),
    [
        ("Three soldiers were killed in the ambush and two others died later in hospital.", "two others died", True),
        ("At least five people were killed and 30 others injured in the fire.", "30 others injured", False),
    ],
)
def test_others_make_a_part_only_of_their_own_category(text: str, expression: str, sub: bool) -> None:
    assert bool(scope_of(f"Headline\n\n{text}\n", expression).get("sub")) is sub


@pytest.mark.parametrize(
    ("text", "expression", "status"),
    [
        ("Eight miners are still missing, the company said.", "Eight miners are still missing", True),
        ("Two people are still in hospital.", "Two people are still in hospital", True),
        ("The search for the 45 missing people will continue overnight.", "45 missing people", False),
    ],
)
def test_a_state_now_is_a_count_of_its_own(text: str, expression: str, status: bool) -> None:
    assert bool(scope_of(f"Headline\n\n{text}\n", expression).get("status")) is status


def test_a_possessive_day_is_no_place_and_since_been_no_period() -> None:
    text = "Headline\n\nNine people were arrested in Wednesday's raids and four patients have since been released.\n"
    assert scope_of(text, "Nine people were arrested") == {"aggregate": True, "day": "wednesday"}


def test_a_count_in_a_clause_of_fact_is_no_hypothesis_and_an_earlier_include_no_partition() -> None:
    (c,) = counts(
        "Councillor Janet Oyelaran, whose ward includes much of the course, said she would ask for a review "
        "after 71 runners needed treatment."
    )
    assert c.category == "treated" and c.low == 71
    assert not c.scope.hypothetical and not c.scope.sub
    (c,) = counts("The death toll could rise to 50, officials warned.")
    assert c.scope.hypothetical
    found = counts("Six people were injured, including two children who were hurt by glass.")
    assert [(c.low, c.scope.sub) for c in found] == [(6, False), (2, True)]
