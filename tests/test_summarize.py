from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsweave
from newsweave import Article, BriefOptions
from newsweave.align import align
from newsweave.ingest.clean import is_noise_line
from newsweave.options import adaptive_budget
from newsweave.summarize import FEATURES, compute_features, get_scorer, reading_order, select
from newsweave.summarize.features import sentence_counts
from newsweave.summarize.scorers import DEFAULT_WEIGHTS
from newsweave.text import split_sentences
from newsweave.types import Sentence

FIRE_A = (
    "A fire destroyed the central harbour warehouse in Portsmouth on Monday night.\n"
    "Firefighters fought the blaze for six hours before it was under control.\n"
    "The owner, a local shipping firm, said the building was insured.\n"
    "He added that nobody had been inside when the fire started.\n"
    "A man looks on at the burnt warehouse in Portsmouth on June 4, 2019.\n"
    "A woman walks past the harbour warehouse in Portsmouth, Tuesday, June 4, 2019."
)
FIRE_B = (
    "Fire destroyed the central harbour warehouse in Portsmouth late on Monday.\n"
    "Police are investigating whether the blaze was started deliberately.\n"
    "Local residents were told to keep their windows closed because of the smoke.\n"
    "Read the full story of the harbour redevelopment plans..."
)
FIRE_C = (
    "Police said the central harbour warehouse fire in Portsmouth may have been arson.\n"
    "Firefighters spent six hours fighting the blaze at the harbour warehouse.\n"
    "The city council will discuss harbour safety at its next meeting."
)


def _table(texts: list[str]):
    arts = [Article(f"a{k}", t) for k, t in enumerate(texts)]
    sents = [s for a in arts for s in split_sentences(a)]
    groups = {a.id: a.id for a in arts}
    al = align(sents, groups, 0.5)
    return al, compute_features(al, groups, sentence_counts(al.sentences))


def _find(al, start: str) -> int:
    return next(i for i, s in enumerate(al.sentences) if s.text.startswith(start))


def test_feature_table_has_every_named_feature_and_shipped_weights_match() -> None:
    al, table = _table([FIRE_A, FIRE_B, FIRE_C])
    assert table.values.shape == (len(al.sentences), len(FEATURES))
    assert table.names == FEATURES
    assert set(DEFAULT_WEIGHTS) == set(FEATURES)
    assert np.isfinite(table.values).all()


def test_echoed_sentence_has_more_cross_source_support_than_a_unique_one() -> None:
    al, table = _table([FIRE_A, FIRE_B, FIRE_C])
    echoed = _find(al, "A fire destroyed")
    unique = _find(al, "The owner, a local")
    for name in ("word_sources", "pair_shared", "pair_sources", "soft_support"):
        assert table.column(name)[echoed] > table.column(name)[unique], name


def test_caption_and_teaser_are_marked() -> None:
    al, table = _table([FIRE_A, FIRE_B, FIRE_C])
    caption = _find(al, "A man looks on")
    teaser = _find(al, "Read the full story")
    lead = _find(al, "A fire destroyed")
    assert table.column("caption")[caption] == 1.0 and table.column("caption")[lead] == 0.0
    assert table.column("ellipsis")[teaser] == 1.0
    assert table.column("ends_sentence")[teaser] == 0.0
    assert table.column("ends_sentence")[lead] == 1.0
    scores = get_scorer("default")(table)
    assert scores[lead] > scores[caption]
    # A caption that ends on weekday + full date never enters a brief.
    dated = _find(al, "A woman walks past")
    assert not table.eligible[dated] and table.eligible[lead]


def test_default_scorer_prefers_the_shared_lead_over_a_late_aside() -> None:
    al, table = _table([FIRE_A, FIRE_B, FIRE_C])
    scores = get_scorer("default")(table)
    assert scores[_find(al, "A fire destroyed")] > scores[_find(al, "The city council")]


def test_unknown_scorer_is_named() -> None:
    with pytest.raises(ValueError, match="scorer must be one of"):
        get_scorer("nope")


def _sent(k: int, words: int, article: str = "a", index: int | None = None) -> Sentence:
    text = " ".join(f"w{k}x{j}" for j in range(words)) + "."
    return Sentence(article, k if index is None else index, 0, len(text), text)


