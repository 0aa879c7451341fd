"""File > Backups, and what the app does at start-up when its database is damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.services import articles, safety
from app.services.safety import DatabaseSetAsideError
from app.storage.article_reader import read_last_article
from app.storage.database import Database, open_database
from app.ui import application
from app.ui.application import EMPTY, QUIT, RESTORE, open_or_recover
from app.ui.dialogs.backups_dialog import BackupsDialog, restore_into_window
from app.ui.main_window import MainWindow


def test_menu_has_backups(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Backups…" in [action.text() for action in file_menu.actions()]


def test_dialog_lists_backs_up_and_restores(
    qtbot: QtBot, window: MainWindow, article_file: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_file(article_file)
    dialog = BackupsDialog(window.db.path, lambda info: restore_into_window(window, info), window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    dialog.back_up()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "Made by hand"
    assert dialog.model.index(0, 2).data() == "1"

    with window.db.session() as session:
        session.execute(text("DELETE FROM article"))
    old_db = window.db
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm_restore", lambda info: asked.append(info.reason) or False)
    dialog.table.selectRow(0)
    assert not dialog.restore_selected(), "declining changes nothing"
    assert window.db is old_db

    monkeypatch.setattr(dialog, "confirm_restore", lambda info: True)
    assert dialog.restore_selected()
    assert errors == []
    assert window.db is not old_db
    assert window.article is not None and window.article.title == "Harbour dredging halted after survey"
    assert sorted(row.reason for row in dialog.model.rows) == ["before-restore", "manual"]
    assert len(articles.list_articles(window.db)) == 1


def test_busy_database_is_a_message_in_the_window(
    window: MainWindow, article_file: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two programs on one database: a write that waits too long is explained, not a crash."""
    import sqlite3

    from app.storage import database

    assert window.open_file(article_file) and window.article is not None
    claim_id = window.article.claims[0].id
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    window.db.engine.dispose()  # new connections take the short timeout
    other = sqlite3.connect(window.db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        window.set_status(claim_id, "verified", "Checked the port log")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(errors) == 1 and "busy in another program" in errors[0]
    window.set_status(claim_id, "verified", "Checked the port log")
    assert window.db.pragma("integrity_check") == "ok"
    assert articles.load_article(window.db, window.article.id).claims[0].status == "verified"


def test_two_programs_write_the_same_database(db: Database, db_path: Path, article_file: Path) -> None:
    second = open_database(db_path)
    first_id = articles.import_path(db, article_file).article_id
    assert [row.id for row in articles.list_articles(second)] == [first_id]
    other_file = article_file.with_name("other.txt")
    other_file.write_text("Another story\n\nThe mayor said the bridge will open in May.\n", encoding="utf-8")
    second_id = articles.import_path(second, other_file).article_id
    assert {row.id for row in articles.list_articles(db)} == {first_id, second_id}
    second.close()


def _damaged_with_backup(db_path: Path, article_file: Path) -> Path:
    database = open_database(db_path)
    articles.import_path(database, article_file)
    database.close()
    good = safety.back_up(db_path)
    data = bytearray(db_path.read_bytes())
    data[4096:] = b"\x5a" * (len(data) - 4096)
    db_path.write_bytes(bytes(data))
    return good


@pytest.mark.parametrize(("choice", "expected"), [(RESTORE, 1), (EMPTY, 0), (QUIT, None)])
def test_damaged_database_at_start_up(
    db_path: Path, article_file: Path, choice: str, expected: int | None
) -> None:
    good = _damaged_with_backup(db_path, article_file)
    offered: list[DatabaseSetAsideError] = []

    def ask(damaged: DatabaseSetAsideError) -> str:
        offered.append(damaged)
        return choice

    db = open_or_recover(db_path, ask)
    (damaged,) = offered
    assert damaged.backup == good and damaged.aside.exists()
    if expected is None:
        assert db is None and not db_path.exists()
        return
    assert db is not None
    assert len(articles.list_articles(db)) == expected
    db.close()
    assert damaged.aside.exists(), "the damaged file is never deleted"


def test_damage_found_after_the_first_paint_is_offered_the_backup(
    qtbot: QtBot, db_path: Path, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window painted from a read that came before the check; the check, on a worker, finds damage."""
    database = open_database(db_path)
    article_id = articles.import_path(database, article_file).article_id
    articles.mark_opened(database, article_id)
    database.close()
    painted = read_last_article(db_path)
    assert painted is not None
    safety.back_up(db_path)
    data = bytearray(db_path.read_bytes())
    data[4096:] = b"\x5a" * (len(data) - 4096)
    db_path.write_bytes(bytes(data))
    offered: list[DatabaseSetAsideError] = []
    monkeypatch.setattr(application, "ask_about_damage", lambda damaged: offered.append(damaged) or RESTORE)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_record(painted)
    application.attach_database(window, db_path)
    qtbot.waitUntil(lambda: window.attached, timeout=30000)
    try:
        (damaged,) = offered
        assert damaged.aside.exists(), "the damaged file is kept"
        assert window.article is not None and window.article.title == painted.title
        assert len(articles.list_articles(window.db)) == 1, "the backup took its place"
    finally:
        window.db.close()
