"""Newsroom mode on a real PostgreSQL server: the history stays append-only for everyone, editors'
roles cannot rewrite it or drop anything, and the database signs what each role writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from app.errors import StorageError
from app.services import articles, claims, evidence
from app.storage.database import Database
from app.storage.models import Claim, Evidence, Note, StatusChange
from app.storage.newsroom_setup import add_editor
from app.storage.server import open_server_database


@pytest.fixture
def owner_db(postgres_url: str, tmp_path: Path) -> Iterator[Database]:
    db = open_server_database(postgres_url, tmp_path / "side")
    yield db
    db.close()


def _as(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


def _claim_with_history(db: Database, article_file: Path) -> int:
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    claim_id = article.claims[0].id
    claims.set_status(db, claim_id, "false", "The port log says otherwise")
    return claim_id


def test_history_is_append_only_even_for_the_owner(owner_db: Database, article_file: Path) -> None:
    claim_id = _claim_with_history(owner_db, article_file)
    for statement in (
        "UPDATE status_change SET reason = 'rewritten'",
        "DELETE FROM status_change",
        "TRUNCATE status_change",
    ):
        with pytest.raises(IntegrityError, match="append-only"), owner_db.session() as session:
            session.execute(text(statement))
    with owner_db.session() as session:
        assert session.scalars(select(StatusChange.reason)).all() == ["The port log says otherwise"]
    claims.add_manual_claim(owner_db, articles.load_article(owner_db, 1).id, 0, 8)
    with owner_db.session() as session:  # deleting the claim takes its history with it, as on SQLite
        session.execute(text("DELETE FROM claim WHERE id = :id"), {"id": claim_id})
        assert session.scalars(select(StatusChange)).all() == []


def test_an_editor_cannot_rewrite_history_nor_drop_anything(
    postgres_url: str, owner_db: Database, article_file: Path, tmp_path: Path
) -> None:
    claim_id = _claim_with_history(owner_db, article_file)
    add_editor(postgres_url, "ana")
    ana = open_server_database(_as(postgres_url, "ana"), tmp_path / "ana")
    try:
        claims.set_status(ana, claim_id, "disputed", "Two sources disagree")  # ordinary work goes through
        for statement in (
            "UPDATE status_change SET reason = 'rewritten'",
            "DELETE FROM status_change",
            "DROP TABLE note",
            "ALTER TABLE claim DROP COLUMN status",
            "CREATE TABLE mine (id int)",
        ):
            with pytest.raises(StorageError, match=r"no right|must be owner"), ana.session() as session:
                session.execute(text(statement))
        with ana.session() as session:  # the editor may still delete a claim: its history goes with it
            session.execute(text("DELETE FROM claim WHERE id = :id"), {"id": claim_id})
            assert session.scalars(select(StatusChange)).all() == []
    finally:
        ana.close()


def test_the_database_signs_what_each_role_writes(
    postgres_url: str, owner_db: Database, article_file: Path, tmp_path: Path
) -> None:
    article = articles.load_article(owner_db, articles.import_path(owner_db, article_file).article_id)
    claim_id = article.claims[0].id
    add_editor(postgres_url, "ben")
    ben = open_server_database(_as(postgres_url, "ben"), tmp_path / "ben")
    try:
        step = claims.change_status(ben, claim_id, "in_progress", author="Someone Else")
        note = claims.add_note(ben, claim_id, "Called the port", author="Someone Else")
        link = evidence.add_link(ben, claim_id, "https://port.example/log", author="Someone Else")
        claims.remove_note(ben, note.id, author="Someone Else")
        assert step is not None and (step.author, note.author, link.author) == ("ben", "ben", "ben")
        with ben.session() as session:  # a forged author written straight into SQL is overwritten too
            session.execute(
                text(
                    "INSERT INTO status_change (claim_id, old_status, new_status, reason, author, at) "
                    "VALUES (:id, 'in_progress', 'unreviewed', '', 'ana', now())"
                ),
                {"id": claim_id},
            )
    finally:
        ben.close()
    with owner_db.session() as session:
        assert set(session.scalars(select(StatusChange.author))) == {"ben"}
        assert session.scalars(select(Note.removed_by)).all() == ["ben"]
        assert session.scalars(select(Evidence.author)).all() == ["ben"]
        assert session.get(Claim, claim_id) is not None


def test_an_editors_word_on_a_link_is_signed_with_their_role(
    postgres_url: str, owner_db: Database, tmp_path: Path
) -> None:
    """Links taken away or made by hand (0012) are signed by the database as the rest of the work."""
    from app.services import claim_links, link_decisions
    from app.storage.models import LinkDecision
    from tests.claim_links_story import claim_with, import_story

    story = import_story(owner_db)
    area, larger = claim_with(owner_db, story[0], "110 square"), claim_with(owner_db, story[1], "160 square")
    add_editor(postgres_url, "cara")
    cara = open_server_database(_as(postgres_url, "cara"), tmp_path / "cara")
    try:
        link_decisions.decide(cara, area, larger, same=False, author="Someone Else")
        links = claim_links.links_for_claim(cara, area)
        assert larger not in {c.claim_id for c in links.linked}
        assert {c.figures for c in links.linked} >= {("110 square kilometres",)}  # json read as a list
        assert any(clash.mine == "110 square kilometres" for clash in links.clashes)
    finally:
        cara.close()
    with owner_db.session() as session:
        assert session.scalars(select(LinkDecision.author)).all() == ["cara"]
