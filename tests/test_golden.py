"""Golden files: the brief of the bundled Mosul reports, in Markdown and JSON.

A change that alters the brief must update the files on purpose and say why in its commit:
    NEWSWEAVE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("NEWSWEAVE_UPDATE_GOLDEN") == "1"


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        pytest.skip(f"updated {path.name}")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} changed; see the module docstring to update it"


def test_markdown_brief_matches_golden(mosul_brief) -> None:
    _check("mosul.md", mosul_brief.to_markdown())


def test_json_brief_matches_golden(mosul_brief) -> None:
    data = mosul_brief.to_dict()
    data["stats"].pop("seconds")
    _check("mosul.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def test_golden_brief_is_verbatim_cited_and_clean(mosul_dir) -> None:
    """What the golden files promise, checked against the raw files (not our own cleaning)."""
    data = json.loads((GOLDEN / "mosul.json").read_text(encoding="utf-8"))
    raw = {p.stem: " ".join(p.read_text(encoding="utf-8").split()) for p in mosul_dir.iterdir()}
    # 5 long reports: 298 words for 5 sources, x 1.1 for the input's length (options.py)
    assert 150 <= sum(len(s["text"].split()) for s in data["summary"]) <= 340
    for item in data["summary"]:
        assert len(item["marks"]) == 2  # shown around the verbatim text, never inside it
        assert " ".join(item["text"].split()) in raw[item["sources"][0]]
        assert set(item["sources"]) <= set(raw)
    md = (GOLDEN / "mosul.md").read_text(encoding="utf-8").split("## Sources")[0]
    for noise in ("nasdaq.com\n", "Be the first to comment", "Please check your e-mail",
                  "See other posts", "preemptivelove", "Anti-ISIS graffiti in Mosul\n"):
        assert noise not in md
    names = [{e["name"], *e["aliases"]} for e in data["entities"]]
    assert any({"ISIS", "ISIL", "Islamic State", "Daesh"} <= n for n in names)
    # Different actors stay apart: a city and the group named after it.
    assert not any({"Mosul", "Kitaeb al-Mosul"} <= n for n in names)
