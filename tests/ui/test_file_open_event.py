"""macOS "Open With" on a running Claimdesk: the QFileOpenEvent Finder sends opens the file."""

from __future__ import annotations

import inspect
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui import application
from app.ui.file_open_events import FileOpenEvents
from app.ui.main_window import MainWindow


def test_a_file_open_event_imports_and_shows_the_file(
    window: MainWindow, article_file: Path, qtbot: QtBot
) -> None:
    app = QApplication.instance()
    assert app is not None
    watcher = FileOpenEvents(app, lambda file: application.come_forward(window, file))
    try:
        QApplication.postEvent(app, QFileOpenEvent(str(article_file)))
        qtbot.waitUntil(
            lambda: window.article is not None and window.article.filename == article_file.name,
            timeout=60_000,
        )
    finally:
        app.removeEventFilter(watcher)
    assert window.article is not None and "Harbour dredging halted" in window.article.text
    assert window.library.pane.row_count() == 1


def test_an_event_without_a_local_file_is_left_alone(qapp: QApplication) -> None:
    opened: list[str] = []
    watcher = FileOpenEvents(qapp, opened.append)
    try:
        web = QFileOpenEvent(QUrl("https://example.org/story"))
        assert not watcher.eventFilter(qapp, web)
        local = QFileOpenEvent(QUrl.fromLocalFile("/tmp/story.html"))
        assert watcher.eventFilter(qapp, local)
    finally:
        qapp.removeEventFilter(watcher)
    assert opened == ["/tmp/story.html"]


def test_the_gui_listens_for_file_open_events() -> None:
    assert "FileOpenEvents(app, lambda file: come_forward(window, file))" in inspect.getsource(
        application.run_gui
    )
