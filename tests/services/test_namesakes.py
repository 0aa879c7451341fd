"""Two different articles that share a file name stay two articles; the same story changed is a version."""

from __future__ import annotations

from pathlib import Path

from app.domain.similarity import kept_share, same_story
from app.services import articles
from app.storage.database import Database

HARBOUR = (
    "Harbour dredging halted after survey\n\n"
    "Dredging in the north harbour stopped on Monday, according to the port authority.\n\n"
    "The authority said the survey found 14 unexploded shells on the seabed.\n\n"
    "Fishermen reportedly saw divers in the area for weeks before the halt.\n"
)
COUNCIL = (
    "Council votes to close the old library\n\n"
    "The city council voted 7 to 4 on Tuesday to close the library on Mill Street, the mayor said.\n\n"
    "Residents collected 3,200 signatures against the closure, organisers told reporters.\n\n"
    "The building will be sold next year, according to a council spokesperson.\n"
)


def _story(folder: Path, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "story.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_another_story_under_the_same_name_is_a_new_article(db: Database, tmp_path: Path) -> None:
    first = articles.import_path(db, _story(tmp_path / "monday", HARBOUR))
    second = articles.import_path(db, _story(tmp_path / "tuesday", COUNCIL))
    assert second.created and second.article_id != first.article_id
    assert second.namesake == first.article_id and second.new_version is None
    assert articles.load_article(db, first.article_id).text.startswith("Harbour dredging")
    assert len(articles.list_articles(db)) == 2


def test_the_same_story_changed_is_a_new_version(db: Database, tmp_path: Path) -> None:
    first = articles.import_path(db, _story(tmp_path / "a", HARBOUR))
    changed = HARBOUR.replace("14 unexploded", "15 unexploded") + "\nThe port reopens on Friday.\n"
    again = articles.import_path(db, _story(tmp_path / "b", changed))
    assert again.article_id == first.article_id and again.new_version is not None
    assert again.namesake is None
    assert len(articles.list_articles(db)) == 1


def test_a_batch_says_which_files_were_kept_apart(db: Database, tmp_path: Path) -> None:
    articles.import_path(db, _story(tmp_path / "a", HARBOUR))
    report = articles.import_files(db, [_story(tmp_path / "b", COUNCIL)])
    assert len(report.namesakes) == 1 and "same file name but another text" in report.summary()


def test_kept_share_measures_the_shorter_texts_words_kept_in_order() -> None:
    assert kept_share(HARBOUR, HARBOUR) == 1.0
    assert kept_share(HARBOUR, COUNCIL) < 0.1
    assert same_story(HARBOUR, HARBOUR + "\nA paragraph added at the end, with new facts in it.\n")
    assert not same_story(HARBOUR, COUNCIL)
    assert kept_share("", "") == 1.0 and kept_share("one", "two") == 0.0
    assert kept_share("one two", "three four") == 0.0


def test_word_order_tells_two_stories_on_one_template_apart() -> None:
    questions = "What do you think of the plan? Why are you standing? What would you change first?"
    one = f"{questions} The roads. Because nobody listens to the farmers. The bridge at Ashford."
    two = f"{questions} Schools, then clinics. I was asked to run by my union. The water rates."
    shuffled = " ".join(reversed(one.split()))
    assert not same_story(one, two)
    assert kept_share(one, shuffled) < 0.2, "the same words in another order are another text"
