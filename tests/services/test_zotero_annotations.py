"""Zotero 7 annotations of a saved snapshot become claims and notes (app/services/zotero_annotations.py).

The records are our own, in the two shapes Zotero gives them: its web API's items (annotation fields
prefixed `annotation`, the position a JSON string, an attachment item with the snapshot's URL) and
its reader's export (a CSS selector refined by a position inside the element, the quote as `text`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.services import articles
from app.services.annotations import import_annotations
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Note

URL = "https://news.example/2026/11/ferry-cuts"
STORY = (
    "Ferry timetable cut after fuel costs rise\n\n"
    "The island ferry will sail four times a day instead of six from March, the operator said on Tuesday.\n\n"
    "Fuel costs rose by 38 percent last year, according to the company's annual report.\n\n"
    "Residents collected 2,400 signatures against the cut within a week, a campaign group said.\n"
)


def _story(db: Database, tmp_path: Path) -> int:
    path = tmp_path / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    article_id = articles.import_path(db, path).article_id
    with db.session() as session:
        repository.get_article(session, article_id).source_url = URL
    return article_id


def _api_item(
    key: str, kind: str, text: str, comment: str, position: dict[str, Any], **more: Any
) -> dict[str, Any]:
    return {
        "key": key,
        "version": 41,
        "library": {"type": "user", "id": 7},
        "data": {
            "key": key,
            "itemType": "annotation",
            "parentItem": "SNAP0001",
            "annotationType": kind,
            "annotationAuthorName": "",
            "annotationText": text,
            "annotationComment": comment,
            "annotationColor": "#ffd400",
            "annotationPageLabel": "",
            "annotationSortIndex": "00001234",
            "annotationPosition": json.dumps(position),
            "tags": more.get("tags", []),
            "dateAdded": "2026-11-20T09:15:00Z",
            "dateModified": more.get("modified", "2026-11-20T09:16:00Z"),
        },
    }


def _attachment() -> dict[str, Any]:
    return {
        "key": "SNAP0001",
        "data": {
            "key": "SNAP0001",
            "itemType": "attachment",
            "linkMode": "imported_url",
            "contentType": "text/html",
            "title": "Snapshot",
            "url": URL,
            "tags": [],
            "dateAdded": "2026-11-20T09:00:00Z",
            "dateModified": "2026-11-20T09:00:00Z",
        },
    }


def test_web_api_items_join_the_snapshots_article(db: Database, tmp_path: Path) -> None:
    article_id = _story(db, tmp_path)
    detected = next(c for c in articles.load_article(db, article_id).claims if "38 percent" in c.text)
    quote_selector = {
        "type": "CssSelector",
        "value": "article > p:nth-child(3)",
        "refinedBy": {
            "type": "TextQuoteSelector",
            "exact": detected.text,
            "prefix": "from March, the operator said on Tuesday.\n\n",
            "suffix": "\n\nResidents",
        },
    }
    within_element = {
        "type": "CssSelector",
        "value": "p:last-child",
        "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 40},
    }
    fuel_tags = [{"tag": "fuel"}, {"tag": "figures", "type": 1}]
    h1 = {"type": "CssSelector", "value": "h1"}
    items = [
        _attachment(),
        _api_item("ANN00001", "highlight", detected.text, "Check the annual report, p. 12", quote_selector,
                  tags=fuel_tags),
        _api_item("ANN00002", "underline", "Residents collected 2,400 signatures\n\n", "Who counted them?",
                  within_element),
        _api_item("ANN00003", "note", "", "Call the operator's press office", h1),
        _api_item("ANN00004", "image", "", "", {"type": "CssSelector", "value": "img"}),
    ]  # fmt: skip
    path = tmp_path / "zotero.json"
    path.write_text(json.dumps(items), encoding="utf-8")

    report = import_annotations(db, path)
    assert report.format == "zotero" and report.article_ids == (article_id,)
    assert (report.created, report.updated, report.orphans, report.page_notes) == (1, 1, 0, 1)
    claims = {c.text: c for c in articles.load_article(db, article_id).claims}
    joined = claims[detected.text]
    assert joined.uid == detected.uid
    assert [n.body for n in joined.notes] == ["Check the annual report, p. 12"]
    assert set(joined.tags) == {"fuel", "figures"}
    manual = claims["Residents collected 2,400 signatures"]
    assert manual.origin == "manual" and STORY.count(manual.text) == 1
    assert [n.body for n in manual.notes] == ["Who counted them?"]
    with db.session() as session:
        assert session.query(Note).filter(Note.article_id == article_id).one().body == (
            "Call the operator's press office"
        )

    again = import_annotations(db, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2), "a second import changes nothing"


def test_the_readers_export_is_matched_by_its_quotes(db: Database, tmp_path: Path) -> None:
    """No URL in the reader's shape: the article holding the quoted words is the one joined."""
    article_id = _story(db, tmp_path)
    records = [
        {
            "type": "highlight",
            "color": "#5fb236",
            "sortIndex": "00000120",
            "position": {
                "type": "CssSelector",
                "value": "#content > p:nth-child(2)",
                "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 64},
            },
            "text": "The island ferry will sail four times a day instead of six from March\n",
            "pageLabel": "",
            "comment": "Timetable on the operator's site still says six",
            "tags": [{"name": "timetable", "color": "#ff6666"}],
            "id": "QW12ER34",
            "dateCreated": "2026-11-21T08:00:00.000Z",
            "dateModified": "2026-11-21T08:05:00.000Z",
            "authorName": "Ines",
            "isAuthorNameAuthoritative": True,
        }
    ]
    path = tmp_path / "reader.json"
    path.write_text(json.dumps(records), encoding="utf-8")

    report = import_annotations(db, path)
    assert report.format == "zotero" and report.article_ids == (article_id,) and report.created == 1
    claim = next(c for c in articles.load_article(db, article_id).claims if c.origin == "manual")
    assert claim.text == "The island ferry will sail four times a day instead of six from March"
    assert claim.tags == ("timetable",)
    assert [(n.author, n.body) for n in claim.notes] == [
        ("Ines", "Timetable on the operator's site still says six")
    ]


def test_other_exports_are_not_taken_for_zotero() -> None:
    from app.services.zotero_annotations import read_zotero

    hypothesis = [{"id": "h1", "uri": URL, "text": "note", "target": [{"source": URL}]}]
    w3c = {"type": "AnnotationCollection", "first": {"items": []}}
    assert read_zotero(hypothesis) is None and read_zotero(w3c) is None and read_zotero([]) is None
