"""A start that never strands the user (issue 19): when the newsroom server chosen in Preferences
can't be reached, this computer's library opens and a bar above the panes says why, with Try again
(a real PostgreSQL server, tests/postgres_server.py) and Preferences; an address given with
--database-url keeps failing with a message, since the command asked for that library and no other."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from app import preferences
from app.config import DB_FILENAME
from app.services import articles
from app.storage.database import Database
from app.ui.application import ServerRetry, run_gui
from app.ui.main_window import MainWindow
from app.ui.settings import NEWSROOM_URL
from app.ui.single_instance import SingleInstance
from tests.dialog_guard import DialogGuard
from tests.ui.job_support import finished


@pytest.fixture
def out_of_reach(tmp_path: Path) -> str:
    """A newsroom address where no server listens (a socket folder with no socket: a train, no network)."""
    return f"postgresql+psycopg://ana@/desk?host={tmp_path / 'no-server-here'}&port=5432"


def _button(window: MainWindow, text: str) -> QPushButton:
    return next(b for b in window.notice.buttons if b.text().replace("&", "") == text)


def test_a_chosen_server_out_of_reach_opens_this_computers_library_and_says_why(
    out_of_reach: str, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_gui as the desktop starts it, the event loop replaced by a look at the window."""
    NEWSROOM_URL.write(out_of_reach)
    assert preferences.newsroom_url() == out_of_reach
    seen: dict[str, object] = {}

    def look(_app: QApplication) -> int:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.update(
            heading=window.notice.heading.text(),
            notice=window.notice.label.text(),
            shown=window.notice.isVisible(),
            buttons=[b.text() for b in window.notice.buttons],
            status=window.statusBar().currentMessage(),
            path=window.db.path,
            shared=window.db.shared,
            article=window.article.title if window.article is not None else None,
        )
        return 0

    monkeypatch.setattr(QApplication, "exec", look)
    assert run_gui(None, None, out_of_reach, from_preferences=True) == 0

    assert seen["path"] == isolated_home / DB_FILENAME and seen["shared"] is False
    assert seen["article"], "the library opens as on any start (the sample, in a new one)"
    notice = str(seen["notice"])
    assert seen["shown"] and seen["heading"] == (
        "The newsroom library chosen in Preferences could not be opened, so this computer's library is "
        "open instead."
    )
    assert notice.startswith("Cannot reach the newsroom server") and "no-server-here" in notice
    assert "No such file or directory" in notice, "the server's own reason"
    assert "Nothing was lost: what you do now is kept here." in notice
    assert seen["buttons"] == ["&Try again", "&Preferences…"]
    assert str(seen["status"]).endswith("this computer's library is open")
    assert NEWSROOM_URL.read() == out_of_reach, "the choice stays, for the next start"


def test_an_address_given_on_the_command_line_still_fails_with_a_message(
    out_of_reach: str, isolated_home: Path, dialogs: DialogGuard
) -> None:
    said = dialogs.expect("QMessageBox.critical")
    assert run_gui(None, None, out_of_reach, from_preferences=False) == 1
    assert len(said) == 1 and "Cannot reach the newsroom server" in str(said[0])
    assert not (isolated_home / DB_FILENAME).exists(), "no other library was opened in its place"


def test_the_desktop_start_with_a_server_out_of_reach_runs_on_this_computers_library(
    out_of_reach: str, isolated_home: Path
) -> None:
    """The app itself, started without arguments (app/cli.py passes on where the address came from)."""
    NEWSROOM_URL.write(out_of_reach)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_HOME": str(isolated_home),
           "CLAIMDESK_QUIT_WHEN_READY": "1"}  # fmt: skip
    started = subprocess.run(
        [sys.executable, "-m", "app"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert "ready at" in started.stdout
    assert (isolated_home / DB_FILENAME).is_file(), "this computer's library was opened"


def _held(window: MainWindow) -> list[SingleInstance]:
    lock = SingleInstance(window.db.path)
    assert lock.claim()
    return [lock]


def test_try_again_while_the_server_is_still_away_says_so_and_keeps_the_local_library(
    qtbot: QtBot, window: MainWindow, db: Database, out_of_reach: str
) -> None:
    held = _held(window)
    retry = ServerRetry(window, out_of_reach, "first reason", held)
    assert "first reason" in window.notice.label.text()
    _button(window, "Try again").click()
    assert window.notice.label.text() == "Connecting to the newsroom server…"
    assert not any(b.isEnabled() for b in window.notice.buttons)
    finished(qtbot, retry.job)  # type: ignore[arg-type]

    assert window.db is db and not window.db.shared
    assert "Cannot reach the newsroom server" in window.notice.label.text()
    assert all(b.isEnabled() for b in window.notice.buttons) and window.notice.isVisible()
    held[0].release()


def test_try_again_once_the_server_is_back_opens_the_newsroom_library(
    qtbot: QtBot, window: MainWindow, db: Database, postgres_url: str, article_file: Path
) -> None:
    assert window.open_file(article_file)  # working on this computer's library meanwhile
    held = _held(window)
    local_lock = held[0]
    retry = ServerRetry(window, postgres_url, "the server was down", held)
    _button(window, "Try again").click()
    finished(qtbot, retry.job)  # type: ignore[arg-type]
    try:
        assert window.db.shared and window.db is not db
        assert window.notice.isHidden()
        assert window.statusBar().currentMessage() == "The newsroom library is open"
        assert held[0] is not local_lock, "the one-window lock is the newsroom library's now"
        again = SingleInstance(db.path)
        assert again.claim(), "this computer's library is free for another window"
        again.release()
        on_server = [a.title for a in articles.list_articles(window.db)]
        assert "Harbour dredging halted after survey" not in on_server, "the newsroom library's own"
        assert window.article is not None and window.article.title in on_server  # as on a start there
        assert [a.title for a in articles.list_articles(db)] == ["Harbour dredging halted after survey"]
    finally:
        held[0].release()
        window.db.close()
