"""Entities and the names they go by across a cluster of articles.

Mentions (see :mod:`newsweave.analyze.names`) are grouped by spelling key, then groups are
merged only on evidence: an acronym matching a name's initials, a statement in the text
("Daesh is an alternative name for Islamic State", "X, also known as Y", "X (Y)"), a
transliteration variant, a translated organisation word ("Kitaeb al-Mosul" = "Mosul
Brigades"), a surname or first name that belongs to exactly one person, or the small alias
table :data:`~newsweave.analyze.lexicon.KNOWN_ALIASES`. People whose surnames match but whose
first names differ stay apart, and a place never merges with a group named after it (a group
is merged only as a whole name, never through one of its words).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsweave.analyze.entity_fragments import fragment_at
from newsweave.analyze.entity_links import (
    SUFFIXES,
    link_partial_names,
    nickname_pairs,
    plural_surnames,
)
from newsweave.analyze.entity_lists import join_short_bodies, refine_types
from newsweave.analyze.entity_types import (
    GIVEN_KEYS,
    ORG_KEYS,
    PLACE_KEYS,
    Form,
    entity_type,
    initials,
    is_acronym,
    person_like,
)
from newsweave.analyze.gazetteer import GENERIC, KNOWN_PLACES
from newsweave.analyze.items import Entity, SentenceRef
from newsweave.analyze.lexicon import (
    AGENCIES,
    ALIAS_PATTERNS,
    KIN_BEFORE,
    KNOWN_ALIASES,
    ORG_AFTER,
    ORG_BEFORE,
    ORG_NOUN_AFTER,
    ORG_PLATFORM,
    ORG_POSSESSIVE,
    PERSON_AFTER,
    PERSON_BEFORE,
    PERSON_POSSESSIVE,
    PLACE_AFTER,
    PLACE_BEFORE,
    PLACE_OF,
    PLACE_PEOPLE,
    PLACE_WEAK,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    TERM_PATTERNS,
)
from newsweave.analyze.name_evidence import (
    bracket_alias_ok,
    context_cues,
    forms_to_drop,
    not_place_in,
)
from newsweave.analyze.name_joins import joined
from newsweave.analyze.names import (
    NOT_NAMES,
    Mention,
    fold,
    lower_variants,
    name_key,
    sentence_mentions,
    spelling_key,
)
from newsweave.text.tokens import tokenize
from newsweave.types import Article, Sentence

Key = tuple[str, ...]



class _Union:
    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, k: Key) -> Key:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)




def _fits(a: Form, b: Form) -> bool:
    """An acronym paired with a name must spell its initials ("Iowa (AP)" is a dateline)."""
    na, nb = a.mentions[0].text, b.mentions[0].text
    for acro, full in ((na, nb), (nb, na)):
        if is_acronym(acro) and not is_acronym(full):
            letters = acro.replace(".", "")
            first = initials(full)
            it = iter(first)
            return all(ch in it for ch in letters) and letters[0] == first[:1]
    return True


def _same_article(a: Form, b: Form) -> bool:
    """Some article names both ("JFK" beside "John F. Kennedy"): an acronym joins a person's
    name only then, never on the letters alone."""
    return bool({m.article for m in a.mentions} & {m.article for m in b.mentions})


def _org_key(key: Key) -> frozenset[str] | None:
    """Key with organisation words translated, when the name holds one ("Mosul Brigades")."""
    if not any(k in ORG_KEYS for k in key):
        return None
    words = [ORG_KEYS.get(k, k) for k in key]
    return frozenset(words)




@dataclass(slots=True)
class EntityIndex:
    """The entities of a cluster and a lookup from any surface name to its entity."""

    entities: list[Entity]
    by_key: dict[Key, int]
    # article id -> (start, end, entity number) of every mention in the article's text
    spans: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)

    def find(self, name: str) -> Entity | None:
        k = self.by_key.get(name_key(name))
        return self.entities[k] if k is not None else None

    def canonical(self, name: str) -> str:
        ent = self.find(name)
        return ent.name if ent else name


def _collect(
    articles: Sequence[Article], sentences: dict[str, list[Sentence]]
) -> dict[Key, Form]:
    forms: dict[Key, Form] = {}
    vocab = frozenset(
        w for a in articles if not a.duplicate_of for w in tokenize(a.text, "lower3")
    )
    for art in articles:
        if art.duplicate_of:
            continue
        text = art.text
        # the title is read too (its names count) but has no offsets in the text
        title = [Sentence(art.id, -1, 0, 0, art.title)] if art.title else []
        for sent in [*title, *sentences.get(art.id, [])]:
            for m in joined(sentence_mentions(sent, vocab), sent.text, text):
                key = name_key(m.text)
                if not key or (sent.index >= 0 and fragment_at(text, m.start, m.end, key)):
                    continue
                form = forms.setdefault(key, Form(key))
                form.mentions.append(m)
                if m.title:
                    form.titles[m.title] += 1
                if any(fold(w) in vocab for w in m.text.split()[1:]):
                    form.cues["lower_word"] += 1  # "Pitch Perfect": "perfect" is a word here
                if sent.index < 0:
                    continue
                before = text[max(0, m.start - 40): m.start]
                after = text[m.end: m.end + 60]
                possessive = re.match(r"(?:'s|’s|'|’)(?:\s|$)", after) is not None
                if PLACE_BEFORE.search(before) and not not_place_in(before) and not possessive:
                    form.cues["place"] += 1
                elif PLACE_AFTER.match(after):  # "Gadhafi's army" is a man's as often
                    form.cues["place" if not possessive else "place_weak"] += 1
                elif PLACE_WEAK.search(before) and not possessive:  # "tied to Wilbur Ross' firm"
                    form.cues["place_weak"] += 1
                elif (PLACE_OF.search(before) and after[:1] in ",.;") or (
                        re.search(r"\b[Aa]n?\s+$", before) and PLACE_PEOPLE.match(after)) or (
                        re.match(r"\s+state\b", after)
                        and not re.search(r"\b(?:an?|independent|own|new)\s+$", before)):
                    form.cues["place"] += 1  # "Scott, 19, of Fairmont,", "A Liberty couple"
                if ORG_BEFORE.search(before) or ORG_AFTER.match(after):
                    form.cues["org"] += 1
                if re.search(r"(?i)\b(?:hurricane|superstorm|storm|typhoon|cyclone)\s+$", before):
                    form.cues["event"] += 1
                if before[-1:] in "“\"" and after[:1] in "”\"":
                    form.cues["quoted"] += 1  # “Baby Mama”, “Unintended Consequences”: a title
                if PERSON_AFTER.match(after) or PERSON_BEFORE.search(before) or re.match(
                    r"\s+(?:said|says|told|added|thinks|believes|wrote)\s+(?:he|she)\b", after
                ) or (
                    re.search(r"\b(?:von|van|de|da|di|le|la)\s+$", before)
                ) or (
                    PERSON_POSSESSIVE.match(after)
                ):
                    form.cues["person"] += 1
                if ORG_POSSESSIVE.match(after) or ORG_PLATFORM.search(before) or (
                        ORG_NOUN_AFTER.match(after)):
                    form.cues["org"] += 1  # "the WinCo store", "the Apotex founder"
                form.cues.update(context_cues(before, after))  # works, awards, bodies
                if re.match(r"\s+[A-Z]?\d{1,4}[A-Za-z]?\b(?![.,:]\d|\s*(?:%|percent|[ap]\.?m\b|"
                            r"years?|million|billion|people))", after):
                    form.cues["numbered"] += 1  # "PlayStation 4", "DualShock 4": a model
                if re.search(r"\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s+$", before):
                    form.cues["clock"] += 1  # "9 p.m. ET", "11:00 UT": a time zone
                if KIN_BEFORE.search(before):
                    form.cues["person"] += 1  # "his two sons, Alaa and Gamal"
                if (m.start == 0 or text[m.start - 1] == "\n") and re.match(
                        r"\s*(?:\(\w+\)\s*)?(?:--|—|–)", after):
                    form.cues["dateline"] += 1  # "CALGARY -- A woman ..."
                if re.search(r"\b(?:[Tt]he|told|to|within|of|at|from|by|with|for)\s+$|\($",
                             before) or after[:2] in ("'s", "’s") or after[:1] == ")":
                    form.cues["the"] += 1  # "the FBI", "told KKCO", "(CBC)": a body
                if re.search(r"\b(?:a|an|began|begin|performed|performing|perform|did|doing|"
                             r"gave|giving|administered|learned|using|wearing)\s+$", before) or (
                        re.match(r"-\d", after)):
                    form.cues["thing"] += 1  # "began CPR", "a SWAT hat": a term
                rest = text[m.end: min(m.sentence[1], m.end + 100)]
                if re.search(r"\b(?:he|she|his|her|him|herself|himself)\b", rest) and not (
                        re.search(r"[a-z,]\s+[A-Z][a-z]+", rest)):
                    form.cues["pronoun"] += 1  # "Katera Barker ..., and her mother": a person
                if SPEECH_AFTER.match(after) or SPEECH_BEFORE.search(before):
                    form.cues["speaks"] += 1
                elif after.startswith(":") and (m.start == 0 or text[m.start - 1] == "\n"):
                    # "BAGHDAD:" opens an article (not "Kinect: the review"); deep in the text
                    # a line "MCEVERS: …" is a transcript's speaker label
                    form.cues["dateline" if m.start < 150 else "label"] += 1
    return forms


def _keep_initial_only(forms: dict[Key, Form], vouched: set[Key]) -> None:
    """Drop forms seen only at sentence starts unless something else vouches for them."""
    inner = {k for k, f in forms.items() if any(not m.initial for m in f.mentions)}
    tails = {k[-1] for k in forms if len(k) > 1} | {k[0] for k in forms if len(k) > 1}
    for k in [k for k, f in forms.items() if k not in inner]:
        f = forms[k]
        name = f.mentions[0].text
        if len(k) > 1 or is_acronym(name) or f.cues["speaks"] or f.cues["dateline"] or f.cues[
            "label"] or (
            f.titles or k in vouched
        ) or (
            len(k) == 1 and k[0] in tails
        ):
            continue
        del forms[k]


def _drop_ordinary(articles: Sequence[Article], forms: dict[Key, Form], vouched: set[Key]) -> None:
    """Drop fragments of longer titles and ordinary words (see
    :mod:`newsweave.analyze.name_evidence`) unless a title, a person cue or a term vouches."""
    keep = set(vouched) | {k for k, f in forms.items()
                           if f.term or f.titles or f.cues["person"]}
    cand = {k: f.mentions for k, f in forms.items() if k not in keep}
    for k in forms_to_drop(articles, cand, keep):
        del forms[k]


def _explicit_pairs(articles: Sequence[Article]) -> Iterable[tuple[str, str, bool]]:
    """(name, other name, strict): a strict pair joins only if an acronym spells the other
    name's initials; brackets at a line start followed by a dash are a dateline
    ("DES MOINES, Iowa (AP) —"), not a second name."""
    for art in articles:
        for pat in ALIAS_PATTERNS:
            for m in pat.finditer(art.text):
                a, b = m.group("a"), m.group("b")
                a = re.sub(r"^(?:The|the|A|An)\s+", "", a)
                if fold(a) in NOT_NAMES or fold(b) in NOT_NAMES or re.match(r"[RDI]-", b):
                    continue  # "(I-At Large)" is a party tag, not another name
                bracket = pat is ALIAS_PATTERNS[2]
                if bracket and not bracket_alias_ok(a, b):
                    continue  # a credit, a body named after a place, an actor, a time zone
                if bracket and (a.upper() in AGENCIES or b.upper() in AGENCIES):
                    continue  # "SEOUL (Reuters)": a dateline's agency, never another name
                if bracket and not (is_acronym(a) or is_acronym(b)) and (
                    len(a.split()) < 2 or len(b.split()) < 2
                ):
                    continue  # "(AP Photo/Steve... (Associated Press)": a credit line
                line_start = art.text.rfind("\n", 0, m.start()) + 1
                dateline = m.start() - line_start < 40 and re.match(
                    r"\s*[—–:-]", art.text[m.end(): m.end() + 3]) is not None
                strict = bracket and (dateline or b.upper() in AGENCIES)
                yield a, b, strict


def _add_terms(
    articles: Sequence[Article], sentences: dict[str, list[Sentence]], forms: dict[Key, Form]
) -> None:
    """Foreign words glossed in the text ("the Arabic word muqawama, which means ...")."""
    for art in articles:
        for pat in TERM_PATTERNS:
            for m in pat.finditer(art.text):
                word = m.group("t").strip("'’")
                if fold(word) in NOT_NAMES or fold(word) in GENERIC or word in {"which", "meaning"}:
                    continue
                s = m.start("t")
                sent = next((x for x in sentences.get(art.id, []) if x.start <= s < x.end), None)
                span = (sent.start, sent.end) if sent else (s, s + len(word))
                ment = Mention(word, art.id, s, s + len(word), "", False, span)
                key = (spelling_key(word),)
                form = forms.setdefault(key, Form(key))
                form.term = True
                if all(x.start != s or x.article != art.id for x in form.mentions):
                    form.mentions.append(ment)


def _pick_name(forms: list[Form], etype: str) -> str:
    clean = [f for f in forms if not f.noise] or forms
    surface: Counter[str] = Counter(m.text for f in clean for m in f.mentions)
    if etype == "person":  # the commonest full name ("Donald Trump" over "Donald J. Trump")
        return max(surface, key=lambda s: (len(name_key(s)) > 1, surface[s], len(s), s))
    top = max(surface.values())
    full = [s for s in surface if not is_acronym(s) and surface[s] * 4 >= top]
    pool = full or list(surface)
    return max(pool, key=lambda s: (surface[s], s[:1].isupper(), len(s), s))


def find_entities(
    articles: Sequence[Article], sentences: dict[str, list[Sentence]]
) -> EntityIndex:
    """Group the names of a cluster into entities (see the module docstring for the rules)."""
    forms = _collect(articles, sentences)
    _add_terms(articles, sentences, forms)
    pairs = [(name_key(a), name_key(b), strict) for a, b, strict in _explicit_pairs(articles)]
    _keep_initial_only(forms, {k for p in pairs for k in p[:2]})
    _drop_ordinary(articles, forms, {k for p in pairs for k in p[:2]})
    uf = _Union()
    for k in forms:
        uf.find(k)
    # explicit statements in the text
    for ka, kb, strict in pairs:
        if ka in forms and kb in forms and (not strict or _fits(forms[ka], forms[kb])):
            uf.union(ka, kb)
    # built-in table, when both names occur
    builtin_type: dict[Key, str] = {}
    for etype, names in KNOWN_ALIASES:
        present = [name_key(n) for n in names if name_key(n) in forms and (
            not is_acronym(n) or any(m.text.replace(".", "") == n.replace(".", "")
                                     for m in forms[name_key(n)].mentions))]  # "UCC" is no "UK"
        for k in present:
            builtin_type[k] = etype
            uf.union(present[0], k)
    # acronyms and translated organisation words
    by_org: dict[frozenset[str], Key] = {}
    for k, f in forms.items():
        name = f.mentions[0].text
        if is_acronym(name):
            letters = name.replace(".", "")
            if fold(name).strip(".") in KNOWN_PLACES or any(name in ns for _, ns in KNOWN_ALIASES):
                continue  # "US" is never "University of Sheffield"
            expansions = [k2 for k2, f2 in forms.items()
                          if k2 != k and len(k2) > 1 and letters in (
                              initials(f2.mentions[0].text),  # CDC: "… Control and Prevention"
                              initials(f2.mentions[0].text.rsplit(" and ", 1)[0]))
                          and not (person_like(f2) and (letters in AGENCIES or len(letters) < 3
                                                         or f.cues["dateline"]
                                                         or not _same_article(f, f2)))
                          and (len(letters) > 2 or letters in AGENCIES
                               or fold(f2.mentions[0].text) in KNOWN_PLACES)]
            if expansions:  # "AP": Associated Press or Accountability Project? the commoner
                uf.union(k, max(expansions, key=lambda k2: (len(forms[k2].mentions), k2)))
        ok = _org_key(k)
        if ok is not None and len(ok) > 1:
            if ok in by_org:
                uf.union(by_org[ok], k)
            else:
                by_org[ok] = k
        # plural variant of a several-word name ("Mosul Battalions")
        if len(k) > 1 and k[-1].endswith("s"):
            sing = (*k[:-1], k[-1][:-1])
            if sing in forms:
                uf.union(sing, k)
    _link_near_spellings(forms, uf)
    for a, b in nickname_pairs(forms):  # "Jeff Chapa" = "Jeffrey Chapa"
        uf.union(a, b)
    # "John F. Kennedy" = "John Kennedy": a middle initial does not make another person
    bare: dict[Key, Key] = {}
    for k in forms:
        core = tuple(w for w in k if len(w) > 1 and w not in SUFFIXES)  # "… Ross Jr"
        if len(core) >= 2 and core != k:
            bare.setdefault(core, k)
    for core, k in bare.items():
        if core in forms:
            uf.union(core, k)
    # "Sarah Anne Markham" = "Sarah Markham": a middle name added to a given name and surname
    for k, f in forms.items():
        core = tuple(w for w in k if w not in SUFFIXES)  # "Jesse LeRoy Matthew Jr"
        if len(core) == 3 and (core[0], core[2]) in forms and person_like(f) and person_like(
                forms[(core[0], core[2])]):
            uf.union((core[0], core[2]), k)
    # "L.C. Handy" = "Levin Corbin Handy": initials spelling the given names, same surname
    for k, f in forms.items():
        if len(k) == 2 and 2 <= len(k[0]) <= 3 and re.fullmatch(r"(?:[A-Z]\.\s?){2,3}\S+",
                                                             f.mentions[0].text):
            for k2 in forms:
                if len(k2) == len(k[0]) + 1 and k2[-1] == k[1] and "".join(
                        w[0] for w in k2[:-1]) == k[0]:
                    uf.union(k, k2)
    # a longer run ending in a known full name is that name ("Republican Donald Trump")
    given_of: dict[Key, set[str]] = defaultdict(set)  # surname run -> first words before it
    for k in forms:
        if len(k) >= 3:
            given_of[k[1:]].add(k[0])
    for k in forms:
        for j in range(1, len(k) - 1):
            tail = k[j:]
            if j == 1 and k[0] in GIVEN_KEYS and (k[0],) in forms and any(
                    w != k[0] and (w,) in forms for w in given_of.get(tail, ())):
                break  # "Her father, Arthur" Dickson Wright, and "Clarissa" Dickson Wright
            if tail in forms and tail[-1] not in ORG_KEYS and tail[-1] not in PLACE_KEYS and not (
                    j == 1 and k[0] in GIVEN_KEYS and (k[0], k[-1]) in forms):  # his son
                uf.union(tail, k)
                forms[k].noise = True
                break
    groups: dict[Key, list[Form]] = defaultdict(list)
    for k, f in forms.items():
        groups[uf.find(k)].append(f)
    _link_lower_variants(articles, sentences, groups)
    types = {
        root: entity_type(fs, next((builtin_type[f.key] for f in fs if f.key in builtin_type),
                                    None), default="")
        for root, fs in groups.items()
    }
    defaults = {root for root, t in types.items() if not t}  # no evidence says what it is
    types.update({root: "other" for root in defaults})
    bodies = refine_types(articles, groups, types, defaults)
    join_short_bodies(groups, types)
    plural_surnames(groups, types)
    link_partial_names(groups, types, defaults, bodies)
    return _finish(articles, groups, types)


def _near_word(a: str, b: str) -> bool:
    """Equal, or one letter changed/added/dropped in words of five letters or more."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or (
            a.endswith("n") and a[:-1] == b) or (b.endswith("n") and b[:-1] == a):
        return False  # "Korean" is not "Korea": a people's word, not a spelling
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _link_near_spellings(forms: dict[Key, Form], uf: _Union) -> None:
    """"Muhammad Qassim" ~ "Mohammed Kasim": every word a near spelling of the other's.

    Only names of the same length in words, none an acronym; a differing first name keeps
    people apart ("Ahmed Al-Jubouri" vs "Najm al-Jubbouri").
    """
    keys = [k for k, f in forms.items() if not is_acronym(f.mentions[0].text)
            and sum(len(w) for w in k) >= 6]
    by_len: dict[int, list[Key]] = defaultdict(list)
    for k in keys:
        by_len[len(k)].append(k)
    for size, same in by_len.items():
        if size < 2:  # one word alone ("Politico" / "Politics") is too little to go on
            continue
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                if a[0][:1] == b[0][:1] and all(
                    _near_word(x, y) for x, y in zip(a, b, strict=True)
                ):
                    uf.union(a, b)


