"""Finding names in text: capitalised phrases, titles, and spelling keys for variants.

A regex and capitalisation reader rather than a statistical NER: it is fast (the Mosul brief
spends a few milliseconds here), deterministic, and its mistakes are easy to explain. Each
:class:`Mention` keeps its character offsets in ``Article.text`` so items can be cited.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsweave.analyze.gazetteer import (
    COMMON_WORDS,
    FIRST_NAMES,
    FREQUENT_WORDS,
    GENERIC,
    KNOWN_ORGS,
    KNOWN_PLACES,
    PORTFOLIO_WORDS,
    common_words,
)
from newsweave.analyze.lexicon import ORG_WORDS
from newsweave.text.spelling import fold_text, spelling_key
from newsweave.text.vocabulary import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from newsweave.types import Sentence

# Titles before a name mark a person; they are not part of the name itself.
TITLES = (
    "prime minister", "deputy prime minister", "foreign minister", "defence minister",
    "defense minister", "interior minister", "minister", "president", "vice president",
    "major general", "maj. gen.", "lieutenant general", "lt. gen.", "brigadier general",
    "brig. gen.", "general", "gen.", "colonel", "col.", "lt. col.", "lieutenant", "lt.",
    "major", "maj.", "captain", "capt.", "sergeant", "sgt.", "admiral", "adm.", "sheikh",
    "shaikh", "imam", "ayatollah", "grand ayatollah", "mullah", "king", "queen", "prince",
    "princess", "senator", "sen.", "rep.", "representative", "governor", "gov.", "mayor",
    "judge", "justice", "dr.", "doctor", "prof.", "professor", "mr.", "mrs.", "ms.", "mp",
    "chancellor", "secretary", "pope", "bishop", "rabbi", "father", "sir", "lord", "lady",
    "lawmaker", "spokesman", "spokeswoman", "commander", "ambassador", "envoy", "cleric",
    "cardinal", "police chief", "ceo", "chairman", "chairwoman", "chief executive",
    "cpl.", "corporal", "det.", "det.-sgt.", "detective", "rev.", "reverend", "officer",
    "trooper", "deputy", "constable", "inspector", "insp.", "supt.", "superintendent",
    "sheriff", "pastor", "fr.", "msgr.", "atty.", "attorney general", "councilman",
    "councilwoman", "council member", "councilmember", "assemblyman", "assemblywoman",
    "premier", "commissioner", "patriarch", "prophet", "archbishop", "staff sgt.", "pvt.",
    "cmdr.", "sgt. maj.", "gen.", "dr", "director", "bureau chief", "cvp", "evp", "svp",
    "correspondent", "coach", "founder", "co-founder",
    "attorney", "district attorney", "state attorney", "executive", "executive director",
    "reporter", "chief", "battalion chief", "photographer", "coo", "cto", "strategist",
    "speaker", "house speaker", "adviser", "advisor", "security adviser",
    "mr", "mrs", "ms", "capt", "sgt", "det", "rev", "cpl", "lt", "col",
    # role nouns a text capitalises before a name ("Actor Tom Hanks", "Prosecutor Anna Weiss")
    "actor", "actress", "singer", "rapper", "comedian", "anchor", "astronaut", "lawyer",
    "prosecutor", "quarterback", "manager", "campaign manager", "spokesperson",
    "press secretary", "communications director", "special counsel", "counsel",
    "chief of staff", "principal", "councillor", "councilor", "author", "novelist",
    "filmmaker", "producer", "musician", "chef", "activist", "economist", "analyst",
    "researcher", "scientist", "nurse", "teacher", "journalist", "columnist", "historian",
    "billionaire", "businessman", "businesswoman", "entrepreneur", "investor", "pitcher",
    "goalkeeper", "linebacker", "investigator", "agent", "priest", "designer", "pilot",
    # hyphenated and Commonwealth titles ("Attorney-General Daryl Williams", "the
    # Governor-General", "Counsel Assisting the Commission, Lionel Robbards QC")
    "attorney-general", "vice-president", "governor-general", "governor general",
    "secretary-general", "director-general", "solicitor-general", "auditor-general",
    "inspector-general", "lieutenant-general", "major-general", "vice-chancellor",
    "counsel assisting", "opposition leader", "treasurer", "shadow treasurer",
)
_TITLE_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r")\s+)+",
    re.IGNORECASE,
)
_TITLE_WORDS = {t.strip(".") for t in TITLES}
TITLE_WORDS = frozenset(_TITLE_WORDS)
_NOT_ALONE = {"new", "north", "south", "east", "west", "northern", "southern", "eastern",
              "western", "central", "upper", "lower", "greater", "san", "los", "las", "saint"}
# Lower-case particles that may sit inside a name ("Abu Bakr al-Baghdadi", "bin Salman").
PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "la", "le", "van",
             "von", "der", "den", "ul", "ad", "as", "ash", "at", "az", "ar", "an"}
# Words that end a capitalised run when they open it: function words, weekdays, months...
NOT_NAMES = {
    "e-mail", "email", "senior",
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "there", "here", "in",
    "on", "at", "of", "for", "to", "from", "by", "with", "as", "and", "but", "or", "if",
    "when", "while", "after", "before", "since", "until", "during", "despite", "although",
    "though", "however", "meanwhile", "also", "yet", "so", "then", "now", "today", "still",
    "some", "many", "most", "all", "one", "two", "three", "another", "other", "each", "every",
    "no", "not", "what", "who", "why", "how", "where", "which", "do", "does", "did", "is",
    "are", "was", "were", "be", "has", "have", "had", "can", "could", "will", "would", "may",
    "might", "must", "should", "about", "according", "nearly", "over", "more", "less",
    "mr", "mrs", "ms", "dr", "ok", "yes", "oh", "please",
    "clearly", "initially", "additionally", "originally", "secretly", "evidence", "everyone",
    "nobody", "none", "acts", "people", "local", "locals", "members", "foreign", "anti",
    "pro", "see", "choose", "again", "even", "just", "only", "instead",
    "internet", "web", "online", "caliphate", "extremists", "militants", "officials",
    "hey", "hi", "hello", "dear", "wow", "thanks", "congratulations", "congrats",
} | set(WEEKDAYS) | {d + "s" for d in WEEKDAYS} | set(MONTHS) | set(MONTH_ABBREVIATIONS)
# Nationalities, religions and languages: adjectives, not actors, when they stand alone.
DEMONYMS = {
    "iraqi", "iraqis", "syrian", "syrians", "kurdish", "kurds", "kurd", "arab", "arabs",
    "arabic", "french", "american", "americans", "british", "english", "russian", "turkish",
    "iranian", "israeli", "palestinian", "european", "western", "eastern", "sunni", "sunnis",
    "shia", "shiite", "shiites", "muslim", "muslims", "islamic", "islamist", "christian",
    "christians", "jewish", "jihadi", "jihadis", "jihadist", "jihadists", "nazi", "nazis",
    "allied", "african", "asian", "german", "chinese", "indian", "yazidi", "yazidis",
    "libyan", "egyptian", "saudi", "afghan", "pakistani", "lebanese", "jordanian", "persian",
    "republican", "republicans", "democrat", "democrats", "democratic", "conservative",
    "conservatives", "liberal", "liberals", "canadian", "mexican", "brazilian", "australian",
    "italian", "korean", "ukrainian", "swiss", "dutch", "catholic", "protestant", "hindu",
    "buddhist", "latino", "latinos", "hispanic", "hispanics", "russians", "confederate",
    "confederates",
    "anglican", "anglicans", "baptist", "methodist", "presbyterian", "lutheran", "orthodox",
    "new zealander", "new zealanders", "somali", "somalis", "middle eastern", "arabian",
    "kiwi", "aussie", "aussies", "kashmiri", "kashmiris", "pashtun", "pashtuns", "hazara",
    "nigerian", "kenyan", "ethiopian", "argentine", "argentinian", "chilean", "peruvian",
    "colombian", "venezuelan", "cuban", "haitian", "jamaican", "filipino", "filipinos",
    "bangladeshi", "nepali", "tibetan", "uzbek", "kazakh", "chechen", "serb", "serbs",
    "croat", "croats", "greeks", "czech", "danish", "scottish",
    "spanish", "moroccan", "algerian", "tunisian", "yemeni", "emirati", "qatari",
    "kuwaiti", "zimbabwean", "ugandan", "rwandan", "congolese", "ghanaian", "israelis",
    "palestinians", "scot", "scots", "brit", "brits", "meps", "mep", "mps", "timorese",
    "east timorese", "sri lankan", "sri lankans", "aboriginal", "aboriginals", "aborigine",
    "aborigines",
}
_TRAILING_ADJECTIVES = {"anglican", "catholic", "baptist", "methodist", "presbyterian",
                        "lutheran", "aboriginal"}  # "a Queensland Anglican school"
# "the Ford-Suharto meeting", "the Trump-Kim summit": two names joined before such a noun
_PAIR_NOUNS = re.compile(r"\s+(?:meeting|meetings|talks|summit|debate|debates|ticket|race|bout|"
                         r"rivalry|feud|showdown|duel|match|fight)\b")
_SPLIT = re.compile(r"[\s\-]+")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as written in one article, with offsets into ``Article.text``."""

    text: str  # the name without title or possessive ("Najm al-Jubbouri")
    article: str
    start: int
    end: int
    title: str = ""  # title found right before it ("Major General"), if any
    initial: bool = False  # opens its sentence (capital letter proves nothing there)
    sentence: tuple[int, int] = (0, 0)  # offsets of the sentence it is in


