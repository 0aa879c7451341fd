"""Importing annotations: another Claimdesk's W3C export (round trip) and Hypothesis's JSON export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.errors import ClaimdeskError, UnreadableFileError
from app.services import articles
from app.services.annotations import import_annotations
from app.services.data_exports import export_w3c
from app.storage import repository
from app.storage.database import Database, open_database
from app.storage.models import Claim, Note
from tests.services.test_data_exports import worked_article


@pytest.fixture
def db(both_db: Database) -> Database:
    """Every test here runs on a local SQLite library and on a newsroom PostgreSQL database."""
    return both_db


@pytest.fixture
def other_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "other.sqlite3")
    yield database
    database.close()


def _add_manual_claim(db: Database, article_id: int, start: int, end: int) -> str:
    with db.session() as session:
        article = repository.get_article(session, article_id)
        claim = Claim(
            article=article, start=start, end=end, exact=article.text[start:end],
            prefix=article.text[max(0, start - 32) : start], suffix=article.text[end : end + 32],
            origin="manual", cues=[], hedges=[], figures=[], reasons=[],
        )  # fmt: skip
        session.add(claim)
        session.flush()
        return claim.uid


def _export(db: Database, article_id: int, out: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(export_w3c(db, article_id, out).read_text(encoding="utf-8"))
    document.pop("generated")  # the moment of export: the one field that differs by nature
    return document


def test_round_trip_export_import_export_is_equal(
    db: Database, other_db: Database, article_file: Path, tmp_path: Path
) -> None:
    article_id = worked_article(db, article_file)
    manual_uid = _add_manual_claim(db, article_id, 58, 86)  # "stopped on Monday, according"
    first_file = tmp_path / "first.jsonld"
    first = _export(db, article_id, first_file)

    other_id = articles.import_path(other_db, article_file).article_id  # fresh uids, nothing done
    report = import_annotations(other_db, first_file)
    assert report.format == "w3c" and report.article_ids == (other_id,)
    assert (report.created, report.updated, report.unchanged, report.orphans) == (1, 4, 0, 0)
    assert _export(other_db, other_id, tmp_path / "second.jsonld") == first

    again = import_annotations(other_db, first_file)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5), "importing twice changes nothing"
    assert _export(other_db, other_id, tmp_path / "third.jsonld") == first

    source = articles.load_article(db, article_id)
    copy = articles.load_article(other_db, other_id)
    assert [c.uid for c in copy.claims] == [c.uid for c in source.claims]
    assert manual_uid in {c.uid for c in copy.claims if c.origin == "manual"}
    verified = copy.claims[0]
    assert verified.status == "verified" and verified.reason == "The port's notice of 3 March says so."
    assert [n.uid for n in verified.notes] == [n.uid for n in source.claims[0].notes]
    assert [e.uid for e in verified.evidence] == [e.uid for e in source.claims[0].evidence]
    assert verified.evidence[1].contacted_at == source.claims[0].evidence[1].contacted_at
    assert len(verified.history) == 1, "one step appended: the status it arrives with"


def test_import_never_undoes_newer_work(
    db: Database, other_db: Database, article_file: Path, tmp_path: Path
) -> None:
    article_id = articles.import_path(db, article_file).article_id
    path = tmp_path / "untouched.jsonld"
    export_w3c(db, article_id, path)
    other_id = worked_article(other_db, article_file)
    before = articles.load_article(other_db, other_id)
    report = import_annotations(other_db, path)
    assert (report.updated, report.unchanged) == (1, 3), "only the untouched claim takes on the uid"
    after = articles.load_article(other_db, other_id)
    assert after.claims[:3] == before.claims[:3]
    assert after.claims[3].uid != before.claims[3].uid and after.claims[3].history == ()


def test_an_annotation_whose_quote_is_gone_is_kept_as_an_orphan(
    db: Database, article_file: Path, tmp_path: Path
) -> None:
    article_id = articles.import_path(db, article_file).article_id
    document = json.loads(export_w3c(db, article_id, tmp_path / "a.jsonld").read_text("utf-8"))
    item = document["first"]["items"][0]
    item["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    item["target"]["selector"] = [{"type": "TextQuoteSelector", "exact": "Divers found a submarine in June."}]
    item["body"].append({"type": "TextualBody", "purpose": "commenting", "value": "Where is this now?"})
    document["first"]["items"] = [item]
    path = tmp_path / "orphan.jsonld"
    path.write_text(json.dumps(document), encoding="utf-8")

    report = import_annotations(db, path)
    assert (report.created, report.orphans) == (1, 1)
    orphan = next(c for c in articles.load_article(db, article_id).claims if not c.anchored)
    assert orphan.text == "Divers found a submarine in June." and orphan.notes[0].body == "Where is this now?"
    assert import_annotations(db, path).unchanged == 1


def test_no_matching_article_and_bad_files_are_clear_errors(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.json"
    path.write_text(json.dumps([_hypothesis_row("x1", "https://elsewhere.example/", "Nothing like this.")]))
    with pytest.raises(ClaimdeskError, match="No article in the library matches"):
        import_annotations(db, path)
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    with pytest.raises(UnreadableFileError, match="not JSON"):
        import_annotations(db, broken)
    with pytest.raises(ClaimdeskError, match="no annotations"):
        empty = tmp_path / "empty.json"
        empty.write_text("[]")
        import_annotations(db, empty)


# --- Hypothesis ---------------------------------------------------------------------------------

FLOOD = (
    "Flood 😃 report\n\n"
    "Prices rose. The council said 30 mm of rain fell overnight in the valley.\n\n"
    "Prices rose. Shops on the high street stayed shut on Tuesday.\n"
)
URL = "https://news.example/flood"


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _hypothesis_row(
    ident: str, uri: str, exact: str, start: int | None = None, **extra: Any
) -> dict[str, Any]:
    """A row shaped like Hypothesis's API and JSON export (our own fixture)."""
    path = "/main[1]/p[2]"
    selectors: list[dict[str, Any]] = [
        {
            "type": "RangeSelector",
            "startContainer": path,
            "startOffset": 0,
            "endContainer": path,
            "endOffset": 12,
        }
    ]
    if start is not None:
        end = start + len(exact)
        selectors.append(
            {"type": "TextPositionSelector", "start": _utf16(FLOOD, start), "end": _utf16(FLOOD, end)}
        )
    selectors.append({"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""})
    row = {
        "id": ident,
        "created": "2026-11-20T10:00:00.000000+00:00",
        "updated": "2026-11-20T10:05:00.000000+00:00",
        "user": "acct:mira@hypothes.is",
        "uri": uri,
        "text": "",
        "tags": [],
        "group": "__world__",
        "target": [{"source": uri, "selector": selectors}],
        "document": {"title": ["Flood report"]},
        "links": {"html": f"https://hypothes.is/a/{ident}"},
    }
    row.update(extra)
    return row


@pytest.mark.local_library_only("a newsroom signs imported notes with the importing role")
def test_hypothesis_export_joins_claims_and_adds_manual_ones(db: Database, tmp_path: Path) -> None:
    article_path = tmp_path / "flood.txt"
    article_path.write_text(FLOOD, encoding="utf-8")
    article_id = articles.import_path(db, article_path).article_id
    with db.session() as session:
        repository.get_article(session, article_id).source_url = URL
    detected = next(c for c in articles.load_article(db, article_id).claims if "30 mm" in c.text)
    second_prices = FLOOD.rindex("Prices rose.")
    rows = [
        _hypothesis_row(
            "h1", URL, detected.text, detected.start, text="Rain gauge at Ашхабад?", tags=["rain"]
        ),
        _hypothesis_row(
            "h2", URL, "Prices rose.", second_prices, text="Which prices?", tags=["prices", "rain"]
        ),
        _hypothesis_row(
            "h3", URL + "#comments", "", None, text="A note on the whole page", target=[{"source": URL}]
        ),
        _hypothesis_row("h4", "https://other.example/", "Unrelated words here.", None, text="Not ours"),
    ]
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps({"total": len(rows), "rows": rows}), encoding="utf-8")

    report = import_annotations(db, path)
    assert report.format == "hypothesis" and report.article_ids == (article_id,)
    assert (report.created, report.updated, report.unmatched, report.page_notes) == (1, 1, 1, 1)
    claims = {c.text: c for c in articles.load_article(db, article_id).claims}
    joined = claims[detected.text]
    assert joined.uid == detected.uid, "a Hypothesis id is no Claimdesk uid: the claim keeps its own"
    assert [(n.author, n.body) for n in joined.notes] == [("mira", "Rain gauge at Ашхабад?")]
    assert joined.tags == ("rain",)
    manual = claims["Prices rose."]
    assert (manual.start, manual.end, manual.origin) == (second_prices, second_prices + 12, "manual")
    assert manual.tags == ("prices", "rain") and manual.notes[0].body == "Which prices?"
    with db.session() as session:
        page_note = session.query(Note).filter(Note.article_id == article_id).one()
        assert page_note.body == "A note on the whole page"

    assert report.summary() == (
        f"Annotations (hypothesis) joined article {article_id}: 1 claims added, 1 updated, 0 unchanged, "
        "1 page notes, 1 skipped: their page is not in the library"
    )
    again = import_annotations(db, path)
    assert (again.created, again.updated, again.unchanged, again.page_notes) == (0, 0, 2, 0)


def test_a_plain_w3c_annotation_from_another_tool(db: Database, article_file: Path, tmp_path: Path) -> None:
    """No ids, a bodyValue and a quote alone: it still joins its claim, once."""
    article_id = articles.import_path(db, article_file).article_id
    claim = articles.load_article(db, article_id).claims[2]
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "bodyValue": "Ask the fishermen's union.",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "follow-up"}],
        "target": {
            "source": "https://unknown.example/",
            "selector": {"type": "TextQuoteSelector", "exact": claim.text},
        },
    }
    path = tmp_path / "plain.json"
    path.write_text(json.dumps([annotation]), encoding="utf-8")
    report = import_annotations(db, path)
    assert (report.article_ids, report.updated) == ((article_id,), 1), "found by its quote alone"
    joined = articles.load_article(db, article_id).claims[2]
    assert joined.uid == claim.uid and joined.tags == ("follow-up",)
    assert [n.body for n in joined.notes] == ["Ask the fishermen's union."]
    assert import_annotations(db, path).unchanged == 1
