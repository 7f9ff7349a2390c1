"""Types from the company a name keeps: lists, short names of bodies, surnames.

Run after :func:`newsweave.analyze.entity_types.entity_type`, only for entities that no
evidence of their own typed (``entity_type`` returned its default) or that only words around
a single word typed; each rule reads the text, never a list of this story's names:

- **A class noun before a list**: "the nine companies the Committee approached — Acxiom,
  Experian, Epsilon, …", "Star Alliance partners Avianca and Copa": every untyped member is
  what the noun says (companies, airlines, partners -> organization; cities, countries ->
  place).
- **List mates**: in "A, B and C" an untyped member takes the type that at least two typed
  members agree on (and no typed member contradicts).
- **A legal form before a bracket**: "Compañía Panameña de Aviación S.A. (Copa)": the name in
  brackets is a company.
- **The short name of a body**: a single word that opens exactly one organisation's name
  ("United" / "United Airlines", "Wiederstein" / "Wiederstein Elementary School") and no
  person's is that organisation's short name.
- **A surname**: an untyped "Wilbur Ross" whose last word, standing alone, is a person
  ("Secretary Ross") is a person.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsweave.analyze.entity_types import ORG_KEYS, Form, is_acronym
from newsweave.analyze.gazetteer import KNOWN_ORGS, KNOWN_PEOPLE, KNOWN_PLACES
from newsweave.analyze.names import fold, name_key
from newsweave.types import Article

Key = tuple[str, ...]

_CLASS_NOUNS = {
    "organization": (r"companies|firms|airlines|carriers|retailers|banks|insurers|"
                     r"lenders|brokers|partners|rivals|competitors|agencies|organi[sz]ations|"
                     r"groups|charities|networks|broadcasters|newspapers|outlets|publications|"
                     r"universities|colleges|schools|studios|startups|websites|platforms|"
                     r"automakers|carmakers|manufacturers|makers|chains|operators"),
    "place": r"cities|towns|countries|nations|states|villages|provinces|regions|counties",
}
_CLASS_BEFORE = {
    t: re.compile(rf"\b(?:{nouns})\b(?:\s+[\w'’-]+){{0,6}}?\s*(?:—|–|:|,|such as|including|"
                  rf"like|among them|namely|)\s*$", re.IGNORECASE)
    for t, nouns in _CLASS_NOUNS.items()
}
# a separator, or a capitalised member the name finder dropped ("Acxiom, Experian, Epsilon")
_LIST_SEP = re.compile(r"^(?:,\s+|,?\s+(?:and|or|&)\s+|"
                       r",\s+[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)?,\s+)$")
_LEGAL_BRACKET = re.compile(
    r"(?:\bS\.A\.|\bS\.p\.A\.|\bN\.V\.|\bInc\.|\bLtd\.|\bLLC|\bCorp\.|\bGmbH|\bAG|\bplc|\bPLC)"
    r"\s*\((?P<b>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\)")


def _lists(articles: Sequence[Article], groups: dict[Key, list[Form]],
           ) -> list[tuple[list[Key], str | None]]:
    """Coordinated names ("A, B and C") as lists of roots, with the type a class noun right
    before the list gives ("companies — A, B and C"), if any."""
    root_of = {f.key: root for root, fs in groups.items() for f in fs}
    texts = {a.id: a.text for a in articles if not a.duplicate_of}
    by_art: dict[str, list[tuple[int, int, Key]]] = defaultdict(list)
    for fs in groups.values():
        for f in fs:
            for m in f.mentions:
                if m.article in texts and m.sentence != (0, 0):
                    by_art[m.article].append((m.start, m.end, root_of[f.key]))
    out = []
    for art, spans in by_art.items():
        text = texts[art]
        spans.sort()
        run: list[tuple[int, int, Key]] = []
        joined = False
        for span in [*spans, (-1, -1, ())]:
            if run and span[0] >= 0 and _LIST_SEP.match(text[run[-1][1]: span[0]]):
                joined = joined or bool(re.search(r"\b(?:and|or)\b|&", text[run[-1][1]: span[0]]))
                run.append(span)
                continue
            if len(run) >= 2 and (joined or len(run) >= 3):
                before = text[max(0, run[0][0] - 90): run[0][0]]
                before = re.split(r"[.!?]\s", before)[-1]
                cls = next((t for t, pat in _CLASS_BEFORE.items() if pat.search(before)), None)
                out.append(([r for _, _, r in run], cls))
            run = [span] if span[0] >= 0 else []
            joined = False
    return out


_LEGAL_LAST = {"inc", "corp", "corporation", "ltd", "llc", "co", "plc", "gmbh", "ag", "sa"}


def _short_body(root: Key, fs: list[Form], groups: dict[Key, list[Form]],
                types: dict[Key, str], untyped: bool) -> bool:
    """A lone word that opens exactly one organisation's several-word name, and no person's:
    one whose other words hold a body word, or the firm's legal form ("Apotex" / "Apotex
    Inc.", even when "at Apotex" made it a place), or (for a word nothing else typed) any
    organisation's name ("Neiman" / "Neiman Marcus")."""
    if any(len(f.key) != 1 for f in fs) or types[root] == "term" or any(
            f.cues["place"] or f.cues["dateline"] for f in fs):
        return False  # "Anaheim" of "Anaheim Police" is the city
    word = fs[0].key[0]
    text = fold(fs[0].mentions[0].text)
    if text in KNOWN_PLACES or text in KNOWN_PEOPLE or text in KNOWN_ORGS or is_acronym(
            fs[0].mentions[0].text) or any(f.titles for f in fs):
        return False
    orgs, legal, loose, people = set(), set(), set(), set()
    for r2, fs2 in groups.items():
        if r2 == root:
            continue
        for f in fs2:
            if len(f.key) > 1 and word in f.key:
                if types.get(r2) == "person":
                    people.add(r2)
                elif types.get(r2) == "organization" and f.key[0] == word:
                    loose.add(r2)
                    if any(k in ORG_KEYS for k in f.key[1:]):
                        orgs.add(r2)
                    last = fold(f.mentions[0].text.split()[-1]).rstrip(".")
                    if len(f.key) == 2 and last in _LEGAL_LAST:
                        legal.add(r2)
    if people:
        return False
    if types[root] == "place":
        return len(legal) == 1 and len(loose) == 1
    return len(orgs | legal) == 1 or (untyped and len(loose) == 1)


