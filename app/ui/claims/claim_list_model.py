"""The claims of one article as a Qt item model: one row per claim, optionally grouped.

Two levels at most. Flat: the claims at the top, and orphans (claims a new version of the article
no longer contains) under an "Orphans" row at the end. By source: one row per source ("everything
HUR says in this article"), the claims under it, and the orphans again last. By linked claim (issue
20): one row per claim made elsewhere in the library ("Also in 5 articles; first: …"), then "Only in
this article", then the orphans; until the links are known (`set_link_groups`) the list stays flat.
Filtering and sorting are the proxy's job (app/ui/claims/claim_filters.py); this model only holds
and describes the claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.records import ClaimRecord
from app.domain.statuses import STATUSES, status
from app.export.memo_links import also_in
from app.ui.claims.status_icons import status_icon
from app.ui.tooltips import as_plain_tooltip
from app.ui.translation import (
    QT_TRANSLATE_NOOP,
    kind_label,
    source_description,
    source_label,
    status_label,
    translate,
)

if TYPE_CHECKING:
    from app.services.claim_links import ArticleLinkGroup

Index = QModelIndex | QPersistentModelIndex
NO_GROUPS, BY_SOURCE, BY_LINK = "none", "source", "link"  # the ways the list can be grouped

ClaimIdRole = Qt.ItemDataRole.UserRole + 1
PositionRole = Qt.ItemDataRole.UserRole + 2
ScoreRole = Qt.ItemDataRole.UserRole + 3
StatusOrderRole = Qt.ItemDataRole.UserRole + 4
GroupOrderRole = Qt.ItemDataRole.UserRole + 5  # set on group rows only: their place among groups
ClaimRole = Qt.ItemDataRole.UserRole + 6  # the ClaimRecord itself
GroupLabelRole = Qt.ItemDataRole.UserRole + 7  # a group row's key: its source, "Orphans…", "link:<id>"…

COLUMNS = (
    "",
    QT_TRANSLATE_NOOP("ClaimListModel", "Kind"),
    QT_TRANSLATE_NOOP("ClaimListModel", "Source"),
    QT_TRANSLATE_NOOP("ClaimListModel", "Claim"),
    QT_TRANSLATE_NOOP("ClaimListModel", "Hedges"),
    QT_TRANSLATE_NOOP("ClaimListModel", "Notes"),
    QT_TRANSLATE_NOOP("ClaimListModel", "Score"),
    QT_TRANSLATE_NOOP("ClaimListModel", "Tags"),
)  # shown through translate("ClaimListModel", ...)
STATUS_COL, KIND_COL, SOURCE_COL, CLAIM_COL, HEDGES_COL, NOTES_COL, SCORE_COL, TAGS_COL = range(len(COLUMNS))
COLUMN_TIPS = {
    STATUS_COL: QT_TRANSLATE_NOOP("ClaimListModel", "Status: its letter and colour"),
    NOTES_COL: QT_TRANSLATE_NOOP("ClaimListModel", "Notes · evidence items"),
    SCORE_COL: QT_TRANSLATE_NOOP("ClaimListModel", "Check-worthiness, 0 to 1"),
    HEDGES_COL: QT_TRANSLATE_NOOP("ClaimListModel", "Words that soften the claim"),
    TAGS_COL: QT_TRANSLATE_NOOP(
        "ClaimListModel", "Your tags on the claim (the Tags filter above shows one tag's claims)"
    ),
}
ARTICLE_ITSELF = QT_TRANSLATE_NOOP("ClaimListModel", "The article itself")
ORPHANS = QT_TRANSLATE_NOOP("ClaimListModel", "Orphans: not found in the new version")
ONLY_HERE = QT_TRANSLATE_NOOP("ClaimListModel", "Only in this article")
LINKED = "link:"  # + the group's key: the label of a group of claims made elsewhere too
_LAST = {ONLY_HERE: 999_999_999, ORPHANS: 1_000_000_000}  # these groups come last, in this order
CHANGED_MARK = "✎ "  # beside a claim whose wording a new version changed
_STATUS_ORDER = {s.id: i for i, s in enumerate(STATUSES)}
_TOP = 0  # internal id of top-level rows; a child's internal id is its group's top row + 1


@dataclass(slots=True)
class _Group:
    label: str
    order: int  # groups keep reading order (their first claim's place), orphans last
    members: list[int] = field(default_factory=list)  # positions in ClaimListModel._claims
    heading: str = ""  # what the row says when it is not its label (a linked claim's "Also in …")
    tip: str = ""


def group_key(claim: ClaimRecord) -> str:
    """The group a claim falls in when grouped by source."""
    return ORPHANS if not claim.anchored else (claim.source_name or ARTICLE_ITSELF)


class ClaimListModel(QAbstractItemModel):
    """Every claim of the article (dismissed and orphaned ones too: the proxy hides them)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._claims: list[ClaimRecord] = []
        self._row_of: dict[int, int] = {}  # claim id -> position in _claims (article order)
        self._grouping = NO_GROUPS
        self._links: dict[int, ArticleLinkGroup] | None = None  # claim id -> its group; None: not known
        self._top: list[int | _Group] = []  # top-level rows: a claim's position, or a group
        self._place: dict[int, tuple[int | None, int]] = {}  # position -> (group's top row, row)

    # ---- the claims -----------------------------------------------------------------------
    def set_claims(self, claims: tuple[ClaimRecord, ...]) -> None:
        self.beginResetModel()
        self._claims = sorted(claims, key=lambda c: (c.start, c.id))
        self._row_of = {c.id: i for i, c in enumerate(self._claims)}
        self._layout()
        self.endResetModel()

    def set_grouping(self, grouping: str) -> None:
        """NO_GROUPS, BY_SOURCE or BY_LINK."""
        if grouping != self._grouping:
            self.beginResetModel()
            self._grouping = grouping
            self._layout()
            self.endResetModel()

    def grouping(self) -> str:
        return self._grouping

    def set_grouped(self, grouped: bool) -> None:
        """Group by source, or not at all."""
        self.set_grouping(BY_SOURCE if grouped else NO_GROUPS)

    def grouped(self) -> bool:
        return self._grouping != NO_GROUPS

    def set_link_groups(self, groups: Sequence[ArticleLinkGroup] | None) -> None:
        """The article's claims made elsewhere (app/services/claim_links.py article_link_groups);
        None while they are being found. Regroups the list when it is grouped by linked claim."""
        links = None if groups is None else {claim_id: g for g in groups for claim_id in g.members}
        if links == self._links:
            return
        if self._grouping != BY_LINK:
            self._links = links
            return
        self.beginResetModel()
        self._links = links
        self._layout()
        self.endResetModel()

    def links_known(self) -> bool:
        return self._links is not None

    def claims(self) -> tuple[ClaimRecord, ...]:
        """Every claim, in article order."""
        return tuple(self._claims)

    def claim_at(self, row: int) -> ClaimRecord:
        """The claim at a place in article order (not a row of the view)."""
        return self._claims[row]

    def row_of(self, claim_id: int) -> int | None:
        """A claim's place in article order, or None if the article has no such claim."""
        return self._row_of.get(claim_id)

    def claim(self, claim_id: int) -> ClaimRecord | None:
        row = self._row_of.get(claim_id)
        return None if row is None else self._claims[row]

    def replace_claim(self, claim: ClaimRecord) -> None:
        """Swap in a claim's new state and repaint its row; a claim that changes group is moved."""
        row = self._row_of.get(claim.id)
        if row is None:
            return
        old = self._claims[row]
        moved = old.start != claim.start  # a new span: article order may change
        if moved or self._group_of(old) != self._group_of(claim):
            claims = list(self._claims)
            claims[row] = claim
            self.set_claims(tuple(claims))  # rare: a reset, which the panel survives keeping its selection
            return
        self._claims[row] = claim
        first = self.index_of(claim.id)
        self.dataChanged.emit(first, first.siblingAtColumn(len(COLUMNS) - 1))

    def index_of(self, claim_id: int) -> QModelIndex:
        """The model index of a claim's first column (invalid if the article has no such claim)."""
        row = self._row_of.get(claim_id)
        if row is None:
            return QModelIndex()
        group_row, inner = self._place[row]
        if group_row is None:
            return self.createIndex(inner, 0, _TOP)
        return self.createIndex(inner, 0, group_row + 1)

    def claim_for(self, index: Index) -> ClaimRecord | None:
        """The claim a row shows (None for a group row)."""
        position = self._position(index)
        return None if position is None else self._claims[position]

    def _group_of(self, claim: ClaimRecord) -> str | None:
        """The label of the group the claim is listed under (None: at the top)."""
        if not claim.anchored:
            return ORPHANS
        if self._grouping == BY_SOURCE:
            return group_key(claim)
        if self._grouping == BY_LINK and self._links is not None:
            linked = self._links.get(claim.id)
            return ONLY_HERE if linked is None else f"{LINKED}{linked.key}"
        return None

    def _layout(self) -> None:
        """Arrange the claims into top-level rows and groups."""
        groups: dict[str, _Group] = {}
        top: list[int | _Group] = []
        for position, claim in enumerate(self._claims):
            key = self._group_of(claim)
            if key is None:
                top.append(position)
                continue
            group = groups.get(key)
            if group is None:
                group = groups[key] = self._new_group(key, claim)
                top.append(group)
            group.members.append(position)
        # orphans (and "Only in this article") last, whatever their stale offsets say
        top.sort(key=lambda entry: _LAST.get(entry.label, 0) if isinstance(entry, _Group) else 0)
        self._top = top
        self._place = {}
        for top_row, entry in enumerate(top):
            if isinstance(entry, _Group):
                for inner, position in enumerate(entry.members):
                    self._place[position] = (top_row, inner)
            else:
                self._place[entry] = (None, top_row)

    def _new_group(self, key: str, first: ClaimRecord) -> _Group:
        group = _Group(key, _LAST.get(key, first.start))
        linked = self._links.get(first.id) if self._links is not None and key.startswith(LINKED) else None
        if linked is not None:
            group.heading = also_in(
                linked.articles, linked.first_where, linked.first_date, linked.first_is_here
            )
            group.tip = (
                group.heading
                + "\n"
                + translate(  # the heading in full, where the row cuts it short
                    "ClaimListModel",
                    "Other articles in the library make these claims too: the editor lists them",
                )
            )
        elif key == ONLY_HERE:
            group.tip = translate("ClaimListModel", "No other article in the library makes these claims")
        elif key == ORPHANS:
            group.tip = translate(
                "ClaimListModel",
                "Claims a new version of the article no longer contains. Kept, with their notes.",
            )
        return group

    def _entry(self, index: Index) -> int | _Group | None:
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if parent_id == _TOP:
            return self._top[index.row()]
        group = self._top[parent_id - 1]
        assert isinstance(group, _Group)
        return group.members[index.row()]

    def _position(self, index: Index) -> int | None:
        entry = self._entry(index)
        return entry if isinstance(entry, int) else None

    # ---- QAbstractItemModel ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt asks this thousands of times per relayout: checked here rather than through hasIndex,
        # which would call rowCount and columnCount back in Python each time.
        if row < 0 or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._top) else QModelIndex()
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        group = self._top[parent.row()]
        if not isinstance(group, _Group) or row >= len(group.members):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0 or parent.internalId() != _TOP:
            return 0
        entry = self._top[parent.row()]
        return len(entry.members) if isinstance(entry, _Group) else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("ClaimListModel", COLUMNS[section]) if COLUMNS[section] else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = COLUMN_TIPS.get(section)
            return translate("ClaimListModel", tip) if tip else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self._entry(index)
        if entry is None:
            return None
        if isinstance(entry, _Group):
            return _group_data(entry, index.column(), role)
        return _claim_data(self._claims[entry], index.column(), role)


