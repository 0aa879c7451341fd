"""Backups: verified copies, names, rotation, the daily one, restore, damaged files set aside."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import ClaimdeskError
from app.services import safety
from app.services.articles import import_path
from app.storage import backup
from app.storage.database import Database, open_database
from app.storage.integrity import DamagedDatabaseError, quick_check
from tests.helpers import corrupt_pages


def _stamped(db_path: Path, when: datetime, reason: str) -> Path:
    """A backup file as if it had been taken at `when`."""
    folder = backup.backups_dir(db_path)
    folder.mkdir(exist_ok=True)
    target = folder / f"{db_path.stem}-{when.strftime('%Y%m%dT%H%M%SZ')}-{reason}.sqlite3"
    backup.backup_to(db_path, target)
    return target


def _count(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM article").fetchone()[0])


def test_manual_backup_is_verified_and_listed(db: Database, db_path: Path, article_file: Path) -> None:
    import_path(db, article_file)
    made = safety.back_up(db_path)
    assert made.parent == db_path.parent / "backups"
    assert made.name.startswith("test-") and made.name.endswith("-manual.sqlite3")
    assert backup.is_good_database(made, quick=False)
    assert not Path(f"{made}-wal").exists(), "a backup is one self-contained file"
    (info,) = safety.list_backups(db_path)
    assert (info.path, info.reason, info.articles) == (made, "manual", 1)
    assert info.size == made.stat().st_size
    assert abs(info.taken_at - datetime.now(UTC)) < timedelta(minutes=5)


def test_two_backups_in_one_second_both_kept(db: Database, db_path: Path, article_file: Path) -> None:
    import_path(db, article_file)
    first, second = safety.back_up(db_path), safety.back_up(db_path)
    assert first != second and first.exists() and second.exists()


def test_rotation_keeps_seven_daily_four_weekly(db: Database, db_path: Path, article_file: Path) -> None:
    import_path(db, article_file)
    start = datetime(2026, 1, 1, 3, 0, tzinfo=UTC)  # a Thursday
    days = [start + timedelta(days=n) for n in range(40)]
    for day in days:
        _stamped(db_path, day, "daily")
    manual = [_stamped(db_path, start + timedelta(minutes=n), "manual") for n in range(25)]
    backup.rotate(db_path)
    kept = {info.path.name: info for info in backup.list_backups(db_path)}
    daily = sorted(info.taken_at for info in kept.values() if info.reason == "daily")
    assert daily[-7:] == days[-7:], "the seven newest daily backups"
    older = daily[:-7]
    assert len(older) == 4, "plus one from each of four older weeks"
    assert len({when.isocalendar()[:2] for when in older}) == 4
    assert sum(info.reason == "manual" for info in kept.values()) == 20
    assert not manual[0].exists() and manual[-1].exists(), "the oldest manual copies go first"


def test_rotation_leaves_other_files_alone(db: Database, db_path: Path, article_file: Path) -> None:
    import_path(db, article_file)
    folder = backup.backups_dir(db_path)
    folder.mkdir()
    mine = folder / "my-own-copy.sqlite3"
    mine.write_bytes(b"x")
    for n in range(10):
        _stamped(db_path, datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=n), "before-restore")
    backup.rotate(db_path)
    assert mine.exists()
    assert sum(info.reason == "before-restore" for info in backup.list_backups(db_path)) == 5


def test_daily_backup_only_when_due_and_not_for_an_empty_library(
    db: Database, db_path: Path, article_file: Path
) -> None:
    assert not backup.daily_backup_due(db_path), "an empty library is not worth a copy"
    import_path(db, article_file)
    assert backup.daily_backup_due(db_path)
    made = backup.daily_backup(db_path)
    assert made is not None and made.name.endswith("-daily.sqlite3")
    assert backup.daily_backup(db_path) is None, "once a day"
    assert backup.daily_backup_due(db_path, now=datetime.now(UTC) + timedelta(hours=25))


def test_the_daily_backup_of_a_checked_library(db_path: Path, article_file: Path) -> None:
    first = open_database(db_path)
    import_path(first, article_file)
    first.close()
    opened = safety.open_checked(db_path)
    assert safety.daily_backup(db_path) is None, "no warning"
    opened.close()
    assert [info.reason for info in backup.list_backups(db_path)] == ["daily"]


def test_restore_keeps_the_current_database_first(db: Database, db_path: Path, article_file: Path) -> None:
    import_path(db, article_file)
    saved = safety.back_up(db_path)
    with db.session() as session:
        session.execute(text("DELETE FROM article"))
    db.close()
    kept = safety.restore(db_path, saved)
    assert kept is not None and kept.name.endswith("-before-restore.sqlite3")
    assert _count(kept) == 0, "the state before the restore is itself kept"
    reopened = open_database(db_path)
    with reopened.session() as session:
        assert session.execute(text("SELECT count(*) FROM article")).scalar() == 1
    reopened.close()


def test_restore_refuses_a_file_that_is_not_a_claimdesk_database(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"no")
    db.close()
    before = db_path.read_bytes()
    for bad in (other, junk, tmp_path / "missing.sqlite3"):
        with pytest.raises(ClaimdeskError, match="not a good Claimdesk database"):
            safety.restore(db_path, bad)
    assert db_path.read_bytes() == before


def _real_database(db_path: Path, article_file: Path) -> None:
    database = open_database(db_path)
    import_path(database, article_file)
    database.close()  # checkpoints the WAL into the file


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _header_only(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100] + b"\0" * 28)


@pytest.mark.parametrize("damage", [corrupt_pages, _truncate, _header_only])
def test_damaged_database_is_set_aside_and_the_newest_backup_offered(
    db_path: Path, article_file: Path, damage: object
) -> None:
    _real_database(db_path, article_file)
    good = safety.back_up(db_path)
    assert callable(damage)
    damage(db_path)
    damaged = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        quick_check(db_path)
    with pytest.raises(safety.DatabaseSetAsideError) as raised:
        safety.open_checked(db_path)
    error = raised.value
    assert error.backup == good and str(good) in str(error)
    assert not db_path.exists()
    assert error.aside.name.startswith("test.sqlite3.damaged-")
    assert error.aside.read_bytes() == damaged, "the damaged file is kept byte for byte"
    safety.restore(db_path, good)
    assert error.aside.read_bytes() == damaged
    restored = safety.open_checked(db_path)
    restored.close()
    assert _count(db_path) == 1


def test_not_sqlite_at_all_is_left_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"my notes")
    with pytest.raises(ClaimdeskError, match="not a Claimdesk database"):
        safety.open_checked(path)
    assert path.read_bytes() == b"my notes"


def test_a_set_aside_library_is_offered_again_until_the_user_decides(
    db_path: Path, article_file: Path
) -> None:
    """'Quit' in the damage dialog, then another start: the backup is offered again, no empty library."""
    _real_database(db_path, article_file)
    good = safety.back_up(db_path)
    corrupt_pages(db_path)
    with pytest.raises(safety.DatabaseSetAsideError) as first:
        safety.open_checked(db_path)
    for _ in range(2):  # the user quit; each later start asks again
        with pytest.raises(safety.DatabaseSetAsideError) as again:
            safety.open_checked(db_path)
        assert again.value.aside == first.value.aside and again.value.backup == good
        assert not db_path.exists(), "no new empty library was made in its place"
    safety.restore(db_path, good)
    reopened = safety.open_checked(db_path)
    reopened.close()
    assert _count(db_path) == 1


def test_an_empty_file_with_good_backups_is_treated_as_damage(db_path: Path, article_file: Path) -> None:
    _real_database(db_path, article_file)
    good = safety.back_up(db_path)
    db_path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(safety.DatabaseSetAsideError) as raised:
        safety.open_checked(db_path)
    assert raised.value.backup == good and raised.value.aside.stat().st_size == 0


def test_starting_empty_keeps_the_old_librarys_backups_out_of_the_rotation(
    db_path: Path, article_file: Path
) -> None:
    _real_database(db_path, article_file)
    old = [_stamped(db_path, datetime(2025, 1, day, tzinfo=UTC), "daily") for day in range(1, 10)]
    corrupt_pages(db_path)
    with pytest.raises(safety.DatabaseSetAsideError):
        safety.open_checked(db_path)
    kept = safety.start_empty(db_path)
    assert kept is not None and sorted(p.name for p in kept.iterdir()) == sorted(p.name for p in old)
    database = safety.open_checked(db_path)
    import_path(database, article_file)
    database.close()
    for day in range(1, 12):  # the new library's own dailies, more than the rotation keeps
        _stamped(db_path, datetime(2026, 1, day, tzinfo=UTC), "daily")
    backup.rotate(db_path)
    assert all((kept / p.name).exists() for p in old), "the old library's backups are never rotated away"
    reopened = safety.open_checked(db_path)  # and the new library is not reported as set aside
    reopened.close()
