"""Undoing a note or an evidence item takes it off the claim but keeps it, readable, in the history."""

from __future__ import annotations

from pathlib import Path

from app.services import articles, claims
from app.ui.main_window import MainWindow


def test_an_undone_note_and_link_are_read_in_the_history(window: MainWindow, article_file: Path) -> None:
    window.open_article(articles.import_path(window.db, article_file).article_id)
    assert window.article is not None
    claim_id = window.article.claims[0].id
    window.choose_claim(claim_id)
    window.actions.add_note(claim_id, "The harbour master *denied* it on the phone")
    window.actions.add_evidence(claim_id, "link", url="https://port.example/notice")
    window.actions.stack.undo()
    window.actions.stack.undo()
    claim = claims.load_claim(window.db, claim_id)
    assert claim.notes == () and claim.evidence == ()
    shown = window.editor.history.toPlainText()
    assert "Note removed" in shown and "The harbour master *denied* it on the phone" in shown
    assert "Evidence removed" in shown and "https://port.example/notice" in shown
    assert shown.index("Note removed") < shown.index("Evidence removed"), "newest first: the note went last"

    window.actions.stack.redo()
    assert [n.body for n in claims.load_claim(window.db, claim_id).notes] == [
        "The harbour master *denied* it on the phone"
    ]
    assert "Note removed" not in window.editor.history.toPlainText()
