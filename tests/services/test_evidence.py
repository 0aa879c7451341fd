"""Evidence and tags through the services, on a real database and data folder."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.config import data_dir, files_dir
from app.errors import ClaimdeskError
from app.services import articles, claims, evidence
from app.storage.database import Database


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on a local SQLite library and on a newsroom PostgreSQL database."""
    return both_db


@pytest.fixture
def claim_id(db: Database, article_file: Path) -> int:
    return articles.load_article(db, articles.import_path(db, article_file).article_id).claims[0].id


def test_link_person_and_document(db: Database, claim_id: int, tmp_path: Path) -> None:
    evidence.add_link(db, claim_id, " https://example.org/release ", note="Port's release")
    when = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    evidence.add_person(db, claim_id, "Ana Silva", role="harbour master", how="phone", when=when)
    document = tmp_path / "Survey Report.PDF"
    document.write_bytes(b"%PDF-1.4 survey")
    stored = evidence.add_document(db, claim_id, document, note="From the port")
    document.write_bytes(b"changed afterwards")

    claim = claims.load_claim(db, claim_id)
    kinds = [(e.kind, e.reference) for e in claim.evidence]
    assert kinds == [
        ("url", "https://example.org/release"),
        ("person", "Ana Silva"),
        ("document", "Survey Report.PDF"),
    ]
    person = claim.evidence[1]
    assert (person.role, person.contact_method, person.contacted_at) == ("harbour master", "phone", when)
    assert stored.sha256 == hashlib.sha256(b"%PDF-1.4 survey").hexdigest()
    copy = files_dir(db.path) / (stored.stored_path or "")
    assert copy.read_bytes() == b"%PDF-1.4 survey", "the copy is kept as it was when attached"
    assert copy.stat().st_mode & 0o777 == 0o600


def test_empty_evidence_is_refused(db: Database, claim_id: int, tmp_path: Path) -> None:
    with pytest.raises(ClaimdeskError):
        evidence.add_link(db, claim_id, "  ")
    with pytest.raises(ClaimdeskError):
        evidence.add_person(db, claim_id, "")
    with pytest.raises(ClaimdeskError):
        evidence.add_document(db, claim_id, tmp_path / "missing.pdf")
    assert claims.load_claim(db, claim_id).evidence == ()


def test_tags_are_shared_trimmed_and_unique(db: Database, claim_id: int, article_file: Path) -> None:
    record = evidence.set_tags(db, claim_id, ["casualties", "  Port  authority ", "casualties", ""])
    assert record.tags == ("casualties", "Port authority")
    other = articles.load_article(db, articles.list_articles(db)[0].id).claims[1].id
    evidence.set_tags(db, other, ["casualties"])
    assert evidence.tag_names(db) == ["Port authority", "casualties"]
    assert evidence.set_tags(db, claim_id, []).tags == ()
    assert claims.load_claim(db, other).tags == ("casualties",)


def test_reason_is_the_last_changes_reason(db: Database, claim_id: int) -> None:
    claims.set_status(db, claim_id, "in_progress")
    record = claims.set_status(db, claim_id, "verified", reason="Two independent sources")
    assert record.reason == "Two independent sources"


def test_remove_evidence_for_undo(db: Database, claim_id: int) -> None:
    kept = evidence.add_link(db, claim_id, "https://example.org/a")
    removed = evidence.add_person(db, claim_id, "Ana Silva", when="2026-11-20 09:30")
    assert removed.contacted_at is not None and removed.contacted_at.tzinfo is not None
    assert evidence.remove_evidence(db, removed.id) == claim_id
    claim = claims.load_claim(db, claim_id)
    assert [e.id for e in claim.evidence] == [kept.id]
    assert [e.reference for e in claim.removed_evidence] == ["Ana Silva"], "kept for the history"
    with pytest.raises(ClaimdeskError):
        evidence.remove_evidence(db, removed.id)
    evidence.restore_evidence(db, removed.id)
    assert [e.id for e in claims.load_claim(db, claim_id).evidence] == [kept.id, removed.id]


def test_a_contact_date_that_is_not_a_date_is_refused(db: Database, claim_id: int) -> None:
    with pytest.raises(ClaimdeskError, match="not a date"):
        evidence.add_person(db, claim_id, "Ana Silva", when="last Tuesday")
    assert claims.load_claim(db, claim_id).evidence == ()


def test_the_kept_copy_belongs_to_the_library_named_with_db(
    db: Database, claim_id: int, tmp_path: Path
) -> None:
    document = tmp_path / "memo.txt"
    document.write_bytes(b"the harbour log")
    item = evidence.add_document(db, claim_id, document)
    kept = evidence.kept_copy(db, item)
    assert kept is not None and kept.is_relative_to(db.path.parent / f"{db.path.stem}.files" / "attachments")
    assert not (data_dir() / "attachments").exists(), "another library's folder is never used"
    assert evidence.check_kept_copy(db, item) == "ok"


@pytest.mark.local_library_only("a newsroom fetches a lost copy from the server")
def test_a_kept_copy_changed_since_is_reported_and_never_reused(
    db: Database, claim_id: int, tmp_path: Path
) -> None:
    document = tmp_path / "survey.pdf"
    document.write_bytes(b"%PDF-1.4 original survey")
    item = evidence.add_document(db, claim_id, document)
    kept = evidence.kept_copy(db, item)
    assert kept is not None
    kept.write_bytes(b"%PDF-1.4 tampered")
    assert evidence.check_kept_copy(db, item) == "changed"

    again = evidence.add_document(db, claim_id, document)  # the same document attached again
    assert again.sha256 == item.sha256
    assert kept.read_bytes() == b"%PDF-1.4 original survey", "the damaged copy was replaced, not reused"
    assert evidence.check_kept_copy(db, item) == "ok"
    kept.unlink()
    assert evidence.check_kept_copy(db, item) == "missing"


def test_a_path_outside_the_library_files_is_never_a_kept_copy(
    db: Database, claim_id: int, tmp_path: Path
) -> None:
    document = tmp_path / "a.txt"
    document.write_bytes(b"a")
    item = evidence.add_document(db, claim_id, document)
    outside = replace(item, stored_path="../../../etc/passwd")
    assert evidence.kept_copy(db, outside) is None
    assert evidence.check_kept_copy(db, outside) == "missing"


def test_a_document_is_read_once_the_bytes_hashed_are_the_bytes_kept(
    db: Database, claim_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = tmp_path / "growing.log"
    document.write_bytes(b"first part")
    opened: list[Path] = []
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == document:
            opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting_open)
    item = evidence.add_document(db, claim_id, document)
    assert len(opened) == 1
    kept = evidence.kept_copy(db, item)
    assert kept is not None and hashlib.sha256(kept.read_bytes()).hexdigest() == item.sha256
