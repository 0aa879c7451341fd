"""Nothing lost: every edit saved at once, and undone or redone from the Edit menu and Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.errors import ClaimdeskError
from app.services import articles, claims
from app.ui.main_window import MainWindow


@pytest.fixture
def opened(window: MainWindow, article_file: Path) -> MainWindow:
    assert window.open_file(article_file)
    return window


def first_id(window: MainWindow) -> int:
    return window.claim_model.claim_at(0).id


def stored(window: MainWindow, claim_id: int) -> claims.ClaimRecord:
    return claims.load_claim(window.db, claim_id)


def test_undo_of_a_status_appends_a_step_back(qtbot: QtBot, opened: MainWindow) -> None:
    claim_id = first_id(opened)
    opened.actions.set_status(claim_id, "false", "The port log shows no halt")
    assert opened.claim_model.claim(claim_id) == stored(opened, claim_id), "the row, patched, is as stored"
    assert opened.undo_action.text() == "&Undo set status to False"
    assert opened.undo_action.shortcut().toString() == "Ctrl+Z"
    assert opened.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    opened.undo_action.trigger()
    claim = stored(opened, claim_id)
    assert claim.status == "unreviewed"
    assert [(h.old_status, h.new_status) for h in claim.history] == [
        ("unreviewed", "false"),
        ("false", "unreviewed"),
    ], "history is append-only: undo adds a step, it never deletes one"
    assert claim.history[-1].reason == "Undone: set status to False"
    assert opened.claim_model.claim(claim_id) == claim, "the row follows"
    assert opened.redo_action.text() == "&Redo set status to False"
    opened.redo_action.trigger()
    claim = stored(opened, claim_id)
    assert claim.status == "false" and claim.history[-1].reason == "The port log shows no halt"


def test_ctrl_z_and_ctrl_shift_z(qtbot: QtBot, opened: MainWindow) -> None:
    claim_id = first_id(opened)
    opened.choose_claim(claim_id)
    opened.claim_list.setFocus()
    qtbot.keyClick(opened.claim_list, Qt.Key.Key_2)
    assert stored(opened, claim_id).status == "in_progress"
    qtbot.keyClick(opened.claim_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(opened, claim_id).status == "unreviewed"
    qtbot.keyClick(
        opened.claim_list,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored(opened, claim_id).status == "in_progress"


def test_a_refused_action_is_not_undoable(opened: MainWindow) -> None:
    with pytest.raises(ClaimdeskError, match="reason"):
        opened.actions.set_status(first_id(opened), "verified")
    with pytest.raises(ClaimdeskError, match="empty"):
        opened.actions.add_note(first_id(opened), "  ")
    assert opened.actions.stack.count() == 0 and not opened.undo_action.isEnabled()


def test_undo_of_a_note_deletes_it_and_redo_brings_it_back(opened: MainWindow) -> None:
    claim_id = first_id(opened)
    opened.actions.add_note(claim_id, "kept")
    opened.actions.add_note(claim_id, "Asked the *port* for the log")
    assert opened.undo_action.text() == "&Undo add note"
    opened.actions.stack.undo()
    assert [n.body for n in stored(opened, claim_id).notes] == ["kept"]
    assert [n.body for n in opened.claim_model.claim(claim_id).notes] == ["kept"]
    opened.actions.stack.redo()
    assert [n.body for n in stored(opened, claim_id).notes] == ["kept", "Asked the *port* for the log"]


def test_undo_of_evidence_removes_it(opened: MainWindow, tmp_path: Path) -> None:
    claim_id = first_id(opened)
    document = tmp_path / "log.pdf"
    document.write_bytes(b"%PDF-1.4 the log")
    opened.actions.add_evidence(claim_id, "link", url="https://example.org/notice")
    opened.actions.add_evidence(claim_id, "person", name="Ana Silva", role="harbour master", how="phone")
    opened.actions.add_evidence(claim_id, "document", path=str(document))
    assert opened.undo_action.text() == "&Undo add document"
    assert [e.kind for e in stored(opened, claim_id).evidence] == ["url", "person", "document"]
    opened.actions.stack.undo()
    opened.actions.stack.undo()
    assert [e.kind for e in stored(opened, claim_id).evidence] == ["url"]
    opened.actions.stack.redo()
    assert [e.reference for e in stored(opened, claim_id).evidence] == [
        "https://example.org/notice",
        "Ana Silva",
    ]
    with pytest.raises(ClaimdeskError):
        opened.actions.add_evidence(claim_id, "rumour", what="heard it")


def test_undo_of_tags_and_of_an_edit(opened: MainWindow) -> None:
    claim_id = first_id(opened)
    before = stored(opened, claim_id)
    opened.actions.set_tags(claim_id, ["ferries", "port"])
    opened.actions.edit_claim(claim_id, source="the harbour master", kind="quote")
    assert opened.undo_action.text() == "&Undo change source and kind"
    opened.actions.stack.undo()
    claim = stored(opened, claim_id)
    assert (claim.source, claim.kind, claim.source_refers_to) == (
        before.source,
        before.kind,
        before.source_refers_to,
    )
    assert claim.tags == ("ferries", "port")
    opened.actions.stack.undo()
    assert stored(opened, claim_id).tags == ()
    opened.actions.stack.redo()
    opened.actions.stack.redo()
    assert stored(opened, claim_id).source == "the harbour master"
    assert opened.claim_model.claim(claim_id).kind == "quote"


def test_undo_of_a_new_claim_removes_it_and_redo_keeps_its_id(opened: MainWindow) -> None:
    assert opened.article is not None
    text = opened.article.text
    start = text.index("north harbour")
    new_id = opened.actions.add_claim(opened.article.id, start, start + len("north harbour"))
    assert opened.current_claim_id() == new_id, "the new claim is selected"
    opened.actions.set_status(new_id, "in_progress")
    opened.actions.stack.undo()
    opened.actions.stack.undo()
    assert opened.claim_model.claim(new_id) is None
    with pytest.raises(ClaimdeskError):
        claims.load_claim(opened.db, new_id)
    opened.actions.stack.redo()
    opened.actions.stack.redo()
    assert stored(opened, new_id).status == "in_progress", "later commands still find the claim"
    assert opened.claim_model.claim(new_id) is not None and opened.current_claim_id() == new_id


def test_undo_of_dismiss_restores_and_keeps_the_place(opened: MainWindow) -> None:
    second = opened.claim_model.claim_at(1).id
    opened.choose_claim(second)
    opened.actions.dismiss_claim(second)
    assert second not in opened.claims_panel.shown_claim_ids()
    assert opened.current_claim_id() == opened.claim_model.claim_at(2).id, "the next claim takes its place"
    assert opened.undo_action.text() == "&Undo dismiss claim"
    opened.actions.stack.undo()
    assert not stored(opened, second).dismissed
    assert second in opened.claims_panel.shown_claim_ids()


def test_a_status_change_keeps_the_selection(opened: MainWindow) -> None:
    chosen = opened.claim_model.claim_at(1).id
    opened.choose_claim(chosen)
    opened.actions.set_status(opened.claim_model.claim_at(0).id, "in_progress")
    opened.actions.stack.undo()
    assert opened.current_claim_id() == chosen


def test_undo_that_can_no_longer_be_done_is_a_message(opened: MainWindow, errors: list[str]) -> None:
    assert opened.article is not None
    new_id = opened.actions.add_claim(opened.article.id, 0, 10)
    opened.actions.add_note(new_id, "on a claim about to vanish")
    claims.remove_manual_claim(opened.db, new_id)  # behind the stack's back (another window, say)
    opened.actions.stack.undo()
    assert errors and "no note" in errors[0].lower()


def test_undo_in_another_article_opens_it(opened: MainWindow, tmp_path: Path, article_file: Path) -> None:
    claim_id = first_id(opened)
    opened.actions.set_status(claim_id, "in_progress")
    other = tmp_path / "other.txt"
    other.write_text("Ferry times\n\nThe mayor said the ferry runs every hour.\n", encoding="utf-8")
    opened.open_file(other)
    assert opened.claim_model.claim(claim_id) is None
    opened.actions.stack.undo()
    assert (
        opened.article is not None
        and opened.article.id == articles.load_article(opened.db, stored(opened, claim_id).article_id).id
    )
    assert opened.current_claim_id() == claim_id
    assert stored(opened, claim_id).status == "unreviewed"


def test_another_database_clears_the_stack(opened: MainWindow, tmp_path: Path, article_file: Path) -> None:
    from app.storage.database import open_database

    opened.actions.set_status(first_id(opened), "in_progress")
    other = open_database(tmp_path / "restored.sqlite3")
    opened.db = other  # as restoring a backup does
    assert opened.actions.db is other and opened.actions.stack.count() == 0
    opened.open_file(article_file)
    opened.actions.set_status(first_id(opened), "unverified")
    assert claims.load_claim(other, first_id(opened)).status == "unverified"
    other.close()


def test_dismissing_twice_is_one_step(opened: MainWindow) -> None:
    claim_id = first_id(opened)
    opened.actions.dismiss_claim(claim_id)
    opened.actions.dismiss_claim(claim_id)
    opened.actions.restore_claim(claim_id)
    opened.actions.restore_claim(claim_id)
    assert [opened.actions.stack.text(i) for i in range(opened.actions.stack.count())] == [
        "dismiss claim",
        "restore claim",
    ]
