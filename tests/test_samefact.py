"""The conflict gate (analyze/samefact.py) on judged pairs of bench/trust_pairs.jsonl: the
false conflicts of the judged rounds stay out, the judged-true ones stay in."""

from __future__ import annotations

import pytest

from newsweave.analyze.conflicts import _noun_after, shown
from newsweave.analyze.samefact import figures, reading, repeated
from newsweave.pipeline import make_brief

FALSE = [  # judged false (cand-k2 / cand-k3): (text, value, text, value, distance)
    ("Cambridge Analytica got that data from the creator of a quiz taken by 270,000 Facebook "
     "users.", "270,000",
     "The company faces scrutiny over Cambridge Analytica's use of 50 million Facebook users' "
     "personal data.", "50 million", False),
    ("The juror said 10 of the 12 jurors agreed that Cosby was guilty on the first count.", "12",
     "On counts one and three, the two jurors who never voted to convict were not moving.",
     "two", False),
    ("Opposition forces gained control of Misrata, a coastal city 130 miles east of Tripoli.",
     "130 miles",
     "Forces loyal to Gaddafi repelled their opponents in Zawiyah, 30 miles west of Tripoli.",
     "30 miles", True),
    ("At least 19 people have died in the flooding, which has also displaced landmines.",
     "At least 19 people",
     "At least nine people died in the central bosnian town of doboj, and the toll may rise.",
     "at least nine people", False),
    ("Since its march 3 release, 2.74 million units have been sold along with 5.46 million "
     "units of games and software.", "5.46 million",
     "Nintendo reports the Switch managed to move 2.74 million units in its first month.",
     "2.74 million", False),
]

TRUE = [  # judged true (cand-k3): one death toll of one event, two figures
    ("The epicentre of the earthquake was in India's Sikkim state, where at least 18 people "
     "were killed.", "at least 18 people",
     "At least four people in India's Sikkim state were killed, the state police chief said.",
     "At least four people", False),
    ("Seven people were killed in an Amtrak train derailment Tuesday night in Philadelphia.",
     "Seven people",
     "Officials have identified five of the eight people who died in Tuesday night's Amtrak "
     "derailment in Philadelphia.", "eight people", False),
]


@pytest.mark.parametrize("a,va,b,vb,dist", FALSE)
def test_judged_false_conflicts_are_not_shown(a: str, va: str, b: str, vb: str,
                                              dist: bool) -> None:
    assert not shown(a, va, b, vb, dist)


@pytest.mark.parametrize("a,va,b,vb,dist", TRUE)
def test_judged_true_conflicts_are_shown(a: str, va: str, b: str, vb: str, dist: bool) -> None:
    assert shown(a, va, b, vb, dist)


def test_a_scaled_figure_stated_by_both_is_repeated() -> None:
    a, b = FALSE[4][0], FALSE[4][2]
    ra, rb = reading(a, "5.46 million"), reading(b, "2.74 million")
    assert ra is not None and rb is not None and ra.number == 5.46e6
    assert repeated(a, b, ra, rb)


def test_figures_are_counts_with_a_noun() -> None:
    text = ("On May 5, 2012, at 4:30 a.m., $5 million was paid, 45% of voters agreed and 11 "
            "counts were filed against 2,300 protesters and three young men.")
    assert figures(text) == ["11", "2,300", "three"]
    assert [reading(text, v).head for v in figures(text)] == ["cunt", "protes", "men"]  # stems


def test_noun_after_a_figure() -> None:
    assert _noun_after("He earned three silver stars and four bronze stars.", "three") == \
        "silver stars"
    assert _noun_after("He faces 11 counts of rape.", "11") == "counts"
    assert _noun_after("including 18 in New York City", "18") == ""


def _brief(a: str, b: str):
    tail = "\n\nThe suspects have not been found, police said on Monday."
    return make_brief([{"id": "a1", "text": a + tail}, {"id": "a2", "text": b + tail}])


