"""The article's text size (View > Zoom in / out / Actual size) reaches the panels beside it.

The reader keeps its own point size (app/ui/reader/article_view.py); the panels follow it in
proportion: at the reader's usual size they have the desktop's font, at twice that size twice the
desktop's. One follower watches the reader's font and sets the panels' size, which their children
(the claims list, the editor's fields and labels) inherit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.reader.article_view import DEFAULT_POINT_SIZE


def panel_point_size(reader_size: float) -> float:
    """The panels' point size when the reader's is `reader_size`."""
    return QApplication.font().pointSizeF() * reader_size / DEFAULT_POINT_SIZE


class TextSizeFollower(QObject):
    """Sets `panel`'s point size from `reader`'s at every font change of the reader (and at once)."""

    def __init__(self, reader: QWidget, panel: QWidget) -> None:
        super().__init__(panel)
        self._reader = reader
        self._panel = panel
        reader.installEventFilter(self)
        self.follow()

    def follow(self) -> None:
        size = panel_point_size(self._reader.font().pointSizeF())
        if abs(self._panel.font().pointSizeF() - size) < 0.01:
            return
        font = QFont()  # the size alone: family and the rest still come from the desktop
        font.setPointSizeF(size)
        self._panel.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._reader and event.type() == QEvent.Type.FontChange:
            self.follow()
        return False
