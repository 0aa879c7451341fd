"""Start the GUI: the application object, the database, the first article, the window.

Two windows on one database are allowed (say, one per virtual desktop): WAL lets both read while
one writes, every write is a short transaction, and one that waits longer than the busy timeout
becomes a message, never a crash. So there is no single-instance lock to go stale after a crash.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import database_path
from app.errors import ClaimdeskError

if TYPE_CHECKING:
    from app.services.safety import DatabaseSetAsideError
    from app.storage.database import Database

RESTORE, EMPTY, QUIT = "restore", "empty", "quit"


class _QuitAfterFirstPaint(QObject):
    """For start-up measurements: quit as soon as the window has been painted once."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def run_gui(db_override: str | None, file: str | None) -> int:
    from app.services import articles
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Claimdesk")
    app.setOrganizationName("Claimdesk")
    try:
        db = open_or_recover(database_path(db_override), ask_about_damage)
    except ClaimdeskError as error:
        QMessageBox.critical(None, "Claimdesk cannot open its database", str(error))
        return 1
    if db is None:
        return 1
    window = MainWindow(db)
    opened = bool(file) and window.open_file(file or "")
    if not opened:
        article_id = window.guarded(lambda: articles.article_to_open(db))
        if article_id is not None:
            window.open_article(article_id)
    if os.environ.get("CLAIMDESK_QUIT_AFTER_FIRST_PAINT"):
        probe = _QuitAfterFirstPaint(window)
        window.installEventFilter(probe)
    window.show()
    code = app.exec()
    db.close()
    return code


def open_or_recover(path: Path, ask: Callable[[DatabaseSetAsideError], str]) -> Database | None:
    """Open after the integrity check; if the file was damaged (and set aside), ask what to do.

    `ask` answers RESTORE (the newest good backup), EMPTY (a new library) or QUIT (None).
    """
    from app.services import safety

    try:
        return safety.open_checked(path)
    except safety.DatabaseSetAsideError as damaged:
        choice = ask(damaged)
        if choice == QUIT:
            return None
        if choice == RESTORE and damaged.backup is not None:
            safety.restore(path, damaged.backup)
        return safety.open_checked(path)


def ask_about_damage(damaged: DatabaseSetAsideError) -> str:
    box = QMessageBox(QMessageBox.Icon.Warning, "Claimdesk: the library is damaged", str(damaged))
    box.setInformativeText("The damaged file is kept as it was; nothing in it was deleted.")
    restore = box.addButton("Restore newest backup", QMessageBox.ButtonRole.AcceptRole)
    restore.setEnabled(damaged.backup is not None)
    empty = box.addButton("Start with an empty library", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if damaged.backup is not None else empty)
    box.exec()
    clicked = box.clickedButton()
    return RESTORE if clicked is restore else EMPTY if clicked is empty else QUIT
