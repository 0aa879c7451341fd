"""The bar that offers to undo a move to the trash, under the library's filters."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.ui.translation import translate


class UndoBar(QFrame):
    """“Moved … to the trash. [Undo]” under the filters, until the next change or a while passes."""

    SHOWN_MS = 12_000

    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.stack = stack
        self.command: QUndoCommand | None = None
        self.label = QLabel(wordWrap=True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the message names an article's title
        self.undo_button = QPushButton(translate("UndoBar", "&Undo"))
        self.undo_button.clicked.connect(self.undo)
        close = QToolButton(autoRaise=True)
        close.setText("✕")
        close.setToolTip(translate("UndoBar", "Hide this"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 2, 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(close)
        self.timer = QTimer(self, singleShot=True, interval=self.SHOWN_MS)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def offer(self, message: str, command: QUndoCommand) -> None:
        self.command = command
        self.label.setText(message)
        self.show()
        self.timer.start()

    def undo(self) -> None:
        """Undo the trashing offered if it is still the last thing done (else Edit > Undo
        goes back step by step)."""
        index = self.stack.index()
        if self.command is not None and index > 0 and self.stack.command(index - 1) is self.command:
            self.stack.undo()
        self.hide()
