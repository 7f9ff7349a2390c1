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
supported is dropped ("none").

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
    "rule_full", "rule_partial",
)


def _bigrams(seq: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(zip(seq, seq[1:], strict=False))


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
    bg_a = _bigrams(seq_a)
    bg_cov = len(bg_a & _bigrams(seq_b)) / len(bg_a) if bg_a else cov
    return [
        cov, back, math.log1p(len(sa)), math.log1p(len(sb)), float(len(sa - sb)),
        math.log1p(len(sb - sa)), float(min(len(a.numbers), 3)), float(min(miss_num, 3)),
        float(other), float(min(len(a.dates - b.dates), 3)), float(min(len(a.names), 5)),
        float(min(missing_names, 3)), float(lead_missing), plain_cov, quote_cov,
        float(bool(a.negated - sb) or bool((a.negated ^ b.negated) & shared)), bg_cov,
        float(min(ev_names, 5)), float(min(ev_nums, 3)),
        float(rule == "full"), float(rule == "partial"),
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
T_FULL = 0.9
T_SUPPORTED = 0.85
SCALER = (  # the features' means and scales over the judged pairs: one for both
    (0.62879, 0.52902, 2.2667, 2.4531, 4.0208, 1.6449, 0.33333, 0.2, 0.0097222, 0.16944,
     1.5917, 0.51111, 0.12639, 0.58703, 0.93375, 0.072222, 0.41673, 0.95972, 0.29583,
     0.22917, 0.15),
    (0.28064, 0.28407, 0.48567, 0.54767, 3.9691, 0.96159, 0.66458, 0.51532, 0.098121,
     0.47919, 1.3824, 0.80442, 0.33229, 0.32744, 0.21351, 0.25886, 0.35351, 1.2648, 0.68919,
     0.4203, 0.35707),
)
FULL_MODEL = (
    (0.29853, 0.75114, 0.12117, 0.38341, -0.94101, 0.14611, 0.03283, -0.44996, -0.33199,
     -0.51118, -0.19347, 0.025976, 0.27451, -0.37934, 0.39711, -0.017359, 0.19451, 0.11327,
     -0.034889, 1.0784, 0.30518),
    0.20607,
)
SUPPORTED_MODEL = (
    (0.28053, 0.75906, 0.61028, 0.53164, -0.075966, 0.073256, 0.71366, -0.5825, -0.27529,
     -0.073488, -0.37245, 0.12494, -0.024082, -0.035713, 0.14492, -0.083493, 0.3367, 0.08831,
     -0.034173, 1.0518, 0.17286),
    2.3332,
)
