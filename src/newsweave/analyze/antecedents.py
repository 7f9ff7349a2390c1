"""Who a "he"/"she"/"it" before a quote stands for (split out of :mod:`attribution`).

:class:`Antecedents` walks back through the article: the speaker of an earlier quote, the
subject of a speech verb, or a person named in the nearest sentence (the subject before an
object), skipping sentences whose subject is the same pronoun; a name whose sex is known from
a title or a given name must agree.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from newsweave.analyze.attribution import (
    _DETERMINERS,
    _DOCUMENTS,
    _PREPOSITIONS,
    _TITLE_WORDS,
    PRONOUNS,
    VERBS,
    leading_subject,
    sex_of,
    speaker_of_sentence,
)
from newsweave.analyze.entities import EntityIndex
from newsweave.analyze.gazetteer import AGENT_NOUNS, FEMALE_NAMES, MALE_NAMES
from newsweave.analyze.names import NOT_NAMES, fold
from newsweave.types import Sentence

_GROUP_NOUNS = frozenset(
    "organisation organization group company firm study report statement government police "
    "ministry department agency council committee commission court campaign team network "
    "party union board administration office service university school hospital newspaper "
    "magazine channel website paper survey research library museum army military coalition "
    "authorities officials residents people members family".split()
)
_OBJECT_BEFORE = re.compile(r"(?:ed|ing)$")
_MALE_PRON = re.compile(r"\b(?:he|him|his|himself)\b")
_FEMALE_PRON = re.compile(r"\b(?:she|her|hers|herself)\b")


# deeds of speech that make a sentence's subject the speaker of the quote after it
_ACTS = re.compile(r"\b(?:accused|accuses|defended|defends|criticised|criticized|criticises|"
                   r"criticizes|praised|praises|denied|denies|conceded|concedes|hailed|hails|"
                   r"believes|summed up|sums up)\b|,\s+saying\b")
_BY_AGENT = re.compile(r"\b(?:was|were|has been|had been)\s+(?:\w+ly\s+)?(?:spelt out|spelled out|"
                       r"outlined|explained|announced|confirmed|stated|voiced|expressed|"
                       r"delivered|read out|made clear|set out|put)\s+by\s+"
                       r"(?P<np>(?:[a-z]+\s+){0,2}[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
                       r"\s*[.,]?$")
_APPOSED = re.compile(rf"^\W*(?:One|A|An|The|Another)\s+[a-z]+(?:\s+[a-z]+)?,\s+"
                      rf"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[a-z]{{1,3}})?[A-Z][\w'’-]+){{1,3}}),"
                      rf"\s+(?:\w+\s+)?(?:{VERBS})\b")
_NAME_IN = re.compile(r"\b[A-Z][\w'’.-]+\s+(?:[A-Z]\.\s+)?(?:[a-z]{1,3})?[A-Z][\w'’-]+")


def _clause_speakers(plain: str) -> list[str | None]:
    """The speakers a sentence names, the nearer clause's first ("Andrews said …, and Conlon
    says he's lost count"; "Initial reports spoke of 50, but spokesman X later said …")."""
    parts = re.split(r",\s+(?:and|but)\s+|;\s+", plain.strip())
    near = [speaker_of_sentence(parts[-1])] if len(parts) > 1 else []
    return [*near, speaker_of_sentence(plain.strip())]


def _core(who: str) -> str:
    """A speaker phrase without its "of/from/at …" tail ("Chuck Hagel of the Foreign
    Relations Committee" -> "Chuck Hagel"; "a militant from the group" -> "a militant")."""
    return re.split(r"\s(?:of|from|at|with|for|in)\s", who, maxsplit=1)[0]


_WHO_SPOKE = re.compile(rf",?\s+who\s+(?:\w+ly\s+|also\s+|later\s+|had\s+|has\s+)?"
                        rf"(?:{VERBS}|commented|spoke|talked)\b")


