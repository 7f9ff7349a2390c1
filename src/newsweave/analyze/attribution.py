"""Who said a quotation: speaker phrases next to it, and who a pronoun stands for.

- :func:`speaker_after` / :func:`speaker_before` read the attribution in the quote's own
  sentence ('"…," said X', '"…" X asked', 'X told Y that Z said: "…"', 'X attacked Y: "…"',
  'according to X'); :func:`tweet_author` reads a quoted tweet's "— Name (@handle) date".
- :func:`valid_speaker` refuses scraps of text ("they didn't cause the panic anyway",
  "000 a year", "I never", "A central problem with the U.S. economy"): a speaker is a name
  or a description headed by a word for someone who can speak ("the woman", "the study").
- :class:`Antecedents` resolves "he"/"she"/"it" by walking back through the article: the
  speaker of an earlier quote, the subject of a speech verb, or a person named in the
  nearest sentence (the subject before an object), skipping sentences whose subject is the
  same pronoun; a name whose sex is known from a title or a given name must agree.
"""

from __future__ import annotations

import re

from newsweave.analyze.gazetteer import AGENT_NOUNS, COMMON_WORDS, FEMALE_NAMES, MALE_NAMES
from newsweave.analyze.names import NOT_NAMES, TITLES, fold
from newsweave.text.vocabulary import TITLE_ABBREVIATIONS

VERBS = (
    r"said|says|say|told|tells|added|adds|continued|continues|explained|explains|asked|asks|"
    r"wrote|writes|write|insisted|insists|warned|warns|stressed|stresses|noted|notes|replied|"
    r"replies|declared|declares|recalled|recalls|confirmed|confirms|tweeted|tweets|posted|"
    r"shared|announced|announces|belted|belts|muttered|mutters|urged|urges|countered|"
    r"counters|commented|comments|admitted|admits|argued|argues|claimed|observed|responded|"
    r"remarked|stated|suggested|suggests|shouted|yelled|screamed|joked|jokes|quipped|quips|"
    r"complained|conceded|acknowledged|exclaimed|whispered|boasted|promised|vowed|pleaded|"
    r"laughed|sang|sings|reads|read|wondered|mused|cautioned|emphasized|emphasised|"
    r"maintained|recounted|predicted|agreed|lamented|proclaimed|demanded|texted|emailed|"
    r"found|finds|concluded|concludes|claims|"
    r"quoted|elaborated|interjected|snapped|sighed|gushed|"
    r"spoke|speaks|testified|revealed|reveals|expressed|insisted|recalls|describes|described|"
    r"points out|pointed out|agrees|clarified|clarifies|fired back|shot back|retorted|"
    r"chimed in|went on|goes on|offered|recited|summed up|sums up|marveled|marvelled|marvels|"
    r"raved|gasped|sobbed|beamed|scoffed|chanted|chants|captioned|captions|called for|"
    r"narrates|narrated|reports|reported|"
    r"called on|calls for|calls on|contends|contended|murmured|murmurs"
)
_NP = r"[^,.;:!?“”\"\n]"
_TAIL_VERB_FIRST = re.compile(rf"^\s*[,—–-]?\s*(?:{VERBS})\s+(?P<np>{_NP}{{2,90}})")
_TAIL_QUOTED_AS = re.compile(rf"\bquoted\s+(?P<np>{_NP}{{2,60}}?)\s+as\s+saying\b")
_TAIL_WAS_QUOTED = re.compile(rf"^\s*[,—–-]?\s*(?P<np>{_NP}{{2,60}}?)\s+(?:was|were|is)\s+"
                              rf"(?:later\s+|also\s+)?quoted\s+(?:by\s+{_NP}{{2,60}}?\s+)?"
                              rf"as\s+saying\b")
# a transcript turn: 'Keilar: "You say …"', 'Robert Ricks: I would much rather …'
TURN = re.compile(r"^\s*(?P<np>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?[A-Z][\w'’.-]*"
                  r"(?:\s+[A-Z][\w'’.-]*){0,2}|[A-Z]{2,}(?:\s+[A-Z]{2,}){0,2})"
                  r"(?:\s*:\s|\s*[-–—]\s*(?=[“\"])|\s+(?=[“\"]))")
# words ending in -ly that are not adverbs ("the family said", "the daily reported")
_LY_NOUNS = r"(?:family|ally|rally|assembly|supply|reply|bully|Italy|July|daily|weekly|monthly|" \
    r"quarterly|fly|lily)\b"
