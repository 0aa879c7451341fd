"""How the sanitiser reads a tree into paragraphs: blocks, lists, tables, marks, links and white space.

Both trees it is given are covered: any parsed HTML, and trafilatura's XML (head rend, hi rend,
list/item, ref target, lb, row/cell, quote).
"""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

from app.importers.sanitize import (
    Block,
    Inline,
    PageTooComplex,
    blocks_from_tree,
    blocks_text,
    parse_html,
    render_html,
    safe_url,
    sanitize_html,
)

LINK = "https://port.invalid/notice"
EM, STRONG = frozenset({"em"}), frozenset({"strong"})


def _html(markup: str, **options: object) -> str:
    return render_html(blocks_from_tree(parse_html(markup), **options))  # type: ignore[arg-type]


def _xml(markup: str, **options: object) -> list[Block]:
    return blocks_from_tree(etree.fromstring(markup), **options)  # type: ignore[arg-type]


# --- blocks ---------------------------------------------------------------------------------------


def test_each_block_element_starts_and_ends_a_paragraph() -> None:
    assert _html("<div>before<p>inside</p>after<section>more</section></div>") == (
        "<p>before</p>\n<p>inside</p>\n<p>after</p>\n<p>more</p>"
    )


def test_text_after_a_heading_is_a_paragraph_again() -> None:
    assert _html("<div><h4>Notice</h4>The port said so.</div>") == "<h4>Notice</h4>\n<p>The port said so.</p>"


@pytest.mark.parametrize(
    ("tag", "kind"), [("h1", "h2"), ("h2", "h2"), ("h3", "h3"), ("h5", "h5"), ("h6", "h6")]
)
def test_headings_keep_their_level_and_h1_becomes_h2(tag: str, kind: str) -> None:
    assert _html(f"<{tag}>Title</{tag}>") == f"<{kind}>Title</{kind}>"


def test_lists_and_quotes_are_containers_left_when_they_end() -> None:
    markup = (
        "<ul>intro<li>one</li>stray<li>two</li></ul><ol><li>first</li></ol>"
        "<blockquote>q</blockquote><p>after</p>"
    )
    assert _html(markup) == (
        "<ul>\n<li>intro</li>\n<li>one</li>\n<li>stray</li>\n<li>two</li>\n</ul>\n"
        "<ol>\n<li>first</li>\n</ol>\n<blockquote>\n<p>q</p>\n</blockquote>\n<p>after</p>"
    )


def test_table_cells_are_joined_and_each_row_is_a_paragraph() -> None:
    markup = "<div>before<table><tr><td>a</td><td><b>b</b></td></tr><tr><td>c</td></tr></table>after</div>"
    blocks = blocks_from_tree(parse_html(markup))
    assert [block.text for block in blocks] == ["before", "a | b", "c", "after"]
    assert blocks[1].inlines == (Inline("a | "), Inline("b", STRONG))
    bold = blocks_from_tree(parse_html("<b><table><tr><td>a</td><td>b</td></tr></table></b>"))
    assert bold == [Block("p", (Inline("a | b", STRONG),))], "the separator takes the marks around the table"


def test_an_html_head_is_never_text_but_a_heading_named_head_is() -> None:
    page = lxml_html.fromstring("<html><head></head><body><p>Body text</p></body></html>")
    etree.SubElement(page.find("head"), "span").text = "Hidden metadata"
    assert blocks_text(blocks_from_tree(page)) == "Body text"
    assert _xml("<doc><head>A heading</head><p>x</p></doc>")[0] == Block("h2", (Inline("A heading"),))


def test_menus_and_footers_are_dropped_only_when_asked() -> None:
    page = parse_html(
        "<body><nav>Home | News</nav><header>Site</header><p>Story</p><footer>(c)</footer></body>"
    )
    assert blocks_text(blocks_from_tree(page)) == "Home | News\n\nSite\n\nStory\n\n(c)"
    assert blocks_text(blocks_from_tree(page, drop_furniture=True)) == "Story"


def test_namespaced_xhtml_reads_like_html() -> None:
    xhtml = '<html xmlns="http://www.w3.org/1999/xhtml"><body><h3>T</h3><P>One <EM>two</EM></P></body></html>'
    assert render_html(_xml(xhtml)) == "<h3>T</h3>\n<p>One <em>two</em></p>"


# --- trafilatura's XML ----------------------------------------------------------------------------


def test_trafilaturas_markup_becomes_the_same_blocks() -> None:
    document = f"""<doc><main>
        <head rend="h3">Port closed</head><head rend="h9">Odd</head><head>Plain</head>
        <p>It was <hi rend="#i">said</hi> and <hi rend="#b">done</hi>, <hi rend="#u">under</hi>
        <hi rend="#b"><hi rend="#i">both</hi></hi> <span rend="#i">not</span>.<lb/>Next line,
        <ref target="{LINK}">the notice</ref>.</p>
        <list rend="ol"><item>first</item></list>
        <list rend="ul"><item>one</item></list><list><item>two</item></list>
        <quote>Quoted</quote>
        <table><row><cell>a</cell><cell>b</cell></row></table>
    </main></doc>"""
    assert render_html(_xml(document)) == (
        "<h3>Port closed</h3>\n<h2>Odd</h2>\n<h2>Plain</h2>\n"
        "<p>It was <em>said</em> and <strong>done</strong>, under <strong><em>both</em></strong> not."
        f'<br>Next line, <a href="{LINK}">the notice</a>.</p>\n'
        "<ol>\n<li>first</li>\n</ol>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"  # neighbours: one list
        "<blockquote>\n<p>Quoted</p>\n</blockquote>\n<p>a | b</p>"
    )


