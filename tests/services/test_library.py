"""The library: summaries with status counts, filters, rename, trash and restore, batch import."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import ClaimdeskError
from app.importers import import_file
from app.services import articles, claims, evidence, library
from app.services.library import LibraryFilter
from app.storage.database import Database


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on a local SQLite library and on a newsroom PostgreSQL database."""
    return both_db


def _ids(db: Database, where: LibraryFilter | None = None) -> list[int]:
    return [entry.id for entry in library.list_library(db, where)]


def test_entries_carry_counts_and_statuses(db: Database, article_file: Path) -> None:
    article = articles.load_article(db, articles.import_path(db, article_file).article_id)
    claims.set_status(db, article.claims[0].id, "in_progress")
    (entry,) = library.list_library(db)
    assert entry.claim_count == len(article.claims)
    assert dict(entry.statuses) == {"unreviewed": len(article.claims) - 1, "in_progress": 1}
    assert [s for s, _ in entry.statuses] == ["unreviewed", "in_progress"]  # in STATUSES order


def test_filters_by_status_outlet_and_tag(db: Database, article_file: Path, tmp_path: Path) -> None:
    first = articles.load_article(db, articles.import_path(db, article_file).article_id)
    other = tmp_path / "other.txt"
    other.write_text("The mayor said the bridge cost 40 million euros to build.\n", encoding="utf-8")
    imported = replace(import_file(other), url="https://example.org/bridge")
    second = articles.store_imported(db, imported).article_id
    claims.set_status(db, first.claims[0].id, "in_progress")
    evidence.set_tags(db, first.claims[0].id, ["budget"])
    assert _ids(db, LibraryFilter(status="in_progress")) == [first.id]
    assert _ids(db, LibraryFilter(tag="budget")) == [first.id]
    assert _ids(db, LibraryFilter(outlet="Nowhere Times")) == []
    assert set(_ids(db)) == {first.id, second}


def test_outlet_and_every_imported_field_are_stored(db: Database, article_file: Path) -> None:
    imported = replace(
        import_file(article_file), url="https://example.org/a", byline="A. Writer", published="2024-05-01"
    )
    if hasattr(imported, "outlet"):  # the HTML importer adds the site's name
        imported = replace(imported, outlet="Example Gazette")  # type: ignore[call-arg]
    record = articles.load_article(db, articles.store_imported(db, imported).article_id)
    assert (record.source_url, record.byline, record.published_at) == (
        "https://example.org/a",
        "A. Writer",
        "2024-05-01",
    )
    assert record.outlet == getattr(imported, "outlet", None)


def test_rename_trims_and_refuses_empty(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    library.rename(db, article_id, "  Harbour   story ")
    assert library.list_library(db)[0].title == "Harbour story"
    with pytest.raises(ClaimdeskError):
        library.rename(db, article_id, "   ")


def test_trash_restore_and_empty(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    library.move_to_trash(db, [article_id])
    assert _ids(db) == []
    assert _ids(db, LibraryFilter(trash=True)) == [article_id]
    assert articles.list_articles(db) == []  # `claimdesk list` shows the library, not the trash
    library.restore(db, [article_id])
    assert _ids(db) == [article_id]
    library.move_to_trash(db, [article_id])
    assert library.empty_trash(db) == 1
    assert _ids(db, LibraryFilter(trash=True)) == []


def test_importing_a_trashed_file_again_takes_it_out_of_the_trash(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    library.move_to_trash(db, [article_id])
    assert articles.import_path(db, article_file).article_id == article_id
    assert _ids(db) == [article_id]


def test_batch_import_reports_duplicates_and_failures(
    db: Database, article_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text("The council said the budget grew by 3 percent.\n", encoding="utf-8")
    (folder / "sub" / "copy.txt").write_bytes(article_file.read_bytes())
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")  # not an article: not even tried
    seen: list[tuple[int, int]] = []
    report = articles.import_files(
        db, [article_file, folder], lambda done, total, _: seen.append((done, total)) or True
    )
    assert len(report.imported) == 2
    assert [Path(name).name for name, _ in report.duplicates] == ["copy.txt"]
    assert [Path(name).name for name, _ in report.failed] == ["empty.txt"]
    assert seen[-1] == (4, 4)
    assert "1 already in the library" in report.summary()


def test_batch_import_can_be_cancelled(db: Database, article_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("The mayor said the bridge cost 40 million euros to build.\n", encoding="utf-8")
    report = articles.import_files(db, [article_file, other], lambda done, _total, _name: done < 1)
    assert report.cancelled and len(report.imported) == 1
    assert len(library.list_library(db)) == 1


def test_a_changed_file_becomes_a_new_version_not_a_second_article(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Port story\n\nThe port authority said 14 shells were found.\n", encoding="utf-8")
    first = articles.import_path(db, path)
    path.write_text(
        "Port story\n\nUpdated on Tuesday.\n\nThe port authority said 14 shells were found.\n",
        encoding="utf-8",
    )
    again = articles.import_path(db, path)
    assert (again.article_id, again.created) == (first.article_id, False)
    assert again.new_version is not None
    assert len(library.list_library(db)) == 1
    assert "Updated on Tuesday" in articles.load_article(db, first.article_id).text


def test_start_up_does_not_open_an_article_in_the_trash(
    db: Database, article_file: Path, tmp_path: Path
) -> None:
    kept = articles.import_path(db, article_file).article_id
    other = tmp_path / "other.txt"
    other.write_text("The mayor said the bridge cost 40 million euros to build.\n", encoding="utf-8")
    trashed = articles.import_path(db, other).article_id
    articles.mark_opened(db, trashed)
    library.move_to_trash(db, [trashed])
    assert articles.article_to_open(db) == kept