# Lower-case, accents removed, curly apostrophes straightened; and the key shared by
# transliteration variants of one word ("Hisba"/"hisbah", "Jubouri"/"Jubbouri"): both live
# in newsweave.text.spelling, the one home of spelling variants.
fold = fold_text


def name_key(name: str) -> tuple[str, ...]:
    """Spelling keys of a name's words, particles and a leading "the" dropped."""
    words = [w for w in _SPLIT.split(fold(name).replace(".", "")) if w]
    keys = [spelling_key(w) for w in words if w not in PARTICLES and w != "the"]
    return tuple(k for k in keys if k)


def strip_title(name: str) -> tuple[str, str]:
    """("Major General Najm al-Jubbouri") -> ("Major General", "Najm al-Jubbouri").

    No title when the words after it end in a body's or a place's word or the whole is a
    known body ("General Assembly", "Queen Elizabeth National Park", "General Motors"), nor
    when only a Jr/Sr suffix follows ("Martin Luther King Jr.": King is his surname)."""
    m = _TITLE_RE.match(name)
    if not m or m.end() >= len(name):
        return "", name
    rest = name[m.end():]
    if not rest[:1].isupper() or _SUFFIX_ONLY.match(rest) or _titled_body(name, rest):
        return "", name
    return name[: m.end()].strip(), rest


