"""The memo dialog, driven through its widgets with a real database; no dialog is left blocking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from pytestqt.qtbot import QtBot

from app.errors import ClaimdeskError
from app.services import articles, claims
from app.storage.database import Database
from app.ui.dialogs.memo_dialog import MemoDialog
from tests.dialog_guard import DialogGuard
from tests.helpers import pdf_text
from tests.ui.job_support import finished


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, article_file: Path) -> MemoDialog:
    article_id = articles.import_path(db, article_file).article_id
    record = articles.load_article(db, article_id)
    claims.set_status(db, record.claims[0].id, "verified", reason="Port log checked", author="Ana")
    claims.add_note(db, record.claims[1].id, "Ask the navy about the shells", author="Ana")
    widget = MemoDialog(db, article_id)
    qtbot.addWidget(widget)
    return widget


def test_options_follow_the_widgets(dialog: MemoDialog, qtbot: QtBot) -> None:
    assert dialog.status_boxes["verified"].text() == "Verified (1)"
    options = dialog.options()
    assert options is not None and options.lists_every_status and options.include_history
    dialog.status_boxes["unreviewed"].setChecked(False)
    dialog.history_box.setChecked(False)
    dialog.appendix_box.setChecked(True)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("letter"))
    options = dialog.options()
    assert options is not None
    assert "unreviewed" not in options.statuses and "verified" in options.statuses
    assert (options.include_history, options.include_appendix, options.paper) == (False, True, "letter")


def test_no_status_ticked_disables_the_ways_out(dialog: MemoDialog) -> None:
    for box in dialog.status_boxes.values():
        box.setChecked(False)
    assert dialog.options() is None
    assert not dialog.export_button.isEnabled() and not dialog.print_button.isEnabled()
    assert "at least one status" in dialog.message.text()
    dialog.status_boxes["false"].setChecked(True)
    assert dialog.export_button.isEnabled()


def test_export_button_writes_the_chosen_memo(
    dialog: MemoDialog, qtbot: QtBot, tmp_path: Path, dialogs: DialogGuard
) -> None:
    target = tmp_path / "memo.pdf"
    dialogs.expect("QFileDialog.getSaveFileName", (str(target), "PDF (*.pdf)"))
    dialog.status_boxes["unreviewed"].setChecked(False)
    dialog.appendix_box.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    finished(qtbot, dialog.job)
    text = pdf_text(target)
    assert "Port log checked" in text and "Appendix: the article" in text
    assert "Ask the navy about the shells" not in text  # that claim is unreviewed, left out
    assert str(target) in dialog.message.text()


def test_an_export_error_is_shown_not_raised(
    qtbot: QtBot, dialog: MemoDialog, tmp_path: Path, dialogs: DialogGuard
) -> None:
    shown = dialogs.expect("QMessageBox.warning")
    result = finished(qtbot, dialog.export_to(tmp_path / "no-such-folder" / "memo.pdf"))
    assert isinstance(result, ClaimdeskError)
    assert shown and "does not exist" in shown[0] and "does not exist" in dialog.message.text()


def test_printing_paints_every_page_on_the_printer(dialog: MemoDialog, tmp_path: Path) -> None:
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("letter"))
    printer = dialog.make_printer()
    assert printer.pageLayout().pageSize().id() == printer.pageLayout().pageSize().id().Letter
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that needs no hardware
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == 1
    assert "Port log checked" in pdf_text(tmp_path / "printed.pdf")


def test_preview_is_wired_to_paint_the_memo(dialog: MemoDialog, tmp_path: Path) -> None:
    preview = dialog.preview_dialog()  # built, never run: exec() would block the test
    assert isinstance(preview, QPrintPreviewDialog)
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "preview.pdf"))
    preview.paintRequested.emit(printer)  # what the preview does each time it needs its pages
    assert "Port log checked" in pdf_text(tmp_path / "preview.pdf")
    preview.deleteLater()


def test_ctrl_p_is_the_print_shortcut(dialog: MemoDialog) -> None:
    assert dialog.print_button.shortcut().toString() == "Ctrl+P"


def test_the_preview_window_paints_the_memo_when_shown(
    dialog: MemoDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages: list[int | None] = []
    paint = dialog.print_to
    monkeypatch.setattr(dialog, "print_to", lambda printer: pages.append(paint(printer)))
    preview = dialog.preview_dialog()
    preview.open()  # not exec(): the test keeps running while the preview lays out its pages
    qtbot.waitUntil(lambda: bool(pages), timeout=10_000)
    assert pages[0] == 1
    preview.close()
