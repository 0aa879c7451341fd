"""Window layout and other UI preferences, kept in the data folder beside the database."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.config import data_dir


def app_settings() -> QSettings:
    """An INI file in the Claimdesk folder: one place for everything of the user's."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
