"""The JSON API under ``/api/v1``. Errors are ``{"error", "field"?}`` (see app.py)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from newsweave._version import __version__
from newsweave.errors import InputError
from newsweave.ingest import article_from_record
from newsweave.options import BriefOptions
from newsweave.server import queries
from newsweave.server.errors import ApiError
from newsweave.server.security import HEAD_KEY
from newsweave.stories.store import SCHEMA_VERSION
from newsweave.types import Article


class ArticleIn(BaseModel):
    """One article, as a line of a JSONL input."""

    model_config = ConfigDict(extra="ignore")
    id: str | None = Field(None, max_length=1000)
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


class BriefIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=10_000)
    words: int | None = Field(None, ge=10, le=100_000, description="Word budget (adaptive)")
    analysis: bool = Field(True, description="Cross-source analysis sections")


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=10_000)


def require_bearer(request: Request) -> None:
    if not request.app.state.auth.bearer_ok(request):
        raise ApiError(401, "missing or wrong bearer token (Authorization: Bearer TOKEN)")


router = APIRouter(prefix="/api/v1", dependencies=[Depends(require_bearer)], tags=["api"])


def _records(items: list[ArticleIn]) -> list[dict[str, Any]]:
    return [a.model_dump(exclude_none=True) for a in items]


def to_articles(items: list[ArticleIn], max_chars: int, prefix: str) -> list[Article]:
    out = []
    for k, rec in enumerate(_records(items)):
        digest = hashlib.sha256(rec.get("text", "").encode("utf-8", "replace")).hexdigest()
        try:
            out.append(article_from_record(rec, f"{prefix}-{digest[:12]}", max_chars))
        except InputError as exc:
            raise ApiError(400, exc.reason, f"articles.{k}") from None
    return out


def _live(request: Request, story: int) -> int:
    sid = queries.story_exists(request.app.state.access.reader(), story)
    if sid is None:
        raise ApiError(404, f"no story {story}")
    return sid


def _moved(request: Request, old: int, new: int) -> RedirectResponse:
    path = request.url.path.replace(f"/stories/{old}", f"/stories/{new}", 1)
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(path + query, status_code=307)


@router.get("/health", summary="Liveness and store counts")
def health(request: Request) -> dict[str, Any]:
    counts = request.app.state.access.reader().counts()
    poller = request.app.state.poller
    return {"status": "ok", "version": __version__, "schema": SCHEMA_VERSION, **counts,
            "poller": poller.status() if poller is not None else None}


@router.post("/brief", summary="Brief of the given articles (nothing stored)")
def brief(request: Request, body: BriefIn) -> dict[str, Any]:
    from newsweave.pipeline import make_brief

    cfg = request.app.state.config
    records = _records(body.articles)
    if len(records) > cfg.limits.max_articles:
        raise ApiError(413, f"more than {cfg.limits.max_articles} articles", "articles")
    options = BriefOptions(words=body.words, analyze=body.analysis)
    result = request.app.state.access.compute(lambda: make_brief(records, options, cfg.limits))
    return result.to_dict()


@router.post("/articles", summary="Store articles (acks as `ingest --acks`)")
def add_articles(request: Request, body: ArticlesIn) -> dict[str, Any]:
    cfg = request.app.state.config
    articles = to_articles(body.articles, cfg.limits.max_article_chars, "api")
    keep = [a for a in articles if a.text.strip()]
    skipped = [{"index": k, "id": a.id, "error": "no article text after cleaning"}
               for k, a in enumerate(articles) if not a.text.strip()]
    acks = request.app.state.access.ingest(keep)
    return {"acks": acks, "skipped": skipped}


@router.get("/stories", summary="Stories, most recently updated first")
def stories(request: Request, q: str = Query("", max_length=queries.MAX_QUERY_CHARS),
            offset: int = Query(0, ge=0, le=10_000_000),
            limit: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
    rows, total = queries.list_stories(request.app.state.access.reader(), q, offset, limit)
    return {"total": total, "offset": offset, "limit": limit,
            "stories": [r.to_dict() for r in rows]}


@router.get("/stories/{story}", summary="One story and its articles", response_model=None)
def story(request: Request, story: int) -> dict[str, Any] | RedirectResponse:
    sid = _live(request, story)
    if sid != story:
        return _moved(request, story, sid)
    store = request.app.state.access.reader()
    return {"story": queries.story_info(store, sid).to_dict(),
            "articles": [m.to_dict() for m in queries.story_members(store, sid)]}


@router.get("/stories/{story}/brief", summary="The brief of a story (not recorded)",
            response_model=None)
def story_brief(request: Request, story: int) -> Response:
    sid = _live(request, story)
    if sid != story:
        return _moved(request, story, sid)
    cfg = request.app.state.config
    access = request.app.state.access
    brief = access.story_brief(sid, cfg.limits)
    body = access.derived(brief, "json", lambda: json.dumps(
        brief.to_dict(), ensure_ascii=False).encode("utf-8"))
    return Response(body, media_type="application/json")


@router.get("/stories/{story}/update", summary="What is new in a story (peek by default)",
            response_model=None)
def story_update(request: Request, story: int,
                 since: str | None = Query(None, max_length=64,
                                           description="ISO time; default: last mark"),
                 mark: bool = Query(False, description="Record this update as a mark"),
                 words: int | None = Query(None, ge=10, le=100_000)
                 ) -> dict[str, Any] | RedirectResponse:
    from newsweave.stories.update import story_update as make_update

    if mark and request.scope.get(HEAD_KEY):
        raise ApiError(400, "HEAD records nothing: GET with mark=true records the update",
                       "mark")
    sid = _live(request, story)
    if sid != story:
        return _moved(request, story, sid)
    access = request.app.state.access
    cfg = request.app.state.config
    try:
        when = queries.normalize_time(since) if since else None
    except InputError as exc:
        raise ApiError(400, str(exc), "since") from None
    options = BriefOptions(words=words, analyze=False)
    upd = access.compute(lambda: make_update(access.reader(), sid, options, cfg.limits,
                                             record=False, since_time=when))
    if mark:
        with access.writing() as store:
            store.commit_mark(upd.mark)
    out = upd.brief.to_dict()
    out["update"] = {"story": upd.story, "new_articles": upd.new_articles,
                     "since": upd.since.made if upd.since else when, "marked": mark}
    return out
