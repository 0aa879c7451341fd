"""The day's backup while the window stays open, for days if need be; a failure is said, once a day.

At start-up and then every hour the window asks whether a backup is due (the newest copy is 24 h
old); if so it is made on a worker, with SQLite's online backup API, while the user goes on
working. A backup that cannot be made (full disk, damage found by the full check) is shown in a
message box the first time each day, and stays in the status bar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from app.ui import messages, workers
from app.ui.translation import translate

CHECK_EVERY_MS = 60 * 60 * 1000


class DailyBackups(QObject):
    """Keeps the open library's daily backup going; `checked` carries the warning, or '' when fine."""

    checked = Signal(str)

    def __init__(self, window: QMainWindow, database: Path) -> None:
        super().__init__(window)
        self.window, self.database = window, database
        self._running: workers.Job | None = None
        self._warned_on: date | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Make the backup if due, on a worker; one at a time."""
        if self._running is not None:
            return
        from app.services import safety

        database = self.database
        self._running = workers.start(
            lambda _job: safety.daily_backup(database),
            self._done,
            translate("DailyBackups", "the daily backup"),
        )

    def stop(self) -> None:
        self.timer.stop()

    def _done(self, result: object) -> None:
        self._running = None
        warning = result if isinstance(result, str) else str(result) if isinstance(result, Exception) else ""
        if warning:
            self.window.statusBar().showMessage(warning)
            if self._warned_on != date.today():
                self._warned_on = date.today()
                messages.warn(self.window, translate("DailyBackups", "Claimdesk: no backup today"), warning)
        self.checked.emit(warning)
