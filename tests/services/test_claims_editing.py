"""Claim writes the workspace needs, over a real database: reasons, manual claims, edits, dismissal."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.records import ArticleRecord
from app.errors import ClaimdeskError, NotFoundError
from app.services import articles, claims
from app.storage.database import Database
from app.storage.models import Claim, Note, StatusChange


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on a local SQLite library and on a newsroom PostgreSQL database."""
    return both_db


@pytest.fixture
def article(db: Database, article_file: Path) -> ArticleRecord:
    return articles.load_article(db, articles.import_path(db, article_file).article_id)


def history_rows(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count(StatusChange.id))) or 0


@pytest.mark.parametrize("final", ["verified", "false", "disputed"])
def test_a_final_judgement_needs_a_reason(db: Database, article: ArticleRecord, final: str) -> None:
    claim_id = article.claims[0].id
    with pytest.raises(ClaimdeskError, match="reason is required"):
        claims.set_status(db, claim_id, final, reason="   ")
    assert claims.load_claim(db, claim_id).status == "unreviewed"
    assert history_rows(db) == 0, "a refused change leaves no trace"
    done = claims.set_status(db, claim_id, final, reason=" Port log checked ")
    assert done.status == final and done.history[-1].reason == "Port log checked"


def test_other_statuses_take_an_optional_reason(db: Database, article: ArticleRecord) -> None:
    for status_id in ("in_progress", "partly_true", "unverified", "unreviewed"):
        assert claims.set_status(db, article.claims[0].id, status_id).status == status_id


@pytest.mark.local_library_only("a newsroom signs removals with the login role")
def test_a_removed_note_leaves_the_claim_and_stays_in_its_history(
    db: Database, article: ArticleRecord
) -> None:
    claim_id = article.claims[0].id
    claims.add_note(db, claim_id, "keep me")
    second = claims.add_note(db, claim_id, "undo me")
    assert claims.remove_note(db, second.id, author="Mira") == claim_id
    claim = claims.load_claim(db, claim_id)
    assert [n.body for n in claim.notes] == ["keep me"]
    (removed,) = claim.removed_notes
    assert (removed.body, removed.removed_by) == ("undo me", "Mira") and removed.removed_at is not None
    with db.session() as session:
        assert session.get(Note, second.id) is not None, "never deleted"
    with pytest.raises(NotFoundError):
        claims.remove_note(db, second.id)
    assert claims.restore_note(db, second.id) == claim_id
    assert [n.body for n in claims.load_claim(db, claim_id).notes] == ["keep me", "undo me"]
    assert claims.load_claim(db, claim_id).removed_notes == ()


def test_manual_claim_is_a_quote_of_the_selection(db: Database, article: ArticleRecord) -> None:
    text = article.text
    start = text.index("the north harbour")
    end = text.index("on Monday") + len("on Monday")
    added = claims.add_manual_claim(db, article.id, start - 1, end)  # a blank before it is left out
    assert (added.start, added.end) == (start, end)
    assert added.text == "the north harbour stopped on Monday"
    assert (added.kind, added.origin, added.status, added.score) == ("claim", "manual", "unreviewed", 0.0)
    assert added.cues == () and added.hedges == (), "services analyse nothing"
    with db.session() as session:
        stored = session.get(Claim, added.id)
        assert stored is not None
        assert stored.prefix == text[start - 32 : start] and stored.suffix == text[end : end + 32]
    assert added.id in {c.id for c in articles.load_article(db, article.id).claims}


def test_manual_claim_refuses_bad_spans(db: Database, article: ArticleRecord) -> None:
    with pytest.raises(ClaimdeskError, match="outside"):
        claims.add_manual_claim(db, article.id, 10, len(article.text) + 5)
    with pytest.raises(ClaimdeskError, match="Select some text"):
        claims.add_manual_claim(db, article.id, 0, 0)
    first = article.claims[0]
    with pytest.raises(ClaimdeskError, match="already a claim"):
        claims.add_manual_claim(db, article.id, first.start, first.end)


def test_only_manual_claims_can_be_removed(db: Database, article: ArticleRecord) -> None:
    detected = article.claims[0]
    with pytest.raises(ClaimdeskError, match="dismiss"):
        claims.remove_manual_claim(db, detected.id)
    added = claims.add_manual_claim(db, article.id, 0, 10)
    claims.set_status(db, added.id, "in_progress")
    assert claims.remove_manual_claim(db, added.id) == article.id
    with pytest.raises(NotFoundError):
        claims.load_claim(db, added.id)
    again = claims.add_manual_claim(db, article.id, 0, 10, claim_id=added.id)
    assert again.id == added.id, "redo puts a claim back under its old id"


def test_edit_source_kind_and_span(db: Database, article: ArticleRecord) -> None:
    claim = next(c for c in article.claims if "according to the port authority" in c.text)
    edited = claims.edit_claim(db, claim.id, source="  the  port authority ", kind="quote")
    assert (edited.source, edited.kind) == ("the port authority", "quote")
    start = claim.start + len("Dredging ")
    moved = claims.edit_claim(db, claim.id, start=start)
    assert (moved.start, moved.end) == (start, claim.end)
    assert moved.text == article.text[start : claim.end]
    cleared = claims.edit_claim(db, claim.id, source="")
    assert cleared.source is None and cleared.kind == "quote"
    with pytest.raises(ClaimdeskError, match="Unknown kind"):
        claims.edit_claim(db, claim.id, kind="rumour")
    with pytest.raises(ClaimdeskError, match="outside"):
        claims.edit_claim(db, claim.id, end=len(article.text) + 1)
    assert claims.load_claim(db, claim.id).start == start, "a refused edit changes nothing"


def test_dismiss_and_restore_keep_everything(db: Database, article: ArticleRecord) -> None:
    claim_id = article.claims[0].id
    claims.add_note(db, claim_id, "still here")
    claims.set_status(db, claim_id, "in_progress")
    dismissed = claims.dismiss_claim(db, claim_id)
    assert dismissed.dismissed
    reloaded = next(c for c in articles.load_article(db, article.id).claims if c.id == claim_id)
    assert reloaded.dismissed and [n.body for n in reloaded.notes] == ["still here"]
    restored = claims.restore_claim(db, claim_id)
    assert not restored.dismissed and restored.status == "in_progress"


@pytest.mark.local_library_only("a newsroom signs history with the login role")
def test_change_status_returns_the_step_and_with_step_applies_it(
    db: Database, article: ArticleRecord
) -> None:
    before = article.claims[0]
    claims.add_note(db, before.id, "a note the step must not lose")
    before = claims.load_claim(db, before.id)
    step = claims.change_status(db, before.id, "disputed", "Two accounts differ", author="Ana")
    assert step is not None
    assert (step.old_status, step.new_status, step.reason, step.author) == (
        "unreviewed",
        "disputed",
        "Two accounts differ",
        "Ana",
    )
    assert claims.with_step(before, step) == claims.load_claim(db, before.id)
    assert claims.change_status(db, before.id, "disputed", "again") is None, "no step when nothing changes"
    assert history_rows(db) == 1
