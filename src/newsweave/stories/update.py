"""Briefs and update summaries of stored stories.

A brief of a story (``story_brief``) or an update (``story_update``) can leave a *mark* in
the store: when it was made, the articles it saw and the sentences it gave. An update offers
only sentences of articles no mark of the story (or of a story merged into it) saw, whose
information no earlier article of the story reports and no earlier brief or update of the
story gave (TF-IDF cosine below ``covered_threshold`` to every covered sentence). Citations
still name every article of the story that reports the sentence, exactly as in a brief.

Both are a peek by default (``record=False``): nothing is written, so viewing a story does
not use up its next update. The caller that means to move the mark (``newsweave update
--mark``, ``brief --story --mark``, the API's ``mark=true``) commits ``StoryUpdate.mark`` or
:func:`brief_mark` with ``Store.commit_mark`` once the output is safely written, so a failed
write loses no sentences; ``record=True`` commits at once.
"""

from __future__ import annotations

import numbers
import time
from dataclasses import dataclass

import numpy as np

from newsweave.align import Alignment
from newsweave.errors import InputError
from newsweave.options import BriefOptions, Limits, _check_range, adaptive_budget
from newsweave.pipeline import analyse, make_brief, summarize
from newsweave.state import Analysed
from newsweave.stories.store import Mark, Store, now_iso
from newsweave.types import Brief, SummaryItem

MIN_UPDATE_WORDS = 60  # an update's adaptive budget is half a brief's, but not below this


@dataclass(slots=True)
class StoryUpdate:
    """An update summary: ``brief.summary`` holds the new sentences (may be empty)."""

    story: int
    brief: Brief
    since: Mark | None  # the brief/update it follows (None: the story was never briefed)
    new_articles: list[str]
    mark: Mark  # the mark to commit to move the since-mark (record=True: already recorded)


def _story_id(store: Store, story: object) -> int:
    """``story`` resolved in ``store``; an InputError for arguments of the wrong kind."""
    if not isinstance(store, Store):
        raise InputError(f"store must be a Store (see open_store), got {type(store).__name__}")
    if isinstance(story, bool) or not isinstance(story, numbers.Integral):
        raise InputError(f"story must be a whole number, got {story!r}")
    return store.resolve(int(story))


def story_brief(store: Store, story: int, options: BriefOptions | None = None,
                limits: Limits | None = None, record: bool = False) -> Brief:
    """The brief of a stored story (merged stories resolved); recorded as a mark only when
    ``record`` is True (else :func:`brief_mark` gives the mark to commit later)."""
    sid = _story_id(store, story)
    articles = store.story_articles(sid)
    if not articles:
        raise InputError(f"story {story} has no articles")
    result = make_brief(articles, options, limits)
    result.stats["story"] = sid
    result.stats["title"] = _title(store, sid)  # the story's clean title heads its brief
    if record:
        store.commit_mark(brief_mark(store, result))
    return result


def _title(store: Store, sid: int) -> str:
    row = store.conn.execute("SELECT title FROM story WHERE id = ?", (sid,)).fetchone()
    return str(row[0]) if row and row[0] else ""


def brief_mark(store: Store, brief: Brief) -> Mark:
    """The (not yet recorded) mark of a brief made by ``story_brief``."""
    sid = int(brief.stats["story"])
    seqs = store.article_seqs(sid)
    ids = [a.id for a in brief.articles]
    return Mark(sid, "brief", now_iso(), max((seqs.get(a, 0) for a in ids), default=0),
                [item.sentence.text for item in brief.summary], ids)


def story_update(store: Store, story: int, options: BriefOptions | None = None,
                 limits: Limits | None = None, covered_threshold: float = 0.5,
                 record: bool = False, since_time: str | None = None) -> StoryUpdate:
    """What is new in a story since its last recorded brief or update. A peek unless
    ``record`` is True, which records a new mark (else commit ``result.mark`` with
    ``Store.commit_mark`` to move it).

    With ``since_time`` (an ISO time as :func:`now_iso` writes it) the new articles are those
    stored after that time instead, and earlier marks are not consulted."""
    _check_range("covered_threshold", covered_threshold, 0.0, 1.0)
    options = options or BriefOptions()
    limits = limits or Limits()
    t0 = time.perf_counter()
    sid = _story_id(store, story)
    articles = store.story_articles(sid)
    if not articles:
        raise InputError(f"story {story} has no articles")
    seqs = store.article_seqs(sid)
    if since_time is None:
        since = store.last_mark(sid)
        seen = store.seen_articles(sid)
        covered = store.covered(sid)
    else:
        since = None
        added = store.added_times(sid)
        seen = {a for a, t in added.items() if t <= since_time}
        covered = []
    fresh_ids = [a.id for a in articles if a.id not in seen]
    state = analyse(articles, options, limits)
    summary = _select_new(state, set(fresh_ids), covered, options, covered_threshold)
    stats = {
        "articles": len(state.articles),
        "distinct_sources": len(set(state.groups.values())),
        "new_articles": len(fresh_ids),
        "since": since.made if since else since_time,
        "story": sid,
        "title": _title(store, sid),
        "sentences_in": sum(len(v) for v in state.sentences.values()),
        "words_out": sum(item.sentence.words for item in summary),
        "seconds": round(time.perf_counter() - t0, 4),
    }
    result = Brief(state.articles, summary, stats, {}, state.sentences)
    upto = max(seqs.get(a.id, 0) for a in articles)
    mark = Mark(sid, "update", now_iso(), upto, [item.sentence.text for item in summary],
                [a.id for a in articles])
    if record:
        mark = store.commit_mark(mark)
    return StoryUpdate(sid, result, since, fresh_ids, mark)


def _select_new(state: Analysed, fresh: set[str], covered: list[str], options: BriefOptions,
                covered_threshold: float) -> list[SummaryItem]:
    """The brief's summarize path, allowed only new information: sentences of articles
    stored since the mark, reported by no earlier article, and not given before."""
    al = state.alignment
    if not al.sentences or not fresh:
        return []
    is_fresh = np.array(
        [s.article in fresh and al.support[i] <= fresh for i, s in enumerate(al.sentences)],
        dtype=bool,
    )
    allowed = is_fresh & ~_covered_mask(al, covered, covered_threshold)
    fresh_sources = {state.groups[a] for a in fresh if a in state.groups}
    budget = options.words or max(MIN_UPDATE_WORDS, adaptive_budget(len(fresh_sources)) // 2)
    return summarize(state, options, allowed=allowed, budget=budget)


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