def test_two_clock_times_of_one_event_conflict_unless_hedged() -> None:
    brief = _brief("The Range Rover with tinted windows fled the scene at 4:30 a.m., police said.",
                   "The Range Rover with tinted windows fled the scene at 4:20 a.m., police said.")
    (c,) = brief.analysis["conflicts"]
    assert c.about == "time of the event"
    assert {cl.value for cl in c.claims} == {"4:30 a.m.", "4:20 a.m."}
    hedged = _brief("The Range Rover with tinted windows fled the scene about 4:30 a.m.",
                    "The Range Rover with tinted windows fled the scene about 4:20 a.m.")
    assert hedged.analysis["conflicts"] == []


FALSE_C2 = [  # judged false on fresh clusters (cand-c2)
    ("Nineteen women took part in the first co-ed Ranger course Monday at Fort Benning.",
     "Nineteen women",
     "Twenty women had qualified to attend the Ranger course at Fort Benning.", "Twenty women",
     False),  # no named kind: two groups the words do not separate
    ("A Danish zoo has killed two lions and their two cubs to make way for a new male.", "two",
     "The Copenhagen zoo says it has killed four lions, including two cubs, to make room.",
     "four", False),  # a listed sum
    ("About 1,000 people were injured, according to the health ministry.", "About 1,000",
     "The health ministry said 1,036 people were injured, among them 40 policemen.", "1,036",
     False),  # a rounded figure
]


@pytest.mark.parametrize("a,va,b,vb,dist", FALSE_C2)
def test_judged_false_fresh_conflicts_are_not_shown(a: str, va: str, b: str, vb: str,
                                                    dist: bool) -> None:
    assert not shown(a, va, b, vb, dist)


FALSE_C3 = [  # judged false on fresh clusters (cand-c3)
    ("Einarson Lake is located more than 400 km northeast of Whitehorse, near the border.",
     "more than 400 km",
     "The lake is about 200 kilometres northeast of Mayo, near the territories border.",
     "about 200 kilometres", True),  # measured from two places on the same side
    ("Militants killed two Saudi border guards and their commanding officer on Monday.",
     "two", "The Islamic State attack at the Saudi border killed three guards on Monday.",
     "three", False),  # a part of a sum
    ("Three inmates were declared dead on Saturday and the fourth died overnight.", "Three",
     "A disturbance at the Oklahoma prison on Saturday left four inmates dead.", "four", False),
]


@pytest.mark.parametrize("a,va,b,vb,dist", FALSE_C3)
def test_judged_false_c3_conflicts_are_not_shown(a: str, va: str, b: str, vb: str,
                                                 dist: bool) -> None:
    assert not shown(a, va, b, vb, dist)


