"""Fixtures shared by the widget tests: a shown main window, and the warnings it shows.

No dialog can block a test (tests/dialog_guard.py); `errors` is the common way to expect one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.storage.database import Database, open_database
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.resize(1280, 800)  # the window fits its screen, and the off-screen one is only 800x600
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def errors(dialogs: DialogGuard) -> list[str]:
    """The warnings the window shows (a message box each), in order; any other dialog still fails."""
    return dialogs.expect("QMessageBox.warning")


@pytest.fixture
def ana(db: Database) -> Iterator[Database]:
    """Editor A: another program (a colleague, another window) on the same library file."""
    other = open_database(db.path)
    yield other
    other.close()
