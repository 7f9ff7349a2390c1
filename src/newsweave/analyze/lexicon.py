"""Word lists and cue patterns for telling people, places and organisations apart.

Kept apart from :mod:`newsweave.analyze.entities` so the rules read without the lists.
Every list is small and written for English news; extend them rather than the rules.
"""

from __future__ import annotations

import re

from newsweave.analyze.gazetteer import FIRST_NAMES as _GIVEN

# Very common actors whose other names a text rarely spells out. Used only when both names
# occur in the cluster; text statements are found independently of this table.
KNOWN_ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("organization", ("Islamic State", "ISIS", "ISIL", "IS", "Daesh", "Da'esh", "Daish",
                      "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant")),
    ("place", ("United States", "U.S.", "US", "USA", "America", "United States of America")),
    ("place", ("United Kingdom", "U.K.", "UK", "Britain", "Great Britain")),
    ("organization", ("United Nations", "U.N.", "UN")),
    ("organization", ("European Union", "E.U.", "EU")),
)
# Organisation words and their translations: one canonical word per meaning.
ORG_WORDS = {
    "kitaeb": "brigade", "kataib": "brigade", "katiba": "brigade", "katibat": "brigade",
    "brigade": "brigade", "brigades": "brigade", "battalion": "brigade",
    "battalions": "brigade", "liwa": "brigade", "jaish": "army", "army": "army",
    "harakat": "movement", "movement": "movement", "jabhat": "front", "front": "front",
    "state": "state", "group": "group", "party": "party", "forces": "forces", "force": "forces",
    "nations": "nations", "news": "news", "daily": "news", "times": "news", "post": "news",
    "insider": "news", "beacon": "news", "court": "court", "council": "council",
    "ministry": "ministry", "agency": "agency", "police": "police", "coalition": "coalition",
    "awqaf": "awqaf", "network": "network", "underground": "network", "committee": "committee",
    "union": "union", "bank": "bank", "university": "university", "company": "company",
    "corporation": "company", "inc": "company", "ltd": "company", "commission": "commission",
    "office": "office", "institute": "institute", "organization": "organization",
    "organisation": "organization", "association": "association", "league": "league",
    "militia": "militia", "brotherhood": "brotherhood", "guard": "guard", "command": "command",
    "programme": "programme", "program": "programme", "fund": "fund", "foundation": "foundation",
    "units": "units", "unit": "units", "authority": "authority", "service": "service",
    "press": "news", "journal": "news", "herald": "news", "tribune": "news", "gazette": "news",
    "telegraph": "news", "guardian": "news", "magazine": "news", "channel": "news",
    "school": "school", "college": "school", "academy": "school", "museum": "museum",
    "hospital": "hospital", "library": "library", "club": "club", "team": "team",
    "observatory": "observatory",
    # newspapers' and companies' name words (generic English, not names of this story)
    "courant": "news", "observer": "news", "advertiser": "news", "chronicle": "news",
    "inquirer": "news", "examiner": "news", "bulletin": "news", "sentinel": "news",
    "dispatch": "news", "monitor": "news", "standard": "news", "reporter": "news",
    "foods": "company", "corp": "company", "co": "company", "llc": "company",
    "plc": "company", "holdings": "company", "industries": "company", "motors": "company",
    "airlines": "company", "airways": "company", "pharmaceuticals": "company",
    "technologies": "company", "systems": "company", "labs": "company",
    "entertainment": "company", "studios": "company", "records": "company",
    "stores": "company", "brands": "company", "communications": "company",
    "insurance": "company", "bancorp": "company", "enterprises": "company",
    "church": "church", "diocese": "church", "mosque": "church", "synagogue": "church",
    "senate": "council", "congress": "council", "assembly": "council",
    "parliament": "council", "legislature": "council", "sheriff": "police",
    "isd": "school", "control": "agency", "store": "store", "solutions": "company",
    "partners": "company", "ventures": "company", "capital": "company",
    "center": "center", "centre": "center", "centers": "center", "centres": "center",
    "cabinet": "council", "society": "association", "government": "government",
    "opposition": "council",
}
PLACE_WORDS = {"base", "city", "province", "district", "governorate", "airport", "square",
               "street", "bridge", "dam", "river", "mountains", "mountain", "valley", "island",
               "islands", "county", "region", "neighborhood", "neighbourhood", "camp", "sea",
               "lake", "gulf", "desert", "border", "state", "arena", "stadium", "ballpark",
               "dome", "gorge", "creek", "beach", "reef", "peninsula",
               "ranges", "plains", "heights", "falls"}
