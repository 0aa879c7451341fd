"""Who has the library open: the lock file the window holds beside the database.

The window takes `<database>.lock` with Qt's QLockFile for as long as it runs (app/ui/
single_instance.py). QLockFile writes the holder's process id, application name and host name, a
line each. The command line reads it without Qt, so `claimdesk restore` can refuse to swap the
file under a running window (every note it then saved would be acknowledged and lost).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path


def lock_file(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def holder(database: Path) -> int | None:
    """The id of a live process on this machine that holds the library's lock, else None."""
    try:
        lines = lock_file(database).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    pid = int(lines[0])
    host = lines[2].strip() if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return None  # another machine's process: its id means nothing here
    if pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a lock left by a crash
    except PermissionError:
        return pid  # alive, someone else's
    return pid
