"""A window left open for days still makes the day's backup; a failed one is said, once a day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services import articles
from app.storage import backup
from app.ui.daily_backups import DailyBackups
from app.ui.main_window import MainWindow


def _check(qtbot: QtBot, backups: DailyBackups) -> str:
    with qtbot.waitSignal(backups.checked, timeout=20000) as done:
        backups.check()
    return str(done.args[0])


def test_the_open_window_backs_up_each_day(
    qtbot: QtBot, window: MainWindow, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles.import_path(window.db, article_file)
    backups = DailyBackups(window, window.db.path)
    assert backups.timer.isActive() and backups.timer.interval() <= 60 * 60 * 1000
    assert _check(qtbot, backups) == ""
    assert [info.reason for info in backup.list_backups(window.db.path)] == ["daily"]
    assert _check(qtbot, backups) == ""
    assert len(backup.list_backups(window.db.path)) == 1, "not twice in a day"

    tomorrow = datetime.now(UTC) + timedelta(hours=25)
    monkeypatch.setattr(backup, "utcnow", lambda: tomorrow)  # the window stayed open overnight
    assert _check(qtbot, backups) == ""
    assert [info.reason for info in backup.list_backups(window.db.path)] == ["daily", "daily"]


def test_a_failed_backup_is_shown_once_a_day_and_stays_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, article_file: Path, errors: list[str]
) -> None:
    articles.import_path(window.db, article_file)
    backup.backups_dir(window.db.path).write_text("a file where the backups folder should be")
    backups = DailyBackups(window, window.db.path)
    warning = _check(qtbot, backups)
    assert "could not be made" in warning
    assert errors == [warning]
    assert window.statusBar().currentMessage() == warning
    assert _check(qtbot, backups) == warning
    assert errors == [warning], "one box a day, not one an hour"
