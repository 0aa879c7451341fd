"""A rotating log in the data folder: what went wrong, for the person who has to find out why.

`logs/claimdesk.log` (1 MB, five old files kept): start-ups, errors shown to the user, and every
unexpected exception with its traceback. Nothing from articles or notes is written to it beyond
what an error message already says, and nothing leaves the machine.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from app.config import data_dir, make_private

LOG_NAME = "claimdesk.log"
MAX_BYTES = 1_000_000
KEEP = 5
log = logging.getLogger("claimdesk")


def log_dir() -> Path:
    return data_dir() / "logs"


def log_file() -> Path:
    return log_dir() / LOG_NAME


def start_logging() -> Path | None:
    """Send Claimdesk's log to the rotating file (once); None if the folder can't be written."""
    path = log_file()
    if any(getattr(h, "baseFilename", None) == str(path) for h in log.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        make_private(path.parent, 0o700)
        handler = logging.handlers.RotatingFileHandler(
            path,
            maxBytes=MAX_BYTES,
            backupCount=KEEP,
            encoding="utf-8",
            errors="backslashreplace",  # a file name that isn't UTF-8 is still logged
            delay=True,
        )
    except OSError:
        return None  # a read-only data folder: the app still works, it just can't keep a log
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.info("Claimdesk started (pid %d)", os.getpid())
    return path
