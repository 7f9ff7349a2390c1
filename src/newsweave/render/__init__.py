"""Render stage: Markdown, JSON and HTML views of a Brief.

Renderers are registered by name in :data:`newsweave.registry.RENDERERS` (re-exported here).
"""

from newsweave.registry import RENDERERS
from newsweave.render.html import brief_to_html
from newsweave.render.jsonout import brief_to_dict, brief_to_json
from newsweave.render.markdown import brief_to_markdown

__all__ = ["RENDERERS", "brief_to_dict", "brief_to_html", "brief_to_json", "brief_to_markdown"]
