"""Evidence documents kept in the database by their sha256 (newsroom mode, migration 0011).

Content-addressed: the same document attached twice, or by two colleagues at once, is stored once.
The bytes are checked against their name on the way in (here, and by the server's own check on
PostgreSQL) and on the way out, so a copy that does not hash to its name is never handed over.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import delete, exists, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.errors import StorageError
from app.storage.models import Attachment, Evidence, utcnow


def put(session: Session, digest: str, content: bytes) -> None:
    """Store `content` under its sha256 (nothing happens if it is there already)."""
    if hashlib.sha256(content).hexdigest() != digest:
        raise StorageError(f"The document changed while it was being attached ({digest[:12]}…); try again")
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    row = {"sha256": digest, "content": content, "size": len(content), "added_at": utcnow()}
    session.execute(dialect.insert(Attachment).values(**row).on_conflict_do_nothing())


def get(session: Session, digest: str) -> bytes | None:
    """The document's bytes, or None if the database has none under that name."""
    content = session.scalar(select(Attachment.content).where(Attachment.sha256 == digest))
    if content is None:
        return None
    if hashlib.sha256(content).hexdigest() != digest:
        raise StorageError(f"The stored copy of document {digest[:12]}… is damaged: not the file attached")
    return bytes(content)


def has(session: Session, digest: str) -> bool:
    return session.scalar(select(Attachment.sha256).where(Attachment.sha256 == digest)) is not None


def prune(session: Session, *, removed_too: bool = False) -> tuple[int, int]:
    """Delete the documents no evidence refers to any more (with `removed_too`, none but removed
    evidence either, as emptying the trash does with a local library's files); (how many, bytes).

    On PostgreSQL the table is locked against new documents until the deletion commits: a colleague
    attaching the same document meanwhile waits, and then stores it again, so their evidence never
    names a document pruned under it.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE attachment IN SHARE ROW EXCLUSIVE MODE"))
    users = exists().where(Evidence.sha256 == Attachment.sha256)
    if removed_too:
        users = users.where(Evidence.removed_at.is_(None))
    sizes = session.scalars(delete(Attachment).where(~users).returning(Attachment.size)).all()
    return len(sizes), sum(sizes)
