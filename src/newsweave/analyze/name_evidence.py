"""Evidence from the text itself that a capitalised word is not a name of its own.

Two signals that do not depend on a word list of the story's names:

- **Fragments of a longer title**: a word that, wherever it occurs, is glued to other
  capitalised words by a small connector ("Game of Thrones", "Orange Is the New Black",
  "Smokey and the Bandit", "Books for Cooks") or by a number ("Highway 401", "Season 7") is
  part of a name of a work, a shop or a road, not an actor of the story.
- **Capitalisation statistics**: a word the cluster also writes in lower case at least as often
  as it capitalises it mid-sentence ("Church"/"church", "Season"/"season"), or that general
  English news text writes in lower case ([common words](data/common_words.txt), counted by
  ``bench/caps_stats.py``) and the cluster capitalises only at a sentence start or in a title,
  is an ordinary word standing alone.

Either way the word is left out of "Names used" unless something vouches for it as a name
(a title such as "Mr.", a given name, the gazetteer, a statement of another name).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsweave.analyze.gazetteer import (
    FIRST_NAMES,
    KNOWN_ORGS,
    KNOWN_PEOPLE,
    KNOWN_PLACES,
    common_words,
)
from newsweave.analyze.lexicon import ORG_WORDS, PLACE_WORDS
from newsweave.analyze.names import Mention, fold
from newsweave.types import Article

_CONNECT = r"(?:of|for|and|&|the|Is|Are|is|are)"
_GLUED_AFTER = re.compile(rf"^(?:\s+{_CONNECT}(?:\s+(?:the|a|an|The|A|An))?\s+[A-Z]|\s+\d)")
_GLUED_BEFORE = re.compile(
    rf"(?P<w>[A-Z][\w'’-]*)\s+{_CONNECT}(?:\s+(?:the|a|an))?\s+$|\b[A-Z][a-z]+ing\s+the\s+$"
)


def _glued(text: str, m: Mention) -> bool | None:
    """True when glued to a longer name, None when only a sentence's first word is before
    the connector ("Members of the Hisba": proves nothing), else False."""
    after = text[m.end: m.end + 40]
    if _GLUED_AFTER.match(after):
        return True
    before = text[max(0, m.start - 40): m.start]
    g = _GLUED_BEFORE.search(before)
    if not g:
        return False
    if g.group("w"):
        lead = text[max(0, m.start - 40 + g.start("w") - 3): m.start - 40 + g.start("w")]
        if m.start - 40 + g.start("w") <= 0 or not lead.strip() or lead.rstrip()[-1:] in (
                ".!?\"“”:;—–-(\n"):
            return None
    return True


_PLACE_APPOSITION = re.compile(r"^,\s+(?P<p>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


def _in_place(text: str, m: Mention) -> bool:
    """"Nice, France", "Liberty, Mo.": followed by the name of a known country or state."""
    if m.sentence == (0, 0):
        return False
    a = _PLACE_APPOSITION.match(text[m.end: m.end + 30])
    return bool(a) and any(fold(p).strip(".") in KNOWN_PLACES
                           for p in (a.group("p"), a.group("p").split()[0]))


def _vouched(name: str) -> bool:
    low = fold(name).strip(".")
    return (low.split()[0] in FIRST_NAMES or low in KNOWN_PLACES or low in KNOWN_ORGS
            or low in KNOWN_PEOPLE)


def fragment(mentions: Sequence[Mention], texts: dict[str, str]) -> bool:
    """Every mention in the text is glued to a longer capitalised name (a title of a work)."""
    inside = [m for m in mentions if m.sentence != (0, 0) and m.article in texts]
    if not inside or len(mentions[0].text.split()) > 1 or _vouched(mentions[0].text):
        return False
    seen = [_glued(texts[m.article], m) for m in inside]
    return True in seen and False not in seen


_AND_TAIL = re.compile(r"\b(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+and\s+$")


_OF_TAIL = re.compile(r"\b(?P<w>[A-Z][\w'’-]+)\s+(?P<c>of|&|for)\s+(?:the\s+)?$")


def _tail_of(before: str) -> bool:
    if _AND_TAIL.search(before):
        return True
    m = _OF_TAIL.search(before)
    if not m:
        return False
    if m.group("c") == "for":  # "Syrian Observatory for Human Rights", not "Thanks for"
        lead = before[: m.start("w")].rstrip()
        return bool(lead) and lead[-1] not in ".!?\"“”:;—–-(\n"
    return m.group("c") == "&" or fold(m.group("w")) in ORG_WORDS


def second_half(mentions: Sequence[Mention], texts: dict[str, str]) -> bool:
    """"Family Services" of "Department of Children and Family Services", "Forensic
    Sciences" of "Journal of Forensic Sciences", "Funeral Home" of "Memorial Gardens & Funeral
    Home": every mention of a several-word name is the tail of a longer one."""
    inside = [m for m in mentions if m.sentence != (0, 0) and m.article in texts]
    return bool(inside) and len(mentions[0].text.split()) > 1 and all(
        _tail_of(texts[m.article][max(0, m.start - 60): m.start]) for m in inside)


