"""The last writes that passed no version (issue 19): a claim's span set from the article, a claim
dismissed or restored, an article renamed with F2 in the library. Two editors on one library (two
Database objects on one SQLite file): A changes the claim or the article; B's window, still showing
what it read before, makes its change. B gets the conflict dialog, and either answer loses nothing."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.services import articles, claims, library
from app.storage.database import Database
from app.ui.library.library_pane import TITLE
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard
from tests.ui.claim_editor_support import APPLY, KEEP, Seen, open_with_claim, stored


def _set_span_from_the_article(window: MainWindow, claim_id: int, passage: str) -> tuple[int, int]:
    """Select `passage` in the article and use "Set span of selected claim", as the user does."""
    assert window.article is not None
    start = window.article.text.index(passage)
    window.choose_claim(claim_id)
    window.article_view.reveal(start, start + len(passage))
    window.article_view.set_span_action.trigger()
    return start, start + len(passage)


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_a_span_set_over_a_colleagues_verdict(
    window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard, answer: QDialog.DialogCode
) -> None:
    claim_id = open_with_claim(window, article_file, row=1)
    before = stored(window, claim_id)
    claims.set_status(ana, claim_id, "disputed", "The navy counts 12 shells", author="Ana")
    seen = Seen(dialogs, answer)
    start, end = _set_span_from_the_article(window, claim_id, "the survey found 14 unexploded shells")

    assert len(seen.theirs) == 1
    assert "Ana" in seen.theirs[0] and "Disputed" in seen.theirs[0] and "12 shells" in seen.theirs[0]
    assert seen.yours[0] == "New span: “the survey found 14 unexploded shells”"
    now = stored(window, claim_id)
    assert [(h.new_status, h.author) for h in now.history] == [("disputed", "Ana")]  # theirs stands
    assert window.claim_model.claim(claim_id).status == "disputed"  # type: ignore[union-attr]
    if answer == KEEP:
        assert (now.start, now.end) == (before.start, before.end)
        assert window.article_view.selection_span() == (start, end), "the passage stays selected"
        assert "your passage stays selected in the article" in seen.said[0]
    else:
        assert (now.start, now.end) == (start, end)
        assert now.text == "the survey found 14 unexploded shells"
        window.undo_action.trigger()  # the span set over theirs is one step, undone alone
        assert (stored(window, claim_id).start, stored(window, claim_id).end) == (before.start, before.end)
        assert stored(window, claim_id).status == "disputed"


def test_a_span_with_no_change_since_is_set_without_asking(window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file, row=1)
    start, end = _set_span_from_the_article(window, claim_id, "14 unexploded shells")
    assert (stored(window, claim_id).start, stored(window, claim_id).end) == (start, end)
    start, end = _set_span_from_the_article(window, claim_id, "the survey found 14 unexploded shells")
    assert (stored(window, claim_id).start, stored(window, claim_id).end) == (start, end)


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_dismissing_a_claim_a_colleague_just_judged(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    claim_id = open_with_claim(window, article_file)
    window.claim_list.setFocus()
    claims.set_status(ana, claim_id, "false", "The port says dredging never stopped", author="Ana")
    seen = Seen(dialogs, answer)
    qtbot.keyClick(window.claim_list, Qt.Key.Key_Delete)

    assert "Ana" in seen.theirs[0] and "The port says dredging never stopped" in seen.theirs[0]
    assert seen.yours[0] == "Dismiss this claim"
    now = stored(window, claim_id)
    assert [h.new_status for h in now.history] == ["false"]
    assert window.claim_model.claim(claim_id).status == "false"  # type: ignore[union-attr]  # theirs shown
    if answer == KEEP:
        assert not now.dismissed
        assert "you can dismiss it again" in seen.said[0]
        assert not window.actions.stack.canUndo()
    else:
        assert now.dismissed
        assert window.claim_model.claim(claim_id).dismissed  # type: ignore[union-attr]
        window.undo_action.trigger()
        assert not stored(window, claim_id).dismissed
        assert stored(window, claim_id).status == "false"


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_restoring_a_claim_a_colleague_noted_since(
    window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard, answer: QDialog.DialogCode
) -> None:
    claim_id = open_with_claim(window, article_file)
    assert window.set_dismissed(claim_id, True)
    window.claims_panel.dismissed_box.setChecked(True)  # the dismissed claim in the list, struck out
    window.choose_claim(claim_id)
    claims.add_note(ana, claim_id, "Left out on purpose: the port's own words", author="Ana")
    seen = Seen(dialogs, answer)
    window.claims_panel.restore_button.click()

    assert "Left out on purpose: the port's own words" in seen.theirs[0] and "Ana" in seen.theirs[0]
    assert seen.yours[0] == "Restore this claim"
    now = stored(window, claim_id)
    assert [n.body for n in now.notes] == ["Left out on purpose: the port's own words"]
    assert now.dismissed == (answer == KEEP)
    assert window.claim_model.claim(claim_id).dismissed == (answer == KEEP)  # type: ignore[union-attr]


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_restoring_from_the_editors_banner_after_a_colleagues_change(
    window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard, answer: QDialog.DialogCode
) -> None:
    claim_id = open_with_claim(window, article_file)
    assert window.set_dismissed(claim_id, True)
    window.claims_panel.dismissed_box.setChecked(True)
    window.choose_claim(claim_id)
    assert not window.editor.dismissed_banner.isHidden()
    claims.set_status(ana, claim_id, "in_progress", author="Ana")
    seen = Seen(dialogs, answer)
    window.editor.dismissed_banner.linkActivated.emit("restore")

    assert "In progress" in seen.theirs[0] and seen.yours[0] == "Restore this claim"
    now = stored(window, claim_id)
    assert now.status == "in_progress" and now.dismissed == (answer == KEEP)


def _rename_with_f2(qtbot: QtBot, window: MainWindow, title: str, *, before_enter: object = None) -> None:
    pane = window.library.pane
    pane.table.setFocus()
    pane.table.setCurrentIndex(pane.proxy.index(0, TITLE))
    qtbot.keyClick(pane.table, Qt.Key.Key_F2)
    (editor,) = [e for e in pane.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, title)
    if callable(before_enter):
        before_enter()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on its next turn of the event loop


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_f2_over_a_title_a_colleague_changed_since_the_list_was_read(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    assert window.open_file(article_file) and window.article is not None
    article_id, listed = window.article.id, window.article.title
    window.library.pane.refresh()
    library.rename(ana, article_id, "Shells found under the quay")  # before F2: the row still says the old
    seen = Seen(dialogs, answer)
    _rename_with_f2(qtbot, window, "Dredging stops for shells")
    qtbot.waitUntil(lambda: len(seen.theirs) == 1)

    assert "Shells found under the quay" in seen.theirs[0] and "title" in seen.theirs[0]
    assert seen.yours[0] == "Dredging stops for shells"
    assert listed != "Shells found under the quay"
    expected = "Shells found under the quay" if answer == KEEP else "Dredging stops for shells"
    qtbot.waitUntil(lambda: articles.load_article(window.db, article_id).title == expected)
    qtbot.waitUntil(lambda: window.library.pane.proxy.index(0, TITLE).data() == expected)
    assert window.windowTitle() == f"{expected} — Claimdesk", "the heading follows the row"
    if answer == KEEP:
        assert QGuiApplication.clipboard().text() == "Dredging stops for shells"


@pytest.mark.parametrize("answer", [KEEP, APPLY])
def test_f2_while_a_colleague_changes_the_article_during_the_edit(
    qtbot: QtBot, window: MainWindow, ana: Database, article_file: Path, dialogs: DialogGuard,
    answer: QDialog.DialogCode,
) -> None:  # fmt: skip
    """The editor is open when the colleague saves (the outlet, not the title): the version read as
    the editor opened has moved on, so B chooses; Ana's outlet stays either way."""
    assert window.open_file(article_file) and window.article is not None
    article_id = window.article.id
    window.library.pane.refresh()

    def colleague_saves() -> None:
        shown = articles.article_properties(ana, article_id)
        articles.save_properties(ana, article_id, shown.with_values({"outlet": "Coast Gazette"}))

    seen = Seen(dialogs, answer)
    _rename_with_f2(qtbot, window, "Dredging stops for shells", before_enter=colleague_saves)
    qtbot.waitUntil(lambda: len(seen.theirs) == 1)

    assert "Coast Gazette" in seen.theirs[0] and "outlet" in seen.theirs[0].lower()
    now = articles.article_properties(window.db, article_id)
    assert now.outlet == "Coast Gazette"
    assert (now.title == "Dredging stops for shells") == (answer == APPLY)


def test_renames_one_after_another_never_conflict(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    assert window.open_file(article_file) and window.article is not None
    article_id = window.article.id
    window.library.pane.refresh()
    for title in ("First title", "Second title"):
        _rename_with_f2(qtbot, window, title)
        qtbot.waitUntil(partial(_titled, window.db, article_id, title))
    assert window.library.pane.rename(article_id, "Third title")
    assert articles.load_article(window.db, article_id).title == "Third title"


def _titled(db: Database, article_id: int, title: str) -> bool:
    return articles.load_article(db, article_id).title == title
