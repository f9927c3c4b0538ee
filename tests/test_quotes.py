"""unattributed-quote: quotations nobody says, and pronoun speakers with nothing to refer to."""

from __future__ import annotations

import pytest
from conftest import lint

from checker.analysis.people import default_lexicon

RULE = "unattributed-quote"


def spans(text: str) -> list[tuple[int, int, int, int]]:
    return [(d.line, d.column, d.end_line, d.end_column) for d in lint(text, RULE)]


def lines(text: str) -> list[int]:
    return [d.line for d in lint(text, RULE)]


def test_orphan_full_sentence_quote() -> None:
    text = (
        "Market reopens after attack\n\n"
        "Police closed Quay Street for most of the afternoon.\n\n"
        '"We will keep a visible presence in the town centre over the weekend."\n\n'
        "The suspect was held overnight.\n"
    )
    assert spans(text) == [(5, 1, 5, 71)]
    (d,) = lint(text, RULE)
    assert "no speaker" in d.message


def test_it_said_with_no_organisation_before() -> None:
    text = (
        "Attacks hit Kabul\n\n"
        "Amin said a separate attack in central Kabul set off fighting.\n\n"
        '"The enemies of Afghanistan are proving nothing else with these attacks", it said, in a statement.\n'
    )
    (d,) = lint(text, RULE)
    assert (d.line, d.column) == (5, 1)
    assert "'it'" in d.message and "organisation" in d.message
    assert [r.line for r in d.related] == [3]  # the nearest earlier speaker


def test_it_said_after_an_organisation_is_attributed() -> None:
    text = (
        "Ministry condemns attack\n\n"
        "The interior ministry issued a statement on Wednesday night.\n\n"
        '"The enemies of Afghanistan will not win," it said.\n'
    )
    assert lines(text) == []


def test_it_said_after_an_organisation_noun_before_a_body_s_name() -> None:
    text = (
        "Airline fined\n\n"
        "Passenger rights group Fair Skies Ireland welcomed the decision. "
        '"This sends a clear message that the rules are not optional," it said.\n'
    )
    assert lines(text) == []


def test_it_said_after_a_town_in_downtown_is_nobody_s() -> None:
    text = (
        "Stabbing\n\n"
        "A man was stabbed on Saturday night at a bus shelter in downtown Garnet Springs.\n\n"
        '"Detectives are working to identify everyone who was at the shelter," it said in a statement.\n\n'
        "The Garnet Springs Police Department asked witnesses to come forward.\n"
    )
    assert lines(text) == [5]


def test_he_said_when_only_women_are_named() -> None:
    text = (
        "Takeover agreed\n\n"
        "Halvorsen's chief executive, Ingrid Solberg, said the deal would give the company scale.\n\n"
        "Medora has struggled with rising costs.\n\n"
        '"Shareholders are getting a fair price for a good business," he added.\n'
    )
    assert lines(text) == [7]


def test_a_role_noun_that_only_qualifies_a_place_is_no_he() -> None:
    text = (
        "Wedding guests in hospital\n\n"
        "Health secretary Patricia Loera said the chicken was the likeliest source.\n\n"
        "The town's general hospital set up cots in a covered parking area.\n\n"
        '"The chicken sat in a van in the sun until the afternoon," he said.\n'
    )
    assert lines(text) == [7]


def test_a_club_and_a_place_inside_a_region_are_no_speakers() -> None:
    text = (
        "Derby halted\n\n"
        "The derby between US Castelvento and Sporting Valmora was suspended on Sunday.\n\n"
        '"Nobody has asked the people who fill the stadium every Sunday," he said.\n\n'
        "The pipeline exploded in Omuokiri, a fishing community in the Emohua area of Rivers State.\n\n"
        '"Our teams are still searching the creek," it said.\n'
    )
    assert lines(text) == [5, 9]


def test_a_title_with_of_before_a_name_gives_the_person() -> None:
    text = (
        "Crowd trouble at cricket final\n\n"
        'Superintendent of Police Anil Rathore said 14 people were detained. "The situation was brought under '
        'control within a short time," he told journalists on Sunday.\n'
    )
    assert lines(text) == []


def test_she_said_after_a_woman_is_named() -> None:
    text = (
        "Takeover agreed\n\n"
        "Halvorsen's chief executive, Ingrid Solberg, said the deal would give the company scale.\n\n"
        "Medora has struggled with rising costs.\n\n"
        '"Shareholders are getting a fair price for a good business," she added.\n'
    )
    assert lines(text) == []


def test_they_said_needs_a_group_nearby() -> None:
    bare = (
        "Riot at prison\n\n"
        "C Wing was refurbished in 2019. The ground floor will have to be rebuilt.\n\n"
        '"We have been warning about this for two years," they said.\n'
    )
    assert lines(bare) == [5]
    grouped = bare.replace("C Wing was refurbished in 2019.", "Prison officers' representatives visited the wing.")
    assert lines(grouped) == []


def test_passive_clause_length_partial_quote() -> None:
    text = (
        "Heatwave warning\n\n"
        "Temperatures passed 43C for a sixth day.\n\n"
        'The heat has been described as "the kind of weather that kills quietly, indoors, behind closed curtains."\n'
    )
    assert spans(text) == [(5, 32, 5, 106)]


def test_continuation_by_the_same_speaker() -> None:
    text = (
        "Budget approved\n\n"
        '"We have kept every library open," Marsh told the chamber. "And we kept the bus subsidy.\n\n'
        '"That did not happen by accident."\n'
    )
    assert lines(text) == []


def test_partial_quote_attributed_earlier_in_the_paragraph() -> None:
    text = (
        "Budget approved\n\n"
        "Council leader Anita Marsh spoke for an hour. The budget, in her words, was "
        '"the hardest settlement in a decade for any council in the country".\n'
    )
    assert lines(text) == []