_NUMBERED = re.compile(r"^\.?\s*[A-Z]?\d{1,3}[a-z]?\b")
_LABEL_WORDS = {"fig", "figs", "figure", "figures", "table", "tables", "supplementary",
                "extended", "data", "appendix", "chart", "panel", "video", "slide", "exhibit"}


def label(mentions: Sequence[Mention], texts: dict[str, str]) -> bool:
    """"Extended Data Fig", "Supplementary Table": caption words, every mention numbered."""
    inside = [m for m in mentions if m.sentence != (0, 0) and m.article in texts]
    words = [fold(w).strip(".") for w in mentions[0].text.split()]
    return bool(inside) and len(words) > 1 and words[-1] in _LABEL_WORDS and all(
        w in _LABEL_WORDS or w in common_words() for w in words) and all(
        _NUMBERED.match(texts[m.article][m.end: m.end + 8]) for m in inside)


def _counts(texts: dict[str, str], words: set[str]) -> tuple[Counter[str], Counter[str]]:
    """(lower-case uses, capitalised uses standing alone mid-sentence) of ``words``."""
    lower: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    if not words:
        return lower, cap
    pat = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(w) for w in sorted(words))
                     + r")(?![\w'’-])", re.IGNORECASE)
    for text in texts.values():
        for m in pat.finditer(text):
            w = m.group(0)
            if w[0].islower():
                lower[w] += 1
                continue
            before = text[max(0, m.start() - 3): m.start()].rstrip()
            near = text[max(0, m.start() - 20): m.start()].split()[-1:] + text[
                m.end(): m.end() + 20].split()[:1]
            if before and before[-1] not in ".!?\"“”:;–—-(\n'‘" and not any(
                    x[:1].isupper() for x in near):
                cap[w.lower()] += 1  # standing alone ("Church" of "Orthodox Church" is not)
    return lower, cap


def _plain(name: str) -> bool:
    return re.fullmatch(r"[A-Z][a-z'’]+", name) is not None


def ordinary_word(mentions: Sequence[Mention], counts: tuple[Counter[str], Counter[str]]) -> bool:
    """A one-word name the cluster or general news writes as an ordinary word."""
    name = mentions[0].text
    if not _plain(name) or _vouched(name):
        return False
    lower, cap = counts[0][name.lower()], counts[1][name.lower()]
    if lower and lower >= cap:
        return True
    return fold(name) in common_words() and cap <= 1


def forms_to_drop(
    articles: Sequence[Article], forms: dict[tuple[str, ...], list[Mention]],
    vouched: set[tuple[str, ...]],
) -> set[tuple[str, ...]]:
    """Keys of forms that are a fragment of a longer title or an ordinary word."""
    texts = {a.id: a.text for a in articles if not a.duplicate_of}
    counts = _counts(texts, {ms[0].text.lower() for k, ms in forms.items()
                             if ms and k not in vouched and _plain(ms[0].text)})
    out = set()
    for key, mentions in forms.items():
        if key in vouched or not mentions:
            continue
        if any(_in_place(texts.get(m.article, ""), m) for m in mentions):
            continue  # "in Nice, France": a town, though "nice" is a word too
        if fragment(mentions, texts) or ordinary_word(mentions, counts) or demonym(
                mentions[0].text) or second_half(mentions, texts) or label(mentions, texts):
            out.add(key)
    return out


