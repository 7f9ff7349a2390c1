"""Briefs and update summaries of stored stories.

A brief of a story (``story_brief``) and an update (``story_update``) both leave a *mark* in
the store: when it was made, the last article it saw and the sentences it gave. An update
offers only sentences of articles stored after the last mark whose information no earlier
article of the story reports and no earlier brief or update of the story gave (TF-IDF
cosine below ``covered_threshold`` to every covered sentence). Citations still name every
article of the story that reports the sentence, exactly as in a brief.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from newsweave.align import Alignment
from newsweave.errors import InputError
from newsweave.options import BriefOptions, Limits, adaptive_budget
from newsweave.pipeline import Analysed, analyse, make_brief
from newsweave.stories.store import Mark, Store
from newsweave.summarize import compute_features, get_scorer, reading_order, select
from newsweave.summarize.features import sentence_counts
from newsweave.types import Brief, SummaryItem


@dataclass(slots=True)
class StoryUpdate:
    """An update summary: ``brief.summary`` holds the new sentences (may be empty)."""

    story: int
    brief: Brief
    since: Mark | None  # the brief/update it follows (None: the story was never briefed)
    new_articles: list[str]
    mark: Mark  # the mark this update recorded


def story_brief(store: Store, story: int, options: BriefOptions | None = None,
                limits: Limits | None = None, record: bool = True) -> Brief:
    """The brief of a stored story (merged stories resolved); recorded as a mark."""
    sid = store.resolve(story)
    articles = store.story_articles(sid)
    seqs = store.article_seqs(sid)
    if not articles:
        raise InputError(f"story {story} has no articles")
    result = make_brief(articles, options, limits)
    result.stats["story"] = sid
    if record:
        upto = max(seqs.get(a.id, 0) for a in articles)
        store.record_mark(sid, "brief", upto, [item.text for item in result.summary])
    return result


def story_update(store: Store, story: int, options: BriefOptions | None = None,
                 limits: Limits | None = None, covered_threshold: float = 0.5) -> StoryUpdate:
    """What is new in a story since its last brief or update; records a new mark."""
    options = options or BriefOptions()
    limits = limits or Limits()
    t0 = time.perf_counter()
    sid = store.resolve(story)
    since = store.last_mark(sid)
    articles = store.story_articles(sid)
    if not articles:
        raise InputError(f"story {story} has no articles")
    seqs = store.article_seqs(sid)
    after = since.upto_seq if since else 0
    fresh_ids = [a.id for a in articles if seqs.get(a.id, 0) > after]
    covered = store.covered(sid)
    state = analyse(articles, options, limits)
    summary = _select_new(state, set(fresh_ids), covered, options, covered_threshold)
    stats = {
        "articles": len(state.articles),
        "distinct_sources": len(set(state.groups.values())),
        "new_articles": len(fresh_ids),
        "since": since.made if since else None,
        "story": sid,
        "sentences_in": sum(len(v) for v in state.sentences.values()),
        "words_out": sum(item.sentence.words for item in summary),
        "seconds": round(time.perf_counter() - t0, 4),
    }
    result = Brief(state.articles, summary, stats, {}, state.sentences)
    upto = max(seqs.get(a.id, 0) for a in articles)
    mark = store.record_mark(sid, "update", upto, [item.text for item in summary])
    return StoryUpdate(sid, result, since, fresh_ids, mark)


def _select_new(state: Analysed, fresh: set[str], covered: list[str], options: BriefOptions,
                covered_threshold: float) -> list[SummaryItem]:
    al = state.alignment
    if not al.sentences or not fresh:
        return []
    # New information: from an article stored since the mark, reported by no earlier article.
    is_fresh = np.array(
        [s.article in fresh and al.support[i] <= fresh for i, s in enumerate(al.sentences)],
        dtype=bool,
    )
    new_info = ~_covered_mask(al, covered, covered_threshold)
    table = compute_features(
        al, state.groups, sentence_counts(al.sentences), options.min_words, options.max_words
    )
    scores = get_scorer(options.scorer)(table)
    eligible = table.eligible & is_fresh & new_info
    if not eligible.any():
        return []
    fresh_sources = {state.groups[a] for a in fresh if a in state.groups}
    budget = options.words or max(60, adaptive_budget(len(fresh_sources)) // 2)
    chosen = select(al.sentences, scores, eligible, al.similarity, budget, options.redundancy,
                    options.min_words)
    items = []
    for i in reading_order(al.sentences, chosen, state.order):
        sources, evidence = al.citations(i, state.order)
        items.append(SummaryItem(al.sentences[i], sources, al.independent[i], evidence))
    return items


def _covered_mask(al: Alignment, covered: list[str], threshold: float) -> np.ndarray:
    """Sentences whose information a previous brief or update already gave."""
    n = len(al.sentences)
    if not covered:
        return np.zeros(n, dtype=bool)
    keys = {" ".join(t.lower().split()) for t in covered}
    mask = np.array([" ".join(s.text.lower().split()) in keys for s in al.sentences])
    if al.vectorizer is not None:
        cov = al.vectorizer.transform(covered)
        sim = (al.vectors @ cov.T).toarray()
        mask |= sim.max(axis=1) >= threshold
    return mask
