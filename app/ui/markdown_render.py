"""A text browser that never fetches anything, and the notes' Markdown it shows.

Markdown becomes HTML in one place, `app.export.markdown_html`, shared with the memo: raw HTML in
a note is shown as text, images become a line naming them, and no link or resource is ever loaded
here (the offline promise).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.export.markdown_html import render_markdown
from app.ui.theme import secondary_text

__all__ = ["OfflineTextBrowser", "render_markdown"]


class OfflineTextBrowser(QTextBrowser):
    """A QTextBrowser that follows no link and loads no resource (images, stylesheets) by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # long URLs and fingerprints have no spaces: break them rather than scroll sideways
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.refused: list[str] = []  # resources the document asked for, never loaded
        self._shown = ""

    def show_html(self, html: str) -> bool:
        """Set the document unless it already shows exactly this (a reload after an unrelated change).

        Returns whether anything changed."""
        if html == self._shown and not self.document().isEmpty():
            return False
        self._shown = html
        self._render()
        return True

    def _render(self) -> None:
        # 'class="muted"' is what is said in passing, in the theme's own readable grey
        grey = secondary_text(self.palette()).name()
        self.document().setDefaultStyleSheet(f".muted {{ color: {grey}; }}")
        self.setHtml(self._shown)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown:
            self._render()  # a theme switched while shown: the grey follows it

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Answer every request with a blank; a null answer would make Qt read local files itself."""
        self.refused.append(name.toString() if isinstance(name, QUrl) else name)
        if type == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(Qt.GlobalColor.transparent)
            return blank
        return QByteArray(b" ")
