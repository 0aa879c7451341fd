"""Two editors on one library (two Database objects on one SQLite file): A changes a claim, a note
or an article's properties; B's window, still showing what it read before, changes the same thing.
B gets the conflict dialog with both changes, and either choice loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.errors import ConflictError
from app.services import articles, claims, evidence
from app.storage.database import Database
from app.ui.dialogs.conflict_dialog import ConflictDialog
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard
from tests.ui.claim_editor_support import APPLY, KEEP, Seen, choose, open_with_claim, stored

OK = QDialogButtonBox.StandardButton.Ok


def _set_status_in_editor(qtbot: QtBot, window: MainWindow, status_id: str, reason: str) -> None:
    editor = window.editor
    choose(editor.status_box, status_id)
    qtbot.keyClicks(editor.reason_input, reason)
    qtbot.keyClick(editor.reason_input, Qt.Key.Key_Return)


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_a_status_set_in_the_editor_over_a_colleagues_verdict(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    claim_id = open_with_claim(window, article_file)
    claims.set_status(ana, claim_id, "disputed", "The navy counts 12 shells, not 14", author="Ana")
    seen = Seen(dialogs, answer)
    _set_status_in_editor(qtbot, window, "verified", "The port's log lists 14 shells")

    assert len(seen.theirs) == 1
    assert "Ana" in seen.theirs[0] and "Disputed" in seen.theirs[0]
    assert "The navy counts 12 shells, not 14" in seen.theirs[0]
    assert "The port's log lists 14 shells" in seen.yours[0] and "Verified" in seen.yours[0]
    now = stored(window, claim_id)
    steps = [(h.new_status, h.reason) for h in now.history]
    if answer == KEEP:
        assert steps == [("disputed", "The navy counts 12 shells, not 14")]
        assert window.editor.status_box.currentData() == "disputed"  # theirs shown
        assert window.editor.reason_input.text() == "The port's log lists 14 shells"  # mine kept
    else:
        assert steps == [
            ("disputed", "The navy counts 12 shells, not 14"),
            ("verified", "The port's log lists 14 shells"),
        ]
        assert window.editor.status_box.currentData() == "verified"
        assert window.claim_model.claim(claim_id).status == "verified"  # type: ignore[union-attr]


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_a_status_key_in_the_list_over_a_colleagues_change(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    claim_id = open_with_claim(window, article_file)
    window.claim_list.setFocus()
    claims.set_status(ana, claim_id, "false", "The survey found none", author="Ana")
    seen = Seen(dialogs, answer)
    qtbot.keyClick(window.claim_list, Qt.Key.Key_6)  # Disputed: asks why first
    dialog = window.reason_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.reason_input, "The harbour master disagrees")
    qtbot.keyClick(dialog.reason_input, Qt.Key.Key_Return)

    assert "False" in seen.theirs[0] and "The survey found none" in seen.theirs[0]
    assert "The harbour master disagrees" in seen.yours[0]
    statuses = [h.new_status for h in stored(window, claim_id).history]
    assert window.claim_model.claim(claim_id).status == statuses[-1]  # type: ignore[union-attr]
    if answer == KEEP:
        assert statuses == ["false"]
        assert QGuiApplication.clipboard().text() == "Disputed: The harbour master disagrees"
    else:
        assert statuses == ["false", "disputed"]


def test_a_status_key_that_needs_no_reason_over_a_colleagues_change(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard
) -> None:
    claim_id = open_with_claim(window, article_file)
    window.claim_list.setFocus()
    claims.add_note(ana, claim_id, "Waiting for the navy's figures", author="Ana")
    seen = Seen(dialogs, KEEP, APPLY)
    qtbot.keyClick(window.claim_list, Qt.Key.Key_2)  # In progress
    assert "Waiting for the navy's figures" in seen.theirs[0] and seen.yours[0] == "In progress"
    assert stored(window, claim_id).status == "unreviewed"
    assert [n.body for n in window.claim_model.claim(claim_id).notes] == [  # type: ignore[union-attr]
        "Waiting for the navy's figures"
    ]
    qtbot.keyClick(window.claim_list, Qt.Key.Key_2)  # the list now shows theirs: no conflict left
    assert len(seen.theirs) == 1
    assert stored(window, claim_id).status == "in_progress"


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_a_note_reworded_by_a_colleague_while_being_edited(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    claim_id = open_with_claim(window, article_file)
    note = claims.add_note(window.db, claim_id, "Call the port on Monday")
    window.actions.reload(claim_id)
    notes = window.editor.notes_view
    notes.start_editing(note.id)
    claims.edit_note(ana, note.id, "Called the port: 14 shells confirmed", author="Ana")
    seen = Seen(dialogs, answer)
    notes.note_input.setPlainText("Call the port on Tuesday")
    qtbot.mouseClick(notes.add_note_button, Qt.MouseButton.LeftButton)

    assert "Ana" in seen.theirs[0] and "Called the port: 14 shells confirmed" in seen.theirs[0]
    assert seen.yours[0] == "Call the port on Tuesday"
    now = stored(window, claim_id)
    if answer == KEEP:
        assert [n.body for n in now.notes] == ["Called the port: 14 shells confirmed"]
        assert notes.editing() is None
        assert notes.note_input.toPlainText() == "Call the port on Tuesday"  # kept, as a new note
    else:
        assert [n.body for n in now.notes] == ["Call the port on Tuesday"]
        assert {n.body for n in now.removed_notes} == {
            "Call the port on Monday",
            "Called the port: 14 shells confirmed",
        }  # both earlier wordings in the history
        assert notes.note_input.toPlainText() == ""


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_removing_a_note_a_colleague_reworded(
    window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard, answer: QDialog.DialogCode
) -> None:
    claim_id = open_with_claim(window, article_file)
    note = claims.add_note(window.db, claim_id, "Ask the navy")
    window.actions.reload(claim_id)
    claims.edit_note(ana, note.id, "Asked the navy: they count 12", author="Ana")
    seen = Seen(dialogs, answer)
    window.editor.notes_view.notes.removeRequested.emit(note.id)  # the note's Remove link

    assert "Asked the navy: they count 12" in seen.theirs[0] and "Ask the navy" in seen.yours[0]
    now = stored(window, claim_id)
    if answer == KEEP:
        assert [n.body for n in now.notes] == ["Asked the navy: they count 12"]
    else:
        assert now.notes == ()
        assert "Asked the navy: they count 12" in [n.body for n in now.removed_notes]


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_a_source_typed_over_a_colleagues_change(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    claim_id = open_with_claim(window, article_file)
    before = stored(window, claim_id).source
    claims.set_status(ana, claim_id, "in_progress", author="Ana")
    seen = Seen(dialogs, answer)
    source = window.editor.source_input
    source.selectAll()
    qtbot.keyClicks(source, "the harbour master")
    qtbot.keyClick(source, Qt.Key.Key_Return)

    assert "In progress" in seen.theirs[0] and seen.yours[0] == "the harbour master"
    now = stored(window, claim_id)
    assert now.status == "in_progress"  # theirs stands either way
    if answer == KEEP:
        assert now.source == before and source.text() == (before or "")
        assert QGuiApplication.clipboard().text() == "the harbour master"
    else:
        assert now.source == "the harbour master"


def test_tags_and_kind_over_a_colleagues_change(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard
) -> None:
    claim_id = open_with_claim(window, article_file)
    kind = stored(window, claim_id).kind
    claims.add_note(ana, claim_id, "Tagged it for the weekend desk", author="Ana")
    seen = Seen(dialogs, APPLY, KEEP)
    window.editor.tag_editor.setFocus()
    qtbot.keyClicks(window.editor.tag_editor, "harbour, navy")
    window.editor.tag_editor.commit()
    assert stored(window, claim_id).tags == ("harbour", "navy")
    assert seen.yours[0] == "harbour, navy"

    claims.add_note(ana, claim_id, "Another note", author="Ana")
    other = next(k for k in ("quote", "caveat", "claim") if k != kind)
    choose(window.editor.kind_box, other)
    assert "Another note" in seen.theirs[1]
    assert stored(window, claim_id).kind == kind  # kept theirs
    assert window.editor.kind_box.currentData() == kind


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_evidence_changed_by_a_colleague_while_being_edited(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    claim_id = open_with_claim(window, article_file)
    link = evidence.add_link(window.db, claim_id, "https://port.example/log", "the port's log")
    window.actions.reload(claim_id)
    form = window.editor.evidence_form
    form.start_editing(link)
    evidence.edit_evidence(ana, link.id, note="the port's log, 3 March", author="Ana")
    seen = Seen(dialogs, answer)
    form.link_note.setText("the log lists 14 shells")
    form.submit()

    assert "Ana" in seen.theirs[0] and "the port's log, 3 March" in seen.theirs[0]
    assert "the log lists 14 shells" in seen.yours[0]
    now = stored(window, claim_id)
    if answer == KEEP:
        assert [e.note for e in now.evidence] == ["the port's log, 3 March"]
        assert form.editing() is None
        assert "the log lists 14 shells" in QGuiApplication.clipboard().text()
    else:
        assert [e.note for e in now.evidence] == ["the log lists 14 shells"]
        assert "the port's log, 3 March" in [e.note for e in now.removed_evidence]


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_removing_evidence_a_colleague_changed(
    window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard, answer: QDialog.DialogCode
) -> None:
    claim_id = open_with_claim(window, article_file)
    link = evidence.add_link(window.db, claim_id, "https://port.example/log", "the port's log")
    window.actions.reload(claim_id)
    evidence.edit_evidence(ana, link.id, note="the port's log: 14 shells on page 3", author="Ana")
    seen = Seen(dialogs, answer)
    window.editor.evidence_list.removeRequested.emit(link.id)  # the item's Remove link

    assert "14 shells on page 3" in seen.theirs[0] and "https://port.example/log" in seen.yours[0]
    now = stored(window, claim_id)
    if answer == KEEP:
        assert [e.note for e in now.evidence] == ["the port's log: 14 shells on page 3"]
        assert window.editor.evidence_form.undo_notice.isHidden()
    else:
        assert now.evidence == ()
        assert "the port's log: 14 shells on page 3" in [e.note for e in now.removed_evidence]
        assert not window.editor.evidence_form.undo_notice.isHidden()  # Undo offered


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_article_properties_changed_by_a_colleague(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    assert window.open_file(article_file) and window.article is not None
    article_id = window.article.id
    dialog = window.properties_dialog()
    assert dialog is not None
    shown = articles.article_properties(ana, article_id)
    articles.save_properties(ana, article_id, shown.with_values({"title": "Shells found under the quay"}))
    seen = Seen(dialogs, answer)
    dialog.outlet.setText("Coast Gazette")
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)

    assert "Shells found under the quay" in seen.theirs[0] and "title" in seen.theirs[0]
    assert seen.yours[0] == "Outlet: Coast Gazette"
    now = articles.article_properties(window.db, article_id)
    assert now.title == "Shells found under the quay"  # theirs, untouched by mine either way
    if answer == KEEP:
        assert now.outlet is None
        assert dialog.isVisible() and dialog.title.text() == "Shells found under the quay"
        assert QGuiApplication.clipboard().text() == "Outlet: Coast Gazette"
    else:
        assert now.outlet == "Coast Gazette" and not dialog.isVisible()
    assert window.windowTitle() == "Shells found under the quay — Claimdesk"


def test_own_changes_one_after_another_never_conflict(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    _set_status_in_editor(qtbot, window, "in_progress", "")
    note = claims.add_note(window.db, claim_id, "x")  # from this program, outside the editor
    window.actions.reload(claim_id)
    window.editor.notes_view.start_editing(note.id)
    window.editor.notes_view.note_input.setPlainText("y")
    window.editor.notes_view.add_note_button.click()
    _set_status_in_editor(qtbot, window, "verified", "The log says so")
    assert [h.new_status for h in stored(window, claim_id).history] == ["in_progress", "verified"]
    assert [n.body for n in stored(window, claim_id).notes] == ["y"]


# ---- the dialog itself ----------------------------------------------------------------------------


def _dialog(qtbot: QtBot, theirs: str, yours: str) -> ConflictDialog:
    dialog = ConflictDialog(ConflictError("changed", theirs=theirs, yours=yours), yours)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_escape_keeps_theirs(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, "Ana set it to False", "Verified: the log")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == KEEP


@pytest.mark.parametrize("button", ["keep_button", "apply_button"])
def test_each_choice_is_a_button(qtbot: QtBot, button: str) -> None:
    dialog = _dialog(qtbot, "Ana set it to False", "Verified: the log")
    qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
    assert dialog.result() == (KEEP if button == "keep_button" else APPLY)


def test_both_texts_are_shown_as_written_selectable_and_mine_copyable(qtbot: QtBot) -> None:
    hostile = "<b>14</b> shells & <img src='/dev/zero'>"
    dialog = _dialog(qtbot, f"Ana reworded it to {hostile}", hostile)
    assert dialog.theirs.toPlainText().endswith(hostile) and dialog.yours.toPlainText() == hostile
    for box in (dialog.theirs, dialog.yours):
        assert box.isReadOnly()
        assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == hostile


def test_a_refusal_without_details_shows_its_message(qtbot: QtBot) -> None:
    """The version check inside the UPDATE (two writers at the same moment) says no more than that."""
    error = ConflictError("Someone else changed this at the same moment")
    dialog = ConflictDialog(error, "mine")
    qtbot.addWidget(dialog)
    assert dialog.theirs.toPlainText() == "Someone else changed this at the same moment"
