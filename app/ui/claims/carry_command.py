"""A verdict carried to linked claims, on the window's undo stack (issue 20).

Carrying is one step for the journalist, so it is one step to take back: Edit > Undo (or the Undo
link under the links) restores every receiving claim's earlier status and takes the evidence copies
off, in one transaction (app/services/claim_links.py `carry_back`). History is append-only: the undo
is a new row in each claim's history, and redo another. A claim someone changed after the verdict
reached it is left as they set it, and the journalist is told which.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.errors import ClaimdeskError
from app.ui.translation import status_label, translate

if TYPE_CHECKING:
    from app.services.claim_links import Carried
    from app.storage.database import Database
    from app.ui.claims.commands import ClaimActions


class CarryVerdict(QUndoCommand):
    """Pushed once the verdict was carried (its first redo does nothing); undo carries it back."""

    def __init__(self, actions: ClaimActions, done: Carried) -> None:
        super().__init__(translate("ClaimLinksView", "carry verdict"))
        self.actions = actions
        self.db: Database = actions.db
        self.done = done  # the latest step: the carry, or its undo after an undo
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._back(self.done.reason)  # the verdict carried again, saying so as the first time

    def undo(self) -> None:
        self._back(translate("Commands", "Undone: {what}").format(what=self.done.reason))

    def _back(self, reason: str) -> None:
        from app.services.claim_links import carry_back

        try:
            self.done = carry_back(self.db, self.done, reason)
        except ClaimdeskError as error:
            self.actions.failed.emit(str(error))
            return
        if self.done.left:
            self.actions.failed.emit(left_alone_message(self.done))
        self.actions.claimChanged.emit(self.done.claim_id)  # its links show the statuses as they are now


def left_alone_message(done: Carried) -> str:
    """Which claims an undo or redo left as they are, with their status and who set it."""
    from app.domain.statuses import status

    named = []
    for claim in done.left:
        try:
            label = status_label(status(claim.status).label)
        except ValueError:
            label = claim.status
        named.append(
            translate("ClaimLinksView", "{where} ({status}, set by {who})").format(
                where=claim.where, status=label, who=claim.by or "?"
            )
        )
    return translate(
        "ClaimLinksView", "Left as they are, changed since the verdict was carried: {claims}"
    ).format(claims="; ".join(named))