_SUFFIX_ONLY = re.compile(r"(?:Jr|Sr|JR|SR|I{2,3}|IV)\.?(?:\s|$)")
# last words of a body's or a place's name that a title may open ("King Abdullah University")
_BODY_LAST = {"assembly", "university", "hospital", "park", "college", "school", "academy",
              "institute", "foundation", "center", "centre", "museum", "airport", "stadium",
              "arena", "bridge", "road", "street", "avenue", "boulevard", "highway", "square",
              "mosque", "church", "cathedral", "motors", "mills", "electric", "dynamics",
              "library", "prize", "award", "awards", "memorial", "hall", "palace", "dam",
              "canal", "river", "lake", "island", "islands", "district", "county", "station",
              "terminal", "reservoir", "forest", "reserve", "sanctuary", "medical"}


_KNOWN_NAMES = KNOWN_ORGS | KNOWN_PLACES


def _titled_body(name: str, rest: str) -> bool:
    words = rest.split()
    low = [fold(w).strip(".,") for w in words]
    return fold(name).strip(".") in _KNOWN_NAMES or any(
        w in _BODY_LAST for w in low[1:]) or low in (["assembly"], ["motors"], ["mills"]) or (
        len(low) > 1 and low[-1] in ORG_WORDS) or (  # "Principal Financial Group"
        low in (["service"], ["services"], ["union"], ["society"]))  # "Flying Doctor Service"


def _clean(name: str) -> str:
    name = re.sub(r"(?:'s|’s|'|’)$", "", name.strip())
    name = re.sub(r"^(?:[Aa]nti|[Pp]ro|[Nn]on)-", "", name)
    # "Islamic State-appointed" -> "Islamic State"; "U.S.-backed" -> "U.S."
    # (a lower-case part of a personal name stays: "Kim Jong-un", "Kim Jong-il")
    name = re.sub(r"-(?:[a-z][\w-]*ed|born|run|style|era|like|type|wide|based)$", "", name)
    if re.fullmatch(r"(?:[A-Z]\.){2,}", name):
        return name
    return name.strip(" -.,")


