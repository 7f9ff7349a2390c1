"""Readable units: what a sentence must bring with it to read well in a brief.

A sentence that opens on a word needing what came before ("He said ...", "But ...") enters a
brief only right after its own previous sentence in the article (which comes with it, and so
on back to a sentence that stands alone, at most ``MAX_CHAIN`` sentences). A sentence whose
quotation marks do not balance (it opens a quotation that a later sentence closes, or closes
one an earlier sentence opened) enters only with the sentences that complete the quotation,
whole, when ``whole_quotes`` allows it; with ``cut_quotes`` (the default) it may enter (alone
or in the unit of a sentence that needs it), each sentence shown with marks that close the
quotation visibly (:func:`quote_marks`: "“… " before, " …”" after; not source text, the
offsets stay the verbatim sentence's); otherwise it does not enter at all.

Selection then takes units instead of sentences: a unit's score is the mean score of the
sentences it adds, less ``PENALTY`` times the highest cosine of one of them to a sentence
already chosen (selection in context), and when positive times (words it adds /
``LENGTH_WORDS``) ** ``LENGTH_EXPONENT``; it must fit the budget whole, and every sentence it
adds passes the same repetition check as single sentences. Reading order keeps a unit's
sentences together, in article order, and so any two chosen sentences whose positions in
their article differ by at most ``NEAR`` (one sentence between them).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsweave.summarize.select import _ngrams, reading_order
from newsweave.types import Sentence

# Openings that need the sentence before: the words of the readability bench plus "It" and
# "Its" ("It is the first letter of ..." needs the letter).
NEEDS_BEFORE = re.compile(
    r"^[\"“‘']?\s*(?:He|She|They|His|Their|This|These|Those|But|And|So|However|Instead|Also|"
    r"Still|Yet|Such|It|Its)\b"
)
# A quotation with nobody saying it (“Do you want to be treated badly ...?”) needs the
# sentence before it, which names the speaker.
BARE_QUOTE = re.compile(r"^[\"“][^\"“”]*[\"”]$")
MAX_CHAIN = 3  # sentences in a unit brought by a dependent opening
MAX_QUOTE = 4  # sentences of a multi-sentence quotation that may enter whole
NEAR = 2  # chosen sentences whose positions in an article differ by at most this stay together
# Selection in context: a unit's value is its mean sentence score less PENALTY x the highest
# cosine of a sentence it adds to one already chosen (picked on 5-fold splits of fold seeds
# 0-3 from {0.1, 0.3, 0.5, 1, 1.5, 2, 3}: docs/experiments.md, "Quality, fourth round").
PENALTY = 1.0
# Unit length: a unit's value, when positive, is multiplied by (words it adds / LENGTH_WORDS)
# ** LENGTH_EXPONENT. The score is a per-sentence mean, so without it a short unit and a long
# one of the same mean are worth the same pick although the long one fills more of the
# budget with sentences that good (picked on 5-fold splits of fold seeds 0-3 from {-0.1, 0.1,
# 0.2, 0.3, 0.5}, confirmed on seeds 4-7: docs/experiments.md, "Quality, fifth round").
LENGTH_WORDS = 25
LENGTH_EXPONENT = 0.3


def unbalanced(text: str) -> bool:
    """An odd number of straight double quotes, or unequal curly opening and closing ones."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


_OPEN_BEFORE = " \t\n([{—–-:/"


def quote_marks(text: str) -> tuple[str, str] | None:
    """Marks that close a quotation cut at a sentence boundary: ``("", "")`` when ``text``
    balances, ``("“… ", "")`` when it closes a quotation an earlier sentence opened,
    ``("", " …”")`` when it opens one a later sentence closes (both when it does both; straight
    marks for a straight quotation), or
    None when no such marks balance it. The marks are not source text: a brief shows them
    around the verbatim sentence, whose offsets do not change."""
    if not unbalanced(text):
        return ("", "")
    straight = text.count('"') % 2 == 1
    opening, closing = ('"', '"') if straight else ("“", "”")
    depth = 0
    before = False
    for k, ch in enumerate(text):
        if straight and ch == '"':
            opens = depth == 0 and (k == 0 or text[k - 1] in _OPEN_BEFORE)
        elif not straight and ch in "“”":
            opens = ch == "“"
        else:
            continue
        if opens:
            depth += 1
        elif depth == 0:
            before = True
        else:
            depth -= 1
    if depth > 1:
        return None
    marks = (f"{opening}… " if before else "", f" …{closing}" if depth else "")
    if unbalanced(marks[0] + text + marks[1]):
        return None
    return marks


def _needs_before(text: str) -> bool:
    return bool(NEEDS_BEFORE.match(text) or BARE_QUOTE.match(text.strip()))


