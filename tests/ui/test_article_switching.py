"""Switching article starts afresh; a trashed article closes; status keys never reach a gone claim."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard
from tests.ui.test_main_window import click_claim


def _long_article(tmp_path: Path) -> Path:
    path = tmp_path / "buses.txt"
    path.write_text(
        "Bus strike ends\n\n"
        + "\n\n".join(f"The mayor said {i + 2} buses were late on Monday, aides said." for i in range(60)),
        encoding="utf-8",
    )
    return path


def test_switching_article_resets_list_reader_and_editor(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    long = _long_article(tmp_path)
    window.open_file(long)
    click_claim(qtbot, window, 40)
    scrollbar = window.article_view.verticalScrollBar()
    qtbot.waitUntil(lambda: scrollbar.value() > 0)
    assert window.current_claim_id() is not None and window.editor.tabs.isEnabled()

    window.open_file(article_file)
    assert window.current_claim_id() is None
    assert window.claim_list.selectionModel().selectedRows() == []
    assert window.article_view.highlighted_text() == ""
    assert not window.editor.tabs.isEnabled() and "Choose a claim" in window.editor.sentence.text()

    window.open_file(long)  # back again: still nothing carried over, and the text at its top
    assert window.current_claim_id() is None
    assert window.article_view.highlighted_text() == ""
    assert scrollbar.value() == 0


def test_reopening_the_same_article_keeps_the_claim(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    window.open_file(article_file)
    click_claim(qtbot, window, 1)
    chosen = window.current_claim_id()
    assert window.article is not None
    window.open_article(window.article.id)  # the same article again (a search hit in it, say)
    assert window.current_claim_id() == chosen


def test_a_trashed_article_that_is_open_closes(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    window.open_file(article_file)
    click_claim(qtbot, window, 0)
    pane = window.library.pane
    pane.refresh()
    pane.table.selectRow(0)
    pane.delete_action.trigger()
    assert window.article is None
    assert window.claim_model.rowCount() == 0 and window.article_view.toPlainText() == ""
    assert window.windowTitle() == "Claimdesk" and window.article_heading.text() == ""
    assert not window.properties_action.isEnabled()
    assert "moved to the trash" in window.statusBar().currentMessage()


def test_no_status_key_reaches_a_claim_gone_with_the_emptied_trash(
    qtbot: QtBot, window: MainWindow, article_file: Path, dialogs: DialogGuard
) -> None:
    window.open_file(article_file)
    click_claim(qtbot, window, 1)
    pane = window.library.pane
    pane.refresh()
    pane.trash(pane.article_ids())
    pane.empty_trash()
    window.claim_list.setFocus()
    for key in (Qt.Key.Key_2, Qt.Key.Key_7, Qt.Key.Key_J):
        qtbot.keyClick(window.claim_list, key)
    assert "There is no claim" not in window.statusBar().currentMessage()
    assert dialogs.shown == []  # no warning, no reason prompt


def test_an_article_trashed_in_another_window_closes_here(
    window: MainWindow, article_file: Path
) -> None:
    from app.services import library

    window.open_file(article_file)
    assert window.article is not None
    library.move_to_trash(window.db, [window.article.id])
    window.reload_outside_changes()
    assert window.article is None and window.claim_model.rowCount() == 0
