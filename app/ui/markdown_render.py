"""Markdown notes as safe HTML, and a text browser that never fetches anything.

Notes are written by the journalist but may hold pasted material: raw HTML in them is shown as
text, images become a line naming them, and no link or resource is ever loaded (the offline promise).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # loaded when the first note is shown, not at start-up

    # commonmark plus tables and strikethrough; html=False escapes any raw HTML in the source.
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(["table", "strikethrough"])
    parser.add_render_rule("image", _image_as_text)
    return parser


def _image_as_text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """An image is named, not shown: showing it would mean loading it."""
    token = tokens[idx]
    return (
        f"<span style='color:gray'>[image: {escape(token.content or 'untitled')} — "
        f"{escape(str(token.attrGet('src') or ''))}]</span>"
    )


@lru_cache(maxsize=4096)  # notes never change once written; moving between claims re-shows them
def render_markdown(text: str) -> str:
    """HTML for a note written in Markdown; raw HTML in `text` comes out escaped."""
    return str(_parser().render(text))


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
        self.setHtml(html)
        return True

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Answer every request with a blank; a null answer would make Qt read local files itself."""
        self.refused.append(name.toString() if isinstance(name, QUrl) else name)
        if type == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(Qt.GlobalColor.transparent)
            return blank
        return QByteArray(b" ")
