"""The claims list driven by the keyboard alone, as a journalist triages: real keys, real dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import claims
from app.ui.claims.claim_list_model import ClaimIdRole
from app.ui.dialogs.reason_dialog import ReasonDialog
from app.ui.main_window import MainWindow


@pytest.fixture
def listed(qtbot: QtBot, window: MainWindow, article_file: Path) -> MainWindow:
    assert window.open_file(article_file)
    window.activateWindow()
    window.choose_claim(window.claim_model.claim_at(0).id)
    window.claim_list.setFocus()
    qtbot.waitUntil(window.claim_list.hasFocus)
    return window


def ids(window: MainWindow) -> list[int]:
    return [c.id for c in window.claim_model.claims()]


def in_editor(window: MainWindow, claim_id: int) -> bool:
    claim = window.claim_model.claim(claim_id)
    return claim is not None and claim.text[:40] in window.editor.sentence.text()


def key(qtbot: QtBot, window: MainWindow, which: Qt.Key) -> None:
    qtbot.keyClick(window.claim_list, which)


def test_j_and_k_move_like_the_arrows(qtbot: QtBot, listed: MainWindow) -> None:
    order = ids(listed)
    key(qtbot, listed, Qt.Key.Key_J)
    key(qtbot, listed, Qt.Key.Key_J)
    assert listed.current_claim_id() == order[2]
    assert in_editor(listed, order[2])
    key(qtbot, listed, Qt.Key.Key_K)
    assert listed.current_claim_id() == order[1]
    key(qtbot, listed, Qt.Key.Key_Down)
    key(qtbot, listed, Qt.Key.Key_Up)
    assert listed.current_claim_id() == order[1]


def test_number_keys_set_statuses_that_need_no_reason(qtbot: QtBot, listed: MainWindow) -> None:
    first = ids(listed)[0]
    for pressed, expected in (
        (Qt.Key.Key_2, "in_progress"),
        (Qt.Key.Key_5, "unverified"),
    ):
        key(qtbot, listed, pressed)
        assert claims.load_claim(listed.db, first).status == expected
    assert listed.reason_dialog is None
    assert listed.current_claim_id() == first, "the selection stays"


def test_a_final_judgement_asks_for_the_reason_in_a_dialog(qtbot: QtBot, listed: MainWindow) -> None:
    first = ids(listed)[0]
    key(qtbot, listed, Qt.Key.Key_7)
    dialog = listed.reason_dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    assert "False" in dialog.windowTitle()
    assert claims.load_claim(listed.db, first).status == "unreviewed", "nothing saved before the reason"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_input, "   ")
    assert not dialog.ok_button.isEnabled(), "blank is no reason"
    dialog.reason_input.clear()
    qtbot.keyClicks(dialog.reason_input, "The port's log shows dredging all week")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    claim = claims.load_claim(listed.db, first)
    assert claim.status == "false"
    assert claim.history[-1].reason == "The port's log shows dredging all week"
    assert listed.claim_model.claim(first).status == "false"  # type: ignore[union-attr]
    assert listed.undo_action.text() == "&Undo set status to False"


def test_cancelling_the_reason_changes_nothing(qtbot: QtBot, listed: MainWindow) -> None:
    first = ids(listed)[0]
    key(qtbot, listed, Qt.Key.Key_3)
    dialog = listed.reason_dialog
    assert dialog is not None and "Verified" in dialog.windowTitle()
    qtbot.keyClicks(dialog.reason_input, "second thoughts")
    qtbot.keyClick(dialog.reason_input, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert claims.load_claim(listed.db, first).history == ()
    assert listed.actions.stack.count() == 0


def test_enter_in_the_reason_dialog_confirms(qtbot: QtBot, listed: MainWindow) -> None:
    first = ids(listed)[0]
    key(qtbot, listed, Qt.Key.Key_6)
    dialog = listed.reason_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.reason_input, "The harbour master disagrees")
    qtbot.keyClick(dialog.reason_input, Qt.Key.Key_Return)
    assert claims.load_claim(listed.db, first).status == "disputed"


def test_n_writes_a_note_and_e_adds_evidence_in_the_editor(qtbot: QtBot, listed: MainWindow) -> None:
    first = ids(listed)[0]
    key(qtbot, listed, Qt.Key.Key_N)
    assert QApplication.focusWidget() is listed.editor.note_input
    qtbot.keyClicks(listed.editor.note_input, "Asked the port for its log")
    listed.add_note(first, listed.editor.note_input.toPlainText())
    assert [n.body for n in claims.load_claim(listed.db, first).notes] == ["Asked the port for its log"]
    listed.claim_list.setFocus()
    key(qtbot, listed, Qt.Key.Key_E)
    focused = QApplication.focusWidget()
    assert focused is not None and listed.editor.evidence_form.isAncestorOf(focused)


def test_enter_opens_the_editor(qtbot: QtBot, listed: MainWindow) -> None:
    key(qtbot, listed, Qt.Key.Key_J)
    key(qtbot, listed, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    assert focused is not None and listed.editor.isAncestorOf(focused)
    assert in_editor(listed, ids(listed)[1])


def test_delete_dismisses_and_the_next_claim_takes_the_place(qtbot: QtBot, listed: MainWindow) -> None:
    order = ids(listed)
    key(qtbot, listed, Qt.Key.Key_J)
    key(qtbot, listed, Qt.Key.Key_Delete)
    assert claims.load_claim(listed.db, order[1]).dismissed
    assert order[1] not in listed.claims_panel.shown_claim_ids()
    assert listed.current_claim_id() == order[2]
    assert listed.claim_list.hasFocus(), "the keyboard stays in the list"
    key(qtbot, listed, Qt.Key.Key_Delete)
    assert listed.current_claim_id() == order[3]
    assert listed.undo_action.text() == "&Undo dismiss claim"


def test_enter_on_a_source_heading_folds_it_and_the_fold_survives_a_reload(
    qtbot: QtBot, listed: MainWindow
) -> None:
    panel = listed.claims_panel
    panel.set_grouped(True)
    heading = panel.proxy.index(0, 0)
    listed.claim_list.setCurrentIndex(heading)
    key(qtbot, listed, Qt.Key.Key_Return)
    assert not listed.claim_list.isExpanded(heading)
    last_group = panel.proxy.index(panel.proxy.rowCount() - 1, 0)
    listed.actions.dismiss_claim(panel.proxy.index(0, 0, last_group).data(ClaimIdRole))  # rows go
    assert not listed.claim_list.isExpanded(panel.proxy.index(0, 0)), "still folded"
    listed.actions.stack.undo()
    assert listed.article is not None
    listed.open_article(listed.article.id)  # a reload (a new version, say) keeps what was folded
    assert not listed.claim_list.isExpanded(panel.proxy.index(0, 0))
    assert listed.claim_list.isExpanded(panel.proxy.index(1, 0))
    listed.claim_list.setCurrentIndex(panel.proxy.index(0, 0))
    key(qtbot, listed, Qt.Key.Key_Return)
    assert listed.claim_list.isExpanded(panel.proxy.index(0, 0))