_TAIL_NP_FIRST = re.compile(
    rf"^\s*[,—–-]?\s*[“\"]?(?P<np>{_NP}{{2,80}}?)[”\"]?\s*(?:,\s*(?P<app>(?:{_NP}|,(?=\s[A-Z][^,]{{0,40}}\sand\s[A-Z])){{2,160}}?),?\s*)?"
    rf"\s(?:(?:so\s+|very\s+)?(?!{_LY_NOUNS})\w+ly\s+)?(?:(?:had|has|have|would|will|later|also|"
    rf"then|once|again)\s+){{0,2}}(?:(?!{_LY_NOUNS})\w+ly\s+)?(?P<verb>{VERBS})\b"
)
_AFTER_CLOSED = re.compile(
    r"^(?:\s*[.,;:!?]|\s*$|\s+(?:in|on|at|to|of|after|during|from|rhetorically|later|"
    r"earlier|afterwards?|again|then|back|today|yesterday)\b"
    # a short object and the sentence's end: '"…?" McCain asked reporters.', 'told CNN.'
    r"|\s+(?:[A-Za-z][\w'’.-]*\s+){0,2}[A-Za-z][\w'’-]*\s*[.!?,](?:\s|$))"
)
_TAIL_ACCORDING = re.compile(rf"^\s*,?\s*according to (?P<np>{_NP}{{2,80}})")
_TAIL_AS_PUT = re.compile(rf"^\s*,?\s*as\s+(?P<np>{_NP}{{2,60}}?)\s+(?:put it|puts it|called it|"
                          rf"calls it|described it|describes it)\b")
_VERB_AT = re.compile(rf"\b(?:{VERBS})\b")
# naming something in the quote's words: the subject calls it that ("X called the probe “…”",
# "which it described as “…”", "what he called “…”"); "so-called “…”" has no subject
_CALLED = re.compile(
    rf"(?:\b(?:what|which)\s+(?P<np>{_NP}{{1,40}}?)\s+(?:\w+ly\s+)?(?:called|calls|dubbed|"
    rf"termed|described\s+as|describes\s+as|labeled|labelled)"
    rf"|(?<![-\w])(?:called|calls|dubbed|dubs|termed|terms|labeled|labelled|branded|brands)"
    rf"\s+(?!(?:for|on|it|him|her|them|this|that)\s*$)[^.!?“”\"\n]{{1,60}}?"
    rf"|(?<![-\w])(?:described|describes)\s+(?:[^.!?“”\"\n]{{1,50}}?\s+)?as)\s*,?\s*$")
_QUOTING = re.compile(rf"\b(?:quoting|[Tt]o quote)\s+(?P<np>{_NP}{{2,60}}?)\s*[:,]\s*$")
_HANDLE = re.compile(r"(?:^|\s)(?P<h>@\w{2,30}):\s*$")
# the name or description right before ", who said": "the fashion mogul Aldo Gucci, who said"
_BEFORE_WHO = re.compile(
    r"(?P<np>(?:(?:[a-z][\w-]*\s+){0,3})[A-Z][\w'’.-]*(?:\s+(?:(?:al|el|de|van|von|bin)\s+)?"
    r"[A-Z][\w'’.-]*){0,3}|\b(?:a|an|the|one)\s+(?:[\w-]+\s+){0,4}[a-z][\w-]*)$")
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?P<np>{_NP}{{2,80}})")
_TWEET = re.compile(r"^[^\n]{0,400}?[—–]\s*(?P<name>[^()\n—–]{2,60}?)\s*\(@\w{1,30}\)")
_RELATIVE = re.compile(r"\s+(?:who|whose|which|that|where|when|because|but|while)\b.*$")
_LEAD = re.compile(r"^(?:as|and|but|so|then|while|when|yet|also)\s+", re.IGNORECASE)
_ADVERBS = re.compile(r"\s+(?:also|later|earlier|then|previously|recently|again|once|often)$")
_PREPOSITIONS = frozenset(
    "in on at against after before with for to from by during about of into over under "
    "without like than as among between toward towards onto upon via".split()
)
_FINITE = frozenset(
    "is are was were has have had did do does will would can could should shall may might "
    "must never not if because been being".split()
)
_DETERMINERS = frozenset("a an the one another his her their its some several two three "
                         "many this that these those our my your".split())
_TITLE_WORDS = {w.strip(".") for t in TITLES for w in t.split()}
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "him", "her", "them", "you"})
MALE_WORDS = frozenset("mr he man father son husband brother king boy uncle grandfather "
                       "prince dad sir lord nephew boyfriend fiance businessman spokesman".split())
FEMALE_WORDS = frozenset("mrs ms miss she woman mother daughter wife sister queen girl aunt "
                         "grandmother princess mom lady niece girlfriend fiancee "
                         "businesswoman actress spokeswoman".split())


def tweet_author(tail_line: str) -> str | None:
    """The author of a quoted tweet from its signature ("… — Name (@handle) July 5, 2017")."""
    m = _TWEET.match(tail_line)
    if not m:
        return None
    name = m.group("name").strip(" .,:")
    return name if name and any(w[:1].isalpha() for w in name.split()) else None


