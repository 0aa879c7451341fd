"""The preferences that reach beyond the window: who reviews, where fact-checks are published, and
how memos are laid out. The window sets them (Edit > Preferences); the command line obeys them too.

They live in the window's settings file (`settings.ini` in the data folder, written by QSettings
through `app/ui/settings.py`), read here without Qt so that services and the command line can ask.
Only plain strings are stored under these keys, so reading needs just Qt's INI quoting rules.
"""

from __future__ import annotations

import configparser
import os
import re

from app.config import data_dir

SETTINGS_FILE = "settings.ini"
REVIEWER = "reviewer/name"  # who reviews: history, notes, evidence, memos and ClaimReview say it
FACTCHECK_URL = "reviewer/factcheck_url"  # where the fact-check is published (ClaimReview's url)
MEMO_PAPER = "memo/paper"  # auto, a4 or letter
MEMO_ORDER = "memo/order"  # verdict or article
SHARED_KEYS = (REVIEWER, FACTCHECK_URL, MEMO_PAPER, MEMO_ORDER)
NEWSROOM_URL = "library/newsroom_url"  # the newsroom server the app opens at start; "": the local file

_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b",
            "f": "\f", "v": "\v", "'": "'", "?": "?"}  # fmt: skip
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]+|.)")


def read(key: str) -> str:
    """The string stored under `key` ("" when there is none or the file can't be read)."""
    parser = configparser.RawConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # Qt's keys are case-sensitive
    try:
        parser.read(data_dir() / SETTINGS_FILE, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return ""
    section, _, name = key.rpartition("/")
    raw = parser.get(section or "General", name, fallback="")
    return qt_ini_string(raw)


def qt_ini_string(raw: str) -> str:
    """A value as QSettings wrote it: quoted when it has commas or edge spaces, with C escapes;
    a leading "@" doubled (a single one marks Qt's own types, which are not strings: empty)."""
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    elif "," in value:  # unquoted commas make Qt read a list
        return ""
    text = _ESCAPE.sub(_unescape, value)
    if text.startswith("@@"):
        return text[1:]
    return "" if text.startswith("@") else text


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code.startswith("x") and len(code) > 1:
        return chr(int(code[1:], 16))
    return _ESCAPES.get(code, code)


def reviewer() -> str:
    return read(REVIEWER).strip()


def factcheck_url() -> str:
    """The address where the user's fact-checks are published; "" unless it is a web address."""
    url = read(FACTCHECK_URL).strip()
    return url if is_web_address(url) else ""


def is_web_address(url: str) -> bool:
    return bool(re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", url, re.IGNORECASE))


def memo_paper() -> str:
    """The paper memos are laid out on: "a4", "letter", or "auto" (as is customary where one lives)."""
    paper = read(MEMO_PAPER).strip().lower()
    return paper if paper in ("a4", "letter") else "auto"


def memo_order() -> str:
    """How a memo lists its claims: "verdict" (the worst first) unless "article" was chosen."""
    return "article" if read(MEMO_ORDER).strip().lower() == "article" else "verdict"


def newsroom_url() -> str:
    """The newsroom library chosen in Preferences (an address without a password), or ""."""
    return read(NEWSROOM_URL).strip()


def account_name() -> str:
    """The user's full name as the system knows it (the GECOS field), else the login name."""
    import getpass

    try:
        import pwd

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if full:
            return full
    except (ImportError, KeyError, OSError, AttributeError):  # Windows, or no entry for this uid
        pass
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
