"""Every shortcut the window answers is in one table, and no two clash where they both work."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.ui import shortcuts as keys
from app.ui.main_window import MainWindow


def test_every_action_shortcut_in_the_window_is_declared(window: MainWindow) -> None:
    declared = {s.toString() for shortcut in keys.SHORTCUTS for s in shortcut.sequences()}
    used = {s.toString() for action in window.findChildren(QAction) for s in action.shortcuts()}
    assert used and used <= declared, used - declared


def test_no_two_shortcuts_share_keys_in_one_place() -> None:
    counts = Counter(
        (shortcut.context, sequence.toString())
        for shortcut in keys.SHORTCUTS
        for sequence in shortcut.sequences()
    )
    assert [key for key, n in counts.items() if n > 1] == []


def test_matches_a_key_press_exactly() -> None:
    j = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier, "j")
    ctrl_j = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier, "")
    assert keys.NEXT_CLAIM.matches(j) and not keys.NEXT_CLAIM.matches(ctrl_j)
    enter = QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert keys.SAVE_NOTE.matches(enter) and not keys.EDIT_KEY.matches(enter)


def test_the_sheet_lists_every_shortcut_by_where_it_works() -> None:
    sheet = keys.sheet()
    assert sheet.splitlines()[0] == "Anywhere"
    for shortcut in keys.SHORTCUTS:
        assert shortcut.name in sheet
    assert QKeySequence("Ctrl+K").toString(QKeySequence.SequenceFormat.NativeText) in sheet


def test_f1_shows_every_shortcut_in_a_table(qtbot: QtBot, window: MainWindow) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    (sheet_action,) = [a for a in help_menu.actions() if a.text() == keys.KEYBOARD_HELP.label]
    assert QKeySequence("F1") in sheet_action.shortcuts()
    sheet_action.trigger()
    sheet = window._sheet
    assert sheet is not None and sheet.isVisible()
    qtbot.addWidget(sheet)
    table = sheet.findChild(QTableWidget, "shortcutTable")
    shown = {table.item(row, 1).text().split(":")[0] for row in range(table.rowCount())}
    assert {s.name for s in keys.SHORTCUTS if s.keys} == shown
    assert not table.tabKeyNavigation(), "Tab leaves the table"
