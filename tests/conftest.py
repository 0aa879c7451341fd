"""Shared fixtures. Qt must be told to run off screen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage.database import Database, open_database

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_ARTICLE = next(iter(sorted((SHARED / "corpus" / "seed").glob("*.txt"))), None)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may touch the real user's data folder, settings or name."""
    home = tmp_path / "claimdesk-home"
    monkeypatch.setenv("CLAIMDESK_HOME", str(home))
    monkeypatch.setenv("CLAIMDESK_REVIEWER", "Test Reviewer")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def seed_article() -> Path:
    if SEED_ARTICLE is None:
        pytest.skip("../shared/corpus/seed is not beside the checkout")
    return SEED_ARTICLE


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    """A small article of our own with attributed, hedged and numeric sentences."""
    path = tmp_path / "harbour.txt"
    path.write_text(
        "Harbour dredging halted after survey\n\n"
        "Dredging in the north harbour stopped on Monday, according to the port authority.\n\n"
        "The authority said the survey found 14 unexploded shells on the seabed.\n\n"
        "Fishermen reportedly saw divers in the area for weeks before the halt.\n\n"
        "The weather was calm all week.\n",
        encoding="utf-8",
    )
    return path