def _is_headline(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    ratio = caps / len(words)
    # a sentence that ends like one is prose even when full of names ("The Zimbabwe Electoral
    # Commission (ZEC) declared President Emmerson Mnangagwa the winner.")
    if text.rstrip()[-1:] in ".!?\"”" and not text.rstrip().endswith("..."):
        return ratio > 0.85
    return ratio > 0.6


_RUN = re.compile(
    r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*\.?)"
    r"(?:(?:\s+|-)(?:(?:al|el|bin|ibn|bint|de|da|du|van|von|of|for|ul)(?:\s+|-))?"
    r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*\.?))*"
)
_ORG_WORD = (r"(?:State|Bank|University|Ministry|Department|Council|Republic|Kingdom|Army|"
             r"Office|Institute|League|Organi[sz]ation|Party|Court|Union|Front|Battalions?|"
             r"Brigades?|Committee|Commission|Agency|Association|Federation|Church|Movement|"
             r"Port|Authority|Coalition|Alliance|Society|Cent(?:re|er)s?|Fund|Foundation|Bureau|"
             r"Board|Forces?|Corps|Company|Corporation|Council|College|School|Academy|Museum|"
             r"Hospital|Club|Gang|Sciences?|Library|Gallery|Archives?|Observatory|Administration|"
             r"Chamber|Journal|House|Assembly|Parliament|Congress|Tribunal)")
_ORG_BEFORE_OF = re.compile(rf"\b{_ORG_WORD}\s+(?:of|for)\s*$")
_ORG_AT_END = re.compile(rf"\b{_ORG_WORD}$")


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of capitalised runs; "of"/"for" stay inside only next to an organisation word
    ("Port of Rotterdam Authority", "Movement for Democratic Change")."""
    for m in _RUN.finditer(text):
        s, e = m.start(), m.end()
        chunk = text[s:e]
        cut_piece = None
        for p in re.finditer(r"\s+(?:of|for)\s+", chunk):
            word = chunk[p.start():p.end()].strip()
            head = chunk[: p.start()].split()
            while len(head) > 2 and fold(head[0]).strip(".") in _TITLE_WORDS:
                head = head[1:]  # "Dr. Jeff Chapa of Cleveland Clinic Children's Hospital"
            if 2 <= len(head) <= 3 and fold(head[0]) in FIRST_NAMES:
                cut_piece = p  # "Alexander Hristov of Penn State University": two names
                break
            if not (_ORG_BEFORE_OF.search(chunk[: p.start()] + " " + word)
                    or _ORG_AT_END.search(chunk)):
                cut_piece = p
                break
        if cut_piece is not None:
            yield s, s + cut_piece.start()
            rest = s + cut_piece.end()
            head = chunk[: cut_piece.start()].split()
            if head and fold(head[-1]).strip(".") in _TITLE_WORDS:
                # "Director General of Air Transportation", "Secretary of State John Kerry":
                # the ordinary words after a title's "of" name an office, not an actor
                for w in re.findall(r"\S+\s*", text[rest:e]):
                    low = fold(w.strip())
                    if low not in common_words() and low not in FREQUENT_WORDS or (
                            low in FIRST_NAMES or low in KNOWN_PLACES or low in KNOWN_ORGS
                            or low in _NOT_ALONE):
                        break
                    rest += len(w)
            for s2, e2 in _runs(text[rest:e]):
                yield rest + s2, rest + e2
        else:
            yield s, e


_PARTIES = {"republican", "republicans", "democrat", "democrats", "democratic"}
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][\w.]*$")
_AND_ORG = re.compile(r"\s+(?:and|&)\s+")


def _joined_runs(text: str) -> Iterator[tuple[int, int]]:
    """Runs, with "Food and Agriculture Organization" kept as one name (an "and" between
    two runs whose second ends on an organisation word)."""
    runs = list(_runs(text))
    k = 0
    while k < len(runs):
        s, e = runs[k]
        j = k  # "Construction, Forestry, Mining and Energy Union": a body named by trades
        while j + 1 < len(runs) and text[runs[j][1]:runs[j + 1][0]] == ", " and trade_word(
                text[slice(*runs[j])]):
            j += 1
        if j > k and j + 1 < len(runs) and trade_word(text[slice(*runs[j])]) and _AND_ORG.fullmatch(
                text[runs[j][1]:runs[j + 1][0]]) and _ORG_AT_END.search(_owner(text[slice(
                *runs[j + 1])])):
            yield s, runs[j + 1][1]
            k = j + 2
            continue
        if k + 1 < len(runs):
            s2, e2 = runs[k + 1]
            if (_AND_ORG.fullmatch(text[e:s2]) and (_ORG_AT_END.search(text[s2:e2]) or (
                    trade_word(text[s:e]) and _ORG_AT_END.search(_owner(text[s2:e2]))))
                    and _short_run(text[s:e])) or _and_tail(text[s:e], text[e:s2],
                                                                  text[s2:e2]):
                yield s, e2
                k += 2
                continue
        yield s, e
        k += 1


def _owner(run: str) -> str:
    """The run before a possessive: "Public Sector Union's Wendy Caird" -> "… Union"."""
    return re.split(r"(?:'s|’s)\s", run, maxsplit=1)[0]


def trade_word(run: str) -> bool:
    """One ordinary capitalised word ("Forestry", "Securities"), no name or place of its own."""
    low = fold(re.sub(r"^The\s+", "", run))
    return " " not in low and (low in common_words() or re.search(
        r"(?:ry|ing|tion|ment|ure|ics|ism|ance|ence|ity|ies|gy)$", low) is not None) and (
        low not in FIRST_NAMES and low not in _KNOWN_NAMES)


def _short_run(run: str) -> bool:
    """<= 3 words before "and … Union" (4 with no title or given name), and no body itself."""
    words = run.split()
    return (len(words) <= 3 or len(words) == 4 and not any(fold(w) in FIRST_NAMES or fold(
        w).strip(".") in _TITLE_WORDS for w in words)) and not (
        len(words) > 1 and _ORG_AT_END.search(run))


def _and_tail(first: str, gap: str, second: str) -> bool:
    """"Centers for Disease Control and Prevention", "Department of Children and Family
    Services": a body's name with "of"/"for" whose last part is "and" and ordinary words."""
    words = second.split()
    return (gap.strip() == "and" and re.search(r"\s(?:of|for)\s", first) is not None
            and _ORG_BEFORE_OF.search(first[: re.search(r"\s(?:of|for)\s", first).end()])
            is not None and 1 <= len(words) <= 2
            and all(fold(w) in common_words() or re.search(
                r"(?:tion|ment|ices|ity|ness|ance|ence|ics|ure|ing)s?$", w) for w in words)
            and fold(second) not in KNOWN_ORGS | KNOWN_PLACES)


