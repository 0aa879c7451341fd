"""Start the GUI: the application object, the database, the first article, the window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import database_path
from app.errors import ClaimdeskError


class _QuitAfterFirstPaint(QObject):
    """For start-up measurements: quit as soon as the window has been painted once."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def run_gui(db_override: str | None, file: str | None) -> int:
    from app.services import articles
    from app.storage.database import open_database
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Claimdesk")
    app.setOrganizationName("Claimdesk")
    try:
        db = open_database(database_path(db_override))
    except ClaimdeskError as error:
        QMessageBox.critical(None, "Claimdesk cannot open its database", str(error))
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
