"""Joining a lone surname or given name to the one person who carries it, and the plural
of a surname ("the Shermans"); split out of :mod:`newsweave.analyze.entities`."""

from __future__ import annotations

import re
from collections import defaultdict

from newsweave.analyze.entity_types import (
    GIVEN_KEYS,
    NOT_ALONE_KEYS,
    Form,
    is_acronym,
    person_shaped,
    sex_of,
)
from newsweave.analyze.gazetteer import FIRST_NAMES as GIVEN_NAMES
from newsweave.analyze.gazetteer import KNOWN_ORGS, KNOWN_PLACES
from newsweave.analyze.lexicon import COUNTRIES
from newsweave.analyze.names import fold, name_key, spelling_key

Key = tuple[str, ...]
SUFFIXES = {name_key(w)[0] for w in ("Jr", "Sr", "III")}
_STORM_KEYS = {name_key(w)[0] for w in ("Hurricane", "Storm", "Superstorm", "Typhoon", "Cyclone")}


def plural_surnames(groups: dict[Key, list[Form]], types: dict[Key, str]) -> None:
    """"the Shermans", "the Hardings": the plural of a person's surname names people."""
    surnames = {f.key[-1] for root, fs in groups.items() if types[root] == "person"
                for f in fs if len(f.key) > 1}
    for root, fs in groups.items():
        text = fs[0].mentions[0].text
        if (types[root] == "other" and all(len(f.key) == 1 for f in fs)
                and re.fullmatch(r"[A-Z][a-z'’]+s", text)
                and spelling_key(fold(text)[:-1]) in surnames):
            types[root] = "person"


def link_partial_names(groups: dict[Key, list[Form]], types: dict[Key, str],
                        defaults: set[Key], bodies: set[Key]) -> None:
    """A lone surname (or first name) joins the one person in the cluster who carries it.
    ``defaults``: the entities no evidence typed (an untyped "Firstname Lastname" may be a
    person; a product's name such as "Tesla Autopilot" is typed and is no person); ``bodies``:
    words the text shows to be an organisation's short name or a company."""
    last: dict[str, set[Key]] = defaultdict(set)
    first: dict[str, set[Key]] = defaultdict(set)
    given_of: dict[str, set[Key]] = defaultdict(set)  # "Carter Roberts", not "Kelly File"
    for root, fs in groups.items():
        for f in fs:
            if len(f.key) > 1:
                target = last if types[root] == "person" else None
                if target is not None:
                    core = [w for w in f.key if w not in SUFFIXES] or list(f.key)
                    last[core[-1]].add(root)  # "Harry E. Johnson Sr.": a Johnson
                    first[f.key[0]].add(root)
                    if person_shaped(f.mentions[0].text, loose=True):
                        given_of[f.key[0]].add(root)
                else:  # a group's words still make a lone word ambiguous
                    last[f.key[-1]].add(root)
    for root in list(groups):
        fs = groups.get(root)
        if not fs or any(len(f.key) != 1 for f in fs) or types[root] == "term" or (
                root in bodies):
            continue  # "United" of "United Airlines" is no one's surname
        if any(is_acronym(m.text) for f in fs for m in f.mentions):
            continue
        word = fs[0].key[0]
        mister = any(f.cues["mister"] or any(fold(t).rstrip(".") in ("mr", "mrs", "ms")
                                           for t in f.titles) for f in fs)
        owners = last.get(word) or (first.get(word) if word not in last else None) or set()
        if mister and word not in last:  # "Mr. Barak" is a surname, not Barack Obama's name
            owners = {o for o in owners if len(o) != 2}
        owners = owners - {root}
        given = given_of.get(word, set()) - owners - {root}
        if word in last and given and any(types.get(o) == "person" for o in owners):
            continue  # "Carter": Robin Carter's surname and Carter Roberts' given name
        placey = sum(f.cues["place"] for f in fs) >= 2 or fold(fs[0].mentions[0].text) in COUNTRIES
        if fold(fs[0].mentions[0].text) in KNOWN_PLACES | KNOWN_ORGS or any(
                f.cues["place"] for f in fs):
            owners = {o for o in owners if o[0] in GIVEN_KEYS}  # "Odessa" / "Occupy Odessa"
        people = [o for o in owners if types.get(o) == "person"]
        # an untyped "Firstname Lastname" whose surname stands alone is a person too, and
        # one more rival for the surname ("Williams": Serena and Venus Williams)
        untyped = [o for o in owners if types.get(o) == "other" and len(o) <= 3
                   and word == o[-1] and o[0] not in NOT_ALONE_KEYS and (
                       o in defaults or types[root] == "person" or fold(
                           groups[o][0].mentions[0].text.split()[0]) not in KNOWN_ORGS)]
        if people and untyped:
            people += untyped
        elif len(owners) == 1 and not people and untyped:
            people = untyped
        clash = len(people) == 1 and {sex_of(groups.get(people[0], [])),
                                              sex_of(fs, strict=True)} == {"m", "f"}
        if len(people) == 1 and not placey and people[0] in groups and not clash:
            # the one person with this name; groups and places that contain the word
            # ("Kitaeb al-Mosul" for "Mosul") are no rival for a person's surname
            owner = people[0]
            if not any(f.key[0] in _STORM_KEYS for f in groups[owner]):
                types[owner] = "person"  # "Irene" joins "Hurricane Irene", still a storm
            groups[owner].extend(groups.pop(root))
        elif (len(people) > 1 or clash) and not placey:
            types[root] = "person"  # "Jubouri": one of several people, which one is unsure


_NICKNAMES = {("mike", "michael"), ("andy", "andrew"), ("bill", "william"), ("bob", "robert"),
              ("jim", "james"), ("tom", "thomas"), ("dick", "richard"), ("rick", "richard"),
              ("joe", "joseph"), ("tony", "anthony"), ("peggy", "margaret"), ("liz", "elizabeth"),
              ("beth", "elizabeth"), ("kate", "katherine"), ("kate", "catherine"),
              ("bobby", "robert"), ("jimmy", "james"), ("johnny", "john"), ("jack", "john")}


def nickname_pairs(forms: dict[Key, Form]) -> list[tuple[Key, Key]]:
    """"Jeff Chapa" = "Jeffrey Chapa", "Andy Smith" = "Andrew Smith": two given names + one
    surname, the shorter given name the other's first three letters or more (or a common
    nickname of it), both written like a person's name and not of two sexes ("Sam" and
    "Samantha" Smith may be two people)."""
    two = [k for k, f in forms.items() if len(k) == 2 and not is_acronym(f.mentions[0].text)
           and len(f.mentions[0].text.split()) == 2]
    by_surname: dict[str, list[Key]] = defaultdict(list)
    for k in two:
        by_surname[k[1]].append(k)
    out = []
    for same in by_surname.values():
        for a in same:
            for b in same:
                ga = fold(forms[a].mentions[0].text.split()[0])
                gb = fold(forms[b].mentions[0].text.split()[0])
                if a == b or len(ga) >= len(gb) and (ga, gb) not in _NICKNAMES:
                    continue
                if not ((len(ga) >= 3 and gb.startswith(ga)) or (ga, gb) in _NICKNAMES):
                    continue
                if ga not in GIVEN_NAMES and gb not in GIVEN_NAMES:
                    continue
                sexes = {sex_of([forms[a]]), sex_of([forms[b]])} - {None}
                if len(sexes) < 2:
                    out.append((a, b))
    return out
