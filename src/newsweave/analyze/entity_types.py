"""Typing the entities of a cluster: person, organization, place, term or other.

The evidence, strongest first (see :func:`entity_type`): a glossed term, the alias table, the
gazetteer (:mod:`newsweave.analyze.gazetteer`), an event or law word, a quoted title, an
organisation or place word in the name, a title or a given name, the country list, an
acronym, then the words around the mentions (cues counted in
:func:`newsweave.analyze.entities._collect`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsweave.analyze.gazetteer import (
    FEMALE_NAMES,
    FREQUENT_WORDS,
    KNOWN_ORGS,
    KNOWN_OTHER,
    KNOWN_PEOPLE,
    KNOWN_PLACES,
    KNOWN_PRODUCTS,
    MALE_NAMES,
    WORLD_CITIES,
    common_words,
)
from newsweave.analyze.gazetteer import FIRST_NAMES as GIVEN_NAMES
from newsweave.analyze.lexicon import COUNTRIES, FIRST_NAMES, ORG_WORDS, PLACE_WORDS
from newsweave.analyze.name_evidence import camel_case
from newsweave.analyze.names import Mention, fold, spelling_key

Key = tuple[str, ...]


@dataclass(slots=True)
class Form:
    """All mentions whose names share one spelling key."""

    key: Key
    mentions: list[Mention] = field(default_factory=list)
    titles: Counter[str] = field(default_factory=Counter)
    cues: Counter[str] = field(default_factory=Counter)
    term: bool = False
    noise: bool = False  # a run with stray words before a known name ("ET Donald Trump")


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


# more words that make a name a body ("Department of Public Safety", "Air France", "Occupy LA")
_MORE_ORG = {"department": "department", "bureau": "bureau", "administration": "administration",
             "federation": "federation", "alliance": "alliance",
             "board": "board", "airline": "company", "radio": "news", "ansar": "group",
             "fm": "news", "exchange": "exchange",
             "jewelers": "company", "jewellers": "company", "bakery": "company",
             "healthcare": "company", "clinic": "hospital",
             "bancshares": "company", "group's": "group", "cooperative": "association",
             "images": "company",  # "Getty Images"
             "lab": "institute", "laboratory": "institute", "laboratories": "institute",
             "therapeutics": "company", "biosciences": "company", "biotech": "company",
             "genomics": "company", "infratech": "company", "infotech": "company",
             "publishers": "company", "publishing": "company"}
ORG_KEYS = {spelling_key(w): v for w, v in (ORG_WORDS | _MORE_ORG).items()}
_ORG_FIRST = {spelling_key(w) for w in ("air", "occupy")}  # "Air France", "Occupy LA"
_ORG_LAST = {spelling_key(w) for w in ("high", "elementary", "fraternity", "sorority")}
PLACE_KEYS = {spelling_key(w) for w in PLACE_WORDS | {
    "park", "beach", "harbor", "harbour", "falls", "canyon", "forest", "hills", "heights",
    "springs", "peninsula", "coast", "plaza", "mall", "reservoir", "creek", "pier", "trail",
    "township", "borough", "parish", "prefecture", "oblast", "waterfall", "glacier", "mons",
    "crater", "volcano"}}
GIVEN_KEYS = {spelling_key(w) for w in GIVEN_NAMES}


def entity_type(forms: list[Form], builtin: str | None, default: str = "other") -> str:
    """person / organization / place / term / other, from the strongest evidence down:
    glossed term, alias table, organisation or place word in the name, title or personal
    name shape, country list, acronym, then the words around the mentions. ``default`` is
    returned when no evidence at all says what the name is (``other`` for the caller that
    has nothing else to go on; the list pass of :mod:`newsweave.analyze.entity_lists` asks
    for "" to tell that case apart)."""
    if any(f.term for f in forms):
        return "term"
    names = [m.text for f in forms for m in f.mentions]
    cues: Counter[str] = Counter()
    for f in forms:
        cues.update(f.cues)
    if builtin:
        return builtin
    if all(fold(n).strip(".") in _DISEASES for n in names) or (
            2 * cues["disease"] >= len(names) and not cues["person"]):
        return "term"  # "AIDS", "SARS", "West Nile virus": a disease, not a body or place
    forms = [f for f in forms if not f.noise] or forms  # "State John F. Kerry" is Kerry
    names = [m.text for f in forms for m in f.mentions]
    known = _known_type(forms)
    if known:
        return known
    if cues["clock"] and all(n.replace(".", "") in _TIME_ZONES for n in names):
        return "term"  # "9 p.m. ET", "04:00 UT"
    if cues["label"] >= 2 and cues["label"] > cues["dateline"] and all(
            len(f.key) <= 2 for f in forms) and not cues["org"]:
        return "person"  # "MCEVERS: …" lines of a transcript: who speaks
    if any(re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+\s+(?:Jr|Sr|II|III|IV)\.?", n)
           for n in names):
        return "person"  # "Lon Chaney Jr.", "Martin Luther King Jr"
    if all(re.fullmatch(r"[A-Z][a-z]+(?:shire|ville|burgh|borough|stan|town)", n)
           for n in names) and not (cues["person"] or cues["org"]):
        return "place"  # "Hertfordshire", "Charlottesville", "Waziristan"
    if all(n.endswith("-area") or (n.endswith("s") and fold(n[:-1]) in KNOWN_PLACES
                                   and fold(n[:-1]) not in KNOWN_ORGS) for n in names):
        return "place"  # "the Koreas", "the Dakotas", "Phoenix-area"
    if any(len(n.split()) > 1 and fold(n.split()[-1]) in _STREET_WORDS for n in names):
        return "place"  # "Mira Mesa Boulevard", "Buffalo Springs Drive"
    if cues["quoted"] * 2 >= len(names) and not any(
            k in ORG_KEYS for f in forms if len(f.key) > 1 for k in f.key):
        return "other"  # the title of a book, film or song (the “M Group” is a group)
    for n in names:  # "Oxfam America", "Greenpeace UK": a known organisation's branch
        w = n.split()
        if any(fold(" ".join(w[:k])) in KNOWN_ORGS and fold(" ".join(w[k:])) in KNOWN_PLACES
               or fold(" ".join(w[:k])) in _NATIONS and fold(" ".join(w[k:])) in KNOWN_ORGS
               for k in range(1, len(w))):
            return "organization"  # "Al Jazeera America" too; "US Marines"
        if len(w) == 2 and fold(w[1]) in _NATIONS and fold(w[0]) in _NATIONAL_BODIES:
            return "organization"  # "Soccer Australia", "Cricket Australia": a national body
        if len(w) > 1 and fold(w[-1]) in _INSTITUTION_WORDS and fold(" ".join(w[:-1])) in (
                KNOWN_PLACES):
            return "organization"  # "Virginia Tech", "Virginia Lottery"
        if len(w) > 1 and fold(w[-1]) in _PAPER_LAST and any(
                fold(" ".join(w[:k])) in KNOWN_PLACES for k in range(1, len(w))):
            return "organization"  # "Kansas City Star", "Toronto Sun": a paper
        if len(w) > 1 and w[-1].endswith("s") and w[-1][:1].isupper() and any(
            fold(" ".join(w[:k])) in KNOWN_PLACES for k in (1, 2) if k < len(w)
        ) and spelling_key(w[-1]) not in PLACE_KEYS and fold(w[-1]) not in _EVENT_LAST:
            return "organization"  # "San Diego Lifeguards" ("Sydney Olympics" is an event)
        if len(w) == 2 and fold(w[0]) in _PLACE_FIRST and not any(
            spelling_key(x) in ORG_KEYS for x in w
        ):
            return "place"  # "San Juan", "Fort Worth"
    if cues["work"] and cues["work"] >= cues["person"] + cues["speaks"] and not any(
            f.titles for f in forms) and not all(is_acronym(n) for n in names):
        return "other"  # "the film Atonement", "Oscar-nominated", "Harry Potter books"
    if cues["product"] and 2 * cues["product"] >= len(names) and cues["product"] > cues[
            "person"] + cues["speaks"] and not any(f.titles for f in forms):
        return "other"  # "Xanax pills", "the PlayStation 4 console": goods, not a maker
    if _product(names) and not any(f.titles for f in forms):
        return "other"  # "Hyundai Sonata", "Google Maps": a known firm's product or service
    if any(len(n.split()) > 1 and fold(n.split()[-1]) in _FINANCE_LAST for n in names):
        return "term"  # "Earned Income Tax Credit", "Dependent Care Savings Accounts"
    if cues["event"] or any(fold(n.split()[0]) in _EVENT_WORDS or fold(n.split()[-1]) in
                            _EVENT_LAST or re.search(r" Flight \d+$", n) is not None
                            for n in names if len(n.split()) > 1) or any(
            re.search(r"\bJr\.? Day$", n) for n in names):
        return "other"  # "Hurricane Sandy", "Martin Luther King Jr. Day": an event
    if any(re.search(r"\s(?:von|van|der)\s[A-Z]", n) for n in names) and not any(
            is_acronym(n) for n in names):
        return "person"  # "Gunilla von Post" ("Post" is a paper's word, not here)
    if (any(len(f.key) > 1 and (f.key[-1] in _BUILDING_LAST or any(
            k in _PRISON_WORDS for k in f.key)) for f in forms) and not cues["org"]) or any(
            _VENUE.search(n) for n in names):
        return "place"  # "Folsom State Prison", "State Farm Stadium", "Trump Tower": a building
    if any(len(f.key) > 1 and (f.key[0] in _ORG_FIRST and f.key[-1] not in PLACE_KEYS
                               or f.key[-1] in _ORG_LAST) for f in forms):
        return "organization"  # "Air France"; "Richmond High", "Zeta Beta Tau Fraternity"
    if any(k in ORG_KEYS for f in forms if len(f.key) > 1 for k in f.key[1:]) or any(
        k in ORG_KEYS and (k not in GIVEN_KEYS or fold(f.mentions[0].text.split()[0]) in (
            ORG_WORDS)) for f in forms for k in f.key[:1] if len(f.key) > 1
    ):  # ("Kurt" has the spelling key of "court"; "Court of Queen's Bench" is a court)
        return "organization"
    if any(len(f.key) > 2 and f.key[-1] == spelling_key("district") and any(
            k in _DISTRICT_BODIES for k in f.key[:-1]) for f in forms):
        return "organization"  # "Elsinore Valley Municipal Water District": a public body
    if any(f.key[-1] in PLACE_KEYS for f in forms if len(f.key) > 1):
        return "place"
    titled = any(f.titles for f in forms)
    if not titled and cues["the_title"] >= 2 and 3 * cues["the_title"] >= len(names) and not any(
            k in ORG_KEYS or k in PLACE_KEYS for f in forms for k in f.key):
        return "other"  # "the effects work in The Wolfman": a capital "The" mid-sentence
    multi = any(len(f.key) > 1 for f in forms)
    particle = any(re.search(r"\s(?:al|el|bin|ibn)[\s-]", n, re.I) for n in names)
    first = any(fold(n.split()[0]) in FIRST_NAMES and not (
        fold(n.split()[0]) in KNOWN_PLACES and (cues["org"] or any(
            fold(w) in common_words() or fold(w) in _INSTITUTION_WORDS for w in n.split()[1:])))
                for n in names if len(n.split()) > 1)  # "Virginia Tech", "Virginia Lottery"
    initialled = any(re.fullmatch(r"(?:[A-Z]\.\s?){1,3}[A-Z][a-z][\w'’-]+", n)
                     and fold(n.rsplit(" ", 1)[0]) not in KNOWN_PLACES | KNOWN_ORGS
                     and n.rsplit(".", 1)[0].replace(".", "").replace(" ", "").lower()
                     not in {"us", "uk", "dc", "ny", "la", "un", "eu", "nj", "st"}
                     for n in names)
    if titled or initialled or (multi and (particle or first or cues["person"])):
        return "person"  # "L.C. Handy", "J.K. Rowling" too
    if all(re.fullmatch(r"[A-Z]{2,5}s", n) for n in names):
        return "term"  # "ERPs", "DJs": an acronym in the plural is a common noun
    if not multi and all(fold(n) in TEAM_NAMES for n in names):
        return "organization"  # "Jets", "Bengals": a team
    if not multi and all(spelling_key(n) in ORG_KEYS for n in names):
        return "organization"  # "the Journal", "the Post": a body's short name
    if any(len(n.split()) > 1 and fold(n.split()[-1]) in _TERM_LAST for n in names) or (
            cues["glossed"] and all(is_acronym(n) for n in names)):
        return "term"  # "Fetal Alcohol Spectrum Disorder", "central nervous system (CNS)"
    if cues["hashtag"] * 2 >= len(names):
        return "other"  # "#NewsNotNoise": a hashtag
    if cues["numbered"] * 2 >= len(names) and not (cues["person"] or cues["speaks"] or cues[
            "org"] or cues["place"] or titled):
        return "other"  # "PlayStation 4", "Airbus A320": a product and its model number
    if not multi and all(camel_case(n) for n in names) and not cues["person"]:
        return "organization"  # "JetBlue", "DoSomething": a brand's spelling
    if not multi and any(fold(n) in GIVEN_NAMES for n in names) and not cues["org"]:
        return "person"  # "Sandy", "Maura": a given name standing alone
    if any(fold(n) in COUNTRIES for n in names):
        return "place"
    spelled = {n.lower() for n in names if not is_acronym(n)}  # "MEBANE" of a dateline
    if any(is_acronym(n) and "." not in n and n.lower() not in spelled for n in names):
        # "FNV", "ZEC", "the FBI": name bodies; "performed CPR", "an EEG", "a DVD": terms
        if cues["thing"] and not (cues["the"] or cues["speaks"] or cues["org"]
                                  or len(forms) > 1):
            return "term"
        return "organization"
    place = cues["place"] + 0.3 * cues["place_weak"] + cues["dateline"]
    if all(is_acronym(n) for n in names) or 2 * cues["org"] > place:
        return "organization"
    # "Firstname Lastname" that speaks or stands in apposition reads as a person
    person = 2 * cues["person"] + cues["speaks"] + (0.5 if multi else 0.0)
    if multi and person >= 1 and person > place:
        return "person"
    if not multi and cues["person"] >= 1 and not cues["org"] and place == 0:
        return "person"  # "Romney said he ...", "Ohanian, 34,"
    if not multi and cues["speaks"] and not (cues["the"] or cues["org"] or place):
        return "person"  # '"…," Cowles said': a surname (a body is "the X said", or known)
    if not multi and not cues["org"] and (
            2 * cues["person"] + cues["speaks"] + 0.5 * cues["pronoun"]
            > max(1.5, 2 * (cues["place"] + cues["dateline"]) + 0.3 * cues["place_weak"])):
        return "person"  # "Bekah said she ...", "Snooki told ... her": more person than place
    if (cues["place"] + cues["dateline"] >= 1 or (
        place >= 0.6 and not cues["speaks"] and not cues["person"]
    )) and cues["thing"] <= place:  # "a Kit Kat": a thing, not a place
        return "place"
    if all(fold(n) in WORLD_CITIES for n in names) and place > 0 and not (
            cues["person"] or cues["speaks"] or cues["org"] or cues["quoted"]):
        return "place"  # "flew home to Glasgow": a city, a weak place cue, nothing against
    if multi and not (cues["quoted"] or cues["lower_word"]) and any(
            person_shaped(n, loose=bool(cues["speaks"])) for n in names):
        return "person"  # "Katera Barker": two or three name words, none an ordinary word
    return default


_FIRM_WORDS = {spelling_key(w) for w in (
    "pictures electronics financial energy pharma media research health capital group "
    "international america europe uk usa").split()}


def _product(names: list[str]) -> bool:
    """Most mentions are a well-known firm's name followed by one or two words that are no
    body, place or firm word: a product or a service ("Hyundai Sonata", "Instagram Story")."""
    hits = 0
    for n in names:
        w = n.split()
        if not 2 <= len(w) <= 3 or fold(n) in KNOWN_ORGS or fold(n) in KNOWN_PLACES:
            continue
        rest = [spelling_key(x) for x in w[1:]]
        first = fold(w[0])  # "Ted Kaczynski" is no product of TED
        if first in KNOWN_ORGS and first not in KNOWN_PLACES and first not in GIVEN_NAMES and (
                not is_acronym(w[0])) and not any(
                k in ORG_KEYS or k in PLACE_KEYS or k in _FIRM_WORDS for k in rest) and not any(
                fold(x) in KNOWN_PLACES for x in w[1:]):
            hits += 1
    return hits * 2 > len(names)


def person_shaped(name: str, loose: bool = False) -> bool:
    """"Katera Barker", "Martyn Lannister": 2-3 capitalised words, none of them a word that
    news text writes in lower case, nor an organisation or place word, and (unless a speech
    verb follows: ``loose``) none a word found all over news text but a given
    name first ("Gold Medal", "Jersey Shore" are not people)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?", w)
                                           for w in words):
        return False
    common = common_words()
    low = [fold(w) for w in words]
    if any(w in NOT_ALONE_KEYS for w in low[:1]):
        return False
    if not loose and any(w in FREQUENT_WORDS and not (k == 0 and w in GIVEN_NAMES)
                         for k, w in enumerate(low)):
        return False
    return not any(w in common or spelling_key(w) in ORG_KEYS or spelling_key(w) in PLACE_KEYS
                   for w in low[1:]) and (low[0] not in common or low[0] in GIVEN_NAMES)


