"""Editing and removing notes and evidence from the claim editor: the lists' requests to actions.

Kept apart from app/ui/claims/claim_editor.py, which calls `connect_item_editing` once with its
`save_shown` (runs an action on the shown claim, errors shown, True when saved; a colleague's change
since it was shown opens the conflict dialog instead of being overwritten).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QGuiApplication, QUndoStack

from app.ui.claims.evidence_form import EvidenceForm
from app.ui.claims.evidence_list import EvidenceList
from app.ui.claims.notes_view import NotesView
from app.ui.translation import translate

if TYPE_CHECKING:
    from app.ui.claims.commands import ClaimActions

Save = Callable[["ClaimActions", int, int | None], object]


class SaveShown(Protocol):
    """ClaimEditor.save_shown."""

    def __call__(
        self,
        save: Save,
        yours: str,
        *,
        shown: int | None = None,
        fresh: Callable[[ClaimActions, int], int | None] | None = None,
        keep: Callable[[], object] | None = None,
        kept_in: str = "",
        applied: str = "",
    ) -> bool: ...


def connect_item_editing(
    notes: NotesView, listing: EvidenceList, form: EvidenceForm, save_shown: SaveShown
) -> None:
    """Edit and Remove on each note and evidence item, saved through the undoable actions."""

    def edit_note(note_id: int, body: str) -> None:
        current = _CurrentNote(note_id)
        shown = notes.shown(note_id)

        def save(actions: ClaimActions, claim_id: int, version: int | None) -> None:
            if current.id is None:  # taken off by someone else meanwhile: mine comes back as a note
                actions.add_note(claim_id, body)
            else:
                actions.edit_note(claim_id, current.id, body, expect_version=version)

        if save_shown(
            save, body, shown=None if shown is None else shown.version, fresh=current.fresh,
            keep=lambda: notes.keep_as_draft(body),
            kept_in=translate("ItemEditing", "your wording stays in the note box, as a new note"),
            applied=translate("ItemEditing", "your wording replaces theirs, which stays in the history"),
        ):  # fmt: skip
            notes.edit_saved()

    def remove_note(note_id: int) -> None:
        current = _CurrentNote(note_id)
        shown = notes.shown(note_id)
        stacks: list[QUndoStack] = []

        def save(actions: ClaimActions, claim_id: int, version: int | None) -> None:
            if current.id is not None:  # else someone took it off already: nothing left to do
                actions.remove_note(claim_id, current.id, expect_version=version)
                stacks.append(actions.stack)

        removing = translate("ItemEditing", "Remove the note:")
        saved = save_shown(
            save, f"{removing}\n{shown.body if shown else ''}",
            shown=None if shown is None else shown.version, fresh=current.fresh, keep=lambda: None,
            kept_in=translate("ItemEditing", "the note stays as they left it"),
            applied=translate("ItemEditing", "the note is taken off, and stays in the history"),
        )  # fmt: skip
        if saved and stacks:
            notes.undo_notice.offer(stacks[-1], translate("ItemEditing", "Note removed"))

    def edit_evidence(evidence_id: int, fields: dict[str, Any]) -> None:
        editing = form.editing()
        kind = "link" if editing is None or editing.kind == "url" else editing.kind
        current: list[int | None] = [evidence_id]
        yours = _fields_in_words(fields)

        def save(actions: ClaimActions, claim_id: int, _version: int | None) -> None:
            if current[0] is None:  # taken off by someone else meanwhile: mine comes back as new evidence
                actions.add_evidence(claim_id, kind, **fields)
            else:
                actions.edit_evidence(claim_id, current[0], **fields)

        def keep() -> None:
            form.cancel_editing()
            QGuiApplication.clipboard().setText(yours)

        applied = translate("ItemEditing", "your change replaces theirs, which stays in the history")
        if save_shown(save, yours, fresh=_following(current, evidence_id), keep=keep, applied=applied):
            form.clear()

    def start_evidence_edit(evidence_id: int) -> None:
        item = listing.item(evidence_id)
        if item is not None:
            form.start_editing(item)

    def remove_evidence(evidence_id: int) -> None:
        shown = listing.item(evidence_id)
        current: list[int | None] = [evidence_id]
        stacks: list[QUndoStack] = []

        def save(actions: ClaimActions, claim_id: int, _version: int | None) -> None:
            if current[0] is not None:  # else someone took it off already: nothing left to do
                actions.remove_evidence(claim_id, current[0])
                stacks.append(actions.stack)

        removing = translate("ItemEditing", "Remove the evidence:")
        saved = save_shown(
            save, f"{removing}\n{shown.reference if shown else ''}", fresh=_following(current, evidence_id),
            keep=lambda: None, kept_in=translate("ItemEditing", "the evidence stays as they left it"),
            applied=translate("ItemEditing", "the evidence is taken off, and stays in the history"),
        )  # fmt: skip
        if not saved or not stacks:
            return
        editing = form.editing()
        if editing is not None and editing.id == evidence_id:
            form.cancel_editing()
        form.undo_notice.offer(stacks[-1], translate("ItemEditing", "Evidence removed"))

    notes.noteEdited.connect(edit_note)
    notes.noteRemoved.connect(remove_note)
    form.evidenceEdited.connect(edit_evidence)
    listing.editRequested.connect(start_evidence_edit)
    listing.removeRequested.connect(remove_evidence)


def _following(current: list[int | None], evidence_id: int) -> Callable[[ClaimActions, int], None]:
    """Show the claim as stored, and point `current` at the row that holds the item now (None:
    taken off); evidence has no version of its own: what changes is which row is current."""

    def fresh(actions: ClaimActions, claim_id: int) -> None:
        from app.services.evidence import current_evidence

        actions.reload(claim_id)
        now = current_evidence(actions.db, evidence_id)
        current[0] = None if now is None else now.id

    return fresh


class _CurrentNote:
    """The row that holds a note's wording now: the one shown, or the one that replaced it since."""

    def __init__(self, note_id: int) -> None:
        self.first = note_id
        self.id: int | None = note_id

    def fresh(self, actions: ClaimActions, claim_id: int) -> int | None:
        """Show the claim as stored; the note's version now (None: it was taken off)."""
        from app.services.claims import current_note

        actions.reload(claim_id)
        note = current_note(actions.db, self.first)
        self.id = None if note is None else note.id
        return None if note is None else note.version


def _fields_in_words(fields: dict[str, Any]) -> str:
    """An evidence form's fields, one a line, as the conflict dialog shows them."""
    shown = (
        value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else str(value)
        for value in fields.values()
    )
    return "\n".join(value for value in shown if value.strip())
