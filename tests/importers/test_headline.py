"""The title guessed for a text with none of its own: a first line that reads as a headline."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.importers import import_file
from app.importers.headline import headline_of
from app.services import articles
from app.storage.database import Database


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Council approves new harbour budget", "Council approves new harbour budget"),
        ("Is the dam safe after the flood?", "Is the dam safe after the flood?"),
        ("Рада ухвалила бюджет на 2025 рік", "Рада ухвалила бюджет на 2025 рік"),
        ("  Ferry   strike ends  ", "Ferry strike ends"),
    ],
)
def test_a_short_first_line_without_a_full_stop_is_the_title(first_line: str, title: str) -> None:
    assert headline_of(f"\n{first_line}\n\nThe body of the story, said officials on Monday.\n") == title


@pytest.mark.parametrize(
    "first_line",
    [
        "The council approved a budget of 4 million on Tuesday.",  # a sentence
        "By Jane Roe",  # a byline
        "Від Олени Петренко",
        "KYIV, March 3 (Reuters) - The council met",  # a dateline
        "LONDON — Ministers met",
        "Monday, 4 March 2024",  # a date
        "Updated 12:30",
        "https://example.com/story",
        "Budget",  # one word says too little
        "Officials said the harbour would reopen once the survey of the seabed was finished and the "
        "divers had left the area for good",  # a paragraph, not a headline
    ],
)
def test_what_does_not_read_as_a_headline_is_no_title(first_line: str) -> None:
    assert headline_of(f"{first_line}\n\nThe body of the story.\n") is None


def test_a_text_file_is_titled_by_its_headline_else_by_its_name(tmp_path: Path, db: Database) -> None:
    headed = tmp_path / "draft_03.txt"
    headed.write_text("Harbour reopens after survey\nThe port said it reopened on Monday.\n", "utf-8")
    plain = tmp_path / "notes_from_call.txt"
    plain.write_text("The port said it reopened on Monday.\n\nDivers left.\n", encoding="utf-8")
    assert import_file(headed).title == "Harbour reopens after survey"
    stored = articles.load_article(db, articles.import_path(db, headed).article_id)
    assert stored.title == "Harbour reopens after survey"
    fallback = articles.load_article(db, articles.import_path(db, plain).article_id)
    assert fallback.title == "notes from call"


def test_pasted_text_gets_the_same_guess(db: Database) -> None:
    result = articles.import_text(db, "Mayor resigns over bridge costs\n\nThe mayor said he would go.\n")
    assert articles.load_article(db, result.article_id).title == "Mayor resigns over bridge costs"