# a nickname in quotes inside a name: 'Rep. Joe “You Lie” Wilson'
_NICKNAME = re.compile(r"(\b[A-Z][\w'’.\u2024-]*)\s+[“\"][A-Z][^“”\"]{0,25}[”\"](?=\s+[A-Z])")


def clean_np(np: str) -> str | None:
    """The speaker phrase of a clause, or None when it does not look like one."""
    np = _NICKNAME.sub(r"\1", np)
    np = re.sub(r"\s*\([^)]*\)", "", np)  # "Elissa Silverman (I-At Large)"
    chunks = [c.strip() for c in re.split(r",|\s[—–-]{1,2}\s", np) if c.strip()]
    while chunks and re.match(r"(?:who|whose|which|where)\b", chunks[-1]):
        chunks.pop()
    place = next((i for i in range(1, len(chunks)) if re.match(r"(?:from|of|in)\s+[A-Z]",
                                                              chunks[i])), None)
    if place is not None and _name_like(chunks[place - 1]):
        chunks = chunks[:place]  # "Kieran, from Bushey, Hertfordshire," -> Kieran
    if not chunks:
        return None
    pick = chunks[-1]
    named = [i for i in range(len(chunks) - 1)
             if _name_like(chunks[i]) and _appositive(chunks[i + 1])]
    if named:
        # "Ermias Kebreab, a professor at the University of California, Davis," -> the name
        pick = chunks[named[-1]]
    elif len(chunks) > 1 and (
        re.match(r"(?:a|an|the|one|another)\s", pick, re.IGNORECASE) is None
        and pick[:1].islower()
    ):  # "One Mosul resident, reached by phone," -> the chunk before the participle
        pick = chunks[-2]
    elif len(chunks) > 1 and re.match(r"(?:a|an|the)\s", pick) and chunks[-2][:1].isupper() and (
            len(chunks[-2].split()) <= 6 and fold(chunks[-2].split()[0]) not in _PREPOSITIONS):
        pick = chunks[-2]  # "Col. John Dorrian, a spokesman for the coalition,"
        # (not "As for why Snap is expanding …, a spokesperson": an opening clause)
    pick = _RELATIVE.sub("", pick)
    pick = _LEAD.sub("", pick).strip(" “”\"'")
    pick = _ADVERBS.sub("", pick)
    # "a birthday her agent said": the relative clause's own subject
    pick = re.sub(r"^(?:a|an|the)\s+[a-z][\w-]*\s+(?=(?:his|her|their|its)\s+[a-z])", "", pick)
    pick = re.sub(r"^\d+-year-old\s+(?=[A-Z])", "", pick)  # "16-year-old Jennie Steinberg"
    cut = _PARTICIPLE_CUT.match(pick)
    if cut and is_agent(fold(cut.group("head"))):
        pick = cut.group("np")  # "one woman attending a morning yoga class" -> "one woman"
    if valid_speaker(pick):
        return pick
    verbs = list(_VERB_AT.finditer(pick)) if named else []
    if verbs and pick[verbs[-1].end():].strip()[:1].isupper() and valid_speaker(
            pick[verbs[-1].end():].strip()):
        return pick[verbs[-1].end():].strip()  # "Khan said Karamat, …, then said:" -> Karamat
    # "Dorothy Toolan of the Dare County Emergency Management office in Manteo" -> the name
    named = re.match(r"(?P<n>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:of|from|with|at)\s",
                     pick)
    if named and fold(named.group("n").split()[0]) not in NOT_NAMES | _PREPOSITIONS and (
            valid_speaker(named.group("n"))):
        return named.group("n")
    return None


def is_agent(word: str) -> bool:
    """A word for someone who can speak, also as the end of a compound ("ex-parishioner",
    "co-founder", "spokes-woman")."""
    if word.endswith("-in-law") or word.endswith("s-in-law"):  # "my mother-in-law"
        word = word.split("-", 1)[0]
    return word in AGENT_NOUNS or word in _MORE_AGENTS or (
        "-" in word and word.rsplit("-", 1)[-1] in AGENT_NOUNS | _MORE_AGENTS)


_MORE_AGENTS = frozenset(
    "parishioner parishioners congregant congregants worshipper worshippers mourner mourners "
    "caller callers viewer viewers listener listeners reader readers homeowner homeowners "
    "landlord tenant tenants neighbors neighbours employer ranger rangers firefighter "
    "firefighters paramedic paramedics medic medics teen teenager teenagers grandma grandpa "
    "spokespeople negotiator negotiators coroner examiner official's regulator regulators "
    "nominee physician surgeon therapist psychologist psychiatrist historian lecturer "
    "principal dean coach commissioner councilman councilwoman councillor alderman "
    "executives owners bartender waiter waitress cashier clerk manager resident's "
    "eyewitness eyewitnesses demonstrator demonstrators marcher marchers participant "
    "participants attendee attendees commuter commuters shopper shoppers patient patients "
    "parent parents widow widower husband's wife's hacker hackers narrator narrators "
    "blogger bloggers poster user users youtuber influencer authors flyer flier leaflet "
    "petition native natives judges jurors lawyers attorneys friends mothers fathers sons "
    "daughters".split())


