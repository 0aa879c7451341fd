"""Article > Properties and F2 in the library: a new title shows everywhere at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.services import articles, search
from app.ui.dialogs.properties_dialog import PropertiesDialog
from app.ui.library.library_pane import OUTLET, TITLE
from app.ui.main_window import MainWindow

OK = QDialogButtonBox.StandardButton.Ok


def _open(window: MainWindow, path: Path) -> int:
    assert window.open_file(path)
    assert window.article is not None
    return window.article.id


def _dialog(window: MainWindow) -> PropertiesDialog:
    dialog = window.properties_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_properties_edit_updates_heading_window_title_library_and_search(
    window: MainWindow, article_file: Path, qtbot: QtBot
) -> None:
    article_id = _open(window, article_file)
    unset = replace(articles.article_properties(window.db, article_id), language=None)
    articles.save_properties(window.db, article_id, unset)  # as an article imported before 0010
    window.library.pane.refresh()
    dialog = _dialog(window)
    assert dialog.title.text() == "Harbour dredging halted after survey"
    assert dialog.language.currentData() == "en"  # not set yet: the detector's guess, said to be one
    assert dialog.language_note.isVisibleTo(dialog)
    dialog.title.setText("Survey finds shells under the quay")
    dialog.outlet.setText("Coast Gazette")
    dialog.byline.setText("Ann Lee")
    dialog.published.setText("2026-03-02")
    dialog.url.setText("https://news.example/quay")
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert window.windowTitle() == "Survey finds shells under the quay — Claimdesk"
    heading = window.article_heading.text()
    assert all(part in heading for part in ("Survey finds shells under the quay", "Ann Lee", "2026-03-02"))
    pane = window.library.pane
    row = pane.article_ids().index(article_id)
    assert pane.proxy.index(row, TITLE).data() == "Survey finds shells under the quay"
    assert pane.proxy.index(row, OUTLET).data() == "Coast Gazette"
    assert pane.outlet_filter.findData("Coast Gazette") >= 0
    assert any(h.article_id == article_id for h in search.search(window.db, "quay"))
    stored = articles.article_properties(window.db, article_id)
    assert stored.language == "uk" and stored.source_url == "https://news.example/quay"


def test_other_language_and_cancel(window: MainWindow, article_file: Path) -> None:
    article_id = _open(window, article_file)
    dialog = _dialog(window)
    dialog.language.setCurrentIndex(dialog.language.findData("__other__"))
    assert dialog.other_language.isVisibleTo(dialog)
    dialog.other_language.setText("PL")
    dialog.title.setText("Not saved")
    dialog.reject()
    assert articles.article_properties(window.db, article_id).title == "Harbour dredging halted after survey"
    dialog = _dialog(window)
    dialog.language.setCurrentIndex(dialog.language.findData("__other__"))
    dialog.other_language.setText("PL")
    dialog.save()
    assert articles.article_properties(window.db, article_id).language == "pl"
    again = _dialog(window)
    assert again.language.currentData() == "__other__" and again.other_language.text() == "pl"
    assert not again.language_note.isVisibleTo(again)  # set: no guess offered


def test_a_blank_title_keeps_the_dialog_open(window: MainWindow, article_file: Path) -> None:
    _open(window, article_file)
    dialog = _dialog(window)
    dialog.title.setText("   ")
    assert not dialog.buttons.button(OK).isEnabled()


def test_f2_rename_in_the_library_updates_heading_and_window_title(
    window: MainWindow, article_file: Path, qtbot: QtBot
) -> None:
    _open(window, article_file)
    pane = window.library.pane
    pane.table.setFocus()
    pane.table.setCurrentIndex(pane.proxy.index(0, TITLE))
    qtbot.keyClick(pane.table, Qt.Key.Key_F2)
    (editor,) = pane.table.viewport().findChildren(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Renamed story")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.windowTitle() == "Renamed story — Claimdesk")
    assert "Renamed story" in window.article_heading.text()
    assert window.article is not None and window.article.title == "Renamed story"


def test_renaming_another_article_leaves_the_shown_one_alone(
    window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "bridge.txt"
    other.write_text("Bridge costs rise\n\nThe mayor said the bridge cost 40 million.\n", encoding="utf-8")
    first = _open(window, other)
    _open(window, article_file)
    assert window.library.pane.rename(first, "Bridge story")
    assert window.windowTitle() == "Harbour dredging halted after survey — Claimdesk"
