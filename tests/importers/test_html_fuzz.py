"""`import_file` on random HTML-ish pages (.html and .mhtml): an article or one clear error.

Same settings as tests/fuzz (derandomised, 200 examples a test; FUZZ_EXAMPLES=20000 for more by
hand). Besides the importer's contract, every display copy must hold only whitelisted markup.
"""

from __future__ import annotations

import base64
import quopri
import re

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.conftest import FUZZ, accepting
from tests.fuzz.contract import import_under_contract
from tests.fuzz.strategies import ENCODINGS, NASTY_BYTES, hostile_bytes, hostile_text

TAGS = (
    *("p", "h1", "h2", "h3", "ul", "ol", "li", "blockquote", "em", "strong", "b", "i", "br", "div"),
    *("article", "main", "nav", "header", "footer", "aside", "table", "tr", "td", "pre", "code"),
    *("script", "style", "iframe", "img", "svg", "math", "template", "noscript", "object", "form"),
    *("head", "body", "html", "title", "base", "meta", "link", "a", "head", "list", "item", "hi"),
)
ATTRIBUTES = (
    ' href="javascript:alert(1)"',
    ' href="https://news.invalid/a"',
    ' href="/relative"',
    " href=data:text/html,x",
    ' src="file:///etc/passwd"',
    ' src="https://tracker.invalid/p.gif"',
    ' onclick="x()"',
    ' style="background:url(https://x.invalid)"',
    ' charset="koi8-r"',
    ' charset="utf-16"',
    ' charset="nonsense"',
    ' http-equiv="refresh" content="0;url=https://evil.invalid"',
    ' rel="canonical" href="https://news.invalid/c"',
    ' property="og:title" content="A title"',
    ' rend="h3"',
    ' target="javascript:x"',
)
MARKUP = (
    "<!DOCTYPE html>",
    '<?xml version="1.0" encoding="windows-1251"?>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    "&e;",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&#x10FFFF;",
    "&nbsp;",
    "&bogus;",
    "<![CDATA[x]]>",
    "<!-- comment -->",
    "<!--",
    "-->",
    "<",
    ">",
    "</",
    '"',
    "data:image/png;base64," + "A" * 2000,
)
ALLOWED = re.compile(
    r"</?(h[2-6]|p|ul|ol|li|blockquote|em|strong|br)>|<a href=\"(https?|mailto):[^\"<>]*\">|</a>"
)


@st.composite
def html_ish(draw: st.DrawFn) -> str:
    """A page-like soup of tags, attributes, entities and stressful text."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.sampled_from(("open", "close", "markup", "text", "prose")))
        if kind == "open":
            tag = draw(st.sampled_from(TAGS))
            pieces.append(f"<{tag}{''.join(draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=2)))}>")
        elif kind == "close":
            pieces.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == "markup":
            pieces.append(draw(st.sampled_from(MARKUP)))
        elif kind == "text":
            pieces.append(draw(hostile_text(max_pieces=8)))
        else:
            pieces.append(
                "<p>The council said 40 ferries were cancelled on Friday, according to officials.</p>"
            )
    return "".join(pieces)


@st.composite
def html_bytes(draw: st.DrawFn) -> bytes:
    """An HTML-ish page in some encoding, maybe spliced with bytes decoders trip on, or cut short."""
    data = draw(html_ish()).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if draw(st.booleans()) and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(NASTY_BYTES)) + data[at:]
    if draw(st.booleans()) and data:
        data = data[: draw(st.integers(0, len(data)))]
    return data


@st.composite
def mhtml_bytes(draw: st.DrawFn) -> bytes:
    """An MHTML envelope (maybe broken) around an HTML-ish page, or plain hostile bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(hostile_bytes())
    page = draw(html_bytes())
    transfer = draw(st.sampled_from(("quoted-printable", "base64", "8bit", "x-garbage")))
    body = {"quoted-printable": quopri.encodestring, "base64": base64.encodebytes}.get(transfer, bytes)(page)
    if transfer == "base64" and draw(st.booleans()):
        body = body[: len(body) // 2] + b"!!"  # broken padding
    charset = draw(st.sampled_from(("utf-8", "windows-1251", "koi8-r", "utf-16", "nonsense", "")))
    boundary = draw(st.sampled_from(("B", "", '"', "B" * 100)))
    location = draw(st.sampled_from(("https://n.invalid/", "javascript:x", "")))
    head = (
        f"MIME-Version: 1.0\r\nSnapshot-Content-Location: {location}\r\n"
        f"Subject: =?utf-8?q?{draw(st.sampled_from(('Storm', '=E2=80', '=ZZ')))}?=\r\n"
        f'Content-Type: multipart/related; type="text/html"; boundary="{boundary}"\r\n\r\n'
    ).encode()
    part = (
        f"--{boundary}\r\nContent-Type: text/html; charset={charset}\r\n"
        f"Content-Transfer-Encoding: {transfer}\r\nContent-Location: https://n.invalid/p\r\n\r\n"
    ).encode()
    data = head + part + body + f"\r\n--{boundary}--\r\n".encode()
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


def _check(data: bytes, suffix: str) -> None:
    """The importer's contract for one input, and the display copy's whitelist."""
    article = import_under_contract(data, f"page{suffix}", f"import_file ({suffix}, HTML-ish)")
    if article is None:
        return
    assert article.text == article.text.strip() and "\n\n\n" not in article.text
    html = article.html or ""
    assert "<" not in ALLOWED.sub("", html), html
    assert article.url is None or article.url.startswith(("http://", "https://"))


# Shares of inputs that must import (measured: 42% of pages, 33% of MHTML files).
SHARE_HTML, SHARE_MHTML = 0.2, 0.15


@FUZZ
@given(data=html_bytes())
def _html_page(data: bytes) -> None:
    _check(data, ".html")


def test_html_pages_give_an_article_or_a_clear_error() -> None:
    with accepting(SHARE_HTML):
        _html_page()


@FUZZ
@given(data=mhtml_bytes())
def _mhtml_file(data: bytes) -> None:
    _check(data, ".mhtml")


def test_mhtml_files_give_an_article_or_a_clear_error() -> None:
    with accepting(SHARE_MHTML):
        _mhtml_file()