_CREDIT = re.compile(r"(?:AP|AFP|EPA|Reuters|REUTERS|Getty)(?: Photo| Images?)?(?:/\S+)?\s+"
                     r"(?=[A-Z])")


def _label_word(word: str) -> bool:
    """A word of a page's labels in capitals ("PHOTOS", "SEE", "A"), not an acronym of a body."""
    low = fold(word)
    return word.isupper() and low not in KNOWN_ORGS and low not in KNOWN_PLACES and (
        low in common_words() or low in NOT_NAMES or low in GENERIC) and len(low) > 1 or (
        word == "A")


_DAY_NAMES = {"night", "morning", "evening", "afternoon", "times", "telegraph", "mirror",
              "express", "post", "herald", "mail"}


def _day_name(words: list[str]) -> bool:
    """"Saturday Night Live", "Sunday Times": a weekday that opens a show's or paper's name."""
    return (len(words) > 1 and fold(words[0]) in WEEKDAYS
            and fold(words[1]).strip(".,") in _DAY_NAMES)


def sentence_mentions(sent: Sentence, vocab: frozenset[str] = frozenset()) -> Iterator[Mention]:
    """Capitalised name candidates of one sentence (headline-like lines are skipped).

    ``vocab`` holds words the cluster also writes in lower case: such a word opening a
    sentence is an ordinary word ("Perhaps Kelly" -> "Kelly").
    """
    text = sent.text
    if _is_headline(text):
        return
    spans = list(_joined_runs(text))
    while spans:
        s, e = spans.pop(0)
        raw = text[s:e]
        if s > 0 and text[s - 1] == "@":  # a handle ("@MorganGodfery Jacinda Ardern")
            nxt = raw.find(" ")
            if nxt < 0:
                continue
            s += nxt + 1
            raw = text[s:e]
        if _PARTY_TAG.match(raw):
            continue  # "R-Texas", "D-Calif.": a party-and-district tag
        if len(raw.split()) > 1 and raw.upper() == raw and re.search(r"[A-Z]{4}", raw):
            continue  # "UNLAWFUL ENTRY": a label in capitals, not a name
        poss = re.search(r"(?:'s|’s|(?<=[a-z]s)['’])\s", raw)  # "Daesh’s rules" -> "Daesh"
        if poss and _possessive_name(raw[:poss.start()], raw[poss.end():]):
            poss = None  # "St. Jude Children's Research Hospital", "Megan's Law": one name
        if poss:
            if _possessive_tail(raw[poss.end():]):
                spans.insert(0, (s + poss.end(), e))  # "Nazis’ Treblinka": "Treblinka" too
            e = s + poss.end() - 1  # "Nazis’ Treblinka" -> "Nazis"
            raw = text[s:e]
        num = re.match(r"\s+\d{1,5}\b(?![.,:]\d)", text[e:]) if raw.endswith(" Flight") else None
        if num:  # "Malaysia Airlines Flight 370": the flight, not a fragment of it
            e += num.end()
            raw = text[s:e]
        if re.search(r"[A-Za-z](?:'|’)(?:t|ve|re|ll|d|m)\b", raw):
            continue
        # a quote mark, colon or dash before the run also opens a "sentence"
        before = text[:s].rstrip()
        initial = not before or before[-1] in "“\"‘:—–-(" or before.endswith("...")
        words = raw.split()
        # drop leading function words ("The Islamic State" -> "Islamic State")
        while words and (
            (fold(words[0]).strip(".") in NOT_NAMES and not _month_name(words, text[:s])
             and not _day_name(words))
            or (initial and len(words) > 1 and (fold(words[0]) in vocab
                                                or _loose_opener(words))
                and fold(words[0]) not in _NOT_ALONE
                and fold(" ".join(words[:2])) not in KNOWN_PLACES | KNOWN_ORGS)
        ) and not (
            words[0].replace(".", "").isupper() and len(words[0].replace(".", "")) >= 2
        ):
            if initial and len(words) == 1:
                break
            s += len(words[0]) + 1
            words = words[1:]
            initial = False
        if len(words) > 1 and len(words[0]) >= 4 and words[0].isupper() and words[1][1:2].islower(
        ) and fold(words[0]) in common_words() and not _ORG_AT_END.search(" ".join(words)):
            s += len(words[0]) + 1  # "CLOSE United": a page's button label before a name
            words = words[1:]
            initial = False
        while len(words) > 1 and words[-1][1:2].islower() and _label_word(words[0]) and (
                not _ORG_AT_END.search(" ".join(words))) and (
                _label_word(words[1]) or words[1][1:2].islower()):
            s += len(words[0]) + 1  # "SEE ALL BACK TO SLIDE A Florida", "PHOTOS Police"
            words = words[1:]
            initial = False
        credit = _CREDIT.match(" ".join(words))
        if credit and credit.end() < len(" ".join(words)) and fold(
                " ".join(words)[credit.end():].split()[0]) not in GENERIC:
            s += credit.end()  # "AP Photo Trump", "Getty Images Pentagon": a photo credit
            words = " ".join(words)[credit.end():].split()
            initial = False
        if len(words) > 1 and _HYPHEN_OPENER.fullmatch(words[0]):
            s += len(words[0]) + 1  # "Liberty-based Ferrellgas": the company, not its town
            words = words[1:]
            initial = False
        if not words:
            continue
        # a title inside the run starts a new name: "Fox News CEO Roger Ailes"
        lead = len(strip_title(" ".join(words))[0].split())  # "House Speaker Paul Ryan"
        cut = next((k for k in range(lead + 1 if lead else 1, len(words) - 1)
                    if strip_title(" ".join(words[k:]))[0]), None)
        if cut is not None:  # "Chief Medical Examiner Dr. Christopher Happy": the last title
            t = cut + len(strip_title(" ".join(words[cut:]))[0].split())
            cut = next((j for j in range(t + 1, len(words) - 1)
                        if strip_title(" ".join(words[j:]))[0]), cut)
        if cut is None:  # "Libya Mohammed al Magariaf", "CNN Wolf Blitzer": a body, a person
            cut = next((k for k in range(1, len(words) - 1) if fold(words[k]) in FIRST_NAMES
                        and fold(" ".join(words[:k])).strip(".") in KNOWN_PLACES | KNOWN_ORGS
                        and fold(words[0]) not in FIRST_NAMES  # "Jordan Emmanuel Hunt"
                        and not _ORG_AT_END.search(" ".join(words))), None)
        parts = [(words[:cut], initial), (words[cut:], False)] if cut else [(words, initial)]
        offset = s
        for part, first in parts:
            yield from _emit(sent, offset, part, first)
            offset += len(" ".join(part)) + 1


