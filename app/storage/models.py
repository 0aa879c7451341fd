"""The ORM models: articles, their claims, the append-only status history, notes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uid() -> str:
    """A stable public id: survives export and import into another database (W3C, ClaimReview)."""
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out (SQLite keeps no time zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Article(Base):
    __tablename__ = "article"
    __table_args__ = (
        # the library list reads these summary columns from the index alone, never the text (0004)
        Index("ix_article_library", "deleted_at", "imported_at", "id", "title", "outlet", "published_at"),
        Index("ix_article_last_opened", "deleted_at", "last_opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)  # the publication's name
    source_url: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[str | None] = mapped_column(String(40))  # as the outlet gives it
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_opened_at: Mapped[datetime | None] = mapped_column()
    filename: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)  # every offset refers to this normalised text
    html: Mapped[str | None] = mapped_column(Text)  # sanitised copy for display, when there is one
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    deleted_at: Mapped[datetime | None] = mapped_column()  # in the trash: restorable
    captured_at: Mapped[datetime | None] = mapped_column()  # fetched from source_url at this time
    original_path: Mapped[str | None] = mapped_column(Text)  # the bytes as fetched, in the data folder
    language: Mapped[str | None] = mapped_column(String(16))  # "en", "uk", "ru"; None: not yet detected
    # Optimistic locking (0011), raised by `_article_changed` below: opening an article (which only
    # notes when) is no change, so colleagues opening it at once never conflict
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012

    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Claim.start"
    )
    notes: Mapped[list[Note]] = relationship(back_populates="article", cascade="all, delete-orphan")
    # Every text the article has had (0006). Loaded only when asked for: the texts are large, and
    # the database's cascade deletes them with the article without loading them (passive_deletes).
    versions: Mapped[list[ArticleVersion]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="ArticleVersion.number",
        lazy="select",
        passive_deletes=True,
    )


NOT_A_CHANGE = frozenset({"last_opened_at"})  # article columns whose update leaves its version as it is


@event.listens_for(Article, "before_update")
def _article_changed(_mapper: Any, _connection: Any, article: Article) -> None:
    """Raise an article's version when something besides when it was opened changed."""
    state = inspect(article)
    columns = {column.key for column in state.mapper.column_attrs}
    changed = {attr.key for attr in state.attrs if attr.key in columns and attr.history.has_changes()}
    if changed - NOT_A_CHANGE - {"version"}:
        article.version = (article.version or 1) + 1


class ArticleVersion(Base):
    """One text an article has had, number 1 being the first import; the newest is article.text."""

    __tablename__ = "article_version"
    __table_args__ = (
        # also the index for lookups by article_id (its first column): no second one (0006)
        UniqueConstraint("article_id", "number", name="article_version_number_unique"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))  # of the bytes this text was read from
    captured_at: Mapped[datetime] = mapped_column(default=utcnow)
    title: Mapped[str] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="versions")


class Claim(Base):
    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" >= start', name="span_valid"),
        CheckConstraint("kind IN ('claim', 'quote', 'caveat')", name="kind_valid"),
        CheckConstraint("origin IN ('detected', 'manual')", name="origin_valid"),
        Index("ix_claim_article_start", "article_id", "start"),
        # the library's status bars: counts per article and status, read from the index alone (0004)
        Index("ix_claim_article_status", "article_id", "status", "dismissed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    exact: Mapped[str] = mapped_column(Text)  # TextQuoteSelector: re-anchors after the text changes
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="claim")
    origin: Mapped[str] = mapped_column(String(16), default="detected")
    source: Mapped[str | None] = mapped_column(Text)
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    secondary_source: Mapped[str | None] = mapped_column(Text)
    source_refers_to: Mapped[str | None] = mapped_column(Text)
    source_confidence: Mapped[float | None] = mapped_column()  # None: typed by a journalist, or unmeasured
    cues: Mapped[list[str]] = mapped_column(default=list)
    hedges: Mapped[list[str]] = mapped_column(default=list)
    figures: Mapped[list[str]] = mapped_column(default=list)
    reasons: Mapped[list[str]] = mapped_column(default=list)
    score: Mapped[float] = mapped_column(default=0.0)
    status: Mapped[str] = mapped_column(String(32), default="unreviewed")
    anchored: Mapped[bool] = mapped_column(default=True)  # False: an orphan, kept, never deleted
    dismissed_at: Mapped[datetime | None] = mapped_column()  # hidden by the journalist, restorable
    previous_exact: Mapped[str | None] = mapped_column(Text)  # wording before a new version changed it
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Raised at every change; a change over a row changed since it was read is refused (0011)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    article: Mapped[Article] = relationship(back_populates="claims")
    # Append-only: the ORM never deletes a step (no delete cascade). The database deletes the history
    # with its claim, after the claim row, and a trigger refuses any other delete (migration 0008).
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="claim",
        cascade="save-update, merge, refresh-expire, expunge",
        order_by="StatusChange.id",
        passive_deletes="all",
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="[Note.created_at, Note.id]"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="[Evidence.added_at, Evidence.id]"
    )
    tags: Mapped[list[Tag]] = relationship(secondary="claim_tag", order_by="Tag.name")


