"""Where file dialogs open (the last folder used) and File > Recent (the files opened last).

Both are kept in the settings file, so they survive a restart. A folder or file that has gone
since is never an error: the dialog opens in the home folder, the menu greys the file out.
"""

from __future__ import annotations

from pathlib import Path

from app.ui import settings as settings_

MAX_RECENT = 10


def start_folder() -> str:
    """The folder a file dialog should open in: the last one used, if it still exists."""
    folder = settings_.LAST_FOLDER.read()
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def start_path(name: str) -> str:
    """A save dialog's suggestion: `name` in the last folder used."""
    return str(Path(start_folder()) / name)


def remember_folder(path: str | Path) -> None:
    """A file or folder was chosen: its folder is where the next dialog opens."""
    chosen = Path(path)
    folder = chosen if chosen.is_dir() else chosen.parent
    settings_.LAST_FOLDER.write(str(folder))


def recent_files() -> list[str]:
    """The files opened last, newest first (some may have been moved or deleted since)."""
    return [line for line in settings_.RECENT_FILES.read().split("\n") if line][:MAX_RECENT]


def add_recent(path: str | Path) -> None:
    """`path` was opened: first in the list, once, and the list at most MAX_RECENT long."""
    full = str(Path(path).absolute())
    kept = [full, *(p for p in recent_files() if p != full)][:MAX_RECENT]
    settings_.RECENT_FILES.write("\n".join(kept))


def forget_missing() -> int:
    """Drop the files that are no longer there; how many went."""
    files = recent_files()
    present = [p for p in files if Path(p).is_file()]
    settings_.RECENT_FILES.write("\n".join(present))
    return len(files) - len(present)


def forget_all() -> None:
    settings_.RECENT_FILES.write("")
