"""The writes a window makes over what it showed: article properties, note removal, tags and evidence
edits refuse to overwrite a colleague's change made since, say what it was, and go through once the
version now stored is given (both backends)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import ConflictError
from app.services import articles, claims, evidence
from app.services.articles import ArticleProperties
from app.storage.database import Database
from tests.postgres_server import another_window


@pytest.fixture
def db(both_db: Database) -> Database:
    return both_db


@pytest.fixture
def colleague(db: Database) -> Iterator[Database]:
    other = another_window(db)
    yield other
    other.close()


@pytest.fixture
def article_id(db: Database, article_file: Path) -> int:
    return articles.import_path(db, article_file).article_id


@pytest.fixture
def claim_id(db: Database, article_id: int) -> int:
    return articles.load_article(db, article_id).claims[0].id


def test_properties_carry_the_version_they_were_read_at(db: Database, article_id: int) -> None:
    shown = articles.article_properties(db, article_id)
    assert shown.version is not None
    stored = articles.save_properties(
        db, article_id, shown.with_values({"outlet": "Coast Gazette"}), expect_version=shown.version
    )
    assert stored.version == shown.version + 1
    again = articles.article_properties(db, article_id)
    assert again.version == stored.version and again == stored  # the version is not a property


def test_properties_over_a_colleagues_change_are_refused_and_name_it(
    db: Database, colleague: Database, article_id: int
) -> None:
    shown = articles.article_properties(db, article_id)
    articles.save_properties(colleague, article_id, shown.with_values({"title": "Shells under the quay"}))
    mine = shown.with_values({"outlet": "Coast Gazette"})
    with pytest.raises(ConflictError) as refused:
        articles.save_properties(db, article_id, mine, expect_version=shown.version, shown=shown)
    assert refused.value.theirs == "The title is now “Shells under the quay”"  # only what they changed
    assert "Outlet: Coast Gazette" in refused.value.yours
    assert "Shells under the quay" in str(refused.value)
    now = articles.article_properties(db, article_id)
    assert (now.title, now.outlet) == ("Shells under the quay", None)  # nothing of mine written
    # having seen theirs, the person applies their own field over the version now stored
    articles.save_properties(
        db, article_id, now.with_values({"outlet": "Coast Gazette"}), expect_version=now.version, shown=now
    )
    after = articles.article_properties(colleague, article_id)
    assert (after.title, after.outlet) == ("Shells under the quay", "Coast Gazette")


def test_without_what_was_shown_the_refusal_gives_every_field(
    db: Database, colleague: Database, article_id: int
) -> None:
    shown = articles.article_properties(db, article_id)
    articles.save_properties(colleague, article_id, shown.with_values({"byline": "Ann Lee"}))
    with pytest.raises(ConflictError) as refused:
        articles.save_properties(db, article_id, ArticleProperties("Mine"), expect_version=shown.version)
    for word in ("title", "address", "outlet", "author is now “Ann Lee”", "date published", "language"):
        assert word in refused.value.theirs


def test_properties_without_a_version_still_save_as_before(
    db: Database, colleague: Database, article_id: int
) -> None:
    articles.save_properties(colleague, article_id, ArticleProperties("Theirs"))
    articles.save_properties(db, article_id, ArticleProperties("Mine"))
    assert articles.article_properties(db, article_id).title == "Mine"


def test_opening_the_article_is_no_conflict_for_its_properties(
    db: Database, colleague: Database, article_id: int
) -> None:
    shown = articles.article_properties(db, article_id)
    articles.mark_opened(colleague, article_id)
    articles.save_properties(
        db, article_id, shown.with_values({"outlet": "Gazette"}), expect_version=shown.version
    )
    assert articles.article_properties(db, article_id).outlet == "Gazette"


def test_removing_a_note_a_colleague_reworded_is_refused(
    db: Database, colleague: Database, claim_id: int
) -> None:
    note = claims.add_note(db, claim_id, "Ask the navy")
    reworded = claims.edit_note(colleague, note.id, "Asked the navy: 12 shells", author="Ana")
    with pytest.raises(ConflictError) as refused:
        claims.remove_note(db, note.id, expect_version=note.version)
    assert "Asked the navy: 12 shells" in refused.value.theirs
    assert [n.body for n in claims.load_claim(db, claim_id).notes] == ["Asked the navy: 12 shells"]
    now = claims.current_note(db, note.id)
    assert now is not None and now.id == reworded.id
    claims.remove_note(db, now.id, expect_version=now.version)
    assert claims.load_claim(db, claim_id).notes == ()
    assert claims.current_note(db, note.id) is None


def test_a_note_edited_twice_is_followed_to_its_wording_now(db: Database, claim_id: int) -> None:
    first = claims.add_note(db, claim_id, "one")
    claims.edit_note(db, first.id, "two")
    third = claims.edit_note(db, claims.current_note(db, first.id).id, "three")  # type: ignore[union-attr]
    assert claims.current_note(db, first.id) == third


def test_tags_over_a_colleagues_change_are_refused(db: Database, colleague: Database, claim_id: int) -> None:
    shown = claims.load_claim(db, claim_id)
    claims.set_status(colleague, claim_id, "in_progress", author="Ana")
    with pytest.raises(ConflictError, match="In progress") as refused:
        evidence.set_tags(db, claim_id, ["navy", "harbour"], expect_version=shown.version)
    assert refused.value.yours == "harbour, navy"
    assert claims.load_claim(db, claim_id).tags == ()
    now = claims.load_claim(db, claim_id)
    evidence.set_tags(db, claim_id, ["navy"], expect_version=now.version)
    assert claims.load_claim(db, claim_id).tags == ("navy",)


def test_evidence_a_colleague_changed_is_not_overwritten(
    db: Database, colleague: Database, claim_id: int
) -> None:
    link = evidence.add_link(db, claim_id, "https://port.example/log", "the log")
    evidence.edit_evidence(colleague, link.id, note="the log, 3 March", author="Ana")
    with pytest.raises(ConflictError) as refused:
        evidence.edit_evidence(db, link.id, note="the log lists 14", check_shown=True)
    assert " changed it to " in refused.value.theirs and "the log, 3 March" in refused.value.theirs
    assert refused.value.yours == "the log lists 14"
    current = evidence.current_evidence(db, link.id)
    assert current is not None and current.note == "the log, 3 March"
    evidence.edit_evidence(db, current.id, note="the log lists 14", check_shown=True)
    assert [e.note for e in claims.load_claim(db, claim_id).evidence] == ["the log lists 14"]


def test_evidence_a_colleague_took_off_is_said_so(db: Database, colleague: Database, claim_id: int) -> None:
    link = evidence.add_link(db, claim_id, "https://port.example/log")
    evidence.remove_evidence(colleague, link.id, author="Ana")
    with pytest.raises(ConflictError, match="took it off the claim at"):
        evidence.edit_evidence(db, link.id, note="mine", check_shown=True)
    assert evidence.current_evidence(db, link.id) is None


def test_a_long_reason_is_cut_in_the_message_and_whole_in_theirs(
    db: Database, colleague: Database, claim_id: int
) -> None:
    shown = claims.load_claim(db, claim_id)
    reason = "The navy's own count, " + "shell by shell, " * 20 + "ends at twelve"
    claims.set_status(colleague, claim_id, "disputed", reason, author="Ana")
    with pytest.raises(ConflictError) as refused:
        claims.set_status(db, claim_id, "verified", "Port log", expect_version=shown.version)
    assert "ends at twelve" in refused.value.theirs and "ends at twelve" not in str(refused.value)


def test_removing_evidence_a_colleague_changed_is_refused(
    db: Database, colleague: Database, claim_id: int
) -> None:
    link = evidence.add_link(db, claim_id, "https://port.example/log", "the log")
    evidence.edit_evidence(colleague, link.id, note="the log, page 3")
    with pytest.raises(ConflictError, match="the log, page 3"):
        evidence.remove_evidence(db, link.id, check_shown=True)
    assert [e.note for e in claims.load_claim(db, claim_id).evidence] == ["the log, page 3"]
    now = evidence.current_evidence(db, link.id)  # the row that holds it now
    assert now is not None
    evidence.remove_evidence(db, now.id, check_shown=True)
    assert claims.load_claim(db, claim_id).evidence == ()
