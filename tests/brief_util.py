"""Small helpers shared by the analysis tests: brief a few texts, find a quote or an entity."""

from __future__ import annotations

from typing import Any

from newsweave.pipeline import make_brief


def analysis(*texts: str) -> dict[str, Any]:
    """The analysis of a brief over the texts, as articles a1, a2, ..."""
    records = [{"id": f"a{k}", "text": t} for k, t in enumerate(texts, 1)]
    return make_brief(records).analysis


def speaker(result: dict[str, Any], words: str) -> str | None:
    """The speaker of the one quote holding these words."""
    hits = [q for q in result["quotes"] if words in q.text]
    assert len(hits) == 1, f"quote {words!r} found {len(hits)} times"
    return hits[0].speaker


def entities(*texts: str) -> list[Any]:
    """The entities of a brief over the texts."""
    return analysis(*texts)["entities"]


def entity_named(ents: list[Any], name: str) -> Any:
    """The entity listed under this name or alias, or None."""
    for e in ents:
        if name == e.name or name in e.aliases:
            return e
    return None


def entity_names(ents: list[Any]) -> set[str]:
    """Every name and alias the entities show."""
    return {n for e in ents for n in (e.name, *e.aliases)}


def entity_type(ents: list[Any], name: str) -> str | None:
    """The type of the entity listed under this name or alias, or None."""
    e = entity_named(ents, name)
    return None if e is None else str(e.type)
