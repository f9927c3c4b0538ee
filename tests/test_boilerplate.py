from conftest import lint

RULE = "boilerplate"


def positions(text: str) -> list[tuple[int, int, int, int]]:
    return [(d.line, d.column, d.end_line, d.end_column) for d in lint(text, RULE)]


def test_whole_paragraph_labels() -> None:
    text = (
        "Headline here\n\nThe council met on Monday.\n\nAdvertisement\n\nIt voted to close the pool.\n\nLatest News\n"
    )
    assert positions(text) == [(5, 1, 5, 14), (9, 1, 9, 12)]


def test_label_case_and_punctuation_ignored() -> None:
    assert positions("Headline\n\nRELATED TOPICS:\n") == [(3, 1, 3, 16)]
    assert positions("Headline\n\nRepresentational image.\n") == [(3, 1, 3, 24)]


def test_labels_joined_by_a_dash_or_a_bar() -> None:
    assert positions("Headline\n\nADVERTISEMENT - Story continues below\n") == [(3, 1, 3, 38)]
    assert positions("Headline\n\nAdvertisement | Continue reading\n") == [(3, 1, 3, 33)]
    # a label beside words that are none is a heading or copy, not furniture
    assert positions("Headline\n\nLatest News - Sport\n\nNews - the council votes on Monday\n") == []


def test_prefix_labels() -> None:
    text = "Headline\n\nRead more: Inflation falls to a two-year low\n\nImage caption: Smoke rises over the hills\n"
    assert [(d.line, d.column) for d in lint(text, RULE)] == [(3, 1), (5, 1)]
    assert positions("Headline\n\nClick here to subscribe to our morning briefing\n") == [(3, 1, 3, 48)]
    assert positions("Headline\n\nSubscribe now for unlimited access to county court coverage.\n") == [(3, 1, 3, 61)]
    # copy about subscribers is copy
    assert positions("Headline\n\nSubscribers now face higher fees for access to the court records.\n") == []


def test_trailing_label_glued_to_paragraph_has_a_safe_fix() -> None:
    text = "Headline\n\nPolice are searching for the rest. Advertisement\n"
    (d,) = lint(text, RULE)
    assert (d.line, d.column, d.end_column) == (3, 36, 49)
    assert d.fix is not None and d.fix.replacement == "" and d.fix.applicability == "safe"


def test_ordinary_sentences_with_the_same_words_are_not_flagged() -> None:
    text = (
        "Council approves budget\n\n"
        "The latest news from the council is that the pool will close.\n\n"
        "Landlords took out a full-page advertisement in three newspapers.\n\n"
        "Read more about the plan on the council's website, she said.\n\n"
        "Watch out for falling rocks, police warned drivers on Tuesday.\n\n"
        "Related developments followed later in the week.\n\n"
        "He said the job had been posted as an advertisement.\n"
    )
    assert positions(text) == []


def test_photo_caption_ending_in_its_credit() -> None:
    text = (
        "Headline\n\n"
        "Shoppers queue at a cash machine on Friday. (Photo: Marta Kowal/Reuters)\n\n"
        "The mayor at the site of the new pool. Photo: Kevin Arden / Pelham Gazette\n\n"
        "Rescuers search the rubble of a school. (AP Photo/Jane Doe)\n"
    )
    assert positions(text) == [(3, 1, 3, 73), (5, 1, 5, 75), (7, 1, 7, 60)]


def test_credits_inside_copy_are_not_captions() -> None:
    text = (
        "Headline\n\n"
        "The agency, which sells pictures to 40 newspapers, said its photographers were safe.\n\n"
        "She keeps a photo: her father at the harbour, taken in 1962 by a neighbour.\n\n"
        + "The photographer, whose credit line read Photo: Anna Berg, said the council had used the image "
        + "without asking, and that she would take the matter to court if it was not removed by Friday. " * 2
        + "\n"
    )
    assert positions(text) == []


