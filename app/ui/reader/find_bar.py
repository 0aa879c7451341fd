"""Find in the article (Ctrl+F): a slim bar above the text, incremental, "3 of 12", Esc closes."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.ui.translation import translate

Span = tuple[int, int]


def find_all(text: str, query: str) -> list[Span]:
    """Every occurrence of `query`, ignoring case, as Python offsets into `text`.

    A regular expression rather than `text.lower().find` because lowering can change a string's
    length (İ becomes two code points), which would shift every offset after it.
    """
    if not query:
        return []
    return [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


class _QueryInput(QLineEdit):
    """Enter and Shift+Enter step through the matches without leaving the field."""

    stepped = Signal(int)  # +1 next, -1 previous

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.stepped.emit(-1 if shift else 1)
            return
        super().keyPressEvent(event)


class FindBar(QFrame):
    """Holds the query, the matches and which one is current; the article view paints them."""

    matchesChanged = Signal()  # matches or the current one changed: repaint and scroll
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.matches: list[Span] = []
        self.current = -1
        self.origin = 0  # where reading is: the first match from here on becomes current
        self._text = ""
        self.input = _QueryInput(placeholderText=translate("FindBar", "Find in article"))
        self.input.setClearButtonEnabled(True)
        self.input.setMinimumWidth(200)
        self.input.textChanged.connect(self._search)
        self.input.stepped.connect(self.step)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(72)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        previous = self._button(
            "↑", translate("FindBar", "Previous match (Shift+Enter)"), lambda: self.step(-1)
        )
        following = self._button("↓", translate("FindBar", "Next match (Enter)"), lambda: self.step(1))
        close = self._button("✕", translate("FindBar", "Close (Esc)"), self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.setSpacing(2)
        for widget in (self.input, self.count_label, previous, following, close):
            layout.addWidget(widget)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        self.hide()

    def _button(self, label: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(label)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def set_text(self, text: str) -> None:
        """A new article: search it again for what the bar holds."""
        self._text = text
        self.origin = 0
        self._search(self.input.text() if self.isVisible() else "")

    def open(self, query: str = "") -> None:
        if query:
            self.input.setText(query)
        self.show()
        self.raise_()
        self.input.setFocus()
        self.input.selectAll()
        self._search(self.input.text())

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.matchesChanged.emit()
        self.closed.emit()

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        self._show_count()
        self.matchesChanged.emit()

    def _search(self, query: str) -> None:
        self.matches = find_all(self._text, query)
        following = (i for i, (start, _end) in enumerate(self.matches) if start >= self.origin)
        self.current = next(following, 0) if self.matches else -1
        self._show_count()
        self.matchesChanged.emit()

    def _show_count(self) -> None:
        if not self.input.text():
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText(translate("FindBar", "No matches"))
        else:
            self.count_label.setText(
                translate("FindBar", "{number} of {count}").format(
                    number=self.current + 1, count=len(self.matches)
                )
            )