NOT_ALONE_KEYS = {spelling_key(w) for w in (
    "new north south east west northern southern eastern western central upper lower great "
    "greater san los las saint st radio united republic democratic").split()}
_TERM_LAST = {"disorder", "disorders", "syndrome", "disease", "defect", "defects", "infection",
              "deficiency", "therapy", "vaccine"}
TEAM_NAMES = frozenset((  # lone team nicknames (a word that is also plain English is left out)
    "jets giants patriots bills dolphins ravens bengals browns steelers texans colts  "
    "jaguars titans broncos chiefs raiders chargers cowboys eagles redskins commanders  "
    "bears lions packers vikings falcons panthers buccaneers rams 49ers seahawks yankees  "
    "mets orioles rays guardians tigers royals astros athletics mariners rangers braves  "
    "marlins phillies cubs brewers pirates diamondbacks rockies dodgers padres celtics nets  "
    "knicks 76ers sixers raptors bulls cavaliers cavs pistons pacers bucks hawks hornets  "
    "wizards nuggets timberwolves blazers warriors clippers lakers suns mavericks rockets  "
    "grizzlies pelicans spurs bruins sabres canadiens islanders flyers penguins hurricanes  "
    "blackhawks avalanche predators flames oilers canucks ducks sharks coyotes arsenal  "
    "chelsea liverpool tottenham everton juventus barcelona bayern proteas wallabies  "
    "socceroos kiwis springboks").split())
