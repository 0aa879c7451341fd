"""Every edit a journalist makes on claims, as an undoable command on one QUndoStack.

Each action is saved at once, in its own transaction, by a service call made *before* the command
is pushed: errors (a missing reason, an empty note) reach the caller as `ClaimdeskError` and
nothing lands on the stack. Undo and redo run later from Qt, where an exception can't reach anyone,
so their errors are reported through `failed` instead.

Undo never rewrites history: undoing a status change appends a step back to the old status, with
the reason "Undone: ...". An edited note or evidence item is a new row pointing at the old one
(replaces_id); undo and redo swap which of the two is current, both kept for the claim's history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.records import ClaimRecord, StatusChangeRecord
from app.domain.statuses import status as status_info
from app.errors import ClaimdeskError
from app.ui.database_slot import DatabaseSlot
from app.ui.lazy import LazyModule
from app.ui.translation import status_label, translate

if TYPE_CHECKING:
    from app.services import claims, evidence
    from app.storage.database import Database
else:
    claims = LazyModule("app.services.claims")
    evidence = LazyModule("app.services.evidence")

EVIDENCE_ADDERS = {  # kind -> the app/services/evidence.py function that adds it (named: loaded lazily)
    "link": "add_link",
    "url": "add_link",
    "document": "add_document",
    "person": "add_person",
}


class ClaimActions(DatabaseSlot, QObject):
    """Every edit a journalist makes on claims, as an undoable command on one QUndoStack."""

    claimChanged = Signal(int)  # a claim id: reload its row, its highlight and the editor
    claimsChanged = Signal(int)  # an article id: claims were added, dismissed or restored: reload the list
    failed = Signal(str)  # an undo or redo that could not be done (e.g. the claim is gone), in one sentence

    def __init__(self, db: Database | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if db is not None:
            self.db = db
        self.stack = QUndoStack(self)
        self._fresh: tuple[int, ClaimRecord | StatusChangeRecord] | None = None  # what was just saved

    def use_database(self, db: Database) -> None:
        """Work on another database (a backup was restored); the old edits can no longer be undone."""
        self.db = db
        self.stack.clear()

    def latest(self, claim_id: int, known: ClaimRecord | None = None) -> ClaimRecord:
        """The claim as stored now.

        Inside a claimChanged handler this usually costs no query: the action hands over the record
        its transaction returned, or, for a status change, the history step, which is applied to
        `known` (the record the caller holds) when that record is the one the step started from.
        """
        if self._fresh is not None and self._fresh[0] == claim_id:
            fresh = self._fresh[1]
            if isinstance(fresh, ClaimRecord):
                return fresh
            if known is not None and known.id == claim_id and known.status == fresh.old_status:
                return claims.with_step(known, fresh)
        return claims.load_claim(self.db, claim_id)

    # ---- the actions ----------------------------------------------------------------------
    def set_status(
        self, claim_id: int, status: str, reason: str = "", expect_version: int | None = None
    ) -> None:
        """`expect_version`: the claim's version as shown; a colleague's change since is not overwritten."""
        step = claims.change_status(self.db, claim_id, status, reason, expect_version=expect_version)
        if step is None:
            return
        self._push(_SetStatus(self, claim_id, step.old_status, status, reason))
        self._changed(claim_id, step)

    def add_note(self, claim_id: int, body: str) -> None:
        note = claims.add_note(self.db, claim_id, body)
        self._push(_AddNote(self, claim_id, body, note.id))
        self._changed(claim_id)

    def reload(self, claim_id: int) -> ClaimRecord:
        """Show the claim as stored now (someone else changed it: their change is shown)."""
        claim = claims.load_claim(self.db, claim_id)
        self._changed(claim_id, claim)
        return claim

    def edit_note(self, claim_id: int, note_id: int, body: str, expect_version: int | None = None) -> None:
        """Reword a note; the earlier wording stays in the claim's history. `expect_version`: the
        note's as shown (a colleague's rewording since is not overwritten)."""
        note = claims.edit_note(self.db, note_id, body, expect_version=expect_version)
        if note.id == note_id:
            return  # the same words: nothing changed, nothing to undo
        self._push(
            _Swap(
                self,
                claim_id,
                translate("Commands", "edit note"),
                claims.swap_notes,
                old_id=note_id,
                new_id=note.id,
            )
        )
        self._changed(claim_id)

    def remove_note(self, claim_id: int, note_id: int, expect_version: int | None = None) -> None:
        """Take a note off (kept in the history); Ctrl+Z puts it back, so nothing asks first."""
        claims.remove_note(self.db, note_id, expect_version=expect_version)
        self._push(
            _Remove(
                self,
                claim_id,
                translate("Commands", "remove note"),
                claims.restore_note,
                claims.remove_note,
                note_id,
            )
        )
        self._changed(claim_id)

    def edit_evidence(self, claim_id: int, evidence_id: int, **fields: Any) -> None:
        """Change an evidence item as shown (fields as app/services/evidence.py edit_evidence takes
        them): one a colleague changed or took off since is left as they made it."""
        item = evidence.edit_evidence(self.db, evidence_id, check_shown=True, **fields)
        if item.id == evidence_id:
            return
        self._push(
            _Swap(
                self,
                claim_id,
                translate("Commands", "edit evidence"),
                evidence.swap_evidence,
                old_id=evidence_id,
                new_id=item.id,
            )
        )
        self._changed(claim_id)

    def remove_evidence(self, claim_id: int, evidence_id: int) -> None:
        """Take an evidence item off as shown (kept in the history; a document's copy stays until the
        trash is emptied): one a colleague changed or took off since is left as they made it."""
        evidence.remove_evidence(self.db, evidence_id, check_shown=True)
        self._push(
            _Remove(
                self, claim_id, translate("Commands", "remove evidence"), evidence.restore_evidence,
                evidence.remove_evidence, evidence_id,
            )
        )  # fmt: skip
        self._changed(claim_id)

    def add_evidence(self, claim_id: int, kind: str, **fields: Any) -> None:
        """kind: "link" | "document" | "person"; fields as app/services/evidence.py add_<kind> takes them."""
        if kind not in EVIDENCE_ADDERS:
            raise ClaimdeskError(f"Unknown kind of evidence {kind!r}: use a link, a document or a person")
        adder: Callable[..., Any] = getattr(evidence, EVIDENCE_ADDERS[kind])
        added = adder(self.db, claim_id, **fields)
        self._push(_AddEvidence(self, claim_id, added.id, kind))
        self._changed(claim_id)

    def set_tags(self, claim_id: int, tags: list[str], expect_version: int | None = None) -> None:
        before = claims.load_claim(self.db, claim_id)
        after = evidence.set_tags(self.db, claim_id, tags, expect_version=expect_version)
        if after.tags == before.tags:
            return
        self._push(_SetTags(self, claim_id, list(before.tags), list(after.tags)))
        self._changed(claim_id, after)

    def edit_claim(
        self,
        claim_id: int,
        *,
        source: str | None = None,
        kind: str | None = None,
        start: int | None = None,
        end: int | None = None,
        expect_version: int | None = None,
    ) -> None:
        """Adjust a claim's source (an empty string clears it), kind or span; `expect_version` as for
        set_status."""
        before = claims.load_claim(self.db, claim_id)
        after = claims.edit_claim(
            self.db, claim_id, source=source, kind=kind, start=start, end=end, expect_version=expect_version
        )
        if (after.source, after.kind, after.start, after.end) == (
            before.source,
            before.kind,
            before.start,
            before.end,
        ):
            return
        self._push(_EditClaim(self, before, after))
        self._changed(claim_id, after)

    def add_claim(self, article_id: int, start: int, end: int) -> int:
        """A manual claim from a selection in the article; returns its id."""
        added = claims.add_manual_claim(self.db, article_id, start, end)
        self._push(_AddClaim(self, added))
        self._list_changed(article_id, added)
        return added.id

    def dismiss_claim(self, claim_id: int, expect_version: int | None = None) -> None:
        """`expect_version` as for set_status: a colleague's change since is not passed over."""
        self._set_dismissed(claim_id, True, expect_version)

    def restore_claim(self, claim_id: int, expect_version: int | None = None) -> None:
        self._set_dismissed(claim_id, False, expect_version)

    def _set_dismissed(self, claim_id: int, dismissed: bool, expect_version: int | None) -> None:
        claim, changed = claims.set_dismissed(self.db, claim_id, dismissed, expect_version=expect_version)
        if not changed:
            return  # nothing to undo
        self._push(_Dismiss(self, claim, dismiss=dismissed))
        self._list_changed(claim.article_id, claim)

    def listed_claim(self) -> ClaimRecord | None:
        """During claimsChanged: the claim that was added, dismissed or restored, as now stored
        (None when a claim was removed, or when the listener should reload the whole list).
        """
        return self._fresh[1] if self._fresh is not None and isinstance(self._fresh[1], ClaimRecord) else None

    # ---- plumbing -------------------------------------------------------------------------
    def _changed(self, claim_id: int, saved: ClaimRecord | StatusChangeRecord | None = None) -> None:
        """Tell listeners; meanwhile `latest` gives them what was saved instead of reading it again."""
        self._fresh = None if saved is None else (claim_id, saved)
        try:
            self.claimChanged.emit(claim_id)
        finally:
            self._fresh = None

    def _list_changed(self, article_id: int, claim: ClaimRecord | None = None) -> None:
        """Tell listeners the list changed; meanwhile `listed_claim` gives them the claim concerned."""
        self._fresh = None if claim is None else (claim.id, claim)
        try:
            self.claimsChanged.emit(article_id)
        finally:
            self._fresh = None

    def _push(self, command: _Command) -> None:
        self.stack.push(command)  # its first redo() is skipped: the work is already saved


