"""The daily backup is the library's daily full check, and it never stops silently."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.services import safety
from app.services.articles import import_path
from app.storage import backup, integrity
from app.storage.database import Database


def _damage_an_index(path: Path) -> None:
    """Index-only damage: the index no longer matches its table, yet every page reads (quick_check passes)."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_claim_article_start ON claim (article_id, \"end\")'"
        " WHERE name = 'ix_claim_article_start'"
    )
    connection.close()


def test_index_damage_the_quick_check_misses_is_found_and_rebuilt(
    db: Database, db_path: Path, article_file: Path
) -> None:
    import_path(db, article_file)
    db.close()
    _damage_an_index(db_path)
    integrity.quick_check(db_path)  # passes: the damage is only in an index
    assert integrity.full_check(db_path), "the full check sees it"

    assert safety.daily_backup(db_path) is None, "repaired, then backed up: nothing to warn about"
    assert integrity.full_check(db_path) == []
    (made,) = backup.list_backups(db_path)
    assert made.reason == "daily" and backup.is_good_database(made.path, quick=False)


def test_damage_beyond_indexes_is_reported_with_the_newest_good_backup(
    db: Database, db_path: Path, article_file: Path
) -> None:
    import_path(db, article_file)
    two_days_ago = (datetime.now(UTC) - timedelta(days=2)).strftime("%Y%m%dT%H%M%SZ")
    good = backup.backup_to(db_path, backup.backups_dir(db_path) / f"test-{two_days_ago}-manual.sqlite3")
    db.close()
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA writable_schema=ON")  # a table's rows no longer meet its declared CHECK
    connection.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'title TEXT NOT NULL',"
        " 'title TEXT NOT NULL CHECK (title = ''x'')')"
        " WHERE name = 'article'"
    )
    connection.close()
    assert integrity.full_check(db_path)
    warning = safety.daily_backup(db_path)
    assert warning is not None and "could not be made" in warning and good.name in warning
    assert [info.reason for info in backup.list_backups(db_path)] == ["manual"], "no bad copy kept"


def test_a_backup_that_cannot_be_written_is_a_warning_not_silence(
    db: Database, db_path: Path, article_file: Path
) -> None:
    import_path(db, article_file)
    backup.backups_dir(db_path).write_text("a file where the folder should be")
    warning = safety.daily_backup(db_path)
    assert warning is not None and "Today's backup of the library could not be made" in warning
    assert "there is no good backup yet" in warning


def test_attached_files_are_kept_with_the_backups_and_brought_back_by_a_restore(
    db: Database, db_path: Path, article_file: Path, tmp_path: Path
) -> None:
    from app.services import articles, evidence

    claim_id = articles.load_article(db, import_path(db, article_file).article_id).claims[0].id
    document = tmp_path / "survey.pdf"
    document.write_bytes(b"%PDF-1.4 the survey")
    item = evidence.add_document(db, claim_id, document)
    saved = safety.back_up(db_path)
    kept = evidence.kept_copy(db, item)
    assert kept is not None
    db.close()

    kept.unlink()  # the attachments folder was lost (or cleaned by hand)
    kept.parent.rmdir()
    safety.restore(db_path, saved)
    assert kept.read_bytes() == b"%PDF-1.4 the survey"
    assert evidence.check_kept_copy(db, item) == "ok"
