"""The list of claims, driven by the keyboard: it turns keys into intents, the window acts on them.

j/k move like the arrows, 1-7 choose a status, N a note, E evidence, Enter the editor, Delete
dismisses; the context menu offers the same to the mouse.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from app.domain.records import ClaimRecord
from app.domain.statuses import STATUSES
from app.ui import shortcuts as keys
from app.ui.claims.claim_list_model import ClaimIdRole, ClaimRole
from app.ui.claims.status_icons import status_icon
from app.ui.translation import status_label, translate

STATUS_BY_KEY = {s.key: s.id for s in STATUSES}  # the keys listed in app/ui/shortcuts.py STATUS_KEYS
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class ClaimTreeView(QTreeView):
    """The claims; j/k move, 1-7 set the status, N note, E evidence, Enter edit, Delete dismiss."""

    claimChosen = Signal(int)
    statusKeyPressed = Signal(int, str)  # claim id, status id
    noteRequested = Signal(int)
    evidenceRequested = Signal(int)
    editRequested = Signal(int)
    dismissRequested = Signal(int)
    restoreRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimList")
        self.setUniformRowHeights(True)  # fast with hundreds of claims; sentences are elided
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(QSize(18, 18))
        self.setAlternatingRowColors(True)
        self.setRootIsDecorated(False)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setItemsExpandable(True)
        self.setIndentation(0)  # group rows are bold headings; their claims line up with the rest
        self.setTabKeyNavigation(False)  # Tab leaves the list for the next pane; arrows move in it

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        self.selectionModel().currentChanged.connect(self._on_current)

    def current_claim_id(self) -> int | None:
        index = self.currentIndex()
        claim_id = index.siblingAtColumn(0).data(ClaimIdRole) if index.isValid() else None
        return claim_id if isinstance(claim_id, int) else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim_id = current.siblingAtColumn(0).data(ClaimIdRole) if current.isValid() else None
        if isinstance(claim_id, int):
            self.claimChosen.emit(claim_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() not in PLAIN or not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        if keys.NEXT_CLAIM.matches(event) or keys.PREVIOUS_CLAIM.matches(event):
            arrow = Qt.Key.Key_Down if keys.NEXT_CLAIM.matches(event) else Qt.Key.Key_Up
            super().keyPressEvent(QKeyEvent(event.type(), arrow, Qt.KeyboardModifier.NoModifier))
            return True
        if keys.EDIT_KEY.matches(event) and self.current_claim_id() is None:
            index = self.currentIndex().siblingAtColumn(0)
            if index.isValid():  # a group row: open or close it
                self.setExpanded(index, not self.isExpanded(index))
            return True
        claim_id = self.current_claim_id()
        if claim_id is None:
            return False
        if event.text() in STATUS_BY_KEY:
            self.statusKeyPressed.emit(claim_id, STATUS_BY_KEY[event.text()])
        elif keys.NOTE_KEY.matches(event):
            self.noteRequested.emit(claim_id)
        elif keys.EVIDENCE_KEY.matches(event):
            self.evidenceRequested.emit(claim_id)
        elif keys.EDIT_KEY.matches(event):
            self.editRequested.emit(claim_id)
        elif keys.DISMISS_KEY.matches(event):
            self.dismissRequested.emit(claim_id)
        else:
            return False
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid():
            self.setCurrentIndex(index)
        menu = self.claim_menu(index)
        if menu is not None:
            menu.exec(event.globalPos())

    def claim_menu(self, index: QModelIndex) -> QMenu | None:
        """What the keys do, for the mouse: status, note, evidence, editor, dismiss or restore."""
        claim_id = index.siblingAtColumn(0).data(ClaimIdRole) if index.isValid() else None
        if not isinstance(claim_id, int):
            return None
        menu = QMenu(self)
        self._fill_claim_menu(menu, index, claim_id)
        return menu

    def menu_bar_menu(self, parent: QWidget) -> QMenu:
        """The window's Claim menu: the same items for the current claim, each with its key (the keys
        work in the claims list); greyed while no claim is current."""
        menu = QMenu(translate("ClaimListView", "&Claim"), parent)
        menu.aboutToShow.connect(lambda: self._refill(menu))
        self._refill(menu)
        return menu

    def _refill(self, menu: QMenu) -> None:
        menu.clear()
        index = self.currentIndex()
        claim_id = self.current_claim_id()
        if claim_id is None:
            menu.addAction(translate("ClaimListView", "Choose a claim in the list first")).setEnabled(False)
            return
        self._fill_claim_menu(menu, index, claim_id)

    def _fill_claim_menu(self, menu: QMenu, index: QModelIndex, claim_id: int) -> None:
        statuses = menu.addMenu(translate("ClaimListView", "Set &status"))
        for s in STATUSES:
            action = statuses.addAction(status_icon(s.id), f"{status_label(s.label)}\t{s.key}")  # STATUS_KEYS
            action.triggered.connect(lambda _=False, sid=s.id: self.statusKeyPressed.emit(claim_id, sid))
        menu.addAction(
            keys.NOTE_KEY.menu_label(translate("ClaimListView", "Add &note")),
            lambda: self.noteRequested.emit(claim_id),
        )
        menu.addAction(
            keys.EVIDENCE_KEY.menu_label(translate("ClaimListView", "Add &evidence")),
            lambda: self.evidenceRequested.emit(claim_id),
        )
        menu.addAction(
            keys.EDIT_KEY.menu_label(translate("ClaimListView", "&Open in the editor")),
            lambda: self.editRequested.emit(claim_id),
        )
        menu.addSeparator()
        if _is_dismissed(index):
            menu.addAction(
                translate("ClaimListView", "&Restore"), lambda: self.restoreRequested.emit(claim_id)
            )
        else:
            menu.addAction(
                keys.DISMISS_KEY.menu_label(translate("ClaimListView", "&Dismiss")),
                lambda: self.dismissRequested.emit(claim_id),
            )


def _is_dismissed(index: QModelIndex) -> bool:
    claim = index.siblingAtColumn(0).data(ClaimRole)
    return isinstance(claim, ClaimRecord) and claim.dismissed
