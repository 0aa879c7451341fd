"""Editing and removing notes and evidence from the claim editor: the lists' requests to actions.

Kept apart from app/ui/claims/claim_editor.py, which calls `connect_item_editing` once with its
`_write` (runs an action on the shown claim, errors shown, True when saved).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack

from app.ui.claims.evidence_form import EvidenceForm
from app.ui.claims.evidence_list import EvidenceList
from app.ui.claims.notes_view import NotesView
from app.ui.translation import translate

if TYPE_CHECKING:
    from app.ui.claims.commands import ClaimActions

Write = Callable[[Callable[["ClaimActions", int], object]], bool]


def connect_item_editing(notes: NotesView, listing: EvidenceList, form: EvidenceForm, write: Write) -> None:
    """Edit and Remove on each note and evidence item, saved through the undoable actions."""

    def edit_note(note_id: int, body: str) -> None:
        if write(lambda actions, claim_id: actions.edit_note(claim_id, note_id, body)):
            notes.edit_saved()

    def remove_note(note_id: int) -> None:
        stack = _removed(write, lambda actions, claim_id: actions.remove_note(claim_id, note_id))
        if stack is not None:
            notes.undo_notice.offer(stack, translate("ItemEditing", "Note removed"))

    def edit_evidence(evidence_id: int, fields: dict[str, Any]) -> None:
        if write(lambda actions, claim_id: actions.edit_evidence(claim_id, evidence_id, **fields)):
            form.clear()

    def start_evidence_edit(evidence_id: int) -> None:
        item = listing.item(evidence_id)
        if item is not None:
            form.start_editing(item)

    def remove_evidence(evidence_id: int) -> None:
        stack = _removed(write, lambda actions, claim_id: actions.remove_evidence(claim_id, evidence_id))
        if stack is None:
            return
        editing = form.editing()
        if editing is not None and editing.id == evidence_id:
            form.cancel_editing()
        form.undo_notice.offer(stack, translate("ItemEditing", "Evidence removed"))

    notes.noteEdited.connect(edit_note)
    notes.noteRemoved.connect(remove_note)
    form.evidenceEdited.connect(edit_evidence)
    listing.editRequested.connect(start_evidence_edit)
    listing.removeRequested.connect(remove_evidence)


def _removed(write: Write, remove: Callable[[ClaimActions, int], None]) -> QUndoStack | None:
    """Run a removal; the undo stack it went on, when it was saved."""
    stacks: list[QUndoStack] = []

    def work(actions: ClaimActions, claim_id: int) -> None:
        remove(actions, claim_id)
        stacks.append(actions.stack)

    return stacks[0] if write(work) and stacks else None