_PARTICIPLE_CUT = re.compile(r"^(?P<np>(?:a|an|the|one|another)\s+(?:[\w'’-]+\s+){0,3}?"
                             r"(?P<head>[a-z][\w'’-]*))\s+[a-z]+ing\b.*$", re.IGNORECASE)


def _name_like(chunk: str) -> bool:
    words = chunk.split()
    return bool(words) and len(words) <= 6 and words[0][:1].isupper() and (
        fold(words[0]) not in NOT_NAMES and fold(words[0]) not in _PREPOSITIONS)


def _appositive(chunk: str) -> bool:
    words = [fold(w) for w in chunk.split()]
    return bool(words) and (
        words[0] in {"a", "an", "the", "one", "another"} and any(
            w in AGENT_NOUNS or is_agent(w) for w in words)
        or len(words) <= 5 and chunk.split()[-1][:1].islower() and is_agent(words[-1]))


def valid_speaker(np: str | None) -> bool:
    """A name, a pronoun, or a description whose head can speak; never a clause or a scrap."""
    if not np:
        return False
    words = np.split()
    if not words or len(words) > 9 or not re.search(r"[A-Za-z]", np):
        return False
    low = [fold(w).strip(".,'’\"") for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return True
    if len(words) == 1 and words[0][:1].isupper() and (low[0] in MALE_NAMES
                                                       or low[0] in FEMALE_NAMES):
        return True  # a given name that is also a word: '"…," Will said.'

    if re.match(r"[A-Z][a-z]+ing$", words[0]) and len(words) > 1:
        return False  # "Talking later to CNN"
    if re.match(r"\d", words[0]) or low[0] in PRONOUNS - {"her", "him", "them"}:
        return False  # "000 a year", "I never", "they didn't ..." (not "her grateful mom")
    if re.search(r"[A-Za-z](?:n['’]t|['’](?:ll|ve|re|d|m))\b", np) or re.match(
            r"(?:it|that|there|here|what|this|who)['’]s$", low[0]):  # "It's more moving when"
        return False
    if any(lw in _FINITE for w, lw in zip(words, low, strict=True) if w[:1].islower()):
        return False
    for w, lw in zip(words[1:], low[1:], strict=True):
        if lw in _PREPOSITIONS and len(words) > 2 and low[0] in _DETERMINERS:
            break  # "the man in a shed": the rest is a place, not a clause
        if w[:1].islower() and not is_agent(lw) and (
            (lw.endswith("ed") and lw not in _ADJ_ED) or _VERB_AT.fullmatch(lw)
            or lw in _COMMON_VERBS
        ):
            return False  # "Handy also created", "DART officers arrived": a clause
    described = low[0] in _DETERMINERS and is_agent(low[-1])  # "a senior Pentagon … official"
    for i, (prev, w, lw) in enumerate(zip(words, words[1:], low[1:], strict=False)):
        if described or any(x[:1].isupper() for x in words[i + 2:]):
            continue  # "The British Mountaineering Council training officer Jon Garside"
        if prev[:1].isupper() and fold(prev) not in _DETERMINERS and w[:1].islower() and not (
            lw in _PREPOSITIONS or is_agent(lw) or lw in _TITLE_WORDS or lw in _MODIFIERS
            or "-" in w
        ):
            return False  # "Romney called Trump's policy proposals", "Cruz held a news ..."
    head = []
    for w, lw in zip(words, low, strict=True):
        if lw in _PREPOSITIONS or lw in {"who", "whose", "which", "that"}:
            break
        head.append((w, lw))
    if not head:
        return False
    if head[-1][1] in _DOCUMENTS:
        return False  # "Another tweet", "the message": a text, not who wrote it
    if any(w[:1].isupper() and lw not in NOT_NAMES and lw not in _DETERMINERS
           for w, lw in head):
        return True
    return any(is_agent(lw) or lw in _TITLE_WORDS for _w, lw in head)


_MODIFIERS = frozenset(
    "al el bin ibn de van von da and or who whose press deputy former senior chief top "
    "assistant vice acting interim executive general associate local state federal foreign "
    "national regional district county city police fire health security campaign team party "
    "family company court news media communications public political legal medical "
    "managing founding".split()
)
_COMMON_VERBS = frozenset("took made went gave got began won lost met came saw knew thought "
                          "shocked stunned slammed hit held took kept left told felt".split())
_DOCUMENTS = frozenset("tweet tweets post posts message messages letter letters note notes "
                       "statement statements release "
                       "caption sign banner headline headlines email e-mail text".split())
_ADJ_ED = {"armed", "retired", "unnamed", "masked", "based", "detained", "wounded", "named",
           "identified",
           "injured", "displaced", "concerned", "unidentified", "elected", "appointed",
           "dubbed", "known", "married", "celebrated", "embattled", "beloved",
           "renowned", "noted", "respected", "disgraced", "ousted", "jailed", "exiled",
           "orphaned", "bereaved", "stranded", "trapped", "frightened", "worried", "relieved",
           "heartbroken", "devastated", "frustrated", "distraught", "grieving", "stunned"}


def speaker_after(tail: str, inner: str) -> str | None:
    """The speaker named right after a quote ('…," said X' / '…" X asked')."""
    closed = inner.rstrip()[-1:] in ".!?…"
    if closed and tail[:1].isupper():
        return None  # '…for a cent."Police said little more.': a new paragraph, glued
    m = _TAIL_WAS_QUOTED.match(tail) or _TAIL_QUOTED_AS.search(tail[:120])
    if m:
        return clean_np(m.group("np"))
    m = _TAIL_ACCORDING.match(tail) or _TAIL_AS_PUT.match(tail)
    if m:  # '"…," according to NPR.org', '"…" as a top EU legal adviser put it'
        return clean_np(m.group("np"))
    m = _TAIL_VERB_FIRST.match(tail)
    if m and not (closed and tail.lstrip()[:1].isupper()):
        np = re.sub(r"\s+(?:in|on)\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:statement|interview|e-?mail|"
                    r"release|post|video|tweet|call)(?:\s+(?:to|with)\s+\S.*)?$", "",
                    m.group("np").strip())  # "a Google spokeswoman in an email to Vulture"
        found = clean_np(np)
        if found is None:  # "said study author and University of Texas biologist Chad Eliason"
            tail_name = re.search(r"^[a-z][^A-Z]*(?:\b[A-Z][\w.&-]*\s+(?:of\s+)?)*?[a-z][\w-]*\s+"
                                  r"(?P<n>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})$", np)
            found = clean_np(tail_name.group("n")) if tail_name else None
        return found
    m = _TAIL_NP_FIRST.match(tail)
    if m and len(m.group("np").split()) <= 9:
        if closed and tail.lstrip()[:1].isupper():
            # the quote closed its sentence: only '"…?" Trump asked.' still attributes it
            if len(m.group("np").split()) > 4 or m.group("app") or not _AFTER_CLOSED.match(
                tail[m.end():]
            ) or re.match(r"\s*:|\s+to\s+(?!(?:the|a|an|his|her|their|its|reporters)\b)[a-z]+\b",
                          tail[m.end():]):
                # '"…" Jamie Oliver added: "…"' introduces the next quote; '"…" A Yahoo rep
                # emailed to restate …' is a sentence of its own
                return None
        return clean_np(m.group("np"))
    return None


def speaker_before(head: str) -> str | None:
    """The speaker named before a quote in its sentence; in a chain of speech verbs
    ("Y told Z that X said") the subject of the last one."""
    m = _CALLED.search(head)
    if m:  # "Mr. Zalusky called Moscow's investigation “…”", "which it described as “…”"
        np = clean_np(m.group("np")) if m.group("np") else _subject(head[: m.start()])
        if np:
            return np
    verbs = list(_VERB_AT.finditer(head))
    for v in reversed(verbs):
        rest = re.sub(r"\s[—–]\s[^—–“”\"]{2,120}\s[—–]\s", " ", head[v.end():])
        if len(rest) > 70 or re.search(r"[“”\"]", rest) or _VERB_AT.search(rest):
            continue
        pron = re.search(r"\bthat\s+(?P<p>he|she|they|it)\s*$", rest)
        if pron:  # "the athlete ... admitted that she “would have thought …”"
            return pron.group("p")
        if head[: v.start()].strip():
            return _subject(head[: v.start()])
        break
    part = re.search(r"(?:,|,?\s+and|(?<=statement)|(?<=message)|(?<=letter))\s+"
                     r"(?:saying|adding|writing|telling|noting|arguing|insisting|warning|calling|"
                     r"declaring|asking|explaining|exclaiming|shouting|yelling|screaming|"
                     r"tweeting|posting|stating|admitting|recalling|claiming|pleading|vowing|"
                     r"promising|urging|complaining|joking|replying|responding|announcing)\b"
                     r"(?:[^.!?“”\"]|[“\"][^“”\"\n]{1,30}[”\"]){0,150}$", head)
    if part:  # "Romney tore into Trump, saying his plan was “…”" -> Romney
        lead = leading_subject(re.sub(r"^\s*(?:In|On|At|During|After|Later|Earlier)\b[^,]{0,60},"
                                      r"\s*", "", head[: part.start()]))
        if lead:
            return lead
        pron = re.match(r"\s*(?:(?:But|And|Then|Later|Still),?\s+)?(?P<p>He|She)\s+[a-z]",
                        head)
        if pron:  # "He takes offense to …, saying, “…”" -> he (resolved by the caller)
            return pron.group("p").lower()
    m = _QUOTING.search(head)
    if m:  # "Again, quoting Chris Crane: “…”"
        return clean_np(m.group("np"))
    m = _HANDLE.search(head)
    if m:  # "TOP TWEETS: @BuzzFeedAndrew: “…”"
        return m.group("h")
    m = _ACCORDING.search(head)
    if m and len(head) - m.end() < 80:  # "According to X, a nurse, “…”"
        return clean_np(m.group("np"))
    if re.search(r":\s*$", head):  # "The mayor was blunt: “…”", "X attacked Y: “…”"
        clause = re.split(r"(?<=[.!?])\s+", head.rstrip())[-1]
        lead = leading_subject(clause)
        if lead is None:  # "Unsatisfied, Cohen followed up:", "So by the time …, she issued"
            rest = re.match(r"^[^,“”\"]{2,90},\s+(?P<rest>\S.*)$", clause)
            lead = leading_subject(rest.group("rest")) if rest else None
            pron = re.match(r"\s*(?:(?:But|And|Then|Later|So|Still|Now),?\s+)?(?P<p>[Hh]e|[Ss]he)"
                            r"\s+(?:\w+ly\s+|also\s+|then\s+)?[a-z]+(?:ed|s)\b",
                            rest.group("rest") if rest else clause)
            if lead is None and pron:
                return pron.group("p").lower()
        return lead
    return None


_LEAD_NAME = re.compile(
    r"^\s*(?:(?:"
                   r"But|And|Then|Later|So|Still|Meanwhile|Now|Next|Finally|First|However|Instead|"
                   r"Separately),?\s+)?"
    r"(?:(?:His|Her|Their|Its|The|A|An)\s+(?:[a-z][\w'’-]*\s+){1,3})?"
    r"(?P<np>[A-Z][\w'’.\u2024-]*(?:\s+(?:(?:al|el|de|van|von|bin)[\s-])?[A-Z][\w'’.\u2024-]*){0,4})"
    r"(?:,[^,]{2,80},)?\s+[a-z]"
)
_LEAD_DESC = re.compile(
    r"^\s*(?:(?:"
                   r"But|And|Then|Later|So|Still|Meanwhile|Now|Next|Finally|First|However|Instead|"
                   r"Separately),?\s+)?"
    r"(?P<np>(?:[Tt]he|[Aa]n?|One|Another)\s+(?:[A-Z][\w.&-]*\s+){0,3}[a-z0-9][\w-]*"
    r"(?:\s+[a-z][\w-]*){0,2}?)"
    r"(?:,[^,]{2,80},)?\s+(?:was|is|were|are|had|has|[a-z]+ed|[a-z]+s|took|made|went|gave|got|"
    r"began|came|saw|knew|thought|told|felt|kept|left|held|ran|sat|stood|spoke|wrote)\b"
)


# a possessive description opening a clause: "her dying mother had pulled her close"
_LEAD_OWN = re.compile(r"^\s*(?P<np>(?:his|her|their|my|our)\s+(?:[a-z][\w-]*\s+){0,2}?"
                       r"(?P<head>[a-z][\w-]*))\s+(?:was|is|had|has|[a-z]+ed)\b")


_TITLED_NAME = re.compile(
    r"\s+(?P<words>(?:[a-z]+\s+){1,2})[A-Z][\w'’.\u2024-]*(?:\s+[A-Z][\w'’.\u2024-]*){0,3}")


_TIME_WORDS = frozenset("tonight overnight afterward afterwards recently previously today "
                        "yesterday earlier later".split())
_OPENERS = frozenset("but and then later so still meanwhile now next finally first however "
                     "instead separately".split())


def leading_subject(clause: str) -> str | None:
    """The name or description a clause opens with, as its subject ("His friend George
    Smathers put it bluntly to him" -> "George Smathers"; "The mayor was blunt")."""
    clause = _NICKNAME.sub(r"\1", clause)  # 'Rep. Joe “You Lie” Wilson (R-S.C.) requested …'
    one = re.match(r"\s*([A-Z][a-z]+),\s+(?=[A-Z])", clause)
    if one and (fold(one.group(1)) in COMMON_WORDS or fold(one.group(1)) in _TIME_WORDS):
        clause = clause[one.end():]  # "Tonight, Trump addressed …", "Unsatisfied, Cohen …"

    det = re.match(r"\s*(?:(?:"
                   r"But|And|Then|Later|So|Still|Meanwhile|Now|Next|Finally|First|However|Instead|"
                   r"Separately),?\s+)?"
                   r"(?:The|A|An|One|Another)\s", clause)
    for pat in (_LEAD_DESC, _LEAD_NAME) if det else (_LEAD_NAME, _LEAD_DESC):
        m = pat.match(clause)
        if not m:
            continue
        raw = m.group("np")
        more = _TITLED_NAME.match(clause, m.end("np"))
        if pat is _LEAD_NAME and more and all(
                w in _TITLE_WORDS or is_agent(w) or w in _MODIFIERS
                for w in more.group("words").split()):
            raw += more.group(0)  # "Former Ontario premier Bob Rae"
        np = clean_np(raw)
        if np and (pat is _LEAD_DESC or fold(np.split()[0]) not in NOT_NAMES | _OPENERS):
            return np
    return None


# "and" between two capitalised words joins a name ("a Freedom and Justice leader")
_CLAUSE = (r"\s(?:that|but|because|while|after|as|though|although|when|since|if|so|"
           r"where|before|until|unless)\s|(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})"
           r"(?<![A-Z][a-z]{4})(?<![A-Z][a-z]{5})(?<![A-Z][a-z]{6})(?<![A-Z][a-z]{7})"
           r"\sand\s|\sand\s(?![A-Z])|[;:]")


def _subject(before: str) -> str | None:
    """The speaker phrase right before a speech verb (``before`` ends at the verb)."""
    before = re.split(r"(?<=[a-z][.!?])(?=[A-Z])", before)[-1]  # "police said.In an email, …"
    before = re.sub(r"^\s*(?:[A-Z][a-z]+ly|However|Meanwhile|Still|Instead|Now|Then|Later|"
                    r"Earlier|Again|Also),\s+", "", before)  # "Separately, a palace spokesman"
    # "Chief Thomas Jackson -- hours after documents came out … -- told reporters": an aside;
    # "The man heading security -- Capt. Ron Johnson -- stated": the name is the speaker
    dash = re.search(r"\s(?:--|—|–)\s(?P<a>.{2,160}?)\s(?:--|—|–)\s*$", before)
    if dash:
        aside = dash.group("a").strip()
        if re.fullmatch(r"(?:[A-Z][\w'’.\u2024-]*\s+){1,6}[A-Z][\w'’.\u2024-]*", aside) and (
                clean_np(aside)):
            return clean_np(aside)
        before = before[: dash.start()] + " "
    before = re.sub(r"\s+\w+ly$", "", before.rstrip())
    before = re.sub(r"(?:\s+(?:has|have|had|would|will|also|later|once|then))+$", "", before)
    # "In a statement Shell said", "On Thursday, Stein wrote": the opening phrase goes
    opener = r"^\s*(?:In|On|At|During|After|Before|From|With|Later|Earlier|Speaking|For)\b"
    if re.match(opener + r"[^,]{0,70},\s*\S", before):
        before = re.sub(opener + r"[^,]{0,70},\s*", "", before, count=1)
    before = re.sub(r"^\s*(?:(?:But|And|Yet)\s+)?(?:[Ii]n|On|At|During|After|Before|From|"
                    r"With|Later|Earlier)\s+(?:(?:a|an|the|his|her|its|their)\s+)?"
                    r"(?:[a-z][\w-]*\s+){0,3}(?:(?:to|of|on)\s+(?:a|an|the|his|her|its|their)"
                    r"\s+[a-z][\w-]*\s+)?(?:[A-Z][a-z]+day,?\s+)?(?=[A-Z])", "", before)
    rel = re.search(r"(?:^|,)\s*(?:to|at|after|upon|in|on)\s+which\s+(?P<np>[^,]{2,60}?)\s*$",
                    before)
    if rel and clean_np(rel.group("np")):  # "Cohen asked again, to which Keilar replied"
        return clean_np(rel.group("np"))
    m = re.match(r"^(.*\S),\s*(?:who|whose|which)\b[^;:]*$", before)
    if m and clean_np(re.split(_CLAUSE, m.group(1))[-1]):
        # "Chen, who is in hospital with his wife and two children, said" -> Chen
        return clean_np(re.split(_CLAUSE, m.group(1))[-1])
    bare = re.match(r"^(.*\S)\s+who(?:\s+\w+ly)?\s*$", before)
    if m is None and bare:  # "… found the suspect in a closet who allegedly told him"
        near = _BEFORE_WHO.search(bare.group(1))
        np = clean_np(near.group("np")) if near else None
        if np and (np[:1].isupper() or fold(np.split()[0]) in _DETERMINERS):
            return np
    if m and re.fullmatch(r",\s*who(?:\s+\w+ly)?\s*", before[len(m.group(1)):]):
        near = _BEFORE_WHO.search(m.group(1))
        if near:  # "attributed to the fashion mogul Aldo Gucci, who said" -> Aldo Gucci
            np = clean_np(re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", "", near.group("np"))) or (
                clean_np(near.group("np")))  # "a senior Pentagon intelligence official, who"
            if np:
                return np
    coord = re.match(r"^(.*\S)\s+and$", before.rstrip())
    if coord:  # "…, Doe approached them and said" -> Doe
        clause = re.split(r",\s+", re.split(_CLAUSE, coord.group(1) + " ")[-1].strip()
                          or coord.group(1))[-1]
        inner = list(_VERB_AT.finditer(clause))
        if inner:  # "She said her dying mother had pulled her close … and whispered"
            clause = clause[inner[-1].end():]
            own = _LEAD_OWN.match(clause)
            if own and is_agent(fold(own.group("head"))):
                return own.group("np")
        lead = leading_subject(clause)
        if lead:
            return lead
    poss = re.match(r"^(?P<name>.*?[A-Z][\w.-]*)['’]s\s+(?:\w+\s+)?(?:statement|tweet|post|"
                    r"message|letter|note|email|spokes\w+|office|campaign|website)$",
                    before.strip())
    if poss:  # "Romney's statement read" -> Romney
        return clean_np(re.split(_CLAUSE, poss.group("name"))[-1])
    subj = re.split(_CLAUSE, before)[-1]
    np = clean_np(subj) if subj.strip() else None
    if np is None:  # "Another resident who fled Mosul but is still in touch ... said"
        cut = re.sub(r"\s+(?:who|whose|which)\b.*$", "", before)
        cut = re.split(_CLAUSE, cut)[-1]
        np = clean_np(cut) if cut.strip() and cut != subj else None
    if np is None and "," in before:
        # "…, had not been warned about anything, she said", "…, in 1999, he wrote:"
        last = before.rsplit(",", 1)[1].strip()
        if fold(last) in ("he", "she"):
            return fold(last)
        if last and len(last.split()) <= 4 and last[:1].isupper() and (
                fold(last.split()[0]) not in _DETERMINERS | NOT_NAMES):
            np = clean_np(last)
    return np


def speaker_of_sentence(text: str) -> str | None:
    """The speaker named by a sentence without quotes ("X said ...", "according to X")."""
    masked = ABBREV.sub(lambda m: m.group(1) + DOT, text)
    np = _speaker_of_sentence(masked)
    return np.replace(DOT, ".") if np else None


_INVERTS = re.compile(r"said|says|added|adds|continued|explained|asked|wrote|writes|noted|"
                      r"recalled|replied|countered|insisted|warned|told|tells|contends|"
                      r"contended|argues|argued")
# title abbreviations (shared with sentence splitting) and the police/clergy ones seen in
# speaker phrases ("Det.-Sgt. Susan Gomes", "Rev. Savino D'Amelio"), masked so a dot ends no
# clause
_EXTRA_TITLES = ("Cpl", "Det", "Rev", "Fr", "Pvt", "Insp", "Supt", "Cmdr", "Msgr", "Atty",
                 "Prof", "Hon", "Sgts", "Inc", "Corp", "Ltd", "Bros")
ABBREV = re.compile(rf"\b([A-Z]|{'|'.join(TITLE_ABBREVIATIONS + _EXTRA_TITLES)})\.")
DOT = "\u2024"


def _speaker_of_sentence(text: str) -> str | None:
    m = _ACCORDING.search(text)
    if m:
        return clean_np(m.group("np"))
    for m in _VERB_AT.finditer(text):
        if re.search(r",\s*$", text[: m.start()]) and _INVERTS.fullmatch(m.group()) and not (
                m.group() in ("told", "tells") and re.search(r"\s+that\b", text[m.end():])):
            # "X, an ecologist, told New Scientist that …": the one told is no speaker
            # "…, said David Straub, deputy director"
            after = re.match(rf"\s*(?P<np>{_NP}{{2,90}})", text[m.end():])
            np = clean_np(after.group("np")) if after else None
            if np and np[:1].islower() and fold(np.split()[0]) not in _DETERMINERS:
                np = None  # "X, Indonesia AirAsia chief, told reporters the airline …"
            if np and re.match(r"(?:the|a|an)\s+[a-z][\w-]*\s+[a-z]+s\s+[a-z]", np):
                # "Julia Clarke, a professor …, said the study offers clues": a clause
                np = leading_subject(text)
            if np:
                return np
        np = _subject(text[: m.start()])
        if np:
            return np
    return None


def sex_of(label: str) -> str | None:
    """"m" / "f" when a title, a given name or a word of the label says so."""
    words = [fold(w).strip(".,") for w in label.split()]
    if any(w in FEMALE_WORDS for w in words):
        return "f"
    if any(w in MALE_WORDS for w in words):
        return "m"
    for w in words:
        if w in _TITLE_WORDS or w in _DETERMINERS:
            continue
        female, male = w in FEMALE_NAMES, w in MALE_NAMES
        if female != male:
            return "f" if female else "m"
        break
    return None


def agrees(pronoun: str, label: str) -> bool:
    sex = sex_of(label)
    return sex is None or (pronoun == "he") == (sex == "m")