def test_scare_quotes_and_titles_are_not_quotations_to_attribute() -> None:
    text = (
        "Review\n\n"
        'Firms have announced what some executives call "right-sizing" this year.\n\n'
        'Her novel "The Long Road Home From the Northern Sea" was shortlisted.\n\n'
        'Protesters carried placards reading "Safe staffing saves lives".\n\n'
        'The report, titled "How We Lost Control of Our Borders and What We Must Do Next," is due in June.\n'
    )
    assert lines(text) == []


def test_headlines_and_pull_quotes() -> None:
    text = (
        '"We will rebuild this town, whatever it takes"\n\n'
        '"We will rebuild this town, whatever it takes," the mayor, Ruth Adams, said on Monday.\n\n'
        '"We will rebuild this town, whatever it takes."\n'
    )
    assert lines(text) == []


def test_one_finding_for_a_multi_paragraph_orphan() -> None:
    text = (
        'Flood\n\nThe river rose overnight.\n\n"We lost the shop and the house.\n\n"Nobody came to help us at all."\n'
    )
    assert lines(text) == [5]


def test_speaker_named_in_the_next_paragraph() -> None:
    text = (
        "Mill fire\n\n"
        '"We have never seen anything like it in thirty years of fighting fires."\n\n'
        "That was how fire chief Bob Harding described the blaze on Saturday.\n"
    )
    assert lines(text) == []


def test_labels_before_a_quote() -> None:
    text = (
        "Flood inquiry\n\n"
        "Ruth Adams chaired the meeting.\n\n"
        'Adams: "We will not give up on this town."\n\n'
        "Roads were shut.\n\n"
        'Watch: "The water came up to our knees in seconds"\n'
    )
    assert lines(text) == []


def test_dash_attribution() -> None:
    text = 'Epigraph\n\nThe river rose.\n\n"The river gives and the river takes away." — Welsh proverb\n'
    assert lines(text) == []


def test_reported_speech_before_a_quote_paragraph_continues() -> None:
    text = (
        "Strike\n\n"
        "In a statement, the union said:\n\n"
        '"We deeply regret the disruption to patients, but we had no other choice."\n'
    )
    assert lines(text) == []


def test_country_and_military_speakers_stand_behind_it() -> None:
    text = (
        "Strikes\n\n"
        "Russia said on Monday that the talks had failed.\n\n"
        '"The responsibility lies entirely with the other side," it said.\n\n'
        "Israel's military said two soldiers were wounded.\n\n"
        '"The operation will continue until its goals are met," it said.\n'
    )
    assert lines(text) == []


def test_they_after_two_companies() -> None:
    text = (
        "Merger\n\n"
        "Halvorsen Pharma and Medora Therapeutics announced the deal, the two companies said on Monday.\n\n"
        '"Together we can invest more and deliver more reliably," they said.\n'
    )
    assert lines(text) == []


def test_a_document_cited_in_the_paragraph_before_does_not_speak_the_quote() -> None:
    text = (
        "Mine\n\n"
        "Inspectors had cited the mine twice in three years, according to records seen by local media.\n\n"
        '"Nobody should die for a day\'s wages."\n'
    )
    assert lines(text) == [5]


def test_a_person_cited_with_according_to_does_not_go_on_in_a_bare_quote() -> None:
    # words of theirs reported, not quoted: the quote paragraph after them needs its own speaker
    text = (
        "Mine\n\n"
        "The shaft had flooded twice, according to Ruth Amos, a union official at the mine.\n\n"
        '"Nobody should die for a day\'s wages."\n'
    )
    assert lines(text) == [5]


def test_a_pronoun_with_only_a_woman_and_an_organisation_before_it() -> None:
    text = (
        "Waits\n\n"
        "Patients at Kelbrook General Hospital wait 19 weeks, the watchdog Patient Voice Kelbrook found.\n\n"
        'Anne Corrigan, 67, from Little Hesketh, has waited 15 months. "The pain is bad," she said.\n\n'
        "Patient Voice Kelbrook's director, Helen Osei, said the hospital needed support. "
        '"Kelbrook has been underfunded for a decade," she said.\n\n'
        '"Frankly, the figures are worse than anything we have seen," he said.\n'
    )
    assert lines(text) == [9]


def test_a_quote_after_a_paragraph_whose_speaker_had_the_last_word_continues_it() -> None:
    text = (
        "Measles\n\n"
        'A paediatrician, Dilnoza Rakhimova, said parents read false claims. "I spend half an hour explaining," '
        "Rakhimova said.\n\n"
        '"If nothing changes, in summer we will have an epidemic."\n\n'
        "Police said the suspect handed a note to a teller. No one was hurt.\n\n"
        '"He was calm, really calm, like he had done it before."\n'
    )
    assert lines(text) == [9]


def test_a_photographer_and_an_institution_are_not_she() -> None:
    text = (
        "Outage\n\n"
        "Shoppers queue at a cash machine on Friday. (Photo: Marta Kowal/Reuters)\n\n"
        '"It was chaos," said Tomasz Brill, who owns a bistro.\n\n'
        'The central bank said it had asked for a report. "Resilience matters," the bank said.\n\n'
        '"Frankly, this should not exist in a modern economy," she said.\n'
    )
    assert lines(text) == [9]


def test_a_name_that_only_qualifies_a_crowd_or_a_street_does_not_speak() -> None:
    text = (
        "Election\n\n"
        "Supporters of Elena Okonkwo-Ruiz gathered on Sunday.\n\n"
        "Crowds of Okonkwo-Ruiz supporters blocked traffic on Avenida Central. "
        '"This election belongs to the provinces, not to the palace."\n'
    )
    assert lines(text) == [5]


def test_a_quote_after_narrative_in_its_own_paragraph_continues_no_one() -> None:
    text = (
        "Schools\n\n"
        '"That is not fair on anyone," said Cllr Margaret Oduya, the cabinet member for education.\n\n'
        'Several parents held placards reading "Save St Anne\'s". "You had made up your minds before we came."\n'
    )
    assert lines(text) == [5]


