"""The window paints with the last article before SQLAlchemy loads; the database follows."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.domain.records import ArticleRecord
from app.services import articles, claims
from app.storage.article_reader import read_last_article
from app.storage.database import Database
from app.ui.application import attach_database
from app.ui.main_window import MainWindow

IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", re.MULTILINE)  # -X importtime's lines
# Loaded after the first paint, each for a reason its module gives: SQLAlchemy (0.3 s), QtNetwork
# (the single-instance socket listens after the paint), and the parts of the window that are empty
# at that moment or open on demand.
NOT_BEFORE_FIRST_PAINT = (
    "sqlalchemy",
    "PySide6.QtNetwork",
    "app.importers",
    "app.ui.claims.claim_editor",
    "app.ui.library.library_ui",
    "app.ui.reader.find_bar",
    "app.ui.dialogs.reason_dialog",
    "app.ui.dialogs.versions_dialog",
    "app.domain.article_structure",  # the sample is plain text: no html to read its structure from
)


def _quit_after(probe: str, home: Path) -> str:
    """Start the app until `probe`, with -X importtime: what stderr says was imported by then."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_HOME": str(home), probe: "1"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr


def test_first_paint_loads_only_what_it_paints(isolated_home: Path) -> None:
    _quit_after("CLAIMDESK_QUIT_WHEN_READY", isolated_home)  # first start: imports the sample
    painted = set(IMPORTED.findall(_quit_after("CLAIMDESK_QUIT_AFTER_FIRST_PAINT", isolated_home)))
    assert "app.ui.main_window" in painted
    assert [m for m in NOT_BEFORE_FIRST_PAINT if m in painted] == []
    ready = set(IMPORTED.findall(_quit_after("CLAIMDESK_QUIT_WHEN_READY", isolated_home)))
    loaded_later = {"sqlalchemy", "PySide6.QtNetwork", "app.ui.library.library_ui"}
    assert loaded_later <= ready, "all loaded once painted"


def _painted(qtbot: QtBot, db: Database, article_file: Path) -> tuple[MainWindow, ArticleRecord]:
    """The start-up's first paint, by hand: the last article read with sqlite3, no database yet."""
    article_id = articles.import_path(db, article_file).article_id
    articles.mark_opened(db, article_id)
    first = read_last_article(db.path)
    assert first is not None
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_record(first)
    return window, first


def test_window_shown_from_the_reader_then_attached(qtbot: QtBot, db: Database, article_file: Path) -> None:
    window, first = _painted(qtbot, db, article_file)
    article_id = first.id
    window.show()
    qtbot.waitExposed(window)
    assert not window.attached
    assert window.claim_model.rowCount() == len(first.claims)

    attach_database(window, db.path)  # on a worker: the window goes on meanwhile
    assert window.statusBar().currentMessage() == "Checking the library…"
    qtbot.waitUntil(lambda: window.attached, timeout=30000)
    try:
        assert window.statusBar().currentMessage().endswith(f"· {len(first.claims)} claims")
        qtbot.waitUntil(lambda: window.library.pane.model.rowCount() == 1)
        claim = first.claims[0]
        window.actions.set_status(claim.id, "in_progress")
        assert claims.load_claim(window.db, claim.id).status == "in_progress"
        assert window.article is not None and window.article.id == article_id
    finally:
        window.db.close()


def test_attach_replaces_an_article_shown_stale(qtbot: QtBot, db: Database, article_file: Path) -> None:
    """What was painted before the check is replaced if the stored article differs."""
    window, first = _painted(qtbot, db, article_file)
    claims.add_note(db, first.claims[0].id, "Written after the window painted.")
    attach_database(window, db.path)
    qtbot.waitUntil(lambda: window.attached, timeout=30000)
    try:
        assert window.article is not None
        assert [n.body for n in window.article.claims[0].notes] == ["Written after the window painted."]
    finally:
        window.db.close()


def test_an_edit_before_the_database_is_open_is_refused_with_a_message(
    qtbot: QtBot, db: Database, article_file: Path, errors: list[str]
) -> None:
    """Between the first paint and the database, the window answers; an edit says why it waits."""
    window, first = _painted(qtbot, db, article_file)
    window.finish_building()
    claim = first.claims[0]
    assert not window.set_status(claim.id, "in_progress")
    assert window.library.import_paths([article_file]) is None
    assert errors == ["The library is still being opened and checked; try again in a moment"] * 2
    attach_database(window, db.path)
    qtbot.waitUntil(lambda: window.attached, timeout=30000)
    try:
        assert window.set_status(claim.id, "in_progress")
        assert claims.load_claim(window.db, claim.id).status == "in_progress"
    finally:
        window.db.close()
