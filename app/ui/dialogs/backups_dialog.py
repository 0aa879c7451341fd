"""File > Backups: the database's backups in a table; make one now, or restore one.

A restore swaps the file under the running window, so the window's database is closed first,
replaced (the current state kept as a before-restore backup), then opened again and shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import articles, safety
from app.ui.guard import run_guarded
from app.ui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from app.storage.backup import BackupInfo
    from app.ui.main_window import MainWindow

REASON_LABELS = {
    "daily": QT_TRANSLATE_NOOP("BackupsDialog", "Daily"),
    "manual": QT_TRANSLATE_NOOP("BackupsDialog", "Made by hand"),
    "before-migration": QT_TRANSLATE_NOOP("BackupsDialog", "Before an upgrade"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore"),
}  # shown through translate("BackupsDialog", ...), as are the column names
COLUMNS = (
    QT_TRANSLATE_NOOP("BackupsDialog", "Taken"),
    QT_TRANSLATE_NOOP("BackupsDialog", "Reason"),
    QT_TRANSLATE_NOOP("BackupsDialog", "Articles"),
    QT_TRANSLATE_NOOP("BackupsDialog", "Size"),
)
Index = QModelIndex | QPersistentModelIndex


class BackupTableModel(QAbstractTableModel):
    """One row per backup, newest first."""

    def __init__(self, rows: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows

    def set_rows(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("BackupsDialog", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = 0) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        return (
            row.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            translate("BackupsDialog", REASON_LABELS.get(row.reason, row.reason)),
            "?" if row.articles is None else str(row.articles),
            f"{row.size / 1024:,.0f} KB",
        )[index.column()]


class BackupsDialog(QDialog):
    """The library's backups: make one now, or restore one through `restore` (the window's)."""

    def __init__(
        self, database: Path, restore: Callable[[BackupInfo], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.restore = database, restore
        self.setWindowTitle(translate("BackupsDialog", "Backups"))
        self.resize(620, 380)
        self.model = BackupTableModel(safety.list_backups(database), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        note = QLabel(
            translate(
                "BackupsDialog",
                "Backups of {library} are kept in {folder}. A copy is made "
                "each day while Claimdesk is open; restoring keeps the current state as a backup first.",
            ).format(library=database, folder=safety.backups_folder(database))
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(translate("BackupsDialog", "Back up now"))
        self.restore_button = QPushButton(translate("BackupsDialog", "Restore…"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        if self.model.rows:
            self.table.selectRow(0)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def refresh(self) -> None:
        self.model.set_rows(safety.list_backups(self.database))

    def back_up(self) -> None:
        if run_guarded(self, lambda: safety.back_up(self.database)) is not None:
            self.refresh()

    def confirm_restore(self, info: BackupInfo) -> bool:
        """Asked before a restore; tests replace it."""
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self,
            translate("BackupsDialog", "Restore this backup?"),
            translate(
                "BackupsDialog",
                "Replace the library with the backup from {when}? The library as it is now will "
                "be kept as a backup first.",
            ).format(when=when),
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None or not self.confirm_restore(info):
            return False
        done = self.restore(info)
        self.refresh()
        return done


def restore_into_window(window: MainWindow, info: BackupInfo) -> bool:
    """Close the window's database, restore the backup into it, reopen it and show it."""
    path = window.db.path
    window.db.close()
    restored = run_guarded(window, lambda: safety.restore(path, info.path, window_may_hold_it=True) or path)
    reopened = run_guarded(window, lambda: safety.open_checked(path))
    if reopened is None:
        return False
    window.db = reopened
    article_id = window.guarded(lambda: articles.article_to_open(reopened))
    if article_id is not None:
        window.open_article(article_id)
    else:
        window.article = None
        window.article_view.show_text("", ())
        window.claims_panel.set_claims(())
        window.editor.show_claim(None)
        window.article_heading.setText("")
        window.setWindowTitle("Claimdesk")
    window.statusBar().showMessage(
        translate("BackupsDialog", "Restored the backup {name}").format(name=info.path.name)
    )
    return restored is not None