def test_a_bare_quote_needs_the_speakers_own_words_before_it() -> None:
    # reported speech, or a few words from a statement, carries no speaker into a quote paragraph
    text = (
        "Strike\n\n"
        "Union leader Joseph Banda said members had voted to stay out until the company improved its offer.\n\n"
        '"Nobody here will work for these wages."\n\n'
        'The ministry said in a statement that the company bore "full responsibility".\n\n'
        '"We will not give in to threats."\n'
    )
    assert lines(text) == [5, 9]


def test_a_bare_quote_after_a_quoted_sentence_or_a_colon_continues() -> None:
    text = (
        "Strike\n\n"
        'Union leader Joseph Banda said: "We will stay out." He added that talks had stalled.\n\n'
        '"Nobody here will work for these wages."\n\n'
        "Asked about the company's offer, Banda said:\n\n"
        '"It is an insult to every miner in this town."\n'
    )
    assert lines(text) == []


def test_they_is_not_a_place_named_by_an_organisation_word() -> None:
    text = (
        "Border\n\n"
        "The market lies in a valley, with farms on both sides of the border.\n\n"
        '"We heard the shooting and ran," they said.\n'
    )
    assert lines(text) == [5]


def test_a_group_with_no_word_of_saying_did_not_say_the_quote() -> None:
    text = (
        "Schools\n\n"
        'The pupils used the laptops mostly for homework, "and hardly ever in maths, because nothing worked '
        'offline."\n\n'
        'Residents described the new building as "a disgrace".\n'
    )
    assert lines(text) == [3]


def test_a_pronoun_that_does_not_fit_a_name_mostly_given_to_the_other_sex() -> None:
    # the Census gives "Dale" to women too, but to men twenty times as often
    text = (
        "Court\n\n"
        "Dale Hutchins, 58, pleaded guilty in August to theft from the county.\n\n"
        '"Every dollar he took was meant for our roads," she said.\n'
    )
    assert lines(text) == [5]


def test_a_photographer_in_a_caption_credit_is_not_she() -> None:
    text = (
        "Stabbing\n\n"
        "Police Chief Marcus Bell said three people were hurt.\n\n"
        "PHOTO: Officers tape off the platform on Monday night. (Jenna Hollis / WKDM)\n\n"
        '"I heard a scream and ran outside," she said.\n'
    )
    assert lines(text) == [7]


def test_an_organisation_the_article_calls_it_is_not_they() -> None:
    text = (
        "Riot\n\n"
        "The state government said in a statement that it had opened an investigation.\n\n"
        '"We were told the guards had been paid to look the other way," they said.\n'
    )
    assert lines(text) == [5]


def test_pronouns_after_a_name_give_the_persons_sex() -> None:
    # "Sam" is given to either sex; the article says which
    text = (
        "Cricket\n\n"
        "Captain Sam Fitzgerald made 71 before he was caught at slip.\n\n"
        "Rain delayed the start, and ground staff worked through the morning.\n\n"
        '"The outfield was the only worry," she said.\n'
    )
    assert lines(text) == [7]


def test_a_governing_body_or_a_competition_is_not_a_person() -> None:
    text = (
        "Cricket\n\n"
        "Seamer Tom Brereton took two wickets in the Sheffield Shield match, Cricket Tasmania said.\n\n"
        '"The square held up well," she said.\n'
    )
    assert lines(text) == [5]


def test_a_place_named_for_a_saint_or_a_hill_is_not_she() -> None:
    text = (
        "Mine\n\n"
        "Miners at Cerro Alcantara, near Santa Rosa de Quillay, were trapped on Monday.\n\n"
        '"My son only started there in March," she said.\n'
    )
    assert lines(text) == [5]


@pytest.mark.parametrize("venue", ["the National Arena", "Riverside Oval", "Kessingham Airport", "the Grand Theatre"])
def test_a_venue_is_no_woman_to_pin_she_on(venue: str) -> None:
    text = (
        "Cup final\n\n"
        f"Rovers beat Athletic 2-1 in the final at {venue} on Saturday.\n\n"
        "Athletic manager Sven Aaltonen declined to blame the referee.\n\n"
        '"We gave everything, and on another day that second half goes our way," she said.\n'
    )
    assert lines(text) == [7]


@pytest.mark.parametrize("thing", ["Collapsed Speyside distillery", "Southeast Asia", "Maritime New Zealand"])
def test_a_name_that_opens_with_a_common_word_is_no_one_to_pin_he_on(thing: str) -> None:
    text = (
        f"{thing} in the news\n\n"
        f"Buyers have circled {thing} for months, analysts at two banks said on Monday.\n\n"
        "'This is a brand with real heritage, and we believe it has a future,' he said.\n"
    )
    assert lines(text) == [5]


def test_a_given_name_that_is_also_a_word_is_still_a_person() -> None:
    text = (
        "Results\n\n"
        "Grace Lam, the chief executive, said the year had been hard.\n\n"
        "'The dividend cut is what hurts,' she said.\n"
    )
    assert lines(text) == []


@pytest.mark.parametrize("body", ["the prosecution", "the defence", "the jury"])
def test_a_side_of_a_court_case_is_no_one_to_pin_she_on(body: str) -> None:
    text = (
        "Fraud trial\n\n"
        f"Opening the case, {body} said the company had paid early investors out of later deposits.\n\n"
        '"I handed over my savings because the brochures promised a villa," she told the court.\n'
    )
    assert lines(text) == [5]


@pytest.mark.parametrize(
    "thing",
    ["the Kaptebo Marathon", "the Internationally Trained Physicians rally", "the days before Lunar New Year"],
)
def test_a_name_that_ends_in_a_common_word_is_no_one_to_pin_he_on(thing: str) -> None:
    text = (
        "Race day\n\n"
        f"Thousands of spectators lined the streets for {thing} on Sunday.\n\n"
        '"We had marshals on every corner, and we will learn from it," he said.\n'
    )
    assert lines(text) == [5]