class StatusChange(Base):
    """One step of a claim's status history; rows are only ever added."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    old_status: Mapped[str] = mapped_column(String(32))
    new_status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="history")


class Note(Base):
    """A Markdown note on a claim, or on the article as a whole."""

    __tablename__ = "note"
    __table_args__ = (
        CheckConstraint("(claim_id IS NULL) != (article_id IS NULL)", name="note_has_one_owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column()  # taken off (undone): kept for the history
    removed_by: Mapped[str | None] = mapped_column(Text)
    replaces_id: Mapped[int | None] = mapped_column()  # an edit: the note row with the earlier wording
    version: Mapped[int] = mapped_column(default=1, server_default="1")  # optimistic locking (0011)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    claim: Mapped[Claim | None] = relationship(back_populates="notes")
    article: Mapped[Article | None] = relationship(back_populates="notes")


class Evidence(Base):
    """What a verdict rests on: a link, a document kept in the data folder, or a person contacted."""

    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint("kind IN ('url', 'document', 'person', 'other')", name="evidence_kind_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str] = mapped_column(Text)  # the URL, the document's name, the person's name
    note: Mapped[str] = mapped_column(Text, default="")
    stored_path: Mapped[str | None] = mapped_column(Text)  # a document's copy, relative to the data folder
    sha256: Mapped[str | None] = mapped_column(String(64))  # of a document's bytes
    role: Mapped[str | None] = mapped_column(Text)  # a person's role
    contact_method: Mapped[str | None] = mapped_column(Text)  # phone, email, in person...
    contacted_at: Mapped[datetime | None] = mapped_column()
    outcome: Mapped[str | None] = mapped_column(Text)  # a call: reached, declined, no answer, left a message
    author: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column()  # taken off (undone): kept for the history
    removed_by: Mapped[str | None] = mapped_column(Text)
    replaces_id: Mapped[int | None] = mapped_column()  # an edit: the evidence row with the earlier wording

    claim: Mapped[Claim] = relationship(back_populates="evidence")


claim_tag = Table(
    "claim_tag",
    Base.metadata,
    Column("claim_id", ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Tag(Base):
    __tablename__ = "tag"
    __table_args__ = (UniqueConstraint("name", name="tag_name_unique"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)


class Attachment(Base):
    """An evidence document's bytes, by their sha256: how a newsroom library shares them (0011).

    Evidence rows name it by `Evidence.sha256`; a local library keeps its files in the data folder
    instead. On PostgreSQL a check refuses content that does not hash to its name.
    """

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class LinkDecision(Base):
    """A journalist's word on whether two claims of two articles are the same claim (0012).

    The matcher links claims by their words and misses paraphrases; what a person decided wins
    over it: `same` False takes a link away, True makes one the matcher missed. One row per pair,
    the lower claim id first; a new word on the pair replaces the row. Deleted with either claim.
    """

    __tablename__ = "link_decision"
    __table_args__ = (
        CheckConstraint("claim_id < other_id", name="pair_ordered"),
        UniqueConstraint("claim_id", "other_id", name="link_decision_pair"),
        Index("ix_link_decision_other", "other_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    other_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    same: Mapped[bool]
    author: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
