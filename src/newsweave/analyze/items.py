"""Typed results of the analysis stage.

Every analysis item is a frozen value object; :meth:`to_dict` gives its JSON form (the schema
the "JSON schema" of the docs, pinned by the golden tests, key order included). Renderers
read attributes, so a misspelt field fails loudly instead of rendering as nothing.

Example::

    >>> ref = SentenceRef("a1", 0, 42)
    >>> Quote("Jane Doe", "We will rebuild", "a1", ref).to_dict()["sentence"]
    {'article': 'a1', 'start': 0, 'end': 42}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsweave.types import Sentence

Normalized = float | tuple[float, float] | str | None


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Character offsets of a sentence in ``Article.text``."""

    article: str
    start: int
    end: int

    @classmethod
    def of(cls, s: Sentence) -> SentenceRef:
        return cls(s.article, s.start, s.end)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SentenceRef:
        return cls(str(d["article"]), int(d["start"]), int(d["end"]))

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end}


def to_refs(items: Iterable[Mapping[str, Any] | SentenceRef]) -> tuple[SentenceRef, ...]:
    """Sentence references from dicts or references."""
    return tuple(r if isinstance(r, SentenceRef) else SentenceRef.from_dict(r) for r in items)


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, place or term, with every name it goes by in the cluster."""

    name: str
    type: str  # person / organization / place / term / other
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: int
    sentence: tuple[SentenceRef, ...]  # first mention per source

    def refs(self) -> tuple[SentenceRef, ...]:
        return self.sentence

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "type": self.type, "aliases": list(self.aliases),
            "sources": list(self.sources), "mentions": self.mentions,
            "sentence": [r.to_dict() for r in self.sentence],
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and who said it (``None`` when the text does not say)."""

    speaker: str | None
    text: str
    source: str
    sentence: SentenceRef
    # who that is across the article's descriptions of one anonymous person ("the woman" ->
    # "One former Mosul resident"); the speaker itself when it is a name, None when unknown
    person: str | None = None

    def refs(self) -> tuple[SentenceRef, ...]:
        return (self.sentence,)

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "person": self.person, "text": self.text,
                "source": self.source, "sentence": self.sentence.to_dict()}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who the pronoun of brief sentence number ``summary`` stands for."""

    summary: int
    pronoun: str
    speaker: str
    source: str
    sentence: SentenceRef

    def refs(self) -> tuple[SentenceRef, ...]:
        return (self.sentence,)

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary, "pronoun": self.pronoun, "speaker": self.speaker,
                "source": self.source, "sentence": self.sentence.to_dict()}


@dataclass(frozen=True, slots=True)
class Claim:
    """One side of a conflict: a value as written and what it normalises to."""

    value: str
    normalized: Normalized  # a number, a (low, high) range, an ISO date, or None
    unit: str
    sources: tuple[str, ...]
    sentence: SentenceRef

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Claim:
        norm = d.get("normalized")
        if isinstance(norm, list):
            norm = (float(norm[0]), float(norm[1]))
        return cls(str(d["value"]), norm, str(d["unit"]), tuple(d["sources"]),
                   SentenceRef.from_dict(d["sentence"]))

    @property
    def figure(self) -> float | str | None:
        """The value two claims are told apart by: a range by its low end ("at least 13",
        read as 13-15.6 by one finder and as 13 by another, is one figure)."""
        return self.normalized[0] if isinstance(self.normalized, tuple) else self.normalized

    def to_dict(self) -> dict[str, Any]:
        norm = list(self.normalized) if isinstance(self.normalized, tuple) else self.normalized
        return {"value": self.value, "normalized": norm, "unit": self.unit,
                "sources": list(self.sources), "sentence": self.sentence.to_dict()}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that report the same fact with values that cannot both be true."""

    about: str
    confidence: float
    claims: tuple[Claim, ...]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Conflict:
        return cls(str(d["about"]), float(d["confidence"]),
                   tuple(c if isinstance(c, Claim) else Claim.from_dict(c) for c in d["claims"]))

    def refs(self) -> tuple[SentenceRef, ...]:
        return tuple(c.sentence for c in self.claims)

    def to_dict(self) -> dict[str, Any]:
        return {"about": self.about, "confidence": self.confidence,
                "claims": [c.to_dict() for c in self.claims]}


@dataclass(frozen=True, slots=True)
class Agreement:
    """A fact confirmed by at least two independent sources.

    ``date`` (a dated event), ``about`` and ``values`` (the same quantity) appear in the JSON
    only when set.
    """

    text: str
    sources: tuple[str, ...]
    independent_sources: int
    sentence: tuple[SentenceRef, ...]  # one per source, the shown sentence first
    date: str | None = None
    about: str | None = None
    values: tuple[str, ...] | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Agreement:
        values = d.get("values")
        return cls(
            str(d["text"]), tuple(d["sources"]), int(d["independent_sources"]),
            to_refs(d["sentence"]), d.get("date"), d.get("about"),
            tuple(values) if values is not None else None,
        )

    def refs(self) -> tuple[SentenceRef, ...]:
        return self.sentence

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text, "sources": list(self.sources),
            "independent_sources": self.independent_sources,
            "sentence": [r.to_dict() for r in self.sentence],
        }
        if self.date is not None:
            out["date"] = self.date
        if self.about is not None:
            out["about"] = self.about
        if self.values is not None:
            out["values"] = list(self.values)
        return out


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event; ``resolved`` says how the date was worked out (see analyze.timeline)."""

    date: str | None
    text: str
    sources: tuple[str, ...]
    resolved: str
    expression: str
    sentence: tuple[SentenceRef, ...]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TimelineEvent:
        return cls(d.get("date"), str(d["text"]), tuple(d["sources"]), str(d["resolved"]),
                   str(d["expression"]), to_refs(d["sentence"]))

    def refs(self) -> tuple[SentenceRef, ...]:
        return self.sentence

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "text": self.text, "sources": list(self.sources),
                "resolved": self.resolved, "expression": self.expression,
                "sentence": [r.to_dict() for r in self.sentence]}


AnalysisItem = Entity | Quote | Speaker | Conflict | Agreement | TimelineEvent
