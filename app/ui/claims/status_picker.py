"""Choosing a claim's status, with the reason that final judgements (Verified, False, Disputed) need."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.domain.statuses import STATUSES, status
from app.ui.claims.status_icons import status_icon

WARNING_COLOUR = "#b03a2e"  # readable on the light theme's white...
WARNING_ON_DARK = "#ff8a7a"  # ...and on the dark theme's near-black


class ReasonInput(QLineEdit):
    """Escape gives up a pending change instead of doing nothing."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class DeliberateComboBox(QComboBox):
    """A combo whose every choice is saved at once: arrow keys, typing and the mouse wheel open the
    list instead of stepping through it, so passing over a status never records it."""

    STEPPING_KEYS = frozenset(
        (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        )
    )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in self.STEPPING_KEYS or (event.text().isprintable() and event.text().strip()):
            self.showPopup()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # let the page scroll instead


class StatusPicker(QWidget):
    """A status that needs a reason is held back, the reason field focused, until one is written."""

    statusChosen = Signal(str, str)  # status id, reason (may be empty when the status allows it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current = "unreviewed"
        self.status_box = DeliberateComboBox()
        self.status_box.setObjectName("statusBox")
        for s in STATUSES:
            self.status_box.addItem(status_icon(s.id), f"{s.label}", s.id)
            self.status_box.setItemData(
                self.status_box.count() - 1,
                f"{s.label} ({s.letter}), key {s.key}" + (": needs a reason" if s.needs_reason else ""),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.status_box.activated.connect(self._on_chosen)
        self.reason_input = ReasonInput()
        self.reason_input.setObjectName("reasonInput")
        self.reason_input.setAccessibleName("Reason for the status")
        self.reason_input.returnPressed.connect(self.apply)
        self.reason_input.cancelled.connect(self.cancel)
        self.reason_input.textEdited.connect(self._on_reason_typed)
        self.hint = QLabel(wordWrap=True)
        self.hint.setObjectName("reasonHint")
        self.hint.hide()
        self.apply_button = QPushButton("Set status")
        self.apply_button.setObjectName("applyStatusButton")
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.current_reason = QLabel(wordWrap=True)
        self.current_reason.setObjectName("currentReason")
        self.current_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.apply_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.status_box, 0, 0)
        grid.addWidget(self.reason_input, 0, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.current_reason, 1, 0, 1, 2)
        grid.addLayout(buttons, 2, 0, 1, 2)
        self._show_pending(False)

    # ---- what the editor calls ------------------------------------------------------------
    def show_status(self, status_id: str, reason: str) -> None:
        """The claim's stored status (and why); a change still waiting for its reason is kept."""
        keep_pending = status_id == self._current and self.pending() is not None
        self._current = status_id
        self.current_reason.setText(
            f"<span style='color:gray'>Why {escape(status(status_id).label)}:</span> {escape(reason)}"
            if reason
            else ""
        )
        self.current_reason.setVisible(bool(reason))
        if keep_pending:
            return
        self.status_box.setCurrentIndex(self.status_box.findData(status_id))
        self._show_pending(False)
        self._update_placeholder(status_id)

    def clear_draft(self) -> None:
        """Another claim is shown: a reason typed, or a status waiting for one, belongs to the last."""
        self.reason_input.clear()
        self.cancel()

    def status_saved(self) -> None:
        self.reason_input.clear()
        self._show_pending(False)

    def pending(self) -> str | None:
        """The status chosen but not yet set (waiting for its reason), if any."""
        chosen = str(self.status_box.currentData())
        return chosen if chosen != self._current else None

    # ---- the user's moves -----------------------------------------------------------------
    def apply(self) -> None:
        chosen = str(self.status_box.currentData())
        if chosen == self._current:
            self._show_pending(False)
            return
        reason = self.reason_input.text().strip()
        if status(chosen).needs_reason and not reason:
            self._ask_reason(chosen)
            return
        self.statusChosen.emit(chosen, reason)

    def cancel(self) -> None:
        self.status_box.setCurrentIndex(self.status_box.findData(self._current))
        self._show_pending(False)
        self._update_placeholder(self._current)

    def _on_chosen(self, _index: int) -> None:
        self._update_placeholder(str(self.status_box.currentData()))
        self.apply()

    def _on_reason_typed(self) -> None:
        if self.pending() is not None and self.reason_input.text().strip():
            self.hint.setStyleSheet("color: gray")
            self.hint.setText("Press Enter to set the status.")

    def _ask_reason(self, chosen: str) -> None:
        label = status(chosen).label
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.hint.setStyleSheet(f"color: {WARNING_ON_DARK if dark else WARNING_COLOUR}")
        self.hint.setText(
            f"Not set yet: <b>{escape(label)}</b> needs a reason. "
            "Say what the verdict rests on, then press Enter."
        )
        self._show_pending(True)
        self.reason_input.setFocus()

    def _show_pending(self, shown: bool) -> None:
        for widget in (self.hint, self.apply_button, self.cancel_button):
            widget.setVisible(shown)

    def _update_placeholder(self, chosen: str) -> None:
        s = status(chosen)
        if chosen == self._current:
            text = "Reason for a change (required for Verified, False, Disputed)"
        else:
            text = f"Why {s.label}?" + (" (required)" if s.needs_reason else " (optional)")
        self.reason_input.setPlaceholderText(text)