FALSE_C1 = [  # judged false in the c1 packet (fresh lower-cased train clusters 17000-27999)
    ("At least 43 people have been killed and several others remain missing after heavy rain "
     "and flash floods hit northern pakistan close to the afghan border.", "At least 43 people",
     "At least 58 people have been killed in northern pakistan and india by flash floods and "
     "landslides triggered by heavy monsoon rains.", "at least 58 people", False),  # wider scope
    ("Occupy boston said more than 30 protesters who were arrested were released from custody "
     "by 9 a.m. Tuesday.", "more than 30",
     "More than 50 protesters from the occupy boston movement were arrested early tuesday "
     "after they ignored warnings to move, police said.", "More than 50", False),  # released
    ("Local media say over a dozen people have been injured after a car drove into "
     "pedestrians on a sidewalk in central melbourne.", "over a dozen people",
     "Eighteen people were injured, including at least one young child, when the car hit "
     "pedestrians outside melbourne's flinders street station.", "Eighteen people",
     False),  # both can be true
    ("Syrian activists reported a new massacre late thursday in the central homs province, "
     "saying regime forces killed more than 100 people in shelling and other attacks.",
     "more than 100 people",
     "Syrian government forces killed more than 200 people, most of them civilians, in a "
     "village in the province of hama on thursday, opposition activists said.",
     "more than 200 people", False),  # another region, in lower case
    ("Workers have removed more than 33 tonnes of dead fish from a lagoon in brazil.",
     "more than 33", "More than 50 tons of dead fish have been removed from a rio de janeiro "
     "lagoon.", "more than 50", False),  # a weight, a running total
    ("A rare outbreak of botulism has hospitalized nine people and killed one man in northern "
     "california, health officials say.", "nine people",
     "Ten people have been confirmed in the outbreak of botulism poisoning, including a man "
     "who died thursday.", "Ten people", False),  # hospitalized vs all cases
    ("Troy, ohio -- the third of four children exposed to high levels of carbon monoxide from "
     "a furnace in a home has died.", "four children",
     "Community members attend a vigil to remember the three children who died as a result of "
     "carbon monoxide poisoning.", "three children", False),  # the exposed vs the dead
    ("The gunman who killed 26 children and adults in an elementary school took college "
     "classes.", "26 children",
     "Adam lanza, who killed 20 children and six adults in a rampage at a connecticut "
     "elementary school, spent time at a gun range.", "20 children", False),  # a sum
    ("A man who opened fire at a family birthday party, killing five people and himself and "
     "wounding four others, had marital problems, police said.", "five people",
     "Six people were killed and at least four were injured in a mass shooting during a "
     "family birthday party.", "six people", False),  # the gunman counted among the dead
    ("The ships included the destroyer hms electra, on which 119 men perished, and hms "
     "exeter.", "119 men", "Around 170 men died in the attack against the japanese.",
     "Around 170 men", False),  # one ship of the attack
    ("The probe will travel to within four million miles of the star's surface.",
     "within four million miles", "The probe will orbit within 3.7 million miles of the "
     "sun's surface.", "within 3.7 million miles", True),  # two bounds that can both hold
    ("The mine explosion has killed at least 205 people and left hundreds trapped.",
     "at least 205 people", "The coal mine exploded, killing more than 200 people and trapping "
     "hundreds.", "more than 200 people", False),  # two lower bounds that can both hold
    # judged false in c1b (conflicts d69964a showed on the c1 clusters)
    ("At least 28 people have been killed in a coordinated attack at a popular hotel in "
     "somalia's capital, mogadishu.", "At least 28 people",
     "In june, gunmen stormed the nasa-hablod hotel, killing at least 14 people.",
     "at least 14 people", False),  # a month on one side: another attack
    ("A school bus driver helped evacuate nearly two dozen children from a bus after the "
     "vehicle caught fire.", "nearly two dozen children",
     "20 children from the elementary school were evacuated from the bus by the driver.",
     "20 children", False),  # "nearly two dozen" is 24, not 2
    ("Tsarnaev has a new lawyer: a member of the defense team for jared loughner, the man "
     "convicted of killing six people at an outreach event.", "six people",
     "Remnants of a pressure-cooker bomb used in the boston attack that killed three people.",
     "three people", False),  # a trial's figure of another event
    ("Two car bombs exploded in karbala, killing 13 people and injuring 50 in a shopping "
     "area.", "13 people", "A torrent of bombings ripped across eight iraqi cities on tuesday, "
     "killing 46 people.", "46 people", False),  # a wider scope
    ("The typhoon devastated the central philippines, killing more than 1,000 people in one "
     "city alone, the red cross estimated.", "more than 1,000 people",
     "At least 138 people were confirmed dead in the aftermath of typhoon haiyan.",
     "at least 138 people", False),  # one city alone
]

TRUE_C1 = [  # judged true in the c1 packet: still shown
    ("A health official says that 44 people have been killed and 91 wounded in a blast in a "
     "park in the eastern pakistani city of lahore.", "44 people",
     "At least 69 people have been killed and scores injured in an explosion at a public park "
     "in the eastern pakistani city of lahore, officials say.", "at least 69 people", False),
    ("At least 64 people died when a fire burned through a shopping mall in the siberian city "
     "of kemerovo on sunday, the russian authorities said monday.", "at least 64 people",
     "At least 53 people are dead and dozens injured after a fire at a shopping center in the "
     "siberian city of kemerovo on sunday.", "at least 53 people", False),
    ("At least 46 people have been killed and dozens are missing after a landslide struck at "
     "a massive rubbish dump on the outskirts of ethiopia's capital.", "At least 46 people",
     "A mountain of trash gave way in a massive garbage dump on the outskirts of ethiopia's "
     "capital, killing at least 35 people and leaving several dozen missing.",
     "at least 35 people", False),
    ("Two female suicide bombers killed at least 38 people on packed moscow metro trains on "
     "monday.", "at least 38 people", "Two female suicide bombers blew themselves up on "
     "moscow's subway system on monday, killing at least 35 people.", "at least 35 people",
     False),  # one lower bound twice: two tolls, not one figure hedged (was "can both be true")
    ("Police said 228 people were listed as missing.", "228 people",
     "Police have said 226 people are missing - up to 120 of them at one site alone.",
     "226 people", False),  # exact small counts 1% apart are two figures (judged true, d29)
    ("Hurricane sandy made its way north after killing 41 people in the caribbean.", "41 people",
     "Hurricane sandy raged through the bahamas early friday after leaving 21 people dead "
     "across the caribbean.", "21 people", False),  # a weekday on one side only (c1b)
]


