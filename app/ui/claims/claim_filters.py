"""Which claims the panel shows, and in what order: a filtering, sorting proxy over ClaimListModel.

Group rows are never shown for their own sake: recursive filtering shows a group only when one of
its claims passes, so filtering "False" leaves just the sources with a false claim. Groups keep
their own order (reading order, orphans last) whichever way the claims inside them are sorted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.domain.records import ClaimRecord
from app.ui.claims.claim_list_model import (
    ClaimListModel,
    GroupOrderRole,
    PositionRole,
    ScoreRole,
    StatusOrderRole,
)
from app.ui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
ANY = None

# (label, sort role, order): the orders a journalist asks for.
SORT_ORDERS = (
    (QT_TRANSLATE_NOOP("ClaimFilters", "Position in article"), PositionRole, Qt.SortOrder.AscendingOrder),
    (QT_TRANSLATE_NOOP("ClaimFilters", "Most check-worthy first"), ScoreRole, Qt.SortOrder.DescendingOrder),
    (QT_TRANSLATE_NOOP("ClaimFilters", "Status"), StatusOrderRole, Qt.SortOrder.AscendingOrder),
)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What to show. None means any; source "" means claims the article asserts itself; a tag
    matches whatever its case."""

    status: str | None = ANY
    kind: str | None = ANY
    source: str | None = ANY
    show_dismissed: bool = False
    tag: str | None = ANY

    def accepts(self, claim: ClaimRecord) -> bool:
        if claim.dismissed and not self.show_dismissed:
            return False
        if self.status is not None and claim.status != self.status:
            return False
        if self.kind is not None and claim.kind != self.kind:
            return False
        if self.tag is not None and self.tag.casefold() not in {t.casefold() for t in claim.tags}:
            return False
        return self.source is None or (claim.source_name or "") == self.source

    def but(self, **changes: object) -> ClaimFilter:
        return replace(self, **changes)  # type: ignore[arg-type]


def tag_choices(claims: tuple[ClaimRecord, ...]) -> list[tuple[str, int]]:
    """The tags on these claims with how many claims carry each, for the Tags filter."""
    counts: dict[str, tuple[str, int]] = {}
    for claim in claims:
        for tag in claim.tags:
            name, n = counts.get(tag.casefold(), (tag, 0))
            counts[tag.casefold()] = (name, n + 1)
    return sorted(counts.values(), key=lambda item: item[0].casefold())


class ClaimFilterProxy(QSortFilterProxyModel):
    def __init__(self, model: ClaimListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._filter = ClaimFilter()
        self.setSourceModel(model)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)

    def claim_filter(self) -> ClaimFilter:
        return self._filter

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        if claim_filter != self._filter:
            self.beginFilterChange()
            self._filter = claim_filter
            self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        claim = self._model.claim_for(self._model.index(source_row, 0, source_parent))
        return claim is not None and self._filter.accepts(claim)  # a group shows through its claims

    def lessThan(self, left: Index, right: Index) -> bool:
        left_group, right_group = left.data(GroupOrderRole), right.data(GroupOrderRole)
        if left_group is not None or right_group is not None:
            # groups (and the orphans row among flat claims) keep their order in either direction
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            left_key = _group_key(left_group)
            right_key = _group_key(right_group)
            return left_key < right_key if ascending else left_key > right_key
        return bool(super().lessThan(left, right))

    def shown_claim_count(self) -> int:
        """Claims that pass the filter (group rows not counted)."""
        return sum(1 for claim in self._model.claims() if self._filter.accepts(claim))


def _group_key(order: int | None) -> tuple[int, int]:
    """Claims (no group order) before groups, in a flat list; groups by their own order."""
    return (0, 0) if order is None else (1, order)
