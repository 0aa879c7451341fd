"""Message boxes that show their text as plain text, always.

QMessageBox's static functions guess whether a text is rich text; an error naming a page titled
`x <img src="/dev/zero">` would be rendered as HTML and its image loaded (13 GB in 30 s, issue 14).
Every warning the app shows goes through here instead, so what an article, a note or a file name
says is shown as the characters it is.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning the user must acknowledge (modal, like QMessageBox.warning)."""
    _show("warning", parent, title, text)


def fail(parent: QWidget | None, title: str, text: str) -> None:
    """An error that stops what was asked for (modal, like QMessageBox.critical)."""
    _show("critical", parent, title, text)


def _show(kind: Literal["warning", "critical"], parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # loaded when first needed: its class costs start-up time

    icon = QMessageBox.Icon.Warning if kind == "warning" else QMessageBox.Icon.Critical
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
