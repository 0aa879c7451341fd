"""Annotation files from elsewhere: bounded, every wrong field one clear line, and a note for
another page joins an article only when the page or enough of its text matches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import UnreadableFileError
from app.services import articles, claims
from app.services.annotations import MAX_FILE_BYTES, import_annotations
from app.storage.database import Database
from tests.services.test_annotations import FLOOD, URL, _hypothesis_row


def _write(tmp_path: Path, rows: object) -> Path:
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("created", "yesterday", "should be a date"),
        ("updated", 20261120, "should be a date"),
        ("tags", "one,two", "should be a list of words"),
        ("text", 42, "should be text"),
    ],
)
def test_a_wrong_type_or_date_is_one_clear_line_and_nothing_is_imported(
    db: Database, tmp_path: Path, field: str, value: object, words: str
) -> None:
    article = tmp_path / "flood.txt"
    article.write_text(FLOOD, encoding="utf-8")
    articles.import_path(db, article)
    before = [c.id for c in articles.load_article(db, 1).claims]
    row = _hypothesis_row("a1", URL, "The council said 30 mm of rain fell", **{field: value})
    with pytest.raises(UnreadableFileError, match=words) as raised:
        import_annotations(db, _write(tmp_path, [row]), article_id=1)
    message = str(raised.value)
    assert "\n" not in message and f"[0].{field}" in message and "annotations.json" in message
    assert [c.id for c in articles.load_article(db, 1).claims] == before


def test_a_negative_or_textual_offset_is_refused(db: Database, tmp_path: Path) -> None:
    row = _hypothesis_row("a1", URL, "The council said 30 mm of rain fell")
    row["target"][0]["selector"].append({"type": "TextPositionSelector", "start": "3", "end": -1})
    with pytest.raises(UnreadableFileError, match="should be a whole number"):
        import_annotations(db, _write(tmp_path, [row]))


def test_a_deeply_nested_file_is_refused_quickly(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(UnreadableFileError, match="nests deeper"):
        import_annotations(db, path)
    shallow_but_deep = tmp_path / "deep2.json"
    shallow_but_deep.write_text("[" * 60 + "]" * 60)
    with pytest.raises(UnreadableFileError, match="nests deeper"):
        import_annotations(db, shallow_but_deep)


def test_a_huge_file_is_refused_unread(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(UnreadableFileError, match="larger than"):
        import_annotations(db, path)


def test_a_note_for_another_page_does_not_join_the_open_article(db: Database, tmp_path: Path) -> None:
    article = tmp_path / "flood.txt"
    article.write_text(FLOOD, encoding="utf-8")
    article_id = articles.import_path(db, article).article_id
    elsewhere = "https://other.example/storm"
    rows = [
        _hypothesis_row("n1", elsewhere, "Nothing in this article says this", text="Not about the flood"),
        _hypothesis_row("n2", elsewhere, "Shops on the high street stayed shut", text="Same passage quoted"),
        _hypothesis_row("n3", elsewhere, "", text="A page note about another page"),
    ]
    rows[2]["target"] = [{"source": elsewhere}]
    report = import_annotations(db, _write(tmp_path, rows), article_id=article_id)
    assert report.unmatched == 2
    listed = articles.load_article(db, article_id).claims
    assert [n.body for c in listed for n in claims.load_claim(db, c.id).notes] == ["Same passage quoted"]
    assert report.page_notes == 0, "a page note about another page is not put on this one"
