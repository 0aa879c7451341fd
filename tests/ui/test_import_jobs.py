"""Batch import on a worker with progress and cancel; paste; the fetch dialog's online warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import articles
from app.services.articles import BatchReport
from app.ui.library.import_jobs import ImportJob, report_details
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard


def _folder(tmp_path: Path, article_file: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(5):
        (folder / f"story{i}.txt").write_text(
            f"Story {i}\n\nThe council said spending rose by {i + 2} percent this year.\n", encoding="utf-8"
        )
    (folder / "again.txt").write_bytes(article_file.read_bytes())
    (folder / "blank.md").write_text("   \n", encoding="utf-8")
    return folder


def test_folder_imports_on_a_worker_and_reports_duplicates(
    window: MainWindow, article_file: Path, tmp_path: Path, qtbot: QtBot, dialogs: DialogGuard
) -> None:
    summaries = dialogs.expect("QMessageBox.open")
    window.open_file(article_file)
    job = window.library.import_paths([_folder(tmp_path, article_file)])
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    report = job.report
    assert report is not None
    assert (len(report.imported), len(report.duplicates), len(report.failed)) == (5, 1, 1)
    assert window.library.pane.row_count() == 6
    assert "1 already in the library" in window.statusBar().currentMessage()
    assert "again.txt" in report_details(report) and "blank.md" in report_details(report)
    assert summaries == [report.summary()]  # the box that lists them


def test_cancel_stops_the_batch(window: MainWindow, article_file: Path, tmp_path: Path, qtbot: QtBot) -> None:
    job = ImportJob(window.db, [_folder(tmp_path, article_file)], window)
    job.cancel()  # as the progress dialog's Cancel button does, before the first file
    with qtbot.waitSignal(job.done, timeout=60_000):
        job.start()
    assert job.report is not None and job.report.cancelled and job.report.imported == []
    assert articles.list_articles(window.db) == []


def test_long_reports_are_shortened() -> None:
    report = BatchReport(failed=[(f"f{i}.txt", "empty") for i in range(20)])
    assert "… and 8 more" in report_details(report)


def test_paste_html_and_text(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setHtml(
        "<html><body><article><h1>Port news</h1><p>The harbour master said 12 ships were held "
        "at anchor on Friday.</p></article></body></html>"
    )
    mime.setText("Port news")
    QApplication.clipboard().setMimeData(mime)
    result = window.library.paste()
    assert result is not None and window.article is not None
    assert "12 ships" in window.article.text and window.article.source_label == "pasted text"
    QApplication.clipboard().setText("Plain words\n\nThe mayor said the bridge cost 40 million euros.")
    again = window.library.paste()
    assert again is not None and again.article_id != result.article_id
    assert window.library.pane.row_count() == 2


def test_empty_clipboard_is_a_message(window: MainWindow, errors: list[str]) -> None:
    QApplication.clipboard().clear()
    assert window.library.paste() is None
    assert errors == ["The clipboard holds no text to make an article from"]


def test_fetch_dialog_says_it_goes_online(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.library.fetch_dialog()
    assert dialog is not None
    assert "This goes online" in dialog.notice.text()
    assert "goes online" in window.library.fetch_action.text()
    assert not dialog.fetch_button.isEnabled()
    dialog.url.setText("file:///etc/passwd")  # refused before any connection
    dialog.fetch_button.click()
    qtbot.waitUntil(lambda: "not a web address" in dialog.message.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.fetch_button.isEnabled()
    dialog.reject()


def test_ctrl_shift_v_pastes(window: MainWindow, qtbot: QtBot) -> None:
    QApplication.clipboard().setText("Keyboard paste\n\nThe minister said 300 schools would close.")
    qtbot.keyClick(
        window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.article is not None and "300 schools" in window.article.text


def test_file_open_imports_on_a_worker_then_shows_the_article(
    window: MainWindow, article_file: Path, tmp_path: Path, qtbot: QtBot, errors: list[str]
) -> None:
    """File > Open: a new file, the same file again (just opened), and one that can't be read."""

    def open_and_wait(path: Path) -> None:
        job = window.library.open_path(path)
        assert job is not None
        with qtbot.waitSignal(job.done, timeout=60_000):
            pass

    open_and_wait(article_file)
    assert window.article is not None and window.article.filename == article_file.name
    assert window.library.pane.row_count() == 1
    first_id = window.article.id

    other = tmp_path / "other.txt"
    other.write_text("Ferry timetable\n\nThe ferry will run every 20 minutes from May, the operator said.\n")
    open_and_wait(other)
    assert window.article.id != first_id

    open_and_wait(article_file)
    assert window.article.id == first_id
    assert "already in the library" in window.statusBar().currentMessage()
    assert window.library.pane.row_count() == 2

    blank = tmp_path / "blank.txt"
    blank.write_text("   \n")
    open_and_wait(blank)
    assert window.article.id == first_id, "a file that can't be read leaves the article shown"
    assert errors == ["blank.txt is empty"]