_COMMON = frozenset(
    "more will mark may bill rose hope grace faith joy frank rich young long black white brown "
    "green gray grey king bush price cook smith wood hill ford case field bell page post lee "
    "rice gates jobs love wells banks lane park street wall mayor judge mills".split()
)


def _link_lower_variants(
    articles: Sequence[Article],
    sentences: dict[str, list[Sentence]],
    groups: dict[Key, list[Form]],
) -> None:
    """Lower-case spellings of one-word names ("hisbah" next to "Hisba")."""
    single: dict[str, Key] = {}
    parts = {w for fs in groups.values() for f in fs if len(f.key) > 1 for w in f.key}
    for root, fs in groups.items():
        for f in fs:
            if len(f.key) == 1 and len(f.key[0]) >= 4 and f.key[0] not in parts:
                single[f.key[0]] = root
    if not single:
        return
    for art in articles:
        if art.duplicate_of:
            continue
        for word, pos in lower_variants(art.text):
            root = single.get(spelling_key(word))
            if root is None or word in NOT_NAMES or word in GENERIC or word in _COMMON:
                continue  # "more" is not "Moore"
            fs = groups[root]
            end = pos + len(word)
            if ORG_AFTER.match(art.text[end: end + 60]):  # "the hisbah, the religious police"
                fs[0].cues["org"] += 1
            known = {m.text.lower() for f in fs for m in f.mentions}
            if word in known and not any(f.term for f in fs):
                continue
            if any(m.article == art.id and m.start == pos for f in fs for m in f.mentions):
                continue
            sent = next((s for s in sentences.get(art.id, []) if s.start <= pos < s.end), None)
            span = (sent.start, sent.end) if sent else (pos, end)
            fs[0].mentions.append(Mention(word, art.id, pos, end, "", False, span))


