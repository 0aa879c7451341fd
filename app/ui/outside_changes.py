"""Noticing what another program (a second window, the command line) wrote to the open library.

SQLite's `PRAGMA data_version` changes on a connection whenever another connection commits. One
read-only connection of our own polls it every second. Right after each of this program's own
commits it is read again, so a change seen by the next poll is someone else's and the window
reloads what it shows. An outside commit in the same instant as one of ours is taken for ours:
the window also re-reads when it is activated, which brings that in too.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from app.storage.database import Database

POLL_MS = 1000


class OutsideChanges(QObject):
    """`changed` fires (on the UI thread) when another program committed to the library."""

    changed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.db = db
        self._lock = threading.Lock()  # own commits may come from a worker thread
        self._connection: sqlite3.Connection | None = None
        self._version = self._read()
        db.after_commit.append(self._own_commit)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _read(self) -> int | None:
        with self._lock:
            try:
                if self._connection is None:
                    self._connection = sqlite3.connect(
                        f"file:{self.db.path}?mode=ro", uri=True, check_same_thread=False
                    )
                return int(self._connection.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                self._close()  # the file was replaced or is busy: open afresh next time
                return None

    def _own_commit(self) -> None:
        self._version = self._read()

    def poll(self) -> bool:
        """Look once; True (and `changed`) when another program wrote since the last look."""
        version = self._read()
        outside = version is not None and self._version is not None and version != self._version
        self._version = version
        if outside:
            self.changed.emit()
        return outside

    def stop(self) -> None:
        self.timer.stop()
        if self._own_commit in self.db.after_commit:
            self.db.after_commit.remove(self._own_commit)
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
