"""Where Claimdesk keeps its data, and where its bundled resources are.

The data folder comes from platformdirs, unless `CLAIMDESK_HOME` names another; `--db PATH`
overrides the database file alone.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Claimdesk"
DB_FILENAME = "claimdesk.sqlite3"
ATTACHMENTS = "attachments"  # documents attached as evidence, under the library's files folder
ORIGINALS = "originals"  # fetched pages, as they came


def data_dir() -> Path:
    """The user's Claimdesk folder (created on first use, readable by the user only)."""
    home = os.environ.get("CLAIMDESK_HOME")
    if home:
        path = Path(home).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    make_private(path, 0o700)
    return path


def make_private(path: Path, mode: int) -> None:
    """Readable by the user only, even when the file or folder existed with looser rights.

    Only what the user owns is changed (a shared folder named with `--db` is left as it is), and
    only by taking rights away from others: a file the user made read-only stays read-only.
    """
    try:
        status = path.stat()
        current = status.st_mode & 0o777
        if status.st_uid == os.getuid() and current & ~mode:
            path.chmod(current & mode)
    except (OSError, AttributeError):  # gone, not ours to change, or no getuid (Windows)
        pass


def files_dir(database: Path) -> Path:
    """The folder that holds a library's attachments and fetched originals.

    The default library keeps them in the data folder; a library named with `--db` keeps its own
    beside it (`<name>.files/`), so two libraries never share or delete each other's files.
    """
    if database.name == DB_FILENAME:
        return database.parent
    return database.parent / f"{database.stem}.files"


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The database file: `--db` if given, else the one in the data folder."""
    if override:
        return Path(override).expanduser().resolve()
    return data_dir() / DB_FILENAME


def resources_dir() -> Path:
    """Bundled resources: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Claimdesk's resources folder is missing from this installation")


def sample_article_path() -> Path:
    return resources_dir() / "sample_article.txt"


def reviewer_name() -> str:
    """Who is working: the name written into status history, notes, evidence, memos and ClaimReview.

    CLAIMDESK_REVIEWER (one session's override), else the name set in Preferences, else the
    account's full name: never a bare login such as "root" when the system knows better."""
    from app import preferences  # it reads the settings file in the data folder named here

    return os.environ.get("CLAIMDESK_REVIEWER") or preferences.reviewer() or preferences.account_name()


def author_name(author: str | None = None) -> str:
    """Who wrote a note or changed a status: the name given, else the reviewer's."""
    return reviewer_name() if author is None else author