@pytest.mark.parametrize("thing", ["The ferry Estrella del Sur", "The tanker Maria Luisa", "Her yacht Carmen Rosa"])
def test_a_vessel_named_like_a_woman_is_no_woman_to_pin_she_on(thing: str) -> None:
    text = (
        "Ferry fire\n\n"
        f"{thing} was 18 miles from port when the fire started, the coast guard said.\n\n"
        '"We will not speculate on the cause until the investigation is complete," she said.\n'
    )
    assert lines(text) == [5]


def test_a_role_given_to_a_woman_named_before_it_is_not_he() -> None:
    text = (
        "Bus crash\n\n"
        "Mirela Stanescu, 34, a nurse who was sitting near the back of the bus, said she was thrown forward.\n\n"
        '"That bend has been a death trap for years and everybody in this valley knows it," he said.\n'
    )
    assert lines(text) == [5]
    text = text.replace("Mirela", "Mihai").replace("said she was", "said he was")
    assert lines(text) == []


def test_a_role_before_a_man_s_honorific_is_his_and_no_she() -> None:
    text = (
        "Negligence trial\n\n"
        "The family is suing consultant surgeon Dr Philip Greaves over the death of their son.\n\n"
        "A nurse, Mr Haynes, said the surgeon had advised fluids and observation on both occasions.\n\n"
        "\u2018I wrote it down each time,\u2019 she said.\n"
    )
    assert lines(text) == [7]


@pytest.mark.parametrize("name", ["Sunanda Kulkarni", "Chiamaka Eze", "Gulnara Sadykova", "Dorota Wiśniewska"])
def test_given_names_of_many_countries_tell_a_woman(name: str) -> None:
    text = (
        "Gas leak\n\n"
        f"The unit's director, {name}, said the plant had been shut.\n\n"
        '"The valve had been leaking for days," he said.\n'
    )
    assert lines(text) == [5]


def test_a_thing_named_after_the_is_no_man_to_pin_he_on() -> None:
    text = (
        "Gas leak\n\n"
        "Superintendent Kavita Thorat said a case had been registered under sections of the Bharatiya Nyaya "
        "Sanhita for negligence.\n\n"
        '"The valve had been leaking for days," he said.\n'
    )
    assert lines(text) == [5]


def test_a_bare_surname_that_speaks_takes_the_sex_of_its_pronoun() -> None:
    text = (
        "Breach\n\n"
        "Okonjo said the group had demanded a ransom of €2.5m before listing the records, adding that he had "
        "seen samples of the data.\n\n"
        '"Loyalty data looks harmless until you realise what it says about you," she said.\n'
    )
    assert lines(text) == [5]
    # an organisation's last word is no person to learn a sex for
    text = (
        "Derailment\n\n"
        "The Ministry of Transport said in a statement that four carriages left the rails.\n\n"
        '"The train was travelling at normal speed when the driver felt a strong vibration," he said.\n'
    )
    assert lines(text) == [5]


def test_the_red_cross_is_no_woman_called_kenya() -> None:
    text = (
        "Landslide\n\n"
        "Volunteers from the Kenya Red Cross handed out blankets at the school.\n\n"
        '"When the rain stopped, our neighbours\' houses were gone," she said.\n'
    )
    assert lines(text) == [5]


def test_a_person_after_a_role_of_an_organisation_is_a_person() -> None:
    text = (
        "Floods\n\n"
        "The prefect of the department, Hervé Mazaudier, has activated a crisis unit. "
        '"The situation remains very serious," he told reporters.\n'
    )
    assert lines(text) == []


def test_the_police_are_never_it() -> None:
    text = (
        "Siege\n\n"
        "12:13 - Police have confirmed that 350 people have been evacuated.\n\n"
        '12:44 - "We ask everyone to avoid the area," it said.\n'
    )
    assert lines(text) == [5]


def test_a_party_the_article_calls_its_is_no_man_to_pin_he_on() -> None:
    # "Lok Jan Morcha" has no given name first and the article calls it "its": an organisation, so "he
    # said" after the chief minister (a woman) has nobody to refer to; a person's "its" is rare
    text = (
        "Government survives vote\n\n"
        "The ruling Lok Jan Morcha and its allies needed 119 votes to defeat the motion.\n\n"
        'Chief Minister Meenakshi Raghavan said she would not resign. "They wanted a headline," she said.\n\n'
        '"Not a single member from our side has crossed over," he said.\n'
    )
    assert lines(text) == [7]


def test_he_said_pinned_on_a_surname_makes_a_later_she_someone_else() -> None:
    text = (
        "Hostages freed\n\n"
        "Brigadier General Rodolfo Mangubat said the raid took four minutes.\n\n"
        'Salonga said the company had paid no ransom. "Our people are coming home," he said.\n\n'
        '"We lay flat on the floor," she said.\n'
    )
    assert lines(text) == [7]


def test_a_news_agency_credited_in_the_dateline_is_no_woman_to_pin_she_on() -> None:
    text = (
        "Hostages freed\n\n"
        "PUERTO MAGDALIT, June 9 (Meridian Wire) - Marines freed seven engineers on Sunday, the military said.\n\n"
        '"We heard the shooting and we lay flat on the floor," she said.\n'
    )
    assert lines(text) == [5]


def test_a_plane_s_model_is_no_woman_to_pin_she_on() -> None:
    text = (
        "Emergency landing\n\n"
        "The Aerolinea Brisa Airbus A321, carrying 186 passengers, turned back after a fire warning.\n\n"
        "Airport manager Declan Foley said the plan had worked. He said the runway was closed for two hours.\n\n"
        '"There was a loud bang and the woman beside me started praying," she said.\n'
    )
    assert 7 in lines(text)


def test_a_newspaper_is_no_woman_to_pin_she_on() -> None:
    from checker.analysis import Facts
    from checker.readers import read_bytes

    text = (
        "Strike\n\n"
        "Union leader Dr Wanjiru Kamau told the Daily Courier that the strike would go on. "
        '"We have been let down three times," she said.\n'
    )
    assert lines(text) == []
    doc = read_bytes(text.encode("utf-8"), "draft.txt")[0]
    (frame,) = [f for f in Facts(doc).get("attributions").frames if f.speaker and f.speaker.text == "she"]
    assert frame.antecedent is not None and frame.antecedent.text == "Wanjiru Kamau"


