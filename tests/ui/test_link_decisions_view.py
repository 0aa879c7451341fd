"""The journalist's word on links in the editor (issue 20): "not the same" takes a link away,
"Same claim as…" finds a claim of another article by its words and links it by hand, each one
step on Edit > Undo. A real window on a real database of our own linked story."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.services import claim_links
from app.storage.database import Database
from app.ui.claims.claim_links_view import ClaimLinksView, LinkClaimDialog
from app.ui.main_window import MainWindow
from tests.claim_links_story import claim_with, import_story
from tests.dialog_guard import DialogGuard
from tests.ui.job_support import finished


@pytest.fixture
def story(db: Database) -> list[int]:
    return import_story(db)


def _links_of(qtbot: QtBot, window: MainWindow, article_id: int, claim_id: int) -> ClaimLinksView:
    window.open_article(article_id)
    window.choose_claim(claim_id)
    view = window.editor.links_view
    finished(qtbot, view.job)
    return view


def _settle(qtbot: QtBot, view: ClaimLinksView) -> None:
    finished(qtbot, view.job)


def test_not_the_same_takes_the_link_away_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, db: Database, story: list[int]
) -> None:
    area, larger = claim_with(db, story[0], "110 square kilometres"), claim_with(db, story[1], "160 square")
    view = _links_of(qtbot, window, story[0], area)
    shown = f"claim:{story[1]}:{larger}"
    assert f"apart:{larger}" in view.summary.text() and shown in view.summary.text()
    view.summary.linkActivated.emit(f"apart:{larger}")
    _settle(qtbot, view)
    assert shown not in view.summary.text()
    assert "Also in 3 articles" in view.summary.text()
    assert view.undo_notice.isVisible()
    assert larger not in {c.claim_id for c in claim_links.links_for_claim(db, area).linked}
    window.undo_action.trigger()
    _settle(qtbot, view)
    assert shown in view.summary.text()
    assert larger in {c.claim_id for c in claim_links.links_for_claim(db, area).linked}
    window.redo_action.trigger()
    _settle(qtbot, view)
    assert shown not in view.summary.text()


def test_same_claim_as_finds_a_paraphrase_by_its_words_and_links_it_by_hand(
    qtbot: QtBot, window: MainWindow, db: Database, story: list[int], dialogs: DialogGuard
) -> None:
    crews = claim_with(db, story[0], "six water-bombing")
    deployed = claim_with(db, story[4], "1,500 firefighters")
    view = _links_of(qtbot, window, story[0], crews)
    assert f"claim:{story[4]}:{deployed}" not in view.summary.text()  # the matcher misses it
    seen: list[list[str]] = []

    def answer(dialog: LinkClaimDialog) -> Any:
        assert not dialog.link_button.isEnabled()
        dialog.query.setText("firefighters deployed")
        dialog.search()  # as the pause after typing does
        seen.append([dialog.results.item(i).text() for i in range(dialog.results.count())])
        dialog.results.setCurrentRow(0)
        assert dialog.link_button.isEnabled()
        return QDialog.DialogCode.Accepted

    dialogs.expect("LinkClaimDialog.exec", answer)
    view.link_button.click()
    _settle(qtbot, view)
    assert len(seen[0]) == 1 and "1,500 firefighters have been deployed" in seen[0][0]
    text = view.summary.text()
    assert f"claim:{story[4]}:{deployed}" in text and "linked by hand" in text
    assert window.actions.stack.undoText() == "link claims", window.actions.stack.undoText()
    window.undo_action.trigger()
    _settle(qtbot, view)
    assert f"claim:{story[4]}:{deployed}" not in view.summary.text()


def test_the_search_leaves_out_the_claims_own_article_and_says_when_nothing_is_found(
    qtbot: QtBot, window: MainWindow, db: Database, story: list[int]
) -> None:
    crews = claim_with(db, story[0], "six water-bombing")
    view = _links_of(qtbot, window, story[0], crews)
    assert view._claim is not None
    dialog = LinkClaimDialog(db, view._claim, view)
    qtbot.addWidget(dialog)
    dialog.query.setText("water-bombing aircraft")  # only in this claim's own article
    dialog.search()
    assert dialog.results.count() == 0
    assert dialog.empty.isVisibleTo(dialog)
    dialog.query.setText("Brenna")
    dialog.search()
    titles = [dialog.results.item(i).text().split("\n")[0] for i in range(dialog.results.count())]
    assert titles and "Wildfire forces mass evacuation in Valdora hills" not in titles
    assert not dialog.empty.isVisibleTo(dialog)


def test_the_dialog_shows_the_claims_words_as_plain_text(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from app.services import articles, claims

    article = articles.import_text(
        db, "The <b>mayor</b> said 40 <i>homes</i> were lost in the flood.\n"
    ).article_id
    claim = claims.load_claim(db, articles.load_article(db, article).claims[0].id)
    dialog = LinkClaimDialog(db, claim, window)
    qtbot.addWidget(dialog)
    intro = dialog.findChildren(QLabel)[0]
    assert intro.textFormat() == Qt.TextFormat.PlainText and "<b>mayor</b>" in intro.text()
