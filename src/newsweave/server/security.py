"""Headers, body cap, bearer tokens, page sessions and CSRF tokens.

- Every response carries a strict Content-Security-Policy (no script at all, styles and
  images from this server only, forms post here only, no framing), ``nosniff`` and
  ``Referrer-Policy: no-referrer``.
- A request body larger than the cap is refused with 413 before it is read whole.
- With a token, API calls need ``Authorization: Bearer TOKEN`` (compared in constant time);
  pages need a session cookie from ``/login`` (an HMAC-signed random id, HttpOnly,
  SameSite=Strict). Every form carries a CSRF token bound to the browser's cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'none'; object-src 'none'; style-src 'self'; "
       "img-src 'self'; font-src 'none'; connect-src 'none'; form-action 'self'; "
       "base-uri 'none'; frame-src 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
SESSION_COOKIE = "nw_session"
HEAD_KEY = "newsweave.head"  # in the ASGI scope of a HEAD request answered as a GET
SESSION_SECONDS = 7 * 86400  # a page session's life, on the server as in the cookie
CSRF_COOKIE = "nw_csrf"


class Guard:
    """ASGI middleware: security headers on every response, and the request body cap."""

    def __init__(self, app: ASGIApp, max_body: int,
                 allowed_hosts: tuple[str, ...] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        answered = False  # a 413 went out: whatever the app sends after is dropped
        # HEAD is GET without the body (RFC 9110), wherever GET is served
        head = scope["method"] == "HEAD"
        if head:  # (marked: a GET with a side effect does not have it on HEAD)
            scope = {**scope, "method": "GET", HEAD_KEY: True}

        async def send_wrapped(message: Message) -> None:
            nonlocal started
            if answered:
                return
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        if self.allowed is not None and _host(scope) not in self.allowed:
            await _json(send_wrapped, 400, {"error": "Host header not allowed"})
            return
        length = _content_length(scope)
        if length is not None and length > self.max_body:
            await self._too_large(scope, send_wrapped)
            return
        seen = 0

        async def receive_wrapped() -> Message:
            nonlocal seen, answered
            if answered:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # Answer now and tell the app the client went away: it stops reading.
                    if not started:
                        await self._too_large(scope, send_wrapped)
                    answered = True
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, receive_wrapped, send_wrapped)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        await _json(send, 413, {"error": f"request body larger than {self.max_body} bytes"})


async def _json(send: Send, status: int, payload: dict[str, str]) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _host(scope: Scope) -> str:
    """The Host header's name, without the port, lowercased."""
    for k, v in scope.get("headers", []):
        if k == b"host":
            h = v.decode("latin-1").strip().lower()
            if h.startswith("["):
                return h[1:].split("]", 1)[0]
            return h.rsplit(":", 1)[0] if h.count(":") == 1 else h
    return ""


def _content_length(scope: Scope) -> int | None:
    for k, v in scope.get("headers", []):
        if k == b"content-length":
            try:
                return int(v)
            except ValueError:
                return None
    return None


def _same(given: str, expected: str) -> bool:
    """Constant-time equality of a value from the request (any text: compare_digest refuses
    non-ASCII ``str``) with an expected ASCII one."""
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode())


class Auth:
    """Token checks, sessions and CSRF tokens of one server process."""

    def __init__(self, token: str | None, secure: bool = False) -> None:
        self.token = token
        self.secure = secure
        self._secret = secrets.token_bytes(32)  # sessions end when the server restarts
        self._ended: dict[str, float] = {}  # session id -> issue time, ended by /logout

    @property
    def enabled(self) -> bool:
        return self.token is not None

    def token_ok(self, given: str | None) -> bool:
        if self.token is None:
            return True
        return hmac.compare_digest((given or "").encode("utf-8", "surrogatepass"),
                                   self.token.encode("utf-8", "surrogatepass"))

    def bearer_ok(self, request: Request) -> bool:
        if self.token is None:
            return True
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        return scheme.lower() == "bearer" and self.token_ok(value.strip())

    def _sign(self, kind: str, value: str) -> str:
        return hmac.new(self._secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()

    def new_session(self) -> str:
        sid = f"{int(time.time())}~{secrets.token_urlsafe(24)}"  # (issue time: it expires)
        return f"{sid}.{self._sign('session', sid)}"

    def _session(self, request: Request) -> tuple[str, float] | None:
        """The request's live session (id, issue time), or None."""
        raw = request.cookies.get(SESSION_COOKIE, "")
        sid, _, sig = raw.partition(".")
        issued, _, _ = sid.partition("~")
        if not sid or not issued.isdigit() or not _same(sig, self._sign("session", sid)):
            return None
        if time.time() - int(issued) > SESSION_SECONDS or sid in self._ended:
            return None
        return sid, float(issued)

    def session_ok(self, request: Request) -> bool:
        return self.token is None or self._session(request) is not None

    def end_session(self, request: Request) -> None:
        """Log out: the session id is refused from now on, even from a copied cookie."""
        live = self._session(request)
        if live is not None:
            now = time.time()
            self._ended = {k: t for k, t in self._ended.items() if now - t <= SESSION_SECONDS}
            self._ended[live[0]] = live[1]

    def csrf_id(self, request: Request) -> tuple[str, bool]:
        """The browser's CSRF cookie value and whether it must be set now."""
        raw = request.cookies.get(CSRF_COOKIE, "")
        if 16 <= len(raw) <= 64 and raw.replace("-", "").replace("_", "").isalnum():
            return raw, False
        return secrets.token_urlsafe(24), True

    def csrf_token(self, cookie_id: str) -> str:
        return self._sign("csrf", cookie_id)

    def csrf_ok(self, request: Request, form_value: Any) -> bool:
        raw = request.cookies.get(CSRF_COOKIE, "")
        if not raw or not isinstance(form_value, str):
            return False
        return _same(form_value, self.csrf_token(raw))

    def cookie_args(self) -> dict[str, Any]:
        return {"httponly": True, "samesite": "strict", "secure": self.secure, "path": "/"}
