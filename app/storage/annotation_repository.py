"""Queries and writes for exporting and importing annotations (W3C, Hypothesis).

Kept apart from repository.py: these find things by their public identity (a uid, a URL, the text
itself) and write rows with times and uids given by another database, not by this one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.models import Article, Claim, Evidence, Note, StatusChange


def text_digest(text: str) -> str:
    """sha256 of an article's normalised text: the same text has it in every database."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claim_created_times(session: Session, article_id: int) -> dict[int, datetime]:
    """When each claim of an article was created (records leave it out; W3C `created` needs it)."""
    query = select(Claim.id, Claim.created_at).where(Claim.article_id == article_id)
    return {claim_id: created for claim_id, created in session.execute(query)}


def find_articles_by_url(session: Session, url: str) -> list[Article]:
    """Articles whose source URL is `url`, ignoring a fragment and a trailing slash."""
    wanted = _plain_url(url)
    if not wanted:
        return []
    query = select(Article).where(Article.source_url.is_not(None)).order_by(Article.id)
    return [a for a in session.scalars(query) if _plain_url(a.source_url or "") == wanted]


def find_articles_by_text_digest(session: Session, digest: str) -> list[Article]:
    return [a for a in _all_articles(session) if text_digest(a.text) == digest]


def find_articles_containing(session: Session, passages: Iterable[str]) -> list[Article]:
    """Articles whose text contains every passage (the last way to recognise an article)."""
    wanted = [p for p in passages if p]
    if not wanted:
        return []
    return [a for a in _all_articles(session) if all(p in a.text for p in wanted)]


def find_claim_by_uid(session: Session, uid: str) -> Claim | None:
    return session.scalars(select(Claim).where(Claim.uid == uid)).first()


def find_claim_at(session: Session, article_id: int, start: int, end: int) -> Claim | None:
    query = select(Claim).where(Claim.article_id == article_id, Claim.start == start, Claim.end == end)
    return session.scalars(query.order_by(Claim.id).limit(1)).first()


def uid_in_use(session: Session, model: type[Claim] | type[Note] | type[Evidence], uid: str) -> bool:
    return session.scalar(select(model.id).where(model.uid == uid).limit(1)) is not None


def add_imported_note(session: Session, claim: Claim, uid: str, body: str, author: str, at: datetime) -> None:
    """A note with the uid and time it had in the database it came from."""
    session.add(Note(uid=uid, claim=claim, body=body, author=author, created_at=at, updated_at=at))


def add_article_note(
    session: Session, article: Article, uid: str, body: str, author: str, at: datetime
) -> None:
    session.add(Note(uid=uid, article=article, body=body, author=author, created_at=at, updated_at=at))


def add_imported_evidence(session: Session, claim: Claim, evidence: Evidence) -> None:
    evidence.claim = claim
    session.add(evidence)


def add_imported_status(
    session: Session, claim: Claim, new: str, reason: str, author: str, at: datetime
) -> None:
    """Append a status change dated when it was made elsewhere; history stays append-only."""
    session.add(
        StatusChange(
            claim=claim, old_status=claim.status, new_status=new, reason=reason, author=author, at=at
        )
    )
    claim.status = new


def _all_articles(session: Session) -> Iterable[Article]:
    return session.scalars(select(Article).order_by(Article.id).execution_options(yield_per=64))


def _plain_url(url: str) -> str:
    return url.strip().split("#", 1)[0].rstrip("/")
