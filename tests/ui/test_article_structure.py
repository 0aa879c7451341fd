"""An article's structure (headings, list items, quotes) read from its html and shown as formats only.

The pure matcher first (matching, mismatching, nested lists, Markdown's own list lines, odd html
via hypothesis), then the reader: the document's text stays the stored text, claims keep their
exact highlights (emoji before them), and zoom and theme changes keep the structure.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.article_structure import KINDS, StructuredBlock, article_structure, text_paragraphs
from app.importers.markdown import read_markdown
from app.services import articles
from app.storage.database import Database
from app.ui.main_window import MainWindow
from app.ui.reader.article_view import ArticleView, Utf16Positions
from app.ui.reader.reader_typesetting import HEADING_SCALE
from app.ui.theme import palette_for

PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "news" / "html"
FUZZ = settings(max_examples=200, derandomize=True, deadline=None, database=None)

HARBOUR_PAGE = """<html><head><title>Harbour</title></head><body><article>
<h1>Harbour 🚢 dredging halted after survey</h1>
<p>Dredging in the north harbour 🌊 stopped on Monday, according to the port authority.</p>
<h2>What the survey found</h2>
<p>The authority said the survey found 14 unexploded shells 💣 on the seabed.</p>
<ul><li>Fishermen reportedly saw divers in the area for weeks before the halt.</li>
<li>Divers came back on Tuesday, officials said.</li></ul>
<blockquote><p>“We will not dredge until the seabed is clear,” the harbour master 🧭 said.</p></blockquote>
<p>The weather was calm all week, although it may have rained on Sunday.</p>
</article></body></html>"""


def kinds(text: str, html: str) -> list[tuple[str, str, int, str]] | None:
    """(kind, the words it labels, depth, marker) for each block; None when there is no structure."""
    found = article_structure(text, html)
    if found is None:
        return None
    return [(b.kind, text[b.start : b.end], b.depth, b.marker) for b in found]


def assert_valid(text: str, found: tuple[StructuredBlock, ...] | None) -> None:
    """None, or blocks in order, inside the text, not overlapping, each on words, of a known kind."""
    if found is None:
        return
    end = 0
    for block in found:
        assert end <= block.start < block.end <= len(text)
        assert block.kind in KINDS and text[block.start : block.end].strip()
        assert 0 <= block.own_marker <= block.end - block.start
        end = block.end


# ---- the pure matcher -------------------------------------------------------------------------------
def test_paragraphs_are_runs_of_non_blank_lines() -> None:
    text = "\n\nOne\nline two\n\n  \n\nThree  \n"
    assert [text[s:e] for s, e in text_paragraphs(text)] == ["One\nline two", "Three  "]
    assert text_paragraphs("") == [] and text_paragraphs("\n \n") == []


def test_headings_paragraphs_and_quotes_match_word_for_word() -> None:
    text = "Title 🚢 here\n\nFirst  para &\nline.\n\nQuoted words\n\nSub\n\nLast"
    html = (
        "<h1>Title 🚢 here</h1>\n<p>First para &amp;<br>line.</p>\n"
        "<blockquote><p>Quoted <em>words</em></p></blockquote><h4>Sub</h4><p><a href='x'>Last</a></p>"
    )
    assert kinds(text, html) == [
        ("h1", "Title 🚢 here", 0, ""),
        ("p", "First  para &\nline.", 0, ""),
        ("quote", "Quoted words", 1, ""),
        ("h4", "Sub", 0, ""),
        ("p", "Last", 0, ""),
    ]
    found = article_structure(text, html)
    assert found is not None and found[0].start == 0 and found[-1].end == len(text)


def test_any_difference_in_words_or_paragraphs_gives_none() -> None:
    html = "<h2>Title</h2><p>Body text.</p>"
    assert kinds("Title\n\nBody text.", html) is not None
    assert kinds("Title\n\nBody texts.", html) is None  # one word differs
    assert kinds("Title\n\nBody text.\n\nMore.", html) is None  # a paragraph the html lacks
    assert kinds("Title", html) is None  # a block the text lacks
    assert kinds("Title Body text.", html) is None  # two blocks, one paragraph
    assert kinds("Title\n\nBody text.", "") is None
    assert kinds("", html) is None
    assert kinds("Title\n\nBody text.", "<p>   </p>") is None


def test_nested_and_ordered_lists_get_depths_and_margin_markers() -> None:
    text = "Intro\n\nOne\n\nTwo\n\nTwo point one\n\nThree\n\nThird\n\nFourth"
    html = (
        "<p>Intro</p><ul><li>One</li><li>Two<ul><li>Two point one</li></ul></li><li>Three</li></ul>"
        '<ol start="3"><li>Third</li><li><p>Fourth</p></li></ol>'
    )
    assert kinds(text, html) == [
        ("p", "Intro", 0, ""),
        ("li", "One", 1, "•"),
        ("li", "Two", 1, "•"),
        ("li", "Two point one", 2, "◦"),
        ("li", "Three", 1, "•"),
        ("li", "Third", 1, "3."),
        ("li", "Fourth", 1, "4."),
    ]


def test_an_items_second_paragraph_is_indented_without_a_second_marker() -> None:
    text = "Point\n\nMore about it"
    assert kinds(text, "<ul><li><p>Point</p><p>More about it</p></li></ul>") == [
        ("li", "Point", 1, "•"),
        ("li", "More about it", 1, ""),
    ]


def test_markdown_lists_and_tables_are_lines_of_one_paragraph() -> None:
    source = "# Title\n\n- one\n- two\n  - nested\n\n3. third\n4. fourth\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    article = read_markdown(source.encode(), "list.md")
    found = article_structure(article.text, article.html)
    assert found is not None
    labelled = [(b.kind, article.text[b.start : b.end], b.depth, b.marker, b.own_marker) for b in found]
    assert labelled == [
        ("h1", "Title", 0, "", 0),
        ("li", "• one", 1, "", 2),  # the text shows its own marker: none painted
        ("li", "• two", 1, "", 2),
        ("li", "  • nested", 2, "", 4),
        ("li", "3. third", 1, "", 3),
        ("li", "4. fourth", 1, "", 3),
        ("p", "a | b", 0, "", 0),
        ("p", "1 | 2", 0, "", 0),
    ]


def test_a_block_with_a_blank_line_inside_labels_each_of_its_paragraphs() -> None:
    text = "Head\n\nfirst part\n\nsecond part"
    assert kinds(text, "<h3>Head</h3><blockquote><p>first part<br><br>second part</p></blockquote>") == [
        ("h3", "Head", 0, ""),
        ("quote", "first part", 1, ""),
        ("quote", "second part", 1, ""),
    ]
    assert kinds(text, "<h3>Head</h3><p>first part<br><br>second parts</p>") is None


def test_deeply_nested_or_broken_html_gives_none_or_a_valid_answer() -> None:
    assert kinds("x", "<div>" * 5000 + "x") is None  # past any importer's nesting
    for html in ("<p>x", "</li></ul>x", "<!x>x", "<![CDATA[x", "<ol start=zz><li>x", "<h2>x</h9>"):
        assert_valid("x", article_structure("x", html))


_TAGS = ["<h1>", "</h1>", "<h3>", "</h3>", "<p>", "</p>", "<ul>", "</ul>", "<ol start='2'>", "</ol>"]
_TAGS += ["<li>", "</li>", "<blockquote>", "</blockquote>", "<br>", "<em>", "</strong>", "<table>"]
_TAGS += ["<tr>", "<td>", "<th>", "<pre>", "<!--", "-->", "<!", "<![CDATA[", "]]>", "&amp;", "&#x1F6A2;"]
_TAGS += ["&#99999999;", "<a href='javascript:x'>", "</a>", "<", ">", "\n\n", " ", "<hr/>", "<li/>"]
_WORDS = st.sampled_from(["alpha", "beta 🚢", "gamma\n", "• delta", "3. eps", "a | b", "\u00a0", "ß"])


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(_TAGS), _WORDS), max_size=40), st.lists(_WORDS, max_size=8))
def test_tag_soup_never_raises(pieces: list[str], words: list[str]) -> None:
    html = "".join(pieces)
    for text in ("\n\n".join(words), "\n\n".join(p for p in pieces if not p.startswith(("<", "&")))):
        assert_valid(text, article_structure(text, html))


@FUZZ
@given(st.text(max_size=300), st.text(max_size=300))
def test_random_text_and_html_never_raise(text: str, html: str) -> None:
    assert_valid(text, article_structure(text, html))


_BLOCK = st.tuples(
    st.sampled_from(["h2", "h5", "p", "li", "quote"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=20).filter(
        lambda s: s.strip() != ""
    ),
)


@FUZZ
@given(st.lists(_BLOCK, min_size=1, max_size=12))
def test_html_written_from_the_same_paragraphs_gives_back_their_kinds(
    blocks: list[tuple[str, str]],
) -> None:
    """The importers' promise (text and html from the same paragraphs) is what the matcher reads."""
    from html import escape

    words = [" ".join(w.split()) for _, w in blocks]
    html = "".join(
        f"<ul><li>{escape(w)}</li></ul>"
        if kind == "li"
        else f"<blockquote><p>{escape(w)}</p></blockquote>"
        if kind == "quote"
        else f"<{kind}>{escape(w)}</{kind}>"
        for (kind, _), w in zip(blocks, words, strict=True)
    )
    text = "\n\n".join(words)
    found = article_structure(text, html)
    assert found is not None
    assert [(b.kind, text[b.start : b.end]) for b in found] == list(
        zip([k for k, _ in blocks], words, strict=True)
    )