class _Command(QUndoCommand):
    """A command whose action was already done when it was pushed."""

    def __init__(self, actions: ClaimActions, text: str) -> None:
        super().__init__(text)
        self.actions = actions
        self.db = actions.db
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def _run(self, work: Callable[[], object]) -> None:
        """Undo/redo work: a user-caused error becomes `failed`, since Qt would swallow it."""
        try:
            result = work()
        except ClaimdeskError as error:
            self.actions.failed.emit(str(error))
            return
        self.changed(result if isinstance(result, ClaimRecord | StatusChangeRecord) else None)

    def do(self) -> object:
        raise NotImplementedError

    def undo_it(self) -> object:
        raise NotImplementedError

    def changed(self, saved: ClaimRecord | StatusChangeRecord | None) -> None:
        raise NotImplementedError


class _ClaimCommand(_Command):
    """A command on one claim that stays in the list: its row is reloaded."""

    claim_id: int

    def changed(self, saved: ClaimRecord | StatusChangeRecord | None) -> None:
        self.actions._changed(self.claim_id, saved)


class _SetStatus(_ClaimCommand):
    def __init__(self, actions: ClaimActions, claim_id: int, old: str, new: str, reason: str) -> None:
        super().__init__(
            actions,
            translate("Commands", "set status to {status}").format(
                status=status_label(status_info(new).label)
            ),
        )
        self.claim_id, self.old, self.new, self.reason = claim_id, old, new, reason

    def do(self) -> StatusChangeRecord | None:
        reason = self.reason or translate("Commands", "Redone: {what}").format(what=self.text())
        return claims.change_status(self.db, self.claim_id, self.new, reason, expect=self.old)

    def undo_it(self) -> StatusChangeRecord | None:
        reason = translate("Commands", "Undone: {what}").format(what=self.text())
        return claims.change_status(self.db, self.claim_id, self.old, reason, expect=self.new)