@pytest.mark.parametrize("a,va,b,vb,dist", FALSE_C1)
def test_judged_false_c1_conflicts_are_not_shown(a: str, va: str, b: str, vb: str,
                                                 dist: bool) -> None:
    assert not shown(a, va, b, vb, dist)


@pytest.mark.parametrize("a,va,b,vb,dist", TRUE_C1)
def test_judged_true_c1_conflicts_are_shown(a: str, va: str, b: str, vb: str,
                                            dist: bool) -> None:
    assert shown(a, va, b, vb, dist)


def test_two_years_are_not_one_event_date() -> None:
    # judged false in the c1 packet: the figures of two years, not one event's date
    from newsweave.pipeline import make_brief

    texts = ("In 2000, the top five causes of death for centenarians were heart disease, "
             "stroke, influenza and pneumonia, cancer and alzheimer's disease.",
             "The top five causes of death among centenarians in 2014 were heart disease, "
             "alzheimer's disease, stroke, cancer, and influenza and pneumonia.")
    brief = make_brief([{"id": f"c{k}", "text": t} for k, t in enumerate(texts, 1)])
    assert not [c for c in brief.analysis["conflicts"] if c.about.startswith("date")]


FALSE_TR = [  # judged false in the tr packet (conflicts 275b5e6 showed on train lines 1500-16999)
    ("Police in cincinnati say at least four people, including the suspect, are dead following "
     "a shooting at a downtown office building.", "at least four people",
     "Three people were killed and two others injured thursday when a gunman opened fire at the "
     "fifth third center in downtown cincinnati.", "Three people", False),  # the gunman too
    ("A shooting at a crowded arizona restaurant left two men dead in an altercation friday "
     "night involving three people.", "three people",
     "The sheriff's department has confirmed that two people have been killed and one person "
     "has been injured in a shooting at the restaurant.", "two people", False),  # involved
    ("Houser is accused of shooting 11 people and then killing himself during an evening "
     "showing of the film.", "11 people",
     "A lone gunman began firing into the crowd, killing two and injuring at least seven "
     "others before fatally shooting himself.", "killing two", False),  # shot vs killed
    ("At least five people were killed in nepal, police there say, and at least seven died in "
     "tibet.", "At least five people",
     "A strong earthquake shook northeastern india and nepal on sunday night, killing at least "
     "nine people.", "at least nine people", False),  # two countries vs one
    ("Opposition forces gained control of misrata, a coastal city 130 miles east of tripoli.",
     "130", "Forces loyal to gaddafi repelled their opponents in zawiyah, 30 miles west of "
     "tripoli.", "30", False),  # a distance read as a count: the side still counts
    ("The deaths mean at least 12 people have died in avalanches nationally this season.",
     "at least 12 people", "Eight people were skiing together when the avalanche hit, killing "
     "two and seriously injuring two others.", "eight people", False),  # a season's total
    ("The saltwater lake 150 miles southeast of los angeles was the cause.", "150 miles",
     "The prime suspect, however, lay more than 100 miles away from los angeles.",
     "more than 100 miles", True),  # a bound the other figure meets
    ("Jenner was in one of the cars involved in a three-vehicle crash in malibu that killed one "
     "person.", "three-", "A fifth car went through barriers and crashed into two vehicles.",
     "two", False),  # "three-vehicle" is not a count
]


@pytest.mark.parametrize("a,va,b,vb,dist", FALSE_TR)
def test_judged_false_tr_conflicts_are_not_shown(a: str, va: str, b: str, vb: str,
                                                 dist: bool) -> None:
    assert not shown(a, va, b, vb, dist)
