"""Near-duplicate (syndicated copy) detection with word-shingle containment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsweave.options import DUPLICATE_THRESHOLD
from newsweave.text.shingles import array_containment, containment, exact_shingles, shingles
from newsweave.types import Article

__all__ = ["containment", "mark_duplicates", "shingles", "source_groups"]


def mark_duplicates(
    articles: Sequence[Article], threshold: float = DUPLICATE_THRESHOLD
) -> list[Article]:
    """Mark each article that copies an earlier one with ``duplicate_of`` (earliest original).

    A copy is kept (it is still a place where the text was published) but counts once as a
    source. Input order decides which is the original.
    """
    keys = exact_shingles([a.text for a in articles]) if len(articles) > 1 else None
    if keys is not None:  # exact keys: the containments of the hashed sets, without hashing
        def share(i: int, j: int) -> float:
            return array_containment(keys[i], keys[j])
    else:
        sets = [shingles(a.text) for a in articles] if len(articles) > 1 else []

        def share(i: int, j: int) -> float:
            return containment(sets[i], sets[j])
    out: list[Article] = []
    for i, art in enumerate(articles):
        original = art.duplicate_of
        if original is None:
            for j in range(i):
                if out[j].duplicate_of is None and share(i, j) >= threshold:
                    original = out[j].id
                    break
        out.append(art if original == art.duplicate_of else replace(art, duplicate_of=original))
    return out


def source_groups(articles: Sequence[Article]) -> dict[str, str]:
    """Map every article id to the id of the original it counts as (itself when original)."""
    group: dict[str, str] = {}
    for a in articles:
        root = a.duplicate_of or a.id
        group[a.id] = group.get(root, root)
    return group
