"""An article's claims grouped by where else they are made, and a carried verdict taken back (issue
20), through the services on a real database: our own linked story (tests/claim_links_story.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import articles, claim_links, claims, evidence
from app.storage.database import Database
from tests.claim_links_story import claim_with, import_story, import_story_file


@pytest.fixture
def story(db: Database) -> list[int]:
    return import_story(db)


# ---- groups of one article ------------------------------------------------------------------


def test_each_group_says_how_many_articles_and_which_first_as_the_claims_own_links_do(
    db: Database, story: list[int]
) -> None:
    for article_id in story:
        groups = claim_links.article_link_groups(db, article_id)
        assert groups, "every article of the story repeats something"
        for group in groups:
            assert group.key == min(group.members)
            (member,) = group.members  # no article of the story says one thing twice
            links = claim_links.links_for_claim(db, member)
            assert group.articles == links.articles
            first = "this article" if group.first_is_here else group.first_where
            assert (
                links.headline()
                == f"Also in {group.articles} article"
                + ("s" if group.articles != 1 else "")
                + f"; first: {first}, {group.first_date}"
            )


def test_the_area_burned_is_first_in_the_courier_and_in_four_more_articles(
    db: Database, story: list[int]
) -> None:
    area = claim_with(db, story[2], "160 square kilometres")
    (group,) = [g for g in claim_links.article_link_groups(db, story[2]) if area in g.members]
    assert (group.articles, group.first_where, group.first_date, group.first_is_here) == (
        4,
        "Valdora Courier",
        "2024-07-02",
        False,
    )
    grouped = {m for g in claim_links.article_link_groups(db, story[2]) for m in g.members}
    assert claim_with(db, story[2], "Tourism operators") not in grouped, "made nowhere else"
    first = claim_links.article_link_groups(db, story[0])
    assert all(g.first_is_here and g.first_date == "2024-07-02" for g in first), "the Courier was first"


def test_two_claims_of_an_article_that_are_one_claim_elsewhere_share_a_group(
    db: Database, tmp_path: Path
) -> None:
    courier = import_story_file(db, "story_a1.txt")
    recap = tmp_path / "recap.txt"
    recap.write_text(
        "Valdora fire: a recap\n\n"
        "The wildfire in the Valdora hills has burned 110 square kilometres of forest, the regional "
        "fire service said on Monday.\n\n"
        "On Tuesday the fire service repeated that 110 square kilometres of forest in the Valdora "
        "hills had burned since Sunday.\n\n"
        "A new bridge opened in the capital on Wednesday, the mayor said.\n",
        encoding="utf-8",
    )
    article_id = articles.import_path(db, recap).article_id
    said, repeated = claim_with(db, article_id, "regional fire"), claim_with(db, article_id, "repeated")
    (group,) = claim_links.article_link_groups(db, article_id)
    assert group.members == (said, repeated)
    assert (group.articles, group.first_where) == (1, "Valdora Courier")
    assert courier not in (said, repeated)


# ---- a carried verdict taken back -----------------------------------------------------------


def _carried(db: Database, story: list[int]) -> tuple[int, list[int], claim_links.Carried]:
    area = claim_with(db, story[0], "110 square kilometres")
    targets = [claim_with(db, story[3], "110 square kilometres"), claim_with(db, story[1], "160 square")]
    claims.set_status(db, targets[1], "in_progress", "Asked the fire service")
    claims.set_status(db, area, "false", reason="Satellite images show 64 square kilometres burned")
    evidence.add_link(db, area, "https://example.org/satellite", note="Burn scar map")
    return area, targets, claim_links.carry_verdict(db, area, targets, author="Rita")


def test_an_undone_carry_puts_every_claim_back_and_the_history_keeps_both_steps(
    db: Database, story: list[int]
) -> None:
    area, targets, done = _carried(db, story)
    assert [claims.load_claim(db, t).status for t in targets] == ["false", "false"]
    back = claim_links.carry_back(db, done, author="Rita")
    assert [claims.load_claim(db, t).status for t in targets] == ["unreviewed", "in_progress"]
    assert back.left == () and set(back.changed) == set(targets) and back.undone
    for target in targets:
        claim = claims.load_claim(db, target)
        carried, undone = claim.history[-2:]
        assert carried.new_status == "false" and carried.reason.startswith("carried from Valdora Courier")
        assert undone.new_status == claim.status and undone.reason == f"Undone: {done.reason}"
        assert claim.evidence == (), "the copies are taken off"
    assert claims.load_claim(db, area).status == "false", "the claim it came from keeps its verdict"
    again = claim_links.carry_back(db, back)  # redo
    assert [claims.load_claim(db, t).status for t in targets] == ["false", "false"]
    assert [len(claims.load_claim(db, t).evidence) for t in targets] == [1, 1]
    assert claims.load_claim(db, targets[0]).history[-1].reason == done.reason
    assert not again.undone and len(claims.load_claim(db, targets[0]).history) == 3


def test_a_claim_changed_since_is_left_as_it_was_set_and_named(db: Database, story: list[int]) -> None:
    _area, (kept, changed), done = _carried(db, story)
    claims.set_status(db, changed, "verified", "The Daily's own reporter saw the burn scar", author="Anna")
    back = claim_links.carry_back(db, done)
    assert claims.load_claim(db, kept).status == "unreviewed"
    assert claims.load_claim(db, changed).status == "verified", "Anna's decision stands"
    assert [(c.claim_id, c.where, c.status, c.by) for c in back.left] == [
        (changed, "Northern Daily", "verified", "Anna")
    ]
    assert len(claims.load_claim(db, changed).evidence) == 1, "its copy is left too"
    assert back.changed == (kept,)


def test_an_edited_copy_of_the_evidence_is_someone_elses_work_and_stays(
    db: Database, story: list[int]
) -> None:
    _area, (first, second), done = _carried(db, story)
    (copy,) = claims.load_claim(db, first).evidence
    evidence.edit_evidence(db, copy.id, note="Checked the map myself")
    back = claim_links.carry_back(db, done)
    assert [c.claim_id for c in back.left] == [first]
    assert claims.load_claim(db, first).status == "false"
    assert claims.load_claim(db, second).status == "in_progress"


def test_a_claim_that_had_the_verdict_already_only_loses_the_copies(db: Database, story: list[int]) -> None:
    area = claim_with(db, story[0], "110 square kilometres")
    target = claim_with(db, story[3], "110 square kilometres")
    claims.set_status(db, area, "false", reason="Satellite images")
    claims.set_status(db, target, "false", reason="Our own map")
    evidence.add_link(db, area, "https://example.org/satellite")
    done = claim_links.carry_verdict(db, area, [target])
    assert done.unchanged == (target,) and done.evidence_copied == 1
    claim_links.carry_back(db, done)
    claim = claims.load_claim(db, target)
    assert claim.status == "false" and claim.history[-1].reason == "Our own map", "no status step"
    assert claim.evidence == ()
