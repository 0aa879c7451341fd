"""macOS "Open With" while Claimdesk runs: Finder sends the file to the application, not as an argument.

The bundle's argv emulation (packaging/claimdesk.spec) turns the file that *starts* the app into a
command-line argument; a file opened later arrives as a QFileOpenEvent on the QApplication. It is
handed to the same place as a file from a second start (app/ui/application.py, `come_forward`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenEvents(QObject):
    """Watches the application for file-open events and calls `open_file` with each local path."""

    def __init__(self, app: QObject, open_file: Callable[[str], object]) -> None:
        super().__init__(app)
        self.open_file = open_file
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                self.open_file(path)
                return True
        return False
