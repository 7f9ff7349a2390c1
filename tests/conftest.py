from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "mosul"
SHARED = ROOT.parent / "shared"
DEV50 = SHARED / "data" / "multinews-dev50.jsonl"


@pytest.fixture(scope="session")
def mosul_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def mosul_brief():
    import newsweave

    return newsweave.brief(EXAMPLE)


@pytest.fixture(scope="session")
def mosul_brief_with_speaker(mosul_brief):
    """The Mosul brief with the sentence '"I know they are digging new trenches around the
    city," he said.' added after its first two (whether the default brief picks it depends on
    the scorer's weights) and its speaker notes recomputed: a brief with a speaker note."""
    from dataclasses import replace

    from newsweave.analyze.quotes import brief_speakers
    from newsweave.types import SummaryItem

    said = [s for ss in mosul_brief.sentences.values() for s in ss
            if s.text.startswith('"I know they are digging new trenches') and "he said" in s.text]
    assert len(said) == 1
    summary = [*mosul_brief.summary[:2], SummaryItem(said[0], (said[0].article,), 1)]
    notes = brief_speakers(summary, mosul_brief.analysis["quotes"], mosul_brief.sentences)
    return replace(mosul_brief, summary=summary,
                   analysis={**mosul_brief.analysis, "speakers": notes})


@pytest.fixture(scope="session")
def dev50() -> Path:
    if not DEV50.is_file():
        pytest.skip("../shared/data/multinews-dev50.jsonl is not present")
    return DEV50
