"""A new version of an article, through `apply_new_version`, on a real database file."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.records import ArticleRecord, ClaimRecord
from app.importers.article import ImportedArticle, sha256_of
from app.services import articles, claims, evidence, versions
from app.services.versions import VersionReport, apply_new_version
from app.storage import repository
from app.storage.database import Database, open_database
from app.storage.models import Claim

SHELLS = "The authority said the survey found 14 unexploded shells on the seabed."
FISHERMEN = "Fishermen reportedly saw divers in the area for weeks before the halt."
WEATHER = "The weather was calm all week."
NAVY = "The navy said divers would clear the seabed by Friday, according to a spokesman."


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on a local SQLite library and on a newsroom PostgreSQL database."""
    return both_db


def _version(text: str, **fields: str) -> ImportedArticle:
    return ImportedArticle(text, "text", sha256_of(text.encode()), filename="harbour.txt", **fields)


def _edited(original: str) -> str:
    """A paragraph on top, a figure corrected, a sentence deleted, a sentence added."""
    title, body = original.split("\n\n", 1)
    body = body.replace("14 unexploded", "15 unexploded").replace(FISHERMEN + "\n\n", "")
    return f"{title}\n\nUpdated on Tuesday with new figures.\n\n{body}\n{NAVY}\n"


def _claim(article: ArticleRecord, text: str) -> ClaimRecord:
    return next(c for c in article.claims if c.text == text or c.previous_text == text)


@pytest.fixture
def article(db: Database, article_file: Path) -> ArticleRecord:
    """The harbour article with work done on it: a verdict, a note, a link and a tag."""
    record = articles.load_article(db, articles.import_path(db, article_file).article_id)
    shells, fishermen = _claim(record, SHELLS), _claim(record, FISHERMEN)
    claims.set_status(db, shells.id, "disputed", reason="The navy counts 12")
    claims.add_note(db, shells.id, "Ask the port for the survey report.")
    evidence.add_link(db, shells.id, "https://example.org/survey")
    evidence.set_tags(db, shells.id, ["harbour"])
    claims.add_note(db, fishermen.id, "Two fishermen confirmed it by phone.")
    return articles.load_article(db, record.id)


def test_claims_are_reanchored_and_the_work_on_them_is_kept(db: Database, article: ArticleRecord) -> None:
    new_text = _edited(article.text)
    report = apply_new_version(db, article.id, _version(new_text))

    after = articles.load_article(db, article.id)
    assert after.text == new_text
    assert (report.unchanged, report.moved, report.changed, report.orphaned) == (0, 2, 1, 1)
    shells, fishermen = _claim(after, SHELLS), _claim(after, FISHERMEN)
    assert report.changed_ids == (shells.id,) and report.orphaned_ids == (fishermen.id,)

    assert shells.anchored and shells.text == SHELLS.replace("14", "15")
    assert shells.previous_text == SHELLS, "the wording the verdict was given on is kept"
    assert shells.figures == ("15",) and shells.source == "The authority", "the engine reads the new wording"
    before = _claim(article, SHELLS)
    assert (shells.status, shells.history, shells.notes) == (before.status, before.history, before.notes)
    assert (shells.evidence, shells.tags) == (before.evidence, before.tags)

    assert not fishermen.anchored and fishermen.text == FISHERMEN, "an orphan keeps its quote"
    assert [n.body for n in fishermen.notes] == ["Two fishermen confirmed it by phone."]
    assert 0 <= fishermen.start <= fishermen.end <= len(new_text)

    for claim in after.claims:
        if claim.anchored:
            assert new_text[claim.start : claim.end] == claim.text
    weather = _claim(after, WEATHER)
    assert weather.previous_text is None and weather.start == new_text.index(WEATHER)


def test_claims_found_in_the_new_text_are_added_where_there_is_no_claim(
    db: Database, article: ArticleRecord
) -> None:
    weather = _claim(article, WEATHER)
    claims.dismiss_claim(db, weather.id)
    report = apply_new_version(db, article.id, _version(_edited(article.text)))

    after = articles.load_article(db, article.id)
    new = [c.text for c in after.claims if c.id not in _ids(article)]
    assert report.added == len(new) and NAVY in new and WEATHER not in new
    assert [c.dismissed for c in after.claims if c.text == WEATHER] == [True], "dismissed, not re-detected"
    anchored = sorted((c.start, c.end) for c in after.claims if c.anchored)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(anchored))


def test_without_detection_nothing_is_added(db: Database, article: ArticleRecord) -> None:
    report = apply_new_version(db, article.id, _version(_edited(article.text)), detect_new=False)
    assert report.added == 0
    after = articles.load_article(db, article.id)
    assert _ids(after) == _ids(article)
    assert _claim(after, SHELLS).figures == ("14",), "without the engine, nothing is re-read"


def test_an_orphan_found_again_in_a_later_version_is_anchored_again(
    db: Database, article: ArticleRecord
) -> None:
    without = article.text.replace(FISHERMEN + "\n\n", "")
    assert apply_new_version(db, article.id, _version(without)).orphaned == 1
    back = "Updated.\n\n" + article.text
    report = apply_new_version(db, article.id, _version(back))
    fishermen = _claim(articles.load_article(db, article.id), FISHERMEN)
    assert report.orphaned == 0 and fishermen.anchored
    assert back[fishermen.start : fishermen.end] == FISHERMEN
    assert [n.body for n in fishermen.notes] == ["Two fishermen confirmed it by phone."]


