"""Direct quotations and who said them.

The speaker is who the text says said the words (see :mod:`newsweave.analyze.attribution`):
the attribution in the quote's sentence ('"…," said X', 'X told Y that Z said "…"', 'X
attacked Y: "…"'), a quoted tweet's signature, a quote continuing the previous one (in the
same paragraph, or after a paragraph break when the quote mark was left open), or a short
attribution sentence right after it. "he"/"she"/"it" are resolved by walking back through the
article. ``speaker`` is None when the text does not say. Names are written in full as the
article gives them (a lone surname becomes the full name of the one person who carries it);
anonymous speakers keep the text's description ("a Mosul resident"), and ``person`` groups the
descriptions of one anonymous person in an article ("One former Mosul resident", "the woman",
"the woman in Dahuk").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from newsweave.analyze.antecedents import Antecedents
from newsweave.analyze.attribution import (
    _VERB_AT,
    ABBREV,
    DOT,
    FEMALE_WORDS,
    MALE_WORDS,
    PRONOUNS,
    TURN,
    VERBS,
    clean_np,
    is_agent,
    sex_of,
    speaker_after,
    speaker_before,
    speaker_of_sentence,
    tweet_author,
)
from newsweave.analyze.documents import document_author, document_issuer, document_subject
from newsweave.analyze.entities import EntityIndex
from newsweave.analyze.gazetteer import FEMALE_NAMES, MALE_NAMES
from newsweave.analyze.items import Quote, SentenceRef, Speaker
from newsweave.analyze.names import NOT_NAMES, TITLES, fold, name_key
from newsweave.analyze.quote_spans import is_quote, quote_spans, titled
from newsweave.analyze.speaker_checks import (
    agent_by_as,
    anonymous,
    answer_follows,
    byline_speaker,
    dangling_fragment,
    drop_bracketed_names,
    head_noun,
    name_after_quote,
    official_after_according,
    plural_family,
    possessive_fragment,
    question_put,
    ruling_speaker,
    surname_subject,
    told_object,
    unnamed_before,
)
from newsweave.types import Article, Sentence, SummaryItem

_TITLE_WORDS = {w.strip(".") for t in TITLES for w in t.split()}
_CAPRUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:al|el|bin|ibn|de|van|von)[\s-])?[A-Z][\w'’.-]*)*")
MAX_QUOTE_WORDS = 150  # longer "quotes" come from unbalanced quote marks
# Abbreviation dots ("U.S.", "Col.") are masked so they do not end a clause.
_ABBREV, _DOT = ABBREV, DOT
_NEXT_ATTRIBUTION = re.compile(
    rf"^\s*(?P<np>[^,.;:!?“”\"\n]{{2,60}}?)\s+(?:{VERBS})\b[^.!?“”\"\n]{{0,40}}[.!]"
)


def _mask(text: str) -> str:
    return _ABBREV.sub(lambda m: m.group(1) + _DOT, text)


def _unmask(text: str | None) -> str | None:
    return text.replace(_DOT, ".") if text else text


_SAID_BEFORE = re.compile(
    r"(?:^|[.!?]\s+)(?P<np>[^.!?“”\"\n]{2,60}?)\s+(?:says|said|writes|wrote|adds|added|explains|"
    r"explained)\.\s*$"
)


def _said_before(before: str) -> str | None:
    """'Becker says. "The Handy composite …"': a sentence that only announces the speaker."""
    m = _SAID_BEFORE.search(before)
    return clean_np(m.group("np")) if m else None


def _attribution_gap(gap: str) -> bool:
    """Text between two quotes that only attributes the first ('," she said. ') rather than
    starting a sentence of its own ('" The dust maintained a "')."""
    words = re.findall(r"[\w'’-]+", gap)
    return len(words) <= 3 or re.search(rf"\b(?:{VERBS})\b", gap) is not None or (
        re.fullmatch(r"[^\w—–]*[—–][^—–]*[—–][^\w—–]*", gap) is not None  # an aside
    ) or re.match(r"[^\w]*(?:and|but|adding|or)\s+that\b", gap) is not None


def _own_paragraph(text: str, qs: int, qe: int, gap: str) -> bool:
    """A paragraph that is only a quotation, right after a paragraph that ended on a quote
    and its attribution ('"…," Romney said. / "There is dark irony …"')."""
    line_start = text.rfind("\n", 0, qs) + 1
    line_end = text.find("\n", qe)
    rest = text[qe: len(text) if line_end < 0 else line_end]
    parts = [p for p in re.split(r"\n\s*", gap) if p.strip()]
    return (not text[line_start:qs].strip() and not rest.strip(" .”\"")
            and len(parts) == 1 and len(parts[0]) < 60 and gap.count("\n") <= 3)


def _repeated_tweet(text: str, qs: int, qe: int, inner: str) -> str | None:
    """A quoted tweet whose embed follows in the next paragraph with its signature."""
    nxt = text.find("\n", qe)
    if nxt < 0 or len(inner) < 30:
        return None
    para = text[nxt: nxt + 600].lstrip()
    if not para.startswith(inner.strip()[:30]):
        return None
    return tweet_author(para[len(inner.strip()[:30]):])


def _person_in(np: str, index: EntityIndex | None) -> str:
    """The person named inside a speaker phrase, with the title before it.

    "Court of Queen's Bench Justice Kristine Eidsvik" -> "Justice Kristine Eidsvik";
    "Eidsvik in delivering her decision" -> "Kristine Eidsvik"; "Ali" -> "Abu Ali".
    """
    if index is None:
        return np
    desc = re.match(r"(?:a|an|the|one|another)\s+(?:[\w'’-]+\s+){0,3}?(?P<head>[a-z][\w'’-]*)"
                    r"\s+(?:of|from|in|near|at|for)\s", np, re.IGNORECASE)
    if desc and is_agent(fold(desc.group("head"))) and not (
            desc.group(0).endswith("for ") and desc.group("head")[:1].isupper()):
        return np  # "a resident of the nearby Abu Rummaneh district": not Abu Rummaneh
    runs = list(_CAPRUN.finditer(np))
    # the name before "with/of/from/at" first: "Sgt. Ed Harris with the San Diego Lifeguards"
    cut = re.search(r"\s(?:with|of|from|at|for|in)\s", np)
    if cut:
        runs = [r for r in runs if r.start() < cut.start()][::-1] + [
            r for r in runs if r.start() >= cut.start()][::-1]
        runs.reverse()
    for run in reversed(runs):
        if re.match(r"['’]s?\s+[a-z]", np[run.end() - 1: run.end() + 3]) or re.match(
            r"['’]s?\s+[a-z]", np[run.end(): run.end() + 4]
        ):
            continue  # "Reynolds' rep", "Trump's spokesman": the owner is not the speaker
        words = run.group().split()
        for k in range(len(words)):
            name = " ".join(words[k:])
            ent = index.find(name)
            if not ent or ent.type != "person":
                continue
            lead = np[: run.start()].split() + words[:k]
            titles = []
            while lead and fold(lead[-1]).strip(".") in _TITLE_WORDS and lead[-1][:1].isupper():
                titles.insert(0, lead.pop())
            if len(name_key(name)) < len(name_key(ent.name)):
                if lead and _given_name(lead[-1]) and fold(lead[-1]) != fold(
                        ent.name.split()[0]):
                    return f"{lead[-1]} {name}"  # "Will Huang", brother of Walter Huang
                name = ent.name  # a surname alone: the full name
            return " ".join([*titles, name])
    return np


def _given_name(word: str) -> bool:
    """A capitalised given name ("Will", "Walter"), also when it is a common word."""
    return word[:1].isupper() and " " not in word.strip() and (
        fold(word) in MALE_NAMES or fold(word) in FEMALE_NAMES)


def _named_in_quote(speaker: str, inner: str) -> bool:
    """The quotation speaks of its speaker by given name ("Walter took it …", "Barry Sherman
    was a reserved man"): those are someone else's words about that person. A given name
    followed by another capitalised word is another person ("Rep. Dan Thurlow")."""
    words = [w for w in speaker.split() if w[:1].isupper() and fold(w).strip(".") not in
             _TITLE_WORDS]
    if len(words) < 2 or not _given_name(words[0]):
        return False
    for m in re.finditer(rf"\b{re.escape(words[0])}\b(?P<next>\s+[A-Z][\w'’-]*)?", inner):
        nxt = (m.group("next") or "").strip()
        if not nxt or nxt == words[-1]:
            return True
    return False


_ANOTHER = re.compile(rf"^\s*[,—–-]?\s*(?:another|a second|a third|yet another)\s+(?:{VERBS})\b")


def _is_person(np: str, index: EntityIndex | None) -> bool:
    """``np`` names a person of the story (a transcript's "Keilar:", not "Update:")."""
    ent = index.find(np) if index is not None else None
    return ent is not None and ent.type == "person" and fold(np) not in NOT_NAMES


def _group_anonymous(items: list[dict[str, Any]], sexes: dict[int, str]) -> None:
    """Give the descriptions of one anonymous person in one article one ``person``.

    "One former Mosul resident" (she) -> "the woman" -> "The former resident" -> "the woman
    in Dahuk": a definite description ("the …") takes the latest earlier anonymous speaker
    of the article with the same head noun, or, for "the woman"/"the man", the latest one
    known to be a woman/man; "a …", "one …", "another …" are new people.
    """
    people: list[tuple[str, set[str], str | None]] = []  # (label, heads, sex)
    for i, q in enumerate(items):
        sp = q.get("speaker")
        if not sp or not anonymous(sp):
            continue
        head = head_noun(sp)
        sex = sex_of(sp) or sexes.get(i)
        definite = fold(sp.split()[0]) == "the"
        match = None
        if definite and head:
            for k in range(len(people) - 1, -1, -1):
                label, heads, psex = people[k]
                gender_noun = head in FEMALE_WORDS | MALE_WORDS
                if head in heads or (gender_noun and psex is not None and psex == sex):
                    match = k
                    break
        if match is None:
            people.append((sp, {head} if head else set(), sex))
            q["person"] = sp
        else:
            label, heads, psex = people[match]
            heads.add(head or "")
            people[match] = (label, heads, psex or sex)
            q["person"] = label


def _from_sentence(
    text: str, sents: list[Sentence], ante: Antecedents, index: EntityIndex | None,
    qs: int, qe: int, k0: int, k1: int,
) -> tuple[str | None, str | None]:
    """A quote with no attribution next to it: the speaker of a speech verb elsewhere in its
    sentence ('Although Khan “was not the only one …,” …, said Mark Fitzpatrick'; 'Kebreab
    said that … and added that “…”'), or, for a paragraph that is only the quote, of the
    last sentence of the paragraph before ('Limbaugh later added that … / "The reason …"')."""
    plain = ante._outside_quotes(sents[k0].start, sents[k1].end)
    if _relayed(ante._outside_quotes(sents[k0].start, qs)):
        return None, None
    np = official_after_according(plain) or _unmask(speaker_of_sentence(_mask(plain.strip())))
    if np and told_object(plain, np):  # '"…," Gov. Andrew Cuomo, assessing …, told NBC News.'
        np = _unmask(name_after_quote(_mask(text[qe: sents[k1].end])))
    line_start = text.rfind("\n", 0, qs) + 1
    line_end = text.find("\n", qe)
    alone = not text[line_start:qs].strip() and not text[
        qe: len(text) if line_end < 0 else line_end].strip(" .,”\"")
    at = k0
    opens = not text[max(sents[k0].start, line_start):qs].strip(" “\"")
    own_tail = ante._outside_quotes(qe, sents[k1].end)
    # 'When he'd arrived at Lovelock, "I gave …"' ending its paragraph: a short opening phrase
    intro = text[max(sents[k0].start, line_start):qs].strip(" “\"")
    led = bool(intro) and intro[-1] in ",:" and len(intro.split()) <= 12 and not re.search(
        r"\b(?:saying|adding|telling|writing|asking|noting|calling)\b", intro) and not text[
        qe: len(text) if line_end < 0 else line_end].strip(" .,”\"")
    if np is None and k0 > 0 and (alone and line_start > 0 or opens or led) and not re.search(
            rf"\b(?:{VERBS})\b", own_tail):  # an attribution of its own that was not read
        prev = sents[k0 - 1]
        same_para = prev.start >= line_start
        if (same_para and (opens or led)) or (
                prev.end <= line_start and text[prev.end:line_start].count("\n") <= 3):
            plain_prev = ante._outside_quotes(prev.start, prev.end)
            np = _unmask(speaker_of_sentence(_mask(plain_prev.strip())))
            if re.search(r"\b(?:him|her|them)\s+(?:saying|say|said)\b", plain_prev):
                np = None  # "“Mommy,” she recalls him saying. “Help me”": the object speaks
            at = k0 - 1
    if not np or fold(np) in NOT_NAMES - PRONOUNS:
        return None, None
    if fold(np) in PRONOUNS:
        pronoun = fold(np)
        if pronoun not in ("he", "she"):
            return None, None
        return ante.resolve(pronoun, sents[at].start if at < k0 else qs, at), pronoun
    return _person_in(np, index), None


# a list of one person's lines under labels: 'Some of our favorite Sementilli quotes: /
# ON HAPPINESS: "…" / ON LEADERSHIP: "…"', 'On bacon: "…"'
_LABEL = re.compile(r"^\s*(?:[A-Z][A-Z'’ -]{1,40}|On [^:\n“”\"]{1,40}):\s*$")
_LABEL_ITEM = re.compile(r"^(?:[A-Z][A-Z'’ -]{1,40}|On [^:\n“”\"]{1,40}):\s*[“\"]")
_QUOTES_OF = re.compile(r"(?P<n>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}?)(?:['’]s)?\s+"
                        r"(?:(?:favou?rite|best|famous|memorable|best-known)\s+)?"
                        r"(?:quotes|quips|sayings|lines)\b[^:\n]*:$")


def _list_item(text: str, qs: int, index: EntityIndex | None) -> str | None:
    """The speaker of a labelled list item: the person whose quotes a paragraph announces
    ("Some of our favorite Sementilli quotes …:"), when that paragraph is at most 400
    characters back over the list's items (farther back, and in lists nobody announces,
    whose lines they are is not clear: a blind judge called them wrong)."""
    line_start = text.rfind("\n", 0, qs) + 1
    if not _LABEL.match(text[line_start:qs]):
        return None
    end = line_start
    while True:
        before = text[:end].rstrip()
        para_start = before.rfind("\n") + 1
        para = before[para_start:].strip()
        if qs - para_start > 400 or not para:
            return None
        m = _QUOTES_OF.search(para)
        if m and fold(m.group("n").split()[0]) not in NOT_NAMES:
            return _person_in(m.group("n"), index)
        if not _LABEL_ITEM.match(para):
            return None
        end = para_start


def _relayed(head: str) -> bool:
    """The quote is introduced by a second speech verb whose subject was not read ('She said
    her dying mother … whispered, "…"', 'Salazar stated one of the deputies found the suspect
    … who allegedly told him, "…"'): the words are the inner speaker's, so the sentence's
    first speaker must not be given them."""
    verbs = list(_VERB_AT.finditer(head))
    if len(verbs) < 2 or len(head) - verbs[-1].end() > 70 or re.search(
            r"[.!?]\s", head[verbs[-1].end():]) or re.match(r"\s*to\s", head[verbs[-1].end():]):
        return False
    pron = re.search(r"\b(?P<p>he|she|they|it|I|we)\s+(?:\w+ly\s+|also\s+)?$",
                     head[: verbs[-1].start()], re.IGNORECASE)
    if pron and re.search(rf"\b{pron.group('p')}\s+(?:\w+ly\s+|also\s+)?$",
                          head[: verbs[0].start()], re.IGNORECASE):
        return False  # "he said he told governors …": the speaker quotes himself
    # "said … but acknowledged:", "emphasized … not to say": the same speaker goes on
    return not re.search(r"\b(?:but|and|or|to)\s+(?:\w+ly\s+|also\s+|later\s+|then\s+)?$",
                         head[: verbs[-1].start()])


def find_quotes(
    articles: Sequence[Article],
    sentences: dict[str, list[Sentence]],
    index: EntityIndex | None = None,
) -> list[Quote]:
    """Every direct quotation of every original article, with its speaker (or None)."""
    out: list[Quote] = []
    for art in articles:
        if art.duplicate_of:
            continue
        sents = sentences.get(art.id, [])
        if sents:
            out.extend(_article_quotes(art, sents, index))
    return out


def _article_quotes(
    art: Article, sents: list[Sentence], index: EntityIndex | None
) -> list[Quote]:
    text = art.text
    starts = [s.start for s in sents]
    spans = list(quote_spans(text))
    ante = Antecedents(text, sents, [(a, b) for a, b, _i, _c in spans], index, art.id)
    items: list[dict[str, Any]] = []
    sexes: dict[int, str] = {}
    prev_end, prev_speaker, prev_asked = -1, None, False

    def sent_at(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    for qs, qe, inner, continued in spans:
        if len(inner.split()) > MAX_QUOTE_WORDS:
            continue
        # a short exclamation ('“It’s crazy,” Angela told Metro.') is not listed, but its
        # speaker carries over to the quote that follows it
        short = not is_quote(inner, text, qs)
        if short and not (inner.strip().lstrip("([")[:1].isupper()
                          and is_quote(inner + " x x", text, qs)):
            continue
        if titled(text, qs, qe):
            continue
        k0, k1 = sent_at(qs), sent_at(max(qs, qe - 1))
        line_end = text.find("\n", qe)
        line_end = len(text) if line_end < 0 else line_end
        tail = text[qe: min(line_end, qe + 200)]
        first = sents[k0].start
        if k0 > 0 and re.search(r"\b[A-Z]!$", sents[k0 - 1].text.rstrip()):
            first = sents[k0 - 1].start  # "Reynolds' rep told E! News on Friday, “…”"
        head_start = max(first, text.rfind("\n", 0, qs) + 1, prev_end + 1)
        head = text[head_start:qs]
        speaker: str | None = None
        pronoun: str | None = None
        author = tweet_author(text[qe: qe + 400]) or _repeated_tweet(text, qs, qe, inner)
        if author:
            speaker = _person_in(author, index)
        else:
            np = "" if question_put(head, inner) else _unmask(speaker_after(_mask(tail), inner) or (
                agent_by_as(head) or speaker_before(_mask(drop_bracketed_names(head)))))
            by = None if np else byline_speaker(head)
            if by:  # a press digest's byline: '“Headline,” by Steve Hendrix and Perry Stein:'
                speaker, np = (by if " and " in by else _person_in(by, index)), ""
            other = _ANOTHER.match(tail)
            if np is None and other and prev_speaker and anonymous(prev_speaker):
                # '"…," one user wrote. "…," another tweeted.' -> "another user"
                np = f"another {head_noun(prev_speaker) or 'person'}"
            turn = TURN.match(text[text.rfind("\n", 0, qs) + 1: qs + 1])
            if np is None and turn and _is_person(turn.group("np").rstrip("-"), index):
                np = turn.group("np").rstrip("-")  # 'Keilar: "Polls. I just told you."'

            doc = document_subject(tail, head)
            if np is None and doc:  # '"…," the statement said': its author, when named
                speaker = document_author(text, qs, sents[k1].end) or document_issuer(tail, head)
                np = "" if speaker is None else None
            if np is None and speaker is None:
                np = _unmask(_said_before(_mask(text[max(head_start - 120, 0, prev_end + 1):qs])))
            if np is None and speaker is None:
                speaker = _list_item(text, qs, index)
            if np is None and speaker is None:
                gap = text[prev_end:qs] if prev_end >= 0 else ""
                if prev_speaker and (continued or ("\n" not in gap and (
                        len(gap) < 120 or len(gap) < 320 and re.search(rf"\b(?:{VERBS})\b", gap))
                                                   and _attribution_gap(gap))
                                     or _own_paragraph(text, qs, qe, gap)):
                    if prev_asked and "\n" in gap and len(inner.split()) <= 6:
                        np = ""  # '"Which polls?" he asked. / "All of them."': the answer
                    else:  # unless the sentence between names a new speaker
                        speaker = ante.reported(k0, None, prev_end) or prev_speaker
                elif inner.rstrip()[-1:] in ".!?" and not tail.strip():
                    m = _NEXT_ATTRIBUTION.match(_mask(text[line_end: line_end + 120]))
                    np = _unmask(clean_np(m.group("np"))) if m else None
            if np is not None and speaker is None:
                if fold(np) in PRONOUNS:
                    pronoun = fold(np)
                    if pronoun in ("he", "she", "it"):
                        speaker = ante.resolve(pronoun, qs, k0)
                        ruling, judge = ruling_speaker(tail, text[:qs])
                        if ruling:  # '"…," she said in her sentencing decision': the judge
                            speaker = _person_in(judge, index) if judge else None
                        elif speaker and pronoun != "it" and (plural_family(text, speaker) or (
                                unnamed_before([ante._outside_quotes(x.start, x.end) for x in
                                                sents[max(0, k0 - 2):k0][::-1]], speaker))):
                            speaker = None  # 'a ranger in Capodacqua …. "…," he said'
                        if pronoun != "it" and k0 > 0 and index is not None:
                            lead = surname_subject(ante._outside_quotes(
                                sents[k0 - 1].start, sents[k0 - 1].end), [
                                e.name for e in index.entities if e.type == "person"])
                            sex = ante.sexes.get(lead or "") or sex_of(lead or "")
                            if lead and lead != speaker and sex in (
                                    None, {"he": "m", "she": "f"}[pronoun]):
                                speaker = lead  # 'Winter chose to clap back …. "…," she asked'
                        if pronoun != "it" and not ruling:  # 'X says …. "…," he said'
                            speaker = ante.reported(k0, pronoun, prev_end) or speaker
                    elif pronoun == "they":  # '"…," they said, reading from a statement'
                        speaker = ante.resolve_they(qs, k0)
                    if speaker is None and pronoun == "it" and doc:
                        speaker = document_author(text, qs, sents[k1].end)
                elif np and (fold(np) not in NOT_NAMES or _given_name(np)) and fold(
                        np.split()[0]) not in {"after", "against", "before", "in", "on", "with"}:
                    speaker = _person_in(np, index)
        if speaker is None and np is None and not author:
            speaker, pronoun = _from_sentence(text, sents, ante, index, qs, qe, k0, k1)
        if speaker:  # "President Trump's" (…adviser), "cited his campaign slogan and": none
            speaker = None if dangling_fragment(speaker) else possessive_fragment(speaker, text)
        if speaker and not short and _named_in_quote(speaker, inner):
            speaker = None  # 'Walter complained "… Walter took it into dealership …"'
        if speaker:
            ent = index.find(speaker) if index is not None else None
            sex = {"he": "m", "she": "f"}.get(pronoun or "")
            ante.note(qs, speaker, ent.type if ent else None, sex)
            if sex:
                sexes[len(items)] = sex
        prev_end, prev_speaker = qe, speaker
        prev_asked = answer_follows(inner, tail)
        if short:
            continue
        items.append(
            {
                "speaker": speaker,
                "text": inner.strip().rstrip(","),
                "source": art.id,
                "sentence": SentenceRef(art.id, sents[k0].start, sents[k1].end),
                "continued": continued,
            }
        )
    for a, b in reversed(list(zip(items, items[1:], strict=False))):  # '"… / "…," X said.'
        if b["continued"] and b["speaker"] and a["speaker"] is None:
            a["speaker"] = b["speaker"]  # a quote over several paragraphs has one speaker
    _group_anonymous(items, sexes)
    return [Quote(q["speaker"], q["text"], q["source"], q["sentence"],
                  q.get("person", q["speaker"])) for q in items]


# A brief sentence whose speaker is only a pronoun: '"We will win," he said.' or
# 'He added that ...'. The name is in an earlier sentence of the article, often not in the brief.
PRONOUN_SPEAKER = re.compile(
    r"(?:[,?!\u2014-]\s*[\"\u201d\u2019']\s*(?P<after>he|she)\s+|^(?P<before>he|she)\s+)"
    r"(?:said|says|added|adds|told|tells|explained|continued|noted|wrote|writes|recalled|"
    r"insisted|asked|replied)\b",
    re.I,
)
_SPEECH_VERB = (
    r"(?:said|says|told|tells|added|adds|explained|wrote|writes|noted|recalled|insisted|"
    r"described|criticized|criticised|called|argued|warned)"
)
_CAP = r"[A-Z][\w.\u2019'-]*"
_NOT_SUBJECT_BEFORE = frozenset(
    "of to with by for from about against at on in into and or than like as after before "
    "over under between among versus vs".split()
)
# Words that give a speaker's sex away, for a "he"/"she" check (first names are not guessed).
_MALE = frozenset("mr he man father son husband brother king boy uncle grandfather".split())
_FEMALE = frozenset("mrs ms miss she woman mother daughter wife sister queen girl aunt "
                    "grandmother".split())


def _names_subject(sentence: str, speaker: str) -> bool:
    """``sentence`` has ``speaker`` as its subject: it opens on the name ("Romney, the
    chairman, ...", "The senator, who ...") or the name is next to a speech verb
    ("..., Williams said", '"...," said Sheikh Mohammed al-Jarba'). Not: "McCain's running
    mate ...", "Trump slammed Cruz", "Critics of Smith said", "Smith was criticized by ...",
    or "Jane Smith ..." for John Smith."""
    words = speaker.split()
    if not words:
        return False
    key = re.escape(words[-1])
    given = words[-2] if len(words) > 1 and words[-2][:1].isupper() else None
    opens = re.match(
        rf"^[\"\u201c']?(?:(?:(?i:the|a|an|another)|{_CAP})\s+){{0,4}}(?P<key>(?i:{key}))\b"
        rf"(?![\u2019']s)",
        sentence,
    )
    verb = re.search(
        rf"\b(?P<key>(?i:{key}))\s+(?:(?!(?:was|were|is|are|been|being|be)\b)\w+\s+)?"
        rf"{_SPEECH_VERB}\b",
        sentence,
    )
    verb_first = re.search(
        rf"[,\u201d\"]\s+{_SPEECH_VERB}\s+(?:{_CAP}\s+){{0,4}}(?P<key>{key})\b", sentence
    )
    for m in (opens, verb_first, verb):
        if m is None:
            continue
        before = sentence[: m.start("key")].split()
        prev = before[-1] if before else ""
        if given and prev[:1].isupper() and prev != given and not _is_title(prev):
            return False  # "Jane Smith" is not "John Smith"
        if m is verb and prev.lower() in _NOT_SUBJECT_BEFORE:
            continue  # "Critics of Smith said"
        if m is opens and _PASSIVE.match(sentence, m.end()):
            continue  # "Smith was criticized by ..."
        return True
    return False


_PASSIVE = re.compile(r"\s+(?:was|were|is|are|has been|had been|have been)\s+\w+\s+by\b")


def _is_title(word: str) -> bool:
    return word.endswith(".") or fold(word).strip(".") in _TITLE_WORDS


def _sex_agrees(pronoun: str, speaker: str) -> bool:
    words = {w.strip(".,").lower() for w in speaker.split()}
    if pronoun == "he":
        return not words & _FEMALE
    return not words & _MALE


def brief_speakers(
    summary: Sequence[SummaryItem],
    quotes: Sequence[Quote],
    sentences: dict[str, list[Sentence]],
) -> list[Speaker]:
    """Who "he" or "she" is in brief sentences that name their speaker by a pronoun only.

    The speaker comes from the quotation analysis of the sentence's own article, and is kept
    only when the sentence just before it in the article has that speaker as its subject
    (the antecedent a reader of the article would use); otherwise nothing is said, because a
    wrong name is worse than a pronoun. ``summary`` is the index of the brief sentence.
    """
    by_sentence: dict[tuple[str, int], str] = {}
    for q in quotes:
        if q.speaker and fold(q.speaker) not in PRONOUNS:
            by_sentence.setdefault((q.sentence.article, q.sentence.start), q.speaker)
    out: list[Speaker] = []
    for k, item in enumerate(summary):
        m = PRONOUN_SPEAKER.search(item.text)
        s = item.sentence
        speaker = by_sentence.get((s.article, s.start)) if m else None
        article = sentences.get(s.article, [])
        if not m or not speaker or not 0 < s.index < len(article):
            continue
        pronoun = (m.group("after") or m.group("before")).lower()
        if not _sex_agrees(pronoun, speaker):
            continue
        if not _names_subject(article[s.index - 1].text, speaker):
            continue
        out.append(Speaker(k, pronoun, speaker, s.article, SentenceRef.of(s)))
    return out
