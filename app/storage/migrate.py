"""Alembic, applied at start-up; skipped cheaply when the schema is already the newest.

Importing Alembic costs more than a tenth of a second, so the check for "already at head" reads
the revision ids from the migration files' headers instead of asking Alembic.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # head_revision() serves the start-up path, before SQLAlchemy is loaded
    from sqlalchemy import Connection

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"""^revision(?::[^=]*)?\s*=\s*["']([0-9a-z_]+)["']""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision(?::[^=]*)?\s*=\s*(?:["']([0-9a-z_]+)["']|None)""", re.MULTILINE)


@cache
def _revisions() -> tuple[frozenset[str], frozenset[str]]:
    """Every revision this version knows, and those another builds on."""
    revisions, parents = set(), set()
    for file in (MIGRATIONS / "versions").glob("*.py"):
        source = file.read_text(encoding="utf-8")
        if match := _REVISION.search(source):
            revisions.add(match.group(1))
        if (down := _DOWN.search(source)) and down.group(1):
            parents.add(down.group(1))
    return frozenset(revisions), frozenset(parents)


def head_revision() -> str:
    """The one revision that no other migration builds on."""
    revisions, parents = _revisions()
    heads = set(revisions - parents)
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def check_known(revision: str | None, path: Path | str) -> None:
    """Refuse a schema written by a newer Claimdesk: this version cannot read it safely."""
    if revision is not None and revision not in _revisions()[0]:
        from app.errors import NewerDatabaseError

        raise NewerDatabaseError(
            f"{path} was written by a newer version of Claimdesk (schema {revision}); this version "
            f"knows schemas up to {head_revision()}. Install the newer version to open it; "
            "nothing was changed"
        )


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(connection: Connection) -> None:
    """Bring the schema to the newest revision inside the caller's transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
