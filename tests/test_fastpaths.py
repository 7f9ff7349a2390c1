"""The speed paths compute what the plain code they replace computes, to the bit."""

from __future__ import annotations

from collections import Counter

import numpy as np

from newsweave.text.tokens import lower_findall

TRICKY = ["İstanbul’s MAYOR said 3,000 people", "ΟΔΟΣ ΣΑΣ 12 people", "Kelvin \u212aing of 5",
          "ſtreet ſays no", "O’Neill’s “quote” — and… 4.5%", "ASCII only, Mr. Smith's 2nd",
          "", "\xa0Non\xa0breaking", "ǅemal ǈubljana"]


def test_lower_findall_is_lower_casing_each_match() -> None:
    from newsweave.align.check import _WORD

    for text in TRICKY:
        want = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
        assert lower_findall(_WORD, text) == want


def _overlap_by_dicts(toks, source_of, n_sources):
    """The four counts of ``lexical._overlap`` as the dict-based code computed them."""
    from newsweave.text.stopwords import stop_words

    stop = stop_words("english")
    contents = [[w for w in t if w not in stop] for t in toks]
    pairs_of = [list(zip(t, t[1:], strict=False)) for t in toks]
    freq = Counter(w for c in contents for w in c)
    src_w = [set() for _ in range(max(1, n_sources))]
    src_p = [set() for _ in range(max(1, n_sources))]
    for c, ps, s in zip(contents, pairs_of, source_of, strict=True):
        src_w[s].update(c)
        src_p[s].update(ps)
    w_left = Counter(w for ws in src_w for w in ws)
    p_left = Counter(p for ps in src_p for p in ps)
    total = max(1, sum(freq.values()))
    others = max(1, n_sources - 1)
    out = []
    for c, ps in zip(contents, pairs_of, strict=True):
        ws = pr = pn = wf = 0.0
        if c:
            wf = 100.0 * sum(freq[w] for w in c) / (total * len(c))
            if n_sources > 1:
                ws = sum(w_left[w] - 1 for w in c) / (others * len(c))
        if ps and n_sources > 1:
            counts = [p_left[p] - 1 for p in ps]
            pr = (len(counts) - counts.count(0)) / len(ps)
            pn = sum(counts) / (others * len(ps))
        out.append((ws, pr, pn, wf))
    return out


def test_lexical_overlap_counts_are_the_dict_counts(mosul_dir) -> None:
    from newsweave.ingest import load_paths
    from newsweave.summarize.lexical import _overlap, tokens
    from newsweave.text import split_sentences

    arts = load_paths([mosul_dir])
    sents = [s for a in arts for s in split_sentences(a)]
    toks = [tokens(s.text) for s in sents]
    for source_of, n_sources in (([k % 3 for k in range(len(sents))], 3),
                                 ([0] * len(sents), 1),
                                 ([arts.index(next(a for a in arts if a.id == s.article))
                                   for s in sents], len(arts))):
        got = np.column_stack(_overlap(toks, source_of, n_sources))
        want = np.array(_overlap_by_dicts(toks, source_of, n_sources))
        assert np.array_equal(got, want)  # exact, not approximately


def test_feature_centroid_is_the_mean_of_source_means(mosul_dir) -> None:
    from newsweave.options import BriefOptions, Limits
    from newsweave.pipeline import analyse, to_articles
    from newsweave.summarize.features import compute_features, sentence_counts

    state = analyse(to_articles(mosul_dir), BriefOptions(), Limits())
    al = state.alignment
    table = compute_features(al, state.groups, sentence_counts(al.sentences))
    originals = sorted({state.groups.get(s.article, s.article) for s in al.sentences})
    orig_of = np.array([originals.index(state.groups.get(s.article, s.article))
                        for s in al.sentences])
    centroid = np.zeros(al.vectors.shape[1])
    for k in range(len(originals)):  # the per-source sparse means, as the plain code took them
        centroid += np.asarray(al.vectors[np.flatnonzero(orig_of == k)].mean(axis=0)).ravel()
    want = np.asarray(al.vectors @ (centroid / np.linalg.norm(centroid))).ravel()
    assert np.array_equal(table.column("centroid"), want.astype(np.float32))
    best = np.zeros((len(orig_of), len(originals)), dtype=np.float32)
    sim = al.similarity.toarray()
    for k in range(len(originals)):
        best[:, k] = sim[:, orig_of == k].max(axis=1)
    best[np.arange(len(orig_of)), orig_of] = 0.0
    want_soft = best.sum(axis=1) / (len(originals) - 1)
    assert np.array_equal(table.column("soft_support"), want_soft.astype(np.float32))