class Antecedents:
    """Who a "he"/"she"/"it" before a quote stands for, in one article."""

    def __init__(self, text: str, sents: Sequence[Sentence], spans: list[tuple[int, int]],
                 index: EntityIndex | None, article: str) -> None:
        self.text = text
        self.sents = sents
        self.quote_spans = spans
        self.index = index
        self.mentions = index.spans.get(article, []) if index is not None else []
        # (quote start, speaker, type, sex from the pronoun that named it)
        self.said: list[tuple[int, str, str | None, str | None]] = []
        self.said_sex: dict[str, str] = {}  # a speaker's sex from '"…," he said'
        self.sexes = self._learn_sexes()

    def _learn_sexes(self) -> dict[str, str]:
        """The sex of each person of the article, from the pronouns that follow its mentions
        (up to the end of the next sentence, or to the next person named): "Cruz … his
        teacher … sent him" is a man, whatever his given name. Only a clear majority counts."""
        if self.index is None:
            return {}
        ents = self.index.entities
        people = [(ms, me, e) for ms, me, e in self.mentions if ents[e].type == "person"]
        starts = [x.start for x in self.sents]
        counts: dict[str, list[int]] = {}
        for i, (_ms, me, e) in enumerate(people):
            k = max(0, bisect.bisect_right(starts, me) - 1)
            end = self.sents[min(k + 1, len(self.sents) - 1)].end if self.sents else me
            for ms2, _me2, e2 in people[i + 1:]:
                if e2 != e:
                    end = min(end, ms2)
                    break
            window = self._outside_quotes(me, end).lower()
            c = counts.setdefault(ents[e].name, [0, 0])
            c[0] += len(_MALE_PRON.findall(window))
            c[1] += len(_FEMALE_PRON.findall(window))
        out = {}
        for name, (m, f) in counts.items():
            if m >= 2 and m >= 3 * f:
                out[name] = "m"
            elif f >= 2 and f >= 3 * m:
                out[name] = "f"
        return out

    def _agrees(self, pronoun: str, name: str) -> bool:
        sex = sex_of(name) or self.sexes.get(name) or self.said_sex.get(name)
        return sex is None or (pronoun == "he") == (sex == "m")

    def note(self, start: int, speaker: str, etype: str | None, sex: str | None) -> None:
        self.said.append((start, speaker, etype, sex))
        if sex:
            self.said_sex[speaker] = sex

    def _outside_quotes(self, a: int, b: int) -> str:
        """Sentence text with quoted words blanked."""
        chunk = list(self.text[a:b])
        for qs, qe in self.quote_spans:
            for i in range(max(qs, a), min(qe, b)):
                chunk[i - a] = " "
        return "".join(chunk)

    def resolve(self, pronoun: str, pos: int, k: int, own: str | None = None) -> str | None:
        """The antecedent of ``pronoun`` for a quote at ``pos`` in sentence ``k``."""
        want_org = pronoun == "it"
        weak: str | None = None  # a person named in the nearest sentences, not as subject
        weak_at = -1
        for j in range(k, max(-1, k - 7), -1):
            s = self.sents[j]
            end = min(s.end, pos)
            if end <= s.start:
                continue
            plain = self._outside_quotes(s.start, end)
            # 1. the speaker of an earlier quote in this sentence
            earlier = [x for x in self.said if s.start <= x[0] < end]
            for _start, who, etype, sex in reversed(earlier):
                if sex is not None and not want_org and (pronoun == "he") != (sex == "m"):
                    continue
                if self._fits(pronoun, who, etype, want_org):
                    return who
            if j == k and earlier:
                return None  # the sentence's own speaker does not fit: say nothing
            # "… including Toronto Mayor John Tory, who commented on …": the one said to speak
            spoke = self._who_spoke(s.start, end, pronoun) if j < k else None
            if spoke:
                return spoke
            lead = plain.lstrip(" \n“\"")
            same = re.match(rf"(?:(?:But|And|Then|Later|So|Still),?\s+)?{pronoun}\b", lead,
                            re.IGNORECASE)
            if j < k and same:
                continue  # "He mocked Trump ...": the same pronoun, look further back
            # 2. the subject of a speech verb ("One former Mosul resident said ...")
            if j < k or not same:
                for np in _clause_speakers(plain):
                    if np and fold(np) not in PRONOUNS:
                        label, etype = self.label(np)
                        if self._fits(pronoun, label, etype, want_org):
                            return label
            # 3. a person (or, for "it", an organisation) named in the sentence
            lead = self._lead_person(plain, pronoun) if j < k and not want_org else None
            if lead:  # a full name opening the sentence is its subject
                return lead
            found, strong = self._named_in(s.start, end, plain, pronoun, want_org)
            if found and strong:
                return found
            if weak is not None and weak_at - j >= 1:
                return weak  # one sentence further back named no subject either
            if found and weak is None:
                weak, weak_at = found, j
        return weak

    def resolve_they(self, pos: int, k: int) -> str | None:
        """"they" of a quote: the subject of the sentence before when it is plainly plural,
        "Cummings and other panel Democrats released …", "The soldiers complained …"."""
        for j in (k - 1, k):
            if j < 0:
                continue
            s = self.sents[j]
            plain = self._outside_quotes(s.start, min(s.end, pos)).strip(" \n“\"")
            if j == k and plain.lower().startswith("they"):
                continue
            both = re.match(r"(?P<np>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+and\s+(?:other\s+|"
                            r"fellow\s+)?(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*s)"
                            r"(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s+(?:[a-z]+ed|said|say|told|wrote)\b",
                            plain)
            if both:
                return both.group("np")
            lead = leading_subject(plain)
            words = lead.split() if lead else []
            if len(words) >= 2 and fold(words[0]) in {"the", "these", "those"} and (
                    fold(words[-1]).endswith("s") and fold(words[-1]) in AGENT_NOUNS):
                return lead
            if j == k - 1:
                break
        return None

    def _lead_person(self, plain: str, pronoun: str) -> str | None:
        """A full name opening the sentence as its subject, past an apposition ("Mark
        Mellman, a Democratic pollster who …, attributes …"), when the index did not list it:
        a given name and a surname, no other type, of the pronoun's sex."""
        np = leading_subject(plain.strip(" \n“\""))
        words = np.split() if np else []
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return None
        label, etype = self.label(np or "")
        if len(words) == 1 and etype != "person":
            return None  # a lone word only as a person the index knows ("Charamut, 60, …")
        if len(words) > 1 and fold(words[0]) not in MALE_NAMES | FEMALE_NAMES:
            return None
        if etype not in (None, "person") or not self._agrees(pronoun, label):
            return None
        return label

    def _who_spoke(self, a: int, b: int, pronoun: str) -> str | None:
        if self.index is None:
            return None
        for ms, me, e in self.mentions:
            ent = self.index.entities[e]
            if a <= ms and me <= b and ent.type == "person" and (
                    self._agrees(pronoun, ent.name) and _WHO_SPOKE.match(self.text, me, b)):
                return ent.name
        return None

    def label(self, np: str) -> tuple[str, str | None]:
        ent = self.index.find(np) if self.index is not None else None
        if ent is None:
            return np, None
        return ent.name, ent.type

    def reported(self, k: int, pronoun: str | None, after: int) -> str | None:
        """The speaker of the plain sentence just before sentence ``k`` ("Republican Chuck
        Hagel … says the tapes must be shown.", "…, McReddie added.", "Hubert Vedrine
        accused Israel of …"): a quote opening sentence ``k`` with only "he said", or with no
        attribution at all, is theirs. None when that sentence holds a quote, began before
        ``after`` (the end of the previous quote) or names no person."""
        if k == 0 or self.sents[k - 1].start <= after:
            return None
        plain = self.sents[k - 1].text
        if any(c in plain for c in "\"“”"):
            return None
        apposed = _APPOSED.match(plain)  # "One bystander, Marius duPlessis, said he …"
        if apposed:
            return self._named(apposed.group("name"), pronoun)
        np = next((c for c in _clause_speakers(plain) if c), None)
        named_only = np is None  # a subject found below must be a name, not "The judge"
        if np is None and (_ACTS.search(plain) or re.search(rf"\b(?:{VERBS})\b", plain)):
            np = leading_subject(plain)  # a subject _speaker_of_sentence missed
        by = None if np else _BY_AGENT.search(plain)
        np = by.group("np").rstrip(".") if by else np  # "… was spelt out by spokesman X."
        if not np or fold(np.split()[0]) in PRONOUNS or named_only and not _NAME_IN.search(np):
            return None
        return self._named(np, pronoun)

    def _named(self, np: str, pronoun: str | None) -> str | None:
        label, etype = self.label(_core(np))
        if etype is None:
            label = np  # "a militant from the group": the description as the text gives it
        if etype is None and not (_NAME_IN.search(np) or (
                fold(np.split()[0]) in _DETERMINERS and fold(_core(np).split()[-1]) in
                AGENT_NOUNS)):
            return None  # "The Israelis", "Police": no one person
        fits = [self._fits(p, _core(label), etype, False) for p in ([pronoun] if pronoun else [
            "he", "she"])]
        return label if any(fits) else None

    def _fits(self, pronoun: str, who: str, etype: str | None, want_org: bool) -> bool:
        group = etype is None and any(fold(w) in _GROUP_NOUNS for w in _core(who).split()[-2:])
        if want_org:
            return etype == "organization" or group
        if etype not in (None, "person", "other") or group:
            return False  # "the organisation claims ..." is not "he"
        words = who.split()
        if words and (pronoun, fold(words[0])) in (("she", "her"), ("he", "his")) and (
                sex_of(who) is None):
            return False  # after "her agent said", "she" is the woman, not her agent
        return self._agrees(pronoun, who)

    def _named_in(self, a: int, b: int, plain: str, pronoun: str,
                  want_org: bool) -> tuple[str | None, bool]:
        """The first person named as a subject in the sentence (strong), else the first
        person named in it (weak)."""
        if self.index is None:
            return None, False
        ents = self.index.entities
        hits = []
        for ms, me, e in self.mentions:
            if ms < a or me > b or plain[ms - a] == " " and self.text[ms] != " ":
                continue
            etype = ents[e].type
            if want_org != (etype == "organization") or (not want_org and etype != "person"
                                                        and not (etype == "other"
                                                                 and " " in ents[e].name
                                                                 and sex_of(ents[e].name))):
                continue  # a show ("Two Fat Ladies", "Goodbye Clarissa") is no "she"
            name = ents[e].name
            if not want_org and not self._agrees(pronoun, name):
                continue
            hits.append((ms, me, name))
        if not hits:
            return None, False
        for ms, _me, name in hits:
            if self._subject_like(a, ms) and self._verb_follows(ms, b):
                return name, True
        for _ms, me, name in hits:
            if re.match(r",\s+who\s", self.text[me:b]):
                return name, True  # "… joined by Russian President Vladimir Putin, who is …"
        return hits[0][2], False

    def _verb_follows(self, ms: int, b: int) -> bool:
        """A verb comes after the name (past an apposition): "Dean Baker, were less kind",
        "Romney urged"; not "…, Reddit co-founder Alexis Ohanian."."""
        m = re.match(r"[\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*", self.text[ms:b])
        after = self.text[ms + (m.end() if m else 0): b]
        after = re.sub(r"^(?:['’]s\b.*)$", "", after)
        after = re.sub(r"^,[^,]{1,80},(?:[^,]{1,80},)?", "", after)  # "X, 60, a member of …,"
        w = re.match(r"^,?\s+(?:\w+ly\s+)?(?P<w>[a-z][\w'’]*)", after)
        return bool(w) and w.group("w") not in _PREPOSITIONS and w.group("w") not in {
            "and", "or", "the", "a", "an", "who", "whose", "which"} and (
            w.group("w") not in _GROUP_NOUNS) and (  # "The … Chapa family lives": a modifier
            w.group("w") not in AGENT_NOUNS)  # "Donald Trump aide Michael Cohen questions …"

    def _subject_like(self, a: int, ms: int) -> bool:
        """No preposition or verb governs the name ("Calling Trump a bully, Romney asked")."""
        before = self.text[a:ms]
        if re.search(r",\s+(?:like|such as|including)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$",
                     before):
            return True  # "Others, like the progressive economist Dean Baker, were less kind"
        words = re.findall(r"[\w'’-]+|,", before)
        for i in range(len(words) - 1, -1, -1):
            w = words[i]
            lw = fold(w)
            if _OBJECT_BEFORE.search(lw) and i > 0 and (
                    fold(words[i - 1]) in _DETERMINERS or fold(words[i - 1]).endswith("ly")):
                continue  # "A remarkably composed Hilario", "the embattled Smith"
            if w == "," or lw in _DOCUMENTS or lw in {"statement", "interview", "speech",
                                                       "briefing", "conference", "release"}:
                return True  # "In a statement Shell said"
            if w[:1].isupper() and lw not in NOT_NAMES and not _OBJECT_BEFORE.search(lw):
                continue
            if lw in AGENT_NOUNS or lw in _TITLE_WORDS or lw in _DETERMINERS or lw in {
                "former", "late", "fellow", "then", "current", "progressive", "conservative"
            } or re.search(r"(?:ive|al|ent|ous|ic|an)$", lw):
                continue
            return lw not in _PREPOSITIONS and not _OBJECT_BEFORE.search(lw) and lw not in {
                "told", "said", "asked", "met", "saw", "called", "thanked", "slammed", "hit",
                "if", "unless", "whether", "than", "because", "that", "whom", "when", "while"
            }
        return True
