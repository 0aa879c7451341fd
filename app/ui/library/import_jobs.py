"""Importing many files (or a folder) on a worker thread, with a progress dialog that can cancel.

The worker calls the same import service as everything else; each file is one transaction in the
worker's own session, so the window stays responsive and a cancelled batch keeps what it already
imported. Duplicates (same sha256) and unreadable files are listed in the summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import ClaimdeskError
from app.ui import workers
from app.ui.lazy import LazyModule

if TYPE_CHECKING:
    from app.services import articles
    from app.services.articles import BatchReport, ImportResult
    from app.storage.database import Database
else:
    articles = LazyModule("app.services.articles")

MAX_LISTED = 12  # files named in the summary box; the rest are counted


class ImportJob(QObject):
    """One batch: the worker, its progress dialog, and the report when it is done."""

    done = Signal(object)  # BatchReport

    def __init__(self, db: Database, paths: Sequence[str | Path], parent: QWidget) -> None:
        super().__init__(parent)
        self.report: BatchReport | None = None
        self.dialog = QProgressDialog("Importing…", "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("Import articles")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.worker = workers.Job(
            lambda job: articles.import_files(db, paths, job.report_progress), "the import"
        )
        self.worker.signals.progress.connect(self._show_progress)
        self.worker.signals.finished.connect(self._finished)
        self.dialog.canceled.connect(self.worker.cancelled.set)

    def start(self) -> ImportJob:
        QThreadPool.globalInstance().start(self.worker)
        return self

    def cancel(self) -> None:
        self.worker.cancelled.set()

    def _show_progress(self, done: int, total: int, name: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(f"Importing {done + 1} of {total}: {name}" if name else "Done")

    def _finished(self, result: object) -> None:
        self.dialog.close()
        if isinstance(result, articles.BatchReport):
            self.report = result
        else:  # an error before any file (the database went away): no report
            self.report = articles.BatchReport(failed=[("", str(result))])
        self.done.emit(self.report)


def report_details(report: BatchReport) -> str:
    """The files a person should know about: duplicates and failures, a few by name."""
    lines: list[str] = []
    for label, rows in (
        ("Already in the library (not imported twice):", [(n, f"article {a}") for n, a in report.duplicates]),
        ("Could not be read:", report.failed),
    ):
        if rows:
            lines.append(label)
            lines += [
                f"  {Path(name).name}: {why}" if name else f"  {why}" for name, why in rows[:MAX_LISTED]
            ]
            if len(rows) > MAX_LISTED:
                lines.append(f"  … and {len(rows) - MAX_LISTED} more")
    return "\n".join(lines)


def show_summary(parent: QWidget, report: BatchReport) -> QMessageBox | None:
    """A non-blocking box listing duplicates and failures, when there are any."""
    details = report_details(report)
    if not details:
        return None
    box = QMessageBox(QMessageBox.Icon.Information, "Import finished", report.summary(), parent=parent)
    box.setDetailedText(details)
    box.setInformativeText(details.split("\n", 1)[0])
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def paste_article(db: Database) -> ImportResult:
    """An article from the clipboard: its HTML through the HTML importer, else its plain text."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is not None and mime.hasHtml() and mime.html().strip():
        return articles.import_html(db, mime.html())
    if mime is not None and mime.hasText() and mime.text().strip():
        return articles.import_text(db, mime.text())
    raise ClaimdeskError("The clipboard holds no text to make an article from")