def _group_data(group: _Group, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole and column == 0:
        n = len(group.members)
        label = group.heading or (
            translate("ClaimListModel", group.label)
            if group.label in (ORPHANS, ARTICLE_ITSELF, ONLY_HERE)
            else group.label
        )
        if n == 1 and group.heading:
            return label  # a claim made elsewhere is mostly made once here: its heading says enough
        if n == 1:
            return translate("ClaimListModel", "{group}  ·  1 claim").format(group=label)
        return translate("ClaimListModel", "{group}  ·  {count} claims").format(group=label, count=n)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(QColor(128, 128, 128, 48))  # a band that reads on light and dark themes
    if role == GroupOrderRole:
        return group.order
    if role == GroupLabelRole:
        return group.label
    if role == Qt.ItemDataRole.ToolTipRole and group.tip:
        return group.tip
    return None


def _claim_data(claim: ClaimRecord, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return _cell_text(claim, column)
    if role == Qt.ItemDataRole.DecorationRole and column == STATUS_COL:
        return status_icon(claim.status)  # its colour and its letter
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return status_label(status(claim.status).label) if column == STATUS_COL else _cell_text(claim, column)
    if role == Qt.ItemDataRole.ToolTipRole:
        return claim_tooltip(claim)
    if role == Qt.ItemDataRole.FontRole and (
        claim.dismissed or not claim.anchored or (column == SOURCE_COL and claim.source_uncertain)
    ):
        font = QFont()
        font.setItalic(True)  # an uncertain source reads as a guess, not as fact
        font.setStrikeOut(claim.dismissed)
        return font
    if role == Qt.ItemDataRole.ForegroundRole and claim.dismissed:
        return QBrush(QColor(128, 128, 128))
    if role == Qt.ItemDataRole.TextAlignmentRole and column in (NOTES_COL, SCORE_COL):
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if role == ClaimIdRole:
        return claim.id
    if role == ClaimRole:
        return claim
    if role == PositionRole:
        return claim.start
    if role == ScoreRole:
        return claim.score
    if role == StatusOrderRole:
        return _STATUS_ORDER[claim.status] * 1_000_000_000 + claim.start
    return None


def _cell_text(claim: ClaimRecord, column: int) -> str:
    if column == STATUS_COL:
        return ""  # the icon shows the letter; the label is in the tooltip and the editor
    if column == KIND_COL:
        return kind_label(claim.kind, short=True)
    if column == SOURCE_COL:
        return source_label(claim) or "—"
    if column == CLAIM_COL:
        sentence = " ".join(claim.text.split())
        return (CHANGED_MARK + sentence) if claim.previous_text is not None else sentence
    if column == HEDGES_COL:
        return ", ".join(claim.hedges)
    if column == NOTES_COL:
        if not claim.notes and not claim.evidence:
            return ""
        return f"{len(claim.notes)} · {len(claim.evidence)}"
    if column == SCORE_COL:
        return translate("ClaimListModel", "manual") if claim.origin == "manual" else f"{claim.score:.2f}"
    if column == TAGS_COL:
        return ", ".join(claim.tags)
    return ""


def claim_tooltip(claim: ClaimRecord) -> str:
    """The whole sentence first (the Claim column may cut it short), then what is known of it."""
    s = status(claim.status)
    lines = [
        " ".join(claim.text.split()),
        "",
        translate("ClaimListModel", "Status: {status} ({letter})").format(
            status=status_label(s.label), letter=s.letter
        ),
        translate("ClaimListModel", "Score: {score}").format(score=f"{claim.score:.2f}"),
    ]
    if claim.origin == "manual":
        lines[-1] = translate("ClaimListModel", "Added by hand")
    if claim.source_description:
        lines.append(translate("ClaimListModel", "Source: {source}").format(source=source_description(claim)))
    if claim.hedges:
        lines.append(translate("ClaimListModel", "Hedges: ") + ", ".join(claim.hedges))
    if claim.figures:
        lines.append(translate("ClaimListModel", "Figures: ") + ", ".join(claim.figures))
    if claim.reasons:
        lines.append(translate("ClaimListModel", "Flagged for: ") + ", ".join(claim.reasons))
    if claim.notes or claim.evidence:
        lines.append(
            translate("ClaimListModel", "{notes} note(s), {evidence} evidence item(s)").format(
                notes=len(claim.notes), evidence=len(claim.evidence)
            )
        )
    if claim.tags:
        lines.append(translate("ClaimListModel", "Tags: ") + ", ".join(claim.tags))
    if claim.previous_text is not None:
        lines.append(
            translate("ClaimListModel", "Wording changed in the new version; it was: “{before}”").format(
                before=claim.previous_text
            )
        )
    if not claim.anchored:
        lines.append(
            translate(
                "ClaimListModel", "Orphan: the new version of the article no longer contains this passage"
            )
        )
    if claim.dismissed:
        lines.append(translate("ClaimListModel", "Dismissed: hidden from the list; Restore brings it back"))
    return as_plain_tooltip("\n".join(lines))
