"""A sentence across the top of the window for what the person must know and may act on, such as
the newsroom server being out of reach at start: unlike the status line, it stays until dealt with
or closed, and unlike a message box, it leaves the window usable meanwhile."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from app.ui.translation import translate

Choice = tuple[str, Callable[[], object]]  # a button's label and what it does


class NoticeBar(QWidget):
    """“What happened; what is open now. [Try again] [Preferences…] ✕” above the panes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame = QFrame()
        self.frame.setObjectName("noticeBar")
        # warm, not alarming: the window works; fixed ink on a fixed paper reads in either theme
        self.frame.setStyleSheet(
            "QFrame#noticeBar { background: #fff3cd; border: 1px solid #e6cf8b; border-radius: 4px; }"
            "QFrame#noticeBar QLabel { color: #2b2300; }"
        )
        self.heading = QLabel(wordWrap=True)
        self.heading.setObjectName("noticeHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.label = QLabel(wordWrap=True)
        self.label.setObjectName("noticeText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a server's words, shown as they are
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.heading)
        texts.addWidget(self.label)
        self.buttons: list[QPushButton] = []
        self.close_button = QToolButton(autoRaise=True)
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("NoticeBar", "Hide this"))
        self.close_button.setAccessibleName(translate("NoticeBar", "Hide this"))
        self.close_button.clicked.connect(self.hide)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 0, 2)  # in line with the panes below it
        outer.addWidget(self.frame)
        self._row = QHBoxLayout(self.frame)
        self._row.setContentsMargins(10, 6, 4, 6)
        self._row.setSpacing(8)
        self._row.addLayout(texts, 1)
        self._row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def say(self, heading: str, text: str, choices: Sequence[Choice] = ()) -> None:
        """Show `heading` (bold) over `text`, with a button for each choice (replacing any before)."""
        for button in self.buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for place, (label, act) in enumerate(choices, start=1):
            button = QPushButton(label)
            button.clicked.connect(act)
            self._row.insertWidget(place, button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons.append(button)
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.label.setText(text)
        self.setAccessibleDescription(f"{heading} {text}".strip())
        self.show()

    def set_busy(self, text: str) -> None:
        """Say what is being done; the buttons wait until it is."""
        self.label.setText(text)
        for button in self.buttons:
            button.setEnabled(False)
