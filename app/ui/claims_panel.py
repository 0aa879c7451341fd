"""The claims beside the article: a Qt list model, a sorting proxy, and the panel that shows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from app.domain.statuses import STATUSES, status
from app.storage.records import ClaimRecord
from app.ui.status_icons import status_icon

ClaimIdRole = Qt.ItemDataRole.UserRole + 1
PositionRole = Qt.ItemDataRole.UserRole + 2
ScoreRole = Qt.ItemDataRole.UserRole + 3
StatusOrderRole = Qt.ItemDataRole.UserRole + 4
Index = QModelIndex | QPersistentModelIndex
_STATUS_ORDER = {s.id: i for i, s in enumerate(STATUSES)}

# (label, sort role, order): the orders a journalist asks for.
SORT_ORDERS = (
    ("Position in article", PositionRole, Qt.SortOrder.AscendingOrder),
    ("Most check-worthy first", ScoreRole, Qt.SortOrder.DescendingOrder),
    ("Status", StatusOrderRole, Qt.SortOrder.AscendingOrder),
)


class ClaimListModel(QAbstractListModel):
    """One row per claim, in article order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claims: list[ClaimRecord] = []

    def set_claims(self, claims: tuple[ClaimRecord, ...]) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self.endResetModel()

    def claims(self) -> tuple[ClaimRecord, ...]:
        return tuple(self._claims)

    def replace_claim(self, claim: ClaimRecord) -> None:
        """Swap in a claim's new state (after a status change or a note) and repaint its row."""
        row = self.row_of(claim.id)
        if row is not None:
            self._claims[row] = claim
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def row_of(self, claim_id: int) -> int | None:
        return next((i for i, c in enumerate(self._claims) if c.id == claim_id), None)

    def claim_at(self, row: int) -> ClaimRecord:
        return self._claims[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._claims)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        claim = self._claims[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _row_text(claim)
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(claim.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(claim)
        if role == ClaimIdRole:
            return claim.id
        if role == PositionRole:
            return claim.start
        if role == ScoreRole:
            return claim.score
        if role == StatusOrderRole:
            return _STATUS_ORDER[claim.status] * 1_000_000 + claim.start
        return None


def _row_text(claim: ClaimRecord) -> str:
    head = f"{status(claim.status).label} · {claim.score:.2f}"
    if claim.kind != "claim":
        head += f" · {claim.kind}"
    if claim.source:
        head += f" · {claim.source}"
    if claim.notes:
        head += f" · {len(claim.notes)} note{'s' if len(claim.notes) > 1 else ''}"
    return f"{head}\n{claim.text}"


def _tooltip(claim: ClaimRecord) -> str:
    lines = [f"Status: {status(claim.status).label}", f"Score: {claim.score:.2f}"]
    if claim.source:
        lines.append(f"Source: {claim.source}")
    if claim.hedges:
        lines.append("Hedges: " + ", ".join(claim.hedges))
    if claim.figures:
        lines.append("Figures: " + ", ".join(claim.figures))
    if claim.reasons:
        lines.append("Flagged for: " + ", ".join(claim.reasons))
    return "\n".join(lines)


class ClaimListView(QListView):
    """The list of claims; emits the chosen claim's id."""

    claimChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimList")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(3)
        self.setIconSize(QSize(18, 18))
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        self.selectionModel().currentChanged.connect(self._on_current)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.claimChosen.emit(current.data(ClaimIdRole))


class ClaimsPanel(QWidget):
    """Heading, sort order and the list; the list shows the model through a sorting proxy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setDynamicSortFilter(True)
        self.view = ClaimListView()
        self.view.setModel(self.proxy)
        self.heading = QLabel()
        self.heading.setObjectName("claimsHeading")
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("sortBox")
        for label, _role, _order in SORT_ORDERS:
            self.sort_box.addItem(label)
        self.sort_box.currentIndexChanged.connect(self.sort_by)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel("Order:"))
        top.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.sort_by(0)

    def set_claims(self, claims: tuple[ClaimRecord, ...]) -> None:
        self.model.set_claims(claims)
        self.heading.setText(f"<b>Claims</b> ({len(claims)})")

    def sort_by(self, which: int) -> None:
        _label, role, order = SORT_ORDERS[which]
        self.proxy.setSortRole(role)
        self.proxy.sort(0, order)

    def index_of(self, claim_id: int) -> QModelIndex:
        """The view's index of a claim (invalid if it is not listed)."""
        row = self.model.row_of(claim_id)
        return QModelIndex() if row is None else self.proxy.mapFromSource(self.model.index(row))

    def choose(self, claim_id: int) -> None:
        index = self.index_of(claim_id)
        if index.isValid() and index != self.view.currentIndex():
            self.view.setCurrentIndex(index)

    def current_claim_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ClaimIdRole) if index.isValid() else None
