"""duplicate-paragraph: exact and lightly edited repeats inside one article."""

from __future__ import annotations

import random

from conftest import lint

from checker.analysis.fingerprints import fingerprint_text, jaccard, minhash_signatures, normalise, shingles, words
from checker.checks.duplicate_paragraph import ALL_PAIRS_LIMIT

RULE = "duplicate-paragraph"

HEADLINE = "Ferry capsizes off the coast"
P1 = (
    "The ferry was carrying 212 passengers and crew when it capsized in heavy seas shortly after midnight, "
    "the coast guard said."
)
P2 = "Rescue boats and two helicopters searched the water until dawn, and fishermen from nearby villages joined them."
P3 = (
    "Relatives gathered at the port on Saturday morning, waiting for news of passengers who had not been accounted for."
)
P4 = (
    "The operator said the vessel had passed a safety inspection in March and that its captain had "
    "20 years' experience."
)


def article(*paragraphs: str) -> str:
    return HEADLINE + "\n\n" + "\n\n".join(paragraphs) + "\n"


def spans(text: str) -> list[tuple[int, int, int, int]]:
    return [(d.line, d.column, d.end_line, d.end_column) for d in lint(text, RULE)]


def test_exact_repeat_is_flagged_on_the_later_copy() -> None:
    text = article(P1, P2, P3, P1)
    (d,) = lint(text, RULE)
    assert (d.line, d.column, d.end_line, d.end_column) == (9, 1, 9, len(P1) + 1)
    assert [(r.line, r.column) for r in d.related] == [(3, 1)]
    assert "line 3" in d.message and "similarity 1.00" in d.message


def test_lightly_edited_repeats() -> None:
    edits = [
        # a word changed
        P1.replace("heavy seas", "rough seas"),
        # words added
        P1.replace("when it capsized", "when it suddenly capsized"),
        # punctuation and quote marks changed
        P1.replace(",", ";").replace("the coast guard said", "the coast guard’s spokesman said"),
        # a clause dropped
        P1.replace(" in heavy seas shortly after midnight", ""),
    ]
    for edited in edits:
        (d,) = lint(article(P1, P2, P3, edited), RULE)
        assert d.line == 9, edited
        assert [r.line for r in d.related] == [3]


def test_a_sentence_cut_from_the_end_is_still_a_repeat() -> None:
    long_paragraph = P2 + " " + P3
    (d,) = lint(article(long_paragraph, P1, P4, P2), RULE)
    assert d.line == 9
    assert [r.line for r in d.related] == [3]


def test_a_sentence_cut_from_the_end_and_lightly_edited_is_still_a_repeat() -> None:
    long_paragraph = (
        "Dr Mekdes Alemu, who leads the campaign for the regional health bureau, said the virus had spread quickly "
        "through pastoralist communities where fewer than half of children had received a first dose. 'Measles "
        "finds every gap. Where mothers walk for three days to reach a clinic, one dose is a luxury, and one dose is "
        "not enough,' she said."
    )
    edited = (
        "Dr Mekdes Alemu, who is leading the campaign for the regional health bureau, said the virus had spread "
        "rapidly through pastoralist communities in which fewer than half of children had received a first dose."
    )
    (d,) = lint(article(long_paragraph, P1, P4, edited), RULE)
    assert d.line == 9
    assert [r.line for r in d.related] == [3]
    # a sentence on the same subject in other words is no copy
    other = (
        "Health workers from the regional bureau said fewer than half of the children in pastoralist communities "
        "had been vaccinated, and that the campaign would run until the end of the month."
    )
    assert lint(article(long_paragraph, P1, P4, other), RULE) == []


def test_a_clause_added_to_the_repeat() -> None:
    extended = P4.replace("in March", "in March, and that all its lifeboats had been replaced last year,")
    (d,) = lint(article(P4, P1, P2, extended), RULE)
    assert d.line == 9


def test_reordered_clauses_are_a_repeat() -> None:
    for reordered in (
        "Fishermen from nearby villages joined rescue boats and two helicopters, which searched the water until dawn.",
        "Rescue boats and two helicopters searched the water until dawn; fishermen from nearby villages joined them.",
    ):
        (d,) = lint(article(P2, P1, P3, reordered), RULE)
        assert d.line == 9, reordered


def test_sentences_swapped_are_a_repeat() -> None:
    two = P2 + " " + P3
    swapped = P3 + " " + P2
    (d,) = lint(article(two, P1, swapped), RULE)
    assert d.line == 7 and [r.line for r in d.related] == [3]


def test_the_closest_earlier_copy_is_related() -> None:
    variant = P1.replace("212", "213")
    (d,) = lint(article(P1, P2, variant, P3, variant), RULE)[1:]
    assert d.line == 11
    assert [r.line for r in d.related] == [7]


def test_distinct_paragraphs_on_the_same_subject_are_not_flagged() -> None:
    text = article(
        P1,
        "The coast guard said 180 people had been rescued and taken to hospitals in the port city by Saturday evening.",
        "The coast guard said 14 bodies had been recovered and that the search would continue through the weekend.",
        "The coast guard said the cause of the accident was not yet known and that an investigation had been opened.",
        P2,
        P3,
        P4,
    )
    assert spans(text) == []


