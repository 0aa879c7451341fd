"""The reader: column, paragraphs, highlights, margin letters, hover, click, zoom, reveal.

Through the real main window and a real database; the article has emoji (two UTF-16 units each)
before its claims, so every offset goes through the code point / UTF-16 mapping.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.records import ClaimRecord
from app.ui.main_window import MainWindow
from app.ui.reader.article_view import ArticleView, Utf16Positions, claim_tooltip
from app.ui.theme import claim_background

EMOJI_ARTICLE = (
    "Harbour 🚢 dredging halted after survey\n\n"
    "Dredging in the north harbour 🌊 stopped on Monday, according to the port authority.\n\n"
    "The authority said the survey found 14 unexploded shells 💣 on the seabed.\n\n"
    "Fishermen reportedly saw divers in the area for weeks before the halt.\n\n"
    "The weather was calm all week, although it may have rained on Sunday.\n"
)


def open_emoji_article(window: MainWindow, tmp_path: Path) -> str:
    path = tmp_path / "emoji-harbour.txt"
    path.write_text(EMOJI_ARTICLE, encoding="utf-8")
    assert window.open_file(path)
    return EMOJI_ARTICLE


def claim_with(window: MainWindow, words: str) -> ClaimRecord:
    return next(c for c in window.claim_model.claims() if words in c.text)


def point_in(view: ArticleView, index: int) -> QPoint:
    """A point of the viewport over the character at code point `index` (scrolled into view)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(Utf16Positions(view.toPlainText())(index))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    return QPoint(rect.right() + 3, rect.center().y())


def test_code_points_and_qt_positions_map_both_ways() -> None:
    text = "a🚢b𝄞c\n🌊d"
    positions = Utf16Positions(text)
    utf16 = text.encode("utf-16-le")
    for index in range(len(text) + 1):
        qt = positions(index)
        assert len(utf16[: qt * 2].decode("utf-16-le")) == index
        assert positions.to_python(qt) == index
    assert positions.to_python(positions(1) + 1) == 1  # the middle of 🚢 rounds down to its start


