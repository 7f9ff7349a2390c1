"""Runs every analysis on one cluster and returns its typed sections."""

from __future__ import annotations

from collections.abc import Sequence

from newsweave.analyze.agreements import (
    agreements,
    confirmed,
    fact_agreements,
    merge_agreements,
)
from newsweave.analyze.conflicts import (
    compare_quantities,
    date_conflicts,
    disputed_conflicts,
    figure_conflicts,
    merge_conflicts,
)
from newsweave.analyze.entities import find_entities
from newsweave.analyze.items import Agreement, AnalysisItem
from newsweave.analyze.quotes import brief_speakers, find_quotes
from newsweave.analyze.timeline import build_timeline
from newsweave.state import Analysed
from newsweave.types import SummaryItem


def analyze(state: Analysed, summary: Sequence[SummaryItem]) -> dict[str, list[AnalysisItem]]:
    """Entities, quotes, speakers, conflicts, agreements and timeline of one cluster.

    Every item carries ``sentence`` offsets (a :class:`~newsweave.analyze.items.SentenceRef`,
    or a tuple of them; for conflicts, on each claim) so renderers can link it to the
    sentences it comes from. ``item.to_dict()`` is its JSON form.
    """
    arts, sents, al = state.articles, state.sentences, state.alignment
    index = find_entities(arts, sents)
    row_of = {(s.article, s.index): i for i, s in enumerate(al.sentences)}
    timeline = build_timeline(arts, sents, al.similarity, row_of, state.order)
    conflicts, same_numbers = compare_quantities(arts, sents, state.groups, index)
    conflicts += date_conflicts(arts, sents, state.groups, al.similarity, row_of)
    conflicts += disputed_conflicts(summary, state.groups, conflicts)
    conflicts += figure_conflicts(al.sentences, al.similarity, state.groups, conflicts)
    conflicts = merge_conflicts(sorted(conflicts, key=lambda c: -c.confidence))
    # agreement items are merged in place while they are built, so they are dicts until here
    agree = agreements(al, state.order, state.groups)
    agree += fact_agreements(timeline, state.groups, state.order, agree)
    agree += merge_agreements(agree, same_numbers, state.groups, state.order)
    # only facts each source states in full, and never a pair that is also a conflict
    text_of = {(s.article, s.start): s.text for s in al.sentences}
    agree = confirmed(agree, text_of, state.groups, state.order, conflicts)
    quotes = find_quotes(arts, sents, index)
    return {
        "entities": list(index.entities),
        "quotes": list(quotes),
        "speakers": list(brief_speakers(summary, quotes, sents)),
        "conflicts": list(conflicts),
        "agreements": [Agreement.from_dict(d) for d in agree],
        "timeline": list(timeline),
    }
