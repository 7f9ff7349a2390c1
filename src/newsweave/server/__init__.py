"""``newsweave serve``: the story store as a local web app (server-rendered pages, no script)
and a JSON API under ``/api/v1``. FastAPI + uvicorn + Jinja2; see docs/server.md."""

from newsweave.server.app import create_app
from newsweave.server.config import ServerConfig, is_loopback, parse_duration

__all__ = ["ServerConfig", "create_app", "is_loopback", "parse_duration"]
