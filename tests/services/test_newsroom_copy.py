"""Copying work between a local library and a newsroom library by uid: everything comes across,
running it twice changes nothing, and a story taken offline comes back with what was done to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.services import articles, claims, evidence
from app.services.newsroom_copy import copy_library
from app.storage.database import Database, open_database
from app.storage.models import Article, Claim, Evidence, Note, StatusChange, Tag
from app.storage.newsroom_setup import add_editor
from app.storage.server import open_server_database


@pytest.fixture
def newsroom(postgres_url: str, tmp_path: Path) -> Iterator[Database]:
    db = open_server_database(postgres_url, tmp_path / "admin-computer")
    yield db
    db.close()


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "laptop" / "claimdesk.sqlite3")
    yield db
    db.close()


def _work(db: Database, article_file: Path, tmp_path: Path) -> int:
    """A story with every kind of work on it; returns the article's id."""
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    first, second, third = (c.id for c in article.claims[:3])
    claims.set_status(db, first, "in_progress", author="Ana")
    claims.set_status(db, first, "verified", "The port log agrees", author="Ana")
    note = claims.add_note(db, first, "Called the port", author="Ana")
    claims.edit_note(db, note.id, "Called the port: confirmed", author="Ana")
    gone = claims.add_note(db, second, "A wrong lead", author="Ben")
    claims.remove_note(db, gone.id, author="Ben")
    evidence.add_link(db, first, "https://port.example/log", author="Ana")
    evidence.add_person(db, second, "Harbour master", role="port", how="phone", author="Ben")
    document = tmp_path / "log.pdf"
    document.write_bytes(b"%PDF-1.4 port log " * 50)
    evidence.add_document(db, first, document, author="Ana")
    evidence.set_tags(db, first, ["harbour", "navy"])
    claims.dismiss_claim(db, third)
    return article.id


def _snapshot(db: Database) -> dict[str, object]:
    """What the library holds, by public ids and values (row ids differ between libraries)."""
    with db.session(reading=True) as session:
        return {
            "articles": sorted(session.execute(select(Article.sha256, Article.title)).all()),
            "claims": sorted(
                session.execute(
                    select(Claim.uid, Claim.status, Claim.start, Claim.end, Claim.dismissed_at.is_(None))
                ).all()
            ),
            "steps": sorted(
                session.execute(
                    select(Claim.uid, StatusChange.new_status, StatusChange.reason, StatusChange.author)
                    .join(Claim)
                ).all()
            ),
            "notes": sorted(
                session.execute(select(Note.uid, Note.body, Note.author, Note.removed_at.is_(None))).all()
            ),
            "evidence": sorted(
                session.execute(select(Evidence.uid, Evidence.reference, Evidence.sha256)).all()
            ),
            "tags": sorted(session.scalars(select(Tag.name)).all()),
            "tagged": session.scalar(select(func.count()).select_from(Claim).join(Claim.tags)),
        }


def test_a_local_library_comes_into_the_newsroom_whole_and_only_once(
    local: Database, newsroom: Database, article_file: Path, tmp_path: Path
) -> None:
    _work(local, article_file, tmp_path)
    report = copy_library(local, newsroom)
    assert (report.articles, report.notes, report.evidence, report.documents) == (1, 3, 3, 1)
    assert _snapshot(newsroom) == _snapshot(local)  # the administrator's copy keeps the authors
    again = copy_library(local, newsroom)
    assert again.changed_nothing(), again
    assert _snapshot(newsroom) == _snapshot(local)
    item = next(e for e in claims.load_claim(newsroom, 1).evidence if e.kind == "document")
    colleague = open_server_database(
        newsroom.engine.url.render_as_string(hide_password=False), tmp_path / "colleague-computer"
    )
    try:
        assert evidence.check_kept_copy(colleague, item) == "ok"  # the bytes came along, verified
    finally:
        colleague.close()


def test_a_story_taken_offline_comes_back_with_what_was_done_to_it(
    postgres_url: str, newsroom: Database, local: Database, article_file: Path, tmp_path: Path
) -> None:
    article_id = _work(newsroom, article_file, tmp_path)
    copy_library(newsroom, local, [article_id])  # offline on the laptop
    assert _snapshot(local) == _snapshot(newsroom)
    offline = articles.load_article(local, 1)
    claim = next(c for c in offline.claims if c.status == "unreviewed" and not c.notes)
    claims.set_status(local, claim.id, "false", "The navy counts 12", author="Cam on the train")
    claims.add_note(local, claim.id, "Navy press office, 09:40", author="Cam on the train")
    add_editor(postgres_url, "cam")
    cam = open_server_database(
        make_url(postgres_url).set(username="cam").render_as_string(hide_password=False), tmp_path / "cam"
    )
    try:
        report = copy_library(local, cam)  # back on the desk, as Cam's own role
        assert (report.articles, report.claims, report.steps, report.notes) == (0, 0, 1, 1)
        assert report.claims_updated == 1
        assert copy_library(local, cam).changed_nothing()
    finally:
        cam.close()
    back = next(c for c in articles.load_article(newsroom, article_id).claims if c.uid == claim.uid)
    assert back.status == "false"
    assert [(h.new_status, h.author) for h in back.history] == [("false", "cam")]  # signed by the server
    assert [(n.body, n.author) for n in back.notes] == [("Navy press office, 09:40", "cam")]
