"""The claims beside the article: a Qt list model and the view that shows it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from app.domain.statuses import status
from app.storage.records import ClaimRecord
from app.ui.status_icons import status_icon

ClaimIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


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
        return None


def _row_text(claim: ClaimRecord) -> str:
    head = status(claim.status).label
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
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        self.selectionModel().currentChanged.connect(self._on_current)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.claimChosen.emit(current.data(ClaimIdRole))

    def choose(self, claim_id: int) -> None:
        model = self.model()
        assert isinstance(model, ClaimListModel)
        row = model.row_of(claim_id)
        if row is not None:
            self.setCurrentIndex(model.index(row))