# ---- the reader ---------------------------------------------------------------------------------------
def _block_at(view: ArticleView, text: str, words: str) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(Utf16Positions(text)(text.index(words)))
    return cursor


def open_harbour_page(window: MainWindow, tmp_path: Path) -> str:
    path = tmp_path / "harbour.html"
    path.write_text(HARBOUR_PAGE, encoding="utf-8")
    assert window.open_file(path)
    assert window.article is not None and window.article.html
    return window.article.text


def test_structure_formats_the_page_but_the_text_and_highlights_stay_exact(
    window: MainWindow, tmp_path: Path
) -> None:
    text = open_harbour_page(window, tmp_path)
    view = window.article_view
    assert [b.kind for b in view.structure()] == ["h2", "p", "h2", "p", "li", "li", "quote", "p"]
    assert view.toPlainText() == text  # no marker, no bullet, nothing added
    size = view.point_size()
    heading = _block_at(view, text, "dredging halted").charFormat()
    assert heading.fontPointSize() == pytest.approx(size * HEADING_SCALE["h2"])
    assert heading.fontWeight() > 500
    body = _block_at(view, text, "stopped on Monday")
    assert body.charFormat().fontPointSize() in (0, size) and body.blockFormat().leftMargin() == 0
    item = _block_at(view, text, "Fishermen").blockFormat()
    assert item.leftMargin() > 0
    quote = _block_at(view, text, "We will not dredge")
    assert quote.charFormat().fontItalic() and quote.blockFormat().leftMargin() > 0
    blank = view.document().findBlockByNumber(1)  # the reader's paragraph spacing still holds
    assert blank.length() == 1 and blank.blockFormat().lineHeight() < item.lineHeight()

    claims = window.claim_model.claims()
    quoted = next(c for c in claims if "seabed is clear" in c.text)  # after an emoji, inside a quote
    assert text.index("🌊") < quoted.start
    selections = view.extraSelections()
    assert len(selections) == len(claims) >= 4
    for claim, selection in zip(sorted(claims, key=lambda c: c.start), selections, strict=True):
        assert selection.cursor.selectedText() == text[claim.start : claim.end]
    window.choose_claim(quoted.id)
    assert view.highlighted_text() == quoted.text == text[quoted.start : quoted.end]


