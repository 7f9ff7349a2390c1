"""The errors newsweave raises. The library never prints; the CLI maps these to exit codes."""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class of every error newsweave raises on purpose."""


class InputError(NewsweaveError):
    """The input cannot be used (unreadable, empty, binary, malformed).

    The message is one line that names the file (when there is one) and the reason.
    """

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class OptionsError(NewsweaveError, ValueError):
    """An option is out of range or unknown; ``field`` names the option (``"words"``,
    ``"scorer"``) and the message names it and the allowed values."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class NotFoundError(NewsweaveError, KeyError):
    """A looked-up item is not there (``Brief.article`` of an id the brief does not hold).
    A ``KeyError`` too, as a mapping's lookup would raise."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class StoreError(NewsweaveError):
    """The local store cannot be opened or used."""


class FetchError(NewsweaveError):
    """A URL could not be fetched or used (network, HTTP status, limits, robots.txt).

    ``kind`` is a short machine-readable reason (e.g. ``http-404``, ``timeout``,
    ``too-large``, ``content-type``, ``robots``); ``retryable`` says whether a later poll may
    succeed, ``retry_after`` how many seconds the server asked to wait (429/503), if it did.
    The message is one line naming the URL."""

    def __init__(self, url: str, reason: str, kind: str = "error",
                 retryable: bool = False, retry_after: float | None = None) -> None:
        self.url = url
        self.reason = reason
        self.kind = kind
        self.retryable = retryable
        self.retry_after = retry_after
        super().__init__(f"{url}: {reason}")


class FeedError(FetchError):
    """A feed document was fetched but is not a usable feed (malformed XML, an HTML page)."""
