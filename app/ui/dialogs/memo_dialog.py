"""The memo dialog: choose what the verification memo holds, then export, print or preview it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.statuses import STATUSES
from app.errors import ClaimdeskError
from app.export.memo_options import MemoOptions, Order, Paper
from app.services import reports
from app.services.articles import load_article
from app.ui import messages, workers
from app.ui.guard import run_guarded, safe_file_name
from app.ui.settings import MEMO_ORDER, MEMO_PAPER
from app.ui.translation import status_label, translate

if TYPE_CHECKING:
    from app.storage.database import Database

T = TypeVar("T")


class MemoDialog(QDialog):
    """Options for the memo of one article, and the three ways out: PDF, printer, preview."""

    def __init__(self, db: Database, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.article_id = article_id
        self.job: workers.Job | None = None  # the last export, running or done
        article = load_article(db, article_id)
        self.article_title = article.title
        self.setWindowTitle(translate("MemoDialog", "Verification memo"))
        counts = Counter(c.status for c in article.claims)

        self.status_boxes: dict[str, QCheckBox] = {}
        statuses = QGroupBox(translate("MemoDialog", "List the claims marked"))
        status_layout = QVBoxLayout(statuses)
        for s in STATUSES:
            box = QCheckBox(f"{status_label(s.label)} ({counts[s.id]})")
            box.setChecked(True)
            box.toggled.connect(self._update_buttons)
            self.status_boxes[s.id] = box
            status_layout.addWidget(box)

        self.history_box = QCheckBox(translate("MemoDialog", "Each claim's status history"))
        self.history_box.setChecked(True)
        self.appendix_box = QCheckBox(
            translate("MemoDialog", "Appendix: the article with the claims highlighted")
        )
        self.dismissed_box = QCheckBox(
            translate("MemoDialog", "List dismissed claims too (marked as dismissed)")
        )
        self.order_combo = QComboBox()
        self.order_combo.addItem(
            translate("MemoDialog", "By verdict: False, Disputed, Unverified, Partly true, Verified"),
            "verdict",
        )
        self.order_combo.addItem(translate("MemoDialog", "As in the article"), "article")
        self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(MEMO_ORDER.read())))
        self.paper_combo = QComboBox()
        usual = reports.memo_paper(MemoOptions()).upper().replace("LETTER", "Letter")
        where = (
            translate("MemoDialog", "As in Preferences")
            if MEMO_PAPER.read() in ("a4", "letter")
            else translate("MemoDialog", "As usual here")
        )
        usual = usual.replace("Letter", translate("MemoDialog", "Letter"))
        for label, paper in (
            (f"{where} ({usual})", "auto"),
            ("A4", "a4"),
            (translate("MemoDialog", "Letter"), "letter"),
        ):
            self.paper_combo.addItem(label, paper)
        form = QFormLayout()
        form.addRow(translate("MemoDialog", "Include"), self.history_box)
        form.addRow("", self.appendix_box)
        form.addRow("", self.dismissed_box)
        form.addRow(translate("MemoDialog", "Order"), self.order_combo)
        form.addRow(translate("MemoDialog", "Paper"), self.paper_combo)

        self.export_button = QPushButton(translate("MemoDialog", "Export PDF…"))
        self.print_button = QPushButton(translate("MemoDialog", "Print…"))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.setToolTip(translate("MemoDialog", "Print the memo (Ctrl+P)"))
        self.preview_button = QPushButton(translate("MemoDialog", "Preview"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.export_button, self.print_button, self.preview_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export_dialog)
        self.print_button.clicked.connect(self.print_dialog)
        self.preview_button.clicked.connect(self.preview)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{_escape(article.title)}</b>"))
        layout.addWidget(statuses)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    # ---- options ----------------------------------------------------------------------------
    def options(self) -> MemoOptions | None:
        """The options as the widgets show them; None while no status is ticked."""
        chosen = frozenset(sid for sid, box in self.status_boxes.items() if box.isChecked())
        if not chosen:
            return None
        paper: Paper = self.paper_combo.currentData()
        order: Order = self.order_combo.currentData()
        return MemoOptions(
            chosen,
            include_history=self.history_box.isChecked(),
            include_appendix=self.appendix_box.isChecked(),
            paper=paper,
            include_dismissed=self.dismissed_box.isChecked(),
            order=order,
        )

    def _update_buttons(self) -> None:
        ready = self.options() is not None
        for button in (self.export_button, self.print_button, self.preview_button):
            button.setEnabled(ready)
        self.message.setText("" if ready else translate("MemoDialog", "Tick at least one status to list."))

    # ---- the three ways out -------------------------------------------------------------------
    def export_dialog(self) -> None:
        suggested = str(Path.home() / f"{safe_file_name(self.article_title, 'memo')} memo.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self, translate("MemoDialog", "Export the memo as PDF"), suggested, "PDF (*.pdf)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> workers.Job | None:
        """Render the memo to `path` on a worker; the dialog says where it went, or why not."""
        options = self.options()
        if options is None:
            return None
        db, article_id = self.db, self.article_id
        self.message.setText(translate("MemoDialog", "Writing the memo…"))

        def done(result: object) -> None:
            if isinstance(result, ClaimdeskError):
                self.message.setText(str(result))
                messages.warn(self, "Claimdesk", str(result))
            else:
                self.message.setText(translate("MemoDialog", "Memo written to {path}").format(path=result))

        def render(_job: workers.Job) -> Path:
            return reports.export_pdf(db, article_id, path, options)

        self.job = workers.start(render, done, translate("MemoDialog", "the memo"))
        return self.job

    def make_printer(self) -> QPrinter:
        """A printer set to the memo's paper; its dialog may still change it."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        reports.prepare_printer(printer, self.article_title, self.options())
        return printer

    def print_to(self, printer: QPrinter) -> int | None:
        """Paint the memo on `printer`: called by the print dialog and, on every change, the preview."""
        options = self.options()
        if options is None:
            return None
        return self._guarded(lambda: reports.print_memo(self.db, self.article_id, printer, options))

    def print_dialog(self) -> None:
        printer = self.make_printer()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            pages = self.print_to(printer)
            if pages is not None:
                self.message.setText(
                    translate("MemoDialog", "Sent 1 page to the printer")
                    if pages == 1
                    else translate("MemoDialog", "Sent {count} pages to the printer").format(count=pages)
                )

    def preview_dialog(self) -> QPrintPreviewDialog:
        """The preview, built but not shown, so callers (and tests) decide how to run it."""
        preview = QPrintPreviewDialog(self)  # owns its printer: a Python one could be freed under it
        reports.prepare_printer(preview.printer(), self.article_title, self.options())
        preview.setWindowTitle(translate("MemoDialog", "Preview — {title}").format(title=self.article_title))
        preview.paintRequested.connect(self.print_to)
        return preview

    def preview(self) -> None:
        self.preview_dialog().exec()

    def _guarded(self, work: Callable[[], T]) -> T | None:
        return run_guarded(self, work, self.message.setText)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
