"""The bad-input corpus of issue #6, generated on demand (large cases are never committed).

``build(folder)`` writes every case and returns them by name. Each case says whether newsweave
must make a brief of it (``ok``) or refuse it with a one-line error (``error``) and, for
errors, a word the message must contain. Used by tests/test_bad_input.py and
bench/bad_inputs.py (which times every case through the real CLI).
"""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

BODY = (
    "The council approved the new budget on Monday after a long debate.\n"
    "Officials said the plan would fund schools and roads across the region.\n"
    "Critics argued that property taxes would rise for most families next year.\n"
)
DEEP_TEXT = "The deepest paragraph still reports that the bridge reopened on Friday."
HUGE_NODE_BYTES = 10_500_000  # a text node over lxml's 10 MB limit
CP1252_TEXT = "Café owners said the “new” rules were unfair — a naïve plan, said Zoë Müller."
LATIN1_TEXT = "Le maître a déclaré que la fête aura lieu à Noël, selon le député."
ZH = "北京市政府周一宣布了新的交通计划。该计划将在明年实施。官员表示，这将减少拥堵。"
AR = (
    "أعلنت الحكومة يوم الاثنين عن خطة جديدة للنقل. وقال المسؤولون إن الخطة ستقلل الازدحام. "
    "وانتقد المعارضون التكلفة العالية للمشروع؟"
)
HI = (
    "सरकार ने सोमवार को नई परिवहन योजना की घोषणा की। अधिकारियों ने कहा कि इससे भीड़ कम होगी। "
    "आलोचकों ने परियोजना की ऊंची लागत की आलोचना की।"
)
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    path: Path
    expect: str  # "ok" or "error"
    reason: str = ""  # for errors: a word the one-line message must contain
    large: bool = False


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("article.txt", BODY)
    return buf.getvalue()


def _backtracking_bait() -> str:
    """pysbd issue #79 ("..[111 111 ...") and other strings that make naive regexes explode."""
    # Kept under max_article_chars (200,000) so that no line is cut away.
    return "\n".join(
        [
            "..[111 111 " * 2000,
            "a." * 8000 + "!",
            "Mr. " * 3000 + "Smith arrived.",
            "." * 15_000,
            '."' * 8000,
            "A.B.C." * 2500,
            "Ab Cd " * 2500,
            "(photo " + "x" * 15_000,
            "http://" + "a" * 15_000 + " x",
            "@ab " * 3000 + "follow",
            " " * 15_000 + "The end came on Monday, officials said.",
        ]
    )