def test_an_honorific_title_is_no_name_shared_by_two_people() -> None:
    # "Datuk" is a title: the judge is not the former council president who shares it
    text = (
        "Verdict\n\n"
        "The court sentenced Datuk Harun Iskandar to eight years in jail.\n\n"
        "Judge Datuk Noraini Yusof ruled that the case was proven.\n\n"
        '"The court must send a clear message," she said.\n'
    )
    assert lines(text) == []


def test_a_live_blog_s_entry_stands_alone_for_they_and_it() -> None:
    text = (
        "LIVE: Cyclone makes landfall\n\n"
        "12:02 - Police say a woman and her son died when their car was swept off a bridge.\n\n"
        "12:15 - The Red Cross says it has hygiene kits ready for 10,000 families.\n\n"
        '12:31 - There is concern about landslides. "The ground is completely saturated," they said.\n'
    )
    assert lines(text) == [7]
    # in ordinary copy the paragraph before may hold the group
    text = (
        "Cyclone makes landfall\n\n"
        "Police said a woman and her son died when their car was swept off a bridge.\n\n"
        '"The ground is completely saturated," they said.\n'
    )
    assert lines(text) == []


def test_the_role_of_a_man_named_with_that_title_is_not_she() -> None:
    # "the commissioner" is County Commissioner Joseph Lagat again, and no woman is in the story
    text = (
        "Landslide\n\n"
        "County Commissioner Joseph Lagat said rescue teams had recovered 14 bodies by midday.\n\n"
        "Nine injured people were taken to hospital, the commissioner said.\n\n"
        "The Red Cross said 312 people had been displaced.\n\n"
        '"Then the whole hill moved," she said.\n'
    )
    assert lines(text) == [9]
    # a commissioner the article never names may be a woman
    assert lines(text.replace("County Commissioner Joseph Lagat", "A county official")) == []


def test_a_person_s_own_letter_says_their_sex_over_a_list_of_names() -> None:
    # "Oluwaseun" is listed as a man's name, but the head teacher's letter is "her letter"
    text = (
        "Gas leak closes school\n\n"
        "More than 400 pupils were evacuated from St Aidan's Primary School on Monday.\n\n"
        "Head teacher Oluwaseun Adeyemi said in her letter to parents that the school would stay closed.\n\n"
        '"We are working closely with the gas network," he said.\n'
    )
    assert lines(text) == [7]
    assert lines(text.replace('," he said', '," she said')) == []


def test_a_quote_beside_a_dead_man_or_a_hospital_has_no_speaker() -> None:
    text = (
        "Polling station clash\n\n"
        "Voting was disrupted for close to three hours.\n\n"
        "The deceased, identified as Kofi Nyarko, 28, a driver, was rushed to the Akwadum Government Hospital but "
        'was pronounced dead on arrival. "He left the house this morning saying he would vote quickly."\n'
    )
    assert lines(text) == [5]
    # a living man named beside the quote may be its speaker
    living = text.replace("The deceased, identified as Kofi", "Kofi").replace("dead on arrival", "fit to go home")
    assert lines(living) == []


def test_an_organisation_that_only_qualifies_a_crowd_does_not_speak() -> None:
    text = (
        "Flood\n\n"
        "The river rose by four metres in six hours.\n\n"
        '"The water came up through the floorboards before we had time to lift a thing." Army engineers spent '
        "Tuesday clearing the main road.\n"
    )
    assert lines(text) == [5]
    assert lines(text.replace("Army engineers spent", "The Army spent")) == []


def test_names_that_are_a_company_a_newsletter_or_a_nickname_are_no_one_to_be_she() -> None:
    # "Toronto-based Greyrock Living" is a company; "our Ashcombe Echo newsletter" a newsletter
    text = (
        "Tower approved\n\n"
        "The project, proposed by Toronto-based Greyrock Living, will include 212 units.\n\n"
        '"This is the biggest rental project this town has seen," he said.\n'
    )
    assert lines(text) == [5]
    text = (
        "Fire\n\n"
        'Resident Desmond "Tallman" Walters, 58, said he was awoken by shouting.\n\n'
        "Details were published in the residents' newsletter, Ashcombe Matters.\n\n"
        '"We lost everything," she said.\n'
    )
    assert lines(text) == [7]
    assert lines(text.replace("she said", "he said")) == []


def test_a_role_given_a_woman_s_name_after_its_noun_phrase_is_not_he() -> None:
    text = (
        "Libraries to close\n\n"
        "The leader of the opposition Civic Party group, Cllr Priya Lal, said the closures would hurt. "
        '"It is the only warm place in the village," she said.\n\n'
        '"People will remember this at the ballot box," he added.\n'
    )
    assert lines(text) == [5]


def test_a_role_used_as_a_modifier_or_held_by_a_named_man_is_not_she() -> None:
    text = (
        "Tornado\n\n"
        "Sheriff Karen Whitlock said her deputies and volunteer search crews worked through the night.\n\n"
        '"There are still places we cannot get into," he said.\n'
    )
    assert lines(text) == [5]
    text = (
        "Governor impeached\n\n"
        "Governor Daniel Omondi was impeached on Tuesday.\n\n"
        "In a statement, the governor said the tenders had been lawful.\n\n"
        '"This is a political witch-hunt," she said.\n'
    )
    assert lines(text) == [7]
    assert lines(text.replace("Daniel Omondi", "Grace Omondi")) == []


def test_the_statement_said_needs_a_statement_before_it() -> None:
    text = (
        "Guard ruled out\n\n"
        "The guard hurt his ankle in practice on Thursday.\n\n"
        '"He is day-to-day and will be re-evaluated next week," the statement said.\n'
    )
    (d,) = lint(text, RULE)
    assert d.line == 5 and "nothing before it mentions a statement" in d.message
    assert lines(text.replace("in practice", "in practice, the club said in a statement,")) == []


