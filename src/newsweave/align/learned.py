"""A learned second opinion on the rule verdicts of the support check.

The rules of :mod:`newsweave.align.check` read the facts of a sentence pair (coverage of content
words both ways, numbers, dates, names, negation, quotations). On clusters they were not written
from they said "full" or "partial" too often (docs/trust.md). :func:`pair_features` turns what
the rules compute into a short vector; two logistic regressions trained on the judged pairs of
``bench/trust_pairs.jsonl`` (``bench/trust_cv.py``, cross-validated by cluster) estimate the
chance that a judge calls the pair "full" and the chance that the judge calls it supported at
all (full or partial). The support check (``align.check``, ``_gated``) keeps a rule verdict
only when those chances clear thresholds chosen for precision: a "full" that is not clearly
full becomes "partial" when it is clearly supported, and a citation that is not clearly
supported is dropped ("none"). A rule "none" for too few shared words (the claim stated in
other words) becomes "partial" when the chance it is supported is very high (``T_PROMOTE``)
and no hard fact of the rules is against it; it is never raised to "full".

The weights below are plain numbers (no file is read at run time); the result is deterministic.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsweave.align.figures import Facts

FEATURES = (
    "coverage", "back", "log_claim_words", "log_evidence_words", "missing_words",
    "log_extra_words", "claim_numbers", "missing_numbers", "other_figure", "missing_dates",
    "claim_names", "missing_names", "missing_lead_name", "plain_coverage", "quote_coverage",
    "negation_gap", "bigram_coverage", "evidence_names_extra", "evidence_numbers_extra",
    "rule_full", "rule_partial", "prefix_coverage", "lead_word_missing",
    "longest_run",
)


def _bigrams(seq: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(zip(seq, seq[1:], strict=False))


def _longest_run(seq_a: tuple[str, ...], seq_b: tuple[str, ...]) -> int:
    """The longest run of content stems the two sentences share in the same order."""
    at: dict[str, list[int]] = {}
    for k, w in enumerate(seq_b):
        at.setdefault(w, []).append(k)
    best = 0
    for i, w in enumerate(seq_a):
        for j in at.get(w, ()):
            n = 1
            while i + n < len(seq_a) and j + n < len(seq_b) and seq_a[i + n] == seq_b[j + n]:
                n += 1
            best = max(best, n)
    return best


def pair_features(a: Facts, b: Facts, seq_a: tuple[str, ...], seq_b: tuple[str, ...],
                  rule: str) -> list[float]:
    """The vector the regressions read (order of ``FEATURES``); ``seq_*`` are the content
    stems of each sentence in reading order, ``rule`` the rules' label."""
    sa, sb = a.stems, b.stems
    shared = sa & sb
    cov = len(shared) / len(sa) if sa else 0.0
    back = len(shared) / len(sb) if sb else 0.0
    miss_num = sum(1 for x in a.numbers
                   if not any(abs(x.value - y.value) <= 0.02 * max(abs(x.value), abs(y.value))
                              for y in b.numbers))
    other = any(x.unit and not any(abs(x.value - y.value) <= 0.02 * max(abs(x.value),
                                                                          abs(y.value))
                                   for y in b.numbers)
                and any(y.unit == x.unit for y in b.numbers) for x in a.numbers)
    pool = set(sb) | b.name_stems
    missing_names = sum(1 for n in a.names if n[-1] not in pool)
    lead_missing = any(n[-1] not in pool for n in a.lead_names)
    plain = sa - a.name_stems
    plain_cov = len(plain & sb) / len(plain) if plain else 1.0
    quote_cov = len(a.quote & sb) / len(a.quote) if a.quote else 1.0
    pool_a = set(sa) | a.name_stems
    ev_names = sum(1 for n in b.names if n[-1] not in pool_a)
    ev_nums = sum(1 for y in b.numbers
                  if not any(abs(x.value - y.value) <= 0.02 * max(abs(x.value), abs(y.value))
                             for x in a.numbers))
    set_a, set_b = set(seq_a), set(seq_b)
    heads = {w[:5] for w in set_b}  # "engaged" / "engagement": one word, for this feature
    prefix_cov = sum(1 for w in set_a if w[:5] in heads) / len(set_a) if set_a else 0.0
    pool_b = pool | set_b
    lead_word = bool(seq_a) and seq_a[0] not in pool_b  # the subject, most often
    run = _longest_run(seq_a, seq_b) / len(seq_a) if seq_a else 0.0
    bg_a = _bigrams(seq_a)
    bg_cov = len(bg_a & _bigrams(seq_b)) / len(bg_a) if bg_a else cov
    return [
        cov, back, math.log1p(len(sa)), math.log1p(len(sb)), float(len(sa - sb)),
        math.log1p(len(sb - sa)), float(min(len(a.numbers), 3)), float(min(miss_num, 3)),
        float(other), float(min(len(a.dates - b.dates), 3)), float(min(len(a.names), 5)),
        float(min(missing_names, 3)), float(lead_missing), plain_cov, quote_cov,
        float(bool(a.negated - sb) or bool((a.negated ^ b.negated) & shared)), bg_cov,
        float(min(ev_names, 5)), float(min(ev_nums, 3)),
        float(rule == "full"), float(rule == "partial"), prefix_cov,
        float(lead_word), run,
    ]


