"""Find in article (Ctrl+F): incremental, every match highlighted, "n of m", Enter / Shift+Enter, Esc."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.reader.find_bar import find_all
from app.ui.theme import find_background
from tests.ui.test_article_view import open_emoji_article


def test_find_all_ignores_case_and_keeps_offsets_exact() -> None:
    text = "İstanbul 🚢 HARBOUR, harbour; Harbour"
    found = find_all(text, "harbour")
    assert [text[a:b] for a, b in found] == ["HARBOUR", "harbour", "Harbour"]
    assert find_all(text, "") == []
    assert find_all(text, "a.b") == []  # the query is text, not a pattern
    assert find_all("a.b axb", "a.b") == [(0, 3)]


def test_ctrl_f_finds_counts_moves_and_esc_closes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    text = open_emoji_article(window, tmp_path)
    view = window.article_view
    claim_highlights = len(view.extraSelections())
    window.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = view.find_bar
    assert bar.isVisible() and bar.input.hasFocus()

    qtbot.keyClicks(bar.input, "the")
    expected = [i for i in range(len(text)) if text[i : i + 3].lower() == "the"]
    assert len(bar.matches) == len(expected) > 3
    assert bar.count_label.text() == f"1 of {len(expected)}"
    selections = view.extraSelections()
    assert len(selections) == claim_highlights + len(expected)
    found = selections[claim_highlights:]
    assert [s.cursor.selectedText().lower() for s in found] == ["the"] * len(expected)
    current = [
        s for s in found if s.format.background().color() == find_background(view.palette(), current=True)
    ]
    assert len(current) == 1

    qtbot.keyClick(bar.input, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {len(expected)}"
    qtbot.keyClick(bar.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"{len(expected)} of {len(expected)}"  # wraps round

    qtbot.keyClicks(bar.input, "zzz")
    assert bar.count_label.text() == "No matches"
    assert len(view.extraSelections()) == claim_highlights

    qtbot.keyClick(bar.input, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert len(view.extraSelections()) == claim_highlights


def test_find_starts_with_the_selected_words_and_scrolls_to_far_matches(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    filler = "\n\n".join(f"Paragraph {i} 🙂 of quiet background" for i in range(200))
    path = tmp_path / "long.txt"
    text = "A needle first.\n\n" + filler + "\n\nThe other needle is here.\n"
    path.write_text(text, encoding="utf-8")
    window.open_file(path)
    view = window.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(2)
    cursor.setPosition(8, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.find_action.trigger()
    bar = view.find_bar
    assert bar.input.text() == "needle"
    assert bar.count_label.text() == "1 of 2"
    qtbot.keyClick(bar.input, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 2"
    assert bar.matches[bar.current][0] == text.rindex("needle")
    assert view.verticalScrollBar().value() > 0  # the second match was brought into view
