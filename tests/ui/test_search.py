"""Ctrl+K search: hits with highlighted snippets; choosing one opens the article at that place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import claims
from app.ui.library.search_box import snippet_html
from app.ui.main_window import MainWindow


def _typed(window: MainWindow, qtbot: QtBot, text: str) -> None:
    box = window.library.search_box
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is box.field
    qtbot.keyClicks(box.field, text)
    qtbot.waitUntil(lambda: box.model.hits != [] or box.summary.text() == "No hits")


def test_ctrl_k_searches_and_highlights(window: MainWindow, article_file: Path, qtbot: QtBot) -> None:
    window.open_file(article_file)
    window.article_view.setFocus()
    _typed(window, qtbot, "unexploded")
    box = window.library.search_box
    html = box.model.index(0, 0).data()
    assert "<b" in html and "unexploded</b>" in html.lower()
    assert not window.library.pane.isVisibleTo(window)  # the hits take the library's place
    qtbot.keyClick(box.field, Qt.Key.Key_Escape)
    assert window.library.pane.isVisibleTo(window)


def test_choosing_a_text_hit_selects_the_word(
    window: MainWindow, article_file: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    window.open_file(article_file)
    other = tmp_path / "other.txt"
    other.write_text("Elsewhere\n\nThe mayor said the bridge cost 40 million euros.\n", encoding="utf-8")
    window.open_file(other)
    _typed(window, qtbot, "calm")
    box = window.library.search_box
    row = next(i for i, h in enumerate(box.model.hits) if h.kind == "article")
    box.results.setCurrentIndex(box.model.index(row, 0))
    qtbot.keyClick(box.field, Qt.Key.Key_Return)
    assert window.article is not None and window.article.title.startswith("Harbour")
    assert window.article_view.textCursor().selectedText() == "calm"


def test_choosing_a_note_hit_selects_its_claim(window: MainWindow, article_file: Path, qtbot: QtBot) -> None:
    window.open_file(article_file)
    assert window.article is not None
    claim = window.article.claims[-1]
    claims.add_note(window.db, claim.id, "Spoke to the harbourmaster on Tuesday")
    _typed(window, qtbot, "harbourmaster")
    box = window.library.search_box
    assert [h.kind for h in box.model.hits] == ["note"]
    box.results.clicked.emit(box.model.index(0, 0))
    assert window.current_claim_id() == claim.id


def test_snippets_are_escaped() -> None:
    assert (
        snippet_html("<script>\x02x\x03") == "&lt;script&gt;<b style='background:#fff2a8; color:black'>x</b>"
    )


def test_no_hits_says_so(window: MainWindow, article_file: Path, qtbot: QtBot) -> None:
    window.open_file(article_file)
    _typed(window, qtbot, 'zebra"')
    assert window.library.search_box.summary.text() == "No hits"


def test_ctrl_k_unfolds_a_hidden_library(window: MainWindow, article_file: Path, qtbot: QtBot) -> None:
    window.open_file(article_file)
    window.show_library_action.setChecked(False)
    assert not window.library.column.isVisibleTo(window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.library.column.isVisibleTo(window)
    assert QApplication.focusWidget() is window.library.search_box.field
