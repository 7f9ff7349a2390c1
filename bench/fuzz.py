"""Coverage-guided fuzzing of ingest + brief + renderers with atheris (libFuzzer).

Each input is raw bytes fed to ``load_bytes`` as text, HTML, JSONL or sniffed (chosen by the
first byte), then to ``make_brief`` (analysis on for half of the inputs) and all three
renderers; summary sentences must be verbatim and cite existing articles. ``--stage ingest``
stops after ingest and sentence splitting (many more executions per second).

newsweave's own errors (``NewsweaveError``) are the expected answer to bad input; any other
exception, or an input slower than ``SLOW_SECONDS``, is a finding: it is saved under
``--findings`` and counted, and fuzzing goes on. Figures (executions, clean input errors,
findings) are kept in ``stats.json`` next to the findings folder, every 100 runs; libFuzzer's
own last line ("Done N runs in S second(s)") gives the exact total.

    python bench/fuzz.py [--stage brief|ingest] [--findings DIR] [--corpus DIR] [flags...]
    timeout 660 python bench/fuzz.py -max_total_time=600      # the 10-minute run

Not part of CI. Needs ``atheris`` (in the ``dev`` extra).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import atheris

with atheris.instrument_imports(include=["newsweave"]):
    from newsweave.errors import NewsweaveError
    from newsweave.ingest import load_bytes
    from newsweave.options import BriefOptions, Limits
    from newsweave.pipeline import make_brief
    from newsweave.render import RENDERERS
    from newsweave.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SLOW_SECONDS = 10.0
KINDS: tuple[str | None, ...] = ("text", "html", "jsonl", None)
LIMITS = Limits(max_bytes=200_000, extract_seconds=2.0)
OPTIONS = (BriefOptions(analyze=False), BriefOptions(analyze=True))

STATE: dict[str, Any] = {
    "execs": 0, "expected_errors": 0, "findings": 0, "kinds": {}, "stage": "brief"
}
FINDINGS = Path(os.environ.get("NEWSWEAVE_FUZZ_FINDINGS", "/tmp/newsweave-fuzz/findings"))


def _save(data: bytes, kind: str, detail: str) -> None:
    key = hashlib.sha1(detail.encode()).hexdigest()[:12]
    STATE["findings"] += 1
    STATE["kinds"][key] = STATE["kinds"].get(key, 0) + 1
    if STATE["kinds"][key] == 1:
        FINDINGS.mkdir(parents=True, exist_ok=True)
        (FINDINGS / f"{kind}-{key}.bin").write_bytes(data)
        (FINDINGS / f"{kind}-{key}.txt").write_text(detail, encoding="utf-8")
    _write_stats()


def _write_stats() -> None:
    FINDINGS.parent.mkdir(parents=True, exist_ok=True)
    stats = {
        "executions": STATE["execs"],
        "expected_errors": STATE["expected_errors"],
        "findings": STATE["findings"],
        "unique_findings": len(STATE["kinds"]),
    }
    (FINDINGS.parent / "stats.json").write_text(json.dumps(stats), encoding="utf-8")


def run_one(data: bytes) -> None:
    """One fuzz input through the whole product (raises only on a finding)."""
    if not data:
        return
    selector = data[0]
    kind = KINDS[selector % len(KINDS)]
    options = OPTIONS[(selector >> 2) & 1]
    try:
        arts = load_bytes(data[1:], "fuzz", kind=kind, limits=LIMITS, problems=[])
        if STATE["stage"] == "ingest":
            for art in arts:
                for s in split_sentences(art, LIMITS.max_sentence_chars):
                    assert art.text[s.start : s.end] == s.text, "sentence offsets"
            return
        brief = make_brief(arts, options, LIMITS, problems=[])
    except NewsweaveError:
        STATE["expected_errors"] += 1
        return
    texts = {a.id: a.text for a in brief.articles}
    for item in brief.summary:
        s = item.sentence
        assert texts[s.article][s.start : s.end] == item.text, "summary not verbatim"
        assert set(item.sources) <= texts.keys(), "citation of a missing article"
    for render in RENDERERS.values():
        render(brief)


def test_one_input(data: bytes) -> None:
    STATE["execs"] += 1
    t0 = time.perf_counter()
    try:
        run_one(data)
    except Exception:  # noqa: BLE001 - every unexpected exception is a finding
        tb = traceback.format_exc()
        last = tb.strip().splitlines()[-3:]
        _save(data, "crash", "\n".join(last) + "\n\n" + tb)
    took = time.perf_counter() - t0
    if took > SLOW_SECONDS:
        _save(data, "slow", f"{took:.1f} s")
    if STATE["execs"] % 100 == 0:
        _write_stats()


SEEDS: dict[str, bytes] = {
    "plain": b"\x00The council approved the budget on Monday. Critics said taxes would rise.\n",
    "title": b"\x00Budget passes\nThe council approved the budget on Monday. Mr. Smith voted no.",
    "html": b"\x01<html><head><title>T</title></head><body><p>The mayor said yes.</p>"
    b"<script>x()</script><div><p>Officials agreed on Monday.</p></div></body></html>",
    "jsonl": b'\x02{"id": "a", "text": "Rain fell in Paris. Roads flooded.", "title": "Rain"}\n'
    b'{"text": "Heavy rain fell in Paris on Monday.", "source": "x.com"}\n{broken\n',
    "multinews": b"\x03First report of the fire. It spread fast. ||||| Second report: the fire "
    b"spread fast.NEWLINE_CHAR It was contained.",
    "cp1252": b"\x00Caf\xe9 owners said the \x93new\x94 rules were unfair \x97 na\xefve.",
    "utf16": b"\x00\xff\xfe" + "Le maître a déclaré. La fête aura lieu.".encode("utf-16-le"),
    "bidi": "\x04The\u200b mayor\u202e said the vote passed. مرحبا بالعالم. 你好。".encode(),
    "dots": b"\x00..[111 111 ..[111 111 a.b.c. Mr. A. B. 3.5 U.S. e.g. x?! ...",
    "deep": b"\x01<html><body>" + b"<div>" * 300 + b"Deep text here." + b"</div>" * 300,
}


def _seed_corpus(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for name, data in SEEDS.items():
        (corpus / name).write_bytes(data)
    example = ROOT / "examples" / "mosul"
    if example.is_dir():
        for k, p in enumerate(sorted(example.glob("*.txt"))[:3]):
            (corpus / f"mosul{k}").write_bytes(b"\x00" + p.read_bytes()[:4000])


def main(argv: list[str] | None = None) -> None:
    global FINDINGS
    args = list(sys.argv if argv is None else argv)
    corpus = Path("/tmp/newsweave-fuzz/corpus")
    for flag in ("--findings", "--corpus", "--stage"):
        if flag in args:
            k = args.index(flag)
            value = args[k + 1]
            del args[k : k + 2]
            if flag == "--findings":
                FINDINGS = Path(value)
            elif flag == "--corpus":
                corpus = Path(value)
            elif value in ("ingest", "brief"):
                STATE["stage"] = value
            else:
                raise SystemExit(f"--stage must be ingest or brief, got {value!r}")
    _seed_corpus(corpus)
    if not any(a.startswith("-max_len") for a in args):
        args.append("-max_len=20000")
    if not any(a.startswith("-timeout") for a in args):
        args.append("-timeout=60")
    args.append(str(corpus))
    print(f"fuzz: findings -> {FINDINGS}, figures -> {FINDINGS.parent / 'stats.json'}")
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
