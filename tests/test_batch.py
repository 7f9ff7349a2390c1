from __future__ import annotations

import json

from newsweave.batch import run_batch
from newsweave.cli import main


def _write(path, lines) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_batch_streams_records_and_survives_bad_lines(tmp_path) -> None:
    good = {"id": "c1", "articles": [
        {"text": "A storm closed the port on Friday. Ships waited offshore for two days."},
        {"text": "Ships waited offshore for two days after a storm closed the port on Friday."}]}
    doc = {"id": "c2", "document": "The mayor resigned on Monday. NEWLINE_CHAR She cited health "
           "reasons. ||||| Citing health reasons, the mayor resigned on Monday morning."}
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(inp, [json.dumps(good), "{not json", json.dumps({"id": "c3", "articles": "x"}),
                 json.dumps(doc)])
    report = run_batch(inp, out)
    assert (report.ok, report.failed) == (2, 2)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["c1", "line-2", "c3", "c2"]
    assert "error" in recs[1] and "error" in recs[2]
    for r in (recs[0], recs[3]):
        assert set(r) == {"id", "summary", "sentences", "seconds"}
        assert r["summary"] == "\n".join(s["text"] for s in r["sentences"])
        assert all(s["sources"] for s in r["sentences"])


def test_batch_cli_on_dev_file_with_workers(tmp_path, dev50, capsys) -> None:
    out = tmp_path / "out.jsonl"
    head = tmp_path / "head.jsonl"
    with dev50.open(encoding="utf-8") as fh:
        head.write_text("".join(next(fh) for _ in range(12)), encoding="utf-8")
    assert main(["batch", str(head), str(out), "--workers", "2"]) == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 12 and all("summary" in r and r["summary"] for r in recs)
    expected = [json.loads(line)["id"] for line in head.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == expected
    assert "12 clusters summarized" in capsys.readouterr().err


def test_batch_on_local_dask_cluster_matches_single_process(tmp_path) -> None:
    lines = [json.dumps({"id": f"d{k}", "articles": [
        {"text": f"Report {k}: the river rose two metres overnight and closed the main road."},
        {"text": f"The main road closed after the river rose two metres overnight, report {k}."}]})
        for k in range(3)]
    inp = tmp_path / "in.jsonl"
    _write(inp, lines)
    run_batch(inp, tmp_path / "one.jsonl")
    report = run_batch(inp, tmp_path / "dask.jsonl", workers=1, scheduler="local")
    assert report.ok == 3

    def strip(p):
        return [{k: v for k, v in json.loads(x).items() if k != "seconds"}
                for x in p.read_text(encoding="utf-8").splitlines()]

    assert strip(tmp_path / "dask.jsonl") == strip(tmp_path / "one.jsonl")


def test_bad_scheduler_leaves_earlier_output_untouched(tmp_path) -> None:
    import pytest

    from newsweave.errors import NewsweaveError

    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(inp, [json.dumps({"id": "c", "articles": [{"text": "The port closed on Friday."}]})])
    out.write_text("earlier results\n", encoding="utf-8")
    with pytest.raises(NewsweaveError, match="--scheduler"):
        run_batch(inp, out, scheduler="foo")
    assert out.read_text(encoding="utf-8") == "earlier results\n"
    assert not list(tmp_path.glob(".*.part"))


def test_batch_with_analysis_writes_it(tmp_path) -> None:
    from newsweave.options import BriefOptions

    text = ("Officials said 25 people were hurt when the bridge collapsed on Monday. "
            "“We are shocked,” said Mayor Ann Lee.")
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write(inp, [json.dumps({"id": "c", "articles": [{"text": text}, {"text": text + " More."}]})])
    run_batch(inp, out, options=BriefOptions(analyze=True))
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert {"entities", "quotes", "agreements"} <= set(rec["analysis"])
    assert rec["analysis"]["quotes"][0]["speaker"] == "Mayor Ann Lee"
    run_batch(inp, out)
    assert "analysis" not in json.loads(out.read_text(encoding="utf-8"))


def test_batch_reads_a_file_that_opens_with_a_bom(tmp_path) -> None:
    rec = {"id": "c1", "articles": [
        {"text": "A storm closed the port on Friday. Ships waited offshore for two days."}]}
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_bytes(b"\xef\xbb\xbf" + json.dumps(rec).encode() + b"\n")
    report = run_batch(inp, out)
    assert (report.ok, report.failed) == (1, 0)
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "c1"