class _AddNote(_ClaimCommand):
    def __init__(self, actions: ClaimActions, claim_id: int, body: str, note_id: int) -> None:
        super().__init__(actions, translate("Commands", "add note"))
        self.claim_id, self.body, self.note_id = claim_id, body, note_id

    def do(self) -> None:
        claims.restore_note(self.db, self.note_id)

    def undo_it(self) -> None:
        claims.remove_note(self.db, self.note_id)


class _AddEvidence(_ClaimCommand):
    def __init__(self, actions: ClaimActions, claim_id: int, evidence_id: int, kind: str) -> None:
        added = {
            "link": translate("Commands", "add link"),
            "document": translate("Commands", "add document"),
            "person": translate("Commands", "add person contacted"),
        }
        super().__init__(actions, added.get(kind, f"add {kind}"))
        self.claim_id, self.evidence_id = claim_id, evidence_id

    def do(self) -> None:
        evidence.restore_evidence(self.db, self.evidence_id)

    def undo_it(self) -> None:
        evidence.remove_evidence(self.db, self.evidence_id)


class _Swap(_ClaimCommand):
    """An edited note or evidence item: undo puts the earlier row back in place of the new one."""

    def __init__(
        self,
        actions: ClaimActions,
        claim_id: int,
        text: str,
        swap: Callable[[Database, int, int], int],
        *,
        old_id: int,
        new_id: int,
    ) -> None:
        super().__init__(actions, text)
        self.claim_id, self.swap, self.old_id, self.new_id = claim_id, swap, old_id, new_id

    def do(self) -> None:
        self.swap(self.db, self.old_id, self.new_id)

    def undo_it(self) -> None:
        self.swap(self.db, self.new_id, self.old_id)