def test_parallel_entries_of_a_roundup_are_not_duplicates() -> None:
    text = article(
        "Temperatures in Madrid are expected to reach 41C on Tuesday, the state weather agency said.",
        "Temperatures in Seville are expected to reach 44C on Wednesday, the state weather agency said.",
        "Flights from Heathrow to New York were cancelled on Monday because of the strike by ground staff.",
        "Flights from Gatwick to New York were cancelled on Tuesday because of the strike by ground staff.",
        "In the Riverside ward, Labour's John Smith held the seat with 1,234 votes, a majority of 310.",
        "In the Castle ward, Labour's Jane Doe held the seat with 2,345 votes, a majority of 512.",
    )
    assert spans(text) == []


def test_a_copy_that_writes_its_names_out_or_short_is_a_repeat() -> None:
    text = article(
        "The Aviation and Allied Workers' Union (AAWU), which represents about 1,100 of Kestrel's 1,400 cabin "
        "crew, wants an 11% wage increase, a housing allowance and an end to the use of short-term contracts. "
        "The airline has offered 5.5%.",
        P2,
        "The AAWU, which represents about 1,100 of Kestrel Air's 1,400 cabin crew, is demanding an 11% wage "
        "increase, a housing allowance and an end to short-term contracts. Kestrel has offered 5.5%.",
    )
    assert [d.line for d in lint(text, RULE)] == [7]


def test_a_copy_with_one_figure_changed_is_a_repeat() -> None:
    updated = P1.replace("212", "215")
    (d,) = lint(article(P1, P2, updated), RULE)
    assert d.line == 7


def test_short_repeated_lines_are_not_duplicates() -> None:
    text = article(
        P1,
        "Reporting by Maria Lopez in Manila and Tom Reyes in Cebu; Editing by Alex Richardson",
        "By Maria Lopez",
        "Watch: the rescue",
        P2,
        "By Maria Lopez",
        "Watch: the rescue",
        "Reporting by Maria Lopez in Manila and Tom Reyes in Cebu; Editing by Alex Richardson",
        "(Reporting by Maria Lopez in Manila and Tom Reyes in Cebu; Editing by Alex Richardson)",
    )
    assert spans(text) == []


def test_headline_restated_in_the_lead_is_not_a_duplicate() -> None:
    text = "Ferry carrying 212 people capsizes in heavy seas off the coast\n\n" + (
        "A ferry carrying 212 people capsized in heavy seas off the coast on Saturday, the coast guard said.\n"
    )
    assert spans(text) == []


def test_long_files_use_the_index_and_still_find_repeats() -> None:
    rng = random.Random(7)
    vocabulary = sorted(set(" ".join([P1, P2, P3, P4]).lower().replace(",", "").replace(".", "").split()))
    filler = [
        " ".join(rng.choice(vocabulary) for _ in range(18)).capitalize() + "." for _ in range(ALL_PAIRS_LIMIT * 3)
    ]
    paragraphs = [P1, *filler[:100], P1.replace("heavy", "rough"), *filler[100:], P2, P2]
    found = lint(article(*paragraphs), RULE)
    assert [(d.line, d.related[0].line) for d in found] == [(2 * 102 + 1, 3), (2 * 244 + 1, 2 * 243 + 1)]


def test_fingerprint_helpers_are_stable_and_reusable() -> None:
    assert normalise("“Quoted” — text’s  here") == '"quoted" - text\'s here'
    assert words(normalise("It’s 4,000 people.")) == ["it's", "4", "000", "people"]
    a = fingerprint_text("  " + P1 + "  ", block=2, start=10)
    assert (a.block, a.start, a.end) == (2, 12, 12 + len(P1))
    assert shingles(["a", "b"]) == shingles(["a", "b"])  # short texts are one shingle
    b = fingerprint_text(P1.replace("heavy", "rough"))
    exact = jaccard(set(a.shingles), set(b.shingles))
    sig_a, sig_b = minhash_signatures([a.shingles, b.shingles], num_perm=256)
    assert abs(sig_a.jaccard(sig_b) - exact) < 0.15
    # signatures are comparable across calls (and processes): same seed, same permutations
    (again,) = minhash_signatures([a.shingles], num_perm=256)
    assert again.jaccard(sig_a) == 1.0


def test_a_copy_edited_throughout_but_for_a_sentence_kept_whole() -> None:
    first = (
        "The returning officer, Máire Tuohy, said all ballot papers had remained sealed in their boxes under garda "
        'supervision throughout the delay. "At no point was the integrity of the count in question," she said. '
        '"Every box was accounted for, and every seal was checked before we resumed."'
    )
    again = (
        "The returning officer, Máire Tuohy, said all the ballot papers had stayed sealed in their boxes under "
        'garda supervision for the duration of the delay. "At no point was the integrity of the count in '
        'question," she said.'
    )
    assert [d.line for d in lint(article(first, P2, P3, again), RULE)] == [9]
    # paragraphs that share a sentence but differ otherwise are not copies
    other = (
        '"At no point was the integrity of the count in question," she said, before the first tallies from the '
        "western wards were read out to a crowd of candidates and agents."
    )
    assert lint(article(first, P2, P3, other), RULE) == []
