"""conflicting-count: fires on counts that cannot both be true, with exact positions."""

from __future__ import annotations

import pytest
from conftest import lint

from checker.findings import Severity

RULE = "conflicting-count"


def story(*paragraphs: str, headline: str = "Headline") -> str:
    return "\n\n".join((headline, *paragraphs)) + "\n"


def found(text: str) -> list[tuple[int, int, int, int, str, list[tuple[int, int]]]]:
    return [
        (d.line, d.column, d.end_line, d.end_column, str(d.severity), [(r.line, r.column) for r in d.related])
        for d in lint(text, RULE)
    ]


def test_death_counts_that_disagree() -> None:
    text = story(
        "Seven people were killed and 23 injured when a bus left the road on Thursday, officials said.",
        "The driver survived.",
        "The regional health department said nine people had died, including a child.",
    )
    assert found(text) == [(7, 37, 7, 57, "warning", [(3, 1)])]
    (d,) = lint(text, RULE)
    assert "'nine people had died'" in d.message and "'Seven people were killed'" in d.message
    assert d.excerpt == "nine people had died"


def test_message_quotes_both_numbers() -> None:
    text = story("Police arrested 23 people on Saturday.", "Thirty-two people were arrested, a spokeswoman said.")
    (d,) = lint(text, RULE)
    assert "thirty-two vs 23" in d.message
    assert d.related[0].message == "the earlier count: 'arrested 23 people'"


@pytest.mark.parametrize(
    ("first", "second", "later", "earlier"),
    [
        ("Three gunmen stormed the embassy.", "Officials said the four attackers were armed.", (5, 20, 5, 34), (3, 1)),
        (
            "A dozen people died when the ferry sank.",
            "Fourteen bodies had been recovered by Sunday.",
            (5, 1, 5, 16),
            (3, 1),
        ),
        (
            "Two dozen fans were injured in the crush.",
            "Officials said 31 people had been injured.",
            (5, 16, 5, 42),
            (3, 1),
        ),
        ("Five prison guards were injured on Thursday.", "Three guards were hurt in the riot.", (5, 1, 5, 23), (3, 1)),
        (
            "Twelve workers were taken to hospital.",
            "Nine workers were taken to Kelby Royal Infirmary.",
            (5, 1, 5, 49),
            (3, 1),
        ),
        (
            "Rescuers tried to reach 11 miners trapped underground.",
            "Eight miners were unaccounted for.",
            (5, 1, 5, 34),
            (3, 25),
        ),
        (
            "About 1,200 residents were evacuated overnight.",
            "In total, 2,300 people were evacuated.",
            (5, 11, 5, 38),
            (3, 1),
        ),
        (
            "The fighting killed at least 20 people on Monday.",
            "In total, 15 people were killed on Monday.",
            (5, 11, 5, 32),
            (3, 14),
        ),
        (
            "The knife attack left three people injured.",
            "Four people were treated for stab wounds.",
            (5, 1, 5, 41),
            (3, 23),
        ),
        ("The fire destroyed 40 homes.", "In all, 75 homes were destroyed.", (5, 9, 5, 32), (3, 10)),
    ],
)
def test_conflicts_by_category(
    first: str, second: str, later: tuple[int, int, int, int], earlier: tuple[int, int]
) -> None:
    assert found(story(first, second)) == [(*later, "warning", [earlier])]


def test_headline_counts_are_compared_with_the_body() -> None:
    text = story("Seven people died when the bus left the road.", headline="Bus crash kills nine")
    assert found(text) == [(3, 1, 3, 18, "warning", [(1, 11)])]


def test_stale_hedge_is_reported_at_a_lower_severity() -> None:
    text = story(
        "A drone strike killed at least five fighters on Tuesday, the army said.",
        "Six militia fighters were killed in the strike, a local official said.",
    )
    (d,) = lint(text, RULE)
    assert (d.line, d.column, d.end_column, d.severity) == (5, 1, 33, Severity.INFO)
    assert [(r.line, r.column) for r in d.related] == [(3, 16)]
    assert "'Six militia fighters were killed'" in d.message and "'killed at least five fighters'" in d.message


def test_a_running_total_is_not_stale_but_a_hedge_outside_the_lede_may_be() -> None:
    running = story("Police detained at least 40 people.", "Forty-two people had been detained by the evening.")
    assert found(running) == []
    later_hedge = story(
        "Storms swept the coast on Sunday.",
        "At least five people were killed, officials said.",
        "Seven people were killed in the storm, the coroner said.",
    )
    assert [(f[0], f[4]) for f in found(later_hedge)] == [(7, "info")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the same number in digits and words, or in a hedge that allows both
        ("Twelve people were killed.", "Officials said 12 people had died."),
        ("A dozen people were killed.", "Officials said 12 people had died."),
        ("Nearly 50 people were injured.", "The hospital said 48 people had been injured."),
        ("About 40 people are in hospital.", "Forty-three patients were in hospital on Wednesday."),
        ("At least five people were killed.", "Officials later said the death toll rose to seven."),
        ("More than 400 people were injured.", "Some 450 people were injured, the agency said."),
        ("Up to 30 people were arrested.", "Police said 25 people were arrested."),
        # vague quantities are never compared
        ("Dozens of people were injured.", "Four people were injured, the hospital said."),
        # an explicit update or an earlier report
        ("The death toll rose to 31 on Tuesday.", "On Monday the agency had put the number of dead at 24."),
        ("Seven people were killed.", "The toll was later revised to nine, officials said."),
        # sub-counts and parts
        ("At least 25 people were killed.", "Three of the dead were children, and nine journalists were killed."),
        ("Fifteen people were killed, including six soldiers.", "Six soldiers had been killed, the ministry said."),
        ("Six soldiers were killed.", "In total, 15 people were killed in the clashes."),
        # a claim by a party
        ("At least five people were killed.", "The Taliban claimed to have killed 10 people."),
        # another time, another event
        ("Two people died in the storm.", "A storm in February 2022 killed four people."),
        (
            "Nine people were killed on Wednesday.",
            "The same pass was the scene of a crash two years ago in which 22 people died.",
        ),
        ("Three people were killed in Kabul.", "In a separate attack, seven people were killed."),
        ("Police arrested 41 people on Saturday.", "At a similar protest in March, police arrested 16 people."),
        ("Three people were killed on Monday.", "Five people were killed on Tuesday, officials said."),
        ("Three people were killed in Kandahar.", "Seven people were killed in Herat, police said."),
        # hypothetical and quoted figures
        ("Seven people were killed.", "Officials warned that the toll could rise to 20 dead."),
        ("Seven people were killed.", '"I saw at least 12 people killed," a witness said.'),
        # a rate, not an event
        ("Nine people were killed in the crash.", "Road accidents kill about 12,000 people a year in the country."),
        # different counted groups
        ("Seven people were killed.", "Two passengers died later in hospital."),
        ("Three gunmen stormed the building.", "Police killed two gunmen and arrested three people."),
        # a total over several events and the count of one of them
        ("Two bombings killed at least 19 people on Friday.", "In Qaram, a car bomb killed 12 people."),
    ],
)
def test_no_conflict(first: str, second: str) -> None:
    assert found(story(first, second)) == []


def test_counts_in_the_same_sentence_are_not_compared() -> None:
    text = story("Police said 20 people were arrested, while organisers said 45 people were arrested.")
    assert found(text) == []


def test_each_later_count_is_reported_once() -> None:
    text = story(
        "Seven people were killed in the crash.",
        "Officials said seven people had died.",
        "The hospital said nine people had died.",
    )
    assert found(text) == [(7, 19, 7, 39, "warning", [(3, 1)])]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Three people were killed, police said.", "However, hospital officials said five people had died."),
        ("Police said 20 people were arrested.", "Organisers put the number of people arrested at 45."),
        (
            "Israeli strikes killed 30 people on Tuesday.",
            "The ministry said 42 people had been killed in the past 24 hours.",
        ),
    ],
)
def test_contrasting_sources_and_other_windows_are_not_compared(first: str, second: str) -> None:
    assert found(story(first, second)) == []


@pytest.mark.parametrize("text", ["", "\n\n", "Headline only\n", "No numbers here.\n\nNone at all.\n", "1\n\n2,000\n"])
def test_odd_input_gives_no_finding(text: str) -> None:
    assert found(text) == []


def test_a_count_below_a_reported_rise_conflicts_with_it() -> None:
    text = story(
        "At least 40 people have died in the floods, aid agencies said on Monday.",
        "The death toll rose to 46 later on Monday, the disaster agency said.",
        "Officials said 39 people had died in the floods, according to a tally published on Tuesday.",
    )
    ((line, _, _, _, severity, related),) = found(text)
    assert (line, severity, related) == (7, "warning", [(5, 5)])


