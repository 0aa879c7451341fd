"""Every text an article has had, and what changed between two (app.services.article_versions)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app import cli
from app.domain.text_diff import diff_texts
from app.errors import NotFoundError
from app.importers.article import ImportedArticle, sha256_of
from app.services import article_versions, articles, library, versions
from app.services.article_versions import compare, list_versions, version_text
from app.storage import repository
from app.storage.database import Database

SHELLS = "The authority said the survey found 14 unexploded shells on the seabed."
FISHERMEN = "Fishermen reportedly saw divers in the area for weeks before the halt."


def _stealth_edit(path: Path) -> str:
    """The outlet quietly changes a figure and drops a hedge; the same file comes back."""
    edited = path.read_text(encoding="utf-8").replace("found 14 ", "found 4 ").replace("reportedly ", "")
    path.write_text(edited, encoding="utf-8")
    return edited


def _version_rows(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM article_version")).scalar() or 0)


def test_a_new_version_of_the_same_file_is_kept_beside_the_first(db: Database, article_file: Path) -> None:
    original = article_file.read_text(encoding="utf-8")
    article_id = articles.import_path(db, article_file).article_id
    (first,) = list_versions(db, article_id)
    assert (first.number, first.words, first.title) == (
        1,
        len(original.split()),
        "Harbour dredging halted after survey",
    )
    assert version_text(db, article_id, 1) == original
    assert _version_rows(db) == 0, "an article that never changed is stored once"

    edited = _stealth_edit(article_file)
    result = articles.import_path(db, article_file)
    assert result.article_id == article_id and result.new_version is not None

    first, second = list_versions(db, article_id)
    assert (first.number, second.number) == (1, 2)
    assert version_text(db, article_id, 1) == original and version_text(db, article_id, 2) == edited
    assert _version_rows(db) == 2
    assert second.sha256 == sha256_of(edited.encode()) != first.sha256
    assert second.captured_at >= first.captured_at
    assert articles.load_article(db, article_id).text == edited, "the newest version is the article's text"

    articles.import_path(db, article_file)  # the same bytes again: no third version
    assert len(list_versions(db, article_id)) == 2


def test_compare_finds_a_changed_figure_and_a_dropped_hedge(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    edited = _stealth_edit(article_file)
    articles.import_path(db, article_file)

    figure, hedge = compare(db, article_id, 1, 2)
    assert (figure.kind, figure.old, figure.new) == ("replaced", "14", "4")
    assert edited[figure.start : figure.end] == "4" and figure.before.endswith("the survey found")
    assert (hedge.kind, hedge.old, hedge.new) == ("deleted", "reportedly", "")
    assert hedge.start == hedge.end == edited.index("saw divers"), "a deletion points where it was"
    back = compare(db, article_id, 2, 1)  # the other way round: offsets into version 1
    assert [(c.kind, c.old, c.new) for c in back] == [("replaced", "4", "14"), ("inserted", "", "reportedly")]
    assert compare(db, article_id, 2, 2) == []


def test_relaid_text_is_no_change_and_paragraphs_are_matched_first() -> None:
    old = f"Title\n\n{SHELLS}\n\n{FISHERMEN}\n\nThe weather was calm."
    rewrapped = old.replace(" on the seabed", "\non the  seabed")
    assert diff_texts(old, rewrapped) == []
    added = old.replace("\n\nThe weather", "\n\nUpdated: the navy disagrees.\n\nThe weather")
    (change,) = diff_texts(old, added)
    assert (change.kind, change.new) == ("inserted", "Updated: the navy disagrees.")
    assert added[change.start : change.end] == change.new
    (gone,) = diff_texts(old, old.replace(f"\n\n{FISHERMEN}", ""))
    assert (gone.kind, gone.old) == ("deleted", FISHERMEN)


def test_unknown_article_or_version_is_a_clear_error(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    with pytest.raises(NotFoundError, match="no article 999"):
        list_versions(db, 999)
    with pytest.raises(NotFoundError, match="no version 3; it has one version"):
        compare(db, article_id, 1, 3)
    with pytest.raises(NotFoundError):
        version_text(db, 999, 1)
    _stealth_edit(article_file)
    articles.import_path(db, article_file)
    with pytest.raises(NotFoundError, match="no version 3; it has versions 1 to 2"):
        version_text(db, article_id, 3)


def test_the_version_is_stored_in_the_same_transaction_as_the_reanchoring(
    db: Database, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = articles.import_path(db, article_file).article_id
    new = article_file.read_text(encoding="utf-8").replace("14", "4")
    imported = ImportedArticle(new, "text", sha256_of(new.encode()), filename=article_file.name)

    def crash(*_args: object) -> int:
        raise RuntimeError("crash while adding the new claims")

    monkeypatch.setattr(versions, "_add_detected", crash)
    with pytest.raises(RuntimeError):
        versions.apply_new_version(db, article_id, imported)
    assert len(list_versions(db, article_id)) == 1
    assert articles.load_article(db, article_id).text != new


def test_an_article_stored_without_versions_gets_its_old_text_kept_first(
    db: Database, article_file: Path
) -> None:
    """An article that never changed has no rows: its first change keeps the old text as version 1."""
    original = article_file.read_text(encoding="utf-8")
    article_id = articles.import_path(db, article_file).article_id
    assert _version_rows(db) == 0
    edited = _stealth_edit(article_file)
    articles.import_path(db, article_file)
    first, second = list_versions(db, article_id)
    assert (first.number, second.number) == (1, 2)
    assert version_text(db, article_id, 1) == original and version_text(db, article_id, 2) == edited


def test_emptying_the_trash_removes_the_versions(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    _stealth_edit(article_file)
    articles.import_path(db, article_file)
    assert _version_rows(db) == 2
    library.move_to_trash(db, [article_id])
    assert _version_rows(db) == 2, "the trash can be restored from: nothing deleted yet"
    assert library.empty_trash(db) == 1
    assert _version_rows(db) == 0


def test_cli_lists_versions_and_prints_the_changes(
    db_path: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--db", str(db_path), "import", str(article_file)]) == 0
    _stealth_edit(article_file)
    assert cli.main(["--db", str(db_path), "import", str(article_file)]) == 0
    said = capsys.readouterr().err
    assert f"{article_file} is a new version of article 1: New version: " in said
    assert "already in the library" not in said

    assert cli.main(["--db", str(db_path), "versions", "1"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].split()[:4] == ["#", "CAPTURED", "WORDS", "SHA256"]
    assert [line.split()[0] for line in listing[1:]] == ["1", "2"]
    sha = sha256_of(article_file.read_bytes())[:12]
    assert sha in listing[2] and sha not in listing[1]

    assert cli.main(["--db", str(db_path), "versions", "1", "--diff", "1", "2"]) == 0
    out = capsys.readouterr().out
    assert "2 changes from version 1 to 2" in out
    assert "   - 14\n   + 4\n" in out and "   - reportedly\n" in out
    assert "…said the survey found [replaced] unexploded shells on the…" in out

    assert cli.main(["--db", str(db_path), "versions", "1", "--diff", "1", "5"]) == cli.EXIT_USAGE
    assert cli.main(["--db", str(db_path), "versions", "42"]) == cli.EXIT_USAGE
    assert "There is no article 42" in capsys.readouterr().err


def test_store_version_skips_a_text_already_kept(db: Database, article_file: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    with db.session() as session:
        article = repository.get_article(session, article_id)
        assert article_versions.store_version(session, article) == 1, "the first row: its text as it is"
    with db.session() as session:
        assert article_versions.store_version(session, repository.get_article(session, article_id)) is None
    assert len(list_versions(db, article_id)) == 1


def test_every_paragraph_touched_gives_one_change_each_in_its_place() -> None:
    """Paragraphs changed in place are compared pair by pair (a run of them at once is quadratic)."""
    old = "\n\n".join(f"Paragraph {n} says the berth reopens in {n + 2} weeks." for n in range(50))
    new = old.replace("says the", "says that the")
    changes = diff_texts(old, new)
    assert len(changes) == 50
    assert {(c.kind, c.old, c.new) for c in changes} == {("inserted", "", "that")}
    assert all(new[c.start : c.end] == "that" for c in changes)
    assert [c.start for c in changes] == sorted(c.start for c in changes)
