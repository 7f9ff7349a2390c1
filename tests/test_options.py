"""Options and registries are the single source of truth; errors name the field."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import OptionsError
from newsweave.options import BriefOptions, Limits
from newsweave.registry import SCORERS
from newsweave.stories import StoryOptions


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"scorer": "nope"}, "scorer"),
    ({"words": 5}, "words"),
    ({"redundancy": 2.0}, "redundancy"),
    ({"max_words": 3}, "max_words"),
])
def test_brief_options_name_the_bad_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(OptionsError) as err:
        BriefOptions(**kwargs)  # type: ignore[arg-type]
    assert err.value.field == field and str(err.value).startswith(field)


def test_unknown_scorer_lists_the_registered_ones() -> None:
    with pytest.raises(OptionsError, match="scorer must be one of centroid, default, lead"):
        BriefOptions(scorer="nope")
    SCORERS["mine"] = SCORERS["lead"]
    try:
        assert BriefOptions(scorer="mine").scorer == "mine"  # a registered scorer is valid
    finally:
        del SCORERS["mine"]


def test_limits_and_story_options_name_their_fields() -> None:
    with pytest.raises(OptionsError) as err:
        Limits(max_bytes=1)
    assert err.value.field == "max_bytes"
    with pytest.raises(OptionsError) as err:
        StoryOptions(threshold=0.5, merge_threshold=0.3)
    assert err.value.field == "merge_threshold"


@pytest.mark.parametrize(("args", "message"), [
    (["brief", "x", "--words", "5"], "--words must be in [10, 100000], got 5"),
    (["brief", "x", "--scorer", "nope"], "--scorer must be one of centroid, default, lead"),
    (["brief", "x", "--max-bytes", "1"], "--max-bytes must be in"),
    (["eval", "x.jsonl", "--words", "5"], "--words must be in [10, 100000], got 5"),
    (["update", "--story", "1", "--words", "5"], "--words must be in [10, 100000], got 5"),
])
def test_cli_names_the_option_from_the_error_field(args: list[str], message: str) -> None:
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines() if res.stderr_bytes else res.output.splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_scorer_help_comes_from_the_registry() -> None:
    res = CliRunner().invoke(app, ["brief", "--help"])
    assert "default, lead, centroid" in " ".join(res.output.split())
