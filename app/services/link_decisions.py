"""A journalist's word on links: "not the same claim", or the same claim linked by hand (issue 20).

The matcher links claims by their words (app/domain/claim_links.py). Measured on articles labelled
blind it misses most paraphrases and links some claims of one topic that state different facts, so
the person checking has the last word: a link they take away stays away, and a claim they link by
hand stays linked, whatever the matcher says later. `app.services.claim_links` applies these to
every link it gives (the editor, the claims list grouped by linked claim, the memo).

One row per pair (app/storage/models.py `LinkDecision`), written in one transaction; a new word
on a pair replaces the row, and `undecide` puts the earlier word back (the undo stack's step).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from app.errors import ClaimdeskError
from app.storage import repository
from app.storage.database import Database
from app.storage.models import LinkDecision, utcnow


@dataclass(frozen=True, slots=True)
class Decided:
    """What `decide` did to a pair: enough to put the earlier word back."""

    claim_id: int
    other_id: int
    same: bool
    before: bool | None  # the earlier word on the pair (None: the matcher's)


def _pair(claim_id: int, other_id: int) -> tuple[int, int]:
    return (claim_id, other_id) if claim_id < other_id else (other_id, claim_id)


def decide(db: Database, claim_id: int, other_id: int, same: bool, author: str | None = None) -> Decided:
    """Record that two claims of two articles are (or are not) the same claim."""
    low, high = _pair(claim_id, other_id)
    with db.session() as session:
        first, second = repository.get_claim(session, low), repository.get_claim(session, high)
        if first.article_id == second.article_id:
            raise ClaimdeskError("Both claims are in the same article: links are between articles")
        row = _row(session, low, high)
        before = None if row is None else row.same
        if row is None:
            row = LinkDecision(claim_id=low, other_id=high)
            session.add(row)
        row.same = same
        row.author = repository.signed(session, author)
        row.decided_at = utcnow()
    return Decided(claim_id, other_id, same, before)


def undecide(db: Database, done: Decided, author: str | None = None) -> None:
    """Put back the word on the pair from before `done` (the matcher's, when there was none)."""
    low, high = _pair(done.claim_id, done.other_id)
    if done.before is None:
        with db.session() as session:
            session.execute(
                delete(LinkDecision).where(LinkDecision.claim_id == low, LinkDecision.other_id == high)
            )
        return
    decide(db, done.claim_id, done.other_id, done.before, author)


def _row(session: Session, low: int, high: int) -> LinkDecision | None:
    return session.scalars(
        select(LinkDecision).where(LinkDecision.claim_id == low, LinkDecision.other_id == high)
    ).first()


def decisions_for(session: Session, claim_ids: Iterable[int]) -> dict[int, dict[int, bool]]:
    """claim id -> {the other claim: the same or not}, for the decisions that name these claims."""
    ids = sorted(set(claim_ids))
    out: dict[int, dict[int, bool]] = {}
    for i in range(0, len(ids), 450):  # two IN lists per query: under SQLite's bound-parameter limit
        batch = ids[i : i + 450]
        rows = session.execute(
            select(LinkDecision.claim_id, LinkDecision.other_id, LinkDecision.same).where(
                or_(LinkDecision.claim_id.in_(batch), LinkDecision.other_id.in_(batch))
            )
        )
        for low, high, same in rows:
            out.setdefault(low, {})[high] = same
            out.setdefault(high, {})[low] = same
    return out


def every_decision(session: Session) -> list[tuple[int, int, bool]]:
    """All the library's decisions as (lower claim id, higher claim id, the same or not)."""
    rows = session.execute(select(LinkDecision.claim_id, LinkDecision.other_id, LinkDecision.same))
    return [(low, high, same) for low, high, same in rows]