def test_the_person_said_needs_a_person_before_it_and_a_company_or_a_road_is_no_one() -> None:
    text = (
        "Profit warning\n\n"
        "Shares in the group fell 12 per cent on Monday.\n\n"
        '"The board knew in March," the person said.\n'
    )
    assert lines(text) == [5]
    assert lines(text.replace("on Monday.", "on Monday, according to a person familiar with the matter.")) == []
    text = (
        "Verdict\n\n"
        "A court convicted the directors of Vektra Sonnenpark GmbH of fraud. Thefts were reported along Route J.\n\n"
        '"My insurance would not cover it," she said.\n'
    )
    assert lines(text) == [5]


def test_a_street_named_beside_a_quote_does_not_speak_it() -> None:
    text = (
        "Flood\n\n"
        "The burn burst its banks on Tuesday night.\n\n"
        "It was a frantic hour on Mill Wynd as the water rose. "
        '"It came under the door in about ten minutes. We grabbed the dog and that was us."\n'
    )
    assert lines(text) == [5]


def test_titles_alone_a_cooperative_and_a_creek_are_no_one() -> None:
    text = (
        "Crash\n\n"
        "The District Police Commander, Deputy Superintendent of Police (DSP) Emmanuel Tetteh, said the bus was "
        "overtaking. The bus belonged to Rift Shuttle Sacco and crashed near Kelsall Creek.\n\n"
        '"The bus was moving at top speed," she said.\n'
    )
    assert lines(text) == [5]


def test_the_woman_said_needs_a_woman_before_it() -> None:
    text = 'Fire\n\nSix workers died in the factory fire.\n\n"We could not get out," the woman said.\n'
    assert lines(text) == [5]
    assert lines(text.replace("Six workers", "A woman and five other workers")) == []


def test_an_irish_board_is_no_one() -> None:
    text = (
        "Housing\n\nThe appeal went to An Bord Pleanála last year. Both councillors said rents had risen.\n\n"
        '"It is a month of wages," he said.\n'
    )
    assert lines(text) == [5]


def test_she_added_in_the_next_sentence_says_the_speaker_s_sex() -> None:
    text = (
        "Cholera\n\n"
        "District Health Officer Dr Tiyamike Nyirenda said cases were rising.\n\n"
        '"A bundle now costs K3,000 at the market," he said.\n\n'
        "Teams are tracing contacts, Dr Nyirenda said. She added that more chlorine was on its way.\n"
    )
    assert lines(text) == [5]


def test_our_correspondent_is_the_paper_s_own_reporter() -> None:
    text = (
        "Tanker fire\n\n"
        "The state commander, Mr Babatunde Olaniyan, confirmed the incident to our correspondent on Wednesday.\n\n"
        '"We lost our neighbours at this same spot this year," she stated.\n'
    )
    assert lines(text) == [5]


def test_a_title_run_is_no_one_and_a_town_of_is_a_place() -> None:
    text = (
        "Results\n\n"
        "Chief Financial Officer, Mrs. Funmilayo Adeyemi, told analysts that loans had improved.\n\n"
        '"The forex gains are a one-off," he said.\n'
    )
    assert lines(text) == [5]
    text = (
        "Heatwave\n\nIt was 46C in the town of Montalbán de la Vega on Monday. "
        '"We close the shutters at eleven in the morning."\n'
    )
    assert lines(text) == [3]


def test_the_rest_of_a_body_s_name_after_of_is_no_one() -> None:
    text = (
        "Shelling\n\nThe State Service of Extraordinary Situations said rescuers worked through the night.\n\n"
        '"We were in the corridor when it hit," she told journalists.\n'
    )
    assert lines(text) == [5]


def test_low_nine_quotes_closed_by_a_high_six() -> None:
    text = (
        "Mine\n\n"
        "In the announcement of the company „Rudarski kombinat Zlatovac“, which manages the mine, it is stated that "
        "the management expresses condolences.\n\n"
        "The mine „Stara Jama“ is one of the oldest copper mines in eastern Serbia.\n"
    )
    assert lines(text) == []


def test_a_monarch_s_number_is_part_of_a_name() -> None:
    text = (
        "Monarchs send messages\n\n"
        "The mood was set by Norland's Queen Margit II, who said the year had been hard. "
        '"We have all known grief," she said.\n\n'
        'Ostmark\'s King Anders XIV Frederik also spoke of the floods. "We must help one another," he said.\n'
    )
    assert lines(text) == []


def test_a_title_before_the_name_outweighs_a_place_word_in_it() -> None:
    # "Hill" ends many place names, but "Defence Minister Robert Hill" is a person
    text = (
        "Defence budget under strain\n\n"
        "Defence Minister Robert Hill says some projects will be delayed. Senator Hill says the cost is high. "
        '"We will have to find the money," he said.\n'
    )
    assert lines(text) == []
    assert lint(text, "unintroduced-speaker") == []


def test_a_member_of_parliament_s_title_in_capitals() -> None:
    text = (
        "Plea on detention centre\n\n"
        "Labour MP Lyn Breuer, whose seat covers the town, says detainees must be kept apart. "
        '"That is the only solution," she said.\n'
    )
    assert lines(text) == []
    assert lint(text, "unintroduced-speaker") == []


def test_a_double_given_name_has_the_sex_of_its_first_part() -> None:
    text = (
        "Bank lifts profit\n\n"
        "Profit at the private bank rose 8%, chief executive Marc-André Vouilloz said on Tuesday.\n\n"
        '"We expect margins to narrow in the second half," she said.\n'
    )
    assert lines(text) == [5]
    assert lines(text.replace("Marc-André", "Marie-Claude")) == []


def test_a_bank_named_in_one_word_and_an_exchange_are_no_one_to_pin_she_on() -> None:
    for name in ("Ostervik Privatbank", "the Dar es Salaam Stock Exchange"):
        text = (
            "Shares slip\n\n"
            f"Trading at {name} was halted for an hour on Monday.\n\n"
            '"The market did not like the guidance," she said.\n'
        )
        assert lines(text) == [5], name


