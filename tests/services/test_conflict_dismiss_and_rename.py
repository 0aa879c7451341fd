"""Dismissing, restoring and renaming over what a window showed (issue 19): a colleague's change since
is refused with what it was, nothing is written, and the version now stored lets the change through
(both backends)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import ConflictError
from app.services import articles, claims, library
from app.storage.database import Database
from tests.postgres_server import another_window


@pytest.fixture
def db(both_db: Database) -> Database:
    return both_db


@pytest.fixture
def colleague(db: Database) -> Iterator[Database]:
    other = another_window(db)
    yield other
    other.close()


@pytest.fixture
def article_id(db: Database, article_file: Path) -> int:
    return articles.import_path(db, article_file).article_id


@pytest.fixture
def claim_id(db: Database, article_id: int) -> int:
    return articles.load_article(db, article_id).claims[0].id


@pytest.mark.parametrize("dismissed", [True, False])
def test_dismissal_over_a_colleagues_verdict_is_refused_then_goes_through(
    db: Database, colleague: Database, claim_id: int, dismissed: bool
) -> None:
    if not dismissed:
        claims.dismiss_claim(db, claim_id)
    shown = claims.load_claim(db, claim_id)
    claims.set_status(colleague, claim_id, "false", "The port denies it", author="Ana")
    with pytest.raises(ConflictError, match="set it to False") as refused:
        claims.set_dismissed(db, claim_id, dismissed, expect_version=shown.version)
    assert "The port denies it" in refused.value.theirs
    assert claims.load_claim(db, claim_id).dismissed != dismissed, "nothing written"
    now = claims.load_claim(db, claim_id)
    claim, changed = claims.set_dismissed(db, claim_id, dismissed, expect_version=now.version)
    assert changed and claim.dismissed == dismissed and claim.status == "false"


def test_a_dismissal_at_the_version_shown_needs_no_choice(db: Database, claim_id: int) -> None:
    shown = claims.load_claim(db, claim_id)
    claim, changed = claims.set_dismissed(db, claim_id, True, expect_version=shown.version)
    assert changed and claim.version == shown.version + 1


def _row(db: Database, article_id: int) -> dict[str, str | None]:
    entry = library.entry(db, article_id)
    assert entry is not None
    return {"title": entry.title, "outlet": entry.outlet, "published_at": entry.published}


def test_a_rename_over_a_colleagues_rename_before_the_editor_opened(
    db: Database, colleague: Database, article_id: int
) -> None:
    row = _row(db, article_id)
    library.rename(colleague, article_id, "Shells under the quay")
    version = library.version(db, article_id)  # the title editor opens after their rename
    with pytest.raises(ConflictError, match="the title is now “Shells under the quay”") as refused:
        library.rename(db, article_id, "Dredging stops", expect_version=version, row=row)
    assert refused.value.yours == "Title: Dredging stops" and "outlet" not in str(refused.value)
    assert articles.load_article(db, article_id).title == "Shells under the quay"
    after = library.rename(db, article_id, "Dredging stops", expect_version=version, row=_row(db, article_id))
    assert after == version + 1 and articles.load_article(db, article_id).title == "Dredging stops"


def test_a_rename_while_a_colleague_set_the_outlet_names_the_outlet(
    db: Database, colleague: Database, article_id: int
) -> None:
    row, version = _row(db, article_id), library.version(db, article_id)
    shown = articles.article_properties(colleague, article_id)
    articles.save_properties(colleague, article_id, shown.with_values({"outlet": "Coast Gazette"}))
    with pytest.raises(ConflictError, match="the outlet is now “Coast Gazette”") as refused:
        library.rename(db, article_id, "Dredging stops", expect_version=version, row=row)
    assert "title" not in str(refused.value).split(":", 1)[1].split(".")[0]
    assert articles.load_article(db, article_id).title == row["title"]
