"""OPML, the feed readers' exchange format: import a reader's subscription list, export ours.

Import reads every ``<outline>`` with an ``xmlUrl`` at any depth (folders are flattened);
its ``text`` (else ``title``) becomes the feed's name. Export writes OPML 2.0, one outline
per feed, in the order the feeds were added.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from newsweave.errors import InputError
from newsweave.feeds.registry import Feed, add_feed, list_feeds
from newsweave.ingest.decode import strip_controls
from newsweave.stories.store import Store

MAX_OPML_BYTES = 20_000_000


@dataclass(slots=True)
class OpmlImport:
    added: list[Feed] = field(default_factory=list)
    existing: list[Feed] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # outlines skipped, with the reason


def parse_opml(data: bytes, label: str = "OPML") -> list[tuple[str, str]]:
    """(url, name) of every feed outline of an OPML document, in document order."""
    if b"<!ENTITY" in data[:65_536].upper():
        raise InputError("OPML with entity declarations is refused", label)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"not well-formed OPML ({exc})", label) from None
    if root.tag.lower() != "opml":
        raise InputError(f"not OPML (root element <{root.tag}>)", label)
    out: list[tuple[str, str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.lower() != "outline":
            continue
        attrs = {k.lower(): v for k, v in el.attrib.items()}
        url = (attrs.get("xmlurl") or "").strip()
        if url:
            out.append((url, " ".join((attrs.get("text") or attrs.get("title") or "").split())))
    return out


def import_opml(store: Store, path: str | Path) -> OpmlImport:
    """Follow every feed listed in an OPML file (already followed ones are left as they are)."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_OPML_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", str(p)) from None
    if len(data) > MAX_OPML_BYTES:
        raise InputError(f"larger than {MAX_OPML_BYTES:,} bytes", str(p))
    outlines = parse_opml(data, str(p))
    if not outlines:
        raise InputError("no feed outline (xmlUrl) in the file", str(p))
    result = OpmlImport()
    for url, name in outlines:
        try:
            feed, added = add_feed(store, url, None)
        except InputError as exc:
            result.problems.append(f"{exc}; outline skipped")
            continue
        if added:
            if name:
                feed, _ = add_feed(store, url, name)
            result.added.append(feed)
        else:
            result.existing.append(feed)
    return result


def export_opml(store: Store, title: str = "newsweave feeds") -> str:
    """The followed feeds as an OPML 2.0 document."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in list_feeds(store):
        # (XML 1.0 cannot hold control characters; an older store's names may have some)
        label, title = strip_controls(feed.label), strip_controls(feed.title or "")
        attrs = {"type": "rss", "text": label, "xmlUrl": feed.url}
        if title and title != label:
            attrs["title"] = title
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
