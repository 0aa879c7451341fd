"""Queries and writes over the models; services call these inside one session each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session, selectinload

from app.config import author_name
from app.domain.records import ArticleRecord
from app.errors import NotFoundError
from app.storage.article_reader import read_article
from app.storage.models import Article, Claim, Evidence, Note, StatusChange, Tag, claim_tag, utcnow


def read_article_record(session: Session, article_id: int) -> ArticleRecord:
    """The article with its claims as records, in the reader's six queries (article_reader.py says
    why), run through the session: on any database SQLAlchemy speaks."""
    session.flush()
    record = read_article(lambda query, params: session.execute(text(query), params).all(), article_id)
    if record is None:
        raise NotFoundError(f"There is no article {article_id}")
    return record


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


def find_article_by_origin(session: Session, url: str | None, filename: str | None) -> int | None:
    """The article (not in the trash) from this URL, or from this file name when there is no URL."""
    query = select(Article.id).where(Article.deleted_at.is_(None))
    if url:
        query = query.where(Article.source_url == url)
    elif filename:
        query = query.where(Article.filename == filename, Article.source_url.is_(None))
    else:
        return None
    return session.scalars(query.order_by(Article.id.desc()).limit(1)).first()


def article_text(session: Session, article_id: int) -> str:
    return session.scalars(select(Article.text).where(Article.id == article_id)).one()


def article_rows(session: Session) -> Sequence[tuple[Article, int]]:
    """Every article (not in the trash) with its number of claims, newest import first."""
    counts = select(Claim.article_id, func.count(Claim.id).label("n")).group_by(Claim.article_id).subquery()
    query = (
        select(Article, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .where(Article.deleted_at.is_(None))
        .order_by(Article.imported_at.desc(), Article.id.desc())
    )
    return [(article, int(n)) for article, n in session.execute(query)]


def count_articles(session: Session) -> int:
    """Articles in the library (the trash not counted)."""
    return session.scalar(select(func.count(Article.id)).where(Article.deleted_at.is_(None))) or 0


def last_opened_article_id(session: Session) -> int | None:
    """The article opened last, else the newest; two indexed lookups (ix_article_last_opened)."""
    live = Article.deleted_at.is_(None)
    opened = select(Article.id).where(live, Article.last_opened_at.is_not(None))
    found = session.scalars(opened.order_by(Article.last_opened_at.desc()).limit(1)).first()
    return found if found is not None else session.scalars(select(func.max(Article.id)).where(live)).first()


def signed(session: Session, author: str | None) -> str:
    """Who the database records as the author: in a newsroom library the login role (its triggers
    write current_user, migration 0011), else the name given, or the reviewer's."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.execute(text("SELECT current_user")).scalar())
    return author_name(author)


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


def library_rows(
    session: Session,
    *,
    trash: bool = False,
    status: str | None = None,
    outlet: str | None = None,
    tag: str | None = None,
    article_id: int | None = None,
) -> list[tuple[int, str, str | None, str | None, datetime, datetime | None]]:
    """Summary columns only (never the text): id, title, outlet, published, imported, deleted."""
    query = select(
        Article.id,
        Article.title,
        Article.outlet,
        Article.published_at,
        Article.imported_at,
        Article.deleted_at,
    ).where(Article.deleted_at.is_not(None) if trash else Article.deleted_at.is_(None))
    if outlet:
        query = query.where(Article.outlet == outlet)
    if article_id is not None:
        query = query.where(Article.id == article_id)
    if status:
        with_status = select(Claim.article_id).where(Claim.status == status, Claim.dismissed_at.is_(None))
        query = query.where(Article.id.in_(with_status))
    if tag:
        tagged = (
            select(Claim.article_id)
            .join(claim_tag, claim_tag.c.claim_id == Claim.id)
            .join(Tag, Tag.id == claim_tag.c.tag_id)
            .where(Tag.name == tag)
        )
        query = query.where(Article.id.in_(tagged))
    rows = session.connection().execute(query.order_by(Article.imported_at.desc(), Article.id.desc()))
    return [
        (a_id, title, outlet_, published, imported, deleted)
        for a_id, title, outlet_, published, imported, deleted in rows
    ]


def status_counts(session: Session, article_ids: Sequence[int] | None = None) -> dict[int, dict[str, int]]:
    """Per article (every one, or those given), how many of its claims (not dismissed) have each status."""
    query = (
        select(Claim.article_id, Claim.status, func.count())
        .where(Claim.dismissed_at.is_(None))
        .group_by(Claim.article_id, Claim.status)
    )
    if article_ids is not None:
        query = query.where(Claim.article_id.in_(article_ids))
    counts: dict[int, dict[str, int]] = {}
    for article_id, status, n in session.connection().execute(query):  # Core: no ORM row handling
        counts.setdefault(article_id, {})[status] = n
    return counts


def outlet_names(session: Session) -> list[str]:
    query = select(Article.outlet).where(Article.outlet.is_not(None)).distinct().order_by(Article.outlet)
    return [name for name in session.scalars(query) if name]


def delete_trashed_articles(session: Session) -> int:
    """Delete for good every article in the trash; claims, notes and history go with them (cascade)."""
    result = session.execute(delete(Article).where(Article.deleted_at.is_not(None)))
    return int(result.rowcount)  # type: ignore[attr-defined]