def _ink_in_indent(view: ArticleView, text: str, words: str, image: QImage) -> int:
    """Pixels unlike the background between the column's edge and the first line of `words`.

    The claims' status letters sit left of the column's edge, so they are not counted.
    """
    rect = view.cursorRect(_block_at(view, text, words))
    column = round(view.document().rootFrame().frameFormat().leftMargin())
    background = QColor(image.pixel(2, rect.center().y()))
    inked = 0
    for x in range(column + 1, rect.left() - 2):
        for y in range(rect.top(), rect.bottom()):
            inked += QColor(image.pixel(x, y)) != background
    return inked


def test_list_markers_are_painted_in_the_indent_not_written_in_the_text(
    window: MainWindow, tmp_path: Path
) -> None:
    text = open_harbour_page(window, tmp_path)
    view = window.article_view
    view.verticalScrollBar().setValue(0)
    view.resize(900, 1400)
    image = view.viewport().grab().toImage()
    assert _ink_in_indent(view, text, "Fishermen", image) > 0  # the bullet
    assert _ink_in_indent(view, text, "“We will not", image) > 0  # the quote's rule
    assert "•" not in view.toPlainText()
    # The same text with no structure and no claims: no indent, and the last article's highlights
    # and margin letters gone (painting once looked up the old claims and failed).
    view.show_text(text, ())
    assert view.extraSelections() == []
    view.viewport().grab()
    column = view.document().rootFrame().frameFormat().leftMargin()
    assert view.cursorRect(_block_at(view, text, "Fishermen")).left() <= column + 1


