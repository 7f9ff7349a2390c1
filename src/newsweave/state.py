"""What the stages computed for one cluster, handed from stage to stage.

Kept apart from :mod:`newsweave.pipeline` so that the analysis stage, which reads it, does
not import the pipeline that calls it.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.align import Alignment
from newsweave.types import Article, Sentence


@dataclass(slots=True)
class Analysed:
    """Everything the stages computed for one cluster; shared with the analysis stage."""

    articles: list[Article]
    sentences: dict[str, list[Sentence]]
    groups: dict[str, str]  # article id -> the original source it counts as
    alignment: Alignment
    order: dict[str, int]  # article id -> input position