_TRAILING_TITLES = {"director", "chief", "ceo", "chairman", "chairwoman", "president",
                    "spokesman", "spokeswoman", "secretary", "minister", "founder", "editor",
                    "archbishop", "premier"}


# "Liberty-based Ferrellgas", "Brexit-supporting Daily Express", "Kremlin-backed RT"
_HYPHEN_OPENER = re.compile(r"[A-Z][\w.]*-(?:based|headquartered|[a-z]{2,}(?:ing|ed)|owned|run|led|"
                            r"born)")
_POSSESSIVE_HEADS = set("children women men veterans surrogate queen king people workers "
                        "farmers teachers nurses mothers fathers sheriff coroner prosecutor "
                        "mayor governor".split())


def _possessive_tail(tail: str) -> bool:
    """The capitalised run after "X's" is a name of its own ("Cairo's Tahrir Square", "NASA's
    Goddard Space Flight Center") unless it is only ordinary words ("Dickey's Barbecue Pit",
    "Fisher's Hill": the rest of a name the possessive cut)."""
    words = tail.split()
    if not words or not words[0][:1].isupper():
        return False
    low = [fold(w).strip(".,") for w in words]
    if " ".join(low) in _KNOWN_NAMES:
        return True
    return not all(w in COMMON_WORDS or w in FREQUENT_WORDS or w in ORG_WORDS for w in low)