COUNTRIES = {"iraq", "syria", "iran", "turkey", "france", "germany", "russia", "china",
             "jordan", "lebanon", "egypt", "libya", "yemen", "israel", "afghanistan",
             "pakistan", "india", "japan", "italy", "spain", "britain", "england", "america",
             "saudi arabia", "kuwait", "qatar", "ukraine", "nigeria", "kenya", "canada",
             "mexico", "brazil", "australia", "europe", "africa", "asia", "belgium", "greece",
             "new york", "washington", "london", "paris", "moscow", "beijing", "berlin",
             "tokyo", "baghdad", "damascus", "tehran", "jerusalem", "cairo", "kabul",
             "california", "texas", "florida", "chicago", "los angeles", "boston", "ohio",
             "iowa", "new jersey", "virginia", "pennsylvania", "michigan", "georgia"}
FIRST_NAMES = {"mohammed", "muhammad", "mohammad", "ahmed", "ahmad", "ali", "omar", "umar",
               "hassan", "hussein", "haider", "khalid", "mahmoud", "mustafa", "ibrahim", "yusuf",
               "abdullah", "abdul", "john", "james", "david", "michael", "robert", "william",
               "mary", "sarah", "anna", "maria", "peter", "paul", "george", "barack", "donald",
               "hillary", "vladimir", "recep", "bashar", "saddam", "nouri", "masoud", "najm",
               "atheel", "abu", "umm", "abubaker", "abubakr", "fatima", "aisha", "salim"} | _GIVEN
