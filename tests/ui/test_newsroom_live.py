"""A newsroom window hears a colleague's change on the server (LISTEN/NOTIFY), and not its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services import articles, claims
from app.storage.database import Database
from app.storage.server import open_server_database
from app.ui.outside_changes import OutsideChanges
from tests.postgres_server import another_window


@pytest.fixture
def ana(postgres_url: str, tmp_path: Path) -> Iterator[Database]:
    db = open_server_database(postgres_url, tmp_path / "ana")
    yield db
    db.close()


def test_a_colleagues_change_is_heard_and_our_own_is_not(
    qtbot: QtBot, ana: Database, article_file: Path
) -> None:
    claim_id = articles.load_article(ana, articles.import_path(ana, article_file).article_id).claims[0].id
    watcher = OutsideChanges(ana)
    ben = another_window(ana)
    try:
        claims.set_status(ana, claim_id, "in_progress")
        assert watcher.poll() is False  # our own write
        with qtbot.waitSignal(watcher.changed, timeout=5000):  # the timer's polls pick it up
            claims.add_note(ben, claim_id, "The navy confirmed 14 shells")
        assert watcher.poll() is False  # told once
    finally:
        watcher.stop()
        ben.close()