# --- marks and links ------------------------------------------------------------------------------


def test_a_link_covers_all_its_text_around_marks_and_dropped_elements() -> None:
    markup = f'<p>See <a href="{LINK}">the <em>port</em> notice<img src="x.png"> of <b>May</b></a> now.</p>'
    html = _html(markup)
    assert html == (
        f'<p>See <a href="{LINK}">the </a><a href="{LINK}"><em>port</em></a><a href="{LINK}"> notice of </a>'
        f'<a href="{LINK}"><strong>May</strong></a> now.</p>'
    )


def test_a_line_break_keeps_the_marks_around_it() -> None:
    assert _html("<p><b>First<br>second</b></p>") == "<p><strong>First<br>second</strong></p>"


def test_text_is_escaped_without_touching_quotes() -> None:
    assert _html("<p>\"Ships\" &amp; 'boats' &lt;2&gt;</p>") == "<p>\"Ships\" &amp; 'boats' &lt;2&gt;</p>"


# --- white space, as a browser shows it -----------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "html"),
    [
        ("<p>  A  <b>  B  </b>  C  </p>", "<p>A <strong>B </strong>C</p>"),
        ("<p>A <b> B</b></p>", "<p>A <strong>B</strong></p>"),
        ("<p>TAX  <br>  MAX</p>", "<p>TAX<br>MAX</p>"),
        ("<p><b>BOX </b><br>XL</p>", "<p><strong>BOX</strong><br>XL</p>"),
        (f'<p><a href="{LINK}">BOX </a><br>XL</p>', f'<p><a href="{LINK}">BOX</a><br>XL</p>'),
        ("<p>X<b> </b><br>Y</p>", "<p>X<br>Y</p>"),
        ("<p><br><br>X</p>", "<p>X</p>"),
        ("<p>X<br> Y</p>", "<p>X<br>Y</p>"),
        ("<p>X <br> </p>", "<p>X</p>"),
        ("<p>MAX <b>XL </b></p>", "<p>MAX <strong>XL</strong></p>"),
        (f'<p>MAX <a href="{LINK}">XL </a></p>', f'<p>MAX <a href="{LINK}">XL</a></p>'),
        ("<p>X\t\n  Y\u00a0 Z</p>", "<p>X Y Z</p>"),
        ("<p> </p><p>\n</p>", ""),
        ("<p>MAX </p><p>TAX\n</p>", "<p>MAX</p>\n<p>TAX</p>"),
    ],
)
def test_white_space_collapses_and_blocks_are_trimmed(markup: str, html: str) -> None:
    assert _html(markup) == html


# --- parsing ----------------------------------------------------------------------------------------


def test_an_xml_declaration_and_control_characters_leave_no_trace() -> None:
    markup = '<?xml version="1.0" encoding="utf-8"?><p>Port\x01closed\x0b today</p>'
    assert sanitize_html(markup) == "<p>Port closed today</p>"


def test_a_long_inline_data_uri_is_cut_to_its_scheme() -> None:
    assert sanitize_html(f"<p>see data:image/png;base64,{'A' * 1100} here</p>") == "<p>see data:, here</p>"
    short = "data:image/png;base64,AAAA"
    assert sanitize_html(f"<p>see {short}</p>") == f"<p>see {short}</p>"


def test_a_page_nested_deeper_than_the_parser_allows_is_refused() -> None:
    with pytest.raises(PageTooComplex) as raised:
        parse_html("<div>" * 1000 + "deep" + "</div>" * 1000)
    assert str(raised.value) == "libxml2 stopped at a limit; the rest of the page is missing"
    assert blocks_text(blocks_from_tree(parse_html("<div>" * 200 + "fine" + "</div>" * 200))) == "fine"


# --- links ------------------------------------------------------------------------------------------


def test_white_space_and_control_characters_are_taken_out_of_a_url() -> None:
    assert safe_url(" https://port.invalid/a b\t/c\x01d\x7f ") == "https://port.invalid/ab/cd"


def test_an_absolute_link_is_kept_as_written_whatever_the_base() -> None:
    assert safe_url("https://other.invalid/a/../b", "https://port.invalid/") == "https://other.invalid/a/../b"
    assert safe_url("mailto:desk@port.invalid", "https://port.invalid/") == "mailto:desk@port.invalid"


def test_a_url_may_be_2048_characters_long_and_no_longer() -> None:
    base = "https://port.invalid/"
    assert safe_url(base + "a" * (2048 - len(base))) == base + "a" * (2048 - len(base))
    assert safe_url(base + "a" * (2049 - len(base))) is None
