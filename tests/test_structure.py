"""Typed analysis results, the renderer registry and the one-way import rule."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave.analyze.items import (
    Agreement,
    Claim,
    Conflict,
    Entity,
    Quote,
    SentenceRef,
    Speaker,
    TimelineEvent,
)
from newsweave.errors import OptionsError
from newsweave.registry import RENDERERS, Registry

SRC = Path(__file__).resolve().parents[1] / "src" / "newsweave"
KINDS = {"entities": Entity, "quotes": Quote, "speakers": Speaker, "conflicts": Conflict,
         "agreements": Agreement, "timeline": TimelineEvent}


def test_analysis_items_are_typed_frozen_and_round_trip_to_the_json(
    mosul_brief_with_speaker,
) -> None:
    # the Mosul reports show no conflict since the similarity floor (docs/trust.md): conflicts
    # are checked on two reports of one wall collapse
    from newsweave.pipeline import make_brief

    wall = make_brief([
        {"id": "g1", "text": "A wall collapsed during a wedding party in western India on "
         "Wednesday, killing at least 25 people, officials said.\n\nRescuers searched the rubble."},
        {"id": "g2", "text": "A wall collapsed onto guests at a wedding party in western India on "
         "Wednesday, killing at least 19 people, police said.\n\nThe groom survived."},
    ])
    for key, kind in KINDS.items():
        brief = wall if key == "conflicts" else mosul_brief_with_speaker
        data = json.loads(brief.to_json())
        items = brief.analysis[key]
        assert items and all(isinstance(i, kind) for i in items), key
        assert [i.to_dict() for i in items] == data[key]
        assert kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
        for item in items:
            assert item.refs() and all(isinstance(r, SentenceRef) for r in item.refs())


def test_optional_agreement_fields_appear_only_when_set() -> None:
    ref = SentenceRef("a", 0, 5)
    plain = Agreement("Text.", ("a", "b"), 2, (ref,))
    assert list(plain.to_dict()) == ["text", "sources", "independent_sources", "sentence"]
    dated = Agreement("Text.", ("a", "b"), 2, (ref,), date="2014-06", values=("1", "one"))
    assert dated.to_dict()["date"] == "2014-06" and dated.to_dict()["values"] == ["1", "one"]
    assert Agreement.from_dict(dated.to_dict()) == dated
    claim = Claim("3 to 5 men", (3.0, 5.0), "people", ("a",), ref)
    assert claim.to_dict()["normalized"] == [3.0, 5.0]
    conflict = Conflict("number of men", 0.5, (claim,))
    assert Conflict.from_dict(conflict.to_dict()) == conflict


def test_renderer_registry_names_unknown_formats_and_loads_lazily() -> None:
    with pytest.raises(OptionsError, match="format must be one of") as err:
        RENDERERS.check("pdf")
    assert err.value.field == "format"
    reg = Registry("thing", {"json": "json:dumps"})
    assert reg["json"]([1]) == "[1]"  # imported on first use
    reg["mine"] = len
    assert sorted(reg) == ["json", "mine"] and reg["mine"]("ab") == 2


def test_brief_renders_through_the_registry(mosul_brief) -> None:
    assert mosul_brief.render("md") == mosul_brief.to_markdown()
    assert mosul_brief.render("dict") == mosul_brief.to_dict()
    with pytest.raises(OptionsError):
        mosul_brief.render("pdf")


def _imports(path: Path) -> set[str]:
    """Modules a file imports, at module level or inside functions (TYPE_CHECKING too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize(("package", "forbidden"), [
    ("types.py", ("newsweave.render", "newsweave.analyze", "newsweave.pipeline")),
    ("analyze", ("newsweave.pipeline", "newsweave.render", "newsweave.stories")),
    ("render", ("newsweave.pipeline", "newsweave.stories", "newsweave.cli")),
    ("registry.py", ("newsweave.render", "newsweave.summarize", "newsweave.pipeline")),
    ("state.py", ("newsweave.pipeline", "newsweave.analyze")),
    ("batch/executors.py", ("newsweave.batch.runner", "newsweave.pipeline")),
    ("evaluate", ("newsweave.batch", "newsweave.cli")),
    ("ingest", ("newsweave.batch", "newsweave.pipeline", "newsweave.summarize")),
])
def test_imports_flow_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    target = SRC / package
    files = [target] if target.is_file() else sorted(target.rglob("*.py"))
    for path in files:
        bad = [m for m in _imports(path) if m.startswith(forbidden)]
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"


def test_item_types_import_nothing_heavy() -> None:
    code = ("import sys, newsweave.analyze.items, newsweave.registry; "
            "print(sorted(m for m in ('sklearn', 'numpy', 'newsweave.analyze.run') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_no_process_wide_memo_caches() -> None:
    """State lives on objects: no functools caches at module level (a server shares them)."""
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "lru_cache" not in text and "functools.cache" not in text, path


def test_fold_memo_belongs_to_its_vectorizer() -> None:
    from newsweave.align.support import analyzer, fold, tfidf

    memo: dict[str, str] = {}
    assert analyzer("Muqawama and the mukawamma", memo) == ["mukawama", "mukawama"]
    assert {k: v for k, v in memo.items() if v} == {"muqawama": "mukawama",
                                                     "mukawamma": "mukawama"}
    assert memo["and"] == memo["the"] == ""  # stop words are remembered as such
    assert not hasattr(fold, "cache_info")
    _, vec = tfidf(["The muqawama grew.", "The mukawama grew fast."])
    assert vec is not None and "mukawama" in vec.vocabulary_


def test_cli_import_loads_no_numeric_library() -> None:
    """Every command (even --help) imports the CLI: numpy, SciPy, scikit-learn wait."""
    code = ("import sys, newsweave.cli; "
            "print(sorted(m for m in ('numpy', 'scipy', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