_STREET_WORDS = {"street", "avenue", "boulevard", "drive", "road", "lane", "highway", "parkway",
                 "terrace", "freeway", "expressway", "beltway", "turnpike", "interstate"}
_PLACE_FIRST = {"san", "santa", "santo", "los", "las", "fort", "mount", "mt", "lake", "cape",
                "port", "north", "south", "east", "west"}
_EVENT_LAST = {"war", "wars", "battle", "revolution", "crisis", "election", "elections",
               "olympics", "games", "cup", "championship", "festival", "fest", "awards", "summit",
               "marathon", "tournament", "bowl", "test", "act", "bill", "law", "treaty", "accord",
               "amendment", "doctrine", "award", "prize", "competition", "contest", "rule",
               "rules", "policy", "agreement", "trophy", "medal", "scandal", "massacre",
               "protests", "uprising", "series", "show", "flight", "probe", "telescope",
               "rover", "spacecraft", "satellite", "constitution", "charter", "declaration",
               "age", "ages", "era", "dynasty",  # "Middle Stone Age", "Ming Dynasty"
               "memorandum", "plan"}
_FINANCE_LAST = {"credit", "credits", "account", "accounts", "deduction", "deductions",
                 "exemption", "exemptions", "felony", "felonies", "misdemeanor",
                 "misdemeanors"}  # "Earned Income Tax Credit", "State Jail Felony": a term
