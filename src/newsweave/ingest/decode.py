"""Bytes -> text: BOMs, UTF-8, detected legacy encodings, binary refusal, control characters."""

from __future__ import annotations

import re
import unicodedata

from newsweave.errors import InputError

# Magic numbers of formats that are never articles.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"%PDF-", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"RIFF", "a media file"),
)

# Zero-width characters, bidi controls and other invisible format characters that scrapers
# leave behind; bidi controls could also reorder a rendered page.
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Lone surrogates (a JSON "\ud800" escape) are no characters: no UTF-8 file, page or store
# can hold them, so they become U+FFFD like any other broken text.
_SURROGATE = re.compile("[\ud800-\udfff]")


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or None when it may be text."""
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return name
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 BOM: text
        return None
    if not head:
        return None
    # Text has next to no control bytes (random, compressed or encrypted data has ~10%);
    # NULs alone are tolerated (stripped later) unless they dominate.
    ctrl = sum(1 for b in head if (b < 9 or 13 < b < 32 or b == 127) and b != 27)
    nul = head.count(0)
    if nul > len(head) * 0.3 or (ctrl - nul) > len(head) * 0.02:
        return "binary data"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" for BOM-less UTF-16 of mostly Latin text (every other byte
    NUL), else None."""
    head = data[:4096]
    half = len(head) // 2
    if half < 8 or len(data) % 2:
        return None
    if head[1::2].count(0) > half * 0.9 and head[0::2].count(0) < half * 0.1:
        return "utf-16-le"
    if head[0::2].count(0) > half * 0.9 and head[1::2].count(0) < half * 0.1:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, path: str | None = None, flags: list[str] | None = None) -> str:
    """Decode ``data`` to ``str``: BOM first, then strict UTF-8, then the detected encoding.

    Text that is not valid UTF-8 is still read; ``flags`` (when given) then gets
    ``utf8-bytes-replaced`` (broken bytes became U+FFFD) or ``decoded-as-<code page>``."""
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    kind = sniff_binary(data)
    if kind:
        raise InputError(f"not a text article ({kind})", path)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if len(text) - len(text.encode("ascii", "ignore")) - bad >= 2 * bad:
        # Mostly well-formed multi-byte UTF-8 with a few broken bytes: a legacy code page
        # would garble every good character to rescue the bad ones.
        _flag(flags, "utf8-bytes-replaced")
        return text
    encoding = _legacy_encoding(data)
    _flag(flags, f"decoded-as-{encoding}")
    return data.decode(encoding, errors="replace")


def _flag(flags: list[str] | None, flag: str) -> None:
    if flags is not None and flag not in flags:
        flags.append(flag)


def _legacy_encoding(data: bytes) -> str:
    """The code page of undeclared non-UTF-8 text (charset-normalizer, cp1252 on ties)."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    if not results:
        return "cp1252"
    best = results[0]
    # Western text often decodes equally well as cp1250/cp1257; cp1252 is what undeclared
    # pages mean far more often (browsers read latin-1 labels as cp1252 too).
    for m in results:
        if (
            "cp1252" in m.could_be_from_charset
            and m.chaos <= best.chaos + 0.01
            and m.coherence >= best.coherence - 0.01
        ):
            return "cp1252"
    try:
        "".encode(best.encoding)
    except LookupError:
        return "cp1252"
    return best.encoding


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate as U+FFFD (nothing else changes)."""
    return _SURROGATE.sub("\ufffd", text)


def strip_controls(text: str) -> str:
    """``text`` without control, zero-width or bidi characters (nothing else changes)."""
    return _SURROGATE.sub("\ufffd", _INVISIBLE.sub("", _CONTROL.sub("", text)))


def normalize_text(text: str) -> str:
    """NFC, no NUL/control or invisible characters, Unix newlines, non-breaking spaces folded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_controls(text)
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    return unicodedata.normalize("NFC", text)
