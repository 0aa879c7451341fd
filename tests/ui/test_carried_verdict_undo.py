"""A verdict carried to linked claims is one step to undo (issue 20): the real window over our own
linked story, the checklist answered through the dialog guard, Edit > Undo and the Undo link."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.services import claims, evidence
from app.storage.database import Database
from app.ui.claims.claim_links_view import CarryDialog
from app.ui.main_window import MainWindow
from tests.claim_links_story import claim_with, import_story
from tests.dialog_guard import DialogGuard
from tests.ui.job_support import finished


@pytest.fixture
def story(db: Database) -> list[int]:
    return import_story(db)


@pytest.fixture
def carried(
    qtbot: QtBot, window: MainWindow, db: Database, story: list[int], dialogs: DialogGuard
) -> tuple[int, list[int]]:
    """The Courier's burned area found False, carried to the Evening Post's and the Northern Daily's."""
    area = claim_with(db, story[0], "110 square kilometres")
    targets = [claim_with(db, story[3], "110 square kilometres"), claim_with(db, story[1], "160 square")]
    claims.set_status(db, targets[1], "in_progress", "Asked the fire service")
    evidence.add_link(db, area, "https://example.org/satellite", note="Burn scar map")
    window.open_article(story[0])
    window.choose_claim(area)
    window.actions.set_status(area, "false", "Satellite images show 64 square kilometres burned")
    links = window.editor.links_view
    finished(qtbot, links.job)

    def tick(dialog: CarryDialog) -> Any:
        for target in targets:
            dialog.tick(target)
        return QDialog.DialogCode.Accepted

    dialogs.expect("CarryDialog.exec", tick)
    links.carry_button.click()
    finished(qtbot, links.job)
    assert [claims.load_claim(db, t).status for t in targets] == ["false", "false"]
    return area, targets


def test_edit_undo_takes_the_verdict_back_from_every_claim_and_redo_carries_it_again(
    qtbot: QtBot, window: MainWindow, db: Database, carried: tuple[int, list[int]]
) -> None:
    area, targets = carried
    assert window.undo_action.text() == "&Undo carry verdict"
    window.undo_action.trigger()
    assert [claims.load_claim(db, t).status for t in targets] == ["unreviewed", "in_progress"]
    for target in targets:
        history = claims.load_claim(db, target).history
        assert history[-2].reason.startswith("carried from Valdora Courier (2024-07-02)")
        assert history[-1].reason.startswith("Undone: carried from Valdora Courier")
        assert claims.load_claim(db, target).evidence == ()
    assert claims.load_claim(db, area).status == "false", "the verdict stays where it was given"
    assert window.current_claim_id() == area
    links = window.editor.links_view
    finished(qtbot, links.job)
    assert "Unreviewed" in links.summary.text() and "In progress" in links.summary.text()
    window.undo_action.trigger()  # the step before: the claim's own status
    assert claims.load_claim(db, area).status == "unreviewed"
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert [claims.load_claim(db, t).status for t in targets] == ["false", "false"]


def test_the_undo_link_under_the_links_does_the_same(
    qtbot: QtBot, window: MainWindow, db: Database, carried: tuple[int, list[int]]
) -> None:
    _area, targets = carried
    notice = window.editor.links_view.undo_notice
    assert notice.isVisible()
    assert notice.text().startswith("Verdict carried to 2 claims.")
    qtbot.waitUntil(lambda: not notice.visibleRegion().isEmpty())  # the Review page scrolled to it
    notice.linkActivated.emit("undo")
    assert [claims.load_claim(db, t).status for t in targets] == ["unreviewed", "in_progress"]
    assert not notice.isVisible()


def test_a_claim_changed_since_is_left_as_set_and_the_journalist_is_told(
    qtbot: QtBot, window: MainWindow, db: Database, carried: tuple[int, list[int]], errors: list[str]
) -> None:
    _area, (kept, changed) = carried
    claims.set_status(db, changed, "verified", "Our reporter saw the burn scar", author="Anna")
    window.undo_action.trigger()
    assert claims.load_claim(db, kept).status == "unreviewed"
    assert claims.load_claim(db, changed).status == "verified"
    assert errors == [
        "Left as they are, changed since the verdict was carried: Northern Daily (Verified, set by Anna)"
    ]


def test_choosing_another_claim_hides_the_undo_link(
    qtbot: QtBot, window: MainWindow, db: Database, story: list[int], carried: tuple[int, list[int]]
) -> None:
    window.choose_claim(claim_with(db, story[0], "50,000 residents"))
    assert not window.editor.links_view.undo_notice.isVisible()
    assert window.undo_action.text() == "&Undo carry verdict", "Edit > Undo still offers it"
