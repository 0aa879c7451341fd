"""The small dialog a status key opens for a verdict: a final judgement must say why, Partly true is
asked which part holds (and may be set without an answer)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.records import ClaimRecord
from app.domain.statuses import status
from app.ui.claims.status_icons import status_icon
from app.ui.theme import secondary_text
from app.ui.translation import status_label, translate

SHOWN_CHARS = 160  # of the claim's sentence, so the user sees which claim they are judging
ASKED_TOO = frozenset({"partly_true"})  # a partial verdict is little use without the part that holds


def asks_why(status_id: str) -> bool:
    """Whether setting this status opens the reason prompt (all that need a reason, and ASKED_TOO)."""
    return status(status_id).needs_reason or status_id in ASKED_TOO


class ReasonDialog(QDialog):
    """Asks why a claim gets a status; OK stays disabled until there is a reason, when one is needed."""

    def __init__(self, claim: ClaimRecord, status_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        s = status(status_id)
        self.status_id = status_id
        self.claim_id = claim.id
        self.required = s.needs_reason
        self.setObjectName("reasonDialog")
        name = status_label(s.label)
        self.setWindowTitle(translate("ReasonDialog", "Why is it {status}?").format(status=name))
        self.setWindowIcon(status_icon(status_id))
        sentence = " ".join(claim.text.split())
        if len(sentence) > SHOWN_CHARS:
            sentence = sentence[: SHOWN_CHARS - 1] + "…"
        asked = (
            translate("ReasonDialog", "<b>{status} ({letter})</b> needs a reason: what shows it?")
            if self.required
            else translate(
                "ReasonDialog",
                "<b>{status} ({letter})</b>: which part holds, and which does not? (You may leave it empty.)",
            )
        )
        self.question = QLabel(wordWrap=True)
        self.question.setObjectName("reasonQuestion")
        self._asked = asked.format(status=escape(name), letter=escape(s.letter))
        self._sentence = escape(sentence)
        self._show_question()
        self.reason_input = QLineEdit()
        self.reason_input.setObjectName("reasonDialogInput")
        self.reason_input.setPlaceholderText(
            translate("ReasonDialog", "e.g. The port's log of 3 March shows no closure")
            if self.required
            else translate("ReasonDialog", "e.g. The figure is right; the date is a year off")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("ReasonDialog", "Set {status}").format(status=name))
        self.ok_button.setEnabled(not self.required)
        if self.required:
            self.reason_input.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self._accept_if_reason)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason_input)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def reason(self) -> str:
        return self.reason_input.text().strip()

    def _accept_if_reason(self) -> None:
        if self.reason() or not self.required:
            self.accept()

    def _show_question(self) -> None:
        grey = secondary_text(self.palette()).name()
        self.question.setText(f"{self._asked}<br><span style='color:{grey}'>{self._sentence}</span>")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._show_question()


def ask_reason(
    parent: QWidget, claim: ClaimRecord, status_id: str, then: Callable[[str], object]
) -> ReasonDialog:
    """Open the dialog without blocking; `then(reason)` runs if the user confirms (with a reason when
    one is needed)."""
    dialog = ReasonDialog(claim, status_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: then(dialog.reason()))
    dialog.open()
    dialog.reason_input.setFocus()
    return dialog
