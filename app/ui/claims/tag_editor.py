"""Tags as comma-separated words, with completion over the tags already in use."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from app.ui.translation import translate

SEPARATOR = ","


def parse_tags(text: str) -> list[str]:
    """Tags as typed: trimmed, inner spaces collapsed, blanks and repeats (any case) dropped."""
    seen: set[str] = set()
    tags = []
    for part in text.split(SEPARATOR):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


class TagEditor(QLineEdit):
    """Completes the tag being typed (the text after the last comma); commits on Enter or focus-out."""

    tagsEdited = Signal(list)  # the new list of tag names

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self.setPlaceholderText(
            translate("TagEditor", "Tags, separated by commas (e.g. ferries, casualty figures)")
        )
        self._committed: list[str] = []
        self._known: Callable[[], list[str]] = list
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setWidget(self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.activated.connect(self._insert_completion)
        self.textEdited.connect(self._complete)
        self.returnPressed.connect(self.commit)

    def set_known_tags(self, names: Callable[[], list[str]]) -> None:
        """Where completion finds the tags in use: asked each time the field is entered."""
        self._known = names

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._model.setStringList(self._known())
        super().focusInEvent(event)

    def set_tags(self, tags: tuple[str, ...] | list[str]) -> None:
        """Show a claim's tags (no signal: this is what is stored already)."""
        self._committed = list(tags)
        self.setText(", ".join(tags))

    def current_prefix(self) -> str:
        return self.text().rsplit(SEPARATOR, 1)[-1].strip()

    def commit(self) -> None:
        tags = parse_tags(self.text())
        self.setModified(False)
        if tags != self._committed:
            self._committed = tags
            self.tagsEdited.emit(tags)

    def _complete(self) -> None:
        prefix = self.current_prefix()
        if not prefix:
            self._popup().hide()
            return
        self.completer_.setCompletionPrefix(prefix)
        typed = {t.casefold() for t in parse_tags(self.text())[:-1]}
        if self.completer_.completionCount() and prefix.casefold() not in typed:
            self.completer_.complete()
        else:
            self._popup().hide()

    def _insert_completion(self, name: str) -> None:
        head = self.text().rsplit(SEPARATOR, 1)[0] if SEPARATOR in self.text() else ""
        self.setText(f"{head}{SEPARATOR} {name}{SEPARATOR} " if head else f"{name}{SEPARATOR} ")

    def _popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        assert popup is not None  # a completer always has its popup
        return popup

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._popup()
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape)
        if popup.isVisible() and event.key() in keys:
            event.ignore()  # the completer's popup takes these: choose or dismiss a suggestion
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self._popup().isVisible():
            self.commit()
