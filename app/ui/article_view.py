"""The article text, read-only, with every claim highlighted in its status's colour."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from app.domain.statuses import status
from app.storage.records import ClaimRecord


class Utf16Positions:
    """Python offsets count code points; Qt's text positions count UTF-16 units. Map one to the other."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def __call__(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)


class ArticleView(QPlainTextEdit):
    """Plain text keeps offsets exact: a character here is a character in the stored text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setObjectName("articleView")
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) + 1.5)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self._claims: tuple[ClaimRecord, ...] = ()
        self._selected: int | None = None
        self._qt = Utf16Positions("")

    def show_text(self, text: str, claims: tuple[ClaimRecord, ...]) -> None:
        self.setPlainText(text)
        self._qt = Utf16Positions(text)
        self._claims = claims
        self._selected = None
        self._paint()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def update_claims(self, claims: tuple[ClaimRecord, ...]) -> None:
        self._claims = claims
        self._paint()

    def select_claim(self, claim_id: int | None) -> None:
        """Highlight one claim strongly and scroll it into view."""
        self._selected = claim_id
        self._paint()
        claim = next((c for c in self._claims if c.id == claim_id), None)
        if claim is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._qt(claim.end), self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        cursor.setPosition(self._qt(claim.start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def _paint(self) -> None:
        selections = []
        for claim in self._claims:
            colour = QColor(status(claim.status).colour)
            chosen = claim.id == self._selected
            colour.setAlpha(110 if chosen else 45)
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            if chosen:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(status(claim.status).colour))
            if claim.kind == "caveat":
                fmt.setFontItalic(True)
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._qt(claim.start))
            cursor.setPosition(self._qt(claim.end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        self.setExtraSelections(selections)

    def highlighted_text(self) -> str:
        """The text under the strong highlight, read back from Qt's document (what the user sees)."""
        claim = next((c for c in self._claims if c.id == self._selected), None)
        if claim is None:
            return ""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._qt(claim.start))
        cursor.setPosition(self._qt(claim.end), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")