def test_the_agency_of_a_dateline_is_nothing_it_said_can_mean() -> None:
    text = (
        "Quake kills nine\n\n"
        "DUSHANBE, May 14 (Wire) - A strong earthquake struck a remote district early on Wednesday, killing at "
        "least nine people, officials said.\n\n"
        '"The number of victims may rise," it said in a statement.\n'
    )
    assert lines(text) == [5]


def test_a_name_with_a_plural_verb_is_a_team() -> None:
    text = (
        "Derby abandoned\n\n"
        "The derby between Atlético Sabanero and the visitors was abandoned on Sunday. Sabanero were leading "
        "2-1 when the referee led the players off.\n\n"
        '"Those responsible will be banned for life," she said.\n'
    )
    assert lines(text) == [5]


def test_a_quote_after_a_colon_that_closes_the_paragraph_before_carries_on() -> None:
    text = (
        "Council backs signs\n\n"
        "The group leader, Hauke Christiansen, was visibly moved after the vote: „Today is a good day for "
        "everyone who lives in this border region.“\n\n"
        "„The signs cost little, but they say a great deal about who belongs here.“\n"
    )
    assert lines(text) == []


def test_a_nickname_with_an_apostrophe_between_the_names() -> None:
    text = (
        "Wrestling crush\n\n"
        'The crush happened before the main bout between Balla "Sable d\'Or" Diouf and Pape Seck.\n\n'
        '"I dedicate this victory to the people who were hurt," Diouf said afterwards.\n'
    )
    assert lint(text, "unintroduced-speaker") == []


def test_a_name_that_ends_in_a_compass_word_with_no_given_name_is_a_place() -> None:
    text = (
        "Assembly budget\n\n"
        "The budget is expected to fund the completion of the long-delayed Zongo East clinic. "
        '"Every week of delay puts another rainy season at risk."\n'
    )
    assert lines(text) == [3]


def test_a_sea_and_a_strait_are_places_and_names_of_many_countries_have_a_sex() -> None:
    text = (
        "Desalination plant\n\n"
        "The plant on the Red Sea coast will supply the city, chief executive Tariq Mansour said.\n\n"
        '"Every summer the groundwater is lower," she said.\n'
    )
    assert lines(text) == [5]
    for given in ("Reshma", "Geir", "Sizwe", "Lalith"):
        assert default_lexicon().gender_of(given) != "unknown", given


def test_a_police_district_is_no_she() -> None:
    text = (
        "Fans held\n\n"
        "Most of those held had been released by Sunday, the police district said.\n\n"
        "'It is a small group who come for trouble,' she said.\n"
    )
    assert lines(text) == [5]


def test_a_capital_speaks_for_its_government() -> None:
    text = (
        "Plant to close\n\n"
        "The plant will close in March, the company said.\n\n"
        "Ottawa said on Wednesday that laid-off workers would be eligible for benefits.\n"
    )
    assert lint(text, "unintroduced-speaker") == []


def test_a_surname_that_has_one_form_for_each_sex() -> None:
    text = (
        "Doctors rally\n\n"
        "Zieliński said the licensing rules had to change before the winter.\n\n"
        '"There are thousands of us waiting," she said.\n'
    )
    assert lines(text) == [5]
    assert lines(text.replace("Zieliński", "Zielińska")) == []


def test_a_quote_after_said_comma_that_closes_the_paragraph_before_carries_on() -> None:
    text = (
        "Interns walk out\n\n"
        'Intern Doctors Council president Dr Tanvir Ahmed Shuvo said, "We are working day and night for the '
        'patients. But we have no security."\n\n'
        '"We have also given a memorandum to the hospital director."\n'
    )
    assert lines(text) == []


def test_a_few_words_quoted_at_the_end_of_the_paragraph_before_carry_no_one() -> None:
    text = (
        "Interns walk out\n\n"
        'Intern Doctors Council president Dr Tanvir Ahmed Shuvo described the attack as "cowardly".\n\n'
        '"We have also given a memorandum to the hospital director."\n'
    )
    assert lines(text) == [5]


@pytest.mark.parametrize(
    ("before", "quote"),
    [
        (
            "The match was called off after Environment Canada's air quality index reached 10.",
            '"You cannot ask athletes to run for ninety minutes in that," he said.',
        ),
        (
            "The travel agency Slunečnice Tour said all of its clients had been moved to other hotels.",
            "„Our representative was with the clients all night,“ she said.",
        ),
        (
            "Borealis Air said in a statement that everyone on board was evacuated.",
            '"There was a loud bang, and the whole plane shook," she said.',
        ),
        (
            "The food was supplied by Al-Bustan Catering, the court heard.",
            "“The food sat in the sun for hours,” he said.",
        ),
        (
            "The Aviation and Allied Workers' Union wants an 11% wage increase.",
            "“We will not be intimidated,” he said.",
        ),
        (
            "Sarooj Packaging said in a statement that the fire was out.",
            "\u201cWe heard a bang from the back of the hall,\u201d he said.",
        ),
        (
            "The fixture against Orchid Rangers has been postponed.",
            "\u201cFootballers are outside at dawn and dusk,\u201d he said.",
        ),
        (
            "Hexley Town were fined after a Boxing Day pitch invasion. Boxing Day was grim.",
            "\u2018I have never seen anything like it,\u2019 he said.",
        ),
        (
            "Hurricane Delphine tore the roofs off 300 homes overnight.",
            "\u2018We lost the roof in the night,\u2019 she said.",
        ),
        (
            "The fire at Kilele Market destroyed more than 300 stalls.",
            '"The water ran out after twenty minutes," he said.',
        ),
        (
            "Seventy-one said they had eaten the rice.",
            "“Nobody checked it,” he said.",
        ),
    ],
)
def test_an_agency_or_a_tour_operator_is_no_he_or_she(before: str, quote: str) -> None:
    assert lines(f"Smoke\n\n{before}\n\n{quote}\n") == [5]


