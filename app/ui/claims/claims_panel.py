"""The claims beside the article: heading, filters, order and grouping over the list of claims.

The model is app/ui/claims/claim_list_model.py, the filtering proxy app/ui/claims/claim_filters.py, the
keyboard-driven list app/ui/claims/claim_list_view.py; its intents (status 3 for this claim, a note,
dismiss) are carried out by the main window through ClaimActions, so each is saved and undoable.

Grouped by linked claim, the groups need the library's links (app/services/claim_links.py), which
the first time a library is asked means building its index: they are found on a worker, the list
stays flat meanwhile, and regroups in place (the current claim kept) when they come.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain.records import ClaimRecord
from app.domain.statuses import STATUSES
from app.ui import workers
from app.ui.claims.claim_filters import SORT_ORDERS, ClaimFilter, ClaimFilterProxy, tag_choices
from app.ui.claims.claim_list_model import (
    ARTICLE_ITSELF,
    BY_LINK,
    BY_SOURCE,
    CLAIM_COL,
    COLUMNS,
    HEDGES_COL,
    KIND_COL,
    NO_GROUPS,
    NOTES_COL,
    SOURCE_COL,
    TAGS_COL,
    ClaimIdRole,
    ClaimListModel,
    GroupLabelRole,
    GroupOrderRole,
    PositionRole,
    ScoreRole,
    StatusOrderRole,
)
from app.ui.claims.claim_list_view import ClaimTreeView
from app.ui.claims.status_icons import status_icon
from app.ui.settings import CLAIMS_GROUPED, CLAIMS_GROUPING, CLAIMS_HEADER, CLAIMS_ORDER, SHOW_DISMISSED
from app.ui.translation import kind_label, status_label, translate
from app.ui.visible_controls import FOCUS_WIDTH
from app.ui.workers import Job

if TYPE_CHECKING:
    from app.services.claim_links import ArticleLinkGroup
    from app.storage.database import Database

__all__ = ["ClaimIdRole", "ClaimTreeView", "ClaimsPanel", "PositionRole", "ScoreRole", "StatusOrderRole"]

COLUMN_WIDTHS = (34, 50, 140, 320, 64, 40, 40, 90)  # who says it: wide enough for "the regional fire service"
MIN_WIDTHS = (24, 46, 48, 0, 24, 26, 28, 40)  # the other columns give way down to these
CLAIM_SHARE = 0.5  # the sentence keeps at least half of the list's width
# below these widths a column's words can't be read ('the r…', '0…'): rather than squeeze them,
# a narrow panel hides columns in GIVE_WAY's order (their facts are in the editor) and shows
# them again when it widens; a column hidden by the user's choice stays hidden
READABLE = (24, 50, 90, 0, 60, 40, 40, 80)
GIVE_WAY = (HEDGES_COL, NOTES_COL, TAGS_COL, KIND_COL)
GROUPINGS = (NO_GROUPS, BY_SOURCE, BY_LINK)


class ClaimsPanel(QWidget):
    """Heading, filters, order and grouping over the list of claims."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.model = ClaimListModel(self)
        self.proxy = ClaimFilterProxy(self.model, self)
        self.view = ClaimTreeView()
        self.view.setModel(self.proxy)
        self.view.claimChosen.connect(self._update_restore)
        self._collapsed: set[str] = set()  # the groups the user folded, by label
        self.view.collapsed.connect(lambda index: self._collapsed.add(str(index.data(GroupLabelRole))))
        self.view.expanded.connect(lambda index: self._collapsed.discard(str(index.data(GroupLabelRole))))
        self._keep: tuple[int | None, int] = (None, 0)
        self.library: Callable[[], Database | None] = lambda: None  # set by the window
        self.links_job: Job | None = None  # the latest look for the article's links (tests wait for it)
        self._links_asked = 0  # looks started: only the latest one's answer is used
        self._links_of: int | None = None  # the article whose links the model holds
        self._setup_header()
        self.heading = QLabel()
        self.heading.setObjectName("claimsHeading")
        self.sort_box = _combo(
            "sortBox",
            [(translate("ClaimFilters", label), i) for i, (label, _r, _o) in enumerate(SORT_ORDERS)],
            squeeze=False,
        )
        self.sort_box.currentIndexChanged.connect(self.sort_by)
        self.status_filter = _combo("statusFilter", [(translate("ClaimsPanel", "Any status"), None)])
        for s in STATUSES:
            self.status_filter.addItem(status_icon(s.id), f"{status_label(s.label)} ({s.letter})", s.id)
        self.kind_filter = _combo("kindFilter", [(translate("ClaimsPanel", "Any kind"), None)])
        self.source_filter = _combo("sourceFilter", [(translate("ClaimsPanel", "Any source"), None)])
        self.source_filter.setMinimumContentsLength(10)
        self.source_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag_filter = _combo("tagFilter", [(translate("ClaimsPanel", "Any tag"), None)])
        for box in (self.status_filter, self.kind_filter, self.source_filter, self.tag_filter):
            box.currentIndexChanged.connect(self._apply_filter)
        self.group_box = _combo(
            "groupBy",
            [
                (translate("ClaimsPanel", "None"), NO_GROUPS),
                (translate("ClaimsPanel", "By source"), BY_SOURCE),
                (translate("ClaimsPanel", "By linked claim"), BY_LINK),
            ],
            squeeze=False,
        )
        self.group_box.setToolTip(
            translate(
                "ClaimsPanel",
                "By linked claim: the claims other articles in the library make too, each under "
                "where else and first; the rest under “Only in this article”",
            )
        )
        self.group_box.currentIndexChanged.connect(lambda i: self.set_grouping(GROUPINGS[i]))
        self.dismissed_box = QCheckBox(translate("ClaimsPanel", "Show dismissed"))
        self.dismissed_box.setObjectName("showDismissed")
        self.dismissed_box.toggled.connect(self._apply_filter)
        self.restore_button = QPushButton(translate("ClaimsPanel", "Restore"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip(
            translate("ClaimsPanel", "Bring the dismissed claim back into the list")
        )
        self.restore_button.clicked.connect(self._on_restore)
        self.restore_button.hide()

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.restore_button)
        top.addSpacing(12)
        top.addWidget(QLabel(translate("ClaimsPanel", "Order:")))
        top.addWidget(self.sort_box)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.source_filter, 1)
        filters.addWidget(self.tag_filter)
        toggles = QHBoxLayout()
        group_label = QLabel(translate("ClaimsPanel", "Group:"))
        group_label.setBuddy(self.group_box)
        toggles.addWidget(group_label)
        toggles.addWidget(self.group_box)
        toggles.addSpacing(12)
        toggles.addWidget(self.dismissed_box)
        toggles.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(FOCUS_WIDTH, 0, FOCUS_WIDTH, FOCUS_WIDTH)  # room for the focus ring
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(toggles)
        layout.addWidget(self.view, 1)

        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        for signal in (self.proxy.layoutChanged, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._span_groups)
        self.proxy.modelReset.connect(self._span_groups)
        self.sort_by(0)

    # ---- content --------------------------------------------------------------------------
    def set_claims(self, claims: tuple[ClaimRecord, ...]) -> None:
        """Show an article's claims; the current claim stays current if it is still listed."""
        self._fill_choices(claims)
        article = claims[0].article_id if claims else None
        if article != self._links_of:
            self._links_of = article
            self._links_asked += 1  # an answer still coming is about the article shown before
            self.model.set_link_groups(None)
        self.model.set_claims(claims)
        self.find_links()
        self._update_heading()

    def replace_claim(self, claim: ClaimRecord) -> None:
        """One claim changed (status, note, edit): repaint its row only."""
        old = self.model.claim(claim.id)
        self.model.replace_claim(claim)
        if old is not None and (old.kind, old.source, old.tags) != (claim.kind, claim.source, claim.tags):
            self._fill_choices(self.model.claims())
        if old is not None and _linked_as(old) != _linked_as(claim):
            self.find_links()  # dismissed, restored or reworded: its links are others now
        self._update_heading()
        self._update_restore()

    def sort_by(self, which: int) -> None:
        _label, role, order = SORT_ORDERS[which]
        self.proxy.setSortRole(role)
        # The model is in article order already (orphans last): no comparisons, which for 300
        # claims cost 70 ms of Python lessThan calls at every article opened.
        self.proxy.sort(-1 if role == PositionRole else 0, order)
        if self.sort_box.currentIndex() != which:
            self.sort_box.setCurrentIndex(which)
        self._reveal_current()

    def set_grouped(self, grouped: bool) -> None:
        """Group by source (one heading per source, its claims under it), or not at all."""
        self.set_grouping(BY_SOURCE if grouped else NO_GROUPS)

    def set_grouping(self, grouping: str) -> None:
        """NO_GROUPS, BY_SOURCE or BY_LINK (the claims made elsewhere in the library, each group
        under where else and first; the rest under "Only in this article")."""
        which = GROUPINGS.index(grouping)
        if self.group_box.currentIndex() != which:
            self.group_box.setCurrentIndex(which)  # comes back here through currentIndexChanged
            return
        self.model.set_grouping(grouping)
        self.view.header().setSectionHidden(SOURCE_COL, grouping == BY_SOURCE)  # the heading names it
        self.find_links()
        self._update_heading()

    def grouping(self) -> str:
        return self.model.grouping()

    def find_links(self) -> None:
        """Grouped by linked claim: look up the article's links on a worker; the list regroups
        when they come (and stays flat until then)."""
        claims, db = self.model.claims(), self.library()
        if self.model.grouping() != BY_LINK or not claims or db is None:
            return
        self._links_asked += 1
        asked, article_id = self._links_asked, claims[0].article_id
        self.links_job = workers.start(
            lambda _job: _link_groups(db, article_id),
            lambda found: self._links_found(asked, found),
            "finding linked claims",
        )

    def _links_found(self, asked: int, found: object) -> None:
        if not isValid(self) or asked != self._links_asked or not isinstance(found, list):
            return  # closed, asked again since (another article), or the article is gone
        self.model.set_link_groups(found)
        self._update_heading()

    def set_show_dismissed(self, shown: bool) -> None:
        self.dismissed_box.setChecked(shown)

    def claim_filter(self) -> ClaimFilter:
        return self.proxy.claim_filter()

    # ---- selection ------------------------------------------------------------------------
    def index_of(self, claim_id: int) -> QModelIndex:
        """The view's index of a claim (invalid if it is not listed)."""
        return self.proxy.mapFromSource(self.model.index_of(claim_id))

    def choose(self, claim_id: int) -> None:
        index = self.index_of(claim_id)
        if index.isValid() and index != self.view.currentIndex():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def current_claim_id(self) -> int | None:
        return self.view.current_claim_id()

    def shown_claim_ids(self) -> list[int]:
        """The claims as listed, top to bottom (groups opened)."""
        ids: list[int] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                claim_id = index.data(ClaimIdRole)
                if isinstance(claim_id, int):
                    ids.append(claim_id)
                else:
                    walk(index)

        walk(QModelIndex())
        return ids

    # ---- remembered between runs ----------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        header = self.view.header()
        for column in self._for_room:  # the saved layout keeps the user's choices, not this width's
            header.setSectionHidden(column, False)
        CLAIMS_HEADER.write(header.saveState(), settings)
        for column in self._for_room:
            header.setSectionHidden(column, True)
        CLAIMS_ORDER.write(self.sort_box.currentIndex(), settings)
        CLAIMS_GROUPING.write(self.grouping(), settings)
        CLAIMS_GROUPED.write(self.grouping() == BY_SOURCE, settings)  # what an older Claimdesk reads
        SHOW_DISMISSED.write(self.dismissed_box.isChecked(), settings)

    def restore_state(self, settings: QSettings) -> None:
        if (header := CLAIMS_HEADER.read(settings)) is not None:
            self.view.header().restoreState(header)
            self._for_room.clear()  # what the saved layout hides, the user chose to hide
            self.fit_columns()  # a layout saved narrow never squeezes the sentence
        order = CLAIMS_ORDER.read(settings)
        self.sort_by(order if 0 <= order < len(SORT_ORDERS) else 0)
        grouping = CLAIMS_GROUPING.read(settings)
        if grouping not in GROUPINGS:  # never chosen since grouping by link came: the old yes or no
            grouping = BY_SOURCE if CLAIMS_GROUPED.read(settings) else NO_GROUPS
        self.set_grouping(grouping)
        self.set_show_dismissed(SHOW_DISMISSED.read(settings))

    # ---- inside ---------------------------------------------------------------------------
    def _setup_header(self) -> None:
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(min(w for w in MIN_WIDTHS if w))
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(CLAIM_COL, QHeaderView.ResizeMode.Stretch)
        header.setSectionHidden(TAGS_COL, True)  # shown from the header's right-click menu
        self._for_room: set[int] = set()  # hidden by fit_columns for want of room, not by choice
        self._asked_for: set[int] = set()  # shown by the user's choice: never hidden for room
        self.view.viewport().installEventFilter(self)  # a new width: the columns are fitted again
        header.setToolTip(translate("ClaimsPanel", "Right-click to choose the columns"))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Keep the sentence readable: the other columns shrink (down to their minimum widths)
        until it has at least CLAIM_SHARE of the width, however narrow the panel or old the
        saved layout; on a wide panel they go back towards their usual widths."""
        header = self.view.header()
        header.setSectionResizeMode(CLAIM_COL, QHeaderView.ResizeMode.Stretch)
        budget = int(self.view.viewport().width() * (1 - CLAIM_SHARE))
        columns = [c for c in range(len(COLUMNS)) if c != CLAIM_COL]
        chosen = [c for c in columns if not header.isSectionHidden(c) or c in self._for_room]
        others = list(chosen)
        for column in GIVE_WAY:
            if sum(READABLE[c] for c in others) <= budget:
                break
            if column in others and column not in self._asked_for:
                others.remove(column)
        self._for_room = set(chosen) - set(others)
        for column in columns:
            if header.isSectionHidden(column) == (column in others):
                header.setSectionHidden(column, column not in others)
        wanted = {c: max(header.sectionSize(c), COLUMN_WIDTHS[c]) for c in others}
        _give_slack(wanted, budget)
        for column, width in _shared_out(wanted, budget).items():
            if width != header.sectionSize(column):
                header.resizeSection(column, width)

    def _column_menu(self, pos: QPoint) -> None:
        """Show or hide columns (the sentence stays): a narrow panel has room for what you use."""
        header = self.view.header()
        menu = QMenu(self)
        for column, name in enumerate(COLUMNS):
            if column == CLAIM_COL:
                continue
            action = menu.addAction(
                translate("ClaimListModel", name) if name else translate("ClaimsPanel", "Status")
            )
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
        menu.exec(header.mapToGlobal(pos))

    def _show_column(self, column: int, shown: bool) -> None:
        if shown:
            self._asked_for.add(column)
        else:
            self._asked_for.discard(column)
        self._for_room.discard(column)
        self.view.header().setSectionHidden(column, not shown)
        self.fit_columns()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(
            ClaimFilter(
                status=self.status_filter.currentData(),
                kind=self.kind_filter.currentData(),
                source=self.source_filter.currentData(),
                tag=self.tag_filter.currentData(),
                show_dismissed=self.dismissed_box.isChecked(),
            )
        )
        self._update_heading()
        self._reveal_current()

    def _fill_choices(self, claims: tuple[ClaimRecord, ...]) -> None:
        """The kind and source filters offer what this article has (sources most prolific first)."""
        kinds = Counter(claim.kind for claim in claims)
        sources = Counter(claim.source_name or "" for claim in claims)  # 'The agency' counts as HUR
        lost = _refill(
            self.kind_filter, translate("ClaimsPanel", "Any kind"), sorted(kinds.items()), kind_label
        )
        ranked = sorted(sources.items(), key=lambda item: (item[0] != "", -item[1], item[0].casefold()))
        lost |= _refill(
            self.source_filter,
            translate("ClaimsPanel", "Any source"),
            ranked,
            lambda source: source or translate("ClaimListModel", ARTICLE_ITSELF),
        )
        lost |= _refill(
            self.tag_filter, translate("ClaimsPanel", "Any tag"), tag_choices(claims), lambda tag: tag
        )
        if lost:
            self._apply_filter()

    def _update_heading(self) -> None:
        claims = self.model.claims()
        shown = self.proxy.shown_claim_count()
        live = [c for c in claims if not c.dismissed]
        listable = len(claims) if self.dismissed_box.isChecked() else len(live)
        parts = [
            translate("ClaimsPanel", "<b>Claims</b> {shown}").format(shown=shown)
            + (
                translate("ClaimsPanel", " of {listable}").format(listable=listable)
                if shown != listable
                else ""
            )
        ]
        dismissed = len(claims) - len(live)
        orphans = sum(1 for c in live if not c.anchored)
        changed = sum(1 for c in live if c.previous_text is not None)
        if dismissed:
            parts.append(translate("ClaimsPanel", "{count} dismissed").format(count=dismissed))
        if orphans:
            parts.append(
                translate("ClaimsPanel", "1 orphan")
                if orphans == 1
                else translate("ClaimsPanel", "{count} orphans").format(count=orphans)
            )
        if changed:
            parts.append(translate("ClaimsPanel", "{count} reworded").format(count=changed))
        if self.grouping() == BY_LINK and claims and not self.model.links_known():
            parts.append(translate("ClaimsPanel", "finding linked claims…"))
        self.heading.setText(" · ".join(parts))
        self.heading.setToolTip(
            translate(
                "ClaimsPanel",
                "Dismissed claims are hidden unless “Show dismissed” is ticked. Orphans: claims a new "
                "version of the article no longer contains. Reworded (✎): claims whose wording it changed.",
            )
        )

    def _before_reset(self) -> None:
        """Remember the current claim and its place."""
        claim_id = self.current_claim_id()
        shown = self.shown_claim_ids()
        self._keep = (claim_id, shown.index(claim_id) if claim_id in shown else 0)

    def _after_reset(self) -> None:
        """Open the groups again and keep the user where they were: the same claim, else the same place."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(GroupOrderRole) is not None:
                self.view.setExpanded(index, index.data(GroupLabelRole) not in self._collapsed)
        claim_id, flat_row = self._keep
        if claim_id is not None and self.index_of(claim_id).isValid():
            self.choose(claim_id)
        elif claim_id is not None:
            shown = self.shown_claim_ids()
            if shown:
                self.choose(shown[min(flat_row, len(shown) - 1)])
        self._update_restore()

    def _span_groups(self) -> None:
        """Group rows read across the whole width."""
        root = QModelIndex()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            group = index.data(GroupOrderRole) is not None
            if self.view.isFirstColumnSpanned(row, root) != group:  # each change costs a relayout
                self.view.setFirstColumnSpanned(row, root, group)
            folded = index.data(GroupLabelRole) in self._collapsed
            if group and not folded and not self.view.isExpanded(index):
                self.view.setExpanded(index, True)

    def _reveal_current(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current)

    def _update_restore(self, *_args: object) -> None:
        claim = self.model.claim(self.current_claim_id() or -1)
        self.restore_button.setVisible(claim is not None and claim.dismissed)

    def _on_restore(self) -> None:
        claim_id = self.current_claim_id()
        if claim_id is not None:
            self.view.restoreRequested.emit(claim_id)


