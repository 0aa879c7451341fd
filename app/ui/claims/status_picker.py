"""Choosing a claim's status, with the reason that final judgements (Verified, False, Disputed) need
and that Partly true is asked for; the list shows each status's key (1-7 in the claims list)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.domain.statuses import STATUSES, status
from app.ui.claims.status_icons import status_icon
from app.ui.dialogs.reason_dialog import asks_why
from app.ui.theme import secondary_text
from app.ui.translation import status_label, translate

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


KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the key that sets this status in the claims list
KEY_GAP = 24  # between a status's name and its key, in the open list


class StatusBox(DeliberateComboBox):
    """The status combo; its open list is wide enough for each name and its key."""

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.frameWidth() * 2)
        super().showPopup()


class KeyedItemDelegate(QStyledItemDelegate):
    """Rows of the open status list: icon and name as usual, the status's key at the right edge (as a
    menu shows a shortcut), so the 1-7 keys are learnt where statuses are chosen with the mouse."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        key = index.data(KEY_ROLE)
        if not key:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette = option.palette  # type: ignore[attr-defined]
        painter.save()
        painter.setPen(secondary_text(palette, selected=selected))
        rect = option.rect.adjusted(0, 0, -8, 0)  # type: ignore[attr-defined]
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(key))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        key_width = metrics.horizontalAdvance(str(index.data(KEY_ROLE) or ""))
        return QSize(size.width() + KEY_GAP + key_width + 8, size.height())


class StatusPicker(QWidget):
    """A status that needs a reason is held back, the reason field focused, until one is written."""

    statusChosen = Signal(str, str)  # status id, reason (may be empty when the status allows it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current = "unreviewed"
        self._reason = ""
        self._warning = False  # the hint says a reason is missing
        self.status_box = StatusBox()
        self.status_box.setObjectName("statusBox")
        self.status_box.setItemDelegate(KeyedItemDelegate(self.status_box))
        for s in STATUSES:
            self.status_box.addItem(status_icon(s.id), status_label(s.label), s.id)
            row = self.status_box.count() - 1
            self.status_box.setItemData(row, s.key, KEY_ROLE)
            self.status_box.setItemData(
                row,
                translate("StatusPicker", "{status} ({letter}), key {key} in the claims list").format(
                    status=status_label(s.label), letter=s.letter, key=s.key
                )
                + (
                    translate("StatusPicker", ": needs a reason")
                    if s.needs_reason
                    else translate("StatusPicker", ": asks why")
                    if asks_why(s.id)
                    else ""
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.status_box.activated.connect(self._on_chosen)
        self.reason_input = ReasonInput()
        self.reason_input.setObjectName("reasonInput")
        self.reason_input.setAccessibleName(translate("StatusPicker", "Reason for the status"))
        self.reason_input.returnPressed.connect(self.apply)
        self.reason_input.cancelled.connect(self.cancel)
        self.reason_input.textEdited.connect(self._on_reason_typed)
        self.hint = QLabel(wordWrap=True)
        self.hint.setObjectName("reasonHint")
        self.hint.hide()
        self.apply_button = QPushButton(translate("StatusPicker", "Set status"))
        self.apply_button.setObjectName("applyStatusButton")
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton(translate("StatusPicker", "Cancel"))
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
        self._reason = reason
        self._show_reason()
        if keep_pending:
            return
        self.status_box.setCurrentIndex(self.status_box.findData(status_id))
        self._show_pending(False)
        self._update_placeholder(status_id)

    def _show_reason(self) -> None:
        grey = secondary_text(self.palette()).name()
        why = translate("StatusPicker", "Why {status}:").format(
            status=escape(status_label(status(self._current).label))
        )
        self.current_reason.setText(
            f"<span style='color:{grey}'>{why}</span> {escape(self._reason)}" if self._reason else ""
        )
        self.current_reason.setVisible(bool(self._reason))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a theme switch: the greys follow it
            self._show_reason()
            self._colour_hint()

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
        asked = not self.hint.isHidden()  # the question was put: Enter now sets it, with or without
        if asks_why(chosen) and not reason and (status(chosen).needs_reason or not asked):
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
            self._warning = False
            self._colour_hint()
            self.hint.setText(translate("StatusPicker", "Press Enter to set the status."))

    def _ask_reason(self, chosen: str) -> None:
        s = status(chosen)
        self._warning = s.needs_reason
        self._colour_hint()
        self.hint.setText(
            translate(
                "StatusPicker",
                "Not set yet: <b>{status}</b> needs a reason. "
                "Say what the verdict rests on, then press Enter.",
            ).format(status=escape(status_label(s.label)))
            if s.needs_reason
            else translate(
                "StatusPicker",
                "<b>{status}</b>: which part holds? Write it and press Enter, "
                "or press Enter to set it without.",
            ).format(status=escape(status_label(s.label)))
        )
        self._show_pending(True)
        self.reason_input.setFocus()

    def _colour_hint(self) -> None:
        """Red while a reason is missing, else grey; either readable on the theme's page."""
        if self._warning:
            dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
            colour = WARNING_ON_DARK if dark else WARNING_COLOUR
        else:
            colour = secondary_text(self.palette()).name()
        self.hint.setStyleSheet(f"color: {colour}")

    def _show_pending(self, shown: bool) -> None:
        for widget in (self.hint, self.apply_button, self.cancel_button):
            widget.setVisible(shown)

    def _update_placeholder(self, chosen: str) -> None:
        s = status(chosen)
        if chosen == self._current:
            needed = ", ".join(status_label(x.label) for x in STATUSES if x.needs_reason)
            text = translate("StatusPicker", "Reason for a change (required for {statuses})").format(
                statuses=needed
            )
        else:
            text = translate("StatusPicker", "Why {status}?").format(status=status_label(s.label)) + (
                translate("StatusPicker", " (required)")
                if s.needs_reason
                else translate("StatusPicker", " (optional)")
            )
        self.reason_input.setPlaceholderText(text)