def _possessive_name(head: str, tail: str) -> bool:
    """"X's Y" is one name when Y is capitalised and names a body, place or law, and X is a
    common word of such names ("Children's Hospital", "Surrogate's Court", "Queen's Bench"),
    a saint ("St. Mary's Medical Center", "St. John's Wood") or one given name before "Law"."""
    h, t = head.split(), tail.split()
    if not h or not t or not all(w[:1].isupper() for w in t):
        return False
    if len(t) == 1 and fold(t[0]) in {"cup", "trophy", "day"}:
        return True  # "America's Cup", "Father's Day"
    if fold(t[0]) == "law" and len(h) == 1 and len(t) == 1:
        return fold(h[0]) in FIRST_NAMES  # "Megan's Law", "Jessica's Law"
    body = any(fold(w).strip(".,") in _BODY_LAST or fold(w).strip(".,") in {
        "court", "bench", "wood", "research", "policy", "hospital", "clinic", "center",
        "centre", "home", "office", "department"} for w in t)  # "Children's Hospital Colorado"
    return body and (fold(h[-1]) in _POSSESSIVE_HEADS or fold(h[0]).strip(".") in {
        "st", "saint"})


def _loose_opener(words: list[str]) -> bool:
    """"Whenever Netflix", "Goodbye Clarissa": an ordinary word of news text before a name
    made of words news text does not write in lower case (not "Good Will Hunting")."""
    common = common_words()
    if fold(words[0]) in FIRST_NAMES and fold(words[0]) != "will" and len(words) <= 3 and all(
            re.fullmatch(r"[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?", w) for w in words[1:]) and fold(
            " ".join(words[1:])) not in _KNOWN_NAMES:
        return False  # "Bill Gates", "Hope Hicks": a given name opening the sentence
    return fold(words[0]) in common and not any(
        fold(w) in common and fold(w) not in FIRST_NAMES for w in words[1:])


