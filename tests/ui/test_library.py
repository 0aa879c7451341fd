"""The library pane in the window: rows, status bars, sort, filters, rename, trash with undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLineEdit, QMessageBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.domain.statuses import status as status_info
from app.services import articles, claims, library
from app.storage.database import Database
from app.ui.library.library_pane import CLAIMS, STATUS_BAR, TITLE, StatusBarDelegate
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard


def _import(window: MainWindow, path: Path) -> int:
    assert window.open_file(path)
    assert window.article is not None
    return window.article.id


def _second_article(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text("Bridge costs\n\nThe mayor said the bridge cost 40 million euros.\n", encoding="utf-8")
    return path


def test_opened_files_show_in_the_library_first_pane(
    window: MainWindow, article_file: Path, qtbot: QtBot
) -> None:
    article_id = _import(window, article_file)
    assert window.splitter.widget(0) is window.library.column
    pane = window.library.pane
    assert pane.article_ids() == [article_id]
    index = pane.proxy.index(0, CLAIMS)
    assert index.data() == ""  # counts are read lazily, on the next turn of the event loop
    qtbot.waitUntil(lambda: index.data() == str(len(window.article.claims)))  # type: ignore[union-attr]
    assert pane.table.currentIndex().row() == 0  # the opened article is selected


def test_status_bar_paints_colours_and_letters(window: MainWindow, article_file: Path, qtbot: QtBot) -> None:
    article_id = _import(window, article_file)
    claim = window.article.claims[0]  # type: ignore[union-attr]
    assert window.set_status(claim.id, "in_progress")
    pane = window.library.pane
    entry = pane.model.entry_at(pane.model.row_of(article_id) or 0)
    assert dict(entry.statuses)["in_progress"] == 1  # the row followed the status change
    image = QImage(200, 24, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    option = QStyleOptionViewItem()
    option.rect = image.rect()  # type: ignore[attr-defined]
    painter = QPainter(image)
    StatusBarDelegate().paint(painter, option, pane.proxy.index(0, STATUS_BAR))
    painter.end()
    colours = {image.pixelColor(x, 12).name() for x in range(0, 200, 2)}
    assert status_info("unreviewed").colour in colours and status_info("in_progress").colour in colours
    tooltip = pane.proxy.index(0, STATUS_BAR).data(Qt.ItemDataRole.ToolTipRole)
    assert "P  In progress: 1" in tooltip


def test_sort_by_claims_and_filter_titles(window: MainWindow, article_file: Path, tmp_path: Path) -> None:
    first = _import(window, article_file)
    second = _import(window, _second_article(tmp_path))
    pane = window.library.pane
    pane.table.sortByColumn(CLAIMS, Qt.SortOrder.DescendingOrder)
    assert pane.article_ids() == [first, second]
    pane.table.sortByColumn(CLAIMS, Qt.SortOrder.AscendingOrder)
    assert pane.article_ids() == [second, first]
    pane.title_filter.setText("BRIDGE")
    assert pane.article_ids() == [second]


def test_status_filter(window: MainWindow, article_file: Path, tmp_path: Path) -> None:
    first = _import(window, article_file)
    _import(window, _second_article(tmp_path))
    claims.set_status(window.db, articles.load_article(window.db, first).claims[0].id, "in_progress")
    pane = window.library.pane
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("in_progress"))
    assert pane.article_ids() == [first]


def test_f2_renames_in_place(window: MainWindow, article_file: Path, qtbot: QtBot) -> None:
    article_id = _import(window, article_file)
    pane = window.library.pane
    pane.table.setFocus()
    pane.table.setCurrentIndex(pane.proxy.index(0, TITLE))
    qtbot.keyClick(pane.table, Qt.Key.Key_F2)
    (editor,) = pane.table.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Renamed story")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on its next turn of the event loop
    qtbot.waitUntil(lambda: articles.load_article(window.db, article_id).title == "Renamed story")
    assert pane.proxy.index(0, TITLE).data() == "Renamed story"


def test_empty_title_is_refused(window: MainWindow, article_file: Path, errors: list[str]) -> None:
    _import(window, article_file)
    pane = window.library.pane
    assert not pane.model.setData(pane.model.index(0, TITLE), "   ")
    assert errors == ["An article needs a title"]


def test_delete_moves_to_trash_and_undo_brings_it_back(window: MainWindow, article_file: Path) -> None:
    article_id = _import(window, article_file)
    pane = window.library.pane
    pane.table.selectRow(0)
    pane.delete_action.trigger()
    assert pane.article_ids() == []
    window.actions.stack.undo()
    assert pane.article_ids() == [article_id]
    window.actions.stack.redo()
    assert pane.article_ids() == []
    pane.show_trash(True)
    assert pane.article_ids() == [article_id] and pane.restore_button.isVisibleTo(pane)
    pane.table.selectRow(0)
    pane.restore_button.click()
    assert pane.article_ids() == []
    pane.show_trash(False)
    assert pane.article_ids() == [article_id]


def test_activating_a_row_opens_the_article(
    window: MainWindow, article_file: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    first = _import(window, article_file)
    _import(window, _second_article(tmp_path))
    pane = window.library.pane
    row = pane.article_ids().index(first)
    rect = pane.table.visualRect(pane.proxy.index(row, TITLE))
    qtbot.mousePress(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a real
    qtbot.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # mouse does
    assert window.article is not None and window.article.id == first


def test_an_existing_library_loads_after_the_first_paint(
    db: Database, article_file: Path, qtbot: QtBot
) -> None:
    articles.import_path(db, article_file)
    win = MainWindow(db)
    qtbot.addWidget(win)
    assert win.library.pane.row_count() == 0  # nothing read before the window is up
    win.show()
    qtbot.waitUntil(lambda: win.library.pane.row_count() == 1)


def test_emptying_the_trash_asks_first(window: MainWindow, article_file: Path, dialogs: DialogGuard) -> None:
    _import(window, article_file)
    pane = window.library.pane
    pane.trash(pane.article_ids())
    pane.show_trash(True)
    asked = dialogs.expect(
        "QMessageBox.question", QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes
    )
    pane.empty_button.click()
    assert pane.row_count() == 1  # cancelled: still there
    pane.empty_button.click()
    assert pane.row_count() == 0 and library.list_library(window.db) == []
    assert len(asked) == 2
