"""Render stage: Markdown, JSON and HTML views of a Brief."""

from newsweave.render.html import brief_to_html
from newsweave.render.jsonout import brief_to_dict, brief_to_json
from newsweave.render.markdown import brief_to_markdown

RENDERERS = {"md": brief_to_markdown, "json": brief_to_json, "html": brief_to_html}

__all__ = ["RENDERERS", "brief_to_dict", "brief_to_html", "brief_to_json", "brief_to_markdown"]
