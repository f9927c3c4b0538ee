# ruff: noqa: E501
"""Clean copy full of numbers: the conflicting-count rule must stay silent.

Each article is written in the style of wire copy and is consistent; the
counts in it differ because they count different things, times, places or
events, because a figure was explicitly updated, or because a hedge allows
both.
"""

from __future__ import annotations

import pytest
from conftest import lint

RULE = "conflicting-count"

CLEAN_ARTICLES = {
    "quake-toll-update": """Death toll from Harran earthquake climbs to 48

The death toll from a magnitude 6.4 earthquake that struck the southern province of Harran on Tuesday rose to 48 on Thursday, the disaster agency said, as rescue teams dug through the remains of collapsed apartment blocks.

On Wednesday the agency had put the number of dead at 31. It said the higher figure included 12 people whose bodies were recovered overnight from a six-storey building in the provincial capital.

More than 600 people were injured, and about 150 of them remain in hospital, five in a critical condition. Around 4,000 people whose homes were damaged are sleeping in tents and sports halls.

"We pulled 23 people out alive in the first 24 hours. Every hour after that it gets harder," said rescue coordinator Leyla Demir, 44.

The province was hit by a stronger quake in 1999 that killed more than 2,000 people and destroyed 15,000 homes. A smaller tremor last March injured 40 people.

The government has sent 3,500 soldiers, 120 ambulances and two field hospitals to the region. Officials said the toll could rise further.
""",
    "two-attacks": """Bombings in two cities kill at least 19

Two bombings in different cities killed at least 19 people on Friday, officials said, in the deadliest day of violence in the country this year.

In Qaram, a car bomb exploded outside a crowded market at about 10 a.m., killing 12 people and wounding 30, the provincial police chief said. Seven of the dead were women shopping with their children.

Hours later, in a separate attack in the northern city of Belek, a suicide bomber blew himself up at a police checkpoint, killing seven people, including four police officers, and wounding 11 others.

No group has claimed either attack. A militant group claimed to have killed 40 soldiers in an ambush in the same province last week, a figure the army disputed, saying nine soldiers had died.

More than 1,200 people have been killed in attacks across the country since January, according to a tally by a monitoring group. In 2019, the deadliest year on record, 3,100 people died.

Interior Minister Adel Rahimi said 14 suspects had been detained in raids overnight. "We will find every person who helped to plan these crimes," he said.
""",
    "flood-evacuations": """Thousands evacuated as river bursts its banks

About 3,000 people were evacuated from their homes in the town of Ellesby on Sunday after the River Coln burst its banks following two days of torrential rain, the county council said.

Emergency services rescued 45 people from flooded houses and cars, some of them by boat. A 72-year-old man was taken to hospital with hypothermia.

The council opened three rest centres, where 420 people spent Sunday night. Most of those who left their homes are staying with friends or relatives.

Upstream, in the village of Marlow Green, 200 residents were evacuated on Saturday night as a precaution. They were allowed to return on Sunday afternoon.

The Environment Agency said 85 millimetres of rain had fallen in 48 hours, more than the area usually receives in a month. It has issued 17 flood warnings and 40 flood alerts across the region.

In 2007, floods in the same valley forced 10,000 people from their homes and caused damage estimated at £150 million.

Forecasters expect up to 30 millimetres more rain on Tuesday.
""",
    "protest-arrests": """Police arrest 41 after clashes at climate protest

Police arrested 41 people on Saturday after clashes at a climate protest in the capital that drew about 15,000 marchers, the city's police department said.

Twelve officers were injured, three of whom were taken to hospital, a police spokeswoman said. Organisers said at least 20 protesters had been hurt by batons and pepper spray.

The march began peacefully at noon, but trouble broke out at about 3 p.m. when a group of about 200 people tried to break through a police line outside the energy ministry.

Of those arrested, 29 were held on suspicion of violent disorder and 12 for criminal damage. Nine were later released without charge.

At a similar protest in March, police arrested 16 people. Organisers said the march was the largest since 2019, when 50,000 people took to the streets.

The group behind the protest, Climate Now, said it had 8,000 members and would hold another march next month.
""",
    "bus-crash-sub-counts": """Nine killed as bus overturns on mountain pass

Nine people were killed and 31 injured when a bus overturned on a mountain pass in the north of the country on Wednesday, officials said.

The bus was carrying 46 passengers, most of them pilgrims returning from a shrine, when it skidded on a wet bend and rolled down a slope, the regional governor said.

Among the dead were three children and the driver's assistant. Four of the injured were in a critical condition, and 18 were taken to hospital in the regional capital.

"I counted at least 12 bodies when I arrived, but some of them were still breathing," said Omar Saleh, 38, a farmer who was among the first at the scene.

A survivor said the driver had been going too fast. The driver, 52, was among the injured and was arrested in hospital.

The same pass was the scene of a crash two years ago in which 22 people died. Road accidents kill about 12,000 people a year in the country.

The government said it would pay compensation of 500,000 dinars to the family of each of the nine victims.
""",
    "council-and-sport": """City council votes to close two swimming pools

The city council voted by 27 votes to 21 on Thursday to close two of its five public swimming pools, saving £1.2 million a year.

About 300 people gathered outside the town hall before the meeting, and a petition against the closures has been signed by 12,400 residents.

Council leader Sarah Pym said the pools, which were built in the 1960s, needed repairs costing £8 million. "We cannot justify spending that much on buildings that are used by fewer than 200 people a day," she said.

The closures will affect 14 swimming clubs and about 60 staff, the council said. Eleven lifeguards will be offered jobs at the remaining pools.

In the evening, the city's football team won 3-1 in front of 18,500 fans, with two goals from striker Dan Acheson in the 54th and 81st minutes.

The last time the council closed a pool, in 2015, 2,000 people marched through the city centre in protest.
""",
    "hospital-outbreak": """Measles outbreak: 64 cases confirmed in city

Health officials have confirmed 64 cases of measles in the city since the start of the month, and 11 children are being treated in hospital, the regional health authority said on Monday.

Nearly 50 of the cases are in children under five, and 48 of those children had not been vaccinated, the authority said.

Last year the city recorded 23 cases in total. Vaccination rates for two-year-olds have fallen to 84%, well below the 95% needed to stop the disease spreading.

"Eleven children in hospital is eleven too many," said Dr Hannah Roy, the authority's director of public health. "Two doses of the vaccine give about 97% protection."

The authority has set up six pop-up clinics, which have given 1,350 doses since Friday.

In a similar outbreak in 2019, three children died and 120 were taken to hospital.
""",
    "wildfire-rolling": """Wildfire forces more evacuations as it spreads east

A wildfire that has burned 12,000 hectares forced the evacuation of about 2,500 more people on Thursday, bringing the number of people evacuated since Monday to 7,800, the regional government said.

On Tuesday, 3,200 residents of the town of Alcor were evacuated, and 2,100 people from villages to the west left their homes on Wednesday.

Two firefighters were injured on Thursday, one of them seriously, when their truck overturned on a forest track. On Tuesday, a volunteer suffered burns to his hands.

The fire has destroyed at least 40 homes, the government said. About 600 firefighters, 25 aircraft and 180 soldiers are fighting the blaze.

"Some of these people have lost everything. We will help them rebuild," said regional president Marta Lluch.

A fire in the same hills in 2012 destroyed 160 homes and killed two people.
""",
    "covid": """Flu season: hospital admissions double in a week

Hospital admissions for flu in the region doubled in the past week, with 412 patients being treated in hospital on Thursday, up from 205 a week earlier, health officials said.

Twelve people with flu died in the past week, bringing the number of deaths this winter to 67.

Of the patients in hospital, 38 are in intensive care. Most of those admitted are over 65 or have underlying conditions.

Last winter, 1,100 people were admitted to hospital with flu at the peak, and 143 died.

The health board urged people aged 65 and over to get vaccinated. About 640,000 doses have been given so far this season.
""",
    "election": """Ruling party loses majority as opposition gains 40 seats

The ruling National Party lost its majority in Sunday's parliamentary election, winning 142 of the 300 seats, down from 171 at the last election in 2019, according to official results.

The opposition Democratic Alliance won 98 seats, up 40, and the Green Party won 31. Independents took the remaining 29.

Turnout was 68%, the highest since 1994. Some 21 million people voted at 45,000 polling stations.

Election observers said they had received 312 complaints, most of them about long queues. Police said 14 people had been arrested for trying to vote more than once.

Prime Minister Olu Adeyemi said his party would seek partners to form a coalition. "The people have spoken, and we have heard them," he said.
""",
    "gaza": """Strikes kill dozens across Gaza as ceasefire talks stall

Israeli air strikes killed at least 32 people across the Gaza Strip on Tuesday, including 11 members of one family in Khan Younis, health officials said, as negotiators in Cairo failed to agree on a ceasefire.

In Gaza City, a strike on a school sheltering displaced families killed 14 people, according to the civil defence agency. The Israeli military said it had targeted militants operating from the compound.

The health ministry in the territory says more than 40,000 Palestinians have been killed since the war began in October last year. The figure does not distinguish between civilians and combatants.

The war was triggered by the Hamas-led attack on southern Israel on Oct. 7, in which about 1,200 people were killed and some 250 taken hostage, according to Israeli tallies.

Aid agencies say about 1.9 million people, 90% of the population, have been displaced at least once. The UN said 18 trucks had entered through the Kerem Shalom crossing on Monday, far fewer than the 500 a day that entered before the war.

"We buried seven of my cousins this morning," said Ahmed Abu Salem, 46. "There is nowhere safe."

Two Israeli soldiers were killed in fighting in the south of the territory on Monday, the military said, bringing the number of soldiers killed in the ground offensive to 330.
""",
    "hurricane": """Hurricane Dara kills at least 15 across three states

Hurricane Dara has killed at least 15 people across three states since it made landfall on Thursday, officials said on Saturday, as more than 1.2 million homes and businesses remained without power.

In Florida, nine people died, including a man who was struck by a falling tree in Tampa and two people who drowned when their car was swept off a road near Sarasota. Georgia reported four deaths and South Carolina two.

The storm came ashore near Cedar Key as a Category 3 hurricane with winds of 120 mph, pushing a storm surge of up to 10 feet into coastal towns.

Rescue crews in Florida pulled more than 300 people from flooded homes, state officials said. In one county alone, firefighters rescued 85 people on Friday.

About 40,000 people remain in shelters across the region. Hurricane Ian in 2022 killed more than 150 people in Florida.

Governor Ellen Pruitt said the state had deployed 5,000 National Guard troops. "We have not seen flooding like this in 50 years," she said.
""",
    "migrants": """At least 61 migrants drown off Libya, UN agency says

At least 61 migrants, including women and children, drowned when their boat sank off the coast of Libya, the UN migration agency said on Sunday.

The boat left the town of Zuwara with about 86 people on board, the International Organization for Migration said, citing survivors. Twenty-five people were rescued and taken to a detention centre.

The agency said 2,500 people had died or gone missing in the central Mediterranean this year, making it the world's deadliest migration route.

In a separate incident last week, 17 people drowned off Tunisia.

Italy's interior ministry said more than 150,000 migrants had arrived by sea this year, up from 105,000 in the same period last year.
""",
    "quake2": """Quake toll passes 50,000 in Turkey and Syria

The death toll from the earthquakes that struck Turkey and Syria two weeks ago has passed 50,000, officials said on Friday.

In Turkey alone, 44,218 people have died, the country's disaster agency said. Syria's government and the UN have reported more than 5,900 deaths in the north-west of the country.

More than 160,000 buildings containing 520,000 apartments collapsed or were badly damaged in Turkey, according to the government. About 1.5 million people are living in tents.

Rescuers pulled a 45-year-old man alive from the rubble of a building in Hatay province on Thursday, 278 hours after the first quake.

A magnitude 6.4 aftershock on Monday killed six people and injured 294.
""",
    "shooting": """Gunman kills 10 at supermarket in Buffalo Falls

A gunman opened fire at a supermarket in Buffalo Falls on Saturday afternoon, killing 10 people and wounding three before he was arrested by police, officials said.

The suspect, an 18-year-old man from a town about 200 miles away, was wearing body armour and livestreamed the attack, police commissioner Joseph Grady told a news conference.

Eleven of the 13 people shot were Black, Grady said. Two of the wounded were store employees.

Among those killed was a retired police officer, Aaron Salter, 55, who worked as a security guard at the store and fired several shots at the gunman.

"This was pure evil," Grady said. "It was a straight-up, racially motivated hate crime."

The suspect was arraigned on Saturday night on a charge of first-degree murder and pleaded not guilty. He is being held without bail.

It was the deadliest mass shooting in the state since 2019, when 12 people were killed in a shooting at a municipal building.
""",
    "wildfire2": """Wildfire destroys 1,200 homes in California foothills

A fast-moving wildfire in northern California has destroyed at least 1,200 homes and killed five people, fire officials said on Sunday, as more than 30,000 residents remained under evacuation orders.

The Creek Fire has burned 48,000 acres since it broke out on Tuesday and was 15% contained.

Three of the dead were found in a house in the town of Paradise Springs, and two in a car on an escape route, the county sheriff said. Eleven people are still unaccounted for.

About 2,000 firefighters are battling the blaze. Two firefighters were injured on Saturday.

In 2018, the Camp Fire destroyed nearly 14,000 homes and killed 85 people in the same region.
""",
    "apartment-fire": """Six dead after apartment fire in Lyon suburb

Six people, including three children, died when a fire swept through an apartment block in a suburb of Lyon early on Sunday, the local prefecture said.

Firefighters rescued 22 residents from the eight-storey building, and 15 people were taken to hospital, four of them in a serious condition.

Two of the children were siblings aged four and seven, neighbours said. "We heard screaming and then the smoke came under the door," said Karim Benali, 41, who lives on the fourth floor.

About 120 firefighters and 40 fire engines were sent to the scene. The blaze was brought under control after three hours.

Investigators are trying to establish whether the fire was started deliberately. A similar fire in a nearby block in 2021 killed two people.

Two people were still in hospital on Monday, the prefecture said.
""",
    "drugs-raids": """Police make 60 arrests in drugs raids across the city

Police arrested 60 people in a series of dawn raids across the city on Tuesday, seizing cash, drugs and weapons, the force said.

More than 400 officers took part in the operation, which targeted 35 addresses. Officers seized £250,000 in cash, 12 firearms and drugs with a street value of about £1.5 million.

Of those arrested, 41 were men and 19 women. Thirty-two have been charged, and the rest were released on bail.

In the north of the city, 18 people were arrested at a single block of flats.

The operation follows a similar one in June, when 45 people were arrested.

"These arrests send a clear message," said Chief Superintendent Mark Hale.
""",
    "train-derailment": """Train derailment kills four, injures dozens

Four people were killed and more than 50 injured when a passenger train derailed in the mountains of northern Italy on Thursday morning, officials said.

The train, which was carrying about 300 passengers, came off the tracks near the town of Ponte Alto shortly after 7 a.m.

Among the dead were the driver and a conductor. Eight of the injured were in a serious condition, the regional health service said.

Rail operator Trenord said it was cooperating with investigators. Two other trains were cancelled and 12 delayed.

Italy's worst rail disaster in recent years was in 2009, when a freight train carrying gas derailed in Viareggio, killing 32 people.

Transport Minister Paolo Conti said the government would spend 3 billion euros on track maintenance over the next five years.
""",
    "landslide-missing": """Landslide buries village, 30 missing

At least 30 people are missing after a landslide buried part of a village in the highlands of Papua New Guinea on Friday, local officials said.

Five bodies have been recovered, and rescuers are searching for survivors with shovels and their bare hands.

The landslide destroyed about 60 homes, a church and a school, the provincial governor said. About 1,200 people live in the village.

"We have found five bodies so far, and many more are under the mud," a local councillor said.

In May last year, a landslide in Enga province killed more than 670 people, according to UN estimates, although the government put the figure at 2,000.
""",
    "nairobi-protests": """Protesters and police clash in Nairobi; one killed

One person was killed and 20 injured as police fired tear gas and live rounds at protesters in Nairobi on Tuesday, a rights group said.

Amnesty International Kenya said the man was shot dead in the Kibera neighbourhood. Police said 35 officers had been injured and 112 people arrested.

The protests, now in their third week, began over a proposed tax rise. At least 23 people have been killed since the protests started, according to the Kenya National Commission on Human Rights.

Police spokeswoman Resila Onyango said officers had "used the minimum force necessary".

The commission said 300 people had been injured and 600 arrested since June 18.
""",
    "ferry-fire-rescue": """Ferry fire: all 280 passengers rescued

All 280 passengers and 30 crew were rescued after a fire broke out on a ferry off the Greek island of Corfu on Friday night, the coast guard said.

Ten people were taken to hospital with breathing problems, and two of them were kept in overnight.

The fire started in the garage deck, where 153 vehicles were parked. Three coast guard vessels and two tugs took part in the rescue.

Eleven truck drivers who had been sleeping in their cabs were unaccounted for on Saturday morning. By the evening, eight of them had been found alive.
""",
    "fireworks-blast": """Explosion at fireworks factory kills 11 in central India

An explosion at a fireworks factory in central India killed 11 people and injured at least 60 on Tuesday, police said, as rescuers searched the rubble for more victims.

The blast, in the town of Harda in Madhya Pradesh state, set off a series of smaller explosions that damaged about 50 nearby houses. Television footage showed thick smoke rising over the area.

District official Rishi Garg said 174 people had been rescued from the site and surrounding homes. Some of the injured were taken to hospitals in Bhopal, about 150 km away.

Prime Minister Narendra Modi announced compensation of 200,000 rupees for the families of each of those killed and 50,000 rupees for the injured.

Accidents are common at fireworks factories in India. In 2016, a fire during a fireworks display at a temple in Kerala killed more than 100 people.

Three people, including the factory owner, were arrested on Wednesday, police said.
""",
    "heatwave-deaths": """Heatwave deaths rise as temperatures hit 47C

At least 54 people have died from heat-related illness in the past week in the northern state of Uttar Pradesh, health officials said on Saturday, as temperatures climbed to 47C.

Most of those who died were over 60, and many had existing health conditions, the state health department said. About 400 people were admitted to hospital with fever and breathing difficulties in the district of Ballia alone.

Doctors at the district hospital said 23 patients had died there since Thursday. "We have never seen so many patients at once," said Dr Jayant Kumar, 49.

The India Meteorological Department forecast that the heatwave would last at least four more days.

In 2015, a heatwave killed more than 2,000 people across India.
""",
    "hikers-dead": """Two hikers found dead after storm on Ben Lawers

The bodies of two hikers were found on Ben Lawers on Sunday, a day after they were caught in a snowstorm near the summit, police said.

A third member of the group, a 34-year-old woman, was found alive and taken to hospital in Perth with hypothermia.

Killin Mountain Rescue Team said 25 volunteers, a search dog and a coastguard helicopter took part in the search, which lasted 14 hours.

It was the second fatal accident on the mountain this winter. In January, a 61-year-old man died after falling on the north ridge.

Scottish mountain rescue teams were called out 659 times last year, and 39 people died in the mountains, according to figures published in March.
""",
    "rally-detentions": """Dozens detained as police break up opposition rally

Police detained at least 40 people on Sunday as they broke up a rally by opposition supporters in the capital, Minsk, a rights group said.

The Viasna human rights centre said 42 people had been detained by the evening, including two journalists.

Several thousand people had gathered in the city centre to protest against the jailing of opposition leader Viktar Babko, who was sentenced on Friday to 14 years in prison.

Police said in a statement that 37 "participants in an unauthorised event" had been taken to police stations, without saying how many remained in custody.

Viasna says more than 1,400 people are currently held on political charges in the country.
""",
    "tanker-fire": """Tanker fire on motorway: driver dies, 12 hurt

A tanker driver died and 12 other people were injured when his lorry overturned and caught fire on the M6 near Stafford early on Friday, police said.

Four of the injured were taken to hospital, and the other eight were treated at the scene for minor injuries, West Midlands Ambulance Service said.

The motorway was closed in both directions for nine hours, with queues stretching for 15 miles. About 4,000 litres of fuel spilled onto the carriageway.

It was the third serious crash on that stretch of the motorway this year. In April, two people died in a collision between a car and a van near junction 14.
""",
    "holiday-road-toll": """Holiday road toll rises to 41

The nation's holiday road toll has risen to 41 after a woman died in hospital on Tuesday, police said.

The 52-year-old was injured when her car left the road near the coast last week. Her passenger remains in a serious condition.

Marrowby has recorded 15 holiday deaths. Nine people have died on Westland roads, six in Norland, and four each in Eastmere and the Southern Reach.

Northvale and Coldharbour have each recorded two deaths, while the capital has had none.

In one crash on Christmas Eve, two brothers aged eight and 11 died when their family's car hit a tree.
""",
    "airstrikes-nights": """Nearly 100 civilians killed in air raids, officials say

Nearly 100 civilians have been killed and about 200 wounded in a week of air raids on the province, local officials said on Friday.

The first night of bombing killed 31 civilians, the provincial governor told reporters. The second night of air raids killed eight civilians and wounded 18, he said, and the third night left 14 dead.

The raids came days after militants, who killed two dozen Kuwaitis in a bomb attack on a hotel at the weekend, fled into the hills.
""",
}


@pytest.mark.parametrize("name", sorted(CLEAN_ARTICLES))
def test_clean_article_has_no_conflicting_count(name: str) -> None:
    found = lint(CLEAN_ARTICLES[name], RULE)
    assert [(d.line, d.message) for d in found] == []
