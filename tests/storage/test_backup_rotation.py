"""Which backups the rotation keeps, that every new backup rotates, and the backups' names and checks."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.errors import ClaimdeskError, StorageError
from app.services.articles import import_path
from app.storage import backup
from app.storage.database import Database

STAMP = "%Y%m%dT%H%M%SZ"
MONDAY = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # ISO week 2 of 2026


def _name(db_path: Path, when: datetime, token: str) -> Path:
    folder = backup.backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{db_path.stem}-{when.strftime(STAMP)}-{token}.sqlite3"


def _named(db_path: Path, when: datetime, token: str) -> Path:
    """A file named as a backup taken at `when` (rotation reads the names alone, not the contents)."""
    path = _name(db_path, when, token)
    path.write_bytes(b"copy")
    return path


def _left(db_path: Path) -> set[str]:
    return {p.name for p in backup.backups_dir(db_path).iterdir()}


def test_each_older_week_keeps_its_newest_daily_copy(db_path: Path) -> None:
    """Seven newest days kept whole; before them, one copy per ISO week: that week's newest."""
    # three copies in each of six weeks before the newest seven days (Monday, Wednesday, Friday)
    older_weeks = [MONDAY + timedelta(weeks=n) for n in range(6)]
    older = {
        week: [_named(db_path, week + timedelta(days=d), "daily") for d in (0, 2, 4)] for week in older_weeks
    }
    recent_start = MONDAY + timedelta(weeks=6)
    recent = [_named(db_path, recent_start + timedelta(days=d), "daily") for d in range(7)]

    deleted = backup.rotate(db_path)

    kept_weekly = [older[week][-1].name for week in older_weeks[-4:]]  # the four newest older weeks
    assert _left(db_path) == {p.name for p in recent} | set(kept_weekly)
    assert {p.name for p in deleted} == {p.name for copies in older.values() for p in copies} - set(
        kept_weekly
    )
    assert not any(p.exists() for p in deleted)


def test_weekly_copies_follow_iso_weeks_across_a_new_year(db_path: Path) -> None:
    # Sunday 28 Dec 2025 is in ISO week 52 of 2025; Monday 29 Dec 2025 in week 1 of 2026
    sunday = datetime(2025, 12, 28, 23, 0, tzinfo=UTC)
    monday = sunday + timedelta(hours=2)
    older = [_named(db_path, sunday, "daily"), _named(db_path, monday, "daily")]
    recent = [_named(db_path, monday + timedelta(days=d), "daily") for d in range(1, 8)]
    assert backup.rotate(db_path) == []
    assert _left(db_path) == {p.name for p in older + recent}


@pytest.mark.parametrize(("token", "keep"), [("manual", 20), ("before-restore", 5), ("before-0042abcdef", 5)])
def test_the_newest_copies_of_each_kind_are_kept(db_path: Path, token: str, keep: int) -> None:
    copies = [_named(db_path, MONDAY + timedelta(minutes=n), token) for n in range(keep + 3)]
    deleted = backup.rotate(db_path)
    assert sorted(deleted) == sorted(copies[:3]), "the oldest go first"
    assert _left(db_path) == {p.name for p in copies[3:]}
    assert backup.rotate(db_path) == [], "a second rotation has nothing left to do"


def test_kinds_are_counted_apart(db_path: Path) -> None:
    daily = [_named(db_path, MONDAY + timedelta(days=n), "daily") for n in range(7)]
    manual = [_named(db_path, MONDAY + timedelta(days=n, hours=1), "manual") for n in range(20)]
    restore = [_named(db_path, MONDAY + timedelta(days=n, hours=2), "before-restore") for n in range(5)]
    migration = [_named(db_path, MONDAY + timedelta(days=n, hours=3), f"before-{n:04x}") for n in range(5)]
    assert backup.rotate(db_path) == []
    assert len(_left(db_path)) == len(daily + manual + restore + migration)