PLACE_WEAK = re.compile(
    r"\b(?:from|to|into|around|toward|towards|via|through|at)\s+(?:the\s+)?$", re.IGNORECASE
)
SPEECH_BEFORE = re.compile(r"\b(?:said|says|according to|asked)\s+$")
PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|across|inside)|(?:city|town|province|village|north|south|east|west|outskirts|edge|cent(?:re|er)|"
    r"history|capital|government|president|people|citizens|rest|part|parts|state) of)\s+"
    r"(?:the\s+)?(?:city of\s+)?$",
    re.IGNORECASE,
)
PLACE_AFTER = re.compile(
    r"^(?:\s+(?:district|province|governorate|neighbou?rhood|region|area|city|town|village|"
    r"police|residents|mayor|suburb|natives?)\b"
    r"|-(?:based|headquartered)\b"  # "Liberty-based Ferrellgas": the town
    r"|,\s+(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|"
    r"Miss|Mo|Mont|Neb|Nev|N\.[HJMYCD]|Okla|Ore|Pa|R\.I|S\.[CD]|Tenn|Tex|Vt|Va|W\.Va|Wash|"
    r"Wis|Wyo|B\.C|Ont)\.(?!\w)"  # "Tukwila, Wash.": a town and its state
    r"|(?:'s|’s)\s+(?:president|prime minister|government|capital|army|military|parliament|"
    r"economy|borders?|people|king|ambassador|foreign minister|north|south|east|west)\b)"
)
ORG_BEFORE = re.compile(
    r"\b(?:group|network|militia|newspaper|site|agency|channel|organi[sz]ation|squad|police|"
    r"union|party|company|firm|ministry|authority|commission|council|"
    r"outlet|broadcaster|paper|magazine|journal|movement|faction|unit|\w*maker|retailer|chain|"
    r"manufacturer|carmaker|automaker|insurer|startup|website|daily|tabloid|station|"
    r"chocolatier|confectioner|conglomerate|supplier|distributor|pharmacy|drugstore|lender|"
    r"developer|provider|utility|marketplace|streaming service|rival|competitor|"
    r"[\w.]+-based(?:\s+[\w-]+)?)\s*,?\s*(?:the\s+|called\s+)?$",
    re.IGNORECASE,
)
PERSON_AFTER = re.compile(
    r"^,\s+who\s+(?:is|was|has|had|said|says|told|lives|lived|died|worked|works)\b|"
    r"^,\s+(?:a|an|the|who|whose)\s+(?:[\w'’.-]+\s+){0,3}"
    r"(?:spokes\w+|head|leader|chief|governor|minister|commander|officer|official|resident|"
    r"member|lawmaker|representative|intermediary|teacher|analyst|director|president|mp|\w+ist)",
    re.IGNORECASE,
)
# Bounded (six words, 40 letters each) so a failed match costs little on hostile text.
NAME = r"[A-Z][\w'’.-]{0,40}(?:\s+(?:(?:al|el|of|bin)[\s-])?[A-Z][\w'’.-]{0,40}){0,5}"
ALIAS_PATTERNS = (
    re.compile(rf"(?P<a>{NAME}) is (?:an?|the) (?:\w+ )?name (?:for|of) (?:the )?(?P<b>{NAME})"),
    re.compile(rf"(?P<a>{NAME}),? (?:also |better |commonly |widely )?(?:known|called|referred "
               rf"to) as (?:the )?(?P<b>{NAME})"),
    re.compile(rf"(?P<a>{NAME}) \((?P<b>{NAME})\)"),
    re.compile(rf"(?P<a>{NAME}),? or (?P<b>[A-Z]{{2,6}}),"),
    re.compile(rf"(?P<a>{NAME}),? as (?:the )?(?:[\w'’-]+ ){{1,3}}(?:call|calls|know) "
               rf"(?:it )?(?P<b>{NAME})"),
)
TERM_PATTERNS = (
    re.compile(r"\b(?:Arabic|Persian|Kurdish|Turkish|Hebrew|French) (?:word|term|name|letter "
               r"\w+\W+the first letter of)\s+[\"“']?(?P<t>[a-z][\w'’-]{3,})", re.IGNORECASE),
    re.compile(r"first letter of (?:the \w+ word )?[\"“']?(?P<t>[a-z][\w'’-]{3,})"),
    re.compile(r"[\"“'](?P<t>[a-z][\w'’-]{3,})[,.]?[\"”'],? (?:meaning|which means)"),
)
ORG_AFTER = re.compile(
    r"^,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:police|group|militia|network|movement|"
    r"organi[sz]ation|agency|newspaper|party|force|squad|faction|company|channel)\b"
    r"|^,\s+which\s+(?:owns|operates|runs|makes|sells|employs|produces|manufactures|"
    r"publishes|acquired|bought)\b",  # "Vargo Golf, which owns …": a firm
    re.IGNORECASE,
)
# "Jordan Scott, 19, of Fairmont,", "Merkley, of Garden Grove,": where a person is from
PLACE_OF = re.compile(r"[a-z]\w*,\s+(?:\d{1,3},\s+)?of\s+$")
# "A Liberty couple", "a Tukwila man": a town's people
PLACE_PEOPLE = re.compile(r"^\s+(?:couple|man|woman|teen|teenager|boy|girl|resident)\b")
AGENCIES = {"AP", "AFP", "UPI", "REUTERS", "CNN", "BBC", "PA", "DPA", "ANI", "IANS", "PTI",
             "ANSA", "EFE", "XINHUA", "TASS"}