_PAPER_LAST = {"star", "sun", "globe", "bee", "record", "register", "star-tribune",
               "star-advertiser", "star-ledger", "courier", "democrat", "citizen"}
_DISTRICT_BODIES = {spelling_key(w) for w in (
    "water school unified sanitation utility irrigation fire transit municipal hospital "
    "park parks library flood conservation sewer").split()}
_INSTITUTION_WORDS = {"tech", "lottery", "poly", "wesleyan", "mutual"}
_PRISON_WORDS = {spelling_key(w) for w in ("correctional", "detention", "shopping")}
_VENUE = re.compile(r"\b(?:Convention|Exhibition|Conference|Events?)\s+(?:Cent(?:er|re)|Hall)s?$")
_BUILDING_LAST = {spelling_key(w) for w in (
    "prison penitentiary jail motel tower towers cathedral palace castle temple mosque "
    "synagogue stadium arena airport bridge plaza mall station terminal building capitol"
).split()}
_DISEASES = {"aids", "sars", "mers", "ebola", "covid", "covid-19", "zika", "tb", "hiv/aids"}
_TIME_ZONES = set("ET EST EDT CT CST CDT MT MST MDT PT PST PDT UT UTC GMT BST CET AEST AEDT ACST "
                  "ACDT AWST NZST NZDT".split())
