"""When a bug escapes: log it, tell the person plainly, and let them pass the report on.

`sys.excepthook` and `threading.excepthook` both end here. The traceback goes to the log
(app/logs.py); a window (never modal: the app keeps working) says what happened, that the work
saved so far is safe, and offers to copy the report or open the log folder. A second failure while
the window is open is added to the same report instead of opening another window.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.logs import log_dir
from app.ui.translation import QT_TRANSLATE_NOOP, translate

log = logging.getLogger("claimdesk.crash")
SAFE = QT_TRANSLATE_NOOP(
    "CrashDialog",
    "Every change you made was saved when you made it: your claims, notes and evidence are safe. "
    "You can go on working; if something looks wrong, restart Claimdesk.",
)


def report_text(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """The report a person can paste into a message: versions and the traceback, no article text."""
    lines = traceback.format_exception(kind, error, tb)
    head = f"Claimdesk {__version__} · Python {platform.python_version()} · {platform.platform()}"
    return head + "\n" + "".join(lines)


class CrashDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CrashDialog", "Claimdesk ran into a problem"))
        self.setMinimumSize(560, 360)
        heading = QLabel(
            translate("CrashDialog", "<b>Something went wrong that Claimdesk did not expect.</b>")
        )
        safe = QLabel(translate("CrashDialog", SAFE), wordWrap=True)
        safe.setTextFormat(Qt.TextFormat.PlainText)
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setObjectName("crashReport")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(translate("CrashDialog", "Copy report"))
        self.folder_button = QPushButton(translate("CrashDialog", "Open log folder"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.copy_button.clicked.connect(self.copy_report)
        self.folder_button.clicked.connect(self.open_log_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(safe)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)

    def add(self, report: str) -> None:
        previous = self.report.toPlainText()
        self.report.setPlainText(f"{previous}\n\n{report}" if previous else report)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))  # a local folder, never the web


class _Reporter(QObject):
    """Lives on the UI thread: a failure on any thread is shown there, through a queued signal."""

    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: CrashDialog | None = None
        self.failed.connect(self.show_report)

    def show_report(self, report: str) -> None:
        if self.dialog is None or not self.dialog.isVisible():
            self.dialog = CrashDialog()  # a window of its own: whatever failed may be the main one
        self.dialog.add(report)
        self.dialog.show()
        self.dialog.raise_()


_reporter: _Reporter | None = None


def install() -> _Reporter:
    """Route uncaught exceptions of the UI thread and of workers to the log and the dialog."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = handle
    threading.excepthook = _handle_thread
    return _reporter


def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log.error("Uncaught exception", exc_info=(kind, error, tb))
    if _reporter is not None:
        _reporter.failed.emit(report_text(kind, error, tb))


def _handle_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        handle(args.exc_type, args.exc_value, args.exc_traceback)
