"""Editing and removing notes and evidence: the earlier row is kept, pointing from the new one; a
removed document's kept copy stays until the trash is emptied; exports show current items only."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.config import files_dir
from app.errors import ClaimdeskError, NotFoundError
from app.services import articles, claims, data_exports, evidence, library
from app.storage.database import Database


@pytest.fixture
def claim_id(db: Database, article_file: Path) -> int:
    return articles.load_article(db, articles.import_path(db, article_file).article_id).claims[0].id


def rows(db: Database, table: str) -> list[tuple[object, ...]]:
    """The table as SQLite has it, read apart from the services (id, removed?, replaces_id)."""
    with sqlite3.connect(db.path) as connection:
        query = f"SELECT id, removed_at IS NOT NULL, replaces_id FROM {table} ORDER BY id"
        return [tuple(row) for row in connection.execute(query)]


def test_editing_a_note_keeps_the_earlier_row_and_points_at_it(db: Database, claim_id: int) -> None:
    first = claims.add_note(db, claim_id, "The port said 12 shells", author="Ana")
    claims.add_note(db, claim_id, "A second note")
    edited = claims.edit_note(db, first.id, "The port said 14 shells", author="Ben")

    assert rows(db, "note")[0] == (first.id, 1, None)
    assert rows(db, "note")[-1] == (edited.id, 0, first.id)
    claim = claims.load_claim(db, claim_id)
    # an edited note keeps its place among the notes (and so in every export)
    assert [n.body for n in claim.notes] == ["The port said 14 shells", "A second note"]
    assert edited.created_at == first.created_at
    (old,) = claim.removed_notes
    assert (old.body, old.removed_by, edited.author) == ("The port said 12 shells", "Ben", "Ben")

    claims.swap_notes(db, edited.id, first.id)  # undo
    assert sorted(n.body for n in claims.load_claim(db, claim_id).notes) == [
        "A second note",
        "The port said 12 shells",
    ]
    claims.swap_notes(db, first.id, edited.id)  # redo
    assert "The port said 14 shells" in [n.body for n in claims.load_claim(db, claim_id).notes]


def test_a_note_edit_refuses_empty_words_and_a_note_already_replaced(db: Database, claim_id: int) -> None:
    note = claims.add_note(db, claim_id, "first")
    with pytest.raises(ClaimdeskError):
        claims.edit_note(db, note.id, "   ")
    assert claims.edit_note(db, note.id, " first ").id == note.id, "the same words change nothing"
    claims.edit_note(db, note.id, "second")
    with pytest.raises(NotFoundError):
        claims.edit_note(db, note.id, "third")  # the old row is no longer the note: nothing forks
    assert [n.body for n in claims.load_claim(db, claim_id).notes] == ["second"]


def test_editing_a_person_contacted_changes_the_outcome(db: Database, claim_id: int) -> None:
    when = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    person = evidence.add_person(db, claim_id, "Ana Silva", how="phone", when=when, outcome="no answer")
    assert person.outcome == "no answer"
    edited = evidence.edit_evidence(db, person.id, outcome="reached", note="Confirmed 14 shells")

    (current,) = claims.load_claim(db, claim_id).evidence
    assert current == edited
    assert (current.outcome, current.note, current.reference, current.replaces_id) == (
        "reached",
        "Confirmed 14 shells",
        "Ana Silva",
        person.id,
    )
    assert current.contacted_at == when and current.contact_method == "phone"
    with pytest.raises(ClaimdeskError, match="Unknown outcome"):
        evidence.add_person(db, claim_id, "Ben", outcome="maybe")
    with pytest.raises(ClaimdeskError):
        evidence.edit_evidence(db, edited.id, name=" ")
    evidence.swap_evidence(db, edited.id, person.id)
    assert claims.load_claim(db, claim_id).evidence[0].outcome == "no answer"


def test_a_removed_document_stays_on_disk_until_the_trash_is_emptied(
    db: Database, claim_id: int, tmp_path: Path
) -> None:
    kept_only_by_removed = tmp_path / "survey.pdf"
    kept_only_by_removed.write_bytes(b"%PDF-1.4 survey")
    shared = tmp_path / "log.pdf"
    shared.write_bytes(b"%PDF-1.4 log")
    survey = evidence.add_document(db, claim_id, kept_only_by_removed)
    shared_removed = evidence.add_document(db, claim_id, shared)
    shared_current = evidence.add_document(db, claim_id, shared)  # the same bytes: the same kept copy
    unrelated = files_dir(db.path) / "attachments" / "not-evidence.txt"
    unrelated.write_text("kept by someone else")
    survey_copy = files_dir(db.path) / str(survey.stored_path)
    shared_copy = files_dir(db.path) / str(shared_current.stored_path)
    assert survey_copy.is_file() and shared_copy.is_file()

    evidence.remove_evidence(db, survey.id)
    evidence.remove_evidence(db, shared_removed.id)
    assert survey_copy.is_file(), "a removed document can come back: its copy stays"

    library.empty_trash(db)
    assert not survey_copy.exists(), "only removed evidence used it: it goes with the trash"
    assert shared_copy.is_file(), "a current item still uses it"
    assert unrelated.is_file(), "a file no evidence names is not the trash's to delete"
    assert shared_current.stored_path in [e.stored_path for e in claims.load_claim(db, claim_id).evidence]


def test_a_trashed_articles_documents_go_when_the_trash_is_emptied(
    db: Database, claim_id: int, tmp_path: Path
) -> None:
    document = tmp_path / "survey.pdf"
    document.write_bytes(b"%PDF-1.4 survey")
    item = evidence.add_document(db, claim_id, document)
    copy = files_dir(db.path) / str(item.stored_path)
    article_id = claims.load_claim(db, claim_id).article_id
    library.move_to_trash(db, [article_id])
    assert copy.is_file()
    assert library.empty_trash(db) == 1
    assert not copy.exists()


def test_exports_show_only_current_notes_and_evidence(db: Database, claim_id: int, tmp_path: Path) -> None:
    note = claims.add_note(db, claim_id, "Wording before the edit")
    claims.edit_note(db, note.id, "Wording after the edit")
    gone = claims.add_note(db, claim_id, "A note taken off")
    claims.remove_note(db, gone.id)
    link = evidence.add_link(db, claim_id, "https://port.example/removed")
    evidence.remove_evidence(db, link.id)
    person = evidence.add_person(db, claim_id, "Ana Silva", outcome="no answer")
    evidence.edit_evidence(db, person.id, outcome="declined to comment")

    article_id = claims.load_claim(db, claim_id).article_id
    text = data_exports.export_markdown(db, article_id, tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "Wording after the edit" in text and "declined to comment" in text
    for stale in ("Wording before the edit", "A note taken off", "port.example/removed", "no answer"):
        assert stale not in text
