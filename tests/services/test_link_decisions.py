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
    assert [c.score for c in mine.linked if c.by_hand] == [claim_links.HAND_SCORE]
    assert all(0.5 < c.score <= 1.0 for c in mine.linked)
    assert (mine.claim_id, mine.article_id, mine.own_where) == (crews, story[0], "Valdora Courier")


def test_the_matchers_own_links_are_not_marked_by_hand(db: Database, story: list[int]) -> None:
    area = claim_with(db, story[0], "110 square kilometres")
    links = claim_links.links_for_claim(db, area).linked
    assert links and not any(c.by_hand for c in links)
    scores = dict(claim_links.matches_of(db, [area])[area])
    assert {c.claim_id: c.score for c in links} == {c.claim_id: scores[c.claim_id] for c in links}
    assert any(c.score < 1.0 for c in links)  # the matcher's own scores, not a stand-in


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


def test_a_word_on_one_pair_leaves_the_other_pairs_of_its_claims_alone(
    db: Database, story: list[int]
) -> None:
    """Pairs that share their lower claim, or their higher one, are rows of their own."""
    area = claim_with(db, story[0], "110 square kilometres")
    larger, later = claim_with(db, story[1], "160 square"), claim_with(db, story[2], "160 square")
    link_decisions.decide(db, area, later, same=False)
    link_decisions.undecide(db, link_decisions.decide(db, area, larger, same=True))  # the same lower claim
    link_decisions.undecide(db, link_decisions.decide(db, larger, later, same=True))  # the same higher one
    with db.session(reading=True) as session:
        assert link_decisions.every_decision(session) == [(area, later, False)]
    link_decisions.decide(db, larger, later, same=False)
    assert _decisions(db) == 2


def test_the_word_names_who_said_it_and_what_it_was(db: Database, story: list[int]) -> None:
    area, larger = claim_with(db, story[0], "110 square kilometres"), claim_with(db, story[1], "160 square")
    done = link_decisions.decide(db, area, larger, same=False, author="Ana Reporter")
    assert (done.same, done.before) == (False, None)
    again = link_decisions.decide(db, area, larger, same=True, author="Ana Reporter")
    assert (again.same, again.before) == (True, False)
    link_decisions.undecide(db, again, author="Ben Editor")
    with db.session(reading=True) as session:
        rows = session.execute(select(LinkDecision.same, LinkDecision.author)).all()
    assert [tuple(r) for r in rows] == [(False, "Ben Editor")]


def test_claims_of_one_article_are_refused_with_a_sentence_that_says_why(
    db: Database, story: list[int]
) -> None:
    area, deaths = claim_with(db, story[0], "110 square"), claim_with(db, story[0], "Two firefighters")
    with pytest.raises(ClaimdeskError) as refused:
        link_decisions.decide(db, deaths, area, same=False)
    assert str(refused.value) == "Both claims are in the same article: links are between articles"


def test_the_decisions_of_a_thousand_claims_are_read_past_the_first_batches(db: Database) -> None:
    """SQLite takes at most 999 bound parameters: the ids go in batches, and none is skipped."""
    from app.services import articles

    def article(town: str, bridges: int) -> list[int]:
        text = " ".join(f"Bridge {n} cost {n * 7} dollars in {town}." for n in range(1, bridges + 1))
        return [c.id for c in articles.load_article(db, articles.import_text(db, text).article_id).claims]

    # 450 + 451 + 5 + 2 claims: pairs at the 451st and 902nd ids, and one past the 900th
    ids = article("Avon", 450) + article("Bree", 451) + article("Cray", 5) + article("Dove", 2)
    assert len(ids) == 908
    link_decisions.decide(db, ids[450], ids[901], same=True)
    link_decisions.decide(db, ids[903], ids[907], same=False)
    with db.session(reading=True) as session:
        found = link_decisions.decisions_for(session, ids)
    assert found == {
        ids[450]: {ids[901]: True},
        ids[901]: {ids[450]: True},
        ids[903]: {ids[907]: False},
        ids[907]: {ids[903]: False},
    }
