"""The claim's links in the editor (issue 20): a real database of our own linked story, the real
widget, its look run on the worker pool; links followed and a verdict carried through a checklist."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.services import articles, claims
from app.storage.database import Database
from app.ui.claims.claim_links_view import CarryDialog, ClaimLinksView
from app.ui.main_window import MainWindow
from tests.claim_links_story import claim_with, import_story
from tests.dialog_guard import DialogGuard
from tests.ui.job_support import finished


@pytest.fixture
def story(db: Database) -> list[int]:
    return import_story(db)


@pytest.fixture
def view(qtbot: QtBot, db: Database) -> ClaimLinksView:
    widget = ClaimLinksView()
    widget.library = lambda: db
    qtbot.addWidget(widget)
    widget.resize(520, 400)
    widget.show()
    return widget


def _show(qtbot: QtBot, view: ClaimLinksView, db: Database, claim_id: int) -> None:
    view.show_claim(claims.load_claim(db, claim_id))
    finished(qtbot, view.job)


def test_a_claim_made_elsewhere_says_where_and_first(
    qtbot: QtBot, view: ClaimLinksView, db: Database, story: list[int]
) -> None:
    _show(qtbot, view, db, claim_with(db, story[2], "160 square kilometres"))
    assert view.isVisible()
    text = view.summary.text()
    assert "Also in 4 articles; first: Valdora Courier, 2024-07-02" in text
    for outlet in ("Valdora Courier", "Northern Daily", "The Evening Post", "Coastal Ledger"):
        assert outlet in text
    assert (
        "Metro Wire \u2190 the Northern Daily \u2190 The Valdora Courier \u2190 the regional fire service"
        in text
    )
    assert "figures disagree: 160 square kilometres (the Northern Daily, 2024-07-03) vs 110" in text
    assert not view.carry_button.isEnabled()  # unreviewed: nothing to carry yet


def test_a_claim_made_nowhere_else_shows_only_the_way_to_link_it_by_hand(
    qtbot: QtBot, view: ClaimLinksView, db: Database, story: list[int]
) -> None:
    _show(qtbot, view, db, claim_with(db, story[2], "Tourism operators"))
    assert view.links is not None and view.links.linked == ()
    assert view.link_button.isVisible()
    assert not view.summary.isVisible() and not view.carry_button.isVisible()


def test_a_link_opens_that_article_at_that_claim(
    qtbot: QtBot, view: ClaimLinksView, db: Database, story: list[int]
) -> None:
    opened: list[tuple[int, int]] = []
    view.opener = lambda article, claim: opened.append((article, claim))
    _show(qtbot, view, db, claim_with(db, story[2], "160 square kilometres"))
    target = claim_with(db, story[0], "110 square kilometres")
    assert f"claim:{story[0]}:{target}" in view.summary.text()
    view.summary.linkActivated.emit(f"claim:{story[0]}:{target}")
    assert opened == [(story[0], target)]


def test_the_verdict_goes_only_to_the_ticked_claims(
    qtbot: QtBot, view: ClaimLinksView, db: Database, story: list[int], dialogs: DialogGuard
) -> None:
    source = claim_with(db, story[0], "110 square kilometres")
    ticked = claim_with(db, story[3], "110 square kilometres")
    left = claim_with(db, story[1], "160 square kilometres")
    claims.set_status(db, source, "disputed", reason="The forestry agency's map says 95")
    _show(qtbot, view, db, source)
    assert view.carry_button.isEnabled()
    listed: list[list[int]] = []

    def answer(dialog: CarryDialog) -> Any:
        listed.append(
            [
                int(dialog.checklist.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(dialog.checklist.count())
            ]
        )
        assert dialog.chosen() == [] and not dialog.carry_button.isEnabled()  # nothing ticked to begin with
        dialog.tick(ticked)
        assert dialog.carry_button.isEnabled()
        return QDialog.DialogCode.Accepted

    dialogs.expect("CarryDialog.exec", answer)
    view.carry_button.click()
    finished(qtbot, view.job)
    assert set(listed[0]) == {c.claim_id for c in view.links.linked}  # type: ignore[union-attr]
    assert claims.load_claim(db, ticked).status == "disputed"
    assert (
        claims.load_claim(db, ticked)
        .history[-1]
        .reason.startswith("carried from Valdora Courier (2024-07-02)")
    )
    assert claims.load_claim(db, left).status == "unreviewed"
    assert "Disputed" in view.summary.text()  # the links shown again, with the new status


def test_cancelling_the_checklist_carries_nothing(
    qtbot: QtBot, view: ClaimLinksView, db: Database, story: list[int], dialogs: DialogGuard
) -> None:
    source = claim_with(db, story[0], "110 square kilometres")
    claims.set_status(db, source, "false", reason="Satellite images")
    _show(qtbot, view, db, source)
    dialogs.expect("CarryDialog.exec", QDialog.DialogCode.Rejected)
    view.carry_button.click()
    for other in articles.load_article(db, story[3]).claims:
        assert other.status == "unreviewed"


def test_only_the_latest_look_is_shown(
    qtbot: QtBot, view: ClaimLinksView, db: Database, story: list[int]
) -> None:
    linked = claim_with(db, story[2], "160 square kilometres")
    alone = claim_with(db, story[2], "Tourism operators")
    view.show_claim(claims.load_claim(db, linked))
    first = view.job
    view.show_claim(claims.load_claim(db, alone))
    finished(qtbot, first)
    finished(qtbot, view.job)
    assert not view.summary.isVisible()
    assert view.links is not None and view.links.claim_id == alone


def test_in_the_editor_a_link_opens_the_other_article_at_its_claim(
    qtbot: QtBot, window: MainWindow, db: Database, story: list[int]
) -> None:
    window.open_article(story[2])
    claim_id = claim_with(db, story[2], "160 square kilometres")
    window.choose_claim(claim_id)
    links = window.editor.links_view
    finished(qtbot, links.job)
    assert links.isVisible()
    assert "Also in 4 articles; first: Valdora Courier, 2024-07-02" in links.summary.text()
    target = claim_with(db, story[0], "110 square kilometres")
    links.summary.linkActivated.emit(f"claim:{story[0]}:{target}")
    assert window.article is not None and window.article.id == story[0]
    assert window.current_claim_id() == target
    finished(qtbot, links.job)  # the claim now shown is looked up in turn
    assert "Also in 4 articles; first: this article, 2024-07-02" in links.summary.text()
