# ruff: noqa: E501
"""Hard clean copy: correctly attributed quotes in wire, British, American,
feature, court, sport and business styles.  Neither quotation rule may fire."""

from __future__ import annotations

import pytest
from conftest import lint

ARTICLES = {
    "british": (
        "Starmer promises 'decade of renewal' in conference speech\n"
        "\n"
        "The Prime Minister, Keir Starmer, said on Tuesday that the country faced 'a decade of national renewal' as he set out his plans to the Labour conference in Liverpool.\n"
        "\n"
        "Mr Starmer told delegates: 'We will not let this stand. The country deserves better than the chaos of the last fourteen years, and we will deliver it.'\n"
        "\n"
        "He added: 'Nobody said this would be easy.'\n"
        "\n"
        "Tom Jennings, who runs a hardware shop in Bootle, said he had voted Labour for the first time. 'I want to see my town come back to life,' Mr Jennings said.\n"
        "\n"
        "Jennings said prices had doubled since 2020. 'It's the energy bills that hurt most,' he said.\n"
        "\n"
        "The Conservative leader, Kemi Badenoch, called the speech 'a masterclass in saying nothing'.\n"
        "\n"
        "Labour said the party's membership had risen by 20,000 this year. The Tories said the figure was inflated.\n"
        "\n"
        "Downing Street said the prime minister would travel to Brussels on Thursday.\n"
    ),
    "court": (
        "Man jailed for manslaughter of delivery driver\n"
        "\n"
        "A man who killed a delivery driver in a road-rage attack has been jailed for nine years.\n"
        "\n"
        "Liam Doyle, 27, of Hartcliffe, admitted manslaughter at Bristol Crown Court.\n"
        "\n"
        'Sentencing him, Mr Justice Cotter said Doyle had shown "a shocking disregard for human life". The judge said: "You lost your temper over a parking space, and a man is dead."\n'
        "\n"
        "Prosecutor Rachel Hume told the court that Doyle had punched the victim, Arjun Patel, 44, once.\n"
        "\n"
        'In a statement read outside court, Mr Patel\'s widow said: "Arjun was the kindest man I have ever known. Our children have lost their father."\n'
        "\n"
        '"Nothing will bring him back," she said.\n'
        "\n"
        'Detective Sergeant Mark Webb said after the hearing: "This was a senseless act of violence."\n'
        "\n"
        'The defence said Doyle had expressed remorse. "He will carry this for the rest of his life," his barrister, Tom Price KC, said.\n'
    ),
    "extras": (
        "Fire guts historic mill\n"
        "\n"
        '"We\'ve never seen anything like it in thirty years of fighting fires."\n'
        "\n"
        "That was how fire chief Bob Harding described the blaze that destroyed the Old Mill on Saturday night.\n"
        "\n"
        "Sen. Warren said on Monday that the inquiry should be independent. Lord Cameron said the government would help.\n"
        "\n"
        "Klarna said it would cut 400 jobs. Ipsos said support for the plan had fallen.\n"
        "\n"
        "The prime minister, who visited the site on Sunday, spoke to firefighters for an hour.\n"
        "\n"
        "Investigators have not yet said how the fire started. The mill had been empty since 2019.\n"
        "\n"
        '"It is heartbreaking to see a building with so much history reduced to ashes," she said.\n'
        "\n"
        'Dr Patel said smoke from the fire was not dangerous. Her son, Ravi, 12, watched from the bridge. "It was massive," Ravi said.\n'
        "\n"
        "Brazil forward Neymar said he would miss the match. Neymar added that his ankle was improving.\n"
        "\n"
        'Protesters chanted "Save our mill!" as the council met. Residents fumed. "This council has let the whole town down, again and again and again," Harding fumed.\n'
    ),
    "feature": (
        "The last fishermen of Port Isaac\n"
        "\n"
        "Siobhan Kelly has fished these waters for 30 years. She still goes out every morning at five.\n"
        "\n"
        "\"People think it's romantic,\" she said, hauling a crate of mackerel onto the quay. \"It isn't. It's cold and it's hard and the money is terrible.\"\n"
        "\n"
        'Her brother, Declan, gave up the boat in 2015. "I miss it every single day," Declan said. "But I don\'t miss the debt."\n'
        "\n"
        "The harbour master, who declined to be named, said landings had halved in a decade.\n"
        "\n"
        'Sam Okonkwo, who uses they/them pronouns, runs the fish shop on the harbour. "We buy everything Siobhan catches," they said.\n'
        "\n"
        'Further along the quay, the lifeboat crew were training. "You never know when the call will come," one volunteer said.\n'
        "\n"
        'A spokesperson for the Marine Management Organisation said quotas were "kept under constant review."\n'
        "\n"
        '"It is the end of an era." That was how Jack Penrose, 81, summed it up as he watched the boats come in.\n'
        "\n"
        'Residents have campaigned for years to protect the harbour. "They will have to drag us out of here," they said.\n'
        "\n"
        'In her memoir, "Salt on the Tongue", Kelly describes the winter of 1987 as the hardest of her life.\n'
    ),
    "multipara": (
        "Flood victims describe night of terror\n"
        "\n"
        "Residents of the riverside town of Aldbury spent the night on rooftops as the water rose.\n"
        "\n"
        'Maria Lopez, who owns a bakery on Main Street, said she had never seen anything like it. "We knew the storm was coming," she said. "We boarded up the windows and moved everything upstairs.\n'
        "\n"
        '"But nobody expected the water to come this high. By midnight it was at the ceiling.\n'
        "\n"
        '"We lost everything."\n'
        "\n"
        "Lopez said her insurer had promised to send an assessor. Maria said she would rebuild.\n"
        "\n"
        '"It is the worst flooding in 40 years," the Environment Agency said in a statement. It added that more rain was forecast.\n'
        "\n"
        'The agency has been criticised by residents. "They told us the defences would hold," one resident told the BBC.\n'
        "\n"
        'Zhang Wei, a 34-year-old teacher, said the school had been closed. "The children are scared," Zhang said.\n'
        "\n"
        'Asked whether the town would recover, the mayor said: "Of course. We always do."\n'
        "\n"
        'Police said they had rescued 40 people. "We would ask anyone with information about missing people to come forward," they said.\n'
        "\n"
        'A spokesperson for the council said: "Our teams are working around the clock."\n'
    ),
    "onename": (
        "Market traders count the cost after fire\n"
        "\n"
        "Traders at the Central Market in Accra were counting the cost on Saturday after a fire destroyed more than 200 stalls.\n"
        "\n"
        'Ama, a 45-year-old cloth seller who goes by one name, said she had lost stock worth thousands of cedis. "Everything is gone. I don\'t know how I will feed my children," Ama said.\n'
        "\n"
        'Kwame Mensah, 52, who sells electronics, said the fire started at about 2am. "By the time the firefighters came, it was too late," Mensah said.\n'
        "\n"
        'Kofi, 19, said he had tried to save his uncle\'s stall. "I carried what I could," he said.\n'
        "\n"
        'The Ghana National Fire Service said it was investigating the cause. "We will publish our findings," it said.\n'
        "\n"
        "Fire chief Julius Kuunuor said crews had been delayed by traffic. Kuunuor added that water supplies had run low.\n"
        "\n"
        'Mr Mensah said traders would rebuild. Adjoa Boateng, the chair of the traders\' association, said the government had promised help. Boateng said: "We are grateful, but we need the money now."\n'
    ),
    "politics": (
        "Senators clash over border bill\n"
        "\n"
        'WASHINGTON — Sen. Elizabeth Warren, D-Mass., said on Tuesday that the bill "does nothing for the families who are waiting at the border tonight."\n'
        "\n"
        '"We can do better than this," Warren told reporters outside the Capitol.\n'
        "\n"
        "President Joe Biden said he would sign the bill if it reached his desk. Biden spoke at the White House after meeting union leaders.\n"
        "\n"
        '"I\'ve been clear about this from the start," he said. "Secure the border, and treat people with dignity."\n'
        "\n"
        'Rep. Alexandria Ocasio-Cortez posted on X that the deal was "a surrender." Ocasio-Cortez later told CNN she would vote against it.\n'
        "\n"
        "The White House said in a statement that talks would continue. House Speaker Nancy Pelosi told MSNBC the vote was close.\n"
        "\n"
        'Ukrainian President Volodymyr Zelensky said in his nightly address that air defences had shot down 30 drones. Zelensky added: "Every drone we stop saves lives."\n'
        "\n"
        "Kremlin spokesman Dmitry Peskov told reporters the talks had stalled. The Kremlin said it would respond. Hamas said the proposal was under review. The IDF said two soldiers were wounded.\n"
        "\n"
        "Apple Inc. said quarterly sales rose 6%. Chief Executive Tim Cook told analysts on a call that demand in China had recovered. \"We're very pleased,\" Cook said. Nvidia's shares rose 3%.\n"
        "\n"
        'England manager Gareth Southgate said his side had been "outstanding". Kane added a second goal after the break. "The lads were brilliant," said Southgate.\n'
        "\n"
        "Manchester United manager Erik ten Hag said he was disappointed. Ten Hag said the referee had made mistakes.\n"
    ),
    "roles": (
        "Hospital declares critical incident as patients wait\n"
        "\n"
        "A hospital in northern England declared a critical incident on Monday after a surge in patients arriving at its emergency department.\n"
        "\n"
        '"We are under extreme pressure and we are asking the public to use other services where appropriate," a spokesperson for the hospital trust said.\n'
        "\n"
        '"It was chaos," one patient told the Guardian. "People were lying on trolleys in the corridors."\n'
        "\n"
        'The trust\'s chief executive said staff were "doing everything they can". "I want to thank every one of them," she said.\n'
        "\n"
        "Health officials said the situation was expected to improve by the weekend.\n"
        "\n"
        '"This is not sustainable," said the Royal College of Nursing. "Nurses are at breaking point."\n'
        "\n"
        "According to NHS figures, waiting times have risen for the fifth month in a row.\n"
        "\n"
        'The health secretary, Wes Streeting, said on Tuesday: "We inherited a broken system, and it will take time to fix." Streeting said the government would publish a plan in the spring.\n'
        "\n"
        'Doctors\' leaders warned that the winter would be worse. "We have been saying this for years," they said.\n'
    ),
    "scare": (
        "Critics round on 'Don't Say Gay' style bill\n"
        "\n"
        'The so-called "Iron Dome" system intercepted most of the rockets, officials said.\n'
        "\n"
        'Her latest novel, "The Long Road Home From the Northern Sea," was shortlisted for the Booker Prize.\n'
        "\n"
        'The film "Oppenheimer" won seven awards, including best picture, at the ceremony in Los Angeles.\n'
        "\n"
        'Protesters carried placards reading "No More War" and "Peace Now" as they marched past parliament.\n'
        "\n"
        'The report, titled "How We Lost Control of Our Borders and What We Must Do Next," will be published in June.\n'
        "\n"
        'Analysts described the deal as "a game-changer" for the region\'s economy.\n'
        "\n"
        'The phrase "buy now, pay later" has become familiar to millions of shoppers who use the services.\n'
        "\n"
        'Supporters chanted "Four more years!" as the president took the stage.\n'
        "\n"
        "The company's slogan, \"Because you're worth it,\" is one of the best known in advertising.\n"
        "\n"
        'The 6" pipe burst at about 3am and flooded the basement of the building, the fire service said.\n'
        "\n"
        'The term "long Covid" is used to describe symptoms that last for months after an infection.\n'
    ),
    "styles": (
        "Residents demand answers over flood defences\n"
        "\n"
        '"We are," the mayor, Ruth Adams, said, "ready for whatever comes next."\n'
        "\n"
        '"Why now?" asked Councillor Peter Grant. "Why not five years ago?"\n'
        "\n"
        "Read more: 'We lost everything': Survivors describe night of horror\n"
        "\n"
        "In a statement, the Environment Agency said:\n"
        "\n"
        '"We deeply regret the distress caused to residents and we will review every decision we made."\n'
        "\n"
        "Asked about the cost, Adams said the council would bid for government money.\n"
        "\n"
        'Grant, speaking to BBC Radio Kent, said residents had been "let down at every turn by agencies that should have protected them".\n'
        "\n"
        'Adams: "We will not give up on this town."\n'
        "\n"
        'Watch: "The water came up to our knees in seconds"\n'
        "\n"
        'Maria Lopez, 54, who runs the bakery on Bridge Street, says business has never been worse. "People just stopped coming," she says.\n'
        "\n"
        "According to a statement from the water company, the pumps failed at 3am.\n"
    ),
    "wire": (
        "Senate confirms labor nominee after bitter debate\n"
        "\n"
        "WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm Julie Su as the next secretary of labor, ending a months-long standoff over her nomination.\n"
        "\n"
        '"This is a great day for American workers," Senate Majority Leader Chuck Schumer said on the floor before the vote.\n'
        "\n"
        'Republicans criticized the nominee\'s record at the California labor agency. "She has never run anything this size," said Sen. John Thune, R-S.D.\n'
        "\n"
        "Thune added that he would nonetheless work with her on apprenticeship programs.\n"
        "\n"
        '"We\'ll see how it goes," he said. "I\'m not holding my breath."\n'
        "\n"
        'Su, 54, told reporters she would start work on Monday. "I\'m grateful to the president for his trust," she said.\n'
        "\n"
        'The White House said in a statement that the vote "sends a clear message that working families come first."\n'
        "\n"
        "Reuters reported that two Democrats had wavered before the vote. Ryanair said on Monday it would cut flights. Tesla said its sales had fallen.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_clean_article_has_no_quotation_findings(name: str) -> None:
    findings = lint(ARTICLES[name], "unattributed-quote", "unintroduced-speaker")
    assert [(d.rule, d.line, d.column, d.message) for d in findings] == []