def test_a_row_of_share_buttons_and_a_newsletter_prompt() -> None:
    text = (
        "Headline\n\n"
        "Share on Facebook | Share on X | Copy link\n\n"
        "Sign up to the Courier newsletter for the latest court news straight to your inbox\n\n"
        "Home | News | Court rulings\n\n"
        "Share on Facebook | Share on Viber | Telegram | Email | Print\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5, 9]


def test_share_buttons_run_together_without_separators() -> None:
    text = (
        "Headline\n\n"
        "Share on Facebook Share on X Share on LinkedIn Email this article\n\n"
        "Share the news on Facebook and email this article to friends, the club said.\n\n"
        "Print Share\n"
    )
    # two labels or more run together are a row of buttons; a sentence that uses their words is copy, and
    # "Print Share" is too short to tell
    assert [d.line for d in lint(text, RULE)] == [3]


def test_copy_that_mentions_newsletters_is_copy() -> None:
    text = (
        "Headline\n\n"
        "Get the facts first: the council's newsletter went to 40,000 homes, and residents said it was wrong.\n"
    )
    assert lint(text, RULE) == []


def test_a_cookie_banner() -> None:
    for banner in (
        "This site uses cookies to improve your experience. If you continue browsing, you accept their use.",
        "We use cookies to personalise content and ads. Accept all cookies",
        "By continuing to use this website you agree to our use of cookies.",
        "Cookie settings",
    ):
        assert [d.line for d in lint(f"Headline\n\n{banner}\n", RULE)] == [3], banner


def test_copy_about_cookies_is_copy() -> None:
    text = (
        "Headline\n\n"
        "The regulator found that the retailer's site uses cookies to track shoppers without consent.\n\n"
        '"We use cookies only where the law allows," the company said.\n\n'
        "Bakers said the cookie policy of the new chain had hurt independent shops.\n"
    )
    assert lint(text, RULE) == []


def test_an_app_advert_and_a_credit_in_capitals() -> None:
    text = (
        "Headline\n\n"
        "Download the KVTR 7 News app to get breaking news alerts sent straight to your phone.\n\n"
        "Members of the House of Assembly during plenary in Ilase. PHOTO: Femi Adesanya / Daily Clarion\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5]


def test_copy_about_an_app_is_copy() -> None:
    text = (
        "Headline\n\n"
        "Download the council's flood app for alerts, the mayor urged residents on Monday.\n\n"
        "The outlet said it would get the app's news alerts working again by Friday.\n"
    )
    assert lint(text, RULE) == []


def test_a_lent_picture_s_credit_a_tag_list_and_a_sign_up_after_its_call() -> None:
    text = (
        "Headline\n\n"
        "Survivors rest on the deck of the rescue ship on Wednesday [Courtesy of Mare Aperto/Tomás Arregui]\n\n"
        "Tags: Athletics | Valmora Grand Prix | 1500m\n\n"
        "Never miss a forecast! Sign up for our FREE daily weather newsletter and get alerts in your inbox.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5, 7]


def test_a_live_blog_s_sign_up_entry_and_an_author_s_note() -> None:
    text = (
        "Headline\n\n"
        "11:30 a.m. — Get the latest wildfire updates delivered straight to your inbox. Sign up here.\n\n"
        "Priya Raghunathan is our science correspondent. She is on X at @priyaraghu_sci.\n\n"
        "Priya Raghunathan is a science correspondent who covered the launch from the coast.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5]


def test_a_live_blog_entry_that_is_a_related_link() -> None:
    text = (
        "Headline\n\n"
        "09:15 - Firefighters said the blaze was under control.\n\n"
        "09:40 - Read more: How a dry spring made this fire season longer\n"
    )
    assert [d.line for d in lint(text, RULE)] == [5]


def test_a_caption_with_a_photographer_and_an_outlet_and_a_share_label() -> None:
    text = (
        "Headline\n\n"
        "PHOTO: Officers tape off the bus platform on Monday night. (Jenna Hollis / WKDM)\n\n"
        "Share this post\n\n"
        "The ratio of debt to income (Debt / Income) rose, the bank said.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5]


def test_a_share_label_before_its_buttons() -> None:
    text = "Headline\n\nShare this article: Facebook | X | Email\n\nShare this with your editor before noon.\n"
    assert [d.line for d in lint(text, RULE)] == [3]


def test_a_tabloid_s_more_link_and_what_is_no_link() -> None:
    text = (
        "Headline\n\n"
        "MORE: Brierley's secret sparring camp in Tenerife revealed\n\n"
        "More than 200 fans waited outside the arena.\n\n"
        "More: the promoter said tickets sold out in an hour.\n"
    )
    found = [d.line for d in lint(text, "boilerplate")]
    assert found[0] == 3 and 5 not in found


def test_a_caption_opened_by_photo() -> None:
    text = (
        "Headline\n\n"
        "Photo: Emergency crews at the scene of the crash on Route 9. (Kellerton Gazette / Jorge Almeida)\n\n"
        "Photographers lined the route.\n"
    )
    assert [d.line for d in lint(text, "boilerplate")] == [3]


def test_a_newsletter_prompt_glued_to_a_paragraph_has_a_safe_fix() -> None:
    text = (
        "Headline\n\nThe group said its order book was healthy. Sign up for our Morning Markets newsletter for the "
        "day's top business stories.\n"
    )
    (d,) = lint(text, RULE)
    assert (d.line, d.column) == (3, 44)
    assert d.fix is not None and d.fix.replacement == "" and d.fix.applicability == "safe"
    # a sentence of the story about a newsletter is copy
    assert lint("Headline\n\nThe vote was close. Subscribe to the union newsletter, members were told.\n", RULE) == []


def test_a_print_edition_footer_and_a_bare_read_label() -> None:
    assert positions("Headline\n\nPublished in The Daily Frontier Ledger, June 17th, 2024\n") == [(3, 1, 3, 56)]
    assert positions("Headline\n\nREAD | Commuters stranded as the rank shuts\n") == [(3, 1, 3, 44)]
    # a sentence about publishing is copy
    assert lint("Headline\n\nThe report was published in March by the ministry, which said prices rose.\n", RULE) == []
    assert lint("Headline\n\nRead the full statement on the council's website.\n", RULE) == []


def test_a_newsletter_prompt_that_opens_with_what_it_offers() -> None:
    text = (
        "Headline\n\nThe side won the final 52-48. Get the best of New Zealand sport in your inbox every Monday "
        "- sign up to our Sport Wrap newsletter.\n"
    )
    assert len(lint(text, RULE)) == 1


def test_an_author_s_note_with_social_networks_and_a_share_prompt() -> None:
    text = (
        "Headline\n\nRachel Whitford is a resources reporter based in Perth, covering mining and energy. "
        "Connect with her on X and LinkedIn.\n\nKindly Share This Story:\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5]


def test_share_buttons_and_a_weekly_newsletter_glued_to_paragraphs() -> None:
    text = "Headline\n\nThe trust will hold an open day in April. Share this article Facebook X WhatsApp Email\n"
    (d,) = lint(text, RULE)
    assert d.fix is not None and d.fix.applicability == "safe"
    text = (
        "Headline\n\nGet the week's property and planning news straight to your inbox - sign up for our free "
        "Home & Property newsletter here.\n"
    )
    assert len(lint(text, RULE)) == 1
    # a sentence about sharing is copy
    assert lint("Headline\n\nResidents were asked to share this article with neighbours.\n", RULE) == []


def test_an_author_s_note_of_what_the_writer_covers() -> None:
    text = (
        "Headline\n\nGraham Pettigrew covers the Steelhawks for the Hamilton Courier. Follow him on X at "
        "@GPettigrewHC.\n"
    )
    assert len(lint(text, RULE)) == 1
    assert lint("Headline\n\nThe fund covers repairs for the town's oldest homes.\n", RULE) == []


def test_a_link_or_a_follow_prompt_glued_to_a_paragraph() -> None:
    text = (
        "Headline\n\nThe names have not been released. ALSO READ: Winter Storm Watch Issued For The Plains\n\n"
        "Crews are on standby at base camp. Follow us on Facebook and X for the latest updates on this story.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5]
    assert lint("Headline\n\nShe said people should follow us on the road to recovery.\n", RULE) == []


def test_a_content_farm_s_source_link() -> None:
    assert positions("Headline\n\nThe floods killed 14 people.\n\nSource link\n") == [(5, 1, 5, 12)]


def test_a_list_of_latest_headlines_and_a_copyright_notice() -> None:
    text = (
        "Ferry shares fall\n\n"
        "Shares in the ferry operator fell 9% on Monday.\n\n"
        "Latest News: Port authority names new chairman | Rum exporters eye Europe | Central bank holds rate\n\n"
        "LATEST NEWS | Squad named for qualifiers | Derby ends level\n\n"
        "Copyright ⓒ Hanbit Economic Daily. Unauthorized reproduction and redistribution prohibited.\n\n"
        "© 2024 Norland Courier. All rights reserved.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [5, 7, 9, 11]
    # the story's own words about copyright or the latest news are not furniture
    clean = (
        "Court rules on songs\n\n"
        "Copyright lawyers said the ruling would change how songs are licensed.\n\n"
        "The latest news from the court came late on Friday.\n"
    )
    assert lint(clean, RULE) == []


def test_an_advert_slot_that_asks_the_reader_to_continue() -> None:
    assert [d.line for d in lint("Headline\n\nADVERTISEMENT - CONTINUE READING BELOW\n", RULE)] == [3]


def test_a_bracketed_label_and_a_row_of_share_buttons_with_spaces() -> None:
    text = (
        "Ferry operator hit by attack\n\n"
        "[Photo] President Moriwaki who apologises = 14th, Tsubakihama City\n\n"
        "Share via Facebook  Share via X  Share via WhatsApp  Email  Copy link\n\n"
        "(Photo) is how the archive labels its pictures, the curator said.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5]


def test_a_share_label_before_a_row_of_networks() -> None:
    assert [d.line for d in lint("Headline\n\nShare: Facebook | Twitter | Viber | Email\n", RULE)] == [3]


def test_a_named_newsletter_and_a_paywall_meter() -> None:
    text = (
        "Headline\n\n"
        "Sign up for Peloton Weekly: the best of our cycling coverage, in your inbox every Monday morning.\n\n"
        "You have read 3 of your 5 free articles this month. Subscribe now for unlimited access.\n\n"
        "You've reached your limit of free stories.\n\n"
        "This article is for subscribers.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5, 7, 9]


def test_copy_about_reading_and_signing_up_is_copy() -> None:
    text = (
        "Headline\n\n"
        "Sign up for the marathon closes on Friday: organisers said 4,000 runners had entered.\n\n"
        "You have read the report, the minister told MPs, and it says free school meals work.\n"
    )
    assert lint(text, RULE) == []


def test_a_share_row_after_share_this_and_a_word() -> None:
    text = "Headline\n\nShare this news: WhatsApp | Facebook | Twitter | Copy link\n"
    assert [d.line for d in lint(text, RULE)] == [3]


def test_picture_labels_lists_of_stories_and_a_call_to_support_the_paper() -> None:
    text = (
        "Headline\n\n"
        "The turboprop came to rest in a field beyond the runway. Picture: reader submitted\n\n"
        "Smoke rises from a ventilation shaft on Tuesday evening. Photograph: Ádám Kertész/Pannon Press\n\n"
        "Illustrative photo: archive of the editorial office\n\n"
        "Latest News: Cabinet approves new wheat support price | Two killed in road accident on the coast highway "
        "| Schools to stay closed on Friday after the storm | Draft: the full list of picks for next season's "
        "league | Rain expected\n\n"
        "Latest Sport: Derby moved to evening kick-off | Volleyball: women into Asian final\n\n"
        "Support local journalism: Subscribe to the Cutter Bay Pilot today.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5, 7, 9, 11, 13]


def test_copy_about_pictures_and_long_lists_is_copy() -> None:
    text = (
        "Headline\n\n"
        "The picture: rain, then more rain, and a river that rose a metre overnight, the mayor said.\n\n"
        "Latest news of the talks came late on Monday, when negotiators for the union and the company said "
        "they would meet again | the union's word | on Thursday, after both sides had taken advice, and that "
        "a deal was close.\n\n"
        "Supporters of local journalism met in the town hall on Tuesday to hear how the paper is funded.\n"
    )
    assert lint(text, RULE) == []


def test_a_newsletter_named_at_once_and_related_coverage() -> None:
    text = (
        "Headline\n\n"
        "Get the Asia Markets Briefing in your inbox every weekday morning. Sign up now\n\n"
        "RELATED COVERAGE: Guards seize record hashish haul on the river\n\n"
        "Get the Red Cross to check on them, the mayor told residents, and the inbox of the council will fill.\n"
    )
    assert [d.line for d in lint(text, RULE)] == [3, 5]