def build(folder: Path, large: bool = True) -> dict[str, Case]:
    """Write the corpus under ``folder``; ``large=False`` skips the multi-megabyte cases."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Case] = {}

    def add(name: str, filename: str, data: bytes | str, expect: str, reason: str = "",
            big: bool = False) -> None:
        path = folder / filename
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases[name] = Case(name, path, expect, reason, big)

    add("empty", "empty.txt", b"", "error", "empty")
    add("whitespace", "whitespace.txt", " \n\t\n  \r\n\u3000\n", "error", "empty")
    add("png", "photo.txt", _png(), "error", "PNG")
    add("png-ext", "photo.png.html", _png(), "error", "PNG")
    add("zip", "archive.txt", _zip(), "error", "zip")
    add("nul", "nul.txt", BODY.replace(" ", " \x00", 7), "ok")
    add("nul-only", "nulls.txt", b"\x00" * 4096, "error", "binary")
    add("random-bytes", "random.txt", random.Random(6).randbytes(200_000), "error", "binary")
    add("invalid-utf8", "invalid.txt", BODY.encode() + b"\xff\xfe\xc3\x28 and \xa0\xa1 too.", "ok")
    add("cp1252", "cp1252.txt", (CP1252_TEXT + "\n" + BODY).encode("cp1252"), "ok")
    add("latin1", "latin1.txt", (LATIN1_TEXT + "\n" + LATIN1_TEXT).encode("latin-1"), "ok")
    add("utf16le-bom", "utf16le.txt", b"\xff\xfe" + BODY.encode("utf-16-le"), "ok")
    add("utf16be-bom", "utf16be.txt", b"\xfe\xff" + BODY.encode("utf-16-be"), "ok")
    add("utf8-bom", "utf8bom.txt", b"\xef\xbb\xbf" + BODY.encode(), "ok")
    add("utf16le-no-bom", "utf16nobom.txt", BODY.encode("utf-16-le"), "ok")
    add("backtracking", "bait.txt", _backtracking_bait(), "ok")
    add("invisible", "invisible.txt", "".join(c + INVISIBLE[k % len(INVISIBLE)]
                                              for k, c in enumerate(BODY)), "ok")
    add("chinese", "zh.txt", ZH, "ok")
    add("arabic", "ar.txt", AR, "ok")
    add("hindi", "hi.txt", HI, "ok")
    add("jsonl-broken-line", "broken.jsonl",
        json.dumps({"id": "a", "text": BODY}) + "\n{broken\n"
        + json.dumps({"id": "b", "text": "Schools will get new roofs, the council said on Monday."})
        + "\n", "ok")
    add("jsonl-all-broken", "allbroken.jsonl", "{broken\n[1, 2\n\"text\"\n", "error", "line")
    add("jsonl-huge-int", "hugeint.jsonl", '{"text": "x", "n": ' + "1" * 5000 + "}\n",
        "error", "line")
    add("jsonl-deep", "deep.jsonl", "[" * 50_000 + "]" * 50_000 + "\n", "error", "line")
    add("same-article-twice", "twice.jsonl",
        json.dumps({"id": "first", "text": BODY}) + "\n"
        + json.dumps({"id": "second", "text": BODY}) + "\n", "ok")
    add("one-article", "one.txt", BODY, "ok")
    add("single-sentence", "single.txt", "The mayor resigned on Monday.", "ok")
    add("single-word", "word.txt", "Nothing", "ok")
    add("only-noise", "noise.txt", "Advertisement\nShare this\nSubscribe\n", "error", "text")
    add("html-only-script", "script.html",
        "<html><body><script>" + "var a = 1;" * 100 + "</script></body></html>", "error", "text")
    add("html-unclosed", "unclosed.html", "<html><body><p>Text. " + "<a" * 20_000, "ok")
    add("html-comments", "comments.html",
        "<html><body><p>The vote passed on Monday.</p>" + "<!--" * 20_000, "ok")
    add("html-deep", "deep.html",
        "<html><body>" + "<div>" * 5000 + f"<p>{DEEP_TEXT}</p>" + "</div>" * 5000
        + "</body></html>", "ok")
    articles = folder / "articles"
    articles.mkdir(exist_ok=True)
    (articles / "a.txt").write_text(BODY, encoding="utf-8")
    (articles / "b.txt").write_text(
        "Schools will get new roofs, the council said on Monday.\n" + BODY, encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "image.txt").write_bytes(_png())
    cases["folder-some-bad"] = Case("folder-some-bad", articles, "ok")
    empty_dir = folder / "empty-folder"
    empty_dir.mkdir(exist_ok=True)
    (empty_dir / "notes.png").write_bytes(_png())
    cases["folder-no-articles"] = Case("folder-no-articles", empty_dir, "error", "no articles")
    bad_dir = folder / "bad-folder"
    bad_dir.mkdir(exist_ok=True)
    (bad_dir / "a.txt").write_bytes(b"")
    (bad_dir / "b.txt").write_bytes(_zip())
    cases["folder-all-bad"] = Case("folder-all-bad", bad_dir, "error", "no readable")
    cases["missing"] = Case("missing", folder / "no-such-file.txt", "error", "no such")
    if large:
        line = "Officials said the plan would fund schools, roads and the new harbour wall"
        # 200 distinct lines repeated: the repeats are struck as scrape noise, which keeps
        # the test fast; the point is the 20 MB read, truncated at max_bytes and flagged.
        big = "".join(f"{line} number {k % 200}.\n" for k in range(20_000_000 // (len(line) + 12)))
        add("20mb-text", "big.txt", big, "ok", big=True)
        add("1mb-sentence", "sentence.txt", "word " * 200_000, "ok", big=True)
        add("huge-text-node", "huge.html",
            "<html><body><p>" + "lorem ipsum dolor sit amet " * (HUGE_NODE_BYTES // 27 + 1)
            + "</p></body></html>", "ok", big=True)
    return cases