_NATIONS = {"us", "u.s.", "uk", "britain", "australia", "canada", "new zealand", "india", "china",
            "france", "germany", "japan", "russia", "ireland", "south africa", "pakistan"}
_NATIONAL_BODIES = {"soccer", "cricket", "tennis", "swimming", "athletics", "rugby", "hockey",
                    "netball", "basketball", "golf", "football", "cycling", "rowing", "sailing",
                    "gymnastics", "softball", "baseball", "volleyball", "geoscience", "tourism",
                    "screen", "invest", "wine", "surfing", "boxing", "equestrian", "triathlon"}
_EVENT_WORDS = {"hurricane", "storm", "superstorm", "typhoon", "cyclone", "tropical", "operation",
                "centenary", "centennial", "bicentenary", "bicentennial"}


def _known_type(forms: list[Form]) -> str | None:
    """Type from the gazetteer, by the names most mentioned ("Google", "New Zealand")."""
    votes: Counter[str] = Counter()
    longer = any(len(f.key) > 1 and fold(f.mentions[0].text) not in KNOWN_OTHER for f in forms)
    for f in forms:
        for m in f.mentions:
            low = fold(m.text).strip(".")
            if (low in KNOWN_PRODUCTS or _model_of(low)) and not f.titles:
                votes["other"] += 1  # "PlayStation", "iPhone 7", "Xanax": a product
            elif low in KNOWN_PLACES and not f.titles:  # "Queen Victoria" is no state
                votes["place"] += 1
            elif (low in KNOWN_ORGS or low.replace(".", "") in KNOWN_ORGS) and not f.titles:
                votes["organization"] += 1
            elif low in KNOWN_PEOPLE:
                votes["person"] += 1
            elif low in KNOWN_OTHER and not f.titles and not longer:
                votes["other"] += 1  # "Oscar", "Christmas", "Olympics"
    if not votes:
        return None
    top, n = votes.most_common(1)[0]
    return top if n * 2 >= sum(len(f.mentions) for f in forms) else None


