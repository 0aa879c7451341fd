"""A note typed and not yet added survives moving to another claim, closing the window and a crash."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services import articles, claims
from app.services.drafts import drafts_path, load_drafts
from app.storage.database import Database
from app.ui.claims.claim_editor import DRAFT_PAUSE_MS
from app.ui.main_window import MainWindow


def _two_claims(window: MainWindow, article_file: Path) -> tuple[int, int]:
    window.open_article(articles.import_path(window.db, article_file).article_id)
    assert window.article is not None
    return window.article.claims[0].id, window.article.claims[1].id


def test_a_draft_follows_its_claim(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    first, second = _two_claims(window, article_file)
    window.choose_claim(first)
    qtbot.keyClicks(window.editor.note_input, "Called the port: no answer yet")
    window.choose_claim(second)
    assert window.editor.note_input.toPlainText() == "", "the other claim's box is its own"
    window.choose_claim(first)
    assert window.editor.note_input.toPlainText() == "Called the port: no answer yet"
    assert claims.load_claim(window.db, first).notes == (), "a draft is not a note"


def test_adding_the_note_drops_its_draft(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    first, second = _two_claims(window, article_file)
    window.choose_claim(first)
    qtbot.keyClicks(window.editor.note_input, "Survey seen")
    window.choose_claim(second)
    window.choose_claim(first)
    window.editor.add_note_button.click()
    assert [n.body for n in claims.load_claim(window.db, first).notes] == ["Survey seen"]
    window.choose_claim(second)
    window.choose_claim(first)
    assert window.editor.note_input.toPlainText() == ""
    assert load_drafts(window.db.path) == {}
    assert not drafts_path(window.db.path).exists()


def test_a_draft_is_kept_at_a_pause_in_typing_and_survives_the_window(
    qtbot: QtBot, db: Database, article_file: Path
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    first, _second = _two_claims(window, article_file)
    window.choose_claim(first)
    qtbot.keyClicks(window.editor.note_input, "Half a thought")
    qtbot.waitUntil(lambda: load_drafts(db.path) == {first: "Half a thought"}, timeout=DRAFT_PAUSE_MS * 5)
    window.editor.note_input.insertPlainText(" and the rest")
    window.close()  # closing keeps the latest text, without waiting for the pause
    assert load_drafts(db.path) == {first: "Half a thought and the rest"}

    again = MainWindow(db)
    qtbot.addWidget(again)
    again.open_article(window.article.id)  # type: ignore[union-attr]
    again.choose_claim(first)
    assert again.editor.note_input.toPlainText() == "Half a thought and the rest"