def test_attribution_pattern_strips_what_the_backtracking_form_strips() -> None:
    import random
    import re

    from newsweave.align.check import _ATTRIBUTION

    # the same pattern with plain (backtracking) word runs, which can take seconds on a
    # long "according to ..." tail; the possessive runs accept the same strings
    plain = re.compile(_ATTRIBUTION.pattern.replace(r"++\s*+", r"+\s*"), _ATTRIBUTION.flags)
    assert plain.pattern != _ATTRIBUTION.pattern
    rnd = random.Random(7)
    parts = ["a", "b", ".", "’", "!", '"', "”", " ", ",", "-", "'", "x.y", "Monday", "on",
             "according to", "said", "says", "told", "reported", "\t"]
    texts = ["Rain fell, according to meteorologists with The Washington Post’s Capital.",
             "It rained, officials said on Monday.”", "according to police. "]
    texts += ["".join(rnd.choice(parts) for _ in range(rnd.randint(1, 14))) for _ in range(20000)]
    for t in texts:
        assert _ATTRIBUTION.sub("", t) == plain.sub("", t), t


def _all_patterns():
    import importlib
    import pkgutil
    import re

    import newsweave

    for info in pkgutil.walk_packages(newsweave.__path__, "newsweave."):
        if info.name.endswith("__main__") or any(p in info.name for p in (".server", ".cli", ".feeds")):
            continue  # web and terminal layers: no patterns the prefilter is meant for
        mod = importlib.import_module(info.name)
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{info.name}.{name}", value


def test_prefilter_never_drops_a_match(mosul_dir) -> None:
    import random

    from newsweave.ingest import load_paths
    from newsweave.text import split_sentences
    from newsweave.text.prefilter import Prefiltered

    texts = [s.text for a in load_paths([mosul_dir]) for s in split_sentences(a)]
    texts += TRICKY
    rnd = random.Random(11)
    checked = 0
    for name, pattern in _all_patterns():
        fast = Prefiltered(pattern)
        probes = list(texts)
        for lit in fast.literals or ():  # texts made to hold the literals, in odd cases
            for _ in range(3):
                word = "".join(c.upper() if rnd.random() < 0.5 else c for c in lit)
                probes.append(f"{rnd.choice(texts)[:40]} {word}{rnd.choice(['', '.', ' x', ','])}")
        for t in probes:
            assert bool(fast.search(t)) == bool(pattern.search(t)), (name, t)
        checked += fast.literals is not None
    assert checked >= 10  # the filter is found for many of newsweave's patterns


def test_batch_stems_are_stem_of_each() -> None:
    from newsweave.align.check import _WORD, stem, stems_of

    words = [w for t in TRICKY for w in _WORD.findall(t)]
    words += ["muqawama", "Hisbah's", "cities", "carried", "running", "O’Neill’s", "allah",
              "queue", "studies", "Mosul", "ISIS", "the", "a", "shelled", "x", "bbbbah"]
    assert stems_of(words) == [stem(w) for w in words]


def test_spelling_fold_patterns_are_the_plain_substitutions(mosul_dir) -> None:
    import random
    import re

    from newsweave.text import spelling

    doubled, final_ah = re.compile(r"(\w)\1+"), re.compile(r"(?<=[^\n]{3}a)h$", re.M)
    rng = random.Random(7)
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted(mosul_dir.iterdir())]
    texts += ["".join(rng.choice("aah_11\u0663\u0663\u00b2\u00b2é-..\n qq") for _ in range(14))
              for _ in range(20000)] + [t for t in TRICKY] + ["hisbah\nah\naah\nbahh", "ah"]
    for t in texts:
        assert spelling._DOUBLED.sub("", t) == doubled.sub(r"\1", t)
        assert spelling._FINAL_AH.sub("", t) == final_ah.sub("", t)


def test_cased_twin_scans_give_the_case_insensitive_spans(mosul_dir) -> None:
    from newsweave.align.check import _NEG, _NUM_WORDS, _spans

    texts = [p.read_text(encoding="utf-8") for p in sorted(mosul_dir.iterdir())]
    texts += TRICKY + ["NOT ONE, Twenty-Five or n’T", "None of THREE HUNDRED denied it"]
    for pattern in (_NEG, _NUM_WORDS):
        for t in texts:
            assert _spans(pattern, t) == [m.span() for m in pattern.finditer(t)]
