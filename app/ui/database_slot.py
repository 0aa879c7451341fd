"""The database of a widget that exists before it: at start-up the window paints first and the
database arrives a moment later (app/ui/application.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import LibraryNotReadyError

if TYPE_CHECKING:
    from app.storage.database import Database


class DatabaseSlot:
    """`db` until the database is given: a clear error, which the UI's guard shows, not a crash."""

    _database: Database | None = None

    @property
    def db(self) -> Database:
        if self._database is None:
            raise LibraryNotReadyError
        return self._database

    @db.setter
    def db(self, db: Database) -> None:
        self._database = db

    @property
    def has_database(self) -> bool:
        return self._database is not None
