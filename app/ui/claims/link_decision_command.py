"""A journalist's word on a link, on the window's undo stack (issue 20).

"Not the same claim" and "Same claim as…" are one step each: Edit > Undo (or the Undo link under
the links) puts back the earlier word on the pair, or the matcher's when there was none
(app/services/link_decisions.py `undecide`); redo says it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.errors import ClaimdeskError
from app.ui.translation import translate

if TYPE_CHECKING:
    from app.services.link_decisions import Decided
    from app.ui.claims.commands import ClaimActions


class DecideLink(QUndoCommand):
    """Pushed once the word was recorded (its first redo does nothing)."""

    def __init__(self, actions: ClaimActions, done: Decided, again: Callable[[], None]) -> None:
        linked = translate("ClaimLinksView", "link claims")
        unlinked = translate("ClaimLinksView", "unlink claims")
        super().__init__(linked if done.same else unlinked)
        self.actions = actions
        self.done = done
        self.again = again  # shows the links anew (the claim's own record did not change)
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        from app.services.link_decisions import decide

        self._run(lambda: decide(self.actions.db, self.done.claim_id, self.done.other_id, self.done.same))

    def undo(self) -> None:
        from app.services.link_decisions import undecide

        self._run(lambda: undecide(self.actions.db, self.done))

    def _run(self, step: Callable[[], object]) -> None:
        try:
            step()
        except ClaimdeskError as error:
            self.actions.failed.emit(str(error))
            return
        self.again()
