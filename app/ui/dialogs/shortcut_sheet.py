"""Help > Keyboard shortcuts (F1): every shortcut, from the one table in app/ui/shortcuts.py."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui import shortcuts as keys
from app.ui.translation import translate


class ShortcutSheet(QDialog):
    """A read-only table: where a shortcut works, its keys, what it does. Not modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ShortcutSheet", "Keyboard shortcuts"))
        self.resize(680, 560)
        rows = [s for s in keys.SHORTCUTS if s.keys]
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("ShortcutSheet", "Keys"),
                translate("ShortcutSheet", "Does"),
                translate("ShortcutSheet", "Where"),
            ]
        )
        for row, shortcut in enumerate(rows):
            cells = (
                shortcut.text(),
                f"{shortcut.shown_name()}: {shortcut.shown_description()}",
                translate("Shortcuts", shortcut.context),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
