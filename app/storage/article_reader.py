"""Read one article with everything on its claims, in six plain SQL queries.

Why not the ORM: this is the path to the first painted window. Importing SQLAlchemy costs about
0.3 s, twice a bare Qt window's whole start-up, so at start the last article is read with the
standard library alone (`read_last_article`, on a `sqlite3` connection), shown, and SQLAlchemy
loads after the first paint. It is also the fast way to open a big article: six set-based
queries instead of the ORM's object building.

`read_article` takes how to run a query, not a connection: the first paint gives it sqlite3's
`execute`; storage gives it a SQLAlchemy session's (app/storage/repository.py), which serves any
backend SQLAlchemy speaks, so the same queries will read a newsroom's PostgreSQL library. The
records are the ones the ORM path builds (app/storage/record_mapping.py); a test checks that both
give equal records for the same article, so the two can't drift apart.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from app.domain.records import (
    ArticleRecord,
    ClaimRecord,
    EvidenceRecord,
    NoteRecord,
    StatusChangeRecord,
)

T = TypeVar("T")
Execute = Callable[[str, dict[str, Any]], Iterable[Sequence[Any]]]  # a query and its parameters -> rows
_ARTICLE = (
    "SELECT id, title, byline, outlet, source_url, published_at, filename, format, text, imported_at,"
    " html FROM article WHERE id = :article_id"
)
_CLAIMS = (
    'SELECT id, start, "end", exact, kind, origin, source, secondary_source, source_refers_to, cues,'
    " hedges, figures, reasons, score, status, anchored, updated_at, uid, dismissed_at, previous_exact,"
    " source_confidence, version"
    " FROM claim WHERE article_id = :article_id ORDER BY start, id"
)
_PER_CLAIM = "claim_id IN (SELECT id FROM claim WHERE article_id = :article_id)"


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection, or None if there is no usable database file (the caller decides)."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        connection.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        return None
    return connection


def last_opened_article_id(connection: sqlite3.Connection) -> int | None:
    """The article the journalist looked at last (the newest import if none was opened).

    Two indexed lookups, the same as app/storage/repository.py's: one ORDER BY over both would
    sort the whole table (0.22 s on 10,000 articles) before the window could paint.
    """
    row = connection.execute(
        "SELECT id FROM article WHERE deleted_at IS NULL AND last_opened_at IS NOT NULL"
        " ORDER BY last_opened_at DESC LIMIT 1"
    ).fetchone()
    if row is None:
        row = connection.execute("SELECT max(id) FROM article WHERE deleted_at IS NULL").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _evidence_record(r: Sequence[Any]) -> EvidenceRecord:
    return EvidenceRecord(
        r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], _maybe_time(r[9]), r[10], _time(r[11]), r[12],
        _maybe_time(r[13]), r[14] or "", r[15], r[16],
    )  # fmt: skip


def read_article(execute: Execute, article_id: int) -> ArticleRecord | None:
    """The article and its claims (notes, history, evidence, tags), or None if there is none."""
    params = {"article_id": article_id}
    row = next(iter(execute(_ARTICLE, params)), None)
    if row is None:
        return None
    notes = _grouped(
        execute,
        "SELECT claim_id, id, body, author, created_at, uid, removed_at, removed_by, replaces_id, version"
        f" FROM note WHERE {_PER_CLAIM} ORDER BY id",
        params,
        lambda r: NoteRecord(r[1], r[2], r[3], _time(r[4]), r[5], _maybe_time(r[6]), r[7] or "", r[8], r[9]),
    )
    history = _grouped(
        execute,
        "SELECT claim_id, old_status, new_status, reason, author, at FROM status_change"
        f" WHERE {_PER_CLAIM} ORDER BY id",
        params,
        lambda r: StatusChangeRecord(r[1], r[2], r[3], r[4], _time(r[5])),
    )
    evidence = _grouped(
        execute,
        "SELECT claim_id, id, kind, reference, note, stored_path, sha256, role, contact_method,"
        " contacted_at, author, added_at, uid, removed_at, removed_by, replaces_id, outcome FROM evidence"
        f" WHERE {_PER_CLAIM}"
        " ORDER BY id",
        params,
        _evidence_record,
    )
    tags = _grouped(
        execute,
        "SELECT claim_tag.claim_id, tag.name FROM claim_tag JOIN tag ON tag.id = claim_tag.tag_id"
        f" WHERE claim_tag.{_PER_CLAIM} ORDER BY tag.name",
        params,
        lambda r: str(r[1]),
    )
    claims = tuple(
        ClaimRecord(
            id=c[0],
            article_id=article_id,
            start=c[1],
            end=c[2],
            text=c[3],
            kind=c[4],
            origin=c[5],
            source=c[6],
            secondary_source=c[7],
            source_refers_to=c[8],
            cues=_strings(c[9]),
            hedges=_strings(c[10]),
            figures=_strings(c[11]),
            reasons=_strings(c[12]),
            score=c[13],
            status=c[14],
            anchored=bool(c[15]),
            updated_at=_time(c[16]),
            notes=tuple(n for n in notes.get(c[0], ()) if n.removed_at is None),
            history=history.get(c[0], ()),
            evidence=tuple(e for e in evidence.get(c[0], ()) if e.removed_at is None),
            removed_notes=tuple(n for n in notes.get(c[0], ()) if n.removed_at is not None),
            removed_evidence=tuple(e for e in evidence.get(c[0], ()) if e.removed_at is not None),
            tags=tags.get(c[0], ()),
            uid=c[17],
            dismissed=c[18] is not None,
            previous_text=c[19],
            source_confidence=c[20],
            version=c[21],
        )
        for c in execute(_CLAIMS, params)
    )
    return ArticleRecord(
        id=row[0],
        title=row[1],
        byline=row[2],
        outlet=row[3],
        source_url=row[4],
        published_at=row[5],
        filename=row[6],
        format=row[7],
        text=row[8],
        imported_at=_time(row[9]),
        claims=claims,
        html=row[10],
    )


def _grouped(
    execute: Execute, query: str, params: dict[str, Any], make: Callable[[Any], T]
) -> dict[int, tuple[T, ...]]:
    grouped: defaultdict[int, list[T]] = defaultdict(list)
    for row in execute(query, params):
        grouped[row[0]].append(make(row))
    return {claim_id: tuple(items) for claim_id, items in grouped.items()}


def _strings(value: str | list[str] | None) -> tuple[str, ...]:
    """A JSON list: text in SQLite, already a list from a database with a JSON type."""
    if not value:
        return ()
    return tuple(json.loads(value) if isinstance(value, str) else value)


def _time(value: str | datetime) -> datetime:
    """SQLite gives naive UTC as 'YYYY-MM-DD HH:MM:SS.ffffff' (other databases a datetime);
    records carry aware UTC."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _maybe_time(value: str | datetime | None) -> datetime | None:
    return None if value is None else _time(value)


def read_last_article(path: Path) -> ArticleRecord | None:
    """The article to show first, if the database is there, readable and of the newest schema.

    None sends the caller down the full path (open, check, migrate, import the sample), which
    handles every problem this one steps around.
    """
    from app.storage.migrate import head_revision

    connection = open_read_only(path)
    if connection is None:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != head_revision():
            return None
        article_id = last_opened_article_id(connection)
        return None if article_id is None else read_article(connection.execute, article_id)
    except sqlite3.Error:
        return None
    finally:
        connection.close()
