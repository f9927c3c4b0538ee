"""Patterns common in clean published news that the quote, speaker and count rules must not flag."""

from __future__ import annotations

from conftest import lint


def test_title_and_name_after_a_country_possessive_introduce_the_speaker() -> None:
    text = (
        "Curfew ordered in two cities\n\n"
        "Freedonia's President Amara Okonkwo on Sunday ordered a curfew in the two largest cities.\n\n"
        "Okonkwo announced the measure in a televised address and said it would last a fortnight.\n"
    )
    assert lint(text, "unintroduced-speaker") == []


def test_company_named_in_camel_case_is_not_a_person() -> None:
    text = (
        "Streaming group reports loss\n\n"
        "Quarterly revenue at the streaming group ClearView rose 4%, its finance chief Dana Holt said.\n\n"
        "BrightStream said it had lost 20,000 subscribers, while ShopWise reported a rise in sales.\n"
    )
    assert lint(text, "unintroduced-speaker") == []


def test_surname_with_inner_capital_is_still_a_person() -> None:
    text = "Club sacks coach\n\nMcAllister said the decision had been taken by the board.\n"
    assert [d.line for d in lint(text, "unintroduced-speaker")] == [3]


def test_media_giant_before_a_name_marks_an_organisation() -> None:
    text = (
        "Profits rise at broadcaster\n\n"
        "Profits at media giant Telvora rose 12% in the final quarter.\n\n"
        "Telvora said advertising sales had recovered after a weak summer.\n"
    )
    assert lint(text, "unintroduced-speaker") == []


def test_he_said_after_a_described_speaker() -> None:
    text = (
        "Runner finishes despite injury\n\n"
        "The 34-year-old said he had trained since dawn on the day of the race.\n\n"
        '"It was hard going, but I never thought of stopping," he said.\n\n'
        "One man, who gave his name only as Karim, said the water had reached the second floor.\n\n"
        '"We lost everything in one night," he said.\n'
    )
    assert lint(text, "unattributed-quote") == []


def test_he_said_after_a_fighter_or_policeman_speaks() -> None:
    text = (
        "Truce breaks down\n\n"
        "A fighter at the checkpoint said the truce was not being respected.\n\n"
        '"The shelling started again an hour ago," he said.\n\n'
        "A policeman at the scene said the road would stay closed.\n\n"
        '"Nobody is allowed through tonight," he said.\n'
    )
    assert lint(text, "unattributed-quote") == []


def test_he_said_with_nothing_before_it_still_fires() -> None:
    text = 'Storm hits coast\n\nThe storm brought down trees along the coast.\n\n"We have never seen this," he said.\n'
    assert [d.line for d in lint(text, "unattributed-quote")] == [5]


def test_a_number_in_a_name_like_covid_19_is_not_a_count() -> None:
    text = (
        "Hospital admissions after vaccination\n\n"
        "More than 300 people who had been vaccinated against Covid-19 have been admitted to hospital, "
        "a study has found.\n\n"
        "The 300 admitted to hospital were mostly elderly, the researchers said.\n"
    )
    assert lint(text, "conflicting-count") == []


def test_a_wire_dateline_does_not_count_towards_sentence_length() -> None:
    # 37 words of sentence after a nine-word dateline
    sentence = (
        "Rival armed groups traded fire across the river on Saturday despite a truce agreed last week, "
        "leaving two civilians dead and forcing hundreds of families to flee their homes before "
        "the monitors could arrive in the area."
    )
    text = "Truce broken\n\nPORT ELLIS, Marland, June 3 (Wire Service) -- " + sentence + "\n"
    assert lint(text, "readability") == []
    # the same words with no dateline to discount, and nine more, are still a long sentence
    longer = "On Saturday, in the port of Ellis in Marland, " + sentence
    found = [d.message for d in lint("Truce broken\n\n" + longer + "\n", "readability")]
    assert any(m.startswith("This sentence has 46 words") for m in found)


def test_blog_and_section_furniture_left_by_scraping_is_boilerplate() -> None:
    text = (
        "Bridge reopens\n\n"
        "The bridge reopened to traffic on Monday after six weeks of repairs.\n\n"
        "More in this section\n\n"
        "Popular posts from this blog\n"
    )
    assert [d.line for d in lint(text, "boilerplate")] == [5, 7]


def test_a_press_conference_transcript_answers_questions_without_attribution() -> None:
    text = (
        "Coach Morrow's press conference\n\n"
        "Head coach Lena Morrow\n\n"
        '(On the defeat) "We started slowly and paid for it. The second half was much better.\n\n'
        '"We will look at the tape on Monday and move on."\n\n'
        '(on the injuries) "Two players will miss next week, and we will know more on Wednesday."\n'
    )
    assert lint(text, "unattributed-quote") == []


def test_a_bracketed_aside_before_a_quote_in_prose_is_not_a_transcript_cue() -> None:
    text = (
        "Flood warning issued\n\n"
        "The river rose overnight (the highest level since 2007).\n\n"
        '"Residents should move to higher ground now."\n'
    )
    assert [d.line for d in lint(text, "unattributed-quote")] == [5]


def test_a_multi_paragraph_quote_after_a_paragraph_ending_said_colon() -> None:
    text = (
        "Minister defends phone use\n\n"
        "Asked about the use of personal phones, the housing minister, Tom Ellery, said:\n\n"
        "\u201cWe all use our own phones for some calls. Nobody pretends otherwise.\n\n"
        "\u201cBut you have to be careful about what you say on which phone.\u201d\n"
    )
    assert lint(text, "unattributed-quote") == []


def test_a_statement_that_reads_is_a_source() -> None:
    text = (
        "Council confirms inquiry\n\n"
        "The council released a short statement on Tuesday evening.\n\n"
        "\u201cAn independent review of the contract has begun and will report in spring,\u201d "
        "the statement read.\n"
    )
    assert lint(text, "unattributed-quote") == []