def test_text_reads_as_paragraphs_in_a_column_of_about_70_characters(qtbot: QtBot) -> None:
    long = " ".join(f"Sentence number {i} goes on about the harbour and the weather." for i in range(40))
    text = f"Title\n\n{long}\n\nA second paragraph.\n"
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    view.show_text(text, ())
    block = view.document().findBlockByNumber(2)
    layout = block.layout()
    lengths = [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
    assert lengths and all(55 <= n <= 85 for n in lengths), lengths
    left = view.document().rootFrame().frameFormat().leftMargin()
    assert left > view.viewport().width() / 4  # centred: the margins grow with the window
    blank = view.document().findBlockByNumber(3)
    assert blank.length() == 1
    assert blank.blockFormat().lineHeight() < block.blockFormat().lineHeight()  # a pause, not a hole
    assert view.toPlainText() == text


def test_every_claim_is_highlighted_in_its_status_colour(window: MainWindow, tmp_path: Path) -> None:
    text = open_emoji_article(window, tmp_path)
    view = window.article_view
    claims = window.claim_model.claims()
    selections = view.extraSelections()
    assert len(selections) == len(claims) >= 4
    for claim, selection in zip(sorted(claims, key=lambda c: c.start), selections, strict=True):
        assert selection.cursor.selectedText() == text[claim.start : claim.end]
        expected = claim_background(claim.status, view.palette(), selected=False)
        assert selection.format.background().color() == expected


def test_a_status_change_recolours_only_that_claim(window: MainWindow, tmp_path: Path) -> None:
    open_emoji_article(window, tmp_path)
    view = window.article_view
    claim = claim_with(window, "14 unexploded shells")
    before = [s.format.background().color().name() for s in view.extraSelections()]
    assert window.set_status(claim.id, "in_progress")
    after = [s.format.background().color().name() for s in view.extraSelections()]
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1
    shown = view.extraSelections()[changed[0]]
    assert "14 unexploded shells" in shown.cursor.selectedText()


def test_caveats_dismissed_claims_and_the_selected_claim_look_different(qtbot: QtBot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    text = "One claim here. A caveat there. A dismissed one. An orphan."
    base = dict(
        article_id=1, origin="detected", source=None, secondary_source=None, source_refers_to=None,
        cues=(), hedges=(), figures=(), reasons=(), score=0.5, status="verified", anchored=True,
        updated_at=None, notes=(), history=(),
    )  # fmt: skip
    claims = (
        ClaimRecord(id=1, start=0, end=15, text=text[0:15], kind="claim", **base),  # type: ignore[arg-type]
        ClaimRecord(id=2, start=16, end=31, text=text[16:31], kind="caveat", **base),  # type: ignore[arg-type]
        replace(ClaimRecord(id=3, start=32, end=48, text="", kind="claim", **base), dismissed=True),  # type: ignore[arg-type]
        replace(ClaimRecord(id=4, start=49, end=59, text="", kind="claim", **base), anchored=False),  # type: ignore[arg-type]
    )
    view.show_text(text, claims)
    plain, caveat = view.extraSelections()  # neither the dismissed claim nor the orphan
    assert caveat.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert caveat.format.background().style() == Qt.BrushStyle.NoBrush
    assert plain.format.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    before = plain.format.background().color()
    view.select_claim(1)
    selections = view.extraSelections()
    chosen = selections[0].format
    assert chosen.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert chosen.background().color().lightness() < before.lightness()  # stronger
    assert view.highlighted_text() == "One claim here."


def test_hover_shows_status_name_letter_source_and_hedges(window: MainWindow, tmp_path: Path) -> None:
    text = open_emoji_article(window, tmp_path)
    view = window.article_view
    hedged = claim_with(window, "reportedly")
    tip = view.tooltip_at(point_in(view, hedged.start + 5))
    assert "[U] Unreviewed" in tip and "reportedly" in tip and "the article itself" in tip
    window.set_status(claim_with(window, "port authority").id, "in_progress")
    attributed = claim_with(window, "port authority")
    tip = view.tooltip_at(point_in(view, text.index("🌊") + 3))
    assert "[P] In progress" in tip and "the port authority" in tip
    assert view.tooltip_at(point_in(view, text.index("halted"))) == ""  # the title is no claim
    assert claim_tooltip(attributed) == tip


def test_clicking_a_highlight_or_its_margin_letter_selects_the_claim(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_emoji_article(window, tmp_path)
    view = window.article_view
    claim = claim_with(window, "14 unexploded shells")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_in(view, claim.start + 10))
    assert window.current_claim_id() == claim.id
    assert view.highlighted_text() == claim.text
    assert "14 unexploded shells" in window.editor.sentence.text()

    other = claim_with(window, "weather was calm")
    view.viewport().repaint()
    badge = next(rect for rect, claim_id in view._badges if claim_id == other.id)
    assert badge.right() < view.document().rootFrame().frameFormat().leftMargin()  # in the margin
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=badge.center().toPoint())
    assert window.current_claim_id() == other.id


def test_choosing_a_claim_in_the_list_scrolls_the_reader_to_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    filler = "\n\n".join(f"Paragraph {i} 🙂 of background with no attribution at all" for i in range(150))
    path = tmp_path / "long.txt"
    path.write_text(filler + "\n\nThe minister said 40 ferries were cancelled on Friday.\n", encoding="utf-8")
    window.open_file(path)
    view = window.article_view
    claim = claim_with(window, "minister said")
    window.choose_claim(claim.id)
    assert view.highlighted_text() == "The minister said 40 ferries were cancelled on Friday."
    rect = view.cursorRect(view._cursor(claim.start, claim.start))
    assert 0 <= rect.top() < view.viewport().height()


def test_reveal_scrolls_to_and_selects_a_range(window: MainWindow, tmp_path: Path) -> None:
    filler = "\n\n".join(f"Paragraph {i} 🙂 of quiet background" for i in range(200))
    path = tmp_path / "long.txt"
    text = filler + "\n\nThe needle 🪡 is here.\n"
    path.write_text(text, encoding="utf-8")
    window.open_file(path)
    view = window.article_view
    start = text.index("needle")
    view.reveal(start, start + len("needle 🪡"))
    assert view.textCursor().selectedText() == "needle 🪡"
    rect = view.cursorRect(view.textCursor())
    assert 0 <= rect.top() < view.viewport().height()
    assert view.verticalScrollBar().value() > 0


def test_zoom_changes_the_font_size_and_is_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_emoji_article(window, tmp_path)
    view = window.article_view
    size = view.point_size()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size() == size + 2
    assert view.document().defaultFont().pointSizeF() == size + 2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size() == size + 1
    assert "Zoom &in" in [a.text() for a in window.view_menu.actions()]

    wheel = QWheelEvent(
        QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)  # Ctrl+wheel zooms too, and is remembered
    assert view.point_size() == size + 2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    later = ArticleView()  # a new window, say after a restart, reads the size back
    qtbot.addWidget(later)
    assert later.point_size() == size + 1
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.point_size() == size == ArticleView().point_size()
