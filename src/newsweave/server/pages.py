"""The HTML pages: stories, a story, an article, paste-a-brief, login, API docs.

Rendered on the server with Jinja2 (autoescape on), no script; every form carries a CSRF
token. A "new" badge and "What's new since your last visit" come from a per-browser cookie
(``nw_visit``: the previous visit and the last request), never from the store's marks."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool

from newsweave._version import __version__
from newsweave.errors import InputError
from newsweave.render.html import _UNSAFE_CHARS
from newsweave.server import queries
from newsweave.server.errors import ApiError
from newsweave.server.poller import feeds_available
from newsweave.server.security import CSRF_COOKIE, HEAD_KEY, SESSION_COOKIE, SESSION_SECONDS
from newsweave.server.views import brief_view, cited_indexes, paragraphs, store_linker

VISIT_COOKIE = "nw_visit"
_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


def _clean(value: Any) -> Any:
    """Every printed value loses control and bidi-override characters (then is escaped)."""
    return value.translate(_UNSAFE_CHARS) if isinstance(value, str) else value


ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    finalize=_clean, trim_blocks=True, lstrip_blocks=True,
)
ENV.filters["q"] = lambda v: quote(str(v), safe="")


class LoginRequired(Exception):
    pass


def require_session(request: Request) -> None:
    if not request.app.state.auth.session_ok(request):
        raise LoginRequired()


router = APIRouter(dependencies=[Depends(require_session)], include_in_schema=False)
open_router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> Response:
    auth = request.app.state.auth
    cid, fresh = auth.csrf_id(request)
    html = ENV.get_template(name).render(
        **ctx, csrf=auth.csrf_token(cid), auth=auth.enabled, version=__version__,
        feeds_nav=feeds_available(), path=request.url.path)
    resp = HTMLResponse(html, status_code=status)
    if fresh:
        resp.set_cookie(CSRF_COOKIE, cid, max_age=30 * 86400, **auth.cookie_args())
    return resp


def error_page(request: Request, status: int, message: str) -> Response:
    if status == 401 and request.app.state.auth.enabled:
        return _to_login(request)
    return render(request, "error.html", {"status": status, "message": message}, status)


def _to_login(request: Request) -> Response:
    nxt = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/login?" + urlencode({"next": nxt}), status_code=303)


def _stamp_time(value: str) -> datetime | None:
    """The time of a cookie's stamp, None when it is not a real one ("2020-02-30...")."""
    if not _ISO.match(value):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def _visit(request: Request) -> tuple[str | None, str]:
    """(time of the previous visit or None, the new cookie value)."""
    raw = request.cookies.get(VISIT_COOKIE, "")
    prev_s, _, last_s = raw.partition("|")
    prev = prev_s if _stamp_time(prev_s) else None  # (a bad cookie is no visit: replaced)
    last_t = _stamp_time(last_s)
    now = datetime.now(UTC)
    if last_t is not None:
        gap = timedelta(seconds=request.app.state.config.visit_gap)
        if now - last_t > gap:
            prev = last_s
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return prev, f"{prev or '-'}|{stamp}"


def _remember(request: Request, resp: Response, value: str) -> Response:
    if request.scope.get(HEAD_KEY):  # a HEAD is no visit
        return resp
    resp.set_cookie(VISIT_COOKIE, value, max_age=365 * 86400,
                    **request.app.state.auth.cookie_args())
    return resp