# Words around a mention that say what kind of thing the name is (counted per mention by
# ``entities._collect``): a work, award or event ("the film Atonement", "Oscar-nominated",
# "Harry Potter books", "Fixer Upper star") or a body ("the airline JetBlue", "Islands
# magazine", "Lumos, a charity").
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|novel|book|memoir|biography|sitcom|documentary|album|song|musical|"
    r"opera|franchise|TV show|TV series|series|episode of|season of|star of|stars in|"
    r"starred in|starring in|starring|appeared in|appearing in|role in|roles in|cast of|"
    r"premiere of|sequel to|prequel to|adaptation of|remake of|won an?|winning an?|"
    r"nominated for an?|nomination for an?)\s+(?:the\s+)?$", re.IGNORECASE)
_WORK_AFTER = re.compile(
    r"^(?:-nominated|-winning|-winner|-nominee|\s+(?:awards?|prize|nominations?|nominee|"
    r"trophy|ceremony|finale|premiere|sequel|franchise|series|star|stars|cast|books|novels|"
    r"films|movies|trilogy|episodes?)\b|,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:film|movie|"
    r"novel|book|show|series|sitcom|album|song|documentary|award|prize)\b)")
_ORG_BEFORE = re.compile(
    r"\b(?:airline|carrier|charity|nonprofit|non-profit|publication|publisher|band|brand|"
    r"label|studio|magazines?|retailer|bank|automaker|insurer)\s+(?:the\s+)?$",
    re.IGNORECASE)
_ORG_AFTER = re.compile(
    r"^(?:\s+(?:magazine|newspaper|airlines?|airways|charity|nonprofit|studios?)\b|"
    r",?\s+(?:LLC|L\.L\.C\.|Inc\b|Ltd\b|PLC|GmbH|LLP)|"  # "Magnolia Waco Properties, LLC"
    r"(?:,|\s+[—–]|\s+--)\s+(?:the|a|an)\s+(?:(?!at\b|of\b|in\b|for\b|with\b|from\b)[\w-]+\s+){0,2}(?:magazine|charity|nonprofit|non-profit|airline|"
    r"carrier|publication|publisher|band|brand|label|studio|firm|startup|retailer|bank|"
    r"university|college|hospital|club|team|website|site)\b)")


# "in X" after these words is a work or a publication, not a place ("her role in Atonement",
# "published in National Geographic Traveler", "a stake in Magnolia")
_NOT_PLACE_IN = re.compile(
    r"\b(?:(?P<w>roles?|starred|starring|stars|cast|appeared|appearing|appearance|scenes?|"
    r"episodes?|chapters?|character|performance|featured)|(?P<o>published|reported|wrote|"
    r"written|writing|quoted|interview|article|story|piece|op-ed|column|essay|report|invested|"
    r"investing|investment|stake|shares|listed|advertised|job|career|employees?))\s+in\s+"
    r"(?:the\s+)?[\"“]?\s*$", re.IGNORECASE)
_OPEN_QUOTE = re.compile(r"[\"“]\s?(?:The |A |An )?$")
_CLOSE_QUOTE = re.compile(r"^(?:[,.!?]?[\"”]|['’]s?\s?[\"”])")


def not_place_in(before: str) -> bool:
    """"in X" that is no place: a role in a film, an article in a magazine, a stake in a firm."""
    return _NOT_PLACE_IN.search(before) is not None