def refine_types(
    articles: Sequence[Article], groups: dict[Key, list[Form]], types: dict[Key, str],
    defaults: set[Key],
) -> set[Key]:
    """Type the entities in ``defaults`` (no evidence of their own) and single words typed
    only by the words around them, from lists, brackets, bodies and surnames (see the
    module docstring). ``types`` is updated in place; ``defaults`` loses the ones typed.
    Returns the entities typed organization by a bracket or as a body's short name."""
    bodies: set[Key] = set()
    legal = {name_key(m.group("b")) for a in articles if not a.duplicate_of
             for m in _LEGAL_BRACKET.finditer(a.text)}
    for root, fs in groups.items():
        if any(f.key in legal for f in fs) and types[root] != "organization" and not any(
                fold(m.text) in KNOWN_PLACES for f in fs for m in f.mentions):
            types[root] = "organization"  # "… S.A. (Copa)"
            defaults.discard(root)
            bodies.add(root)
    for root, fs in groups.items():
        if types[root] != "organization" and _short_body(root, fs, groups, types,
                                                         root in defaults):
            types[root] = "organization"  # "United" of "United Airlines"
            defaults.discard(root)
            bodies.add(root)
    orgs = {f.key for root, fs in groups.items() if types[root] == "organization" for f in fs}
    for root, fs in groups.items():  # "Indonesia AirAsia": a known place and a body's name
        if types[root] == "person" and not any(f.titles for f in fs) and any(
                any(f.key[k:] in orgs and fold(" ".join(f.mentions[0].text.split()[:k]))
                    in KNOWN_PLACES for k in range(1, len(f.key))) for f in fs):
            types[root] = "organization"
            defaults.discard(root)
    lone_people = {fs[0].key[0] for root, fs in groups.items() if types[root] == "person"
                   and all(len(f.key) == 1 for f in fs) and any(
                       f.titles or f.cues["person"] for f in fs)}
    for root in list(defaults):
        fs = groups[root]
        if all(2 <= len(f.key) <= 3 for f in fs) and any(
                f.key[-1] in lone_people and f.key[0] not in ORG_KEYS for f in fs):
            types[root] = "person"  # "Wilbur Ross" beside "Secretary Ross"
            defaults.discard(root)
    weak = {root for root, fs in groups.items() if types[root] == "person" and all(
        len(f.key) == 1 and not f.titles and not f.cues["person"] for f in fs)
        and fold(fs[0].mentions[0].text) not in KNOWN_PEOPLE}  # "Equifax told the Committee"
    for members, cls in _lists(articles, groups):
        if cls:
            for r in set(members) & weak:
                types[r] = cls
        typed = Counter(types[r] for r in set(members) if r not in defaults)
        if cls:
            want: str | None = cls
        elif len(typed) == 1 and sum(typed.values()) >= 2:
            want = next(iter(typed))
        else:
            want = None
        if want not in ("organization", "place", "person"):
            continue
        for r in set(members):
            if r in defaults:
                types[r] = want
                defaults.discard(r)
    return bodies


def join_short_bodies(groups: dict[Key, list[Form]], types: dict[Key, str]) -> None:
    """A lone word typed organization (or untyped) that opens exactly one organisation's
    several-word name, and no person's or place's, is that body's short name and joins it
    ("Wells" / "Wells Fargo", "Neiman" / "Neiman Marcus"); a well-known name stands for
    itself ("Sony" is not "Sony Pictures")."""
    opens: dict[str, set[Key]] = defaultdict(set)
    inside: dict[str, set[Key]] = defaultdict(set)
    for root, fs in groups.items():
        for f in fs:
            if len(f.key) > 1:
                inside[f.key[0]].add(root)
                for w in f.key[1:]:
                    inside[w].add(root)
                if types[root] == "organization":
                    opens[f.key[0]].add(root)
    for root in list(groups):
        fs = groups.get(root)
        if not fs or types[root] not in ("organization", "other", "person") or any(
                len(f.key) != 1 or f.titles or f.cues["place"] or f.cues["person"] for f in fs):
            continue
        if types[root] == "person" and any(
                f.cues["pronoun"] or f.cues["male"] or f.cues["female"] or f.cues["mister"]
                for f in fs):
            continue  # "Magnolia will pay", "Magnolia said it": no "he"/"she", the firm
        text = fs[0].mentions[0].text
        if is_acronym(text) or fold(text) in KNOWN_PLACES | KNOWN_ORGS | KNOWN_PEOPLE:
            continue
        word = fs[0].key[0]
        owners = opens.get(word, set()) - {root}
        if len(owners) == 1 and inside.get(word, set()) - {root} == owners:
            owner = next(iter(owners))
            if owner in groups:
                groups[owner].extend(groups.pop(root))
        elif len(owners) > 1 and inside.get(word, set()) - {root} == owners and (
                types[root] == "person"):
            types[root] = "organization"  # "Magnolia" of "Magnolia Homes", "Magnolia Waco …"