def _link_groups(db: Database, article_id: int) -> list[ArticleLinkGroup]:
    from app.services.claim_links import article_link_groups  # the engine loads when first needed

    return article_link_groups(db, article_id)


def _linked_as(claim: ClaimRecord) -> tuple[object, ...]:
    """What of a claim its links depend on: a change here may move it to another group."""
    return (claim.text, claim.kind, claim.source, claim.dismissed, claim.anchored)


def _refill(
    box: QComboBox, anything: str, counted: list[tuple[str, int]], label: Callable[[str], str]
) -> bool:
    """Offer these values (with their counts), keeping the choice; True if the choice is gone."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(anything, None)
    for value, n in counted:
        box.addItem(f"{label(value)} ({n})", value)
    found = box.findData(chosen) if chosen is not None else 0
    box.setCurrentIndex(max(found, 0))
    box.blockSignals(False)
    return found < 0


def _combo(name: str, items: list[tuple[str, Any]], squeeze: bool = True) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    if squeeze:  # a filter: as wide as seven characters ask, not as its longest choice, which (a long
        # source, or the same words in Ukrainian) must not push the window past a 1024-pixel screen
        box.setMinimumContentsLength(7)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    for label, data in items:
        box.addItem(label, data)
    return box


def _give_slack(wanted: dict[int, int], budget: int) -> None:
    """Over budget, the columns wider than READABLE give their slack first, the most first (the
    source's room for a long name goes before a status or a score is squeezed unreadable)."""
    over = sum(wanted.values()) - budget
    for column in sorted(wanted, key=lambda c: READABLE[c] - wanted[c]):
        if over <= 0:
            return
        give = min(over, max(0, wanted[column] - READABLE[column]))
        wanted[column] -= give
        over -= give


def _shared_out(wanted: dict[int, int], budget: int) -> dict[int, int]:
    """Widths for the columns in `wanted` that fit `budget`: all scaled alike, none below its
    minimum (those at their minimum leave the rest to the others)."""
    fixed: dict[int, int] = {}
    free = dict(wanted)
    while True:
        total = sum(free.values())
        scale = min(1.0, max(0, budget - sum(fixed.values())) / total) if total else 1.0
        too_narrow = [c for c, width in free.items() if width * scale < MIN_WIDTHS[c]]
        if not too_narrow:
            return {**fixed, **{c: int(width * scale) for c, width in free.items()}}
        for column in too_narrow:
            fixed[column] = MIN_WIDTHS[column]
            del free[column]
