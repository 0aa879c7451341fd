"""Noticing what another program (a second window, the command line) wrote to the open library.

SQLite's `PRAGMA data_version` changes on a connection whenever another connection commits. One
read-only connection of our own polls it every second. Right after each of this program's own
commits it is read again, so a change seen by the next poll is someone else's and the window
reloads what it shows. An outside commit in the same instant as one of ours is taken for ours:
the window also re-reads when it is activated, which brings that in too.

A newsroom library on PostgreSQL tells instead: every write NOTIFYs `claimdesk_changes` with the
writer's connection name (migration 0011). A connection of our own LISTENs, and each poll reads the
notices that arrived, without a round trip to the server; notices carrying our own name are ours.
It polls four times a second, so a colleague's change shows within a second.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from app.storage.database import Database

POLL_MS = 1000
SERVER_POLL_MS = 250  # reading notices already received costs nothing


class OutsideChanges(QObject):
    """`changed` fires (on the UI thread) when another program committed to the library."""

    changed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None, poll_ms: int | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._lock = threading.Lock()  # own commits may come from a worker thread
        self._connection: sqlite3.Connection | None = None
        self._server: _ServerNotices | None = _ServerNotices(db) if db.shared else None
        self._version = None if self._server else self._read()
        if not self._server:
            db.after_commit.append(self._own_commit)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms or (SERVER_POLL_MS if self._server else POLL_MS))
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
        if self._server is not None:
            outside = self._server.others_wrote()
            if outside:
                self.changed.emit()
            return outside
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
        if self._server is not None:
            self._server.close()

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class _ServerNotices:
    """LISTEN on the newsroom server; reconnects on the next poll after the link drops."""

    def __init__(self, db: Database) -> None:
        from app.services.newsroom import connection_name

        self.db = db
        self.own = connection_name(db)
        self._connection: Any = None
        self.others_wrote()  # LISTEN from now on (or from the first poll that reaches the server)

    def others_wrote(self) -> bool:
        """Whether a notice from another connection arrived since the last call."""
        import psycopg

        from app.services.newsroom import listen

        try:
            if self._connection is None:
                self._connection = listen(self.db)  # what was missed meanwhile, activation re-reads
                return False
            return any(n.payload != self.own for n in self._connection.notifies(timeout=0))
        except (psycopg.Error, OSError):  # the server went away or restarted: listen afresh next time
            self.close()
            return False

    def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.close()