def context_cues(before: str, after: str) -> list[str]:
    """Cue names for one mention from the 40 characters before it and 60 after it."""
    out = []
    np = _NOT_PLACE_IN.search(before)
    if np:
        out.append("work" if np.group("w") else "org")
    if _OPEN_QUOTE.search(before) and _CLOSE_QUOTE.match(after) and not (
            before[-1:] in "“\"" and after[:1] in "”\""):
        out.append("quoted")  # '"The Lovely Bones"', '" Atonement,"' (the strict case is counted)
    if before.endswith("#"):
        out.append("hashtag")
    if _GLOSS_BEFORE.search(before) and after[:1] == ")":
        out.append("glossed")  # "central nervous system (CNS)": a common noun's acronym
    if (not before or before.endswith("\n")) and _DATELINE_AFTER.match(after):
        out.append("dateline")  # "CHARLOTTESVILLE, Va. (AP) —"
    a = _PLACE_APPOSITION.match(after)
    if a and fold(a.group("p")).strip(".") in KNOWN_PLACES and _APPOSITION_END.match(
            after[a.end():]):
        out.append("place")  # "Fairmont, W.Va.", "in Nice, France"
    if _WORK_BEFORE.search(before) or _WORK_AFTER.match(after):
        out.append("work")
    if _ORG_BEFORE.search(before) or _ORG_AFTER.match(after) or _CREDIT_BEFORE.search(before):
        out.append("org")
    if _PRODUCT_AFTER.match(after) or _PRODUCT_BEFORE.search(before):
        out.append("product")  # "Xanax pills", "the PlayStation 4 console", "brand name Tylenol"
    if _PERSON_EVENT_BEFORE.search(before) or _PERSON_EVENT_AFTER.match(after):
        out.append("person")  # "fatally shot Markus Austin, 33,", "After Gadhafi was killed"
    if _THE_TITLE.search(before):
        out.append("the_title")  # "the effects work in The Wolfman": a title of a work
    if re.search(r"\b(?:Mr|Mrs|Ms)\.?\s+$", before):
        out.append("mister")  # "Mr. Barak": a surname follows
    if re.match(r"\s+(?:virus|viruses|fever|flu|disease|infections?)\b", after):
        out.append("disease")  # "West Nile virus", "Ebola fever": an illness's name
    said = _SAID_PRONOUN.match(after)
    if said:
        out.append("male" if said.group(1).lower() == "he" else "female")  # "McCain said he"
    return out


# nouns of goods after a name (a product, not its maker: "Android phones", "Dairy Milk bars")
_PRODUCT_AFTER = re.compile(
    r"^(?:\s+[A-Z]?\d{1,4}[A-Za-z]?)?\s+(?:consoles?|smartphones?|handsets?|tablets?|laptops?|"
    r"headsets?|controllers?|gadgets?|chocolate bars?|candy bars?|bars|wafers?|pills|capsules|"
    r"rifles?|handguns?|pistols?|sedans?|SUVs?|hatchbacks?|minivans?|pickups?|airliners?|"
    r"fighter jets?|drones?|goggles|sneakers|operating system|web browser|video games?|"
    r"game console|app|rover|lander|orbiter|space probe)\b")
_PRODUCT_BEFORE = re.compile(
    r"\b(?:brand names?|sold under the name|bars? of|bottles? of|cans? of|packs? of|"
    r"tubs? of|packets? of|doses? of|prescriptions? for|(?:rover|lander|probe|orbiter|"
    r"spacecraft|telescope|satellite)(?:,?\s+(?:named|called|dubbed))?)\s+$", re.IGNORECASE)
_SAID_PRONOUN = re.compile(
    r"^(?:'s|’s)?\s+(?:has\s+|had\s+)?(?:said|says|told\s+\w+|added|wrote|explained|noted)"
    r"(?:\s+(?:that|on\s+\w+|in\s+\w+))?\s+(he|she)\b")



# "AFP/Getty Images": a photo credit names an agency
_CREDIT_BEFORE = re.compile(r"\b(?:AFP|AP|EPA|Reuters|REUTERS|Getty|AP Photo)/$")
# what only happens to, or is said only of, a person
_PERSON_EVENT_BEFORE = re.compile(
    r"(?:\b\d{1,3}-year-old|\b(?:killing|murder|death|funeral|arrest|wife|widow) of|"
    r"\b(?:fatally shot|shot and killed|stabbed|murdered|assaulted|punched|strangled|"
    r"kidnapped|married|divorced|interviewed)(?: by)?)\s+$")
