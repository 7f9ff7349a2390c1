"""Typed value objects shared by every stage.

Data flows one way: ingest -> text -> align -> summarize/analyze -> render. Every stage speaks
in these objects so that citations stay exact: a :class:`Sentence` always satisfies
``article.text[sentence.start:sentence.end] == sentence.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


class JsonItem(Protocol):
    """An analysis item (see :mod:`newsweave.analyze.items`): anything with a JSON form."""

    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article. ``text`` is what every offset refers to."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str | None = None  # ISO 8601 date or datetime, when known
    duplicate_of: str | None = None  # id of the earlier article this one copies
    flags: tuple[str, ...] = ()  # e.g. "truncated", "deep-html-recovered"

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with its character offsets in ``Article.text``."""

    article: str  # article id
    index: int  # position of the sentence within its article (0-based)
    start: int
    end: int
    text: str
    paragraph: int = 0  # paragraph number within the article
    # whitespace-separated words of ``text``, counted once (read by every stage)
    words: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", len(self.text.split()))


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One brief sentence: verbatim text of ``sentence`` plus every article that reports it."""

    sentence: Sentence
    sources: tuple[str, ...]  # first is the article the text is taken from
    independent_sources: int  # syndicated copies count once
    evidence: tuple[Sentence, ...] = ()  # per source, the sentence that reports it
    # per source, "full" (states the sentence's information) or "partial" (a real part of it,
    # nothing contradicted); the first is always "full". Empty: not checked (all full).
    support: tuple[str, ...] = ()
    # sentences of other sources that contradict it (not cited; candidate conflicts)
    disputed: tuple[Sentence, ...] = ()
    # marks shown before and after the verbatim sentence, not source text: a quotation cut
    # at a sentence boundary is closed visibly ("“… " before, " …”" after)
    marks: tuple[str, str] = ("", "")

    @property
    def text(self) -> str:
        return self.marks[0] + self.sentence.text + self.marks[1]


@dataclass(slots=True)
class Brief:
    """The result of :func:`newsweave.brief`.

    ``analysis`` holds the cross-source sections (entities, quotes, speakers, conflicts,
    agreements, timeline) when the analysis stage ran: lists of the typed items of
    :mod:`newsweave.analyze.items`, each with a ``to_dict()`` JSON form.
    """

    articles: list[Article]
    summary: list[SummaryItem]
    stats: dict[str, Any]
    analysis: dict[str, list[JsonItem]] = field(default_factory=dict)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        from newsweave.errors import NotFoundError

        raise NotFoundError(f"no article {article_id!r} in this brief")

    def render(self, fmt: str) -> Any:
        """This brief in a registered format (:data:`newsweave.registry.RENDERERS`)."""
        from newsweave.registry import RENDERERS

        return RENDERERS[fmt](self)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = self.render("dict")
        return out

    def to_json(self, indent: int | None = 2) -> str:
        from newsweave.registry import RENDERERS

        text: str = RENDERERS["json"](self, indent=indent)
        return text

    def to_markdown(self) -> str:
        text: str = self.render("md")
        return text

    def to_html(self) -> str:
        text: str = self.render("html")
        return text
