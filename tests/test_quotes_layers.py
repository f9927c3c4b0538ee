"""The quotations and attributions layers: spans, multi-paragraph quotes,
stray marks, frames and pronoun resolution."""

from __future__ import annotations

import random

from conftest import lint

from checker.analysis import Facts
from checker.analysis.quotes import Attributions, Quotation
from checker.readers import read_bytes


def analyse(text: str) -> tuple[str, list[Quotation], Attributions]:
    doc = read_bytes(text.encode("utf-8"), "draft.txt")[0]
    facts = Facts(doc)
    return doc.text, facts.get("quotations"), facts.get("attributions")


def test_straight_and_curly_double_quotes() -> None:
    text, quotes, _ = analyse('Headline\n\n"We are ready," she said. “So are we,” he said.\n')
    assert [q.text for q in quotes] == ["We are ready,", "So are we,"]
    assert [text[q.start : q.end] for q in quotes] == ['"We are ready,"', "“So are we,”"]
    assert all(q.closed and q.sentence_start for q in quotes)
    assert quotes[0].words == 3


def test_british_single_quotes_and_apostrophes() -> None:
    _, quotes, _ = analyse("Headline\n\nThe minister said: 'We won't back down.' The party's leader agreed.\n")
    assert [q.text for q in quotes] == ["We won't back down."]
    assert quotes[0].mark == "single"


def test_nested_quote_is_marked_nested() -> None:
    _, quotes, _ = analyse("Headline\n\n\"He told me 'never again' and left,\" she said.\n")
    assert [(q.text, q.nested) for q in quotes] == [
        ("He told me 'never again' and left,", False),
        ("never again", True),
    ]


def test_multi_paragraph_quote_shares_a_group() -> None:
    text = (
        'Headline\n\n"We knew it was coming," Lopez said. "We moved upstairs.\n\n'
        '"Then the water came.\n\n"We lost everything."\n'
    )
    _, quotes, analysis = analyse(text)
    assert [q.continues for q in quotes] == [False, True, True, False]
    assert len({q.group for q in quotes[1:]}) == 1
    assert [s.status for s in analysis.sources] == ["attributed"] * 4
    assert [s.via for s in analysis.sources][2:] == ["multi-paragraph", "multi-paragraph"]


def test_stray_and_inch_marks_stay_in_their_paragraph() -> None:
    text = (
        'Headline\n\nThe 6" pipe burst and the company"s van was hit.\n\n'
        'A stray " mark here.\n\n"Police said it was over," he said.\n'
    )
    _, quotes, _ = analyse(text)
    assert [q.text for q in quotes] == ["Police said it was over,"]


def test_unclosed_quote_is_kept_to_its_paragraph() -> None:
    text = 'Headline\n\n"We will be back, he said.\n\nThe next paragraph is plain.\n'
    doc_text, quotes, _ = analyse(text)
    assert len(quotes) == 1 and not quotes[0].closed and not quotes[0].continues
    assert "\n" not in doc_text[quotes[0].start : quotes[0].end]


def frames(text: str) -> list[tuple[str, str, str, str]]:
    _, _, analysis = analyse(text)
    return [
        (f.cue, f.form, f.speaker.text if f.speaker else "", f.speaker.kind if f.speaker else "")
        for f in analysis.frames
    ]


def test_attribution_forms() -> None:
    assert frames('Headline\n\nMary Kemp, the mayor, said: "We will rebuild."\n') == [
        ("said", "verb", "Mary Kemp", "person")
    ]
    assert frames('Headline\n\n"We will rebuild," said Mary Kemp, the mayor.\n') == [
        ("said", "inverted", "Mary Kemp", "person")
    ]
    assert frames("Headline\n\nAccording to the ministry, 40 people died.\n") == [
        ("according to", "according-to", "the ministry", "organisation")
    ]
    assert frames("Headline\n\nOfficials told reporters the road would reopen.\n") == [
        ("told", "verb", "Officials", "group")
    ]
    assert frames("Headline\n\nThe police chief added that the road was closed.\n") == [
        ("added", "verb", "The police chief", "role")
    ]
    assert frames("Headline\n\nThe blast hit a market, said police spokesman Ali Khan.\n") == [
        ("said", "inverted", "Ali Khan", "person")
    ]


def test_weak_verbs_need_a_quote_or_that_clause() -> None:
    # "added a second goal" is not speech; "added that" is
    assert frames("Headline\n\nTom Reid added a second goal before half-time.\n") == []
    assert frames("Headline\n\nTom Reid added that the team had been lucky.\n") == [
        ("added", "verb", "Tom Reid", "person")
    ]


def test_passive_frame_has_no_speaker() -> None:
    assert frames(
        'Headline\n\nThe plan has been described as "a betrayal of every family in this town and beyond".\n'
    ) == [("described", "passive", "", "")]


def test_pronoun_resolution() -> None:
    _, _, analysis = analyse(
        'Headline\n\nThe ministry condemned the attack.\n\n"We will find them," it said.\n\n'
        'Jane Roe, a witness, saw it.\n\n"I ran," she said.\n'
    )
    it, she = [f for f in analysis.frames if f.speaker and f.speaker.kind == "pronoun"]
    assert it.resolved and it.antecedent is not None and it.antecedent.text == "ministry"
    assert she.resolved and she.antecedent is not None and she.antecedent.text == "Jane Roe"


def test_pronoun_without_antecedent() -> None:
    _, _, analysis = analyse(
        'Headline\n\nThe road was closed.\n\n"We will reopen it," it said.\n\n'
        'John Hale, 40, was hurt.\n\n"It hurts," she said.\n'
    )
    assert [f.resolved for f in analysis.frames if f.speaker and f.speaker.kind == "pronoun"] == [False, False]


def test_odd_input_never_crashes() -> None:
    pieces = ['"', "'", "“", "”", "‘", "’", " ", "\n", "\n\n", "said", "he", "she", "it", "they", "Mr", "Smith"]
    pieces += ["Jones,", "the", "ministry", ".", ",", ":", "According", "to", "told", "—", "Sen.", '6"', "'s", ">"]
    for seed in range(150):
        rng = random.Random(seed)
        text = "Headline\n\n" + "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 60)))
        lint(text, "unattributed-quote", "unintroduced-speaker", path=rng.choice(["d.txt", "d.md"]))


def test_markdown_block_quote_is_a_quotation_but_not_flagged() -> None:
    text = (
        "# Storm hits coast\n\nThe mayor spoke on Monday.\n\n"
        "> We will rebuild, whatever it takes.\n\nRoads were closed.\n"
    )
    doc = read_bytes(text.encode("utf-8"), "draft.md")[0]
    quotes = Facts(doc).get("quotations")
    assert [(q.mark, q.text) for q in quotes] == [("block", "We will rebuild, whatever it takes.")]
    assert lint(text, "unattributed-quote", path="draft.md") == []


def test_a_straight_apostrophe_does_not_close_a_curly_single_quote() -> None:
    _, quotes, _ = analyse(
        "Floodlights\n\n"
        "Club chairwoman Niamh Crowley said: \u2018All we are asking for is what every boys' club in the county "
        "already has.\u2019\n"
    )
    assert [q.text for q in quotes] == ["All we are asking for is what every boys' club in the county already has."]
