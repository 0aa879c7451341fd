"""The library pane: every article with its outlet, dates, claims and a bar of their statuses.

The model holds summaries only (services.library reads no article text), so a library of 10,000
articles loads in a fraction of a second; sorting and the title filter run in a proxy, the
status/outlet/tag filters and the trash view in SQL. Deleting moves to the trash through an undo
command on the window's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QKeySequence,
    QPainter,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.statuses import STATUSES
from app.domain.statuses import status as status_info
from app.domain.summaries import LibraryEntry, LibraryFilter
from app.ui.database_slot import DatabaseSlot
from app.ui.lazy import LazyModule
from app.ui.library.empty_library import EmptyLibraryPage
from app.ui.library.undo_bar import UndoBar
from app.ui.theme import chip_ink
from app.ui.tooltips import as_plain_tooltip
from app.ui.translation import QT_TRANSLATE_NOOP, status_label, translate

if TYPE_CHECKING:
    from app.services import articles, library
    from app.storage.database import Database
else:
    articles = LazyModule("app.services.articles")
    library = LazyModule("app.services.library")

Index = QModelIndex | QPersistentModelIndex
Guard = Callable[[Callable[[], Any]], Any]
TITLE, OUTLET, PUBLISHED, IMPORTED, CLAIMS, STATUS_BAR = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("LibraryPane", "Title"),
    QT_TRANSLATE_NOOP("LibraryPane", "Outlet"),
    QT_TRANSLATE_NOOP("LibraryPane", "Published"),
    QT_TRANSLATE_NOOP("LibraryPane", "Imported"),
    QT_TRANSLATE_NOOP("LibraryPane", "Claims"),
    QT_TRANSLATE_NOOP("LibraryPane", "Statuses"),
)  # shown through translate("LibraryPane", ...)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
ALL = "__all__"
_COUNT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ENTRY_ROLE)


class LibraryModel(DatabaseSlot, QAbstractTableModel):
    """Library entries as table rows; the title is editable (rename).

    Lazy: rows come from a summary query (no article text, no counts); each row's claim counts
    are read when a view first asks for them, batched with the other rows shown on the same turn
    of the event loop. Sorting by claims reads every count once.
    """

    renamed = Signal(int, str)  # article id, its new title (F2): the window shows it everywhere

    def __init__(self, db: Database | None, guard: Guard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if db is not None:
            self.db = db
        self.guard = guard
        self.where = LibraryFilter()
        self._entries: list[LibraryEntry] = []
        self._row_by_id: dict[int, int] = {}
        self._order: tuple[int, Qt.SortOrder] = (IMPORTED, Qt.SortOrder.DescendingOrder)
        self._counted: set[int] = set()  # article ids whose statuses are loaded
        self._wanted: set[int] = set()
        self._count_timer = QTimer(self, singleShot=True, interval=0)
        self._count_timer.timeout.connect(self.load_wanted_counts)
        self._title_versions: dict[int, int] = {}  # article id -> its version as its title editor opened

    def reload(self, where: LibraryFilter | None = None) -> None:
        if where is not None:
            self.where = where
        entries = self.guard(lambda: library.list_library(self.db, self.where, counts=False))
        self.beginResetModel()
        self._entries = entries or []
        self._counted.clear()
        self._wanted.clear()
        if self._order[0] in (CLAIMS, STATUS_BAR):
            self._load_counts(None)
        if self._order != (IMPORTED, Qt.SortOrder.DescendingOrder):  # else as the query gave them
            self._entries = _sorted(self._entries, *self._order)
        self._index_rows()
        self.endResetModel()

    def load_wanted_counts(self) -> None:
        """Read the counts of the rows views asked for since the last turn of the event loop."""
        self._count_timer.stop()
        wanted = sorted(self._wanted - self._counted)
        self._wanted.clear()
        if not wanted:
            return
        rows = self._load_counts(wanted)
        if rows:
            first, last = min(rows), max(rows)
            self.dataChanged.emit(self.index(first, CLAIMS), self.index(last, STATUS_BAR))

    def _load_counts(self, article_ids: list[int] | None) -> list[int]:
        """Put counts into the entries (of these ids, or all); the rows that changed."""
        counts = self.guard(lambda: library.status_counts(self.db, article_ids))
        if counts is None:
            return []
        changed = []
        for row, entry in enumerate(self._entries):
            if entry.id in self._counted or (article_ids is not None and entry.id not in counts):
                continue
            self._entries[row] = replace(entry, statuses=counts.get(entry.id, ()))
            self._counted.add(entry.id)
            changed.append(row)
        return changed

    def _counts_of(self, entry: LibraryEntry) -> bool:
        """Whether the entry's counts are loaded; if not, ask for them on the next turn."""
        if entry.id in self._counted:
            return True
        self._wanted.add(entry.id)
        if not self._count_timer.isActive():
            self._count_timer.start()
        return False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python on one key per row: 10,000 rows in milliseconds, where a proxy's
        pairwise comparisons would call `data()` a few hundred thousand times."""
        self._order = (column, order)
        if column in (CLAIMS, STATUS_BAR) and len(self._counted) < len(self._entries):
            self._load_counts(None)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._entries[index.row()].id for index in old]
        self._entries = _sorted(self._entries, column, order)
        self._index_rows()
        rows = [self._row_by_id[article_id] for article_id in ids]
        new = [self.index(row, index.column()) for row, index in zip(rows, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _index_rows(self) -> None:
        self._row_by_id = {entry.id: row for row, entry in enumerate(self._entries)}

    def update_entry(self, article_id: int) -> None:
        """Refresh one row (its claims changed) without reloading the library."""
        row = self._row_by_id.get(article_id)
        fresh = self.guard(lambda: library.entry(self.db, article_id)) if row is not None else None
        if row is None or fresh is None:
            return
        self._entries[row] = fresh
        self._counted.add(article_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def entry_at(self, row: int) -> LibraryEntry:
        return self._entries[row]

    def row_of(self, article_id: int) -> int | None:
        return self._row_by_id.get(article_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("LibraryPane", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == TITLE and not self.where.trash:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if column in (CLAIMS, STATUS_BAR) and role in _COUNT_ROLES and not self._counts_of(entry):
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _status_tooltip(entry) if column in (CLAIMS, STATUS_BAR) else as_plain_tooltip(entry.title)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CLAIMS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def editing_title(self, article_id: int) -> None:
        """The title editor opened (F2): the version a rename then passes is the one read now."""
        version = self.guard(lambda: library.version(self.db, article_id))
        if version is not None:
            self._title_versions[article_id] = version

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Rename, over the title the row shows: a colleague's rename or change since opens the
        conflict dialog (app/ui/dialogs/conflict_dialog.py). True when the title was saved."""
        if role != Qt.ItemDataRole.EditRole or index.column() != TITLE:
            return False
        article_id, title = self._entries[index.row()].id, " ".join(str(value).split())
        if title == self._entries[index.row()].title:
            self._title_versions.pop(article_id, None)
            return False  # nothing to save
        if article_id not in self._title_versions:  # renamed without the editor (LibraryPane.rename)
            self.editing_title(article_id)
        from app.ui.dialogs.conflict_dialog import save_or_choose

        shown = [self._entries[index.row()]]

        def save(version: int | None) -> None:
            row = {"title": shown[0].title, "outlet": shown[0].outlet, "published_at": shown[0].published}
            self._title_versions[article_id] = library.rename(
                self.db, article_id, title, expect_version=version, row=row
            )

        def theirs() -> int | None:
            """Show the row as stored now (theirs); its version, for Apply mine."""
            self._title_versions.pop(article_id, None)
            self.editing_title(article_id)
            stored = self.guard(lambda: library.entry(self.db, article_id))
            if stored is not None:
                shown[0] = stored
                self._show_entry(stored)
            return self._title_versions.get(article_id)

        parent = self.parent()
        saved = save_or_choose(
            parent if isinstance(parent, QWidget) else None,
            lambda work: did(self.guard, work),
            save,
            self._title_versions.get(article_id),
            title,
            theirs,
        )
        if saved:
            self._show_entry(replace(shown[0], title=title))
        else:
            self._title_versions.pop(article_id, None)
        return saved

    def _show_entry(self, entry: LibraryEntry) -> None:
        """The row as given (renamed here or by someone else); the window's heading follows it."""
        row = self._row_by_id.get(entry.id)
        if row is not None:
            self._entries[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        self.renamed.emit(entry.id, entry.title)


def did(guard: Guard, work: Callable[[], object]) -> bool:
    """Run a service call that returns nothing under the guard; True when it succeeded."""

    def run() -> bool:
        work()
        return True

    return guard(run) is True


def _display(entry: LibraryEntry, column: int) -> str:
    if column == TITLE:
        return entry.title
    if column == OUTLET:
        return entry.outlet or ""
    if column == PUBLISHED:
        return entry.published or ""
    if column == IMPORTED:
        return entry.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if column == CLAIMS:
        return str(entry.claim_count)
    return ""


def _sorted(entries: list[LibraryEntry], column: int, order: Qt.SortOrder) -> list[LibraryEntry]:
    descending = order == Qt.SortOrder.DescendingOrder
    return sorted(entries, key=lambda entry: (_sort_key(entry, column), entry.id), reverse=descending)


def _sort_key(entry: LibraryEntry, column: int) -> Any:
    if column == IMPORTED:
        return entry.imported_at
    if column in (CLAIMS, STATUS_BAR):
        return entry.claim_count
    return _display(entry, column).casefold()


def _status_tooltip(entry: LibraryEntry) -> str:
    if not entry.statuses:
        return translate("LibraryPane", "No claims")
    return "\n".join(
        f"{status_info(s).letter}  {status_label(status_info(s).label)}: {n}" for s, n in entry.statuses
    )


class StatusBarDelegate(QStyledItemDelegate):
    """A small bar of the claims' statuses: one segment per status, its colour and its letter.

    The letter keeps the bar readable without colour; a segment too narrow for it still shows its
    colour, and the tooltip lists every count.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        style = option.widget.style() if option.widget else None  # type: ignore[union-attr]
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        entry: LibraryEntry | None = index.data(ENTRY_ROLE)
        if entry is None or not entry.statuses:
            return
        rect: QRect = option.rect.adjusted(4, 5, -4, -5)  # type: ignore[attr-defined]
        total = entry.claim_count
        painter.save()
        x = rect.left()
        for position, (status_id, count) in enumerate(entry.statuses):
            last = position == len(entry.statuses) - 1
            width = rect.right() + 1 - x if last else max(2, round(rect.width() * count / total))
            segment = QRect(x, rect.top(), width, rect.height())
            info = status_info(status_id)
            painter.fillRect(segment, QColor(info.colour))
            if segment.width() >= painter.fontMetrics().horizontalAdvance(info.letter) + 4:
                painter.setPen(chip_ink(QColor(info.colour)))  # white or black, whichever reads
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, info.letter)
            x += width
        painter.restore()


class _TitleDelegate(QStyledItemDelegate):
    """Tells the model when a title editor opens, so a rename passes the version read then."""

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        entry: LibraryEntry | None = index.data(ENTRY_ROLE)
        if entry is not None:
            self.model.editing_title(entry.id)
        return super().createEditor(parent, option, index)


class LibraryPane(DatabaseSlot, QWidget):
    """The library: filters above a sortable table; Enter or a double-click opens an article."""

    articleChosen = Signal(int)
    trashed = Signal(list)  # article ids just moved to the trash: the window closes the one it shows
    propertiesRequested = Signal(int)
    openFileRequested = Signal()  # the empty library's buttons
    sampleRequested = Signal()

    def __init__(
        self,
        db: Database | None,
        guard: Guard,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if db is not None:
            self.db = db
        self.guard = guard
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.model = LibraryModel(db, guard, self)
        self.proxy = _TitleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(TITLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.view_choice = QComboBox()
        self.view_choice.addItem(translate("LibraryPane", "Library"), False)
        self.view_choice.addItem(translate("LibraryPane", "Trash"), True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(translate("LibraryPane", "Any status"), ALL)
        for s in STATUSES:
            self.status_filter.addItem(f"{s.letter}  {status_label(s.label)}", s.id)
        self.outlet_filter = QComboBox()
        self.tag_filter = QComboBox()
        self.title_filter = QLineEdit(placeholderText=translate("LibraryPane", "Filter titles"))
        self.title_filter.setClearButtonEnabled(True)
        self.title_filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.restore_button = QPushButton(translate("LibraryPane", "Restore"))
        self.empty_button = QPushButton(translate("LibraryPane", "Empty trash"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.confirm_empty_trash)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(STATUS_BAR, StatusBarDelegate(self.table))
        self.table.setItemDelegateForColumn(TITLE, _TitleDelegate(self.model, self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(IMPORTED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2 renames
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between rows
        self.table.activated.connect(self._on_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)

        self.delete_action = QAction(translate("LibraryPane", "Move to trash"), self.table)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.trash_selected)
        self.table.addAction(self.delete_action)

        filters = QGridLayout()  # two by two: the pane stays narrow beside the article
        combos = (self.view_choice, self.status_filter, self.outlet_filter, self.tag_filter)
        for i, widget in enumerate(combos):
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(8)
            filters.addWidget(widget, i // 2, i % 2)
            widget.currentIndexChanged.connect(self._filters_changed)
        trash_row = QHBoxLayout()
        trash_row.addWidget(self.title_filter, 1)
        trash_row.addWidget(self.restore_button)
        trash_row.addWidget(self.empty_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(trash_row)
        self.undo_bar = UndoBar(self.undo_stack, self)
        layout.addWidget(self.undo_bar)
        self.empty_page = EmptyLibraryPage(self)
        self.empty_page.open_button.clicked.connect(self.openFileRequested)
        self.empty_page.sample_button.clicked.connect(self.sampleRequested)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_page)
        layout.addWidget(self.pages, 1)
        self.loaded = False
        QTimer.singleShot(0, self._first_load)  # after the window's first paint, not before it

    # ---- loading --------------------------------------------------------------------------
    def _first_load(self) -> None:
        if not self.loaded and self.has_database:  # at start-up the database opens after the paint
            self.refresh()

    def use_database(self, db: Database) -> None:
        """Show this library from now on (the start-up opened it, or a backup was restored)."""
        self.db = self.model.db = db
        self.refresh()

    def refresh(self) -> None:
        """Reload the rows (after an import, a status change, a rename elsewhere), keeping the
        rows selected and the current one (coming back to the window refreshes too)."""
        self.loaded = True
        selected, current = self.selected_ids(), self.table.currentIndex().data(ENTRY_ROLE)
        self._fill_choices()
        self.model.reload(self._filter())
        self._reselect(selected, current.id if current is not None else None)
        in_trash = self.model.where.trash
        self.restore_button.setVisible(in_trash)
        self.empty_button.setVisible(in_trash)
        empty = self.model.rowCount() == 0 and self._filter() == LibraryFilter()
        self.pages.setCurrentWidget(self.empty_page if empty else self.table)

    def is_empty_page_shown(self) -> bool:
        return self.pages.currentWidget() is self.empty_page

    def _fill_choices(self) -> None:
        choices = self.guard(lambda: library.filter_choices(self.db))
        outlets, tags = choices if choices is not None else ([], [])
        for combo, label, names in (
            (self.outlet_filter, translate("LibraryPane", "Any outlet"), outlets),
            (self.tag_filter, translate("LibraryPane", "Any tag"), tags),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, ALL)
            for name in names:
                combo.addItem(name, name)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def _filter(self) -> LibraryFilter:
        def chosen(combo: QComboBox) -> str | None:
            value = combo.currentData()
            return None if value in (ALL, None) else str(value)

        return LibraryFilter(
            status=chosen(self.status_filter),
            outlet=chosen(self.outlet_filter),
            tag=chosen(self.tag_filter),
            trash=bool(self.view_choice.currentData()),
        )

    def _filters_changed(self) -> None:
        self.refresh()

    def show_trash(self, trash: bool) -> None:
        self.view_choice.setCurrentIndex(1 if trash else 0)

    # ---- rows -----------------------------------------------------------------------------
    def row_count(self) -> int:
        return self.proxy.rowCount()

    def article_ids(self) -> list[int]:
        """The ids in the order shown."""
        return [self.proxy.index(row, 0).data(ENTRY_ROLE).id for row in range(self.proxy.rowCount())]

    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def _reselect(self, article_ids: list[int], current: int | None) -> None:
        selection = QItemSelection()
        for article_id in article_ids:
            if (row := self.model.row_of(article_id)) is not None:
                index = self.proxy.mapFromSource(self.model.index(row, TITLE))
                selection.select(index, index.siblingAtColumn(len(HEADERS) - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if current is not None and (row := self.model.row_of(current)) is not None:
            index = self.proxy.mapFromSource(self.model.index(row, TITLE))
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.selectionModel().select(selection, flags)

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ENTRY_ROLE).id for index in rows]

    def rename(self, article_id: int, title: str) -> bool:
        row = self.model.row_of(article_id)
        return row is not None and self.model.setData(self.model.index(row, TITLE), title)

    def _on_activated(self, index: QModelIndex) -> None:
        entry: LibraryEntry | None = index.data(ENTRY_ROLE)
        if entry is not None and not self.model.where.trash:
            self.articleChosen.emit(entry.id)

    # ---- trash ----------------------------------------------------------------------------
    def trash_selected(self) -> None:
        ids = self.selected_ids()
        if ids and not self.model.where.trash:
            self.trash(ids)

    def trash(self, article_ids: list[int]) -> None:
        """Move to the trash as one undoable step: the bar under the filters (and Ctrl+Z) bring them back."""
        rows = [row for i in article_ids if (row := self.model.row_of(i)) is not None]
        titles = [self.model.entry_at(row).title for row in rows]
        if not did(self.guard, lambda: library.move_to_trash(self.db, article_ids)):
            return
        command = _TrashArticles(self, article_ids)
        self.undo_stack.push(command)
        self.refresh()
        self.trashed.emit(article_ids)
        if len(titles) == 1:
            said = translate("LibraryPane", "Moved “{title}” to the trash.").format(title=titles[0])
        else:
            said = translate("LibraryPane", "Moved {count} articles to the trash.").format(
                count=len(article_ids)
            )
        self.undo_bar.offer(said, command)

    # ---- context menu ---------------------------------------------------------------------
    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """Open, Properties, Rename, Move to trash, Show in folder (or Restore, in the trash)."""
        entry: LibraryEntry | None = index.data(ENTRY_ROLE) if index.isValid() else None
        if entry is None:
            return None
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.setCurrentIndex(index)
        menu = QMenu(self.table)
        if self.model.where.trash:
            menu.addAction(translate("LibraryPane", "&Restore"), self.restore_selected)
            return menu
        menu.addAction(translate("LibraryPane", "&Open"), lambda: self.articleChosen.emit(entry.id))
        properties = menu.addAction(
            translate("LibraryPane", "&Properties…"), lambda: self.propertiesRequested.emit(entry.id)
        )
        properties.setShortcut(QKeySequence("Alt+Return"))  # shown; Article > Properties has the key
        rename = menu.addAction(
            translate("LibraryPane", "Re&name"), lambda: self.table.edit(index.siblingAtColumn(TITLE))
        )
        rename.setShortcut(QKeySequence("F2"))
        menu.addSeparator()
        trash = menu.addAction(translate("LibraryPane", "Move to &trash"), self.trash_selected)
        trash.setShortcut(QKeySequence.StandardKey.Delete)
        menu.addSeparator()
        folder = self.guard(lambda: articles.saved_copy_folder(self.db, entry.id))
        show = menu.addAction(translate("LibraryPane", "Show in &folder"), lambda: _show_folder(folder))
        show.setEnabled(folder is not None)
        if folder is None:
            show.setToolTip(
                translate("LibraryPane", "Only a page fetched from the web keeps a copy in the data folder")
            )
        menu.setToolTipsVisible(True)
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(self.table.indexAt(pos))
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.table.viewport().mapToGlobal(pos))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.guard(lambda: library.restore(self.db, ids))
            self.refresh()

    def confirm_empty_trash(self) -> None:
        """Deleting for good takes claims, notes and evidence with it: ask first."""
        n = self.model.rowCount()
        if not n:
            return
        answer = QMessageBox.question(
            self,
            translate("LibraryPane", "Empty the trash"),
            (
                translate(
                    "LibraryPane",
                    "Delete 1 article for good, with every claim, note and piece of "
                    "evidence on them? This cannot be undone (backups keep earlier copies).",
                )
                if n == 1
                else translate(
                    "LibraryPane",
                    "Delete {count} articles for good, with every claim, note and piece of "
                    "evidence on them? This cannot be undone (backups keep earlier copies).",
                ).format(count=n)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.empty_trash()

    def empty_trash(self) -> None:
        self.guard(lambda: library.empty_trash(self.db))
        self.undo_stack.clear()  # trashing can't be undone once the articles are gone
        self.refresh()


def _show_folder(folder: Path | None) -> None:
    """The file manager at a folder on this computer (a local file: nothing goes online)."""
    if folder is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class _TitleFilter(QSortFilterProxyModel):
    """Filters rows by title; sorting is passed on to the library model, which does it faster."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)


class _TrashArticles(QUndoCommand):
    """Articles moved to the trash; undo restores them. The first redo was done before the push."""

    def __init__(self, pane: LibraryPane, article_ids: list[int]) -> None:
        n = len(article_ids)
        super().__init__(
            translate("LibraryPane", "move 1 article to the trash")
            if n == 1
            else translate("LibraryPane", "move {count} articles to the trash").format(count=n)
        )
        self.pane = pane
        self.article_ids = article_ids
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.pane.guard(lambda: library.move_to_trash(self.pane.db, self.article_ids))
        self.pane.refresh()

    def undo(self) -> None:
        self.pane.guard(lambda: library.restore(self.pane.db, self.article_ids))
        self.pane.refresh()
        self.pane.undo_bar.hide()  # undone, by the bar or by Ctrl+Z