def build_units(
    sentences: Sequence[Sentence], eligible: np.ndarray, whole_quotes: bool = False,
    cut_quotes: bool = True,
) -> list[tuple[int, ...] | None]:
    """For each sentence, the sentences (itself included, article order) it needs to read
    well, or None when it may not enter a brief. With ``cut_quotes`` a sentence whose
    quotation runs on past it (or began before it) may enter, :func:`quote_marks` closing it
    visibly (a unit's sentences are each closed on their own)."""
    where = {(s.article, s.index): i for i, s in enumerate(sentences)}

    def prev(i: int) -> int | None:
        s = sentences[i]
        return where.get((s.article, s.index - 1))

    def nxt(i: int) -> int | None:
        s = sentences[i]
        return where.get((s.article, s.index + 1))

    def quote_run(i: int) -> tuple[int, ...] | None:
        """Shortest run of neighbours around ``i`` whose joined text balances."""
        best: tuple[int, ...] | None = None
        # Forward (i opens the quotation) and backward (i closes it).
        for step in (nxt, prev):
            run = [i]
            j: int | None = i
            for _ in range(MAX_QUOTE - 1):
                j = step(j) if j is not None else None
                if j is None:
                    break
                run.append(j)
                members = sorted(run, key=lambda k: sentences[k].index)
                if not unbalanced(" ".join(sentences[k].text for k in members)):
                    if best is None or len(members) < len(best):
                        best = tuple(members)
                    break
        return best

    out: list[tuple[int, ...] | None] = []
    for i in range(len(sentences)):
        if not eligible[i]:
            out.append(None)
            continue
        members = [i]
        ok = True
        k = i
        while _needs_before(sentences[k].text):
            p = prev(k)
            if p is None or not eligible[p] or len(members) >= MAX_CHAIN:
                ok = False
                break
            members.insert(0, p)
            k = p
        if ok:
            for m in list(members):
                if unbalanced(sentences[m].text):
                    if cut_quotes and quote_marks(sentences[m].text):
                        continue  # the quotation closed visibly where the brief cuts it
                    run = quote_run(m) if whole_quotes else None
                    if run is None or any(not eligible[r] for r in run):
                        ok = False
                        break
                    members = sorted(set(members) | set(run), key=lambda r: sentences[r].index)
        if ok and len(members) > 1:
            # A run brought in may itself open on a word that needs what came before.
            first = members[0]
            if _needs_before(sentences[first].text) or (
                not cut_quotes
                and unbalanced(" ".join(sentences[m].text for m in members))
            ):
                ok = False
        out.append(tuple(members) if ok else None)
    return out


def select_units(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    units: Sequence[tuple[int, ...] | None],
    similarity: np.ndarray,
    budget: int,
    redundancy: float = 0.55,
    min_words: int = 6,
    block_ngram: int = 4,
    repeats: Callable[[int, list[int]], bool] | None = None,
    penalty: float | None = None,
    length_exponent: float | None = None,
) -> tuple[list[int], list[tuple[int, ...]]]:
    """Greedy budgeted selection of units, each step taking the unit of highest value given
    what is already chosen: the mean score of the sentences it adds less ``penalty`` (default
    ``PENALTY``) times the highest TF-IDF cosine between any of them and a chosen sentence
    (0 for the first: selection in context); a positive value is multiplied by (words the
    unit adds / ``LENGTH_WORDS``) ** ``length_exponent`` (default ``LENGTH_EXPONENT``; 0
    turns it off), so that of two units with the same mean the longer one goes first.

    Returns the chosen sentences and the multi-sentence units taken (for reading order).
    Every added sentence is checked like a single sentence in :func:`select`: not the same
    text, TF-IDF cosine below ``redundancy`` and no shared run of ``block_ngram`` words with
    any chosen sentence outside its own unit. Ties break on input order. ``repeats(i,
    chosen)``, when given, is a further redundancy test asked last (the support check's
    paraphrase test, :class:`newsweave.align.cite.Paraphrases`). Lazy greedy: a unit is
    taken when its value now still beats every other unit's earlier one. That is exact while
    values only fall, which holds for single sentences; a multi-sentence unit whose sentence
    was taken by an overlapping unit loses that sentence from its max and its value can rise,
    so it may be passed over where an eager greedy would take it (a known approximation,
    kept because the held-out figures in docs/quality.md were measured with it).
    """
    mu = PENALTY if penalty is None else penalty
    g = LENGTH_EXPONENT if length_exponent is None else length_exponent

    def sized(value: float, words: int) -> float:
        """The value with the unit-length factor (positive values only)."""
        return value * (max(words, 1) / LENGTH_WORDS) ** g if g and value > 0 else value

    cands = [(i, u) for i, u in enumerate(units) if u is not None]
    flat = [float(v) for v in np.asarray(scores).tolist()]
    mean = {i: _unit_score(flat, u) for i, u in cands}
    first = {i: sized(mean[i], sum(sentences[m].words for m in u)) for i, u in cands}
    order = sorted(cands, key=lambda c: (-first[c[0]], c[0]))
    rank = {i: k for k, (i, _u) in enumerate(order)}
    nearest = np.zeros(len(sentences))  # highest cosine of each sentence to a chosen one
    heap = [(-first[i], rank[i], i, u) for i, u in order]  # sorted: already a heap
    chosen: list[int] = []
    chosen_set: set[int] = set()
    taken: list[tuple[int, ...]] = []
    seen_text: set[str] = set()
    seen_grams: set[tuple[str, ...]] = set()
    used = 0
    while heap:
        _stale, r, i, unit = heapq.heappop(heap)
        new = [m for m in unit if m not in chosen_set]
        if not new:
            continue
        w = sum(sentences[m].words for m in new)
        value = mean[i] - mu * float(nearest[new].max()) if chosen and mu else mean[i]
        value = sized(value, w)
        if heap and (-value, r) > heap[0][:2]:
            heapq.heappush(heap, (-value, r, i, unit))  # another unit may now be better
            continue
        if used + w > budget:
            if budget - used < min_words:
                break
            continue
        if not _fresh(sentences, new, chosen, similarity, seen_text, seen_grams, redundancy,
                      block_ngram):
            continue
        if repeats is not None and any(repeats(m, chosen) for m in new):
            continue
        for m in new:
            chosen.append(m)
            chosen_set.add(m)
            seen_text.add(_key(sentences[m].text))
            seen_grams |= _ngrams(sentences[m].text, block_ngram)
        if mu:
            nearest = np.maximum(nearest, np.asarray(similarity[:, new]).max(axis=1))
        used += w
        if len(unit) > 1:
            taken.append(unit)
    if not chosen and order:
        chosen = list(order[0][1])
        if len(chosen) > 1:
            taken.append(order[0][1])
    return chosen, taken