@settings(max_examples=60, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 40), min_size=1, max_size=30),
    budget=st.integers(10, 200),
    seed=st.integers(0, 1000),
)
def test_selection_respects_the_budget(lengths: list[int], budget: int, seed: int) -> None:
    sents = [_sent(k, w) for k, w in enumerate(lengths)]
    rng = np.random.default_rng(seed)
    scores = rng.random(len(sents))
    chosen = select(sents, scores, np.ones(len(sents), bool), np.eye(len(sents)), budget)
    if sum(sents[i].words for i in chosen) > budget:
        assert len(chosen) == 1  # only the fallback of a single over-long best sentence
    assert len(set(chosen)) == len(chosen)


def test_selection_skips_near_duplicates_and_repeated_text() -> None:
    sents = [_sent(0, 10), _sent(1, 10), _sent(2, 10)]
    sim = np.eye(3, dtype=np.float32)
    sim[0, 1] = sim[1, 0] = 0.9  # 1 repeats 0
    chosen = select(sents, np.array([3.0, 2.0, 1.0]), np.ones(3, bool), sim, 100, 0.55)
    assert chosen == [0, 2]
    same = [_sent(0, 10), Sentence("b", 0, 0, len(sents[0].text), sents[0].text)]
    chosen = select(same, np.array([2.0, 1.0]), np.ones(2, bool), np.eye(2), 100, 0.99)
    assert chosen == [0]


def test_selection_ignores_ineligible_sentences() -> None:
    sents = [_sent(0, 10), _sent(1, 10)]
    chosen = select(sents, np.array([5.0, 1.0]), np.array([False, True]), np.eye(2), 100)
    assert chosen == [1]


def test_reading_order_puts_leads_first_and_a_standalone_sentence_first() -> None:
    a0 = Sentence("a", 0, 0, 10, "He said the fire was out.")
    a3 = Sentence("a", 3, 0, 10, "Later the owner spoke.")
    b0 = Sentence("b", 0, 0, 10, "A fire destroyed the warehouse.")
    b1 = Sentence("b", 1, 0, 10, "Police investigate.")
    sents = [a0, a3, b0, b1]
    order = reading_order(sents, [1, 3, 0, 2], {"a": 0, "b": 1})
    assert order == [2, 0, 3, 1]  # b0 moved ahead of the dependent a0; then document order


def test_a_quotation_that_goes_on_stays_with_its_opening_sentence() -> None:
    a1 = Sentence("a", 1, 0, 10, '"The promises are as worthless as a degree.')
    a2 = Sentence("a", 2, 0, 10, 'Voters are being played for suckers," Romney said.')
    b1 = Sentence("b", 1, 0, 10, "The senator spoke in Utah.")
    b2 = Sentence("b", 2, 0, 10, "Trump answered on Twitter.")
    sents = [a1, a2, b1, b2]
    assert reading_order(sents, [0, 1, 2, 3], {"a": 0, "b": 1}) == [0, 1, 2, 3]
    closed = Sentence("a", 1, 0, 10, '"The promises are worthless," he said.')
    assert reading_order([closed, a2, b1, b2], [0, 1, 2, 3], {"a": 0, "b": 1}) == [0, 2, 1, 3]
    # The opening leans on something ("His ..."): another sentence leads, and the quotation's
    # second half is never pulled to the front without its first.
    his = Sentence("a", 1, 0, 10, '"His promises are as worthless as a degree.')
    assert reading_order([his, a2, b1, b2], [0, 1, 2, 3], {"a": 0, "b": 1}) == [2, 0, 1, 3]


