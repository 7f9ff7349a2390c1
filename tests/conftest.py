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
def dev50() -> Path:
    if not DEV50.is_file():
        pytest.skip("../shared/data/multinews-dev50.jsonl is not present")
    return DEV50