def test_other_files_and_other_libraries_are_never_touched(db_path: Path) -> None:
    folder = backup.backups_dir(db_path)
    strangers = [
        _named(db_path.with_name("other.sqlite3"), MONDAY + timedelta(minutes=n), "manual") for n in range(25)
    ]
    mine = [_named(db_path, MONDAY + timedelta(minutes=n), "manual") for n in range(21)]
    odd = [
        folder / "test-notes.sqlite3",
        folder / f"test-{MONDAY.strftime(STAMP)}-weekly.sqlite3",
        folder / f"test-{MONDAY.strftime(STAMP)}-manual.sqlite3.bak",
        folder / "README",
    ]
    for path in odd:
        path.write_bytes(b"x")
    assert backup.rotate(db_path) == [mine[0]]
    assert all(p.exists() for p in strangers + odd + mine[1:])


def test_no_backups_folder_is_nothing_to_rotate_or_list(db_path: Path) -> None:
    assert backup.rotate(db_path) == [] and backup.list_backups(db_path) == []
    assert backup.newest_good_backup(db_path) is None and backup.move_backups_aside(db_path, "old") is None
    assert not backup.backups_dir(db_path).exists()


# --- a real backup rotates ------------------------------------------------------------------------


def test_every_new_backup_rotates_the_old_ones(db: Database, db_path: Path, article_file: Path) -> None:
    import_path(db, article_file)
    old = [_named(db_path, MONDAY + timedelta(minutes=n), "manual") for n in range(20)]
    made = backup.make_backup(db_path, "manual")
    assert made.exists() and backup.is_good_database(made)
    assert not old[0].exists(), "the 21st manual copy pushes out the oldest"
    assert all(p.exists() for p in old[1:])


def test_copies_before_migrations_keep_the_five_newest(
    db: Database, db_path: Path, article_file: Path
) -> None:
    import_path(db, article_file)
    old = [_named(db_path, MONDAY + timedelta(days=n), f"before-{n:04x}") for n in range(5)]
    made = backup.backup_before_migration(db_path, "9f3e2a1b")
    assert made.name.endswith("-before-9f3e2a1b.sqlite3")
    assert not old[0].exists() and all(p.exists() for p in old[1:])
    (newest, *_) = backup.list_backups(db_path)
    assert (newest.path, newest.reason, newest.articles) == (made, "before-migration", 1)


def test_a_daily_backup_rotates_too(db: Database, db_path: Path, article_file: Path) -> None:
    import_path(db, article_file)
    old = [_named(db_path, datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=n), "daily") for n in range(8)]
    made = backup.daily_backup(db_path)
    assert made is not None and made.name.endswith("-daily.sqlite3")
    assert sum(p.exists() for p in old) == 6 + 1, "six dailies beside the new one, and one for their week"


