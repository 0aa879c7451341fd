"""Evidence documents in a newsroom library: stored once in the database by their sha256, and a
colleague on another computer opens the very bytes that were attached."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.services import articles, evidence
from app.storage.database import Database
from app.storage.models import Attachment
from app.storage.server import open_server_database


@pytest.fixture
def desks(postgres_url: str, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two computers on one newsroom library: each keeps its own side folder."""
    ana = open_server_database(postgres_url, tmp_path / "ana-computer")
    ben = open_server_database(postgres_url, tmp_path / "ben-computer")
    yield ana, ben
    ana.close()
    ben.close()


def test_a_colleague_opens_the_document_that_was_attached(
    desks: tuple[Database, Database], article_file: Path, tmp_path: Path
) -> None:
    ana, ben = desks
    claim_id = articles.load_article(ana, articles.import_path(ana, article_file).article_id).claims[0].id
    document = tmp_path / "port-log.pdf"
    document.write_bytes(b"%PDF-1.4 the port log, page 1\n" + bytes(range(256)) * 40)
    item = evidence.add_document(ana, claim_id, document)
    evidence.add_document(ana, claim_id, document)  # the same bytes again: stored once
    assert evidence.kept_copy(ben, item) is not None  # fetched to Ben's computer
    copy = evidence.kept_copy(ben, item)
    assert copy is not None and copy.read_bytes() == document.read_bytes()
    assert copy.is_relative_to(tmp_path / "ben-computer")
    assert evidence.check_kept_copy(ben, item) == "ok"
    with ben.session() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 1


def test_the_server_refuses_bytes_that_do_not_hash_to_their_name(desks: tuple[Database, Database]) -> None:
    ana, _ben = desks
    with pytest.raises(IntegrityError, match="attachment_content_matches"), ana.session() as session:
        session.execute(
            text("INSERT INTO attachment (sha256, content, size, added_at) VALUES (:d, :c, 3, now())"),
            {"d": "0" * 64, "c": b"abc"},
        )