def _finish(
    articles: Sequence[Article], groups: dict[Key, list[Form]], types: dict[Key, str]
) -> EntityIndex:
    order = {a.id: i for i, a in enumerate(articles)}
    out: list[Entity] = []
    by_key: dict[Key, int] = {}
    rows = []
    for root, fs in groups.items():
        mentions = [m for f in fs for m in f.mentions]
        etype = types.get(root) or types.get(fs[0].key, "other")
        if etype == "other" and len(mentions) < 2:
            continue
        name = _pick_name(fs, etype)
        listed = {m.text for f in fs if not f.noise for m in f.mentions}
        surface = sorted(listed - {name}, key=lambda s: (fold(s), s))
        srcs = sorted({m.article for m in mentions}, key=lambda a: order.get(a, 0))
        first_ref = {}
        ordered = sorted(
            mentions, key=lambda m: (order.get(m.article, 0), m.sentence == (0, 0), m.start)
        )
        for m in ordered:
            first_ref.setdefault(m.article, m)
        refs = tuple(
            SentenceRef(a, first_ref[a].sentence[0], first_ref[a].sentence[1]) for a in srcs
        )
        rows.append((root, fs, Entity(name, etype, tuple(surface), tuple(srcs), len(mentions),
                                      refs)))
    rows.sort(key=lambda r: (-r[2].mentions, fold(r[2].name)))
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for _root, fs, item in rows:
        for f in fs:
            by_key[f.key] = len(out)
            for m in f.mentions:
                if m.sentence != (0, 0):  # not the title (no offsets in the text)
                    spans[m.article].append((m.start, m.end, len(out)))
        out.append(item)
    for v in spans.values():
        v.sort()
    return EntityIndex(out, by_key, dict(spans))
