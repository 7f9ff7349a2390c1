"""The application factory: routes, error handlers, security middleware, lifespan."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsweave._version import __version__
from newsweave.errors import InputError, NewsweaveError, OptionsError, StoreError
from newsweave.server.access import BriefTimeout, StoreAccess
from newsweave.server.config import ServerConfig
from newsweave.server.errors import ApiError
from newsweave.server.security import Auth, Guard

log = logging.getLogger(__name__)
HERE = Path(__file__).parent


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _field(loc: Any) -> str:
    parts = [str(p) for p in (loc or ()) if p not in ("body", "query", "path")]
    return ".".join(parts)


def create_app(config: ServerConfig, *, poller: Any = None) -> FastAPI:
    """A FastAPI app serving ``config.db``. ``poller``: an object with ``start()`` and
    ``stop()`` run with the app (the ``--fetch-every`` feed poller)."""
    access = StoreAccess(config.db, brief_seconds=config.brief_seconds,
                         brief_workers=config.brief_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if poller is not None:
            poller.start()
        try:
            yield
        finally:
            if poller is not None:
                poller.stop()
            access.close()

    app = FastAPI(
        title="newsweave", version=__version__, lifespan=lifespan,
        description="Cited multi-source news briefs from the local story store.",
        docs_url=None, redoc_url=None, openapi_url=None,  # pages.py serves /docs, /openapi.json
    )
    app.state.config = config
    app.state.access = access
    app.state.auth = Auth(config.token, config.secure_cookies)
    app.state.poller = poller

    def error(request: Request, status: int, message: str, field: str | None = None
              ) -> Response:
        if _is_api(request):
            body: dict[str, str] = {"error": " ".join(message.split())}
            if field:
                body["field"] = field
            return JSONResponse(body, status_code=status)
        from newsweave.server.pages import error_page

        return error_page(request, status, message)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error(request, exc.status, exc.message, exc.field)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errs = exc.errors()
        first = errs[0] if errs else {}
        if first.get("type") == "json_invalid":  # (its "loc" is a character offset)
            where = (first.get("loc") or ("", "?"))[-1]
            return error(request, 422, f"malformed JSON body (at character {where})", None)
        field = _field(first.get("loc"))
        msg = str(first.get("msg", "invalid request"))
        return error(request, 422, f"{field}: {msg}" if field else msg, field or None)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        status = exc.status_code
        text = str(exc.detail) if exc.detail else "error"
        if status == 404:
            text = "not found"
        if status == 400 and text == "There was an error parsing the body":  # (FastAPI's
            status, text = 422, "the body could not be read as JSON"  # words for it)
        resp = error(request, status, text)
        if status == 405:
            resp.headers["Allow"] = _allowed(request)
        return resp

    @app.exception_handler(BriefTimeout)
    async def _timeout(request: Request, exc: BriefTimeout) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(OptionsError)
    async def _options(request: Request, exc: OptionsError) -> Response:
        return error(request, 422, str(exc), str(exc).split(" ", 1)[0])

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        status = 404 if str(exc).startswith("no story") else 500
        return error(request, status, str(exc) if status == 404 else "store error")

    @app.exception_handler(NewsweaveError)
    async def _nw(request: Request, exc: NewsweaveError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return error(request, 500, f"internal error ({exc.__class__.__name__})")

    from newsweave.server.api import router as api_router
    from newsweave.server.pages import LoginRequired, open_router
    from newsweave.server.pages import router as page_router

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, exc: LoginRequired) -> Response:
        from newsweave.server.pages import _to_login

        return _to_login(request)

    from newsweave.server.feedpages import router as feed_router

    routers = (api_router, open_router, page_router, feed_router)
    for r in routers:
        app.include_router(r)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # (path pattern, methods) of every route, for the Allow header of a 405
    app.state.methods = [(route.path_regex, frozenset(route.methods or ()))
                         for r in routers for route in r.routes if hasattr(route, "path_regex")]
    app.state.methods.append((re.compile("^/static/.*$"), frozenset({"GET"})))
    app.add_middleware(Guard, max_body=config.max_body, allowed_hosts=config.allowed_hosts)
    return app


def _allowed(request: Request) -> str:
    """Every method some route of this path has (the router names only the first route's),
    HEAD wherever GET."""
    methods: set[str] = set()
    for pattern, have in request.app.state.methods:
        if pattern.match(request.url.path):
            methods |= have
    if "GET" in methods:
        methods.add("HEAD")
    order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    return ", ".join(sorted(methods, key=lambda m: (order.index(m) if m in order else 99, m)))
