"""A line saying what was just done, with an Undo link: removing or carrying a verdict asks nothing first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.ui.muted_label import MutedLabel
from app.ui.translation import translate


class UndoNotice(MutedLabel):
    """Shown after a removal or a carried verdict; Undo (or Ctrl+Z) takes it back. Gone once anything
    else is done."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.linkActivated.connect(self.undo)
        self._stack: QUndoStack | None = None
        self._index = -1
        self.hide()

    def offer(self, stack: QUndoStack, what: str) -> None:
        """`what` was just done, as the newest command on `stack`."""
        if self._stack is not stack:
            if self._stack is not None:
                self._stack.indexChanged.disconnect(self._on_index)
            stack.indexChanged.connect(self._on_index)
            self._stack = stack
        self._index = stack.index()
        self.setText(translate("UndoNotice", "{what}. <a href='undo'>Undo</a> (Ctrl+Z)").format(what=what))
        self.show()

    def undo(self, _link: str = "") -> None:
        """Undo it, if it is still the last thing done."""
        stack = self._stack
        if stack is not None and not self.isHidden() and stack.index() == self._index:
            stack.undo()
        self.hide()

    def _on_index(self, index: int) -> None:
        if index != self._index:
            self.hide()