def test_backups_within_one_second_get_numbered_names(
    db: Database, db_path: Path, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_path(db, article_file)
    monkeypatch.setattr(backup, "utcnow", lambda: MONDAY)
    names = [backup.make_backup(db_path, "manual").name for _ in range(3)]
    stamp = MONDAY.strftime(STAMP)
    assert names == [
        f"test-{stamp}-manual.sqlite3",
        f"test-{stamp}-manual-2.sqlite3",
        f"test-{stamp}-manual-3.sqlite3",
    ]
    assert [info.reason for info in backup.list_backups(db_path)] == ["manual"] * 3


def test_an_unknown_reason_is_refused(db: Database, db_path: Path) -> None:
    with pytest.raises(ValueError, match="weekly"):
        backup.make_backup(db_path, "weekly")
    assert not backup.backups_dir(db_path).exists()


def test_a_backup_is_private_self_contained_and_checked(
    db: Database, db_path: Path, article_file: Path
) -> None:
    import_path(db, article_file)
    made = backup.make_backup(db_path, "manual")
    assert made.parent.stat().st_mode & 0o777 == 0o700 and made.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(made) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [p.name for p in made.parent.iterdir() if p.name.startswith(made.name)] == [made.name]


def test_a_backup_that_cannot_be_written_is_an_error(db: Database, db_path: Path, article_file: Path) -> None:
    import_path(db, article_file)
    backup.backups_dir(db_path).write_bytes(b"a file where the folder should be")
    with pytest.raises(StorageError, match="backup folder"):
        backup.make_backup(db_path, "manual")
    with pytest.raises(StorageError):
        backup.daily_backup(db_path)  # never silent


def test_a_source_that_is_no_database_gives_no_backup(tmp_path: Path) -> None:
    source = tmp_path / "notes.sqlite3"
    source.write_bytes(b"not a database at all, but long enough to look like a file" * 40)
    target = tmp_path / "backups" / "copy.sqlite3"
    with pytest.raises(ClaimdeskError, match="No backup was kept"):
        backup.backup_to(source, target)
    assert not target.exists() and not list(target.parent.iterdir())


# --- which copies count ---------------------------------------------------------------------------


def _library(path: Path, articles: int) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("CREATE TABLE article (id INTEGER PRIMARY KEY)")
        connection.executemany("INSERT INTO article VALUES (?)", [(n,) for n in range(articles)])
    return path


def test_a_good_database_has_claimdesks_tables(tmp_path: Path) -> None:
    assert backup.is_good_database(_library(tmp_path / "a.sqlite3", 1))
    assert backup.is_good_database(_library(tmp_path / "b.sqlite3", 0), quick=False)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE article (id INTEGER)")
    assert not backup.is_good_database(other), "no alembic_version: not ours"
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"junk" * 100)
    assert not backup.is_good_database(junk)
    assert not backup.is_good_database(tmp_path / "missing.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists(), "checking never creates a file"


def test_the_newest_good_copy_is_offered_and_listed_with_its_articles(db_path: Path) -> None:
    good = _library(_name(db_path, MONDAY, "daily"), 3)
    newer_bad = _named(db_path, MONDAY + timedelta(days=1), "manual")  # b"copy": no database
    assert backup.newest_good_backup(db_path) == good
    listed = backup.list_backups(db_path)
    assert [(i.path, i.reason, i.articles) for i in listed] == [
        (newer_bad, "manual", None),
        (good, "daily", 3),
    ]
    assert listed[0].taken_at == MONDAY + timedelta(days=1) and listed[0].size == 4


def test_moving_backups_aside_takes_only_this_librarys(db_path: Path) -> None:
    mine = [_named(db_path, MONDAY + timedelta(days=n), "daily") for n in range(3)]
    other = _named(db_path.with_name("other.sqlite3"), MONDAY, "daily")
    folder = backup.move_backups_aside(db_path, "old-library")
    assert folder == backup.backups_dir(db_path) / "old-library"
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in mine)
    assert other.exists() and backup.list_backups(db_path) == []


@pytest.mark.parametrize(
    ("age", "due"),
    [
        (timedelta(hours=24), True),
        (timedelta(hours=24) - timedelta(seconds=1), False),
        (timedelta(days=3), True),
    ],
)
def test_the_daily_backup_is_due_after_24_hours(
    db: Database, db_path: Path, article_file: Path, age: timedelta, due: bool
) -> None:
    import_path(db, article_file)
    _named(db_path, MONDAY, "manual")
    assert backup.daily_backup_due(db_path, now=MONDAY + age) is due


def test_no_daily_backup_of_a_missing_or_empty_library(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert not backup.daily_backup_due(missing)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert not backup.daily_backup_due(empty)
    assert not backup.daily_backup_due(_library(tmp_path / "none.sqlite3", 0))
    assert backup.daily_backup_due(_library(tmp_path / "one.sqlite3", 1))


def test_backups_are_listed_by_time_whatever_their_kind(db_path: Path) -> None:
    older_manual = _named(db_path, MONDAY, "manual")
    newer_daily = _named(db_path, MONDAY + timedelta(hours=1), "daily")
    assert [info.path for info in backup.list_backups(db_path)] == [newer_daily, older_manual]


def test_the_quick_check_passes_index_damage_that_the_full_check_finds(tmp_path: Path) -> None:
    path = _library(tmp_path / "library.sqlite3", 50)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE INDEX ix_article_id ON article (id DESC)")
    connection.close()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_article_id ON article (id)'"
        " WHERE name = 'ix_article_id'"
    )
    connection.close()
    assert backup.is_good_database(path)
    assert not backup.is_good_database(path, quick=False)


