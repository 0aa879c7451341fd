"""The GUI flow of the walking skeleton, through real widgets and a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import articles
from app.storage.database import Database, open_database
from app.ui.claims.claims_panel import ClaimIdRole, PositionRole, ScoreRole
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard
from tests.helpers import pdf_text
from tests.ui.job_support import finished


def click_claim(qtbot: QtBot, window: MainWindow, row: int) -> None:
    """Click the claim at `row` of the model (article order), wherever the view shows it."""
    view = window.claim_list
    index = window.claims_panel.index_of(window.claim_model.claim_at(row).id)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_opens_a_text_file_and_lists_its_claims(window: MainWindow, article_file: Path) -> None:
    assert window.open_file(article_file)
    assert window.article_view.toPlainText() == article_file.read_text(encoding="utf-8")
    assert window.claim_model.rowCount() >= 2
    shown = [window.claim_model.claim_at(r).text for r in range(window.claim_model.rowCount())]
    assert any("according to the port authority" in s for s in shown)
    assert "harbour" in window.windowTitle().lower()


def test_click_scrolls_to_and_highlights_the_claim(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    filler = "\n\n".join(f"Paragraph {i} of background with no attribution at all" for i in range(120))
    path = tmp_path / "long.txt"
    path.write_text(filler + "\n\nThe minister said 40 ferries were cancelled on Friday.\n", encoding="utf-8")
    window.open_file(path)
    row = next(
        r
        for r in range(window.claim_model.rowCount())
        if "minister said" in window.claim_model.claim_at(r).text
    )
    scrollbar = window.article_view.verticalScrollBar()
    assert scrollbar.value() == 0
    click_claim(qtbot, window, row)
    assert window.article_view.highlighted_text() == "The minister said 40 ferries were cancelled on Friday."
    qtbot.waitUntil(lambda: scrollbar.value() > scrollbar.maximum() // 2)
    assert "minister said" in window.editor.sentence.text()


def test_status_and_note_survive_a_restart(qtbot: QtBot, db_path: Path, article_file: Path) -> None:
    db = open_database(db_path)
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.show()
    first.open_file(article_file)
    click_claim(qtbot, first, 0)
    box = first.editor.status_box
    box.setCurrentIndex(box.findData("in_progress"))
    box.activated.emit(box.currentIndex())
    qtbot.keyClicks(first.editor.note_input, "Port authority denies the date; asked for the log.")
    qtbot.mouseClick(first.editor.add_note_button, Qt.MouseButton.LeftButton)
    assert first.editor.note_input.toPlainText() == ""
    assert "asked for the log" in first.editor.notes.toPlainText()
    claim_id = first.claim_model.claim_at(0).id
    first.close()
    db.close()

    reopened = open_database(db_path)
    second = MainWindow(reopened)
    qtbot.addWidget(second)
    article_id = articles.article_to_open(reopened)
    assert article_id is not None
    second.open_article(article_id)
    assert second.article_view.toPlainText() == article_file.read_text(encoding="utf-8")
    row = second.claim_model.row_of(claim_id)
    assert row is not None
    claim = second.claim_model.claim_at(row)
    assert claim.status == "in_progress"
    assert [n.body for n in claim.notes] == ["Port authority denies the date; asked for the log."]
    assert claim.history[-1].author == "Test Reviewer"
    second.choose_claim(claim_id)
    assert second.editor.status_box.currentData() == "in_progress"
    reopened.close()


def test_number_keys_set_the_status(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    window.open_file(article_file)
    click_claim(qtbot, window, 1)
    window.claim_list.setFocus()
    qtbot.keyClick(window.claim_list, Qt.Key.Key_2)
    assert window.claim_model.claim_at(1).status == "in_progress"
    assert window.editor.status_box.currentData() == "in_progress"


def test_export_pdf_from_the_window(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    window.open_file(article_file)
    click_claim(qtbot, window, 0)
    window.set_status(window.claim_model.claim_at(0).id, "false", "The port log says otherwise")
    window.add_note(window.claim_model.claim_at(0).id, "The survey was on Tuesday")
    written = finished(qtbot, window.export_pdf(tmp_path / "memo.pdf"))
    assert isinstance(written, Path)
    text = pdf_text(written)
    assert "False" in text and "The survey was on Tuesday" in text
    assert "harbour" in text.lower()


def test_bad_file_shows_a_message_and_keeps_the_article(
    window: MainWindow, article_file: Path, tmp_path: Path, errors: list[str]
) -> None:
    window.open_file(article_file)
    shown = window.article_view.toPlainText()
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert not window.open_file(empty)
    assert not window.open_file(tmp_path)
    assert len(errors) == 2 and "empty" in errors[0] and "folder" in errors[1]
    assert window.article_view.toPlainText() == shown
    assert len(articles.list_articles(window.db)) == 1


def test_sample_article_on_first_start(window: MainWindow) -> None:
    article_id = articles.article_to_open(window.db)
    assert article_id is not None
    window.open_article(article_id)
    assert window.claim_model.rowCount() >= 5
    assert "Flood barrier" in window.article_heading.text()


def test_window_layout_is_remembered(qtbot: QtBot, db: Database) -> None:
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)  # within the off-screen display
    assert first.splitter.count() == 3 and first.splitter.widget(0) is first.library_pane
    first.splitter.setSizes([150, 300, 290])
    first.right_splitter.setSizes([220, 280])
    sizes, right = first.splitter.sizes(), first.right_splitter.sizes()
    first.close()
    second = MainWindow(db)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (first.width(), first.height())
    assert second.splitter.sizes() == sizes, "library | article | claims+editor, as left"
    assert second.right_splitter.sizes() == right


def test_the_library_pane_can_be_hidden_and_stays_so(qtbot: QtBot, db: Database) -> None:
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.show()
    assert first.show_library_action.isChecked() and first.library_pane is not None
    assert first.show_library_action in first.view_menu.actions()
    assert first.splitter.isCollapsible(0) and not first.splitter.isCollapsible(1)
    first.show_library_action.trigger()
    assert not first.library_pane.isVisible()
    first.close()
    second = MainWindow(db)
    qtbot.addWidget(second)
    second.show()
    assert second.library_pane is not None and not second.library_pane.isVisible()
    assert not second.show_library_action.isChecked()
    second.show_library_action.trigger()
    assert second.library_pane.isVisible() and second.splitter.sizes()[0] > 0


def test_edit_menu_has_undo_and_redo(window: MainWindow) -> None:
    assert window.edit_menu.actions()[:2] == [window.undo_action, window.redo_action]
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_unopenable_database_is_a_message_not_a_crash(
    qtbot: QtBot, tmp_path: Path, dialogs: DialogGuard
) -> None:
    from app.ui.application import run_gui

    shown = dialogs.expect("QMessageBox.critical")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not sqlite at all" * 64)
    assert run_gui(str(damaged), None) == 1
    assert shown and "not a Claimdesk database" in shown[0]
    assert damaged.read_bytes() == b"not sqlite at all" * 64


def test_claims_can_be_sorted_by_check_worthiness(
    qtbot: QtBot, window: MainWindow, seed_article: Path
) -> None:
    window.open_file(seed_article)
    panel = window.claims_panel

    def shown() -> list[float]:
        proxy = panel.proxy
        return [proxy.index(r, 0).data(ScoreRole) for r in range(proxy.rowCount())]

    def starts() -> list[int]:
        proxy = panel.proxy
        return [proxy.index(r, 0).data(PositionRole) for r in range(proxy.rowCount())]

    assert starts() == sorted(starts())
    assert shown() != sorted(shown(), reverse=True), "article order is not score order in the seed"
    panel.sort_box.setCurrentIndex(1)
    assert shown() == sorted(shown(), reverse=True)
    top_id = panel.proxy.index(0, 0).data(ClaimIdRole)
    qtbot.mouseClick(
        panel.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.view.visualRect(panel.proxy.index(0, 0)).center(),
    )
    assert window.current_claim_id() == top_id
    window.set_status(top_id, "false", "No such report exists")
    assert panel.current_claim_id() == top_id, "a status change keeps the selection"
    panel.sort_box.setCurrentIndex(2)
    assert panel.proxy.index(panel.proxy.rowCount() - 1, 0).data(ClaimIdRole) == top_id, "False sorts last"


@pytest.mark.parametrize(
    ("fmt", "marker"), [("markdown", "# "), ("csv", "sentence"), ("w3c", "AnnotationCollection")]
)
def test_data_exports_from_the_window(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path, fmt: str, marker: str
) -> None:
    window.open_file(article_file)
    window.set_status(window.claim_model.claim_at(0).id, "false", "The port log says otherwise")
    written = finished(qtbot, window.data_export(fmt, tmp_path / f"out.{fmt}"))
    assert isinstance(written, Path) and marker in written.read_text(encoding="utf-8-sig")
    assert "Written to" in window.statusBar().currentMessage()


def test_annotations_exported_then_imported_join_the_article(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    window.open_file(article_file)
    claim_id = window.claim_model.claim_at(0).id
    window.set_status(claim_id, "disputed", "The harbour master disagrees")
    window.add_note(claim_id, "Harbour master disagrees")
    exported = finished(qtbot, window.data_export("w3c", tmp_path / "mine.jsonld"))
    assert isinstance(exported, Path)

    other_db = open_database(tmp_path / "colleague.sqlite3")
    colleague = MainWindow(other_db)
    colleague.open_file(article_file)
    finished(qtbot, colleague.import_annotations(exported))
    first = colleague.claim_model.claim_at(0)
    assert first.status == "disputed"
    assert [n.body for n in first.notes] == ["Harbour master disagrees"]
    assert (
        "updated" in colleague.statusBar().currentMessage()
        or "created" in colleague.statusBar().currentMessage()
    )
    colleague.close()
    other_db.close()


def test_memo_dialog_opens_for_the_article(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path
) -> None:
    window.open_file(article_file)
    dialog = window.memo_dialog()
    assert dialog is not None and dialog.isVisible()
    written = finished(qtbot, dialog.export_to(tmp_path / "memo.pdf"))
    assert isinstance(written, Path) and "Harbour dredging halted after survey" in pdf_text(written)
    dialog.close()


def test_a_new_window_fits_a_small_screen(qtbot: QtBot, db: Database) -> None:
    """1280x800 where there is room; on a smaller screen (the off-screen one is 800x600, a
    netbook's 1024x700) the whole window stays on it, nothing cut off at the right."""
    win = MainWindow(db)
    qtbot.addWidget(win)
    room = win.screen().availableGeometry()
    assert win.width() == min(1280, room.width()) and win.height() == min(800, room.height())