def _unit_score(scores: Sequence[float], unit: tuple[int, ...]) -> float:
    return sum(scores[m] for m in unit) / len(unit)


def _fresh(
    sentences: Sequence[Sentence],
    new: Sequence[int],
    chosen: Sequence[int],
    similarity: np.ndarray,
    seen_text: set[str],
    seen_grams: set[tuple[str, ...]],
    redundancy: float,
    block_ngram: int,
) -> bool:
    """None of ``new`` repeats a chosen sentence (text, cosine or a shared word run)."""
    for m in new:
        if _key(sentences[m].text) in seen_text:
            return False
        if chosen and float(similarity[m, list(chosen)].max()) >= redundancy:
            return False
        if _ngrams(sentences[m].text, block_ngram) & seen_grams:
            return False
    return True


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def keep_together(
    order: Sequence[int], taken: Sequence[tuple[int, ...]], sentences: Sequence[Sentence]
) -> list[int]:
    """``order`` with the sentences of each taken unit (and units sharing sentences) placed
    together in article order, where the first of them stood."""
    group: dict[int, int] = {}
    members: dict[int, set[int]] = {}
    for k, unit in enumerate(taken):
        ids = {group[m] for m in unit if m in group} | {k}
        root = min(ids)
        merged = set(unit)
        for g in ids:
            merged |= members.pop(g, set())
        members[root] = merged
        for m in merged:
            group[m] = root
    out: list[int] = []
    placed: set[int] = set()
    for i in order:
        if i in placed:
            continue
        if i in group:
            run = sorted(members[group[i]], key=lambda m: sentences[m].index)
            out.extend(m for m in run if m not in placed)
            placed.update(run)
        else:
            out.append(i)
            placed.add(i)
    return out


def choose(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    eligible: np.ndarray,
    similarity: np.ndarray,
    budget: int,
    article_order: Mapping[str, int],
    redundancy: float = 0.55,
    min_words: int = 6,
    whole_quotes: bool = False,
    repeats: Callable[[int, list[int]], bool] | None = None,
    cut_quotes: bool = True,
) -> list[int]:
    """Readable selection and reading order: the brief's sentences, in order (``repeats``:
    see :func:`select_units`)."""

    units = build_units(sentences, eligible, whole_quotes, cut_quotes)
    if not any(u is not None for u in units):  # nothing reads alone: single sentences
        units = [(i,) if eligible[i] else None for i in range(len(sentences))]
    chosen, taken = select_units(sentences, scores, units, similarity, budget, redundancy,
                                 min_words, repeats=repeats)
    order = reading_order(sentences, chosen, article_order, similarity)
    # Sentences that follow each other in their article (or with one sentence between them)
    # follow each other in the brief: the passage keeps its thread.
    where = {(sentences[i].article, sentences[i].index): i for i in chosen}
    pairs = []
    for i in chosen:
        s = sentences[i]
        for gap in range(1, NEAR + 1):
            j = where.get((s.article, s.index - gap))
            if j is not None:
                pairs.append((j, i))
                break
    return keep_together(order, [*taken, *pairs], sentences)
