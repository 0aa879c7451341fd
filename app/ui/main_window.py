"""The main window: the article on the left, its claims and the claim editor on the right."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from app import __version__
from app.domain.statuses import STATUSES
from app.services import articles, claims, data_exports, reports
from app.storage.database import Database
from app.storage.records import ArticleRecord, ClaimRecord
from app.ui.article_view import ArticleView
from app.ui.claim_editor import ClaimEditor
from app.ui.claims_panel import ClaimsPanel
from app.ui.guard import run_guarded, safe_file_name
from app.ui.settings import app_settings

if TYPE_CHECKING:
    from app.ui.memo_dialog import MemoDialog

T = TypeVar("T")
OPEN_FILTER = "Articles (*.txt *.text *.md);;All files (*)"
DATA_EXPORTS = {  # menu label -> format (services.data_exports.export_<format>)
    "&Markdown memo…": "markdown",
    "&CSV (one row per claim)…": "csv",
    "&W3C Web Annotations (JSON-LD)…": "w3c",
    "Claim&Review (JSON-LD)…": "claimreview",
}
DATA_EXPORT_FILES = {
    "markdown": (".md", "Markdown (*.md)"),
    "csv": (".csv", "CSV (*.csv)"),
    "w3c": (".jsonld", "JSON-LD (*.jsonld *.json)"),
    "claimreview": (" claimreview.jsonld", "JSON-LD (*.jsonld *.json)"),
}


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.article: ArticleRecord | None = None
        self.setWindowTitle("Claimdesk")
        self.resize(1280, 800)

        self.article_view = ArticleView()
        self.claims_panel = ClaimsPanel()
        self.claim_model = self.claims_panel.model
        self.claim_list = self.claims_panel.view
        self.claim_list.claimChosen.connect(self.choose_claim)
        self.editor = ClaimEditor()
        self.editor.statusChosen.connect(self.set_status)
        self.editor.noteSubmitted.connect(self.add_note)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.claims_panel)
        right.addWidget(self.editor)
        right.setSizes([480, 320])
        self.article_heading = QLabel(wordWrap=True)
        self.article_heading.setObjectName("articleHeading")
        self.article_heading.setContentsMargins(18, 10, 18, 4)
        self.article_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.article_heading)
        left_layout.addWidget(self.article_view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([760, 520])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 8, 4)
        central_layout.addWidget(self.splitter)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_keys()
        self._restore_layout()
        self.statusBar().showMessage("Ready")

    # ---- building -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action("&Open…", QKeySequence.StandardKey.Open, self.open_dialog)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self._action("Import &annotations…", None, self.import_annotations_dialog))
        file_menu.addSeparator()
        self.export_action = self._action(
            "Verification &memo (PDF)…", QKeySequence("Ctrl+E"), self.memo_dialog
        )
        self.print_action = self._action(
            "&Print preview…", QKeySequence.StandardKey.Print, self.print_preview
        )
        file_menu.addActions([self.export_action, self.print_action])
        export_menu = file_menu.addMenu("Export &as")
        for label, fmt in DATA_EXPORTS.items():
            export_menu.addAction(self._action(label, None, partial(self.data_export_dialog, fmt)))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Backups…", None, self.backups_dialog))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", QKeySequence.StandardKey.Quit, self.close))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About Claimdesk", None, self.about))

    def _action(
        self, text: str, keys: QKeySequence | QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        return action

    def _build_status_keys(self) -> None:
        """Keys 1-7 set the current claim's status while the list has the focus."""
        for s in STATUSES:
            shortcut = QShortcut(QKeySequence(s.key), self.claim_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda sid=s.id: self._status_key(sid))

    # ---- articles -------------------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        record = self.guarded(lambda: articles.load_article(self.db, article_id))
        if record is None:
            return
        self.guarded(lambda: articles.mark_opened(self.db, article_id))
        self.article = record
        self.article_view.show_text(record.text, record.claims)
        self.claims_panel.set_claims(record.claims)
        self.editor.show_claim(None)
        self.article_heading.setText(_heading_html(record))
        self.setWindowTitle(f"{record.title} — Claimdesk")
        self.statusBar().showMessage(f"{record.source_label} · {len(record.claims)} claims")

    def open_file(self, path: str | Path) -> bool:
        """Import a file (or find it already imported) and show it; False if it can't be read."""
        result = self.guarded(lambda: articles.import_path(self.db, path))
        if result is None:
            return False
        self.open_article(result.article_id)
        if not result.created:
            self.statusBar().showMessage(f"{Path(path).name} was already in the library; opened it")
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open an article", str(Path.home()), OPEN_FILTER)
        if path:
            self.open_file(path)

    def memo_dialog(self) -> MemoDialog | None:
        """Open the memo options (statuses, appendix, history, paper) with export, print, preview."""
        from app.ui.memo_dialog import MemoDialog  # loads Qt's print support only when asked

        if self.article is None:
            return None
        dialog = MemoDialog(self.db, self.article.id, self)
        dialog.open()
        return dialog

    def backups_dialog(self) -> None:
        from app.ui.backups_dialog import BackupsDialog

        BackupsDialog(self).exec()

    def print_preview(self) -> None:
        dialog = self.memo_dialog()
        if dialog is not None:
            dialog.preview()

    def data_export_dialog(self, fmt: str) -> None:
        if self.article is None:
            return
        suffix, pattern = DATA_EXPORT_FILES[fmt]
        suggested = str(Path.home() / f"{safe_file_name(self.article.title)}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, "Export", suggested, pattern)
        if path:
            self.data_export(fmt, path)

    def data_export(self, fmt: str, path: str | Path) -> Path | None:
        if self.article is None:
            return None

        article_id = self.article.id
        writer = getattr(data_exports, f"export_{fmt}")
        written: Path | None = self.guarded(lambda: writer(self.db, article_id, Path(path)))
        if written is not None:
            self.statusBar().showMessage(f"Written to {written}")
        return written

    def import_annotations_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import annotations", str(Path.home()), "Annotations (*.json *.jsonld);;All files (*)"
        )
        if path:
            self.import_annotations(path)

    def import_annotations(self, path: str | Path) -> None:
        """Join annotations (W3C or Hypothesis) to their article, then show that article."""
        from app.services.annotations import import_annotations

        report = self.guarded(lambda: import_annotations(self.db, path))
        if report is None:
            return
        if report.article_ids:
            self.open_article(report.article_ids[0])
        self.statusBar().showMessage(report.summary())

    def export_pdf(self, path: str | Path) -> Path | None:
        if self.article is None:
            return None
        article_id = self.article.id
        written = self.guarded(lambda: reports.export_pdf(self.db, article_id, path))
        if written is not None:
            self.statusBar().showMessage(f"Memo written to {written}")
        return written

    # ---- claims ---------------------------------------------------------------------------
    def choose_claim(self, claim_id: int) -> None:
        row = self.claim_model.row_of(claim_id)
        if row is None:
            return
        self.claims_panel.choose(claim_id)
        self.article_view.select_claim(claim_id)
        self.editor.show_claim(self.claim_model.claim_at(row))

    def current_claim_id(self) -> int | None:
        return self.claims_panel.current_claim_id()

    def _status_key(self, status_id: str) -> None:
        claim_id = self.current_claim_id()
        if claim_id is not None:
            self.set_status(claim_id, status_id)

    def set_status(self, claim_id: int, status_id: str) -> None:
        updated = self.guarded(lambda: claims.set_status(self.db, claim_id, status_id))
        self._refresh_claim(updated)

    def add_note(self, claim_id: int, body: str) -> None:
        note = self.guarded(lambda: claims.add_note(self.db, claim_id, body))
        if note is not None:
            self.editor.note_saved()
            self._refresh_claim(self.guarded(lambda: claims.load_claim(self.db, claim_id)))

    def _refresh_claim(self, claim: ClaimRecord | None) -> None:
        if claim is None:
            return
        self.claim_model.replace_claim(claim)
        self.article_view.update_claims(self.claim_model.claims())
        if self.current_claim_id() == claim.id:
            self.editor.show_claim(claim)

    # ---- misc -----------------------------------------------------------------------------
    def guarded(self, work: Callable[[], T]) -> T | None:
        """Run a service call; a user-caused error becomes a message, never a crash."""
        return run_guarded(self, work, self.statusBar().showMessage)

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Claimdesk",
            f"<b>Claimdesk {__version__}</b><p>Read a news article beside the claims it makes, "
            "and check them. Everything stays on this computer.</p>"
            f"<p>Database: {self.db.path}</p>",
        )

    def _restore_layout(self) -> None:
        settings = app_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        panes = settings.value("window/panes")
        if isinstance(panes, QByteArray):
            self.splitter.restoreState(panes)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/panes", self.splitter.saveState())
        super().closeEvent(event)


def _heading_html(article: ArticleRecord) -> str:
    meta = [escape(article.byline)] if article.byline else []
    meta.append(escape(article.source_label))
    if article.published_at:
        meta.append(escape(article.published_at))
    meta.append("imported " + article.imported_at.astimezone().strftime("%Y-%m-%d %H:%M"))
    return (
        f"<div style='font-size:15pt; font-weight:600'>{escape(article.title)}</div>"
        f"<div style='color:gray'>{' · '.join(meta)}</div>"
    )
