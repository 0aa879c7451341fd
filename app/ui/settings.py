"""Every preference the window remembers, declared once: key, type, default and what it is for.

They live in an INI file in the data folder beside the database (`settings.ini`). A value that
can't be read as its type (an old or hand-edited file) is the default, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from app import preferences
from app.config import data_dir

T = TypeVar("T")


def app_settings() -> QSettings:
    """An INI file in the Claimdesk folder: one place for everything of the user's."""
    return QSettings(str(data_dir() / preferences.SETTINGS_FILE), QSettings.Format.IniFormat)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    description: str

    def read(self, settings: QSettings | None = None) -> T:
        value = (settings or app_settings()).value(self.key, self.default)
        converted: T = _as(value, self.default)
        return converted

    def write(self, value: T, settings: QSettings | None = None) -> None:
        (settings or app_settings()).setValue(self.key, value)


def _as(value: Any, default: Any) -> Any:
    """`value` read back from the INI file (strings, mostly) as the default's type."""
    try:
        if isinstance(default, bool):
            return value is True or str(value).lower() == "true"
        if isinstance(default, int):
            return int(str(value))
        if isinstance(default, float):
            return float(str(value))
        if isinstance(default, str):
            return value if isinstance(value, str) else default
    except ValueError:
        return default
    return value if isinstance(value, QByteArray) else None  # saved Qt state, or nothing yet


WINDOW_GEOMETRY = Setting[QByteArray | None]("window/geometry", None, "the window's size and place")
CLAIMS_AND_EDITOR = Setting[QByteArray | None](
    "window/claims_editor", None, "how the right column is shared between the claims and the editor"
)
LIBRARY_SHOWN = Setting("window/library_shown", True, "whether the library column is shown")
CLAIMS_HEADER = Setting[QByteArray | None](
    "claims/header", None, "the claims list's columns: order, widths, which are hidden"
)
CLAIMS_ORDER = Setting("claims/order", 0, "the claims list's order (an index into its Order menu)")
CLAIMS_GROUPED = Setting("claims/grouped", False, "whether the claims list is grouped by source")
CLAIMS_GROUPING = Setting(
    "claims/grouping", "", "how the claims list is grouped: none, source or link ('': as claims/grouped says)"
)
SHOW_DISMISSED = Setting("claims/show_dismissed", False, "whether dismissed claims are listed")
READER_POINT_SIZE = Setting("reader/point_size", 0.0, "the article's text size (0: the default)")
THEME = Setting("view/theme", "system", "light, dark, or as the system says")
LANGUAGE = Setting("view/language", "system", "the window's language: en, uk, or as the system says")
# Read by services and the command line too (app/preferences.py, without Qt): plain strings only.
REVIEWER_NAME = Setting(preferences.REVIEWER, "", "the reviewer's name (empty: the account's full name)")
FACTCHECK_URL = Setting(preferences.FACTCHECK_URL, "", "where the fact-checks are published (ClaimReview)")
MEMO_PAPER = Setting(preferences.MEMO_PAPER, "auto", "the memo's paper: auto, a4 or letter")
MEMO_ORDER = Setting(preferences.MEMO_ORDER, "verdict", "the memo's order of claims: verdict or article")
NEWSROOM_URL = Setting(
    preferences.NEWSROOM_URL, "", "the newsroom server opened at start (no password); empty: the local file"
)
NEWSROOM_ADDRESS = Setting(
    "library/newsroom_address",
    "",
    "the server last entered in Preferences, kept when the local file is chosen",
)
LAST_FOLDER = Setting("files/last_folder", "", "the folder a file dialog opens in (the last one used)")
RECENT_FILES = Setting("files/recent", "", "File > Recent: the files opened last, one per line")


def panes(count: int) -> Setting[QByteArray | None]:
    """The widths of the window's panes, kept per number of panes (the library may be added later)."""
    return Setting[QByteArray | None](f"window/panes{count}", None, f"the widths of {count} panes")


SETTINGS = (
    WINDOW_GEOMETRY, CLAIMS_AND_EDITOR, LIBRARY_SHOWN, CLAIMS_HEADER, CLAIMS_ORDER, CLAIMS_GROUPED,
    CLAIMS_GROUPING, SHOW_DISMISSED, READER_POINT_SIZE, THEME, LANGUAGE, LAST_FOLDER, RECENT_FILES,
    NEWSROOM_ADDRESS,
)  # fmt: skip
