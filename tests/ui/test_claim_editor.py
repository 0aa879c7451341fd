"""The claim editor: status with its reason, source, kind, banners, undo; real widgets, real database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.claims.claim_editor import EVIDENCE_TAB, NOTES_TAB
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard
from tests.ui.claim_editor_support import choose, open_with_claim, stored


def test_verified_without_a_reason_is_held_back_and_explained(
    qtbot: QtBot, window: MainWindow, article_file: Path, errors: list[str]
) -> None:
    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    choose(editor.status_box, "verified")
    assert stored(window, claim_id).status == "unreviewed"
    assert stored(window, claim_id).history == ()
    assert editor.picker.hint.isVisible()
    assert "needs a reason" in editor.picker.hint.text()
    assert editor.reason_input.hasFocus()
    assert editor.picker.pending() == "verified"
    assert errors == []  # explained inline, not by a message box

    qtbot.keyClick(editor.reason_input, Qt.Key.Key_Return)  # still empty: still refused
    assert stored(window, claim_id).status == "unreviewed"

    qtbot.keyClicks(editor.reason_input, "Port log shows the closure on Monday")
    qtbot.keyClick(editor.reason_input, Qt.Key.Key_Return)
    claim = stored(window, claim_id)
    assert claim.status == "verified"
    last = claim.history[-1]
    assert (last.old_status, last.new_status) == ("unreviewed", "verified")
    assert last.reason == "Port log shows the closure on Monday"
    assert last.author == "Test Reviewer"
    assert not editor.picker.hint.isVisible()
    assert editor.reason_input.text() == ""
    assert "Port log shows the closure on Monday" in editor.history.toPlainText()
    assert "Test Reviewer" in editor.history.toPlainText()
    assert window.claim_model.claim_at(window.claim_model.row_of(claim_id) or 0).status == "verified"


def test_other_statuses_take_an_optional_reason(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    choose(editor.status_box, "in_progress")
    assert stored(window, claim_id).status == "in_progress"
    assert stored(window, claim_id).history[-1].reason == ""
    qtbot.keyClicks(editor.reason_input, "waiting for the port authority")
    choose(editor.status_box, "unverified")
    claim = stored(window, claim_id)
    assert claim.status == "unverified"
    assert claim.history[-1].reason == "waiting for the port authority"
    assert "waiting for the port authority" in editor.picker.current_reason.text()


def test_arrow_keys_and_typing_never_set_a_status_in_passing(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    box = window.editor.status_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert stored(window, claim_id).history == ()
    view = box.view()
    assert view is not None and view.isVisible()  # the list opened instead: pick, then Enter
    box.hidePopup()
    qtbot.keyClick(box, Qt.Key.Key_V)
    assert stored(window, claim_id).history == ()


def test_escape_gives_up_a_status_waiting_for_its_reason(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    choose(editor.status_box, "false")
    qtbot.keyClick(editor.reason_input, Qt.Key.Key_Escape)
    assert editor.status_box.currentData() == "unreviewed"
    assert editor.picker.pending() is None
    assert not editor.picker.hint.isVisible()
    assert stored(window, claim_id).status == "unreviewed"


def test_a_pending_status_stays_with_its_claim(window: MainWindow, article_file: Path) -> None:
    first = open_with_claim(window, article_file, row=0)
    editor = window.editor
    choose(editor.status_box, "disputed")
    window.actions.add_note(first, "a note saved meanwhile reloads the editor")
    assert editor.picker.pending() == "disputed"  # the reload did not throw the choice away
    second = window.claim_model.claim_at(1).id
    window.choose_claim(second)
    assert editor.picker.pending() is None
    assert editor.status_box.currentData() == "unreviewed"


def test_source_is_edited_on_enter_and_undone(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file, row=1)
    editor = window.editor
    before = stored(window, claim_id).source
    editor.source_input.selectAll()
    qtbot.keyClicks(editor.source_input, "the port authority")
    qtbot.keyClick(editor.source_input, Qt.Key.Key_Return)
    assert stored(window, claim_id).source == "the port authority"
    window.actions.stack.undo()
    assert stored(window, claim_id).source == before
    assert editor.source_input.text() == (before or "")


def test_kind_is_changed_from_the_list(window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    kinds = [window.editor.kind_box.itemData(i) for i in range(window.editor.kind_box.count())]
    assert {"claim", "quote", "caveat"} <= set(kinds)
    choose(window.editor.kind_box, "caveat")
    assert stored(window, claim_id).kind == "caveat"


def test_undo_of_a_status_set_in_the_editor(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    choose(editor.status_box, "false")
    qtbot.keyClicks(editor.reason_input, "The survey was on Tuesday")
    qtbot.mouseClick(editor.picker.apply_button, Qt.MouseButton.LeftButton)
    assert stored(window, claim_id).status == "false"
    window.actions.stack.undo()
    claim = stored(window, claim_id)
    assert claim.status == "unreviewed"
    assert [h.new_status for h in claim.history] == ["false", "unreviewed"]  # append-only
    assert editor.status_box.currentData() == "unreviewed"
    assert editor.tabs.tabText(3) == "History (2)"


def test_changed_wording_and_orphans_are_said_plainly(window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    assert editor.wording_banner.isHidden() and editor.orphan_banner.isHidden()
    assert editor.dismissed_banner.isHidden()
    claim = stored(window, claim_id)
    editor.show_claim(
        replace(claim, previous_text="Dredging stopped on Tuesday.", anchored=False, dismissed=True)
    )
    assert not editor.dismissed_banner.isHidden()
    assert not editor.wording_banner.isHidden()
    assert "Dredging stopped on Tuesday." in editor.wording_banner.text()
    assert not editor.orphan_banner.isHidden()
    assert "Orphan" in editor.orphan_banner.text()


def test_a_dismissed_claim_says_so_and_can_be_restored(window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    window.actions.dismiss_claim(claim_id)
    window.editor.show_claim(stored(window, claim_id))  # as when "Show dismissed" lists it
    banner = window.editor.dismissed_banner
    assert not banner.isHidden() and "Dismissed" in banner.text()
    banner.linkActivated.emit("restore")
    assert not stored(window, claim_id).dismissed
    window.actions.stack.undo()
    assert stored(window, claim_id).dismissed


def test_n_and_e_open_the_note_box_and_the_evidence_form(window: MainWindow, article_file: Path) -> None:
    open_with_claim(window, article_file)
    editor = window.editor
    editor.start_note()
    assert editor.tabs.currentIndex() == NOTES_TAB
    assert editor.note_input.hasFocus()
    editor.start_evidence()
    assert editor.tabs.currentIndex() == EVIDENCE_TAB
    assert editor.evidence_form.url.hasFocus()


def test_the_editor_fits_the_right_pane(window: MainWindow, article_file: Path) -> None:
    """About 520 px wide: nothing may force the pane wider, or clip (long pages scroll instead)."""
    open_with_claim(window, article_file)
    editor = window.editor
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        assert editor.minimumSizeHint().width() <= 500, editor.tabs.tabText(tab)


def test_a_long_sentence_scrolls_instead_of_crowding_the_tabs(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    lines = ", ".join(f"line {i} was cancelled on Friday" for i in range(60))
    path.write_text(
        f"Ferries\n\nThe minister said that {lines}.\n\nThe mayor said it rained.\n", encoding="utf-8"
    )
    open_with_claim(window, path, row=0)
    area = window.editor.header
    most = area.fontMetrics().lineSpacing() * area.MOST_LINES
    assert area.height() <= most
    assert area.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    window.choose_claim(window.claim_model.claim_at(1).id)
    assert area.height() < most // 3  # a short sentence takes only its own lines
    assert area.verticalScrollBar().maximum() == 0


def test_a_source_typed_then_left_for_another_claim_is_kept(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    first = open_with_claim(window, article_file, row=0)
    editor = window.editor
    editor.source_input.selectAll()
    qtbot.keyClicks(editor.source_input, "the harbour master")
    qtbot.keyClicks(editor.tag_editor, "dredging")
    window.choose_claim(window.claim_model.claim_at(1).id)  # e.g. a click on a highlight
    claim = stored(window, first)
    assert claim.source == "the harbour master"
    assert claim.tags == ("dredging",)
    assert editor.source_input.text() == (stored(window, window.claim_model.claim_at(1).id).source or "")


def test_the_source_field_offers_the_article_s_sources(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    open_with_claim(window, article_file, row=0)
    named = {window.claim_model.claim_at(r).source for r in range(window.claim_model.rowCount())} - {None}
    assert "the port authority" in named
    source = window.editor.source_input
    source.setFocus()
    source.clear()
    qtbot.keyClicks(source, "port auth")
    completer = source.completer()
    assert completer is not None and completer.popup() is not None and completer.popup().isVisible()
    assert completer.currentCompletion() == "the port authority"


def test_the_editor_names_the_other_speakers_of_the_sentence(window: MainWindow, tmp_path: Path) -> None:
    story = tmp_path / "custody.txt"
    story.write_text(
        "Custody dispute in the port town\n\n"
        "Police said the suspect was arrested on Sunday, but his lawyer claimed he was at home, "
        "and neighbours told the Herald they saw nothing.\n",
        encoding="utf-8",
    )
    open_with_claim(window, story)
    facts = window.editor.facts.text()
    assert "Also in this sentence:" in facts
    assert "his lawyer (claimed)" in facts and "neighbours (told)" in facts
    assert "Police (said)" not in facts  # the claim's own source is in the Source field already


def test_a_status_set_over_a_colleagues_newer_change_is_refused_and_says_whose(
    window: MainWindow, article_file: Path, dialogs: DialogGuard
) -> None:
    from app.services import claims as claim_service

    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    conflicts = dialogs.expect("ConflictDialog.exec")  # no answer given: Escape, keep theirs
    choose(editor.status_box, "in_progress")
    choose(editor.status_box, "unverified")  # our own changes one after the other: no conflict
    assert stored(window, claim_id).status == "unverified" and not conflicts
    claim_service.set_status(window.db, claim_id, "false", "The port log says 12", author="Ben")
    choose(editor.status_box, "in_progress")  # the editor still shows the claim as it was
    assert stored(window, claim_id).status == "false", "Ben's newer verdict stands"
    assert conflicts and "Ben set it to False" in conflicts[-1] and "The port log says 12" in conflicts[-1]
    assert editor.status_box.currentData() == "false"  # now shown