def test_an_orphan_found_again_finds_its_source_again(db: Database, article: ArticleRecord) -> None:
    shells = _claim(article, SHELLS)
    apply_new_version(db, article.id, _version(article.text.replace(SHELLS, "")))
    back = "Updated.\n\n" + article.text
    apply_new_version(db, article.id, _version(back))
    with db.session() as session:
        stored = session.get(Claim, shells.id)
        assert stored is not None and stored.anchored and stored.source_start is not None
        assert back[stored.source_start : stored.source_end] == "The authority"


def test_rewording_back_clears_the_earlier_wording(db: Database, article: ArticleRecord) -> None:
    apply_new_version(db, article.id, _version(article.text.replace("14", "15")))
    assert _claim(articles.load_article(db, article.id), SHELLS).previous_text == SHELLS
    report = apply_new_version(db, article.id, _version(article.text + "\n"))
    shells = _claim(articles.load_article(db, article.id), SHELLS)
    assert report.changed == 1 and shells.text == SHELLS and shells.previous_text is None


def test_text_laid_out_again_moves_claims_without_rewording_them(
    db: Database, article: ArticleRecord
) -> None:
    relaid = article.text.replace("survey found 14", "survey\nfound  14")
    report = apply_new_version(db, article.id, _version(relaid))
    shells = _claim(
        articles.load_article(db, article.id), SHELLS.replace("survey found 14", "survey\nfound  14")
    )
    assert (report.unchanged, report.moved, report.changed) == (1, 3, 0), "the claims after it shift by one"
    assert shells.previous_text is None and relaid[shells.start : shells.end] == shells.text


def test_the_source_span_follows_its_claim(db: Database, article: ArticleRecord) -> None:
    shells = _claim(article, SHELLS)
    new_text = _edited(article.text)
    apply_new_version(db, article.id, _version(new_text))
    with db.session() as session:
        stored = session.get(Claim, shells.id)
        assert stored is not None and stored.source_start is not None and stored.source_end is not None
        assert new_text[stored.source_start : stored.source_end] == "The authority"
        orphan = session.get(Claim, _claim(article, FISHERMEN).id)
        assert orphan is not None and orphan.source_start is None


def test_metadata_follows_the_new_bytes_and_the_rest_is_kept(db: Database, article: ArticleRecord) -> None:
    new_text = "Harbour dredging resumes\n\n" + article.text.split("\n\n", 1)[1]
    imported = _version(new_text, url="https://example.org/harbour", byline="Jane Roe")
    apply_new_version(db, article.id, imported)
    after = articles.load_article(db, article.id)
    assert (after.title, after.source_url, after.byline) == (
        "Harbour dredging resumes",
        imported.url,
        "Jane Roe",
    )
    assert after.imported_at == article.imported_at and after.filename == "harbour.txt"
    with db.session() as session:
        assert repository.get_article(session, article.id).sha256 == imported.sha256


def test_the_same_bytes_again_change_nothing(
    db: Database, article: ArticleRecord, article_file: Path
) -> None:
    same = ImportedArticle(article.text, "text", sha256_of(article_file.read_bytes()), filename="harbour.txt")
    report = apply_new_version(db, article.id, same)
    assert report == VersionReport(article.id, unchanged=len(article.claims))
    assert articles.load_article(db, article.id) == article


def test_a_failure_half_way_leaves_the_article_as_it_was(
    db: Database, article: ArticleRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> int:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(versions, "_add_detected", broken)
    with pytest.raises(RuntimeError):
        apply_new_version(db, article.id, _version(_edited(article.text)))
    assert articles.load_article(db, article.id) == article


def test_the_summary_names_every_count() -> None:
    report = VersionReport(1, unchanged=3, moved=2, changed=1, orphaned=1, added=4)
    assert report.summary() == "New version: 3 unchanged, 2 moved, 1 reworded, 1 not found (orphans), 4 new"


def _ids(article: ArticleRecord) -> set[int]:
    return {c.id for c in article.claims}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_whatever_the_new_version_no_claim_or_note_is_lost(
    tmp_path_factory: pytest.TempPathFactory, article_file: Path, data: st.DataObject
) -> None:
    db = open_database(tmp_path_factory.mktemp("versions") / "db.sqlite3")
    try:
        before = articles.load_article(db, articles.import_path(db, article_file).article_id)
        for claim in before.claims:
            claims.add_note(db, claim.id, f"Note on {claim.id}")
        old = before.text
        cut = sorted(data.draw(st.lists(st.integers(0, len(old)), min_size=2, max_size=2)))
        inserted = data.draw(st.text(alphabet="abc XYZ.\n", max_size=80))
        new = old[: cut[0]] + inserted + old[cut[1] :]
        report = apply_new_version(db, before.id, _version(new + "!"), detect_new=False)

        after = articles.load_article(db, before.id)
        assert _ids(after) == _ids(before)
        assert report.unchanged + report.moved + report.changed + report.orphaned == len(before.claims)
        for claim in after.claims:
            assert [n.body for n in claim.notes] == [f"Note on {claim.id}"]
            assert 0 <= claim.start <= claim.end <= len(after.text)
            if claim.anchored:
                assert after.text[claim.start : claim.end] == claim.text
            else:
                assert claim.id in report.orphaned_ids
    finally:
        db.close()
