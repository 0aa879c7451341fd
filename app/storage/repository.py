"""Queries and writes over the models; services call these inside one session each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.errors import NotFoundError
from app.storage.models import Article, Claim, Evidence, Note, StatusChange, Tag, utcnow


def get_article(session: Session, article_id: int, *, with_claims: bool = False) -> Article:
    query = select(Article).where(Article.id == article_id)
    if with_claims:
        query = query.options(
            selectinload(Article.claims).selectinload(Claim.notes),
            selectinload(Article.claims).selectinload(Claim.history),
            selectinload(Article.claims).selectinload(Claim.evidence),
            selectinload(Article.claims).selectinload(Claim.tags),
        )
    article = session.scalars(query).one_or_none()
    if article is None:
        raise NotFoundError(f"There is no article {article_id}")
    return article


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"There is no claim {claim_id}")
    return claim


def find_article_by_sha256(session: Session, sha256: str) -> Article | None:
    return session.scalars(select(Article).where(Article.sha256 == sha256).limit(1)).first()


def article_rows(session: Session) -> Sequence[tuple[Article, int]]:
    """Every article with its number of claims, newest import first."""
    counts = select(Claim.article_id, func.count(Claim.id).label("n")).group_by(Claim.article_id).subquery()
    query = (
        select(Article, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .order_by(Article.imported_at.desc(), Article.id.desc())
    )
    return [(article, int(n)) for article, n in session.execute(query)]


def count_articles(session: Session) -> int:
    return session.scalar(select(func.count(Article.id))) or 0


def last_opened_article_id(session: Session) -> int | None:
    query = select(Article.id).order_by(
        Article.last_opened_at.is_(None), Article.last_opened_at.desc(), Article.id.desc()
    )
    return session.scalars(query.limit(1)).first()


def record_status_change(session: Session, claim: Claim, new: str, reason: str, author: str) -> None:
    """Change a claim's status and append the step to its history, in the caller's transaction."""
    now = utcnow()
    session.add(
        StatusChange(
            claim=claim, old_status=claim.status, new_status=new, reason=reason, author=author, at=now
        )
    )
    claim.status = new
    claim.updated_at = now


def add_claim_note(session: Session, claim: Claim, body: str, author: str, at: datetime) -> Note:
    note = Note(claim=claim, body=body, author=author, created_at=at, updated_at=at)
    session.add(note)
    claim.updated_at = at
    session.flush()
    return note


def add_evidence(session: Session, claim: Claim, evidence: Evidence) -> Evidence:
    evidence.claim = claim
    evidence.added_at = evidence.added_at or utcnow()
    session.add(evidence)
    claim.updated_at = evidence.added_at
    session.flush()
    return evidence


def tag_named(session: Session, name: str) -> Tag:
    """The tag with this name, created on first use."""
    tag = session.scalars(select(Tag).where(Tag.name == name)).first()
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
    return tag


def all_tag_names(session: Session) -> list[str]:
    return list(session.scalars(select(Tag.name).order_by(Tag.name)))
