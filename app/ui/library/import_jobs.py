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
from app.ui.translation import translate

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
        self.dialog = QProgressDialog(
            translate("ImportJobs", "Importing…"), translate("ImportJobs", "Cancel"), 0, 0, parent
        )
        self.dialog.setWindowTitle(translate("ImportJobs", "Import articles"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.worker = workers.Job(
            lambda job: articles.import_files(db, paths, job.report_progress),
            translate("ImportJobs", "the import"),
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
        self.dialog.setLabelText(
            translate("ImportJobs", "Importing {number} of {total}: {name}").format(
                number=done + 1, total=total, name=name
            )
            if name
            else translate("ImportJobs", "Done")
        )

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
        (
            translate("ImportJobs", "Already in the library (not imported twice):"),
            [(n, translate("ImportJobs", "article {id}").format(id=a)) for n, a in report.duplicates],
        ),
        (translate("ImportJobs", "Could not be read:"), report.failed),
    ):
        if rows:
            lines.append(label)
            lines += [
                f"  {Path(name).name}: {why}" if name else f"  {why}" for name, why in rows[:MAX_LISTED]
            ]
            if len(rows) > MAX_LISTED:
                lines.append(
                    translate("ImportJobs", "  … and {count} more").format(count=len(rows) - MAX_LISTED)
                )
    return "\n".join(lines)


def import_summary(report: BatchReport) -> str:
    """`BatchReport.summary()` in the window's language (the service's words serve the command line)."""
    parts = [translate("ImportJobs", "{count} imported").format(count=len(report.imported))]
    if report.updated:
        parts.append(
            translate("ImportJobs", "{count} updated to a new version").format(count=len(report.updated))
        )
    if report.namesakes:
        parts.append(
            translate(
                "ImportJobs", "{count} kept apart from an article with the same file name but another text"
            ).format(count=len(report.namesakes))
        )
    if report.duplicates:
        parts.append(
            translate("ImportJobs", "{count} already in the library (not imported twice)").format(
                count=len(report.duplicates)
            )
        )
    if report.failed:
        parts.append(translate("ImportJobs", "{count} could not be read").format(count=len(report.failed)))
    return ", ".join(parts) + (translate("ImportJobs", " — cancelled") if report.cancelled else "")


def show_summary(parent: QWidget, report: BatchReport) -> QMessageBox | None:
    """A non-blocking box listing duplicates and failures, when there are any."""
    details = report_details(report)
    if not details:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("ImportJobs", "Import finished"),
        import_summary(report),
        parent=parent,
    )
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
    raise ClaimdeskError(translate("ImportJobs", "The clipboard holds no text to make an article from"))
