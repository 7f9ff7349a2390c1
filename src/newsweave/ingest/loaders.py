"""Paths, folders, stdin and records -> cleaned :class:`Article` objects.

Supported inputs: ``.txt``/``.md`` (one article; first line is the title when it reads as a
headline), ``.html``/``.htm`` (trafilatura), ``.jsonl`` (one article per line) and Multi-News
style text (articles separated by ``|||||``, ``NEWLINE_CHAR`` tokens).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.ingest.clean import clean_lines
from newsweave.ingest.dates import record_date
from newsweave.ingest.decode import decode_bytes, normalize_text, strip_controls
from newsweave.ingest.html import extract_html
from newsweave.options import Limits
from newsweave.types import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".story"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

MULTI_SEP = "|||||"
_SENT_END = re.compile(r"[.!][\"'”’)\]]*$")
_DOMAIN_RULES = ("domain",)
_MAX_ARTICLE_CHARS = Limits().max_article_chars


def is_url(item: object) -> bool:
    """An http(s) URL (fetched by :mod:`newsweave.ingest.web`), not a path."""
    return isinstance(item, str) and item[:8].lower().startswith(("http://", "https://"))


def looks_like_headline(line: str) -> bool:
    """A short line that does not end like a body sentence (a question is allowed)."""
    s = line.strip()
    words = s.split()
    if not 1 <= len(words) <= 20 or len(s) > 160:
        return False
    if _SENT_END.search(s) or s.endswith((":", ",", ";")):
        return False
    return True


def cap_text(text: str, max_chars: int) -> tuple[str, bool]:
    """``text`` cut to at most ``max_chars`` at a line or word break; (text, was_cut)."""
    if len(text) <= max_chars:
        return text, False
    floor = max_chars * 9 // 10
    cut = text.rfind("\n", floor, max_chars)
    if cut < 0:
        cut = text.rfind(" ", floor, max_chars)
    return text[: cut if cut > 0 else max_chars], True


def make_article(
    article_id: str,
    text: str,
    *,
    title: str = "",
    source: str = "",
    url: str = "",
    published: str | None = None,
    flags: Sequence[str] = (),
    detect_title: bool = True,
    max_chars: int = _MAX_ARTICLE_CHARS,
) -> Article:
    """Normalize and clean raw article text; the result's offsets refer to the cleaned text.

    Text past ``max_chars`` (``Limits.max_article_chars``) is cut and the article flagged
    ``truncated``."""
    text, cut = cap_text(normalize_text(text), max_chars)
    if cut:
        log.warning("%s: longer than %d characters; truncated", article_id, max_chars)
        flags = (*flags, "truncated")
    title = " ".join(normalize_text(title).split())
    if detect_title and not title:
        lines = text.lstrip().split("\n", 1)
        if len(lines) == 2 and lines[1].strip() and looks_like_headline(lines[0]):
            title, text = lines[0].strip(), lines[1]
    cleaned, dropped = clean_lines(text, title=title)
    if not source:
        domains = [line for rule, line in dropped if rule in _DOMAIN_RULES]
        if domains:
            source = domains[-1].strip().lower().removeprefix("www.")
    return Article(
        id=article_id,
        text=cleaned,
        title=title,
        source=" ".join(normalize_text(source).split()),
        url=strip_controls(url).strip(),
        published=strip_controls(published) if published else None,
        flags=tuple(flags),
    )


def split_multinews(text: str) -> list[str]:
    """Split a Multi-News document into its articles (``|||||``; ``NEWLINE_CHAR`` -> newline)."""
    text = text.replace("NEWLINE_CHAR", "\n")
    return [part for part in (p.strip() for p in text.split(MULTI_SEP)) if part]


def articles_from_text(
    text: str, stem: str, max_chars: int = _MAX_ARTICLE_CHARS
) -> list[Article]:
    """One article, or several when ``text`` is Multi-News style (ids ``<stem>#<n>``)."""
    if MULTI_SEP in text or "NEWLINE_CHAR" in text:
        parts = split_multinews(text)
        if len(parts) > 1:
            return [
                make_article(f"{stem}#{i}", p, max_chars=max_chars)
                for i, p in enumerate(parts, 1)
            ]
        return [make_article(stem, p, max_chars=max_chars) for p in parts]
    return [make_article(stem, text, max_chars=max_chars)]


def article_from_record(
    record: Mapping[str, Any], default_id: str, max_chars: int = _MAX_ARTICLE_CHARS
) -> Article:
    """A JSON record ``{"id"?, "text", "title"?, "source"?, "url"?, "published"?}``."""
    if not isinstance(record, Mapping):
        raise InputError("a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("a record needs a string field 'text'")
    rid = record.get("id")
    fields = {k: record.get(k) for k in ("title", "source", "url", "published")}
    for k, v in fields.items():
        if v is not None and not isinstance(v, str):
            raise InputError(f"field {k!r} must be a string")
    art_id = str(rid) if rid not in (None, "") else default_id
    given = fields["published"]
    published = record_date(given) if given else None
    return make_article(
        art_id,
        text.replace("NEWLINE_CHAR", "\n"),
        title=fields["title"] or "",
        source=fields["source"] or "",
        url=fields["url"] or "",
        published=published,
        flags=("published-not-a-date",) if given and not published else (),
        max_chars=max_chars,
    )


def is_cluster_record(record: Any) -> bool:
    """A record in the cluster format of ``batch`` and ``eval`` (``{"id", "articles":
    [...]}`` or ``{"id", "document": "a ||||| b"}``), not one article."""
    return isinstance(record, Mapping) and "text" not in record and (
        isinstance(record.get("articles"), list) or isinstance(record.get("document"), str)
    )


def iter_jsonl(
    text: str, stem: str, problems: list[str] | None, label: str,
    max_chars: int = _MAX_ARTICLE_CHARS,
) -> Iterator[Article]:
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            article = None if is_cluster_record(record) else article_from_record(
                record, f"{stem}#{n}", max_chars)
        except (ValueError, InputError, RecursionError) as exc:
            # ValueError covers JSONDecodeError and over-long integer literals.
            reason = exc.reason if isinstance(exc, InputError) else "invalid JSON"
            if isinstance(exc, RecursionError):
                reason = "JSON nested too deeply"
            message = f"{label}: line {n}: {reason}; line skipped"
            if problems is None:
                raise InputError(f"line {n}: {reason}", label) from None
            problems.append(message)
            log.warning(message)
            continue
        if article is None:  # a whole file of clusters is not one story: say what to run
            raise InputError(
                f"line {n} holds a cluster of articles (the batch and eval format), not one "
                "article: use `newsweave batch FILE OUT.jsonl` to brief every cluster", label)
        yield article


def _truncate(data: bytes, limits: Limits, label: str, flags: list[str]) -> bytes:
    if len(data) > limits.max_bytes:
        flags.append("truncated")
        log.warning("%s: larger than %d bytes; truncated", label, limits.max_bytes)
        return data[: limits.max_bytes]
    return data


def load_bytes(
    data: bytes,
    stem: str,
    *,
    kind: str | None = None,
    label: str | None = None,
    limits: Limits = Limits(),
    problems: list[str] | None = None,
) -> list[Article]:
    """Articles from raw bytes. ``kind`` is "text", "html", "jsonl" or None (sniffed)."""
    label = label or stem
    flags: list[str] = []
    data = _truncate(data, limits, label, flags)
    text = normalize_text(decode_bytes(data, label, flags))  # (flags: how it was read)
    if not text.strip():
        raise InputError("empty input (no text)", label)
    if kind is None:
        head = text.lstrip()[:1000].lower()
        first = text.lstrip().split("\n", 1)[0]
        if head.startswith('{"') or (head.startswith("{") and _json_object(first)):
            kind = "jsonl"
        elif head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<div")):
            kind = "html"
        else:
            kind = "text"
    if kind == "jsonl":
        skipped = len(problems) if problems is not None else 0
        arts = list(iter_jsonl(text, stem, problems, label, limits.max_article_chars))
        if not any(a.text.strip() for a in arts):
            skipped = len(problems) - skipped if problems is not None else 0
            raise InputError(
                f"no article text in any line ({skipped} line(s) unusable)"
                if skipped else "no article text in any line", label
            )
    elif kind == "html":
        doc = extract_html(text, seconds=limits.extract_seconds)
        arts = [
            make_article(
                stem,
                doc.text,
                title=doc.title,
                source=doc.source,
                url=doc.url,
                published=doc.published,
                flags=doc.flags,
                max_chars=limits.max_article_chars,
            )
        ]
    else:
        arts = articles_from_text(text, stem, limits.max_article_chars)
    if not any(a.text.strip() for a in arts):
        raise InputError(f"no article text found (only {_what(kind)})", label)
    if flags:
        arts = [_with_flags(a, flags) for a in arts]
    return arts


def _json_object(line: str) -> bool:
    """Whether ``line`` is a JSON object (sniffing stdin: "{Update} ..." is prose)."""
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _what(kind: str) -> str:
    return "markup, scripts or scrape noise" if kind == "html" else "scrape noise or separators"


def _with_flags(article: Article, flags: Iterable[str]) -> Article:
    from dataclasses import replace

    return replace(article, flags=article.flags + tuple(f for f in flags if f not in article.flags))


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def iter_files(path: Path) -> Iterator[Path]:
    """Article files under a folder, recursively, in a stable (sorted) order."""
    for p in sorted(path.rglob("*")):
        if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith("."):
            yield p


def load_path(
    path: str | Path, *, limits: Limits = Limits(), problems: list[str] | None = None
) -> list[Article]:
    """Articles from one file, folder (recursive) or ``-`` (stdin)."""
    if str(path) == "-":
        if sys.stdin is None:  # no standard input at all (closed by the caller)
            raise InputError("cannot read (standard input is closed)", "<stdin>")
        try:
            data = sys.stdin.buffer.read(limits.max_bytes + 1)
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read ({exc})", "<stdin>") from None
        return load_bytes(data, "stdin", label="<stdin>", limits=limits, problems=problems)
    p = Path(path)
    if p.is_dir():
        files = list(iter_files(p))
        if not files:
            raise InputError("folder has no articles (.txt, .md, .html, .jsonl)", str(p))
        out: list[Article] = []
        for f in files:
            try:
                out.extend(load_path(f, limits=limits, problems=problems))
            except InputError as exc:
                # One unreadable file does not sink the folder when problems are collected.
                if problems is None:
                    raise
                problems.append(f"{exc}; file skipped")
                log.warning("%s; file skipped", exc)
        if not out:
            raise InputError(f"no readable article in the folder ({len(files)} file(s))", str(p))
        return out
    if not p.exists():
        raise InputError("a symbolic link to nothing (its target is missing or loops)"
                         if p.is_symlink() else "no such file or folder", str(p))
    try:
        with p.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", str(p)) from None
    return load_bytes(
        data, p.stem, kind=_kind_of(p), label=str(p), limits=limits, problems=problems
    )


def load_paths(
    paths: Sequence[str | Path],
    *,
    limits: Limits = Limits(),
    problems: list[str] | None = None,
) -> list[Article]:
    """Articles from several paths; ids are made unique (``id``, ``id~2``, ...)."""
    if not paths:
        raise InputError("no input given")
    arts: list[Article] = []
    for path in paths:
        arts.extend(load_path(path, limits=limits, problems=problems))
    return unique_ids(arts)


def check_article(article: object, max_chars: int = _MAX_ARTICLE_CHARS) -> Article:
    """An :class:`Article` built by hand, checked like a record: its fields of the right
    type (else :class:`InputError`), the id cleaned (:func:`clean_id`), the text capped at
    ``max_chars`` (flagged ``truncated``)."""
    from dataclasses import replace

    if not isinstance(article, Article):
        raise InputError(f"not an article: {type(article).__name__}")
    for name in ("id", "text", "title", "source", "url"):
        if not isinstance(getattr(article, name), str):
            raise InputError(f"article field {name!r} must be a string, got "
                             f"{type(getattr(article, name)).__name__}")
    if article.published is not None and not isinstance(article.published, str):
        raise InputError("article field 'published' must be a string or None")
    flags = article.flags
    if not isinstance(flags, tuple) or not all(isinstance(f, str) for f in flags):
        raise InputError("article field 'flags' must be a tuple of strings")
    text, cut = cap_text(article.text, max_chars)
    return replace(article, id=clean_id(article.id), text=text,
                   flags=(*flags, "truncated") if cut and "truncated" not in flags else flags)


def clean_id(article_id: str) -> str:
    """An article id without control, zero-width or bidi characters, spaces collapsed.

    Such characters make ids that look alike but differ (or that numpy string arrays and
    terminals silently shorten: a trailing NUL vanishes), which would break citations."""
    return " ".join(strip_controls(article_id).split())


def unique_ids(articles: Sequence[Article]) -> list[Article]:
    """Clean ids (:func:`clean_id`) and make them unique: ``id``, ``id~2``, ``id~3``, ...

    An id that cleans down to nothing becomes ``article-<n>`` (its position in the input)."""
    from dataclasses import replace

    used: set[str] = set()
    next_n: dict[str, int] = {}
    out = []
    for k, a in enumerate(articles, 1):
        base = clean_id(a.id) or f"article-{k}"  # an id of only invisible characters
        new = base
        if new in used:
            n = next_n.get(base, 1)
            while new in used:
                n += 1
                new = f"{base}~{n}"
            next_n[base] = n
        used.add(new)
        out.append(a if new == a.id else replace(a, id=new))
    return out
