"""One window per library: a second start hands its file to the running window and exits.

Why one instance rather than two windows on one database: two windows would each keep their own
view of the same claims, so a status set in one would look stale (and be overwritten by a later
edit) in the other. The running window is raised instead, and opens the file the second start was
given.

How: a lock file beside the database (QLockFile, stale after a crash because the holder's process
is gone) decides who is first; the first listens on a local socket named after the database path;
a later start connects, sends one line (JSON: the file to open, or none) and exits. The lock, not
the socket, decides, so two starts at the same moment can't both become first.

The first instance takes the lock before its window is shown but only starts listening after the
first paint (`listen`): QtNetwork costs about 15 ms to load, a tenth of a bare window's start-up.
A later start therefore keeps trying to connect for a few seconds before it gives up.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

PATIENCE_S = 5.0  # how long a later start keeps trying to reach the first one
RETRY_S = 0.05


def server_name(database: Path) -> str:
    """A socket unique to this user and database, in a folder only the user can enter.

    A bare name would put the socket at a predictable path in /tmp, where another user could
    squat it first. On Unix it lives in the user's runtime folder (`$XDG_RUNTIME_DIR`), or else in
    a private `claimdesk-<uid>` folder under the temporary folder; Windows pipe names stay bare.
    """
    import getpass
    import hashlib

    key = f"{getpass.getuser()}:{database.resolve()}"
    name = "claimdesk-" + hashlib.sha256(key.encode()).hexdigest()[:20]
    folder = _private_runtime_dir()
    return name if folder is None else str(folder / name)


def _private_runtime_dir() -> Path | None:
    """A folder owned by this user alone (0700) for the socket; None where sockets are not files."""
    import os
    import stat
    import tempfile

    if os.name != "posix":
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    candidates = [Path(runtime)] if runtime else []
    candidates.append(Path(tempfile.gettempdir()) / f"claimdesk-{os.getuid()}")
    for folder in candidates:
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            status = folder.lstat()
        except OSError:
            continue
        private = stat.S_ISDIR(status.st_mode) and status.st_mode & 0o077 == 0
        if status.st_uid == os.getuid() and private and len(str(folder)) < 70:  # socket paths max ~107
            return folder
    return None


class SingleInstance(QObject):
    """Holds the lock and the socket of the first instance; `messageReceived` carries a file or ''."""

    messageReceived = Signal(str)

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._lock = QLockFile(str(database.with_name(database.name + ".lock")))
        self._lock.setStaleLockTime(0)  # held for the whole session: only a dead holder makes it stale
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []

    def claim(self) -> bool:
        """True if this is the first instance; False if another one runs. Call `listen` next."""
        if not self._lock.tryLock(100):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                return True  # the lock can't be written (read-only folder): don't block the user
            if not (self._lock.removeStaleLockFile() and self._lock.tryLock(0)):
                return False
        return True

    def listen(self) -> None:
        """Answer later starts from now on (the lock is already ours)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        name = server_name(self._database)
        QLocalServer.removeServer(name)  # a socket file left by a crashed first instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        server.listen(name)
        self._server = server

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
        import json

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


def hand_over(database: Path, file: str | None, patience_s: float = PATIENCE_S) -> bool:
    """Ask the running instance to come forward (and open `file`); False if none answered.

    The running one may still be painting its first window, before it listens: keep trying.
    """
    import json

    from PySide6.QtNetwork import QLocalSocket

    name = server_name(database)
    deadline = time.monotonic() + patience_s
    socket = QLocalSocket()
    while True:
        socket.connectToServer(name)
        if socket.waitForConnected(max(1, int((deadline - time.monotonic()) * 1000))):
            break
        socket.abort()
        if time.monotonic() + RETRY_S >= deadline:
            return False
        time.sleep(RETRY_S)
    path = str(Path(file).resolve()) if file else None
    socket.write((json.dumps({"open": path}) + "\n").encode("utf-8"))
    wait_ms = max(1, int((deadline - time.monotonic()) * 1000))
    sent = socket.waitForBytesWritten(wait_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(wait_ms)
    return sent
