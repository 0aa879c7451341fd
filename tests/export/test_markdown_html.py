"""The one Markdown renderer, shared by the notes view and the memo: safe HTML, live web links."""

from __future__ import annotations

import re

from app.export.markdown_html import ZERO_WIDTH_SPACE, breakable, render_markdown

LONG = "https://port.example/reports/2026/survey-final.pdf?download=1&lang=en&source=press-office_mailing"


def test_markdown_becomes_markup() -> None:
    html = render_markdown("**bold** and *it*\n\n- one\n- [map](https://maps.example/harbour)")
    assert "<strong>bold</strong>" in html and "<em>it</em>" in html and "<li>one</li>" in html
    assert '<a href="https://maps.example/harbour">map</a>' in html
    assert "**" not in html and "](" not in html


def test_a_bare_web_address_becomes_a_link_without_its_full_stop() -> None:
    html = render_markdown(f"Full report: {LONG}.")
    assert f'<a href="{LONG.replace("&", "&amp;")}">' in html
    assert html.rstrip().endswith("</a>.</p>"), html


def test_only_web_and_mail_links_stay_links() -> None:
    html = render_markdown("[a](javascript:alert(1)) [b](file:///etc/passwd) [c](mailto:desk@example.org)")
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html)
    assert re.findall(r'href="([^"]*)"', html) == ["mailto:desk@example.org"]
    assert "<script" not in render_markdown("<script>alert(1)</script>")


def test_an_address_inside_a_link_is_not_linked_twice() -> None:
    html = render_markdown(f"[{LONG}]({LONG})")
    assert html.count("<a ") == 1 and html.count("</a>") == 1


def test_wrap_points_follow_separators_never_letters_and_change_nothing_else() -> None:
    shown = breakable(LONG)
    assert shown.replace(ZERO_WIDTH_SPACE, "") == LONG.replace("&", "&amp;")
    pieces = shown.split(ZERO_WIDTH_SPACE)
    assert len(pieces) > 2, "the query string gets places to wrap"
    assert all(piece[-1] in "&=#_~+;" for piece in pieces[:-1]), pieces  # ";" ends "&amp;"
    assert breakable("https://a.example/b") == "https://a.example/b", "a short address stays whole"
