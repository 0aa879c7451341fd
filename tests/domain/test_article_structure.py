"""Which paragraphs are headings, list items or quotes (app/domain/article_structure.py), on the
shapes importers write: Markdown's one-item lists, numbered lists, tables, line breaks, stray tags.
A wrong answer shows the reader a wrong heading or numbering; None shows the article plain."""

from __future__ import annotations

from app.domain.article_structure import _MAX_OPEN, StructuredBlock, article_structure
from app.importers.markdown import read_markdown


def kinds(text: str, html: str) -> list[tuple[str, str, str]]:
    """(words, kind, margin marker) of each block; fails the test if the article would show plain."""
    blocks = article_structure(text, html)
    assert blocks is not None, "the article would be shown plain"
    return [(text[b.start : b.end], b.kind, b.marker) for b in blocks]


def markers(html_list: str, items: int) -> list[str]:
    text = "\n\n".join(f"step {n}" for n in range(items))
    html = html_list.replace("ITEMS", "".join(f"<li>step {n}</li>" for n in range(items)))
    return [marker for _, _, marker in kinds(text, html)]


def test_a_markdown_list_of_one_item_keeps_the_articles_structure() -> None:
    article = read_markdown(b"# Harbour\n\nWorks halted.\n\n- one shell found\n\nMore soon.\n", "harbour.md")
    assert article.html is not None
    blocks = article_structure(article.text, article.html)
    assert blocks is not None, "one list item made the whole article plain"
    assert [b.kind for b in blocks] == ["h1", "p", "li", "p"]
    item = blocks[2]
    assert article.text[item.start + item.own_marker : item.end] == "one shell found"


def test_a_markdown_list_followed_by_a_paragraph() -> None:
    text = "Intro.\n\n• one\n• two\n\nOutro."
    html = "<p>Intro.</p><ul><li>one</li><li>two</li></ul><p>Outro.</p>"
    assert [(w, k) for w, k, _ in kinds(text, html)] == [
        ("Intro.", "p"), ("• one", "li"), ("• two", "li"), ("Outro.", "p"),
    ]  # fmt: skip


def test_a_paragraph_with_more_lines_than_blocks_left_is_no_match() -> None:
    html = "<p>Intro.</p><p>first</p><p>second</p>"
    assert article_structure("Intro.\n\nfirst\nsecond\nthird", html) is None


def test_ordered_lists_number_from_one_or_from_their_start() -> None:
    assert markers("<ol>ITEMS</ol>", 2) == ["1.", "2."]
    assert markers('<ol start="3">ITEMS</ol>', 2) == ["3.", "4."]
    assert markers('<ol start="0">ITEMS</ol>', 2) == ["0.", "1."]
    assert markers("<ul>ITEMS</ul>", 2) == ["•", "•"]
    assert markers("ITEMS", 1) == ["•"], "an item outside any list still gets a bullet"


def test_an_odd_or_absurd_start_number_counts_from_one() -> None:
    assert markers('<ol start="iii">ITEMS</ol>', 1) == ["1."]
    assert markers('<ol start="123456789">ITEMS</ol>', 1) == ["1."]
    assert markers('<ol start="12345678">ITEMS</ol>', 1) == ["12345678."]


def test_other_attributes_of_a_list_leave_its_numbering_alone() -> None:
    assert markers('<ol reversed class="steps" start="3">ITEMS</ol>', 2) == ["3.", "4."]


def test_a_list_item_spread_over_two_paragraphs_shows_its_marker_once() -> None:
    text = "first part\n\nsecond part"
    html = "<ul><li>first part<br><br>second part</li></ul>"
    assert kinds(text, html) == [("first part", "li", "•"), ("second part", "li", "")]


def test_a_table_reads_as_its_cells_one_row_a_line() -> None:
    text = "Port | Shells\nNorth | 14"
    html = "<table>\n<tr>\n  <th>Port</th>\n  <th>Shells</th>\n</tr>\n<tr><td>North</td><td>14</td></tr>"
    assert [(w, k) for w, k, _ in kinds(text, html)] == [("Port | Shells", "p"), ("North | 14", "p")]
    commented = html.replace("<tr>\n  <th>Port", "<tr>\n  <!-- header --> <th>Port")
    assert [(w, k) for w, k, _ in kinds(text, commented)] == [("Port | Shells", "p"), ("North | 14", "p")]


def test_a_self_closed_line_break_separates_words() -> None:
    text = "Roses are red\nViolets are blue"
    assert kinds(text, "<p>Roses are red<br/>Violets are blue</p>") == [(text, "p", "")]


def test_a_self_closed_block_holds_nothing() -> None:
    text = "Plain words."
    assert kinds(text, "<blockquote/><p>Plain words.</p>") == [(text, "p", "")]
    assert kinds(text, '<ol start="3"/><p>Plain words.</p>') == [(text, "p", "")]


def test_a_stray_end_tag_closes_nothing() -> None:
    text = "Quoted.\n\nStill quoted."
    html = "<blockquote><p>Quoted.</p></div><p>Still quoted.</p></blockquote>"
    assert [k for _, k, _ in kinds(text, html)] == ["quote", "quote"]


def test_nesting_up_to_the_bound_is_read_and_deeper_is_shown_plain() -> None:
    deepest = "<div>" * (_MAX_OPEN - 1) + "<p>Deep.</p>"
    assert article_structure("Deep.", deepest) == (StructuredBlock(0, 5, "p"),)
    assert article_structure("Deep.", "<div>" + deepest) is None
