"""The brief pipeline: ingest -> text -> align -> summarize (+ analyze) -> Brief."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsweave.align import align, cite
from newsweave.align.cite import Paraphrases
from newsweave.errors import InputError, OptionsError
from newsweave.ingest import article_from_record, load_paths
from newsweave.ingest.loaders import check_article, unique_ids
from newsweave.options import BriefOptions, Limits, adaptive_budget
from newsweave.state import Analysed
from newsweave.summarize import choose, compute_features, get_scorer
from newsweave.summarize.features import sentence_counts
from newsweave.summarize.units import quote_marks
from newsweave.text import mark_duplicates, source_groups, split_sentences
from newsweave.types import Article, Brief, SummaryItem

if TYPE_CHECKING:
    from newsweave.analyze.items import AnalysisItem

log = logging.getLogger(__name__)

ArticleLike = str | Path | Article | Mapping[str, Any]


def to_articles(
    items: ArticleLike | Sequence[ArticleLike],
    limits: Limits = Limits(),
    problems: list[str] | None = None,
) -> list[Article]:
    """Paths (files, folders, ``-``), Article objects or JSON-like records -> articles."""
    if isinstance(items, (str, Path, Article, Mapping)):
        items = [items]
    if isinstance(items, (bytes, bytearray)) or not isinstance(items, Iterable):
        raise InputError(f"cannot make articles from {type(items).__name__}: give paths, "
                         "Article objects or records")
    out: list[Article] = []
    paths: list[str | Path] = []
    for k, item in enumerate(items):
        if isinstance(item, Article):
            out.append(check_article(item, limits.max_article_chars))
        elif isinstance(item, (str, Path)) and not str(item).strip():
            raise InputError("an empty path")
        elif isinstance(item, Mapping):
            out.append(article_from_record(item, f"a{k + 1}", limits.max_article_chars))
        elif isinstance(item, (str, Path)):
            paths.append(item)
        else:
            raise InputError(f"cannot make an article from {type(item).__name__}")
    if paths:
        out.extend(load_paths(paths, limits=limits, problems=problems))
    if len(out) > limits.max_articles:
        raise InputError(f"too many articles ({len(out)} > max_articles={limits.max_articles})")
    return unique_ids(out)


def analyse(articles: Sequence[Article], options: BriefOptions, limits: Limits) -> Analysed:
    arts = mark_duplicates(articles, options.duplicate_threshold)
    groups = source_groups(arts)
    sentences = {a.id: split_sentences(a, limits.max_sentence_chars) for a in arts}
    flat = [s for a in arts for s in sentences[a.id]]
    al = align(flat, groups, options.align_threshold, max_links=limits.max_links)
    return Analysed(arts, sentences, groups, al, {a.id: k for k, a in enumerate(arts)})


def summarize(
    state: Analysed,
    options: BriefOptions,
    *,
    allowed: np.ndarray | None = None,
    budget: int | None = None,
) -> list[SummaryItem]:
    """The brief's sentences: score, select within the word budget, put in reading order.

    The one summarize path of ``brief`` and of story updates: an update passes ``allowed``
    (a mask over ``state.alignment.sentences``: new information only) and its own
    ``budget``. When no allowed sentence is eligible (tiny or odd input), any allowed
    sentence with a letter or digit may be chosen.
    """
    al = state.alignment
    if not al.sentences or (allowed is not None and not allowed.any()):
        return []
    distinct = len(set(state.groups.values()))
    budget = budget or options.words or adaptive_budget(
        distinct, sum(s.words for s in al.sentences))
    table = compute_features(
        al, state.groups, sentence_counts(al.sentences), options.min_words, options.max_words,
        titles={a.id: a.title for a in state.articles},
    )
    scores = get_scorer(options.scorer)(table)
    eligible = table.eligible if allowed is None else table.eligible & allowed
    if not eligible.any():  # tiny or odd input: fall back to any sentence with a letter or digit
        eligible = np.array([any(c.isalnum() for c in s.text) for s in al.sentences], dtype=bool)
        if allowed is not None:
            eligible &= allowed
    same = Paraphrases(al)
    rows = choose(
        al.sentences, scores, eligible, al.similarity, budget, state.order, options.redundancy,
        options.min_words, repeats=same,
    )
    return cited_items(state, rows, same.merged)


def cited_items(state: Analysed, rows: Sequence[int],
                merged: Mapping[int, Sequence[int]] | None = None) -> list[SummaryItem]:
    """Summary items of the chosen sentences, each citing the sources whose evidence supports
    it (``merged``: paraphrases left out of the brief, cited by the sentence kept)."""
    al = state.alignment
    items = []
    for i in rows:
        c = cite(al, i, state.order, state.groups, (merged or {}).get(i, ()))
        items.append(SummaryItem(al.sentences[i], c.sources, c.independent, c.evidence,
                                 c.support, c.disputed,
                                 quote_marks(al.sentences[i].text) or ("", "")))
    return items


def make_brief(
    items: ArticleLike | Sequence[ArticleLike],
    options: BriefOptions | None = None,
    limits: Limits | None = None,
    problems: list[str] | None = None,
) -> Brief:
    """Run the whole pipeline. Recoverable input problems (a broken JSONL line) are appended
    to ``problems`` when given, else raised as :class:`InputError`."""
    options = BriefOptions() if options is None else options
    limits = Limits() if limits is None else limits
    for name, value, kind in (("options", options, BriefOptions), ("limits", limits, Limits)):
        if not isinstance(value, kind):
            raise OptionsError(f"{name} must be a {kind.__name__}, got {type(value).__name__}",
                               field=name)
    t0 = time.perf_counter()
    articles = to_articles(items, limits, problems)
    articles = [a for a in articles if a.text.strip()]
    if not articles:
        raise InputError("no article text found in the input")
    state = analyse(articles, options, limits)
    summary = summarize(state, options)
    analysis: dict[str, list[AnalysisItem]] = {}
    if options.analyze:
        from newsweave.analyze import analyze as run_analysis

        analysis = run_analysis(state, summary)
    stats = {
        "articles": len(state.articles),
        "distinct_sources": len(set(state.groups.values())),
        "sentences_in": sum(len(v) for v in state.sentences.values()),
        "words_out": sum(item.sentence.words for item in summary),
        "seconds": round(time.perf_counter() - t0, 4),
    }
    if state.alignment.capped:
        # a limit that changed the result is never silent
        stats["flags"] = [f"alignment-links-capped:{state.alignment.capped}"]
    return Brief(state.articles, summary, stats, analysis, state.sentences)