def _model_of(low: str) -> bool:
    """A known product and a model word or number: "iphone 7", "xbox one x", "ps4 pro"."""
    w = low.split()
    if len(w) > 1 and all(x in KNOWN_PRODUCTS for x in w):
        return True  # "xbox kinect"
    return any(" ".join(w[:k]) in KNOWN_PRODUCTS and all(
        re.fullmatch(r"[a-z]?\d{1,4}[a-z]?|pro|plus|max|mini|one|x|s|se|ultra|slim|air|edge", x)
        for x in w[k:]) for k in range(1, len(w)))


def person_like(f: Form) -> bool:
    """A name written like a person's: a title before it or a known given name first."""
    text = f.mentions[0].text
    return bool(f.titles) or (len(text.split()) > 1 and fold(text.split()[0]) in GIVEN_NAMES)


_MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince", "father", "fr.", "rev."}
_FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "queen", "princess", "dame"}


def sex_of(forms: list[Form], strict: bool = False) -> str | None:
    """"m" / "f" when the titles, the given names and "X said he/she" of the forms agree.
    ``strict`` (a lone surname): a title of one sex, or "said he/she" for a third of the
    mentions and never the other pronoun ("Salazar said she threatened" is the suspect)."""
    votes: Counter[str] = Counter()
    for f in forms:
        for t, n in f.titles.items():
            low = t.lower().split()[-1]
            votes["m"] += 3 * n * (low in _MALE_TITLES)
            votes["f"] += 3 * n * (low in _FEMALE_TITLES)
        votes["m"] += f.cues["male"]
        votes["f"] += f.cues["female"]
        if len(f.key) > 1 and not strict:
            first = fold(f.mentions[0].text.split()[0])
            votes["m"] += 2 * len(f.mentions) * (first in MALE_NAMES and first not in FEMALE_NAMES)
            votes["f"] += 2 * len(f.mentions) * (first in FEMALE_NAMES and first not in MALE_NAMES)
    if votes["m"] == votes["f"] or (strict and min(votes["m"], votes["f"]) > 0):
        return None
    top = "m" if votes["m"] > votes["f"] else "f"
    if strict and (votes[top] < 2 or votes[top] < 3 and 3 * votes[top] < sum(
            len(f.mentions) for f in forms)):
        return None
    return top