class _Remove(_ClaimCommand):
    """A note or evidence item taken off: undo puts it back."""

    def __init__(
        self,
        actions: ClaimActions,
        claim_id: int,
        text: str,
        restore: Callable[[Database, int], int],
        remove: Callable[[Database, int], int],
        item_id: int,
    ) -> None:
        super().__init__(actions, text)
        self.claim_id, self.restore, self.remove, self.item_id = claim_id, restore, remove, item_id

    def do(self) -> None:
        self.remove(self.db, self.item_id)

    def undo_it(self) -> None:
        self.restore(self.db, self.item_id)


class _SetTags(_ClaimCommand):
    def __init__(self, actions: ClaimActions, claim_id: int, old: list[str], new: list[str]) -> None:
        super().__init__(actions, translate("Commands", "set tags"))
        self.claim_id, self.old, self.new = claim_id, old, new

    def do(self) -> ClaimRecord:
        return evidence.set_tags(self.db, self.claim_id, self.new, expect=self.old)

    def undo_it(self) -> ClaimRecord:
        return evidence.set_tags(self.db, self.claim_id, self.old, expect=self.new)


class _EditClaim(_ClaimCommand):
    def __init__(self, actions: ClaimActions, before: ClaimRecord, after: ClaimRecord) -> None:
        what = [
            label
            for label, changed in (
                (translate("Commands", "source"), before.source != after.source),
                (translate("Commands", "kind"), before.kind != after.kind),
                (translate("Commands", "span"), (before.start, before.end) != (after.start, after.end)),
            )
            if changed
        ]
        super().__init__(
            actions,
            translate("Commands", "change {what}").format(what=translate("Commands", " and ").join(what)),
        )
        self.claim_id, self.before, self.after = before.id, before, after

    def do(self) -> ClaimRecord:
        return _apply(self.db, self.after, self.before)

    def undo_it(self) -> ClaimRecord:
        return _apply(self.db, self.before, self.after)


def _apply(db: Database, state: ClaimRecord, now: ClaimRecord) -> ClaimRecord:
    """Put the claim back in `state`, if it is still as `now` left it."""
    return claims.edit_claim(
        db,
        state.id,
        source=state.source or "",
        kind=state.kind,
        start=state.start,
        end=state.end,
        source_refers_to=state.source_refers_to,
        expect=(now.source, now.kind, now.start, now.end),
    )


class _AddClaim(_Command):
    """Undo removes the manual claim; redo puts it back under the same id, so later commands find it."""

    def __init__(self, actions: ClaimActions, added: ClaimRecord) -> None:
        super().__init__(actions, translate("Commands", "add claim"))
        self.claim = added

    def do(self) -> ClaimRecord:
        self.claim = claims.add_manual_claim(
            self.db, self.claim.article_id, self.claim.start, self.claim.end, claim_id=self.claim.id
        )
        return self.claim

    def undo_it(self) -> None:
        claims.remove_manual_claim(self.db, self.claim.id)

    def changed(self, saved: ClaimRecord | StatusChangeRecord | None) -> None:
        self.actions._list_changed(self.claim.article_id, saved if isinstance(saved, ClaimRecord) else None)


class _Dismiss(_Command):
    def __init__(self, actions: ClaimActions, claim: ClaimRecord, *, dismiss: bool) -> None:
        super().__init__(
            actions,
            translate("Commands", "dismiss claim") if dismiss else translate("Commands", "restore claim"),
        )
        self.claim_id, self.article_id, self.dismiss = claim.id, claim.article_id, dismiss

    def do(self) -> ClaimRecord:
        return (claims.dismiss_claim if self.dismiss else claims.restore_claim)(self.db, self.claim_id)

    def undo_it(self) -> ClaimRecord:
        return (claims.restore_claim if self.dismiss else claims.dismiss_claim)(self.db, self.claim_id)

    def changed(self, saved: ClaimRecord | StatusChangeRecord | None) -> None:
        self.actions._list_changed(self.article_id, saved if isinstance(saved, ClaimRecord) else None)