def test_a_dependent_sentence_whose_antecedent_was_skipped_follows_its_closest_match() -> None:
    a0 = Sentence("a", 0, 0, 10, "Resistance is growing inside the city.")
    a4 = Sentence("a", 4, 0, 10, "It is the first letter of the word muqawama.")
    b0 = Sentence("b", 0, 0, 10, "Residents describe fraying support for the group.")
    b2 = Sentence("b", 2, 0, 10, "The painted letter m stands for the word mukawama.")
    sents = [a0, a4, b0, b2]
    sim = np.eye(4, dtype=np.float32)
    sim[1, 3] = sim[3, 1] = 0.5  # a4 says what b2 says; a4's own antecedent (a3) was not chosen
    order = {"a": 0, "b": 1}
    assert reading_order(sents, [0, 1, 2, 3], order) == [0, 1, 2, 3]  # no similarity: own article
    assert reading_order(sents, [0, 1, 2, 3], order, sim) == [0, 2, 3, 1]
    sim[1, 3] = sim[3, 1] = 0.2  # not close enough: it stays with its own article
    assert reading_order(sents, [0, 1, 2, 3], order, sim) == [0, 1, 2, 3]
    # Right after its antecedent (adjacent), a dependent sentence never moves.
    a1 = Sentence("a", 1, 0, 10, "It is the first letter of the word muqawama.")
    sim[1, 3] = sim[3, 1] = 0.9
    assert reading_order([a0, a1, b0, b2], [0, 1, 2, 3], order, sim) == [0, 1, 2, 3]


def test_a_dependent_sentence_keeps_document_order_within_its_own_article() -> None:
    a0 = Sentence("a", 0, 0, 10, "The council approved the river plan on Monday.")
    a5 = Sentence("a", 5, 0, 10, "It would add 2,000 homes to the east bank.")
    a8 = Sentence("a", 8, 0, 10, "The river homes plan goes to a vote in May.")
    sim = np.eye(3, dtype=np.float32)
    sim[1, 2] = sim[2, 1] = 0.4  # close to a later sentence of its own article: no move
    assert reading_order([a0, a5, a8], [0, 1, 2], {"a": 0}, sim) == [0, 1, 2]


def test_the_opening_sentence_moves_to_the_front_with_its_followers() -> None:
    a3 = Sentence("a", 3, 0, 10, "But the plan failed in the end.")
    b5 = Sentence("b", 5, 0, 10, "The mayor announced a new budget on Friday.")
    b6 = Sentence("b", 6, 0, 10, "He said it would cut taxes for most families.")
    assert reading_order([a3, b5, b6], [0, 1, 2], {"a": 0, "b": 1}) == [1, 2, 0]


def test_brief_is_deterministic_verbatim_and_within_budget() -> None:
    arts = [Article("a", FIRE_A), Article("b", FIRE_B), Article("c", FIRE_C)]
    one = newsweave.brief(arts, words=40)
    two = newsweave.brief(arts, words=40)
    assert [i.text for i in one.summary] == [i.text for i in two.summary]
    assert one.summary and one.stats["words_out"] <= 40
    for item in one.summary:
        art = one.article(item.sources[0])
        assert art.text[item.sentence.start : item.sentence.end] == item.sentence.text
        assert item.text == item.marks[0] + item.sentence.text + item.marks[1]


def test_brief_does_not_open_on_a_dependent_sentence(mosul_brief) -> None:
    first = mosul_brief.summary[0].text
    assert not first.lower().startswith(("he ", "she ", "they ", "it ", "this ", "but "))


def test_adaptive_budget_grows_with_sources_and_is_bounded() -> None:
    budgets = [adaptive_budget(n) for n in range(0, 30)]
    assert budgets == sorted(budgets)
    assert budgets[2] >= 200 and max(budgets) <= 400


def test_options_validate_summarizer_fields() -> None:
    from newsweave import OptionsError

    with pytest.raises(OptionsError, match="max_words"):
        BriefOptions(min_words=10, max_words=5)


@pytest.mark.parametrize(
    "line",
    [
        "Photos: Photos: Emotions run high in Ferguson Protesters march on Thursday.",
        "Breaking News Emails Get breaking news alerts and special reports.",
        "Associated Press writer Jill Colvin contributed to this report from Iowa City.",
        "Watch more above.",
    ],
)
def test_multinews_scrape_lines_are_noise(line: str) -> None:
    assert is_noise_line(line) == "boilerplate"


def test_news_sentences_are_not_noise() -> None:
    assert is_noise_line("Photos of the flooded town were shared widely on Monday.") is None
    assert is_noise_line("Watchdogs said the associated costs were too high.") is None