def _emit(sent: Sentence, s: int, words: list[str], initial: bool) -> Iterator[Mention]:
    """One name (title split off, possessive and hyphen suffix cleaned) at ``s`` in ``sent``."""
    while len(words) > 1 and fold(words[-1]).strip(".") in NOT_NAMES and (
            fold(" ".join(words)) not in KNOWN_ORGS):  # "USA Today" stays whole
        words = words[:-1]  # "N.Y. An" (a missed sentence break)
    if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", words[0]) and (
            _PAIR_NOUNS.match(sent.text, s + len(words[0]))) and fold(words[0]) not in (
            _KNOWN_NAMES):
        return  # "the Ford-Suharto meeting": two people, no one name
    if len(words) > 2 and words[-1] in ("QC", "KC", "SC"):
        words = words[:-1]  # "Lionel Roberts QC": a post-nominal, not part of the name
    if len(words) > 2 and fold(words[0]) in DEMONYMS and fold(" ".join(words[1:])) in (
            _KNOWN_NAMES):
        words = words[1:]  # "an Arab Al Qaeda fighter": the body
    if len(words) > 1 and fold(words[-1]) in _TRAILING_ADJECTIVES:
        words = words[:-1]  # "a Queensland Anglican school": the state
    if len(words) > 1 and fold(words[-1]).strip(".") in _TRAILING_TITLES:
        portfolio = fold(words[-1]).strip(".") in {"minister", "secretary"}
        words = words[:-1]  # "FBI Director" (Comey): the FBI, the title is not a name
        while portfolio and words and fold(words[-1]) in PORTFOLIO_WORDS:
            words = words[:-1]  # "the Shadow Foreign Affairs Minister": a post, no name
    if words:
        raw = " ".join(words)
        title, name = strip_title(raw)
        name = _clean(name)
        low = fold(name).strip(".")
        if fold(name).strip(".") in _TITLE_WORDS or fold(name) in _NOT_ALONE or name in (
                "CE", "BCE") or re.fullmatch(r"[IVXLC]{2,6}", name):
            return  # a title alone ("MP", "CEO"), half a place name ("New"), an era, "XIV"
        if name.replace(".", "").isupper() and len(name.replace(".", "")) >= 2:
            low = ""  # an acronym ("WHO", "IS", "US") is never a function word
        if not name or low in NOT_NAMES or low in _TITLE_WORDS or low in DEMONYMS:
            return
        if fold(name).strip(".") in GENERIC or (
            name.isupper() and len(name) >= 3 and fold(name) in NOT_NAMES
            and fold(name) not in {"who", "now", "one", "its"}
        ):
            return  # "Police", "News", "Eight", "MORE": ordinary words standing alone
        if len(name.split()) > 1 and fold(name.split()[-1]) in _PARTIES:
            name = name.rsplit(" ", 1)[0]  # "Florida Republican" -> "Florida"
        if len(name.split()) > 1 and fold(name.split()[0]) in {"street", "avenue", "road",
                                                                "note", "photo"}:
            return  # "Street S" of an address, "Note"
        if len(name.replace(".", "")) < 2 or re.fullmatch(
                r"[A-Z]{1,2}\d{1,2}|(?:US|AU|NZ|HK)\d{2,}", name):
            return  # "L4", "L1": labels; "US3000": a sum of money
        if len(name.split()) == 1 and re.search(r"(?:ish|ese|ians?)$", name) and not initial:
            return  # "Swedish", "Japanese", "Italians" (capitalised adjectives)
        off = raw.find(name)
        start = sent.start + s + max(off, 0)
        yield Mention(
            name, sent.article, start, start + len(name), title, initial, (sent.start, sent.end)
        )


_TIME_BEFORE = {"in", "on", "since", "by", "last", "next", "until", "till", "from", "early",
                "late", "mid", "of", "through", "this", "that", "each", "every", "during",
                "before", "after", "to", "and", "or", "between", "around", "into"}


def _month_name(words: list[str], before: str) -> bool:
    """"Jan Harding", "April Ryan": a month that is a given name, before a capitalised name,
    with no dot and not after a word of time ("in June Trump said" is a month)."""
    if len(words) < 2 or "." in words[0] or fold(words[0]) not in {"jan", "april", "june"}:
        return False
    prev = before.split()[-1:] if before else []
    if prev and fold(prev[0]).strip(",.") in _TIME_BEFORE:
        return False
    nxt = fold(words[1]).strip(".,")
    return nxt not in NOT_NAMES and not nxt.isdigit()


def lower_variants(text: str) -> Iterator[tuple[str, int]]:
    """Lower-case words with their offsets (to find "hisbah" next to "Hisba")."""
    for m in re.finditer(r"\b[a-z][a-z'’]{3,}\b", text):
        yield m.group(), m.start()