@pytest.mark.parametrize(
    "after",
    [
        "Officials said 46 people had died in the floods.",  # the risen figure itself
        "By Tuesday evening, 51 people had died in the floods.",  # a running total may have moved on
        "The death toll rose again to 51 on Tuesday.",  # a second rise
    ],
)
def test_the_risen_figure_and_later_rises_do_not_conflict(after: str) -> None:
    text = story(
        "At least 40 people have died in the floods, aid agencies said on Monday.",
        "The death toll rose to 46 later on Monday, the disaster agency said.",
        after,
    )
    assert found(text) == []


def test_a_figure_above_a_rise_with_no_word_that_it_rose_again_conflicts() -> None:
    text = story(
        "Three people have been confirmed dead in the floods, the emergency service said.",
        "The death toll has risen to four, the prefecture said.",
        "A recap for readers just joining us: six people have died and 1,000 residents have been evacuated.",
    )
    ((line, _, _, _, severity, related),) = found(text)
    assert (line, severity, related) == (7, "warning", [(5, 5)])


def test_a_revision_that_may_go_down_still_explains_every_figure() -> None:
    text = story(
        "At least 40 people have died in the floods, aid agencies said on Monday.",
        "The death toll was revised to 46 later on Monday, the disaster agency said.",
        "Officials said 39 people had died in the floods.",
    )
    assert found(text) == []


def test_a_place_inside_the_story_is_part_of_the_risen_total() -> None:
    text = story(
        "The death toll from the earthquake has risen to 41, officials said on Wednesday.",
        '"We dug with our hands," said Rahim Bakri, a farmer in the village of Tal Sar, where 12 people died.',
    )
    assert found(text) == []


