"""Settings of a running server, validated once, shared by every route."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.errors import OptionsError
from newsweave.options import Limits

ENV_TOKEN = "NEWSWEAVE_TOKEN"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$", re.IGNORECASE)
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(text: str) -> float:
    """"90", "90s", "15m", "1h", "1.5h" -> seconds."""
    m = _DURATION.match(text or "")
    if not m:
        raise OptionsError(f"duration must look like 90s, 15m or 1h, got {text!r}")
    return float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()]


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` only listens on this machine."""
    h = host.strip().strip("[]").lower()
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How ``newsweave serve`` runs. ``token=None``: no authentication (loopback only)."""

    db: Path
    token: str | None = None
    max_body: int = 10_000_000  # bytes of one request body
    brief_seconds: float = 60.0  # a brief that takes longer answers 503
    brief_workers: int = 2  # briefs computed at once; more wait, then 503
    page_size: int = 20
    fetch_seconds: float = 10.0  # per URL pasted on /brief
    fetch_every: float | None = None  # seconds between feed polls (None: no poller)
    limits: Limits = field(default_factory=Limits)
    secure_cookies: bool = False
    visit_gap: float = 1800.0  # a page request this long after the last one starts a new visit
    # Host header names accepted (None: any). `newsweave serve` without a token sets the
    # loopback names and --host, so a web page cannot reach it through DNS rebinding.
    allowed_hosts: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < 8:
            raise OptionsError("token must be at least 8 characters")
        if not 1_000 <= self.max_body <= 1_000_000_000:
            raise OptionsError(f"max_body must be in [1000, 1000000000], got {self.max_body}")
        if not 0.1 <= self.brief_seconds <= 3600:
            raise OptionsError(f"brief_seconds must be in [0.1, 3600], got {self.brief_seconds}")
        if not 1 <= self.brief_workers <= 64:
            raise OptionsError(f"brief_workers must be in [1, 64], got {self.brief_workers}")
        if self.fetch_every is not None and self.fetch_every < 10:
            raise OptionsError(f"fetch_every must be at least 10 s, got {self.fetch_every}")
