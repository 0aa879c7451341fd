"""Search the library (Ctrl+K): a field, and hits with highlighted snippets below it.

Typing searches after a short pause; Enter or a click on a hit emits `hitChosen`, and the window
opens the article at that place. Snippets come as plain text with markers around the matched
words; they are escaped here and the markers become bold, so page text never becomes markup.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.database_slot import DatabaseSlot
from app.ui.lazy import LazyModule
from app.ui.library.library_pane import Guard
from app.ui.theme import secondary_text
from app.ui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from app.services import search
    from app.services.search import SearchHit
    from app.storage.database import Database
else:
    search = LazyModule("app.services.search")

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_LABELS = {
    "article": QT_TRANSLATE_NOOP("SearchBox", "Article"),
    "claim": QT_TRANSLATE_NOOP("SearchBox", "Claim"),
    "note": QT_TRANSLATE_NOOP("SearchBox", "Note"),
}  # shown through translate("SearchBox", ...)
DELAY_MS = 200


def snippet_html(snippet: str) -> str:
    """The snippet escaped, its matched words in bold."""
    return (
        escape(snippet)
        .replace(search.HIT_START, "<b style='background:#fff2a8; color:black'>")
        .replace(search.HIT_END, "</b>")
    )


def hit_html(hit: SearchHit) -> str:
    kind = translate("SearchBox", KIND_LABELS.get(hit.kind, hit.kind))
    return (
        f"<div class='meta'>{kind} · {escape(hit.article_title)}</div>"
        f"<div>{snippet_html(hit.snippet.replace(chr(10), ' '))}</div>"
    )


class HitListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return hit_html(hit)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # screen readers get the words, not markup
            return translate("SearchBox", "{kind} in {title}: ").format(
                kind=translate("SearchBox", KIND_LABELS.get(hit.kind, hit.kind)), title=hit.article_title
            ) + hit.snippet.replace(search.HIT_START, "").replace(search.HIT_END, "")
        return None


class RichTextDelegate(QStyledItemDelegate):
    """Paints each row's HTML (the highlighted snippet)."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        grey = secondary_text(option.palette, selected=selected).name()  # type: ignore[attr-defined]
        document.setDefaultStyleSheet(f".meta {{ color: {grey} }}")  # readable on a selected row too
        document.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        document.setTextWidth(max(50, option.rect.width() - 8))  # type: ignore[attr-defined]
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        option.text = ""  # type: ignore[attr-defined]
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        painter.save()
        rect = option.rect  # type: ignore[attr-defined]
        painter.translate(rect.left() + 4, rect.top() + 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            context.palette.setColor(
                QPalette.ColorRole.Text,
                option.palette.color(QPalette.ColorRole.HighlightedText),  # type: ignore[attr-defined]
            )
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 4)


class SearchBox(DatabaseSlot, QWidget):
    """A search field with its hits; `hitChosen(hit, query)` when one is picked."""

    hitChosen = Signal(object, str)
    searching = Signal(bool)  # True while hits (or "no hits") are shown

    def __init__(self, db: Database | None, guard: Guard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if db is not None:
            self.db = db
        self.guard = guard
        self.field = QLineEdit(placeholderText=translate("SearchBox", "Search the library (Ctrl+K)"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._schedule)
        self.field.returnPressed.connect(self._choose_first)
        self.field.installEventFilter(self)
        self.model = HitListModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.activated.connect(self._choose)
        self.results.clicked.connect(self._choose)
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._show_results(False)

    def focus(self) -> None:
        """Ctrl+K: put the cursor in the field, its text selected to type over."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def query(self) -> str:
        return self.field.text()

    def _schedule(self) -> None:
        self._timer.start()

    def run_search(self) -> list[SearchHit]:
        """Search now (the timer calls this after a pause in typing)."""
        self._timer.stop()
        query = self.field.text()
        if not query.strip():
            self.model.set_hits([])
            self._show_results(False)
            return []
        hits = self.guard(lambda: search.search(self.db, query)) or []
        self.model.set_hits(hits)
        if not hits:
            said = translate("SearchBox", "No hits")
        elif len(hits) == 1:
            said = translate("SearchBox", "1 hit")
        else:
            said = translate("SearchBox", "{count} hits").format(count=len(hits))
        self.summary.setText(said)
        self._show_results(True)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        return hits

    def _show_results(self, shown: bool) -> None:
        self.results.setVisible(shown)
        self.summary.setVisible(shown)
        self.searching.emit(shown)

    def _choose_first(self) -> None:
        if self._timer.isActive() or not self.model.hits:
            self.run_search()
        index = self.results.currentIndex()
        if not index.isValid() and self.model.hits:
            index = self.model.index(0, 0)
        if index.isValid():
            self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hitChosen.emit(hit, self.field.text())

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Up/Down in the field move through the hits; Escape clears the search."""
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.hits:
                row = self.results.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
                row = max(0, min(row, len(self.model.hits) - 1))
                self.results.setCurrentIndex(self.model.index(row, 0))
                return True
            if event.key() == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                self.run_search()
                return True
        return super().eventFilter(watched, event)