def probability(x: list[float], model: tuple[tuple[float, ...], float]) -> float:
    """Logistic regression (weights, bias) over the features standardised by ``SCALER``."""
    w, bias = model
    mean, scale = SCALER
    z = bias + sum(wi * (xi - m) / sc for xi, m, sc, wi in zip(x, mean, scale, w, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


# Fitted by ``python bench/trust_cv.py --weights`` on the judged pairs (the shared
# standardisation, then weights and bias of each regression over ``FEATURES``); thresholds
# chosen on grouped out-of-fold predictions for precision.
T_FULL = 0.8
T_SUPPORTED = 0.9
T_PROMOTE = 0.95  # P(supported) raising a rule "none" (``check.PROMOTABLE``) to partial
SCALER = (  # the features' means and scales over the judged pairs: one for both
    (0.61368, 0.53518, 2.278, 2.4243, 4.1885, 1.6229, 0.38012, 0.22848, 0.014344, 0.16701, 1.5615,
     0.53279, 0.13627, 0.57461, 0.93378, 0.079918, 0.39693, 0.875, 0.29201, 0.20902, 0.13525,
     0.61577, 0.43955, 0.43661),
    (0.27613, 0.27605, 0.48252, 0.55961, 3.8919, 0.94188, 0.72285, 0.56362, 0.11891, 0.47237,
     1.3776, 0.81918, 0.34308, 0.32117, 0.21131, 0.27117, 0.348, 1.2167, 0.67279, 0.40661,
     0.34199, 0.27478, 0.49633, 0.31089),
)
FULL_MODEL = (
    (0.018286, 0.58444, 0.41252, 0.35514, -0.85599, 0.034014, 0.25036, -0.67494, -0.50683,
     -0.54182, -0.34463, 0.032556, 0.28948, -0.26691, 0.49549, -0.006378, -0.27646, 0.03805,
     -0.068438, 0.71157, 0.20455, 0.42557, 0.05979, 0.69621),
    0.095095,
)
SUPPORTED_MODEL = (
    (-0.45644, 0.70879, 0.61072, 0.5602, -0.12405, -0.14419, 0.70103, -0.59579, -0.40911,
     -0.043163, -0.13079, 0.030612, -0.036845, 0.15673, 0.22652, -0.033973, -0.15624,
     0.081401, 0.020129, 1.0548, 0.19305, 0.75563, 0.096977, 0.36875),
    2.3335,
)
