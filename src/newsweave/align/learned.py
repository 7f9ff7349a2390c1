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

from newsweave.align.figures import same_person

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
                and any(y.unit == x.unit and same_person(x, y) for y in b.numbers)
                for x in a.numbers)
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
T_FULL = 0.85
T_SUPPORTED = 0.85
T_PROMOTE = 0.95  # P(supported) raising a rule "none" (``check.PROMOTABLE``) to partial
# On lower-cased text (``support.lower_cased``: the truncated train clusters) the name rules of
# the check cannot fire and the same probabilities are over-confident: stricter thresholds,
# chosen by ``bench/trust_lower.py`` on all 1,048 blind-judged lower-cased pairs (the most
# cited with at most 1% judged none/contradicts, half the target, since fresh rounds have shown
# about twice the bad share of the pairs the thresholds were chosen on; docs/trust.md).
T_FULL_LOWER = 0.9
T_SUPPORTED_LOWER = 0.975
T_PROMOTE_LOWER = 0.97
SCALER = (  # the features' means and scales over the judged pairs: one for both
    (0.62027, 0.542, 2.2827, 2.4291, 4.1544, 1.6103, 0.39589, 0.22287, 0.013685, 0.16227, 1.564,
     0.52884, 0.13001, 0.5807, 0.93609, 0.076246, 0.40507, 0.87781, 0.29032, 0.21408, 0.13881,
     0.62247, 0.43597, 0.44353),
    (0.27503, 0.27785, 0.48439, 0.55977, 3.8791, 0.95303, 0.74163, 0.55507, 0.11618, 0.46486,
     1.3918, 0.81703, 0.33631, 0.32047, 0.20698, 0.26539, 0.34852, 1.222, 0.66675, 0.41018,
     0.34575, 0.27364, 0.49588, 0.31212),
)
FULL_MODEL = (
    (-0.082343, 0.5097, 0.39259, 0.27096, -0.87949, 0.092905, 0.35377, -0.72645, -0.49895,
     -0.51514, -0.2815, 0.026986, 0.25475, -0.068712, 0.4739, -0.00092228, -0.18584, 0.022045,
     -0.040639, 0.74524, 0.23608, 0.28802, 0.037972, 0.57429),
    0.11964,
)
SUPPORTED_MODEL = (
    (-0.5002, 0.71457, 0.66328, 0.52244, -0.15728, -0.076574, 0.7559, -0.61421, -0.40203,
     -0.044272, -0.12418, 0.026219, -0.042797, 0.17615, 0.2234, -0.03383, -0.10358, 0.081153,
     0.022675, 1.0764, 0.16793, 0.72404, 0.095288, 0.41761),
    2.4475,
)
