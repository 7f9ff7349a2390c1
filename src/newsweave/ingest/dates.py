"""Publication dates as UTC ISO 8601, from feeds, pages and JSON records."""

from __future__ import annotations

import email.utils
import re
import time
from datetime import UTC, date, datetime
from typing import Any


def to_utc(value: Any) -> str | None:
    """A date from a feed or page as UTC ISO 8601 (``2016-10-21T14:05:00Z``), or a bare
    date (``2016-10-21``) when only the day is known; None when unreadable. Accepts a
    ``time.struct_time`` (feedparser's ``*_parsed``, already UTC), an ISO 8601 or an
    RFC 2822 string. A time without a zone is taken as UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        try:
            dt = datetime(*value[:6], tzinfo=UTC)
        except (TypeError, ValueError):
            return None
        return _iso(dt)
    if isinstance(value, datetime):
        return _iso(value if value.tzinfo else value.replace(tzinfo=UTC))
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        dt = datetime.fromisoformat(text.replace("z", "Z"))
        dt = dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    except ValueError:
        found = rfc2822(text)
        if found is None:
            return None
        dt = found
    if not 1900 <= dt.year <= 2200:
        return None
    return _iso(dt)


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc2822(text: str) -> datetime | None:
    """An RFC 2822 / HTTP date ("Fri, 21 Oct 2016 14:05:00 GMT"); no zone is UTC."""
    try:
        dt = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def record_date(value: str) -> str | None:
    """The ``published`` of a JSON record or API article: ISO 8601 / RFC 2822 as
    :func:`to_utc`, else what dateparser reads ("October 21, 2016 10:05 AM"); None for a
    value that is no date at all (the article is flagged ``published-not-a-date`` and keeps
    no date, so stories and timelines never sort on it)."""
    out = to_utc(value)
    if out is None and value.strip():
        import dateparser

        dt = dateparser.parse(value, settings={"TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True})
        out = to_utc(dt) if dt is not None else None
    return out
