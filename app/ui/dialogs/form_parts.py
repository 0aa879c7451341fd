"""The pieces the settings dialogs' forms are made of: a right-aligned label with its buddy, and a
line of explanation in the theme's secondary colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.ui.theme import secondary_text


def hint(text: str) -> QLabel:
    """A line of explanation under a field, in the theme's secondary text colour."""
    label = QLabel(text)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, secondary_text(palette))
    label.setPalette(palette)
    return label


def form_row(form: QFormLayout, text: str, field: QWidget, buddy: QWidget | None = None) -> QLabel:
    """A row whose label (with its &-key) leads to `buddy`, or to the field itself."""
    label = QLabel(text)
    label.setBuddy(buddy or field)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.addRow(label, field)
    return label
