"""One window per library: a second start hands its file to the running window and exits.

Why one instance rather than two windows on one database: two windows would each keep their own
view of the same claims, so a status set in one would look stale (and be overwritten by a later
edit) in the other. The running window is raised instead, and opens the file the second start was
given.

How: a lock file beside the database (QLockFile, stale after a crash because the holder's process
is gone) decides who is first; the first listens on a local socket named after the database path;
a later start connects, sends one line (JSON: the file to open, or none) and exits. The lock, not
the socket, decides, so two starts at the same moment can't both become first.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 3000  # how long a later start waits for the first one to answer


def server_name(database: Path) -> str:
    """A socket name unique to this user and database (short: Unix socket paths are limited)."""
    key = f"{getpass.getuser()}:{database.resolve()}"
    return "claimdesk-" + hashlib.sha256(key.encode()).hexdigest()[:20]


class SingleInstance(QObject):
    """Holds the lock and the socket of the first instance; `messageReceived` carries a file or ''."""

    messageReceived = Signal(str)

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(database)
        self._lock = QLockFile(str(database.with_name(database.name + ".lock")))
        self._lock.setStaleLockTime(0)  # held for the whole session: only a dead holder makes it stale
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []

    def claim(self) -> bool:
        """True if this is the first instance (it now listens); False if another one runs."""
        if not self._lock.tryLock(100):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                return True  # the lock can't be written (read-only folder): don't block the user
            if not (self._lock.removeStaleLockFile() and self._lock.tryLock(0)):
                return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed first instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        server.listen(self.name)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)  # ours, not the server's: closing the server can't pull it away
            self._clients.append(socket)
            socket.readyRead.connect(self._read_all)
        self._read_all()

    def _read_all(self) -> None:
        for socket in list(self._clients):
            if not socket.canReadLine():
                continue
            self._clients.remove(socket)
            line = bytes(socket.readLine().data()).decode("utf-8", "replace")
            socket.abort()
            socket.deleteLater()
            try:
                message = json.loads(line)
            except ValueError:
                continue  # not one of ours
            if isinstance(message, dict):
                file = message.get("open")
                self.messageReceived.emit(file if isinstance(file, str) else "")


def hand_over(database: Path, file: str | None) -> bool:
    """Ask the running instance to come forward (and open `file`); False if none answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    path = str(Path(file).resolve()) if file else None
    socket.write((json.dumps({"open": path}) + "\n").encode("utf-8"))
    sent = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_MS)
    return sent