@pytest.mark.parametrize(
    ("named", "pronoun", "flagged"),
    [
        ("Sofie Verhaegen, a spokeswoman for the prosecutor's office, confirmed the arrests.", "he", [5]),
        ("Sofie Verhaegen, a spokeswoman for the prosecutor's office, confirmed the arrests.", "she", []),
        ("Police spokesman Verhaegen confirmed the arrests.", "she", [5]),
        ("Auke Verhaegen, the father of one of the riders, watched the search.", "she", [5]),
    ],
)
def test_a_role_in_apposition_or_before_the_name_says_the_sex(named: str, pronoun: str, flagged: list[int]) -> None:
    text = f"Raid\n\n{named}\n\n\u201cWe are looking closely at who paid for them,\u201d {pronoun} said.\n"
    assert lines(text) == flagged


def test_a_word_of_an_organisation_s_name_inside_a_place_s_name_is_no_it() -> None:
    text = (
        "Crush at stadium\n\n"
        "Two people were killed when the crowd surged against the gates of the Wellagoda Municipal Stadium.\n\n"
        '"There was no way to get out," it said.\n\n'
        "The injured were taken to Wellagoda Base Hospital.\n"
    )
    assert lines(text) == [5]


def test_the_organisation_itself_is_still_it() -> None:
    text = (
        "Crush at stadium\n\n"
        "Two people were killed, and Wellagoda Base Hospital treated 27 for injuries.\n\n"
        '"Most of them have bruises and fractures," it said.\n'
    )
    assert lines(text) == []


def test_a_saint_s_name_in_the_possessive_is_an_institution_not_a_he() -> None:
    text = (
        "Floodlights refused\n\n"
        "St Ita's Camogie Club was refused permission for floodlights. Club chairwoman Niamh Crowley said "
        "members were gutted.\n\n"
        "\u2018On a Saturday morning you cannot get out of your own driveway,\u2019 he said.\n"
    )
    assert lines(text) == [5]


def test_a_place_alone_is_no_it_though_a_body_is_named_after_it() -> None:
    text = (
        "Protest\n\n"
        "Police arrested 47 people in Lethukuhle on Monday. Residents say parts of Lethukuhle have been without "
        "running water for 11 days.\n\n"
        '"Our teams have been working around the clock to restore supply," it said.\n\n'
        "Sipho Ndaba chairs the Lethukuhle Concerned Residents Forum.\n"
    )
    assert lines(text) == [5]


@pytest.mark.parametrize(
    ("before", "flagged"),
    [
        ("At least 14 people were killed after a launch capsized in the Meghna river near Bhairabganj.", [5]),
        ("The Meghna River Authority said at least 14 people were killed when a launch capsized.", []),
    ],
)
def test_a_name_after_in_is_a_place_not_an_it(before: str, flagged: list[int]) -> None:
    text = (
        "Launch capsizes\n\n"
        f"{before}\n\n"
        '"The vessel was carrying at least 250 people," it said in a statement.\n\n'
        "The Meghna River Authority has opened an inquiry.\n"
    )
    assert lines(text) == flagged


@pytest.mark.parametrize(
    ("before", "flagged"),
    [
        ("Families in Harlan Ridge County can get their children vaccinated for free.", [5]),
        ("Harlan Ridge County will vaccinate children for free from Monday.", []),
    ],
)
def test_a_county_named_as_a_place_is_no_it(before: str, flagged: list[int]) -> None:
    text = f'Measles\n\n{before}\n\n"Every child who is not protected can catch this," it said.\n'
    assert lines(text) == flagged


@pytest.mark.parametrize("dateline", ["MADURAI: ", "SHAHDADNAGAR: "])
def test_a_dateline_before_a_colon_is_no_it(dateline: str) -> None:
    text = (
        "Captain dies in custody\n\n"
        f"{dateline}A former kabaddi captain died on Saturday, hours after he was picked up for questioning.\n\n"
        "\u201cHe complained of chest pain in the lock-up,\u201d it said.\n"
    )
    assert lines(text) == [5]


def test_a_ground_named_before_its_kind_is_no_it() -> None:
    text = (
        "Gallery collapse\n\n"
        "Nine people were killed when a wooden gallery gave way at the Chalappuram ground on Sunday night.\n\n"
        '"The gallery was built to hold 3,000 people," it said in a preliminary report.\n'
    )
    assert lines(text) == [5]


@pytest.mark.parametrize(
    ("named", "pronoun", "flagged"),
    [
        ("Opening the case, Nino Chkheidze told the court that Ms Chkheidze's evidence was clear.", "she", []),
        ("Acting director Awang Haji Zulkifli Hamdan said the infection was confined to one shed.", "he", []),
    ],
)
def test_an_honorific_and_a_given_name_after_an_honorific_say_the_sex(
    named: str, pronoun: str, flagged: list[int]
) -> None:
    quote = f"\u201cEvery lorry paid,\u201d {pronoun} said. Zulkifli said the department would pay her."
    text = f"Trial\n\n{named}\n\n{quote}\n"
    assert lines(text) == flagged


def test_a_holiday_with_a_possessive_is_a_day_not_a_she() -> None:
    text = 'Crash\n\nThe crash happened on New Year\'s Day near the port.\n\n"It was chaos," she said.\n'
    assert lines(text) == [5]


def test_a_person_named_after_a_body_s_possessive_is_a_person() -> None:
    text = (
        "Rain\n\n"
        "The Bureau of Meteorology's Claire Richards says rain fell across the state.\n\n"
        '"The falls have been quite isolated," she said.\n'
    )
    assert lines(text) == []


def test_informed_is_a_speech_verb_when_it_governs_a_quote() -> None:
    text = (
        "Cholera\n\n"
        "The ministry's chief medical officer, Dr Fatmata Kamara, said 61 patients were being treated.\n\n"
        '"The next two weeks are critical. If people come early, cholera is simple to treat," she informed reporters.\n'
    )
    assert lines(text) == []
