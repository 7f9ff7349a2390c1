"""Strategies chosen by name: scorers and renderers, in one place.

The CLI, the options and the docs take their choices from here. An entry is registered as
``"module:attribute"`` and imported on first use, so naming a choice (for ``--help`` or to
validate an option) loads nothing heavy, and this module imports no stage.

Example::

    >>> from newsweave.registry import RENDERERS
    >>> sorted(RENDERERS)
    ['dict', 'html', 'json', 'md']
    >>> RENDERERS.check("pdf")
    Traceback (most recent call last):
    ...
    newsweave.errors.OptionsError: format must be one of dict, html, json, md, got 'pdf'
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from typing import Any

from newsweave.errors import OptionsError


class Registry(MutableMapping[str, Any]):
    """Name -> strategy. ``field`` names the option the choice is made with."""

    def __init__(self, field: str, entries: dict[str, str]) -> None:
        self.field = field
        self._entries: dict[str, Any] = dict(entries)  # str "module:attr" until first use

    def check(self, name: str) -> str:
        """``name`` when it is registered, else :class:`OptionsError` naming the field."""
        if name not in self._entries:
            raise OptionsError(
                f"{self.field} must be one of {', '.join(sorted(self._entries))}, got {name!r}",
                field=self.field,
            )
        return name

    def __getitem__(self, name: str) -> Any:
        entry = self._entries[self.check(name)]
        if isinstance(entry, str):
            module, _, attr = entry.partition(":")
            entry = getattr(importlib.import_module(module), attr)
            self._entries[name] = entry
        return entry

    def __setitem__(self, name: str, value: Any) -> None:
        self._entries[name] = value

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


# Scorers take a FeatureTable and return one score per sentence (newsweave.summarize.scorers).
DEFAULT_SCORER = "default"
SCORERS = Registry("scorer", {
    "default": "newsweave.summarize.scorers:default",
    "lead": "newsweave.summarize.scorers:lead",
    "centroid": "newsweave.summarize.scorers:centroid",
})
# Renderers take a Brief and return its text (``dict``: the JSON-ready dict).
RENDERERS = Registry("format", {
    "md": "newsweave.render.markdown:brief_to_markdown",
    "json": "newsweave.render.jsonout:brief_to_json",
    "html": "newsweave.render.html:brief_to_html",
    "dict": "newsweave.render.jsonout:brief_to_dict",
})
# What the CLI can write to a file or stdout (``dict`` is the Python form of ``json``).
TEXT_FORMATS = ("md", "json", "html")