SPEECH_AFTER = re.compile(
    r"^,?\s+(?:said|says|told|confirms|confirmed|reported|reports|added)\b"
)
# A person's descriptor right before the name ("actress Amy Poehler", "economist Dean Baker").
PERSON_BEFORE = re.compile(
    r"\b(?:actress|actor|singer|rapper|star|comedian|economist|researcher|scientist|professor|"
    r"lawyer|attorney|co-?founder|founder|wife|husband|son|daughter|mother|father|mom|dad|"
    r"sister|brother|fianc[ée]e?|nephew|niece|uncle|aunt|host|writer|author|novelist|director|"
    r"producer|screenwriter|reporter|journalist|columnist|aide|adviser|advisor|candidate|"
    r"nominee|player|coach|champion|quarterback|pitcher|model|designer|chef|billionaire|"
    r"businessman|businesswoman|entrepreneur|activist|climber|student|teacher|doctor|nurse|"
    r"officer|detective|sheriff|prosecutor|defendant|suspect|victim|widow|boyfriend|"
    r"girlfriend|partner|spokesman|spokeswoman|chief|leader|president|senator|governor|mayor|"
    r"spokesperson|collaborators?|employees?|staffers?|co-?stars?|colleagues?|screenwriters|"
    r"maid|nanny|housekeeper|bodyguard|caretaker|cousin|grandson|granddaughter|grandmother|"
    r"grandfather|stepfather|stepmother|widower|saxophonist|pianist|guitarist|drummer|"
    r"bassist|trumpeter|violinist|cellist|composer|musician|songwriter|educator|artist|"
    r"painter|sculptor|photographer|poet|playwright|historian|ecologist|biologist|physicist|"
    r"chemist|geologist|psychologist|sociologist|epidemiologist|engineer|strategist|pastor|"
    r"priest|rabbi|imam|archbishop|bishop|nun|monk)"
    r"(?:\s+|,\s+|\s*[—–]\s*)$",
    re.IGNORECASE,
)
PERSON_POSSESSIVE = re.compile(
    r"^(?:'s|’s)\s+(?:wife|husband|son|daughter|mother|father|mom|dad|sister|brother|"
    r"fianc[ée]e?|girlfriend|boyfriend|baby|children|kids|family|parents|lawyer|attorney|"
    r"memoir|birthday|death|career|speech|own)\b"
    r"|^,\s+\d{1,3},"  # "Ohanian, 34,"
)
ORG_POSSESSIVE = re.compile(
    r"^(?:'s|’s)\s+(?:website|app|platform|shares|stock|ceo|founder|co-?founder|employees|"
    r"headquarters|board|users|services?|products?|algorithm|policy|policies)\b"
)
ORG_NOUN_AFTER = re.compile(
    r"^\s+(?:store|stores|supermarket|restaurant|plant|factory|employees?|workers?|spokes\w+|"
    r"executives?|headquarters|shares|chain|founder|co-?founder|ceo|app|website|ad|ads|"
    r"listing|subsidiary|brand|frontman|frontwoman|bassist|drummer|guitarist|lead singer|"
    r"products|shareholders|stock|spokesperson|CEO|CFO|COO|chief executive)\b"
)
KIN_BEFORE = re.compile(
    r"\b(?:sons?|daughters?|wife|husband|brothers?|sisters?|children|parents|judges|"
    r"senators|officers|detectives|victims|suspects),\s+(?:(?:[A-Z][\w'’-]+,?\s+)+and\s+)?$"
)
ORG_PLATFORM = re.compile(
    r"\b(?:(?:posted|wrote|shared|announced|said|tweeted|writing|posting|listed|advertised|"
    r"sold|selling|ad)\s+on|co-?founder of|acquired|acquisition of|"
    r"founder of|ceo of|spokes(?:man|woman|person) for|employees of|shares of)\s+$",
    re.IGNORECASE,
)
