"""Claim links through the services, on a real database: our own stories of tests/data/claim_links
imported as a journalist would, their outlets and dates set in Properties (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ClaimdeskError
from app.services import articles, claim_links, claims, evidence, library
from app.storage.database import Database
from tests.claim_links_story import DATA, claim_with, import_story, import_story_file


@pytest.fixture
def story(db: Database) -> list[int]:
    return import_story(db)


def _import(db: Database, name: str) -> int:
    return import_story_file(db, name)


_claim = claim_with


def test_the_burned_area_is_one_claim_in_five_articles(db: Database, story: list[int]) -> None:
    area = _claim(db, story[0], "110 square kilometres")
    links = claim_links.links_for_claim(db, area)
    assert {c.article_id for c in links.linked} == set(story[1:])
    assert links.headline() == "Also in 4 articles; first: this article, 2024-07-02"
    assert [c.date for c in links.linked] == sorted(c.date for c in links.linked)


def test_the_figures_that_disagree_are_named_with_their_sources_and_dates(
    db: Database, story: list[int]
) -> None:
    links = claim_links.links_for_claim(db, _claim(db, story[0], "110 square kilometres"))
    lines = [clash.text() for clash in links.clashes]
    assert (
        "figures disagree: 110 square kilometres (the regional fire service, 2024-07-02) vs "
        "160 square kilometres (The Valdora Courier, 2024-07-03)"
    ) in lines
    assert not any("110 square kilometres (the Courier" in line for line in lines)  # a4 agrees with a1


def test_chains_join_across_outlets_and_lead_to_one_source(db: Database, story: list[int]) -> None:
    links = claim_links.links_for_claim(db, _claim(db, story[2], "160 square kilometres"))
    assert (
        "Metro Wire \u2190 the Northern Daily \u2190 The Valdora Courier \u2190 the regional fire service"
        in links.chains()
    )
    assert links.origin.name == "the regional fire service"
    assert links.origin.date == "2024-07-02"  # the earliest article that names it
    assert links.origin.summary().startswith("5 articles, 2 origins: the regional fire service (2024-07-02)")


def test_claims_of_one_article_are_not_linked_to_each_other(db: Database, story: list[int]) -> None:
    for links in claim_links.links_for_article(db, story[0]).values():
        assert story[0] not in {c.article_id for c in links.linked}


def test_an_article_imported_later_is_linked_without_a_call_of_its_own(db: Database) -> None:
    first = [_import(db, f"story_a{n}.txt") for n in (1, 2, 3)]
    area = _claim(db, first[0], "110 square kilometres")
    assert len(claim_links.links_for_claim(db, area).linked) == 2  # the index is built now
    later = _import(db, "story_a4.txt")
    assert later in {c.article_id for c in claim_links.links_for_claim(db, area).linked}
    again = claim_links.links_for_claim(db, _claim(db, later, "110 square kilometres"))
    assert {c.article_id for c in again.linked} == set(first)
    assert again.origin.name == "the regional fire service"


def test_dismissed_claims_and_trashed_articles_drop_out(db: Database, story: list[int]) -> None:
    area = _claim(db, story[0], "110 square kilometres")
    assert len(claim_links.links_for_claim(db, area).linked) == 4
    claims.dismiss_claim(db, _claim(db, story[1], "160 square kilometres"))
    library.move_to_trash(db, [story[2]])
    assert {c.article_id for c in claim_links.links_for_claim(db, area).linked} == {story[3], story[4]}
    claims.restore_claim(db, _claim(db, story[1], "160 square kilometres"))
    assert story[1] in {c.article_id for c in claim_links.links_for_claim(db, area).linked}


def test_groups_of_the_whole_library(db: Database, story: list[int]) -> None:
    groups = claim_links.linked_groups(db)
    area = [
        _claim(db, a, w)
        for a, w in zip(story, ["110 sq", "160 sq", "160 sq", "110 sq", "100 sq"], strict=True)
    ]
    assert len({groups[c] for c in area}) == 1


def test_a_verdict_is_carried_with_its_reason_and_evidence(db: Database, story: list[int]) -> None:
    area = _claim(db, story[0], "110 square kilometres")
    target = _claim(db, story[3], "110 square kilometres")
    claims.set_status(db, area, "false", reason="Satellite images show 64 square kilometres burned")
    evidence.add_link(db, area, "https://example.org/satellite", note="Burn scar map")
    done = claim_links.carry_verdict(db, area, [target], author="Rita")
    assert done.changed == (target,) and done.evidence_copied == 1
    carried = claims.load_claim(db, target)
    assert carried.status == "false"
    step = carried.history[-1]
    assert step.author == "Rita"
    assert step.reason.startswith(
        "carried from Valdora Courier (2024-07-02), \u201cA wildfire that broke out"
    )
    assert step.reason.endswith(": Satellite images show 64 square kilometres burned")
    assert [(e.reference, e.note, e.author) for e in carried.evidence] == [
        ("https://example.org/satellite", "Burn scar map\n(carried from Valdora Courier)", "Rita")
    ]
    with pytest.raises(ClaimdeskError, match="nothing carried"):
        claim_links.carry_verdict(db, area, [target])  # the same again: nothing to do


def test_only_linked_claims_receive_a_verdict_and_a_refusal_changes_nothing(
    db: Database, story: list[int]
) -> None:
    area = _claim(db, story[0], "110 square kilometres")
    linked = _claim(db, story[3], "110 square kilometres")
    stranger = _claim(db, story[2], "Tourism operators")
    with pytest.raises(ClaimdeskError, match="no verdict yet"):
        claim_links.carry_verdict(db, area, [linked])
    claims.set_status(db, area, "verified", reason="The fire service's map")
    with pytest.raises(ClaimdeskError, match="not linked"):
        claim_links.carry_verdict(db, area, [linked, stranger])
    assert claims.load_claim(db, linked).status == "unreviewed"
    assert claims.load_claim(db, stranger).status == "unreviewed"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-07-02T10:00:00Z", "2024-07-02"),
        ("July 2, 2024", "2024-07-02"),
        ("2 July 2024", "2024-07-02"),
        ("last week", "2026-01-05"),
    ],
)
def test_an_article_date_is_read_when_it_can_be(published: str, expected: str) -> None:
    from datetime import UTC, datetime

    assert claim_links.article_date(published, datetime(2026, 1, 5, 12, tzinfo=UTC)) == expected


def test_a_new_version_of_an_article_is_linked_as_it_now_reads(db: Database, tmp_path: Path) -> None:
    story = [import_story_file(db, f"story_a{n}.txt") for n in (1, 2, 3, 5)]
    area = _claim(db, story[0], "110 square kilometres")
    copy = tmp_path / "story_a4.txt"
    copy.write_text((DATA / "story_a4.txt").read_text(encoding="utf-8"), encoding="utf-8")
    later = articles.import_path(db, copy).article_id
    assert not [c for c in claim_links.links_for_claim(db, area).clashes if c.theirs_source == "the Courier"]
    copy.write_text(copy.read_text(encoding="utf-8").replace("110 square", "160 square"), encoding="utf-8")
    assert articles.import_path(db, copy).new_version is not None
    found = claim_links.links_for_claim(db, area)
    assert "The blaze has destroyed 160 square kilometres of forest, the Courier said." in [
        c.text for c in found.linked if c.article_id == later
    ]
    assert [c.theirs for c in found.clashes if c.theirs_source == "the Courier"] == ["160 square kilometres"]


def test_a_claim_reworded_into_another_leaves_the_links(db: Database, tmp_path: Path) -> None:
    story = [import_story_file(db, f"story_a{n}.txt") for n in (1, 2, 3, 5)]
    area = _claim(db, story[0], "110 square kilometres")
    copy = tmp_path / "story_a4.txt"
    copy.write_text((DATA / "story_a4.txt").read_text(encoding="utf-8"), encoding="utf-8")
    later = articles.import_path(db, copy).article_id
    assert later in {c.article_id for c in claim_links.links_for_claim(db, area).linked}
    reworded = "The blaze has destroyed 110 square kilometres of forest"
    text = copy.read_text(encoding="utf-8").replace(reworded, "Schools in the district will reopen on Monday")
    copy.write_text(text, encoding="utf-8")
    assert articles.import_path(db, copy).new_version is not None
    assert later not in {c.article_id for c in claim_links.links_for_claim(db, area).linked}


def test_a_write_never_waits_for_the_index(db: Database, story: list[int]) -> None:
    """While a worker holds the index (a newsroom library takes seconds to index), a status key
    still commits at once: the writes only note what changed, under a lock of their own."""
    import threading

    from app.services.claim_links import _library

    area = _claim(db, story[0], "110 square kilometres")
    claim_links.links_for_claim(db, area)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with _library(db.engine).lock:
            held.set()
            release.wait(10)

    worker = threading.Thread(target=hold)
    worker.start()
    try:
        assert held.wait(5)
        done = threading.Event()

        def write() -> None:
            claims.set_status(db, area, "in_progress")
            done.set()

        writer = threading.Thread(target=write)
        writer.start()
        assert done.wait(5), "the status change waited for the index"
    finally:
        release.set()
        worker.join()
    assert claims.load_claim(db, area).status == "in_progress"
