"""Two programs on one library: writes wait their turn, the window shows what the other wrote,
and undo never overwrites a colleague's newer change."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services import articles, claims, evidence
from app.storage.database import Database, open_database
from app.ui.main_window import MainWindow


def _open(window: MainWindow, article_file: Path) -> int:
    article_id = articles.import_path(window.db, article_file).article_id
    window.open_article(article_id)
    return article_id


def test_a_write_waits_for_another_programs_transaction_instead_of_failing(
    db: Database, article_file: Path
) -> None:
    claim_id = articles.load_article(db, articles.import_path(db, article_file).article_id).claims[0].id
    other = sqlite3.connect(db.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock for a moment
    other.execute("UPDATE claim SET source = 'the port' WHERE id = ?", (claim_id,))
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        claims.set_status(db, claim_id, "in_progress")  # waits (busy_timeout), then writes
    finally:
        release.join()
        other.close()
    claim = claims.load_claim(db, claim_id)
    assert (claim.status, claim.source) == ("in_progress", "the port")


def test_readers_begin_deferred_writers_immediate(db: Database) -> None:
    from sqlalchemy import event

    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda _c, _cur, sql, *_a: seen.append(sql))
    articles.list_articles(db)
    assert seen[0] == "BEGIN"
    seen.clear()
    with db.session() as session:
        session.connection()
    assert seen[0] == "BEGIN IMMEDIATE"


def test_the_window_shows_what_another_program_wrote_keeping_selection_and_draft(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    article_id = _open(window, article_file)
    first, second = window.article.claims[0].id, window.article.claims[1].id  # type: ignore[union-attr]
    window.choose_claim(first)
    window.editor.note_input.setPlainText("half a note, not saved yet")
    colleague = open_database(window.db.path)
    try:
        claims.set_status(colleague, first, "in_progress", author="Colleague")
        claims.set_status(colleague, second, "verified", "Checked with the port", author="Colleague")
    finally:
        colleague.close()
    assert window.outside_changes is not None
    qtbot.waitUntil(lambda: window.claim_model.claim(second).status == "verified", timeout=5000)  # type: ignore[union-attr]
    assert window.claim_model.claim(first).status == "in_progress"  # type: ignore[union-attr]
    assert window.current_claim_id() == first
    assert window.editor.note_input.toPlainText() == "half a note, not saved yet"
    assert window.article is not None and window.article.id == article_id


def test_our_own_writes_are_not_taken_for_another_programs(window: MainWindow, article_file: Path) -> None:
    _open(window, article_file)
    watcher = window.outside_changes
    assert watcher is not None
    watcher.poll()
    window.actions.set_status(window.article.claims[0].id, "in_progress")  # type: ignore[union-attr]
    assert watcher.poll() is False
    colleague = open_database(window.db.path)
    try:
        claims.set_status(colleague, window.article.claims[0].id, "unreviewed")  # type: ignore[union-attr]
    finally:
        colleague.close()
    assert watcher.poll() is True


def test_undo_never_overwrites_a_colleagues_newer_change(
    window: MainWindow, article_file: Path, errors: list[str]
) -> None:
    _open(window, article_file)
    claim_id = window.article.claims[0].id  # type: ignore[union-attr]
    window.actions.set_status(claim_id, "in_progress")
    window.actions.set_tags(claim_id, ["port"])
    colleague = open_database(window.db.path)
    try:
        evidence.set_tags(colleague, claim_id, ["port", "dredging"])
        claims.set_status(colleague, claim_id, "false", "The survey says otherwise", author="Colleague")
    finally:
        colleague.close()
    window.actions.stack.undo()  # the tags: changed since by the colleague
    window.actions.stack.undo()  # the status: changed since by the colleague
    claim = claims.load_claim(window.db, claim_id)
    assert (claim.status, claim.tags) == ("false", ("dredging", "port"))
    assert len(errors) == 2 and "Colleague set it to False" in errors[1]
    assert all("that change stands" in message for message in errors)