# -- stories ---------------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse)
def index(request: Request, q: str = Query("", max_length=queries.MAX_QUERY_CHARS),
          page: int = Query(1, ge=1, le=100_000)) -> Response:
    cfg = request.app.state.config
    store = request.app.state.access.reader()
    size = cfg.page_size
    rows, total = queries.list_stories(store, q, (page - 1) * size, size)
    prev, cookie = _visit(request)
    pages = max(1, -(-total // size))

    def link(p: int) -> str:
        return "/?" + urlencode({k: v for k, v in (("q", q), ("page", p)) if v})

    ctx = {"rows": rows, "q": q, "total": total, "page": page, "pages": pages,
           "prev_link": link(page - 1) if page > 1 else None,
           "next_link": link(page + 1) if page < pages else None,
           "since": prev, "new": {r.id for r in rows if prev and r.last_added > prev}}
    return _remember(request, render(request, "index.html", ctx), cookie)


@router.get("/stories/{story}", response_class=HTMLResponse)
def story_page(request: Request, story: int) -> Response:
    access = request.app.state.access
    cfg = request.app.state.config
    store = access.reader()
    sid = queries.story_exists(store, story)
    if sid is None:
        raise ApiError(404, f"no story {story}")
    if sid != story:
        return RedirectResponse(f"/stories/{sid}", status_code=301)
    info = queries.story_info(store, sid)
    members = queries.story_members(store, sid, with_text=False)
    seqs = {m.article.id: m.seq for m in members}
    brief = access.story_brief(sid, cfg.limits, stale_ok=True)
    view = access.derived(brief, "page", lambda: brief_view(
        brief, store_linker(seqs), lambda a: f"/articles/{seqs[a]}" if a in seqs else None,
        inline=False))
    prev, cookie = _visit(request)
    fresh = [m for m in members if prev and m.added > prev]
    news = None
    if fresh:
        ids = {m.article.id for m in fresh}
        numbers = {s["id"]: s["n"] for s in view["sources"]}
        news_items = []
        for item, obj in zip([dict(s) for s in view["summary"]], brief.summary, strict=True):
            cited = set(obj.sources)
            if cited & ids:
                item["only_new"] = cited <= ids
                news_items.append(item)
        news = {"since": prev, "articles": [
            {"n": numbers.get(m.article.id), "title": m.article.title or m.article.id,
             "source": m.article.source, "page": f"/articles/{m.seq}"} for m in fresh],
            "summary": news_items}
    ctx = {"story": info, "b": view, "news": news}
    return _remember(request, render(request, "story.html", ctx), cookie)


@router.get("/articles/{ref:path}", response_class=HTMLResponse)
def article_page(request: Request, ref: str) -> Response:
    access = request.app.state.access
    cfg = request.app.state.config
    if len(ref) > 1000:
        raise ApiError(404, "no such article")
    store = access.reader()
    found = queries.find_article(store, ref)
    if found is None:
        raise ApiError(404, "no such article")
    sid = store.resolve(found.story)
    brief = access.story_brief(sid, cfg.limits, stale_ok=True)
    art = found.article
    sentences = brief.sentences.get(art.id)
    if sentences is None:
        from newsweave.text import split_sentences

        sentences = split_sentences(art, cfg.limits.max_sentence_chars)
    cited = cited_indexes(brief, art.id)
    from newsweave.render.html import safe_url

    ctx = {"a": art, "seq": found.seq, "story": sid, "url": safe_url(art.url),
           "paras": paragraphs(sentences, cited, lambda s: f"s{s.index}"),
           "cited": len(cited), "story_title": queries.story_info(store, sid).title}
    return render(request, "article.html", ctx)


# -- paste a brief ---------------------------------------------------------------------------
@router.get("/brief", response_class=HTMLResponse)
def brief_form(request: Request) -> Response:
    return render(request, "brief_form.html", {"form": {}, "error": None})


@router.post("/brief", response_class=HTMLResponse)
async def brief_post(request: Request) -> Response:
    from newsweave.server.forms import collect_articles

    cfg = request.app.state.config
    auth = request.app.state.auth
    try:
        form = await request.form(max_files=100, max_fields=50, max_part_size=cfg.max_body)
    except Exception as exc:  # noqa: BLE001 - a malformed form is a bad request
        return render(request, "brief_form.html",
                      {"form": {}, "error": f"unreadable form ({exc.__class__.__name__})"}, 400)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    if not auth.csrf_ok(request, form.get("csrf")):
        return render(request, "brief_form.html",
                      {"form": fields, "error": "the form expired; send it again"}, 403)
    uploads = []
    for f in form.getlist("files"):
        if isinstance(f, str) or not getattr(f, "filename", ""):
            continue
        uploads.append((str(f.filename), await f.read(cfg.limits.max_bytes + 1)))
    try:
        words = int(fields["words"]) if fields.get("words", "").strip() else None
        articles = await collect_articles(
            fields.get("texts", ""), fields.get("urls", ""), uploads, cfg.limits,
            cfg.fetch_seconds)
        b = await run_in_threadpool(_make_brief, request, articles, words)
    except (InputError, ValueError) as exc:
        return render(request, "brief_form.html", {"form": fields, "error": str(exc)}, 400)
    acks: list[dict[str, Any]] = []
    if fields.get("save") == "1":
        acks = await run_in_threadpool(request.app.state.access.ingest,
                                       [a for a in b.articles if a.text.strip()])
    numbers = {a.id: k for k, a in enumerate(b.articles, 1)}
    from newsweave.server.views import inline_linker

    view = brief_view(b, inline_linker(numbers), lambda a: None, inline=True)
    stories = sorted({int(str(a["story"])) for a in acks})
    return render(request, "brief_page.html", {"b": view, "saved": acks, "stories": stories})


def _make_brief(request: Request, articles: list[Any], words: int | None) -> Any:
    from newsweave.options import BriefOptions
    from newsweave.pipeline import make_brief

    cfg = request.app.state.config
    if len(articles) > cfg.limits.max_articles:
        raise InputError(f"more than {cfg.limits.max_articles} articles")
    options = BriefOptions(words=words)
    return request.app.state.access.compute(lambda: make_brief(articles, options, cfg.limits))


# -- login, docs -----------------------------------------------------------------------------
def _safe_next(nxt: str) -> str:
    return nxt if nxt.startswith("/") and not nxt.startswith(("//", "/\\")) else "/"


@open_router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = Query("/", max_length=2000)) -> Response:  # noqa: A002
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@open_router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    auth = request.app.state.auth
    form = await request.form(max_files=0, max_fields=10, max_part_size=10_000)
    nxt = _safe_next(str(form.get("next") or "/"))
    if not auth.csrf_ok(request, form.get("csrf")):
        return render(request, "login.html", {"next": nxt, "error": "the form expired"}, 403)
    if not auth.enabled:
        return RedirectResponse(nxt, status_code=303)
    if not auth.token_ok(str(form.get("token") or "")):
        await asyncio.sleep(0.5)  # slows guessing
        return render(request, "login.html", {"next": nxt, "error": "wrong token"}, 401)
    resp = RedirectResponse(nxt, status_code=303)
    resp.set_cookie(SESSION_COOKIE, auth.new_session(), max_age=SESSION_SECONDS,
                    **auth.cookie_args())
    return resp


@open_router.post("/logout")
async def logout(request: Request) -> Response:
    auth = request.app.state.auth
    form = await request.form(max_files=0, max_fields=10, max_part_size=10_000)
    if not auth.csrf_ok(request, form.get("csrf")):
        return render(request, "error.html", {"status": 403, "message": "the form expired"}, 403)
    auth.end_session(request)
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


@open_router.get("/openapi.json")
def openapi(request: Request) -> Response:
    auth = request.app.state.auth
    if not (auth.bearer_ok(request) or auth.session_ok(request)):
        return JSONResponse({"error": "missing or wrong bearer token"}, status_code=401)
    return JSONResponse(request.app.openapi())


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p.get("name"), "in": p.get("in"),
                       "required": p.get("required", False),
                       "desc": p.get("description", "")} for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            ref = body.get("schema", {}).get("$ref", "")
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "params": params, "body": ref.rsplit("/", 1)[-1] if ref else ""})
    schemas = spec.get("components", {}).get("schemas", {})
    models = {name: [{"name": k, "type": _type(v), "required": k in s.get("required", [])}
                     for k, v in s.get("properties", {}).items()]
              for name, s in schemas.items() if name in {"BriefIn", "ArticlesIn", "ArticleIn"}}
    return render(request, "docs.html", {"ops": ops, "models": models})


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"array of {_type(schema.get('items', {}))}"
    return str(schema.get("type", "any"))
