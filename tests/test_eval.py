from __future__ import annotations

import json

import pytest

from newsweave.errors import InputError
from newsweave.evaluate import METRICS, RougeEvaluator, evaluate, newline_sentences


@pytest.fixture(scope="module")
def ev() -> RougeEvaluator:
    return RougeEvaluator()


def test_rouge_wrapper_matches_rouge_score_on_a_known_pair(ev) -> None:
    # Pinned rouge-score numbers (use_stemmer=True), worked out by hand:
    # unigrams 5 of 6 shared, bigrams 3 of 5 shared, LCS "the cat on the mat" = 5.
    s = ev.score("The cat lay on the mat.", "The cat sat on the mat.")
    assert s["rouge1"] == pytest.approx(500 / 6)
    assert s["rouge2"] == pytest.approx(60.0)
    assert s["rougeL"] == pytest.approx(500 / 6)
    assert s["rougeLsum"] == pytest.approx(500 / 6)


def test_rouge_wrapper_stems_and_splits_sentences_for_lsum(ev) -> None:
    assert ev.score("Dogs running.", "dog runs")["rouge1"] == pytest.approx(100.0)
    # Two sentences in a swapped order: plain LCS sees only one of them, Lsum sees both.
    ref = "Police arrested a man. The fire spread fast."
    pred = "The fire spread fast. Police arrested a man."
    s = ev.score(pred, ref)
    assert s["rouge1"] == pytest.approx(100.0)
    assert s["rougeLsum"] == pytest.approx(100.0)
    assert s["rougeL"] < 70.0


def test_rouge_agrees_with_rouge_score_directly(ev) -> None:
    from rouge_score import rouge_scorer

    ref = "The council voted on Monday. It will close the harbour road for two weeks."
    pred = "On Monday the council voted to close the harbour road."
    direct = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True).score(ref, pred)
    ours = ev.score(pred, ref)
    assert ours["rouge1"] == pytest.approx(direct["rouge1"].fmeasure * 100)
    assert ours["rouge2"] == pytest.approx(direct["rouge2"].fmeasure * 100)


def test_empty_text_scores_zero(ev) -> None:
    assert ev.score("", "The cat sat on the mat.") == {m: 0.0 for m in METRICS}
    assert ev.score("The cat sat.", "") == {m: 0.0 for m in METRICS}


def test_newline_sentences_puts_one_sentence_per_line() -> None:
    assert newline_sentences("One here.  Two there!\nThree") == "One here.\nTwo there!\nThree"


def _write(tmp_path, records) -> str:
    p = tmp_path / "eval.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(p)


def test_evaluate_scores_newsweave_and_peers_and_skips_missing_peers(tmp_path) -> None:
    art1 = (
        "A fire destroyed the harbour warehouse in Portsmouth on Monday night. "
        "Firefighters fought the blaze for six hours. Police are investigating the cause."
    )
    art2 = (
        "Fire destroyed the harbour warehouse in Portsmouth late on Monday. "
        "Nobody was hurt, the fire service said. The owner said the building was insured."
    )
    ref = "A fire destroyed a harbour warehouse in Portsmouth on Monday; nobody was hurt."
    rec = {
        "id": "c1",
        "articles": [{"text": art1}, {"text": art2}],
        "reference": ref,
        "peers": {"good": ref, "empty": ""},
    }
    rows = {r["system"]: r for r in evaluate(_write(tmp_path, [rec]))}
    assert rows["good"]["rouge1"] == pytest.approx(100.0)
    assert rows["empty"]["clusters"] == 0 and rows["empty"]["missing"] == 1
    ours = rows["newsweave"]
    assert 0 < ours["rouge1"] < 100 and ours["clusters"] == 1 and ours["words"] > 0


def test_evaluate_names_bad_input(tmp_path) -> None:
    with pytest.raises(InputError):
        evaluate(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="reference"):
        evaluate(_write(tmp_path, [{"id": "x", "articles": []}]))


def test_a_cluster_with_no_usable_text_is_an_empty_brief_not_an_abort(tmp_path) -> None:
    archive = (
        "These crawls are part of an effort to archive pages as they are created and archive "
        "the pages that they refer to."
    )
    good = {
        "id": "good",
        "reference": "The council voted to close the harbour road for two weeks.",
        "articles": [
            {"text": "The city council voted on Monday to close the harbour road for two "
                     "weeks while engineers repair the sea wall."},
            {"text": "Engineers will repair the sea wall, and the harbour road will be closed "
                     "for two weeks, the council decided on Monday."},
        ],
    }
    empty = {"id": "archive-only", "reference": "Something happened.",
             "articles": [{"text": archive}]}
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (good, empty)) + "\n", encoding="utf-8")
    rows = evaluate(path, peers=False)
    ours = rows[0]
    assert ours["clusters"] == 2
    assert ours["empty"] == 1 and ours["empty_ids"] == ["archive-only"]
    alone = evaluate(path, peers=False, ids=["good"])[0]
    assert "empty" not in alone
    # The empty brief scores 0, so it halves the mean of the one real cluster.
    assert ours["rouge1"] == pytest.approx(alone["rouge1"] / 2, abs=0.01)


def test_evaluate_names_a_line_that_is_not_utf8_and_reads_a_bom(tmp_path) -> None:
    rec = {"id": "c1", "reference": "The port closed on Friday.",
           "articles": [{"text": "A storm closed the port on Friday, officials said."}]}
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(json.dumps(rec).encode() + b"\n" + b'{"id": "c2", "reference": "caf\xe9"}\n')
    with pytest.raises(InputError, match=r"line 2: not UTF-8 text \(byte 0xe9"):
        evaluate(bad, peers=False)
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(rec).encode() + b"\n")
    assert evaluate(bom, peers=False)[0]["clusters"] == 1
