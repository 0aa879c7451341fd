"""The small dialog a status key opens when the status is a final judgement that must say why."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.records import ClaimRecord
from app.domain.statuses import status
from app.ui.claims.status_icons import status_icon

SHOWN_CHARS = 160  # of the claim's sentence, so the user sees which claim they are judging


class ReasonDialog(QDialog):
    """Asks why a claim gets a status; OK stays disabled until there is a reason."""

    def __init__(self, claim: ClaimRecord, status_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        s = status(status_id)
        self.status_id = status_id
        self.claim_id = claim.id
        self.setObjectName("reasonDialog")
        self.setWindowTitle(f"Why is it {s.label}?")
        self.setWindowIcon(status_icon(status_id))
        sentence = " ".join(claim.text.split())
        if len(sentence) > SHOWN_CHARS:
            sentence = sentence[: SHOWN_CHARS - 1] + "…"
        question = QLabel(
            f"<b>{escape(s.label)} ({escape(s.letter)})</b> needs a reason: what shows it?"
            f"<br><span style='color:gray'>{escape(sentence)}</span>",
            wordWrap=True,
        )
        self.reason_input = QLineEdit()
        self.reason_input.setObjectName("reasonDialogInput")
        self.reason_input.setPlaceholderText("e.g. The port's log of 3 March shows no closure")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(f"Set {s.label}")
        self.ok_button.setEnabled(False)
        self.reason_input.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self._accept_if_reason)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason_input)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def reason(self) -> str:
        return self.reason_input.text().strip()

    def _accept_if_reason(self) -> None:
        if self.reason():
            self.accept()


def ask_reason(
    parent: QWidget, claim: ClaimRecord, status_id: str, then: Callable[[str], object]
) -> ReasonDialog:
    """Open the dialog without blocking; `then(reason)` runs if the user gives one and confirms."""
    dialog = ReasonDialog(claim, status_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: then(dialog.reason()))
    dialog.open()
    dialog.reason_input.setFocus()
    return dialog