def test_short_reply_to_a_question_title_or_sentence_is_not_eligible() -> None:
    arts = [
        Article("q", "At least in Mosul, the answer appears to be yes.\nThe group lost ground.",
                title="Has the caliphate begun to crack?"),
        Article("r", "Is the group losing? The answer appears to be yes for now.\n"
                     "At least in Mosul, residents say the group is weaker."),
    ]
    sents = [s for a in arts for s in split_sentences(a)]
    groups = {a.id: a.id for a in arts}
    al = align(sents, groups, 0.5)
    titles = {a.id: a.title for a in arts}
    table = compute_features(al, groups, sentence_counts(al.sentences), titles=titles)
    elig = {s.text: bool(e) for s, e in zip(al.sentences, table.eligible, strict=True)}
    assert not elig["At least in Mosul, the answer appears to be yes."]
    assert not elig["The answer appears to be yes for now."]
    assert elig["At least in Mosul, residents say the group is weaker."]
    without_titles = compute_features(al, groups, sentence_counts(al.sentences))
    assert without_titles.eligible[0]  # the rule needs the title to see the question


def test_selection_blocks_a_sentence_that_reuses_a_four_word_run() -> None:
    texts = [
        "The storm cut power to forty thousand homes on Tuesday.",
        "Officials said the storm cut power to forty thousand homes.",
        "Schools in the county will stay closed until Friday.",
    ]
    sents = [Sentence(f"a{k}", 0, 0, len(t), t) for k, t in enumerate(texts)]
    sim = np.eye(3, dtype=np.float32)  # the cosine check alone sees no repetition
    scores = np.array([3.0, 2.0, 1.0])
    assert select(sents, scores, np.ones(3, bool), sim, 100) == [0, 2]
    assert select(sents, scores, np.ones(3, bool), sim, 100, block_ngram=0) == [0, 1, 2]
    # Sharing only three words in a row ("the storm cut") is not a repetition.
    other = Sentence("b", 0, 0, 40, "Residents feared the storm cut off the coastal road.")
    kept = select([sents[0], other], np.array([2.0, 1.0]), np.ones(2, bool), np.eye(2), 100)
    assert kept == [0, 1]


def test_error_page_and_web_archive_notices_are_not_eligible() -> None:
    notice = (
        "These crawls are part of an effort to archive pages as they are created and archive "
        "the pages that they refer to.\n"
        "Check your DNS settings to verify that the domain is set up correctly.\n"
        "Firefighters spent six hours fighting the blaze at the harbour warehouse."
    )
    al, table = _table([notice, FIRE_A])
    elig = {s.text: bool(e) for s, e in zip(al.sentences, table.eligible, strict=True)}
    assert not elig[notice.split("\n")[0]]
    assert not elig[notice.split("\n")[1]]
    assert elig[notice.split("\n")[2]]


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("A woman walks past, in Accumoli, central Italy, Wednesday, Aug. 24, 2016.", True),
        ("Damage from the fire in Queens, Tuesday, Oct. 30, 2012, in New York.", True),
        # Without the comma a caption reads like prose, and prose must stay eligible.
        ("Voters will go to the polls on Tuesday, Nov. 8, 2016.", False),
        ("The law takes effect on Friday, Aug. 5, 2016.", False),
        ("A police van drives out from the hospital in Beijing Monday, May 7, 2012.", False),
        ("The hearing was moved to Monday after the judge fell ill.", False),
        ("Brown was shot on August 9, 2014.", False),
    ],
)
def test_caption_end_needs_a_weekday_and_a_full_date(text: str, caption: bool) -> None:
    from newsweave.summarize.lexical import CAPTION_END

    assert bool(CAPTION_END.search(text)) is caption


def test_a_kicker_before_the_lede_does_not_push_the_lede_down() -> None:
    kicker = "Surprise!\n\nA fire destroyed the old mill on Main Street early on Sunday, officials said."
    plain = "A fire destroyed the old mill on Main Street early on Sunday, officials said."
    for text in (kicker, plain):
        al, table = _table([text, FIRE_B])
        lede = _find(al, "A fire destroyed the old mill")
        assert table.column("position")[lede] == 1.0
        assert table.column("first")[lede] == 1.0
