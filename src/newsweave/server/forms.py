"""Articles from the /brief form: pasted texts, URLs (fetched now, on request) and files."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePath

import httpx
from starlette.concurrency import run_in_threadpool

from newsweave.errors import InputError
from newsweave.ingest import load_bytes
from newsweave.ingest.loaders import unique_ids
from newsweave.options import Limits
from newsweave.render.html import safe_url
from newsweave.types import Article

SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)
KINDS = {".txt": "text", ".md": "text", ".text": "text", ".html": "html", ".htm": "html",
         ".jsonl": "jsonl", ".json": "jsonl"}
MAX_URLS = 20


def split_pasted(text: str) -> list[str]:
    """Pasted articles are separated by a line of three or more dashes."""
    return [p.strip() for p in SEPARATOR.split(text.replace("\r\n", "\n")) if p.strip()]


async def fetch(url: str, limits: Limits, seconds: float) -> tuple[bytes, str]:
    """The body (at most ``limits.max_bytes``) and content type of an http(s) URL."""
    async with httpx.AsyncClient(timeout=seconds, follow_redirects=True, max_redirects=5,
                                 headers={"user-agent": "newsweave"}) as client:
        try:
            async with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise InputError(f"HTTP {resp.status_code}", url)
                data = bytearray()
                async for chunk in resp.aiter_bytes():
                    data.extend(chunk)
                    if len(data) > limits.max_bytes:
                        break
                return bytes(data[: limits.max_bytes]), resp.headers.get("content-type", "")
        except httpx.HTTPError as exc:
            raise InputError(f"cannot fetch ({exc.__class__.__name__})", url) from None


async def collect_articles(texts: str, urls: str, uploads: list[tuple[str, bytes]],
                           limits: Limits, fetch_seconds: float) -> list[Article]:
    lines = [u.strip() for u in urls.splitlines() if u.strip()]
    if len(lines) > MAX_URLS:
        raise InputError(f"at most {MAX_URLS} URLs at once")
    fetched = []
    for line in lines:
        url = safe_url(line)
        if url is None:
            raise InputError("not an http(s) URL", line[:100])
        fetched.append((url, *await fetch(url, limits, fetch_seconds)))
    # Parsing (HTML extraction included) is CPU work: off the event loop.
    return await run_in_threadpool(parse_inputs, texts, fetched, uploads, limits)


def parse_inputs(texts: str, fetched: list[tuple[str, bytes, str]],
                 uploads: list[tuple[str, bytes]], limits: Limits) -> list[Article]:
    out: list[Article] = []
    for k, chunk in enumerate(split_pasted(texts), 1):
        out.extend(load_bytes(chunk.encode("utf-8"), f"pasted-{k}", kind="text",
                              label=f"pasted text {k}", limits=limits))
    for k, (url, data, ctype) in enumerate(fetched, 1):
        kind = "html" if "html" in ctype or not ctype else "text"
        for art in load_bytes(data, f"url-{k}", kind=kind, label=url, limits=limits):
            out.append(art if art.url else replace(art, url=url))
    for name, data in uploads:
        suffix = PurePath(name).suffix.lower()
        if suffix not in KINDS:
            raise InputError("upload .txt, .md, .html or .jsonl files", name[:100])
        stem = PurePath(name).stem[:80] or "upload"
        out.extend(load_bytes(data, stem, kind=KINDS[suffix], label=name[:100], limits=limits))
    if not out:
        raise InputError("paste at least one article, give a URL or upload a file")
    return unique_ids(out)