def test_a_datelines_date_does_not_make_the_lede_another_event() -> None:
    text = story(
        "DORVALA, June 3 (Wire) - At least 12 soldiers were killed when fighting broke out overnight.",
        "Nine soldiers died in the overnight clashes, the monitoring mission said in a separate statement.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_a_separate_case_is_still_another_event() -> None:
    text = story(
        "At least 12 soldiers were killed when fighting broke out overnight.",
        "In a separate case, nine soldiers died when their truck overturned.",
    )
    assert found(text) == []


def test_two_figures_before_a_rise_are_still_compared() -> None:
    text = story(
        "At least 27 people died in the earthquake, the emergencies ministry reported.",
        "According to the ministry, 23 people died in the earthquake, most of them in two villages.",
        "By the evening the ministry reported that the number of dead had risen to 31.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_others_of_another_category_are_the_whole_count() -> None:
    text = story(
        "At least five people were killed and 30 others injured in a factory fire on Thursday, officials said.",
        "In total, 23 people were injured in the blaze, the health ministry said.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_others_of_the_same_category_are_more_of_it() -> None:
    text = story(
        "Three soldiers were killed in the ambush and two others died later in hospital, the army said.",
        "Three soldiers were killed in the ambush itself, a spokesman said.",
    )
    assert found(text) == []


def test_a_status_in_a_clause_of_its_own_does_not_make_a_part() -> None:
    text = story(
        "At least 14 people were killed in the market strike, officials said.",
        "The mayor said 11 people were killed in the market strike and that several families were still searching "
        "for relatives.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_the_days_raids_are_all_of_them() -> None:
    text = story(
        "Police arrested 12 people in raids across three counties on Wednesday.",
        "Prosecutors said nine people were arrested in Wednesday's raids.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_since_the_outbreak_began_is_the_storys_own_count() -> None:
    text = story(
        "Measles cases rose to 212 this month, and six people have been admitted to hospital, officials said.",
        "The agency said four patients had been hospitalised since the outbreak began.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_since_the_protests_began_is_not_one_days_count() -> None:
    text = story(
        "One person was killed when police fired on protesters on Tuesday, a rights group said.",
        "At least 23 people have been killed since the protests started, the commission said.",
    )
    assert found(text) == []


def test_a_participle_before_the_noun_still_counts() -> None:
    text = story(
        "Around 2,300 residents were evacuated as the river rose, officials said.",
        "The mayor said the 3,200 evacuated residents would receive hot meals.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_a_claim_in_another_clause_is_not_the_counts() -> None:
    text = story(
        "The ruling party claimed a narrow lead on Monday, while police said 14 people had been arrested.",
        "The police chief said all 17 people arrested had been identified.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_of_the_whole_is_the_whole() -> None:
    text = story(
        "A train derailed near the station, injuring 37 people, the fire service said.",
        "Of the 29 people injured, most were treated at the university hospital.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_a_span_of_time_is_no_rate() -> None:
    # "for a week" and "a day of mourning" are spans of time, not "five a day"
    text = story(
        "Police detained 41 people on Monday at a port where dockers have been on strike for a week.",
        "The governor declared a day of mourning for the dock workers and said 14 people had been detained.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_a_date_in_a_later_clause_does_not_date_the_count() -> None:
    text = story(
        "Police arrested 41 people on Monday after fighting outside the stadium.",
        "A judge released the 31 people arrested in Monday's fighting on bail on Tuesday, ordering them to "
        "return to court on March 9.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_the_deadliest_since_dates_only_what_follows_it() -> None:
    text = story(
        "At least 40 people were wounded when gunmen attacked a bus station, officials said.",
        "The attack, which also left 26 people injured, was the worst in the province since March, when a "
        "bombing killed 11 soldiers.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_the_deadliest_since_still_marks_the_other_event() -> None:
    text = story(
        "Gunmen killed nine people at a bus station on Sunday, officials said.",
        "It was the worst attack in the province since March, when a bombing killed 14 people.",
    )
    assert found(text) == []


def test_a_count_of_the_current_outbreak_is_the_storys_own() -> None:
    text = story(
        "Three people have died of an infection at the county hospital, officials said.",
        "Families said the four deaths in the current outbreak showed that the lessons of 2019 were not learned.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_where_the_counted_people_live_does_not_hide_the_verb() -> None:
    text = story(
        "About 900 residents of Alder Point and the nearby village of Coldharbour were evacuated on Friday.",
        "Shelters took in the 1,700 people evacuated from the area on Friday, the council said.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_a_part_of_the_wounded_does_not_revise_the_wounded() -> None:
    # "the toll rose to 12 after four of the wounded died" updates the dead; the wounded were never revised
    text = story(
        "Gunmen killed eight people and wounded at least 35 in a raid on a market, officials said.",
        "By the evening the toll had risen to 12 after four of the wounded died in hospital.",
        "The raid also left 22 people injured, the hospital director said.",
    )
    assert [f[0] for f in found(text)] == [7]


def test_how_many_are_still_missing_is_compared_with_itself() -> None:
    text = story(
        "A landslide buried part of the village, and officials said 14 people were still missing.",
        "Rescuers dug through the night. The governor said 22 people were still missing on the hillside.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_still_missing_is_not_compared_with_those_who_went_missing() -> None:
    text = story(
        "Twenty people went missing when the boat capsized, the coast guard said.",
        "Divers found six survivors, and 14 people are still missing.",
    )
    assert found(text) == []


def test_an_overtaken_lower_bound_anywhere_in_the_story() -> None:
    text = story(
        "A boat capsized off the coast on Sunday.",
        "The search continues for at least 30 people who are missing, the coast guard said.",
        "The operation for the 45 missing people will go on overnight, officials said.",
    )
    assert [(f[0], f[4]) for f in found(text)] == [(7, "info")]


def test_a_dateline_with_a_country_is_no_date_of_the_event() -> None:
    text = story(
        "SANTA LUZIA, Brazil, Aug 3 — Seven inmates were killed during a riot at a prison, officials said.",
        "The state prison authority said nine inmates died in the riot.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_a_trials_patients_are_not_in_hospital() -> None:
    text = story(
        "The study enrolled 2,460 patients in 14 countries.",
        "Eleven patients stopped treatment because of side effects.",
        "Four patients had been hospitalised with side effects, the company said.",
        "The hospital said six people had been admitted to hospital with side effects.",
    )
    assert [f[0] for f in found(text)] == [9]


def test_a_total_in_a_later_clause_is_another_matter() -> None:
    text = story(
        "Four people were killed when a road bridge collapsed on Thursday, the fire service said.",
        "Prosecutors opened an inquiry into the collapse, which left six people dead, and the minister "
        "ordered checks on older bridges across the country.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_ordered_out_of_their_homes_is_an_evacuation() -> None:
    text = story(
        "About 1,200 residents were ordered out of their homes after a tank car leaked on Wednesday.",
        "The judge said the roughly 900 people evacuated would not go back before the weekend.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_about_a_figure_is_a_tenth_either_way() -> None:
    text = story(
        "About 1,000 people were evacuated from the valley, officials said.",
        "Shelters took in some 950 people evacuated from the valley.",
    )
    assert found(text) == []


def test_the_rest_of_a_partition_is_a_part() -> None:
    text = story(
        "Six people have died in the storm, the coroner said. Four of them were killed by falling trees, "
        "and two drowned when their car was swept off a road.",
    )
    assert found(text) == []


def test_a_current_figure_after_a_contrast_is_not_an_earlier_report() -> None:
    text = story(
        "A gunman killed eight people at a market on Saturday, police said.",
        "Early reports had put the dead as high as 11, but police said that eight people had been killed.",
        "The attack, in which nine people died, is the deadliest in decades.",
    )
    assert [f[0] for f in found(text)] == [7]


def test_last_season_and_the_second_this_year_are_other_times() -> None:
    text = story(
        "Twenty-seven fans were arrested after the derby, police said.",
        "Last season's fixture saw 12 arrests.",
        "The riot, which left 31 people arrested, was the second at the ground this year.",
    )
    assert [f[0] for f in found(text)] == [7]


def test_a_dateline_in_capitals_with_accents_is_no_date_of_the_event() -> None:
    text = story(
        "DEREKÖY, Dec 1 - At least four people were killed when gunmen attacked an outpost, the ministry said.",
        "The ministry later named the five people who died.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_where_a_speaker_is_does_not_place_the_count() -> None:
    text = story(
        "A flash flood in Mthombeni on Thursday left five people dead, officials said.",
        "Community leaders in Ezimbeni said the seven people killed in the flood should be remembered.",
    )
    assert [f[0] for f in found(text)] == [5]


def test_since_a_weekday_or_since_the_event_is_the_story_s_own_toll() -> None:
    text = story(
        "The heat wave, in its third day, has caused 14 deaths in the province, the health ministry said.",
        "Of the 11 deaths registered since Sunday, most were of people older than 70.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "Officials said 23 people were missing after the landslide buried the mountain road.",
        "The district office said 25 people had been missing since the slide.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # since a month or a year is another period
    text = story(
        "The storm killed 14 people on Monday, officials said.",
        "Some 40 people have been killed in storms since January.",
    )
    assert lint(text, RULE) == []


def test_suspects_are_the_people_arrested() -> None:
    text = story(
        "Two kidnappers were killed in the raid and five were arrested, the army said.",
        "Police said the six suspects arrested in the raid would be charged with kidnapping.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_count_of_the_people_of_a_list_of_places() -> None:
    text = story(
        "About 1,200 residents of Dolna, Gorki and Stary Mlyn were moved out overnight as a precaution.",
        "Officials later said 1,500 residents had been evacuated.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_count_over_a_list_of_places_is_a_total_like_one_over_several_places() -> None:
    # the people of three named villages and the people of "the three villages" are the same total
    text = story(
        "About 1,200 residents of Dolna, Gorki and Stary Mlyn were moved out overnight.",
        "Officials said the 1,500 people evacuated from the three villages were housed in schools.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # a place of the list counted on its own is a part of the total
    text = story(
        "About 1,200 residents of Dolna, Gorki and Stary Mlyn were moved out overnight.",
        "In Gorki, 300 people were evacuated.",
    )
    assert lint(text, RULE) == []


def test_the_lede_s_word_for_those_counted_is_the_whole_count() -> None:
    text = story(
        "Two patients have died in an outbreak of legionnaires' disease at Marlow General Hospital.",
        "The hospital said on Friday that there had been three deaths linked to the outbreak.",
        headline="Two patients dead in hospital outbreak",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_the_toll_of_a_whole_war_is_another_count() -> None:
    text = story(
        "Two people were killed in shelling on Monday, a regional official said.",
        "Over 5,500 people have died in the conflict, the United Nations says.",
    )
    assert lint(text, RULE) == []


def test_people_treated_are_a_count_of_their_own() -> None:
    text = story(
        "A runner died and 63 others were treated for heat-related illness during the city marathon.",
        "Fire officials said 71 people were treated for heat exhaustion during the race.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # those treated for (minor) injuries are the injured
    text = story(
        "Twelve people were treated for minor injuries after the landing.",
        "Officials said 15 people had been injured.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # the injured and those treated for injuries are one count; those treated at the scene another
    text = story(
        "Twelve people were injured when the stand collapsed.",
        "Paramedics said 40 spectators were treated at the scene for minor cuts.",
    )
    assert lint(text, RULE) == []


def test_a_total_over_the_story_s_own_places_is_the_lede_s_total() -> None:
    text = story(
        "A bushfire has forced about 1,800 people to flee towns on the edge of the national park.",
        "The 2,300 people evacuated from the three towns will not return until Tuesday.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # several events are another matter: the lede's count is one of them
    text = story(
        "Two people were killed in Monday's attack on a market, police said.",
        "Attacks in three cities have killed 40 people this month.",
    )
    assert lint(text, RULE) == []


def test_the_first_since_a_year_dates_no_count() -> None:
    text = story(
        "Measles cases rise in the county.",
        "Four children have died, the first measles deaths in the state since 1992.",
        "The commissioner said the outbreak, which has killed six children, showed how fast the disease spreads.",
    )
    assert [d.line for d in lint(text, RULE)] == [7]


def test_a_round_figure_s_bound_met_by_an_exact_count_is_no_stale_hedge() -> None:
    text = story(
        "Police said over 200 protesters were arrested in the capital on Saturday.",
        "By the ministry's count, 214 people had been arrested, most of them students.",
    )
    assert lint(text, RULE) == []
    # a small bound overtaken is still reported
    text = story(
        "At least five fighters were killed in the strike.", "Six militia fighters were killed, officials said."
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_place_in_a_later_clause_is_not_the_count_s() -> None:
    text = story(
        "The death toll from the cyclone has risen to three, police said.",
        "Two people died in the cyclone, police say, and divers are still searching for a fisherman near Namoli.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_relative_clause_of_fact_under_a_modal_is_no_hypothesis() -> None:
    text = story(
        "Six people have died after the dam burst, officials said.",
        "The assembly said it would pay for the burial of the eight persons who died in the flood.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_the_lede_s_others_are_of_the_lede_s_group() -> None:
    text = story(
        "The roof of a warehouse collapsed on Monday, killing seven workers and injuring 23 others.",
        "Union officials said 31 workers were hurt in the collapse.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_definite_count_under_a_modal_is_given_not_hypothetical() -> None:
    text = story(
        "Two people died of heatstroke during the blackout, health officials said.",
        "The board would look into the hospitals' response to the three heatstroke deaths.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story("Two people died in the fire.", "Officials fear the toll could rise to five.")
    assert lint(text, RULE) == []


@pytest.mark.parametrize("link", ["as a result of which", "as a consequence of which", "after which"])
def test_a_clause_of_consequence_is_no_part_of_a_count(link: str) -> None:
    text = story(
        f"A bus with 44 passengers fell from the road on Thursday, {link} six people died and 21 were injured.",
        "All 23 injured passengers are citizens of the country, the police said.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_partitive_of_whom_still_makes_a_part() -> None:
    text = story(
        "Forty people were injured in the crash on Thursday, officials said.",
        "The bus carried 44 passengers, of whom six were injured seriously.",
    )
    assert lint(text, RULE) == []


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (
            "Floods hit the town on Monday, forcing some 1,200 residents from their homes.",
            "The government will pay for the roughly 900 people forced out of their homes.",
        ),
        ("He added that four people remained missing.", "Divers searched for the three people still unaccounted for."),
        ("The earthquake left at least 14 dead, officials said.", "The agency said the earthquake left 11 deceased."),
    ],
)
def test_counts_by_other_words_of_their_category(first: str, later: str) -> None:
    assert [d.line for d in lint(story(first, later), RULE)] == [5]


def test_forcing_names_no_evacuation_of_another_noun() -> None:
    text = story(
        "Floods forced 1,200 residents from their homes on Monday.",
        "The storm also closed roads, forcing 40 schools to shut.",
    )
    assert lint(text, RULE) == []


def test_a_count_whose_noun_has_an_ing_modifier_before_its_verb() -> None:
    text = story(
        "Around 600 people living within a kilometre of the site have been evacuated, officials said.",
        "Buses took the 350 evacuated residents to a school.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # another clause or count before the verb: the verb is not the first count's
    text = story(
        "About 600 people living near the plant where two workers were killed were told to stay indoors.",
        "Five workers were killed in the blast, the company said.",
    )
    assert [(d.line, d.related[0].message) for d in lint(text, RULE)] == [
        (5, "the earlier count: 'two workers were killed'")
    ]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        (
            "The fire spread through the attic, leaving 12 residents without a home.",
            "Volunteers were helping the nine residents displaced by the blaze.",
        ),
        (
            "At least 27 people, including 19 workers and eight residents, were admitted to the District Civil "
            "Hospital on Thursday night.",
            "The surgeon said that of the 22 people admitted to the hospital, five remained in intensive care.",
        ),
    ],
)
def test_counts_told_around_their_parts_or_in_american_usage(first: str, later: str) -> None:
    assert [d.line for d in lint(story(first, later), RULE)] == [5]


def test_a_period_in_a_relative_clause_after_the_count_is_not_the_count_s() -> None:
    text = story(
        "An out-of-control bushfire has destroyed 14 homes in Victoria's east.",
        "A councillor said the nine homes destroyed by the fire were on the edge of town, among them the old "
        "post office, which had stood since 1911.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_headline_at_the_risen_figure_agrees_with_the_lede_s_first() -> None:
    text = story(
        "A passenger train derailed early Tuesday, killing two people and injuring 23 others, authorities said.",
        "The death toll rose to three Tuesday evening when a man died in hospital.",
        headline="Passenger train derails on curve, killing 3",
    )
    assert lint(text, RULE) == []


def test_a_number_word_after_a_label_word_counts_the_plural_after_it() -> None:
    text = story(
        "As result of incident five people died, reported the press service.",
        "The head of the city declared a day of mourning for the seven dead.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_short_phrase_of_place_between_a_count_and_its_verb() -> None:
    text = story(
        "Two passengers in the car were detained at the scene and later arrested, police said.",
        "All three passengers arrested at the scene were charged on Monday.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_since_the_story_s_own_event_began_is_no_other_period() -> None:
    text = story(
        "Health authorities said more than 140 people had been hospitalised with heat illness since Sunday.",
        "Of the 112 people hospitalised since temperatures began climbing on Sunday, 20 remain in intensive care.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_another_event_named_after_a_count_s_clause_is_not_its_own() -> None:
    text = story(
        "Five people were killed when the bus overturned on Monday, police said.",
        "Three people were killed, officials said, and four were hurt in a separate crash elsewhere.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_residents_ordered_out_are_evacuated() -> None:
    text = story(
        "10:15 a.m. — The director says about 2,300 residents have been ordered out.",
        "2:40 p.m. — Staff say the 1,800 Ravenscrag Lake residents ordered out this morning are in shelters.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_the_whole_named_again_after_a_total_over_neighbourhoods() -> None:
    text = story(
        "A tornado crossed Harlan Ridge on Sunday, destroying 17 homes in the Cedar Hollow and Briar Park "
        "neighborhoods.",
        "Of the 12 homes destroyed, most were ranch houses built in the 1970s, the fire chief said.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # a count with no article may be one neighbourhood's
    assert lint(text.replace("Of the 12 homes destroyed, most", "In all, 12 homes destroyed"), RULE) == []
    # the houses' decade does not date the count; a year that dates the event does
    assert lint(text.replace("built in the 1970s", "in 1998"), RULE) == []


def test_another_event_in_a_clause_of_its_own_does_not_take_the_count() -> None:
    text = story(
        "Police have arrested two men over the armed robbery of a jewellery store on Monday.",
        "The chief said all three suspects arrested in the case are local residents and that investigators "
        "do not believe the robbery is connected to break-ins elsewhere in the county.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_second_number_word_after_and_is_a_count_of_its_own() -> None:
    text = story(
        "Three persons were killed and five others are missing after a landslide hit the village on Wednesday.",
        "The rescue teams said six persons were still missing late on Wednesday evening.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_count_the_sentence_revises_or_completes_is_no_conflict() -> None:
    text = story(
        "At least 14 people died when a bus fell into a ravine early on Sunday.",
        "In the first hours the police reported 12 deceased, but the figure rose to 14 in the afternoon.",
    )
    assert lint(text, RULE) == []
    text = story(
        "Four workers were killed when a boiler exploded at a factory on Monday.",
        "Three workers died on the spot and another died on the way to hospital, police said.",
    )
    assert lint(text, RULE) == []
    text = story(
        "Three skiers died and four others were injured in an avalanche on Tuesday.",
        "One of the injured remains in a critical condition. The other three were treated for minor injuries.",
    )
    assert lint(text, RULE) == []


def test_the_day_a_sentence_opens_with_dates_its_count() -> None:
    text = story(
        "Five civilians were killed and eleven wounded on Tuesday night in shelling of the town.",
        "On Sunday, a drone attack on a nearby village wounded three people, police said.",
    )
    assert lint(text, RULE) == []


def test_counts_whose_verb_stands_after_an_aside_or_a_clause_of_their_own() -> None:
    text = story(
        "Three men were arrested after a ram raid on a shop in the town centre on Monday.",
        "Two men, aged 19 and 24 and both from the Eastfield area, were arrested on suspicion of burglary.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # the rest of the count in the next sentence: a part
    completed = text.replace("burglary.", "burglary. A third man was arrested at his home.")
    assert lint(completed, RULE) == []
    text = story(
        "A tornado destroyed at least 140 homes in the county on Sunday.",
        "Most of the 95 homes the tornado destroyed were single-storey houses.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_category_s_own_noun_counts_whatever_verb_follows() -> None:
    text = story(
        "At least 14 people died and 27 were wounded when a bus fell into a ravine on Sunday.",
        "The 31 wounded were evacuated to the regional hospital.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_homes_flooded_and_flights_cancelled_are_counted() -> None:
    text = story(
        "The river burst its banks overnight, flooding 31 homes in the village.",
        "Of the 26 homes flooded in the village, nine belong to the council, several of whom had only just moved "
        "back in after new windows were fitted last winter.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "Some 240 flights were cancelled at the airport on Tuesday.", "The 310 flights cancelled were mostly domestic."
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_where_the_dead_came_from_is_not_where_the_crash_was() -> None:
    text = story(
        "No less than 18 individuals lost their lives in Upper Egypt on Friday when two trains collided.",
        "The fifteen individuals who died in the crash were mostly from towns in Sohag and Qena governorates.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_period_in_a_that_clause_after_the_count_does_not_date_it() -> None:
    text = story(
        "Nine men have been arrested over a theft ring that investigators say stripped more than 140 vehicles "
        "since January, the sheriff said.",
        "The seven men, who range in age from 19 to 46, were booked into the county jail on theft charges.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_headline_s_present_tense_a_named_place_before_the_verb_and_a_time_to_come() -> None:
    text = story(
        "Supporters clashed at a polling station on Thursday.",
        "Nine people were arrested in connection with the violence, police said.",
        headline="Bagonza wins by-election as police arrest 14 over violence",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "Forty households in Kilbrannock were evacuated on Tuesday night after the burn burst its banks.",
        "The 28 households that had to leave their homes on Tuesday night have been told it could be several "
        "weeks before they can return.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_figure_in_a_quote_is_compared_and_an_estimate_is_not() -> None:
    text = story(
        "Eleven passengers were injured when a bus overturned near Dikwella on Sunday.",
        '"Eight passengers were injured and two of them are serious," the police spokesman said.',
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    # a hedged figure the speaker states as a fact is compared too; one they saw, counted or think is theirs
    assert [d.line for d in lint(text.replace('"Eight passengers were', '"At least 14 passengers were'), RULE)] == [5]
    for estimate in (
        '"I saw at least 14 passengers',
        '"I think at least 14 passengers',
        '"We counted about 14 passengers',
    ):
        assert lint(text.replace('"Eight passengers', estimate), RULE) == [], estimate


def test_the_rest_of_a_toll_who_died_later_completes_it() -> None:
    text = story(
        "Eleven people died and 14 others were injured when a bus hit a lorry on Sunday night.",
        "Nine people died on the spot while two others succumbed to their injuries on the way to hospital.",
    )
    assert lint(text, RULE) == []
    # "and 14 others were injured" is another count, not the rest of this one
    text = story(
        "At least 18 people died in the crash on Friday.",
        "Fifteen people died and 40 others were hurt, the ministry said.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_more_ways_a_count_is_written() -> None:
    # a count's aside ("last seen ..."), "sustained injuries", buses destroyed
    text = story(
        "A fire tore through a factory on Tuesday, killing six workers and leaving two others missing.",
        "Three workers, last seen on the second floor, are still missing, and rescuers are searching the debris.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "Seven people died and 14 others sustained injuries when a bus hit a tanker on Sunday.",
        "Of the 17 injured, four are in critical condition.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "Fourteen buses were destroyed when fire swept through the depot overnight.",
        "The owner said the 11 buses destroyed overnight were all insured.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_people_under_evacuation_orders_are_evacuated() -> None:
    text = story(
        "A wildfire swept through the foothills on Tuesday, forcing about 3,200 residents to evacuate.",
        "The county said 5,000 people were under evacuation orders on Tuesday evening.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_homes_lost_burns_and_where_the_injured_were_taken() -> None:
    text = story(
        "Twenty-three homes have been destroyed by the grassfire.", "Of the 19 homes lost, most were farmhouses."
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "No fewer than 18 persons died, while 32 others suffered burns after a tanker exploded in Kogi State.",
        '"Twenty-nine persons sustained burns and were taken to hospitals in Lokoja," the commander added.',
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_people_listed_as_missing_or_lodged_in_camps() -> None:
    text = story(
        "A landslide buried part of the town on Monday, killing 20 people and leaving 14 missing.",
        "Rescuers were still searching for the 12 people listed as missing.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "About 3,400 people were evacuated from the valley on Tuesday.",
        "The 2,950 people lodged in camps across the district will receive rations.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_counts_in_asides_relative_clauses_and_saving() -> None:
    text = story(
        "Three climbers are missing after an avalanche struck their camp on Monday.",
        "Four climbers, caught in the slide while fixing ropes above the camp, remain missing.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "At least six people have died in the heatwave, officials said on Monday.",
        "The five victims, three of whom were farm labourers, died in the heat.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "Rescue teams succeeded on Friday in saving 74 passengers, the police said.",
        'The head of operations in the Inland Water Transport Authority said: "We rescued 62 passengers."',
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_toll_that_the_next_sentence_brings_up_and_a_headline_s_evacuates() -> None:
    text = story(
        "Seven people were killed when a bus rolled down an embankment on Saturday.",
        "Six people died at the scene. A woman died in hospital later, bringing the death toll to seven.",
    )
    assert lint(text, RULE) == []
    text = story(
        "Thousands fled the slopes as the volcano erupted on Sunday.",
        "Shelters took in the 2,600 people evacuated from the volcano's slopes.",
        headline="Guatemala evacuates 3,400 as volcano erupts",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_homes_wrecked_and_miners_brought_up_alive() -> None:
    text = story(
        "At least 13 people have died and more than 1,100 homes have been wrecked by a woodland fire.",
        "Of the 900 homes wrecked, the majority were in hillside settlements.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "Nine miners were brought to the surface alive after the shaft collapsed on Saturday.",
        "The seven miners brought to the surface alive are mostly young men, police said.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_among_the_n_names_the_whole_and_a_rise_is_read_despite_an_earlier_report() -> None:
    text = story(
        "Around 40 residents were evacuated when fire spread through a boatyard on Sunday.",
        "Among the 25 people evacuated were several families with young children.",
    )
    assert [d.line for d in lint(text, RULE)] == [5]
    text = story(
        "An explosion at a chemical plant killed two workers and injured 12 others on Monday.",
        "Officials initially reported 12 people injured, but two more came forward, raising the figure to 14 injured.",
        "The company said all 11 workers injured in the explosion were expected to recover.",
    )
    assert [d.line for d in lint(text, RULE)] == [7]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the ones the story counted, named again by a word of their own
        ("Police arrested 12 people after the match.", "The 15 supporters arrested will appear in court next month."),
        ("Five others are missing after the landslide.", "The search for the six missing villagers resumed today."),
        # a second count sharing the verb leaves the first its category
        (
            "Forty-three guests and 11 members of staff were evacuated from the hotel.",
            "All 38 guests evacuated from the hotel had been found rooms elsewhere in the town.",
        ),
        # a modal of another verb does not reach "all 15 injured"
        (
            "Seventeen people were injured when the bus overturned.",
            "The council said it would pay the medical bills of all 15 injured.",
        ),
        # survivors are the people rescued; a health centre admits patients as a hospital does
        ("Coastguards rescued 52 people from the sea.", "The 47 survivors were taken to the port."),
        (
            "Nineteen students were admitted to hospital after the fire.",
            "Of the 23 students admitted to the health centre, four went home.",
        ),
    ],
)
def test_later_counts_named_by_a_word_of_their_own(first: str, second: str) -> None:
    assert [line for line, *_ in found(story(first, second))] == [5]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a part of them is a group: "the five children killed" of "12 people"
        ("The fire killed 12 people.", "Relatives of the five children killed gathered at the school."),
        # a count elsewhere is another event's
        ("Two people died in the storm in Marlow.", "Elsewhere, three people died when a tree fell on a car."),
    ],
)
def test_parts_and_other_places_are_not_compared(first: str, second: str) -> None:
    assert found(story(first, second)) == []


@pytest.mark.parametrize(
    ("headline", "first", "second", "line"),
    [
        # a headline's count names the story's place; the lede's total over several villages is the same count
        (
            "Earthquake kills nine in Norland's east",
            "A strong earthquake struck the east early on Wednesday, flattening houses in several villages and "
            "killing at least 11 people, officials said.",
            "Rescue teams were still searching the rubble.",
            3,
        ),
        (
            "Mine collapse",
            "Four miners were killed and at least 23 others were hurt.",
            "All 17 of the injured were taken to hospital, the company said.",
            5,
        ),
        (
            "Ferry aground",
            "All 212 passengers were evacuated by lifeboat.",
            "The ferry's crew had to evacuate the vessel's 186 passengers in darkness.",
            5,
        ),
        (
            "Town flooded",
            "Nearly 300 residents of low-lying Westmere were evacuated overnight.",
            "The 180 people who had been moved out of their homes were told they could not return.",
            5,
        ),
        (
            "Cholera kills 14",
            "A cholera outbreak has killed 14 people in the town.",
            "Among the dead was a nurse, one of eleven people to have died since Saturday.",
            5,
        ),
        (
            "Arson",
            "The fire destroyed six homes on the street.",
            '"Seven houses burned to the ground that night," a neighbour said.',
            5,
        ),
        # one place by two names, a time from the story's own event, harm, the officers of "police officers",
        # all of the people
        (
            "Twelve miners killed in fire in Peru",
            "Ten miners have been killed in a fire at a mine in Peru's south.",
            "Rescuers searched the tunnels.",
            3,
        ),
        (
            "Heating fails",
            "Fourteen people were taken to hospital.",
            '"Twenty-two people have been hospitalised since the outage began," the mayor said.',
            5,
        ),
        (
            "Mine collapse",
            "Seven workers were killed and 12 others were harmed.",
            "The 20 harmed diggers were treated at the mine clinic.",
            5,
        ),
        (
            "Derby abandoned",
            "Eleven police officers and four supporters were hurt.",
            "Police said on Monday that nine officers had been injured.",
            5,
        ),
        (
            "Recount protest",
            "Police arrested 14 people after a crowd demanded a recount of last week's election.",
            "All nine of the people who were arrested were released.",
            5,
        ),
    ],
)
def test_more_ways_of_naming_the_same_count(headline: str, first: str, second: str, line: int) -> None:
    assert [found_line for found_line, *_ in found(story(first, second, headline=headline))] == [line]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a place after an adjective is still a place: another place's count
        (
            "Floods have killed at least 14 people in central Vietnam.",
            "In neighbouring Quang Ngai province, two people were killed when a landslide struck their home.",
        ),
        # "12 miles to hospital" counts no one in hospital
        ("Three people were taken to hospital.", "The nearest clinic is 12 miles to hospital by road."),
    ],
)
def test_a_place_after_an_adjective_and_a_distance_to_hospital(first: str, second: str) -> None:
    assert found(story(first, second)) == []


@pytest.mark.parametrize(
    ("headline", "first", "second"),
    [
        # "since the weekend" is the story's own event, from its start
        (
            "Floods kill 14",
            "The floods have killed at least 14 people.",
            "The floods, which have killed 11 people across the region since the weekend, also destroyed crops.",
        ),
        # the raids in which people were arrested are the raids of the story
        (
            "Plant raided",
            "Police arrested six people in raids on the plant.",
            "The company said it had cooperated since the raids, in which four people were arrested.",
        ),
        # a headline that sends people to hospital, and runners who went there
        (
            "Haze sends 86 to hospital",
            "Schools were closed across the state.",
            "Sixty-four people have been admitted to hospital, officials said.",
        ),
        (
            "Runners collapse in heat",
            "Twelve runners were taken to hospital.",
            "Of the 15 runners who went to hospital, two were kept overnight.",
        ),
        # a named group the story counted, more than everyone it counted
        (
            "Bus crash",
            "Eleven people were killed and 34 injured when the bus rolled.",
            "The 41 passengers who were injured were taken to hospitals in the city.",
        ),
    ],
)
def test_the_story_s_own_time_and_hospital_and_a_part_above_the_whole(headline: str, first: str, second: str) -> None:
    assert [line for line, *_ in found(story(first, second, headline=headline))] == [5]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Eleven people were taken to hospitals after the fire.",
            "By Sunday evening, all but one of the 14 people hospitalized had been released.",
        ),
        (
            "Okafor was among nine suspects arrested in the raids.",
            "Lawyers for the 12 suspects arrested in the raids asked for bail.",
        ),
    ],
)
def test_hospitals_in_the_plural_and_among_the_whole(first: str, second: str) -> None:
    assert [line for line, *_ in found(story(first, second))] == [5]


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("Police detain 23 as convoys block roads", "Of the 17 people detained, most were released by evening."),
        ("Blast injures 12 at fuel depot", "Nine people were injured in the blast, the fire service said."),
        ("Fire destroys 40 homes", "The fire destroyed 25 homes on the edge of town, officials said."),
    ],
)
def test_a_headline_verb_in_the_present_counts(headline: str, body: str) -> None:
    assert [line for line, *_ in found(story(body, headline=headline))] == [3]


@pytest.mark.parametrize(
    "earlier",
    [
        "During a previous two-day walkout, about 1,500 flights were cancelled.",
        "In an earlier power outage, about 1,500 flights were cancelled.",
    ],
)
def test_a_previous_walkout_or_outage_is_another_event(earlier: str) -> None:
    text = story(
        "Air traffic controllers went on strike on Thursday, and 240 flights were cancelled at Marseille.",
        earlier,
        headline="Controllers strike",
    )
    assert found(text) == []


@pytest.mark.parametrize("headline", ["Outbreak at clinic: four patients dead", "Storm: 4 killed"])
def test_a_headline_that_ends_in_its_count_s_cue(headline: str) -> None:
    # the number that opens the next paragraph is not the headline count's agent ("two bombings killed 19")
    text = story("Three patients have died so far, the clinic said.", headline=headline)
    assert [line for line, *_ in found(text)] == [3]


@pytest.mark.parametrize(
    ("later", "flagged"),
    [
        ("The crash, which claimed fifteen lives, was the worst on the line in a decade.", [5]),
        ("The collision has claimed 17 lives, the railway authority said.", [5]),
        ("The rescue teams saved 17 lives, officials said.", []),
        ("Rebels claimed 15 people were killed, but officials denied it.", []),
    ],
)
def test_lives_claimed_are_deaths(later: str, flagged: list[int]) -> None:
    text = story("At least 18 people were killed when two trains collided near Minya.", later, headline="Train crash")
    assert [line for line, *_ in found(text)] == flagged


@pytest.mark.parametrize(
    "later",
    [
        "According to the agency, the three lightly injured tourists will fly home next week.",
        '"The condition of four injured is serious," the district magistrate said.',
        "Five were critically injured and remain in intensive care.",
    ],
)
def test_the_injured_of_one_degree_are_a_part(later: str) -> None:
    text = story("A train crash killed 18 people and injured 63 on Thursday.", later, headline="Train crash")
    assert found(text) == []


@pytest.mark.parametrize(
    ("headline", "paragraphs", "flagged"),
    [
        pytest.param(
            "Shipyard fire kills three",
            [
                "A fire in a shipyard has killed three workers.",
                "Three workers were found dead at the scene and 14 were taken to hospital, two of them in critical "
                "condition.",
                "Of the 16 workers who were taken to hospital, most suffered burns, an official said.",
            ],
            [7],
            id="a bare number counts the clause's people",
        ),
        pytest.param(
            "Hostages freed",
            [
                "Two kidnappers were killed in the raid and five were arrested, the army said.",
                "Police said the six suspects arrested in the raid would be charged with kidnapping.",
            ],
            [5],
            id="a carried noun still matches another word",
        ),
        pytest.param(
            "Wildfire destroys homes",
            [
                "A wildfire tore through foothill towns in Northern California on Tuesday, destroying at least 140 "
                "homes.",
                "Most of the 104 destroyed homes were in Cedar Hollow and the neighbouring community of Quail Flat.",
            ],
            [5],
            id="where the counted were is no other place",
        ),
        pytest.param(
            "Wildfire destroys homes",
            [
                "A wildfire tore through foothill towns in Northern California on Tuesday, destroying at least 140 "
                "homes.",
                "In Quail Flat, the 12 destroyed homes were in a single street.",
            ],
            [],
            id="a place of its own still parts the counts",
        ),
        pytest.param(
            "Assam floods",
            [
                "Floods have affected over 180,000 people in the district. Of these, nearly 23,000 people have "
                "taken shelter in relief camps, officials said.",
                "Of the 18,000 people in relief camps, more than 6,000 are children.",
            ],
            [5],
            id="a part of an uncounted whole is a first figure",
        ),
        pytest.param(
            "Blast injures 20",
            [
                "Twenty people were injured. Of these, three were taken to hospital, officials said.",
                "Five people were taken to hospital with burns and smoke inhalation.",
            ],
            [5],
            id="a part of another category's whole",
        ),
        pytest.param(
            "Mine collapse",
            [
                "A gold mine collapsed on Monday; at least nine people died and six people are still trapped "
                "underground.",
                "Rescuers found two more bodies, the death toll rose to 11 people, and four people are still trapped.",
            ],
            [],
            id="a count beside another's rise is an update",
        ),
        pytest.param(
            "Protesters arrested",
            [
                "Police arrested 47 people in Lethukuhle on Monday after a protest over water cuts turned violent.",
                "The 39 people who were arrested during Monday's protest are expected to appear in the Ridgeport "
                "Magistrate's Court on Wednesday.",
            ],
            [5],
            id="a court is no place of the event",
        ),
        pytest.param(
            "Canoe capsizes",
            [
                "Eleven fishermen from Apaakrom in the Central Region are dead after their canoe capsized on Tuesday.",
                "Nine fishermen died when the canoe overturned in heavy swells, the fisheries officer said.",
            ],
            [5],
            id="two phrases between noun and verb",
        ),
        pytest.param(
            "Tanker trial",
            [
                "The court heard that 17 volunteers who joined the clean-up were hospitalised with burns.",
                "Lawyers for the 12 volunteers taken to hospital asked for compensation.",
            ],
            [5],
            id="a short relative clause between noun and verb",
        ),
        pytest.param(
            "Ferry capsizes",
            [
                "A ferry capsized off Flores on Sunday, killing at least 15 people.",
                "Rescuers pulled 164 survivors from the water after the ferry capsized, the rescue office said.",
                "The more than 180 people rescued were taken by fishing boats to Lewoloba and two nearby villages.",
            ],
            [7],
            id="the counted taken to several places",
        ),
        pytest.param(
            "Heat at festival",
            [
                "Rescue workers treated more than 60 people for heat-related illness at the festival on Saturday.",
                "Nearly 40 people needed treatment for heat illness on Saturday, the organisers said.",
            ],
            [5],
            id="treated before its number",
        ),
        pytest.param(
            "Floods in Zakarpattia",
            [
                "Rescuers evacuated 146 people from flooded villages in Zakarpattia on Sunday.",
                "Only from Zelenyi Potik rescuers evacuated 61 people.",
            ],
            [],
            id="only from one place is a part",
        ),
        pytest.param(
            "Headline",
            [
                "The spill forced the evacuation of three villages downstream.",
                "About 1,200 residents were moved out overnight as a precaution.",
            ],
            [],
            id="places evacuated are no count of people",
        ),
        pytest.param(
            "Twelve detained",
            [
                "Twelve persons were detained, of whom four were later arrested.",
                "The trial of the four who were arrested is expected on Friday.",
            ],
            [],
            id="a part named again is no conflict with the whole",
        ),
        pytest.param(
            "One dead, two hurt",
            [
                "A man has died and two other people were taken to hospital after a lorry and a car collided.",
                "Four people were taken to hospital, the ambulance service said.",
            ],
            [5],
            id="two other people are counted",
        ),
        pytest.param(
            "Man guilty of arson",
            [
                "A judge found a man guilty of starting a grass fire last May, destroying six homes and forcing the "
                "evacuation of about 300 residents.",
                "Lawyers for roughly 120 residents ordered out of their homes that night said they would sue.",
            ],
            [5],
            id="a past event's lede dates its later counts",
        ),
        pytest.param(
            "Rain kills five",
            [
                "Heavy rain has killed five people in the valley. Floods there killed 112 people last May.",
                "Five people died when the river burst its banks, officials said.",
            ],
            [],
            id="a lede dating only an earlier event",
        ),
        pytest.param(
            "Landslide buries village",
            [
                "A landslide buried the village, and officials said 22 houses had been destroyed.",
                "In neighbouring Kaimanda village, a smaller slide destroyed six houses but caused no injuries.",
            ],
            [],
            id="a smaller slide is another event",
        ),
        pytest.param(
            "Landslide kills 12",
            [
                "A landslide buried part of a village in the Andes on Monday, killing at least 12 people.",
                "Officials had initially put the death toll at seven on Tuesday.",
                "The slide, which killed nine people, also destroyed the village school.",
            ],
            [7],
            id="an earlier report keeps only itself out",
        ),
        pytest.param(
            "Gold mine collapses",
            [
                "At least seven miners were killed when part of a gold mine collapsed on Tuesday afternoon.",
                "On Wednesday morning, relatives of the five miners who lost their lives gathered at the gate.",
            ],
            [5],
            id="the day a sentence opens with is not that of the dead it names",
        ),
        pytest.param(
            "Police arrest seven",
            [
                "Four baggage handlers were among seven people arrested by federal police on Thursday.",
                "The three other people arrested on Thursday were granted bail on Friday.",
                "Three other people were arrested on Saturday in a second raid.",
            ],
            [],
            id="the other people arrested are the rest of them, or more",
        ),
        pytest.param(
            "Jail fire",
            [
                "Two detainees were killed and thirty-two prisoners were taken to hospital after a fire at the jail.",
                "Relatives of the three prisoners who lost their lives gathered at the gate.",
                "Doctors said the 19 inmates taken to hospital after the fire had inhaled smoke.",
            ],
            [5, 7],
            id="prisoners, inmates and detainees are the same people",
        ),
        pytest.param(
            "Tram driver sentenced",
            [
                "A tram driver was sentenced on Tuesday for a collision with a minibus that killed two people.",
                "The collision, which claimed the lives of three people, also left the minibus driver injured.",
            ],
            [5],
            id="claimed the lives of is a toll, not a claim",
        ),
        pytest.param(
            "Airport raids",
            [
                "Four baggage handlers were among seven people arrested by federal police on Thursday.",
                '"The eight people we arrested on Thursday are part of a network," the superintendent said.',
            ],
            [5],
            id="the people we arrested",
        ),
        pytest.param(
            "Metro fire",
            [
                "Some 1,200 passengers were led out of a smoke-filled metro tunnel on Tuesday evening.",
                "Officials praised the calm of the roughly 800 passengers who had to be evacuated.",
            ],
            [5],
            id="passengers led out of a tunnel were evacuated",
        ),
        pytest.param(
            "Four workers killed in factory fire",
            [
                "A fire tore through a textile factory on Monday. Three customers were taken to hospital. About "
                "25 workers were evacuated.",
                "The three workers who died had all been on the payroll for less than a year, the association said.",
                '"Five customers needed hospital treatment after the fire," the colonel said.',
                "The company said that 40 employees were evacuated.",
            ],
            [5, 7, 9],
            id="less than a year is no rate; hospital treatment; employees are workers",
        ),
        pytest.param(
            "Migrant boat sinks",
            [
                "A total of 41 people were rescued and taken to the island's harbour.",
                "Four survivors suffering from severe hypothermia were later flown to a hospital on Rhodes.",
            ],
            [],
            id="survivors named by what they suffer are some of them",
        ),
        pytest.param(
            "Fans hurt as train derails",
            [
                "A special train carrying away supporters derailed on Saturday, leaving nine fans in hospital.",
                '"Twelve of our supporters are in hospital tonight," the coach said.',
                '"Eight of its 40 players were also hurt," he added.',
            ],
            [5],
            id="a speaker's count of their own people is all of them; of its 40 is a part",
        ),
        pytest.param(
            "Shipyard fire kills four",
            [
                "A fire in the hull of a tanker under construction killed four workers on Monday.",
                '"Five of our colleagues died in this fire," the union leader said.',
            ],
            [5],
            id="a union's colleagues are the workers",
        ),
        pytest.param(
            "Mine blast kills four",
            [
                "An explosion in a coal mine killed four workers on Monday.",
                '"We have lost five of our colleagues," the union leader said.',
            ],
            [5],
            id="a speaker who has lost their own people counts the dead",
        ),
        pytest.param(
            "Police arrest striking miners",
            [
                "Police arrested 14 miners on Tuesday after a sit-in at the copper mine.",
                '"The 22 workers who were arrested on Tuesday must be released," the union said.',
            ],
            [5],
            id="a mine's workers are its miners",
        ),
        pytest.param(
            "Phishing ring on trial",
            [
                "Seven people went on trial on Monday over a phishing ring that defrauded 400 customers.",
                "The seven defendants were among nine suspects arrested in raids on houses in Lekki and Ikeja in June.",
                "The agency said the 12 suspects arrested during the June raids had all been questioned.",
            ],
            [7],
            id="the June raids are the raids in June",
        ),
        pytest.param(
            "Customs officers on trial",
            [
                "Prosecutors say five customs officers were arrested in the November 2023 operation.",
                "Of the seven officers arrested in November 2023, two have pleaded guilty.",
            ],
            [5],
            id="customs officers are officers",
        ),
        pytest.param(
            "Scuffle at the factory gate",
            [
                "Workers blocked the gate when the management tried to move machinery. Two workers were lightly "
                "injured.",
                "All three injured workers were treated at a hospital and released the same day.",
            ],
            [5],
            id="injured workers are workers",
        ),
        pytest.param(
            "Heatwave fills hospital",
            [
                "Forty-one people were admitted with heat-related illness between Friday evening and Monday morning.",
                'The 36 patients admitted over the weekend, he said, "should never have been left in a corridor for '
                'half a day".',
            ],
            [5],
            id="admitted with an illness; patients admitted; half a day is no rate",
        ),
        pytest.param(
            "Dengue fills hospital",
            [
                "The hospital is at the limit of its capacity because of the outbreak, the ministry said.",
                "The department registers 1,240 confirmed cases since the start of the outbreak, and 38 persons are "
                "hospitalised in the Hospital Zonal.",
                "The director said the 45 persons hospitalised in the Hospital Zonal were stable.",
            ],
            [7],
            id="since the start of the outbreak is the story's own time",
        ),
        pytest.param(
            "Ferry capsizes",
            [
                "A ferry capsized off Romblon on Tuesday, killing at least 18 people and leaving 11 missing, the "
                "coast guard said.",
                "The commander said on Wednesday that 14 passengers remained unaccounted for.",
            ],
            [5],
            id="those still missing are some of everyone missing, whoever they are",
        ),
        pytest.param(
            "Storm hits coast",
            [
                "The storm left 1,240 houses collapsed completely and 300 houses partially collapsed.",
                "Officials said over 2,000 houses collapsed completely in the province.",
                "Another 500 homes partially collapsed.",
            ],
            [5],
            id="houses that collapsed were destroyed; partly collapsed ones were not",
        ),
        pytest.param(
            "Polling protest turns violent",
            [
                "Police arrested 34 people and at least nine were injured late Tuesday after a protest spilled out "
                "of City Hall and onto Main Street, officials said.",
                "The chief told reporters Wednesday that six people were hurt in the clashes.",
            ],
            [5],
            id="a crowd out of one place and onto another is no count over two places",
        ),
        pytest.param(
            "Town centre flooded",
            [
                "More than 200 homes in Hallbeck were flooded on Sunday night when the river burst its banks.",
                "Ms Fell said firefighters would visit each of the 140 homes flooded on Sunday night.",
            ],
            [5],
            id="a name that spells an update verb is no update",
        ),
        pytest.param(
            "Toll revised",
            [
                "Twelve people were injured when the stand collapsed on Saturday.",
                "Rose to 14 overnight, the number of injured was confirmed by the hospital.",
            ],
            [],
            id="an update verb opening the clause is still an update",
        ),
        pytest.param(
            "Pursuit crash",
            [
                "Three teenagers were taken to hospital after a stolen car crashed into a pole on Sunday.",
                "Both of the teenagers taken to hospital have since been discharged, police said.",
            ],
            [5],
            id="both of the teenagers are two",
        ),
        pytest.param(
            "Pipeline fire",
            [
                "Officers arrested five men suspected of tapping the pipeline on Friday.",
                "Both men arrested over the tapping were being held at the state police headquarters.",
            ],
            [5],
            id="both men are two",
        ),
        pytest.param(
            "Market attack",
            [
                "Five people were killed in the attack on Sunday.",
                "Both men and women were killed in the attack, witnesses said.",
                "A driver and a passenger were hurt. Both were taken to hospital, and four people were injured.",
            ],
            [],
            id="both men and women, and a bare both, are no count of two",
        ),
        pytest.param(
            "Crash on the bypass",
            [
                "A bus and a lorry collided on the bypass on Monday, injuring 12 people.",
                "The two drivers were injured, police said.",
            ],
            [],
            id="the drivers are a part of those hurt",
        ),
        pytest.param(
            "Wedding poisoning",
            [
                "Ninety-four guests were taken to hospital after the wedding dinner on Friday.",
                "Seventy-one people ended up in hospital, the health director said on Saturday.",
            ],
            [5],
            id="ended up in hospital is in hospital",
        ),
        pytest.param(
            "Food poisoning",
            [
                "At least 27 players were taken to hospital on Friday night.",
                "In all, 19 players were admitted overnight.",
            ],
            [5],
            id="admitted overnight is in hospital",
        ),
        pytest.param(
            "Factory poisoning",
            [
                "Nearly 200 workers were taken to hospital after eating at the canteen on Monday.",
                "The union said more than 250 workers were treated in hospitals in the city.",
            ],
            [5],
            id="treated in hospitals is in hospital",
        ),
        pytest.param(
            "Nightclub fire trial",
            [
                "The fire at the Plamen nightclub killed 14 people in February.",
                "The court will hear 87 witnesses, among them survivors, firefighters and the families of the 12 "
                "people who died.",
            ],
            [5],
            id="the families of the 12 people are of all of them, not a part a list opens",
        ),
        pytest.param(
            "Border evacuation",
            [
                "More than 12,000 people were evacuated from the border villages.",
                "The official said the 8,000 evacuated residents receive hot food three times a day.",
            ],
            [5],
            id="how often food comes is no rate of the count",
        ),
        pytest.param(
            "Valley floods",
            [
                "The flooding, which forced about 900 people from their homes in Kaiwhenua on Thursday night, was the "
                "worst since 1981.",
                "Civil Defence said on Tuesday that nearly 1,400 people had been evacuated from Kaiwhenua on Thursday "
                "night.",
            ],
            [5],
            id="forced from their homes is evacuated, on the day after the count rather than the day it was said",
        ),
        pytest.param(
            "Bus strike strands commuters, 37 held after clashes",
            ["Police said 52 people had been arrested after the clashes in Dhaka."],
            [3],
            id="held after clashes is arrested",
        ),
        pytest.param(
            "Stadium clashes",
            [
                "Fans clashed with police outside the stadium after the match on Saturday.",
                "The police chief said 17 supporters had been arrested on suspicion of damaging property.",
                '"The police have arrested 23 people for the violence on Saturday night," the deputy governor said.',
            ],
            [7],
            id="supporters arrested are the people arrested",
        ),
        pytest.param(
            "Bus plunges into ravine",
            [
                "A bus plunged into a ravine on Monday, killing six people, police said.",
                "The five passengers who died were from the same village.",
            ],
            [5],
            id="the passengers who died are the dead of a bus crash",
        ),
        pytest.param(
            "Heatwave death toll rises to four",
            [
                "A fourth person has died in the heatwave, regional health authorities said on Tuesday.",
                "Three people had died by Sunday evening, among them a tractor driver.",
            ],
            [],
            id="the figure before the rise, as of a time named",
        ),
        pytest.param(
            "Heatwave death toll rises to three",
            [
                "The death toll from the heatwave rose to three on Thursday after a man was found dead at home.",
                "Two people had died on Tuesday, the health ministry said.",
                "Two people have died in the heatwave, the ministry said.",
            ],
            [7],
            id="the figure of a day before the rise's; not one of no day",
        ),
        pytest.param(
            "Wildfire",
            [
                "The mayor said nearly 1,800 people had been evacuated from the town on Friday.",
                "The fire had burned about 48,000 hectares by Saturday. On Friday it jumped Highway 2 and forced the "
                "evacuation of more than 3,000 residents of Sable River.",
            ],
            [5],
            id="a fire that jumped a road is no rise",
        ),
        pytest.param(
            "Village fire",
            [
                "The wildfire destroyed 14 homes in the hills above the town on Sunday, the fire service said.",
                "The court heard the fire, which burned 22 homes, was started by a farmer clearing stubble.",
                "The blaze razed some 120 market stalls and 30 shops.",
            ],
            [5],
            id="a fire that burned homes destroyed them; stalls are counted",
        ),
        pytest.param(
            "Ferry capsizes",
            [
                "At least 14 people drowned when the ferry capsized on Sunday.",
                "Of the 14 bodies recovered so far, nine were women, the police said.",
                "The 11 bodies that have been recovered so far were taken to the district mortuary.",
                "By Tuesday 17 bodies had been recovered.",
            ],
            [7],
            id="fewer bodies recovered than the story counted before; more may be those found since",
        ),
        pytest.param(
            "Wildfire nears resort",
            [
                "More than 4,500 residents and holidaymakers, including dozens of Britons, were ordered to leave the "
                "mountain resort town of Kelvale last night.",
                "Officials said the 2,800 people evacuated from Kelvale were unlikely to be allowed home this week.",
            ],
            [5],
            id="a count of two nouns, an aside, and a passive verb with an object",
        ),
        pytest.param(
            "Hospital fire",
            [
                "About 200 patients were evacuated when fire broke out at the hospital on Sunday.",
                "Staff moved the roughly 140 patients and relatives evacuated from the building to a school.",
            ],
            [5],
            id="patients and relatives evacuated",
        ),
        pytest.param(
            "Storm hits referendum day",
            [
                "At least 14 people were injured when the storm hit on Sunday.",
                "In neighbouring Hungary, the same storm front injured two people in Zala county, local media said.",
                "The storm injured nine people in neighbouring villages, the fire service said.",
            ],
            [7],
            id="a count in a neighbouring country is of another place; one in neighbouring villages is not",
        ),
        pytest.param(
            "Eleven pilgrims die in searing heat",
            [
                "At least 14 pilgrims died of heat-related illness on Sunday, the health ministry said.",
                "Three pilgrims had died on Saturday, officials said.",
            ],
            [3],
            id="a headline's present tense; the figure of a day before the lede's",
        ),
        pytest.param(
            "Ammonia leak",
            [
                "At least 37 people were taken to the General Hospital after the leak on Monday.",
                "The twenty-nine people brought to the hospital were treated for breathing problems.",
            ],
            [5],
            id="brought to the hospital",
        ),
        pytest.param(
            "Refinery blast",
            [
                "An explosion at the refinery on Monday killed four workers, the company said.",
                "Prosecutors have opened an inquiry into the deaths of the five workers.",
            ],
            [5],
            id="the deaths of the five workers",
        ),
        pytest.param(
            "Protest outside parliament",
            [
                "Police said they had detained 23 people outside parliament on Tuesday night.",
                "Of the 31 people held overnight, most were released without charge on Wednesday.",
            ],
            [5],
            id="held overnight is arrested",
        ),
        pytest.param(
            "Cyclone kills 11",
            [
                "The cyclone tore across the northern islands overnight, killing 11 people, officials said.",
                "Three people were killed when the wall of a church collapsed in Lorevu, police said.",
                "The 13 people killed in Lorevu were buried on Saturday.",
            ],
            [7],
            id="fewer killed at one place are its part; all of them again at that place are not",
        ),
        pytest.param(
            "Volcano erupts",
            [
                "More than 6,000 people have been moved off the island since the eruption began, officials said.",
                "The roughly 4,500 people evacuated from the island are sheltering in schools on the mainland.",
            ],
            [5],
            id="moved off the island is evacuated",
        ),
        pytest.param(
            "Mine rescue",
            [
                "Eleven miners were found alive on Wednesday, two days after the shaft collapsed.",
                "Nine miners were rescued from the collapsed shaft on Wednesday, the company said.",
            ],
            [5],
            id="miners found alive are miners rescued",
        ),
        pytest.param(
            "Ferry sinks",
            [
                "The sinking on Sunday led to the death of 6 people and the rescue of 14 others, officials said.",
                '"Divers pulled out eighteen people alive," the governor said on Monday.',
            ],
            [5],
            id="the rescue of 14 others; pulled out eighteen people alive",
        ),
        pytest.param(
            "Boat capsizes",
            [
                "Fishermen pulled 43 passengers from the water alive after the boat capsized on Friday.",
                "All the 38 passengers who were rescued were taken to the district hospital.",
            ],
            [5],
            id="pulled from the water alive is rescued",
        ),
        pytest.param(
            "Floods force 1,200 from homes",
            [
                "The river broke through an embankment near the village on Tuesday, officials said.",
                "Officials said that nearly 500 residents had been forced out of the village on Tuesday night.",
            ],
            [5],
            id="forced from homes and forced out of are evacuated",
        ),
        pytest.param(
            "Jet evacuated at Tunis",
            [
                "Smoke poured from an engine, forcing the evacuation of all 186 people on board on Saturday.",
                '"The 212 passengers and crew were off the aircraft in two minutes," the airport director said.',
            ],
            [5],
            id="the evacuation of all 186 people; off the aircraft",
        ),
        pytest.param(
            "Student jailed over college fire",
            [
                "A student who set fire to a common room, forcing 212 residents to flee their rooms, was jailed.",
                "The alarm system, which woke the 180 residents evacuated that night, had been upgraded.",
            ],
            [5],
            id="an infinitive's object is no victim: forcing 212 residents to flee their rooms",
        ),
        pytest.param(
            "Cholera outbreak",
            [
                "The outbreak has sent more than 200 people to hospital since the start of the month.",
                "Health workers said 37 new patients had been admitted overnight on Monday.",
            ],
            [],
            id="new patients admitted overnight are the night's, a part of all of them",
        ),
        pytest.param(
            "Protest in the square",
            [
                "Police apprehended 12 people throughout the night on Sunday, officials said.",
                "Lawyers for the nine demonstrators apprehended on Sunday night said they were beaten.",
            ],
            [5],
            id="apprehended is arrested",
        ),
        pytest.param(
            "Cup final",
            [
                "Police said 37 people were arrested after the final on Saturday.",
                "The club condemned the violence but asked for the release of the 52 supporters held by police.",
            ],
            [5],
            id="held by police is arrested",
        ),
        pytest.param(
            "Heat at the marathon",
            [
                "Eighteen runners were removed to hospitals in the city on Sunday, organisers said.",
                "Officials said the 25 runners hospitalised on Sunday were all discharged.",
            ],
            [5],
            id="removed to hospitals is hospitalised",
        ),
        pytest.param(
            "Election protest",
            [
                "Rights groups said not less than 40 persons were detained on the square on Sunday.",
                "Police later said that in total 26 persons were detained on Sunday.",
            ],
            [5],
            id="not less than 40 is at least 40",
        ),
        pytest.param(
            "Three inmates escape from jail",
            [
                "Two inmates escaped from the county jail early on Sunday, the sheriff's office said.",
                "Three passengers escaped injury when the bus overturned on the same road last month.",
            ],
            [3],
            id="inmates who escaped are counted; passengers who escaped injury are not",
        ),
    ],
)
def test_how_a_story_s_counts_are_read(headline: str, paragraphs: list[str], flagged: list[int]) -> None:
    assert [line for line, *_ in found(story(*paragraphs, headline=headline))] == flagged
