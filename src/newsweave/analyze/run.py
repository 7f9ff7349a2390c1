"""Runs every analysis on one cluster and returns the JSON-ready sections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsweave.analyze.agreements import (
    agreements,
    confirmed,
    fact_agreements,
    merge_agreements,
)
from newsweave.analyze.conflicts import compare_quantities, date_conflicts, disputed_conflicts
from newsweave.analyze.entities import find_entities
from newsweave.analyze.quotes import brief_speakers, find_quotes
from newsweave.analyze.timeline import build_timeline
from newsweave.types import SummaryItem

if TYPE_CHECKING:
    from newsweave.pipeline import Analysed


def analyze(state: Analysed, summary: Sequence[SummaryItem]) -> dict[str, list[dict[str, Any]]]:
    """Entities, quotes, conflicts, agreements and timeline of one cluster.

    Every item carries ``sentence`` offsets ({article, start, end}, or a list of them; for
    conflicts, on each claim) so renderers can link it to the sentences it comes from.
    """
    arts, sents, al = state.articles, state.sentences, state.alignment
    index = find_entities(arts, sents)
    row_of = {(s.article, s.index): i for i, s in enumerate(al.sentences)}
    timeline = build_timeline(arts, sents, al.similarity, row_of, state.order)
    conflicts, same_numbers = compare_quantities(arts, sents, state.groups, index)
    conflicts += date_conflicts(arts, sents, state.groups, al.similarity, row_of)
    conflicts += disputed_conflicts(summary, state.groups, conflicts)
    conflicts.sort(key=lambda c: -c["confidence"])
    agree = agreements(al, state.order, state.groups)
    agree += fact_agreements(timeline, state.groups, state.order, agree)
    agree += merge_agreements(agree, same_numbers, state.groups, state.order)
    # only facts each source states in full, and never a pair that is also a conflict
    text_of = {(s.article, s.start): s.text for s in al.sentences}
    agree = confirmed(agree, text_of, state.groups, state.order, conflicts)
    quotes = find_quotes(arts, sents, index)
    return {
        "entities": index.entities,
        "quotes": quotes,
        "speakers": brief_speakers(summary, quotes, sents),
        "conflicts": conflicts,
        "agreements": agree,
        "timeline": timeline,
    }
