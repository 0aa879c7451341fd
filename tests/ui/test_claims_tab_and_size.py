"""The claims side and the keyboard and the text size: Tab leaves the claims list, and View > Zoom
reaches the claims list and the editor, not only the article."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.reader.article_view import DEFAULT_POINT_SIZE
from tests.ui.claim_editor_support import open_with_claim


def test_tab_leaves_the_claims_list_and_shift_tab_comes_back(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    open_with_claim(window, article_file)
    listed = window.claim_list
    window.activateWindow()
    listed.setFocus()
    qtbot.waitUntil(listed.hasFocus)
    row = listed.currentIndex()
    qtbot.keyClick(listed, Qt.Key.Key_Tab)
    gone_to = QApplication.focusWidget()
    assert gone_to is not None and gone_to is not listed and not listed.isAncestorOf(gone_to)
    assert listed.currentIndex() == row, "Tab did not move in the list"
    qtbot.keyClick(gone_to, Qt.Key.Key_Backtab)
    assert listed.hasFocus()


def test_zoom_reaches_the_claims_list_and_the_editor(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    open_with_claim(window, article_file)
    reader = window.article_view
    reader.reset_zoom()
    usual = QApplication.font().pointSizeF()
    panels = (
        window.claim_list,
        window.editor.sentence,
        window.editor.reason_input,
        window.claims_panel.heading,
    )
    assert [w.font().pointSizeF() for w in panels] == pytest.approx([usual] * len(panels))
    row_before = window.claim_list.sizeHintForRow(0)

    for _ in range(4):
        window.article_view.zoom_in_action.trigger()
    scale = reader.point_size() / DEFAULT_POINT_SIZE
    assert scale > 1.25
    assert [w.font().pointSizeF() for w in panels] == pytest.approx([usual * scale] * len(panels))
    assert window.claim_list.sizeHintForRow(0) > row_before, "rows grow with their text"

    window.article_view.zoom_reset_action.trigger()
    assert [w.font().pointSizeF() for w in panels] == pytest.approx([usual] * len(panels))
