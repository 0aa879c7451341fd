"""Running service calls from the GUI: a busy cursor, and user-caused errors shown, never raised."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.errors import ClaimdeskError
from app.ui import messages

T = TypeVar("T")


def run_guarded(
    parent: QWidget, work: Callable[[], T], also: Callable[[str], object] | None = None
) -> T | None:
    """Run `work`; a `ClaimdeskError` becomes a message box (and `also(message)`), and None."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    except ClaimdeskError as error:
        QGuiApplication.restoreOverrideCursor()
        if also is not None:
            also(str(error))
        messages.warn(parent, "Claimdesk", str(error))
        return None
    finally:
        if QGuiApplication.overrideCursor() is not None:
            QGuiApplication.restoreOverrideCursor()


def safe_file_name(title: str, fallback: str = "claimdesk") -> str:
    """A file name suggested from an article's title: letters, digits, spaces and dashes only."""
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return " ".join(cleaned.split())[:60] or fallback
