"""The Qt binding itself: a release that corrupts Python's reference counts must never be installed."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_returning_void_keep_none_alive(qtbot: QtBot) -> None:
    """shiboken6 6.12.0 drops a reference to None per void call; Python 3.11 then aborts at exit."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setObjectName("probe")
    assert sys.getrefcount(None) - before > -50
