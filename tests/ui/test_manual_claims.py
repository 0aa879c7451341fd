"""Manual claims from the reader: select text, Ctrl+Enter or the context menu; adjust a claim's span."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.services import articles
from app.ui.main_window import MainWindow
from app.ui.reader.article_view import Utf16Positions
from tests.ui.test_article_view import claim_with, open_emoji_article


def select(window: MainWindow, start: int, end: int) -> None:
    """Select code points start..end in the reader, as a drag of the mouse would."""
    view = window.article_view
    to_qt = Utf16Positions(view.toPlainText())
    cursor = QTextCursor(view.document())
    cursor.setPosition(to_qt(start))
    cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def stored(window: MainWindow) -> dict[int, tuple[int, int, str, str]]:
    assert window.article is not None
    record = articles.load_article(window.db, window.article.id)
    return {c.id: (c.start, c.end, c.text, c.origin) for c in record.claims}


def test_ctrl_enter_adds_a_manual_claim_with_exact_offsets_after_emoji(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    text = open_emoji_article(window, tmp_path)
    before = stored(window)
    start = text.index("dredging halted")  # after 🚢, a character of two UTF-16 units
    end = start + len("dredging halted")
    select(window, start, end + 1)  # a trailing space in the selection is left out
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    after = stored(window)
    new = set(after) - set(before)
    assert len(new) == 1, errors
    claim_id = new.pop()
    assert after[claim_id] == (start, end, "dredging halted", "manual")
    assert window.current_claim_id() == claim_id  # the new claim is chosen in the panel ...
    assert view.highlighted_text() == "dredging halted"  # ... and emphasised in the text
    assert "added by hand" in view.tooltip_at(view.cursorRect(view._cursor(start + 2, start + 2)).center())
    assert errors == []


def test_ctrl_enter_without_a_selection_adds_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_emoji_article(window, tmp_path)
    before = stored(window)
    view = window.article_view
    view.setFocus()
    assert not view.add_claim_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == before


def test_context_menu_adds_a_claim_and_undo_takes_it_back(window: MainWindow, tmp_path: Path) -> None:
    text = open_emoji_article(window, tmp_path)
    before = stored(window)
    start = text.index("14 unexploded shells 💣")
    end = start + len("14 unexploded shells 💣")
    select(window, start, end)
    menu = window.article_view.context_menu(QPoint(10, 10))
    add = next(a for a in menu.actions() if a.text() == "&Add claim from selection")
    assert add.isEnabled()
    add.trigger()
    after = stored(window)
    (claim_id,) = set(after) - set(before)
    assert after[claim_id] == (start, end, "14 unexploded shells 💣", "manual")
    window.undo_action.trigger()
    assert stored(window) == before
    assert len(window.article_view.extraSelections()) == len(before)


def test_set_span_of_the_selected_claim_to_the_selection(window: MainWindow, tmp_path: Path) -> None:
    text = open_emoji_article(window, tmp_path)
    claim = claim_with(window, "14 unexploded shells")
    view = window.article_view
    menu = view.context_menu(QPoint(10, 10))
    set_span = next(a for a in menu.actions() if a.text().startswith("Set &span"))
    assert not set_span.isEnabled()  # no claim chosen, no selection
    window.choose_claim(claim.id)
    start = text.index("the survey found")
    end = text.index(" on the seabed")
    select(window, start, end)
    menu = view.context_menu(QPoint(10, 10))
    set_span = next(a for a in menu.actions() if a.text().startswith("Set &span"))
    assert set_span.isEnabled()
    set_span.trigger()
    assert stored(window)[claim.id][:3] == (start, end, "the survey found 14 unexploded shells 💣")
    assert view.highlighted_text() == "the survey found 14 unexploded shells 💣"
    window.undo_action.trigger()
    assert stored(window)[claim.id][:2] == (claim.start, claim.end)
    assert view.highlighted_text() == claim.text


def test_a_claim_can_be_marked_with_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    text = open_emoji_article(window, tmp_path)
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_span() == (0, text.index("\n"))
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)  # the keypad's Enter too
    title = next(c for c in stored(window).values() if c[3] == "manual")
    assert title == (0, text.index("\n"), "Harbour 🚢 dredging halted after survey", "manual")
