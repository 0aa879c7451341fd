"""The display copy: rebuilt from a whitelist, so nothing of a hostile page survives in it."""

from __future__ import annotations

import re
from html import escape

import pytest
from lxml import html as lxml_html

from app.importers.sanitize import (
    PageTooComplex,
    blocks_from_tree,
    blocks_text,
    parse_html,
    render_html,
    safe_url,
    sanitize_html,
)
from tests.fuzz import network_guard

files_opened = network_guard.files_opened

ALLOWED_TAGS = {"h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "a", "em", "strong", "br"}
FORBIDDEN = (
    *("script", "alert", "steal", "style", "@import", "font-face", "refresh", "evil.invalid", "tracker"),
    *("javascript", "data:", "file:", "passwd", "iframe", "svg text", "object text", "typed", "hidden"),
    *("onclick", "onmouseover", "target", "class"),
)
TAG = re.compile(r"<\s*/?\s*([a-zA-Z0-9:-]+)([^>]*)>")

HOSTILE_FRAGMENT = """
<base href="https://evil.invalid/"><meta http-equiv="refresh" content="0; url=https://evil.invalid/">
<style>@import url(https://fonts.invalid/f.css); @font-face { src: url(https://fonts.invalid/f.woff) }</style>
<link rel="stylesheet" href="https://cdn.invalid/site.css">
<h1 onclick="steal()" style="color: red">Storm <script>alert(1)</script>closes port</h1>
<p class="lead" onmouseover="steal()">The port said <a href="javascript:alert(1)">forty</a> ferries
were <a href="https://port.invalid/notice" onclick="x()" target="_blank">cancelled</a>, see
<a href="data:text/html;base64,PHNjcmlwdD4=">this</a>, <a href="file:///etc/passwd">that</a> and
<a href="  JaVaScRiPt:alert(1)">more</a>.<img src="https://tracker.invalid/pixel.gif" width="1" height="1">
<img src="file:///etc/passwd" alt="a secret"><iframe src="https://evil.invalid/frame"></iframe></p>
<svg onload="x()"><text>svg text</text></svg><object data="x.swf">object text</object>
<form action="https://evil.invalid/"><input value="typed"><button>Send</button></form>
<ul><li><em>one</em></li><li><b>two</b></li></ul><blockquote>Quoted <i>words</i></blockquote>
<noscript><img src="https://tracker.invalid/noscript.gif"></noscript><template><p>hidden</p></template>
"""


def test_only_whitelisted_tags_and_safe_hrefs_survive() -> None:
    html = sanitize_html(HOSTILE_FRAGMENT)
    tags = TAG.findall(html)
    assert tags, html
    for name, attributes in tags:
        assert name.lower() in ALLOWED_TAGS, name
        assert attributes == "" or re.fullmatch(r' href="https?://[^"]*"', attributes), attributes
    for forbidden in FORBIDDEN:
        assert forbidden.lower() not in html.lower(), forbidden
    assert '<a href="https://port.invalid/notice">cancelled</a>' in html
    assert "<h2>Storm closes port</h2>" in html
    assert "<li><em>one</em></li>" in html and "<li><strong>two</strong></li>" in html
    assert "<blockquote>\n<p>Quoted <em>words</em></p>\n</blockquote>" in html


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://news.invalid/a?b=1#c", "https://news.invalid/a?b=1#c"),
        ("http://news.invalid/", "http://news.invalid/"),
        ("mailto:desk@news.invalid", "mailto:desk@news.invalid"),
        ("javascript:alert(1)", None),
        (" java\tscript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,<script>", None),
        ("file:///etc/passwd", None),
        ("vbscript:msgbox", None),
        ("//evil.invalid/x", None),  # scheme-relative, with no article URL to resolve it
        ("/relative", None),
        ("", None),
        (None, None),
        ("http://[::1", None),  # malformed
    ],
)
def test_safe_url(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe


def test_relative_links_resolve_against_the_article_url_never_the_base_tag() -> None:
    html = sanitize_html(
        '<base href="https://evil.invalid/"><p><a href="/notice">notice</a> <a href="#x">x</a></p>',
        base_url="https://port.invalid/news/1",
    )
    assert (
        html
        == '<p><a href="https://port.invalid/notice">notice</a> <a href="https://port.invalid/news/1#x">x</a></p>'
    )


def test_text_and_display_copy_are_the_same_paragraphs() -> None:
    """Every claim offset refers to the text; the display copy must hold exactly those paragraphs."""
    blocks = blocks_from_tree(
        parse_html(HOSTILE_FRAGMENT + "<p>Line one<br>line   two &amp; <b>bold</b></p>")
    )
    rendered = lxml_html.fragment_fromstring(render_html(blocks), create_parent="div")
    shown = [
        (element.text_content(), element.findall(".//br"))
        for element in rendered.iter("h2", "p", "li")
        if element.tag != "p" or element.getparent().tag != "li"
    ]
    text = blocks_text(blocks)
    assert "\n\n".join(content for content, _ in shown).replace("\n", "") == text.replace("\n", "")
    assert text.endswith("Line one\nline two & bold")


def test_external_entities_are_neither_resolved_nor_opened(files_opened: list[str]) -> None:
    markup = (
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY secret SYSTEM "file:///etc/passwd">'
        '<!ENTITY remote SYSTEM "https://evil.invalid/x">]><p>before &secret; &remote; after</p>'
    )
    html = sanitize_html(markup)
    assert "root:" not in html and "before &amp;secret; &amp;remote; after" in html
    assert not [path for path in files_opened if path.startswith("/etc")]


def test_nothing_left_is_an_empty_copy() -> None:
    assert sanitize_html("<script>x()</script><img src=x>") == ""
    assert sanitize_html("") == ""


def test_deep_nesting_is_walked_without_recursion() -> None:
    blocks = blocks_from_tree(parse_html("<div>" * 200 + "<p>deep <em>text</em></p>" + "</div>" * 200))
    assert blocks_text(blocks) == "deep text"


def test_a_page_cut_short_by_the_parser_is_refused() -> None:
    with pytest.raises(PageTooComplex):
        parse_html("<p>start</p>" + "<div>" * 10_000 + "end")


def test_an_ampersand_in_a_link_is_written_as_an_entity() -> None:
    html = sanitize_html('<p><a href="https://port.invalid/q?a=1&amp;copy=2&amp;amp=3">notice</a></p>')
    assert html == '<p><a href="https://port.invalid/q?a=1&amp;copy=2&amp;amp=3">notice</a></p>'
    (link,) = lxml_html.fragment_fromstring(html, create_parent="div").iter("a")
    assert link.get("href") == "https://port.invalid/q?a=1&copy=2&amp=3", "the browser reads the URL given"


def test_quotes_and_brackets_in_a_link_are_percent_encoded() -> None:
    """A URL holding a quote must not be able to end the attribute it is written in, escaped or not."""
    hostile = "https://port.invalid/a\"onmouseover='x()'<b>`"
    assert safe_url(hostile) == "https://port.invalid/a%22onmouseover=%27x()%27%3Cb%3E%60"
    html = sanitize_html(f'<p><a href="{escape(hostile)}">notice</a></p>')
    assert html == '<p><a href="https://port.invalid/a%22onmouseover=%27x()%27%3Cb%3E%60">notice</a></p>'
    base = 'https://port.invalid/"quoted"/'
    assert safe_url("page", base) == "https://port.invalid/%22quoted%22/page"
