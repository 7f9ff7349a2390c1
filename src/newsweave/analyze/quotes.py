"""Direct quotations and who said them.

The speaker comes from the words next to the quote: "…," said X / "…," X said / X said: "…"
/ X told Y that "…" / "…," Y quoted X as saying / according to X. A pronoun ("he said") or a
quote standing alone takes the speaker of the previous quote or of the last sentence that
named one. Names are written in full as the article gives them; a lone surname becomes the
full name of the one person who carries it; anonymous speakers stay as described ("a Mosul
resident").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from newsweave.analyze.entities import EntityIndex
from newsweave.analyze.items import Quote, SentenceRef, Speaker
from newsweave.analyze.names import NOT_NAMES, TITLES, fold, name_key
from newsweave.types import Article, Sentence, SummaryItem

_VERBS = (r"said|says|told|added|continued|explained|asked|wrote|insisted|warned|stressed|"
          r"noted|replied|declared|recalled|confirmed|quoted")
_TAIL_VERB_FIRST = re.compile(
    rf"^\s*[,—–-]?\s*(?:{_VERBS})\s+(?P<np>[^,.;:!?“”\"]{{2,90}})"
)
_TAIL_QUOTED_AS = re.compile(r"\bquoted\s+(?P<np>[^,.;:“”\"]{2,60}?)\s+as\s+saying\b")
_TAIL_NP_FIRST = re.compile(
    rf"^\s*[,—–-]?\s*[“\"]?(?P<np>[^,.;:!?“”\"]{{2,80}}?)[”\"]?\s*"
    rf"(?:,\s*(?P<app>[^,.;:!?“”\"]{{2,80}}?),?\s*)?\s(?:{_VERBS})\b"
)
_HEAD_VERB = re.compile(
    rf"(?P<subj>[^.!?“”\"]*?)\s(?:{_VERBS})\b(?P<rest>[^.!?“”\"]{{0,60}}?)(?:\s+that)?\s*[,:]?\s*$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<np>[^,.;:“”\"]{2,80})")
_SAID_IN = re.compile(rf"(?P<subj>[^.!?“”\"]*?)\s(?:{_VERBS})\b")
_TITLE_WORDS = {w.strip(".") for t in TITLES for w in t.split()}
_PREPOSITIONS = {"in", "on", "at", "against", "after", "before", "with", "for", "to", "from",
                 "by", "during", "about", "of", "into", "over", "under", "without"}
_CAPRUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:al|el|bin|ibn|de|van|von)[\s-])?[A-Z][\w'’.-]*)*")
_ADJ_ED = {"armed", "retired", "unnamed", "masked", "based", "detained", "wounded", "named",
           "injured", "displaced", "concerned", "unidentified", "elected", "appointed"}
_VERBS_PAST = {"made", "came", "went", "took", "gave", "got", "felt", "thought", "knew", "saw"}
MAX_QUOTE_WORDS = 150  # longer "quotes" come from unbalanced quote marks
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "him", "her", "them"}
_RELATIVE = re.compile(r"\s+(?:who|whose|which|that|where|when|because|but|while)\b.*$")
_LEAD = re.compile(r"^(?:as|and|but|so|then|while|when|yet|also)\s+", re.IGNORECASE)
_ADVERBS = re.compile(r"\s+(?:also|later|earlier|then|previously|recently|again|once)$")
_QUOTE = re.compile(r"“(?P<c>[^“”]{1,2000}?)”|\"(?P<s>[^\"\n]{1,2000}?)\"")
# Abbreviation dots ("U.S.", "Col.") are masked so they do not end a clause.
_ABBREV = re.compile(r"\b([A-Z]|Col|Gen|Maj|Capt|Sgt|Lt|Dr|Mr|Mrs|Ms|St|Adm|Rep|Sen)\.")
_DOT = "\u2024"


def _mask(text: str) -> str:
    return _ABBREV.sub(lambda m: m.group(1) + _DOT, text)


def _unmask(text: str | None) -> str | None:
    return text.replace(_DOT, ".") if text else text


def _quotes(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, inner text) of double-quoted spans, curly or straight."""
    for m in _QUOTE.finditer(text):
        group = "c" if m.group("c") is not None else "s"
        yield m.start(), m.end(), m.group(group)


def _is_quote(inner: str, text: str, start: int) -> bool:
    words = inner.split()
    if len(words) < 3:
        return False
    before = text[max(0, start - 200):start].rstrip()
    opens_clause = not before or before[-1] in ",:.!?—–-”\"\n"
    return inner.lstrip("…. [")[:1].isupper() and (opens_clause or len(words) >= 6) or (
        len(words) >= 8
    )


def _clean_np(np: str) -> str | None:
    """The speaker phrase of a clause, or None when it does not look like one."""
    chunks = [c.strip() for c in re.split(r",|\s[—–-]\s", np) if c.strip()]
    while chunks and re.match(r"(?:who|whose|which|where)\b", chunks[-1]):
        chunks.pop()
    if not chunks:
        return None
    pick = chunks[-1]
    if len(chunks) > 1 and (
        re.match(r"(?:a|an|the|one|another)\s", pick, re.IGNORECASE) is None
        and pick[:1].islower()
    ):  # "One Mosul resident, reached by phone," -> the chunk before the participle
        pick = chunks[-2]
    elif len(chunks) > 1 and re.match(r"(?:a|an|the)\s", pick) and chunks[-2][:1].isupper():
        pick = chunks[-2]  # "Col. John Dorrian, a spokesman for the coalition,"
    pick = _RELATIVE.sub("", pick)
    pick = _LEAD.sub("", pick).strip(" “”\"'")
    pick = _ADVERBS.sub("", pick)
    if not pick or len(pick.split()) > 9 or not re.search(r"[A-Za-z]", pick):
        return None
    if re.search(r"\b(?:is|are|was|were|has|have|had)\b", pick):
        return None
    later = [w for w in pick.split()[1:] if w[:1].islower()]
    if any((w.endswith("ed") and w not in _ADJ_ED) or w in _VERBS_PAST for w in later):
        return None  # "Handy also created", "That decision also turned out": a clause
    return pick