def test_zoom_and_theme_keep_the_structure(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    text = open_harbour_page(window, tmp_path)
    view = window.article_view
    indent = _block_at(view, text, "Fishermen").blockFormat().leftMargin()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    size = view.point_size()
    heading = _block_at(view, text, "What the survey found").charFormat()
    assert heading.fontPointSize() == pytest.approx(size * HEADING_SCALE["h2"])
    assert _block_at(view, text, "Fishermen").blockFormat().leftMargin() > indent  # indents scale too

    window.setPalette(palette_for("dark"))
    QApplication.processEvents()
    assert _block_at(view, text, "What the survey found").charFormat().fontWeight() > 500
    assert _block_at(view, text, "We will not dredge").charFormat().fontItalic()
    assert view.toPlainText() == text
    view.reset_zoom()


def test_a_plain_article_after_a_structured_one_is_plain(window: MainWindow, tmp_path: Path) -> None:
    open_harbour_page(window, tmp_path)
    plain = tmp_path / "plain.txt"
    plain.write_text("What the survey found\n\nNothing, the mayor said on Friday.\n", encoding="utf-8")
    assert window.open_file(plain)
    assert window.article is not None and window.article.html is None
    view = window.article_view
    assert view.structure() == ()
    assert _block_at(view, view.toPlainText(), "What the survey").charFormat().fontWeight() <= 500


def test_markdown_list_lines_hang_after_their_own_marker(qtbot: QtBot) -> None:
    article = read_markdown(b"# Plan\n\n- first item\n- second item\n", "plan.md")
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_text(article.text, (), article_structure(article.text, article.html))
    first = _block_at(view, article.text, "• first").blockFormat()
    assert first.textIndent() < 0 < first.leftMargin()  # wrapped lines line up after "• "
    assert view.toPlainText() == article.text


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/eval/news/html is not beside the checkout")
def test_the_real_pages_show_their_structure(window: MainWindow, db: Database) -> None:
    headings = {}
    for page in sorted(PAGES.glob("*.html")):
        record = articles.load_article(db, articles.import_path(db, page).article_id)
        assert record.html, page.name
        found = article_structure(record.text, record.html)
        assert found is not None, page.name
        assert_valid(record.text, found)
        headings[page.name] = sum(b.kind.startswith("h") for b in found)
        window.show_record(record)
        assert window.article_view.structure() == found
        assert window.article_view.toPlainText() == record.text
    assert len(headings) == 3
    assert headings["creativecommons.org.html"] >= 1