_PERSON_EVENT_AFTER = re.compile(
    r"^(?:,\s+\d{1,3}[,.;)]|\s+(?:family|regime)\b|\s+(?:was|has been|had been)\s+"
    r"(?:killed|shot|stabbed|murdered|arrested|charged|sentenced|born|injured|wounded|"
    r"hospitali[sz]ed|convicted|married|elected|sworn|buried)\b|\s+(?:Jr|Sr)\.?\b)")
_THE_TITLE = re.compile(r"[a-z,;]\s+The\s+$")


_GLOSS_BEFORE = re.compile(r"\b[a-z][a-z-]+\s+[a-z][a-z-]+\s+\($")
_DATELINE_AFTER = re.compile(
    r"^,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:\s*(?:\(\w+\)\s*)?(?:--|—|–)|\s+-\s)")
_APPOSITION_END = re.compile(r"^(?:[,.;:)]|\s+\(|\s*$|\s+[a-z—–-])")
_DEMONYM_ENDS = (("ians", ""), ("ian", ""), ("ans", ""), ("an", ""), ("ns", ""), ("n", ""),
                 ("ese", ""), ("ese", "a"), ("is", ""), ("i", ""), ("ans", "a"), ("an", "a"))


def demonym(name: str) -> bool:
    """"Kenyan", "Japanese-Americans", "Pakistanis": a people's word made from a place's
    name, an adjective or a group of people, not an actor of its own."""
    words = re.split(r"[\s-]+", fold(name))
    if not 1 <= len(words) <= 2:
        return False
    def one(w: str) -> bool:
        return any(w.endswith(end) and len(w) > len(end) + 2 and w[: len(w) - len(end)] + add
                   in KNOWN_PLACES for end, add in _DEMONYM_ENDS) and w not in KNOWN_PLACES
    if len(words) == 2 and words[0] in ("north", "south", "east", "west", "central"):
        return one(words[1])  # "West African"
    return all(one(w) for w in words) if len(words) == 2 else one(words[0])


_CAMEL = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von)[A-Z])[A-Z][a-z]+(?:[A-Z][a-z]+)+")


def camel_case(name: str) -> bool:
    """"JetBlue", "DoSomething", "BudgetTravel": a brand's spelling, not a person's name
    ("McCain", "DeSantis", "LeBron" are not counted)."""
    return _CAMEL.fullmatch(name) is not None


def _letters_in(acro: str, full: str) -> bool:
    """Every letter of the acronym is in the name ("Alaska" holds no "AKST", "Hawaii" no
    "HST"; "Kurdistan Workers' Party" has the letters of "PKK", a name in another language)."""
    letters = acro.replace(".", "").lower()
    return bool(letters) and all(ch in full.lower() for ch in letters)


def bracket_alias_ok(a: str, b: str) -> bool:
    """Whether "A (B)" says that A and B are one entity.

    Not when A ends a sentence ("… in Medicine Hat. (Medicine Hat Police Service)": a photo
    credit), when one name is the other plus more words (a place and a body named after it),
    when both are people's names ("Susie Salmon (Saoirse Ronan)": a character and the actor,
    or a person and the one who said it), or when an acronym's letters are not in the name
    ("Hawaii (HST)": a time zone)."""
    last = a.split()[-1] if a.split() else ""
    if re.search(r"[a-z]{2}\.$", last) and fold(last).strip(".") not in _ABBREV:
        return False
    ka, kb = fold(a).strip(".").split(), fold(b).strip(".").split()
    n = min(len(ka), len(kb))
    if ka != kb and ka[:n] == kb[:n]:
        return False
    acro = [x for x in (a, b) if re.fullmatch(r"(?:[A-Z]\.?){2,6}", x)]
    if acro and len(acro) == 1:
        full = b if acro[0] == a else a
        return _letters_in(acro[0], full)
    if not acro and 1 < len(ka) <= 3 and 1 < len(kb) <= 3 and not set(ka) & set(kb) and (
            ka[0] in FIRST_NAMES or kb[0] in FIRST_NAMES
            or not any(w in ORG_WORDS or w in PLACE_WORDS for w in ka + kb)):
        return False  # two people's names; a translated name keeps a word or a body word
    return True


_ABBREV = {"inc", "co", "corp", "ltd", "jr", "sr", "st", "bros", "mt", "ft", "ave", "blvd"}