class _Tracker:
    """The last speaker named in an article, to resolve "he said" and lone quotes."""

    def __init__(self, index: EntityIndex | None) -> None:
        self.index = index
        self.last: str | None = None

    def resolve(self, np: str | None) -> str | None:
        if np is None:
            return None
        if fold(np) in _PRONOUNS:
            return self.last
        first = fold(np.split()[0])
        if first in _PREPOSITIONS or (fold(np) in NOT_NAMES):
            return None  # "against Kelly", "After": not a speaker
        if self.index is not None:
            np = self._person_in(np) or np
        self.last = np
        return np

    def _person_in(self, np: str) -> str | None:
        """The person named inside a speaker phrase, with the title before it.

        "Court of Queen's Bench Justice Kristine Eidsvik" -> "Justice Kristine Eidsvik";
        "Eidsvik in delivering her decision" -> "Kristine Eidsvik"; "Ali" -> "Abu Ali".
        """
        assert self.index is not None
        runs = list(_CAPRUN.finditer(np))
        for run in reversed(runs):
            words = run.group().split()
            for k in range(len(words)):
                name = " ".join(words[k:])
                ent = self.index.find(name)
                if not ent or ent.type != "person":
                    continue
                lead = np[: run.start()].split() + words[:k]
                titles = []
                while lead and fold(lead[-1]).strip(".") in _TITLE_WORDS:
                    titles.insert(0, lead.pop())
                if len(name_key(name)) < len(name_key(ent.name)):
                    name = ent.name  # a surname alone: the full name
                return " ".join([*titles, name])
        return None


def _speaker_after(tail: str, inner: str) -> str | None:
    if inner.rstrip()[-1:] in ".!?…" and tail.lstrip()[:1].isupper():
        return None  # the quote closed its sentence; what follows is a new one
    m = _TAIL_QUOTED_AS.search(tail[:120])
    if m:
        return _clean_np(m.group("np"))
    m = _TAIL_VERB_FIRST.match(tail)
    if m:
        return _clean_np(m.group("np"))
    m = _TAIL_NP_FIRST.match(tail)
    if m and len(m.group("np").split()) <= 9:
        return _clean_np(m.group("np"))
    return None


_HEAD_COLON = re.compile(
    r"(?:^|[.!?]\s+)(?P<np>[A-Z][^.!?:“”\"]{1,60}?)\s+(?:was|is|were|are|had|has|wrote|"
    r"put it|added)\b[^.!?:“”\"]{0,40}:\s*$"
)


def _speaker_before(head: str) -> str | None:
    m = _HEAD_VERB.search(head)
    if m and m.group("subj").strip():
        return _clean_np(m.group("subj"))
    m = _ACCORDING.search(head)
    if m and len(head) - m.end() < 80:  # "According to X, a nurse, “…”"
        return _clean_np(m.group("np"))
    m = _HEAD_COLON.search(head)  # "The mayor was blunt: “…”"
    if m:
        return _clean_np(m.group("np"))
    return None


def _speaker_of_sentence(text: str) -> str | None:
    """Speaker named by a sentence without quotes ("X said ...", "according to X")."""
    m = _ACCORDING.search(text)
    if m:
        return _clean_np(m.group("np"))
    m = _SAID_IN.match(text)
    if m and m.group("subj").strip():
        return _clean_np(m.group("subj"))
    return None


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
        starts = [s.start for s in sents]
        text = art.text
        track = _Tracker(index)
        prev_end = -1
        prev_speaker: str | None = None
        done_sent = -1

        def sent_at(pos: int, sents: list[Sentence] = sents, starts: list[int] = starts) -> int:
            return max(0, bisect.bisect_right(starts, pos) - 1)

        for qs, qe, inner in _quotes(text):
            if not sents:
                break
            k0, k1 = sent_at(qs), sent_at(max(qs, qe - 1))
            # sentences between the previous quote and this one may name a speaker
            for k in range(done_sent + 1, k0):
                if not any(c in sents[k].text for c in "“\""):
                    track.resolve(_unmask(_speaker_of_sentence(_mask(sents[k].text))))
            done_sent = max(done_sent, k0 - 1)
            if not _is_quote(inner, text, qs) or len(inner.split()) > MAX_QUOTE_WORDS:
                continue
            line_end = text.find("\n", qe)
            line_end = len(text) if line_end < 0 else line_end
            tail = text[qe: min(line_end, qe + 200)]
            head_start = max(sents[k0].start, text.rfind("\n", 0, qs) + 1, prev_end + 1)
            head = text[head_start:qs]
            np = _unmask(_speaker_after(_mask(tail), inner) or _speaker_before(_mask(head)))
            speaker = track.resolve(np) if np else None
            if speaker is None:
                gap = text[prev_end:qs] if prev_end >= 0 else ""
                if prev_speaker and prev_end >= 0 and "\n\n" not in gap and len(gap) < 250:
                    speaker = prev_speaker
                elif np is None:
                    speaker = track.last if prev_end >= 0 and len(gap) < 400 else None
            prev_end, prev_speaker = qe, speaker
            if speaker:
                track.last = speaker
            done_sent = max(done_sent, k1)
            out.append(Quote(speaker, inner.strip().rstrip(","), art.id,
                             SentenceRef(art.id, sents[k0].start, sents[k1].end)))
    return out


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
        if q.speaker and fold(q.speaker) not in _PRONOUNS:
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