def test_a_library_whose_rows_fail_the_check_is_not_backed_up(tmp_path: Path) -> None:
    source = _library(tmp_path / "library.sqlite3", 3)
    connection = sqlite3.connect(source, isolation_level=None)
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE TABLE article (id INTEGER PRIMARY KEY CHECK (id < 0))'"
        " WHERE name = 'article'"
    )
    connection.close()
    target = tmp_path / "backups" / "copy.sqlite3"
    with pytest.raises(
        StorageError, match=r"failed its integrity check, so the library has damage; the copy"
    ):
        backup.backup_to(source, target)
    assert not target.exists()


def test_a_backup_makes_the_folders_it_needs(tmp_path: Path) -> None:
    source = _library(tmp_path / "library.sqlite3", 2)
    target = tmp_path / "a" / "b" / "copy.sqlite3"
    assert backup.backup_to(source, target) == target
    assert backup.is_good_database(target, quick=False)


def test_backups_moved_aside_twice_under_one_label_end_up_together(db_path: Path) -> None:
    first = _named(db_path, MONDAY, "daily")
    backup.move_backups_aside(db_path, "old-library")
    second = _named(db_path, MONDAY + timedelta(days=1), "daily")
    folder = backup.move_backups_aside(db_path, "old-library")
    assert folder is not None and folder.stat().st_mode & 0o777 == 0o700
    assert sorted(p.name for p in folder.iterdir()) == sorted([first.name, second.name])


def test_a_copy_another_process_rotated_away_first_is_no_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two Claimdesks (a window and the command line) may rotate the same folder at once."""
    copies = [_named(db_path, MONDAY + timedelta(minutes=n), "manual") for n in range(21)]
    listed = backup._parsed

    def listed_then_raced(database: Path) -> list[tuple[Path, datetime, str]]:
        found = listed(database)
        copies[0].unlink()  # the other process deletes it just after we listed it
        return found

    monkeypatch.setattr(backup, "_parsed", listed_then_raced)
    assert backup.rotate(db_path) == [copies[0]]
    assert all(p.exists() for p in copies[1:])


def test_copies_made_in_one_second_are_ordered_by_their_counter(tmp_path: Path) -> None:
    """'-2' is newer than the first copy, and '-10' newer than '-9', so rotation keeps the newest."""
    database = tmp_path / "lib.sqlite3"
    folder = backup.backups_dir(database)
    folder.mkdir()
    names = ["lib-20260101T000000Z-manual.sqlite3"] + [
        f"lib-20260101T000000Z-manual-{n}.sqlite3" for n in range(2, 12)
    ]
    for name in names:
        (folder / name).write_bytes(b"")
    newest_first = [info.path.name for info in backup.list_backups(database)]
    assert newest_first == list(reversed(names))


def test_a_daily_and_a_manual_copy_in_one_second_are_ordered_as_they_were_made(tmp_path: Path) -> None:
    import os

    database = tmp_path / "lib.sqlite3"
    folder = backup.backups_dir(database)
    folder.mkdir()
    daily = folder / "lib-20260101T000000Z-daily.sqlite3"
    manual = folder / "lib-20260101T000000Z-manual.sqlite3"
    for n, path in enumerate((manual, daily)):  # the daily one written last, whatever the names say
        path.write_bytes(b"")
        os.utime(path, ns=(1_000_000_000 + n, 1_000_000_000 + n))
    assert [info.path for info in backup.list_backups(database)] == [daily, manual]
