"""A journalist's word on links, on a real database: a link taken away stays away, a paraphrase
linked by hand stays linked, in the editor's links, the grouped claims list and carried verdicts
(issue 20)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import ClaimdeskError
from app.services import claim_links, claims, library, link_decisions
from app.storage.database import Database
from app.storage.models import Article, Claim, LinkDecision
from tests.claim_links_story import claim_with, import_story


@pytest.fixture
def story(db: Database) -> list[int]:
    return import_story(db)


def _linked(db: Database, claim_id: int) -> set[int]:
    return {c.claim_id for c in claim_links.links_for_claim(db, claim_id).linked}


def _missed(db: Database, story: list[int]) -> tuple[int, int]:
    """The firefighters on the blaze, as the Courier and the forestry agency count them: the same
    claim (labelled so in tests/data/claim_links), in words the matcher does not link."""
    return claim_with(db, story[0], "six water-bombing"), claim_with(db, story[4], "1,500 firefighters")


def _decisions(db: Database) -> int:
    with db.session(reading=True) as session:
        return int(session.scalar(select(func.count()).select_from(LinkDecision)) or 0)


def test_a_link_taken_away_is_gone_from_both_claims_and_the_rest_stay(db: Database, story: list[int]) -> None:
    area, larger = claim_with(db, story[0], "110 square kilometres"), claim_with(db, story[1], "160 square")
    assert larger in _linked(db, area)
    before = _linked(db, area)
    link_decisions.decide(db, larger, area, same=False)
    assert _linked(db, area) == before - {larger}
    assert area not in _linked(db, larger)
    assert larger not in {c for c, _ in claim_links.matches_of(db, [area])[area]}


def test_a_paraphrase_linked_by_hand_is_linked_both_ways_and_says_so(db: Database, story: list[int]) -> None:
    crews, deployed = _missed(db, story)
    assert deployed not in _linked(db, crews)  # the matcher misses it
    before = claim_links.links_for_claim(db, crews).articles
    link_decisions.decide(db, crews, deployed, same=True)
    mine = claim_links.links_for_claim(db, crews)
    assert {c.claim_id for c in mine.linked if c.by_hand} == {deployed}
    assert mine.articles == before + 1  # counted with the others
    theirs = claim_links.links_for_claim(db, deployed)
    assert {c.claim_id for c in theirs.linked if c.by_hand} == {crews}


def test_the_matchers_own_links_are_not_marked_by_hand(db: Database, story: list[int]) -> None:
    area = claim_with(db, story[0], "110 square kilometres")
    assert not any(c.by_hand for c in claim_links.links_for_claim(db, area).linked)


def test_undoing_a_word_puts_back_the_one_before_it(db: Database, story: list[int]) -> None:
    area, larger = claim_with(db, story[0], "110 square kilometres"), claim_with(db, story[1], "160 square")
    first = link_decisions.decide(db, area, larger, same=True)
    assert first.before is None
    second = link_decisions.decide(db, area, larger, same=False)
    assert second.before is True and _decisions(db) == 1  # one row per pair, replaced
    assert larger not in _linked(db, area)
    link_decisions.undecide(db, second)
    assert [c.by_hand for c in claim_links.links_for_claim(db, area).linked if c.claim_id == larger] == [True]
    link_decisions.undecide(db, first)
    assert _decisions(db) == 0
    assert larger in _linked(db, area)  # the matcher's link again


def test_the_grouped_claims_list_follows_the_journalists_word(db: Database, story: list[int]) -> None:
    crews, deployed = _missed(db, story)
    area, larger = claim_with(db, story[0], "110 square kilometres"), claim_with(db, story[1], "160 square")
    groups = claim_links.linked_groups(db)
    assert crews not in groups or groups.get(deployed) != groups[crews]
    link_decisions.decide(db, crews, deployed, same=True)
    groups = claim_links.linked_groups(db)
    assert groups[crews] == groups[deployed]
    article_groups = claim_links.article_link_groups(db, story[0])
    assert any(crews in g.members for g in article_groups)
    others = {c for c in _linked(db, area)}
    assert groups[area] == groups[larger] and larger in others
    for other in others:
        link_decisions.decide(db, area, other, same=False)
    groups = claim_links.linked_groups(db)
    assert area not in groups  # linked to nothing now


def test_a_verdict_can_be_carried_to_a_claim_linked_by_hand(db: Database, story: list[int]) -> None:
    crews, deployed = _missed(db, story)
    with pytest.raises(ClaimdeskError, match="not linked"):
        claim_links.carry_verdict(db, crews, [deployed])
    link_decisions.decide(db, crews, deployed, same=True)
    claims.set_status(db, crews, "verified", "the weather service's forecast")
    done = claim_links.carry_verdict(db, crews, [deployed])
    assert done.changed == (deployed,)


def test_claims_of_one_article_cannot_be_linked(db: Database, story: list[int]) -> None:
    area, deaths = (
        claim_with(db, story[0], "110 square kilometres"),
        claim_with(db, story[0], "Two firefighters"),
    )
    with pytest.raises(ClaimdeskError, match="same article"):
        link_decisions.decide(db, area, deaths, same=True)
    assert _decisions(db) == 0


def test_a_decision_goes_with_its_claims_article_when_the_trash_is_emptied(
    db: Database, story: list[int]
) -> None:
    crews, deployed = _missed(db, story)
    link_decisions.decide(db, crews, deployed, same=True)
    assert _decisions(db) == 1
    library.move_to_trash(db, [story[4]])
    assert deployed not in _linked(db, crews)  # a trashed article's claims are linked to nothing
    library.empty_trash(db)
    assert _decisions(db) == 0


def test_words_on_links_go_with_a_copy_of_the_library_and_the_newer_wins(
    db: Database, story: list[int], tmp_path: Path
) -> None:
    from app.services.newsroom_copy import copy_library
    from app.storage.database import open_database

    crews, deployed = _missed(db, story)
    area, larger = claim_with(db, story[0], "110 square kilometres"), claim_with(db, story[1], "160 square")
    link_decisions.decide(db, crews, deployed, same=True)
    link_decisions.decide(db, area, larger, same=False)
    other = open_database(tmp_path / "other" / "claimdesk.sqlite3")
    try:
        assert copy_library(db, other).links == 2
        assert copy_library(db, other).changed_nothing()  # the second time brings nothing
        there = {c.exact: c.id for a in other_articles(other) for c in a}
        mine = claim_links.links_for_claim(other, there[_text(db, crews)])
        assert {c.claim_id for c in mine.linked if c.by_hand} == {there[_text(db, deployed)]}
        assert there[_text(db, larger)] not in _linked(other, there[_text(db, area)])
        link_decisions.decide(db, area, larger, same=True)  # a newer word at home
        assert copy_library(db, other).links == 1
        assert there[_text(db, larger)] in _linked(other, there[_text(db, area)])
    finally:
        other.close()


def other_articles(db: Database) -> list[list[Claim]]:
    with db.session(reading=True) as session:
        return [list(session.scalars(select(Claim).where(Claim.article_id == a.id))) for a in
                session.scalars(select(Article))]  # fmt: skip


def _text(db: Database, claim_id: int) -> str:
    with db.session(reading=True) as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        return claim.exact
