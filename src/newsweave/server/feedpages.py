"""``/feeds``: the followed feeds (list, add, remove, last status) and the poller's state.
Present when the feeds library (``newsweave.feeds``, issue 14) is."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsweave.errors import NewsweaveError
from newsweave.server.pages import render, require_session
from newsweave.server.poller import feeds_available

router = APIRouter(dependencies=[Depends(require_session)], include_in_schema=False)


def _page(request: Request, error: str | None = None, status: int = 200,
          form: dict[str, str] | None = None) -> Response:
    from newsweave.feeds import list_feeds

    if not feeds_available():
        return render(request, "error.html", {"status": 404, "message":
                      "feeds are not part of this newsweave"}, 404)
    with request.app.state.access.writing() as store:  # may create the feed tables
        feeds = [f.to_dict() for f in list_feeds(store)]
    poller = request.app.state.poller
    ctx: dict[str, Any] = {"feeds": feeds, "error": error, "form": form or {},
                           "poller": poller.status() if poller is not None else None}
    return render(request, "feeds.html", ctx, status)


@router.get("/feeds", response_class=HTMLResponse)
def feeds_page(request: Request) -> Response:
    return _page(request)


@router.post("/feeds", response_class=HTMLResponse)
async def feeds_post(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    auth = request.app.state.auth
    form = await request.form(max_files=0, max_fields=10, max_part_size=10_000)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    if not auth.csrf_ok(request, fields.get("csrf")):
        return await run_in_threadpool(_page, request, "the form expired; send it again", 403)
    try:
        await run_in_threadpool(_change, request, fields)
    except NewsweaveError as exc:
        return await run_in_threadpool(_page, request, str(exc), 400, fields)
    return RedirectResponse("/feeds", status_code=303)


def _change(request: Request, fields: dict[str, str]) -> None:
    from newsweave.feeds import add_feed, remove_feed

    with request.app.state.access.writing() as store:
        if fields.get("action") == "remove":
            remove_feed(store, fields.get("feed", ""))
        else:
            add_feed(store, fields.get("url", "").strip(), fields.get("name", "").strip() or None)
