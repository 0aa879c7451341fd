"""The library by keyboard and context menu: Tab leaves it, F6 cycles the panes, Delete offers undo;
and an empty library says what to do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.services import library
from app.ui.library.library_pane import TITLE
from app.ui.main_window import MainWindow
from tests.ui.test_main_window import click_claim


def _two_articles(window: MainWindow, article_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "bridge.txt"
    other.write_text("Bridge costs rise\n\nThe mayor said the bridge cost 40 million euros.\n", "utf-8")
    assert window.open_file(other) and window.open_file(article_file)
    window.library.pane.refresh()


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    """Window shortcuts (F6, Delete) work in the active window: make it so, as a click would."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _select_first_row(table: QTableView) -> None:
    """As a click on the first row (selectRow would honour a modifier an earlier key test left)."""
    rows = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(table.model().index(0, TITLE), rows)


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_tab_leaves_the_library_table(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    _two_articles(window, article_file, tmp_path)
    table = window.library.pane.table
    table.setFocus()
    table.setCurrentIndex(window.library.pane.proxy.index(0, TITLE))
    qtbot.waitUntil(lambda: _focused() is table)
    presses = 0
    while _focused() is table and presses < 3:
        qtbot.keyClick(_focused() or table, Qt.Key.Key_Tab)
        presses += 1
    assert _focused() is not table, "Tab stayed in the library table"
    assert presses == 1
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the arrows still move between rows
    assert table.currentIndex().row() == 1


def test_f6_cycles_library_article_claims_editor_and_back(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    _two_articles(window, article_file, tmp_path)
    click_claim(qtbot, window, 0)
    _activate(qtbot, window)
    table = window.library.pane.table
    table.setFocus()
    qtbot.waitUntil(lambda: _focused() is table)
    order = []
    for _ in range(5):
        qtbot.keyClick(_focused() or window, Qt.Key.Key_F6)
        focused = _focused()
        assert focused is not None
        if focused is window.article_view or window.article_view.isAncestorOf(focused):
            order.append("article")
        elif focused is window.claim_list:
            order.append("claims")
        elif window.editor.isAncestorOf(focused):
            order.append("editor")
        elif focused is table:
            order.append("library")
        else:
            order.append(type(focused).__name__)
    assert order == ["article", "claims", "editor", "library", "article"]
    qtbot.keyClick(_focused() or window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert _focused() is table
    qtbot.keyClick(table, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    focused = _focused()
    assert focused is not None and window.editor.isAncestorOf(focused)


def test_f6_skips_a_hidden_library(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    window.open_file(article_file)
    window.show_library_action.setChecked(False)
    window.claim_list.setFocus()
    qtbot.waitUntil(lambda: _focused() is window.claim_list)
    window.cycle_focus(1)
    window.cycle_focus(1)
    assert _focused() is window.article_view


def test_the_library_context_menu(window: MainWindow, article_file: Path, tmp_path: Path) -> None:
    _two_articles(window, article_file, tmp_path)
    pane = window.library.pane
    menu = pane.context_menu(pane.proxy.index(1, TITLE))
    assert menu is not None
    labels = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert labels == ["Open", "Properties…", "Rename", "Move to trash", "Show in folder"]
    shown = {a.text().replace("&", ""): a for a in menu.actions()}
    assert not shown["Show in folder"].isEnabled()  # a file imported from disk keeps no copy here
    wanted = pane.article_ids()[1]
    shown["Open"].trigger()
    assert window.article is not None and window.article.id == wanted
    shown["Properties…"].trigger()
    from app.ui.dialogs.properties_dialog import PropertiesDialog

    dialog = window.findChild(PropertiesDialog)
    assert dialog is not None and dialog.isVisible() and dialog.article_id == wanted
    dialog.reject()
    shown["Move to trash"].trigger()
    assert wanted not in pane.article_ids() and window.article is None
    pane.show_trash(True)
    trash_menu = pane.context_menu(pane.proxy.index(0, TITLE))
    assert trash_menu is not None and [a.text() for a in trash_menu.actions()] == ["&Restore"]
    assert pane.context_menu(pane.proxy.index(5, TITLE)) is None  # below the rows: no menu


def test_delete_moves_to_trash_with_an_undo_bar(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    _two_articles(window, article_file, tmp_path)
    pane = window.library.pane
    gone = pane.article_ids()[0]
    _activate(qtbot, window)
    pane.table.setFocus()
    qtbot.waitUntil(lambda: _focused() is pane.table)
    _select_first_row(pane.table)
    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert gone not in pane.article_ids()
    assert pane.undo_bar.isVisible() and "to the trash" in pane.undo_bar.label.text()
    qtbot.mouseClick(pane.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert gone in pane.article_ids() and not pane.undo_bar.isVisible()
    pane.table.selectRow(pane.article_ids().index(gone))
    pane.trash_selected()
    assert pane.undo_bar.isVisible()
    window.actions.stack.undo()  # Ctrl+Z does the same, and the bar goes
    assert gone in pane.article_ids() and not pane.undo_bar.isVisible()


def test_the_empty_library_says_what_to_do_and_offers_the_sample(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    window.open_file(article_file)
    pane = window.library.pane
    pane.refresh()
    assert not pane.is_empty_page_shown()
    library.move_to_trash(window.db, pane.article_ids())
    pane.refresh()
    assert pane.is_empty_page_shown() and pane.empty_page.isVisible()
    assert "drag files" in pane.empty_page.text.text()
    pane.show_trash(True)
    assert not pane.is_empty_page_shown()  # the trash has the article: a table
    pane.show_trash(False)
    qtbot.mouseClick(pane.empty_page.sample_button, Qt.MouseButton.LeftButton)
    assert window.article is not None and "sample" in (window.article.filename or "")
    assert pane.row_count() == 1 and not pane.is_empty_page_shown()


def test_a_filter_with_no_match_is_not_the_empty_library(window: MainWindow, article_file: Path) -> None:
    window.open_file(article_file)
    pane = window.library.pane
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("false"))
    assert pane.row_count() == 0 and not pane.is_empty_page_shown()


def test_a_refresh_keeps_the_rows_selected(window: MainWindow, article_file: Path, tmp_path: Path) -> None:
    """Coming back to the window refreshes the library; a selection made for Delete stays."""
    _two_articles(window, article_file, tmp_path)
    pane = window.library.pane
    _select_first_row(pane.table)
    chosen = pane.selected_ids()
    assert len(chosen) == 1
    pane.refresh()
    assert pane.selected_ids() == chosen and pane.table.currentIndex().row() == 0


def test_the_undo_bar_shows_a_title_as_plain_text(qtbot: QtBot) -> None:
    from PySide6.QtGui import QUndoCommand, QUndoStack

    from app.ui.library.undo_bar import UndoBar

    bar = UndoBar(QUndoStack())
    qtbot.addWidget(bar)
    bar.offer("Moved “<img src='http://x.invalid/a.png'><b>Bold</b>” to the trash", QUndoCommand())
    assert bar.label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Bold</b>" in bar.label.text()
