"""Evidence and tags on claims: what a verdict rests on, and how claims are grouped."""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime
from pathlib import Path

from app.config import author_name, data_dir
from app.errors import ClaimdeskError, UnreadableFileError
from app.files import replacing
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Evidence, utcnow
from app.storage.records import ClaimRecord, EvidenceRecord

EVIDENCE_KINDS = ("url", "document", "person", "other")
ATTACHMENTS = "attachments"


def add_link(
    db: Database, claim_id: int, url: str, note: str = "", author: str | None = None
) -> EvidenceRecord:
    url = url.strip()
    if not url:
        raise ClaimdeskError("The link is empty")
    return _add(
        db, claim_id, Evidence(kind="url", reference=url, note=note.strip(), author=author_name(author))
    )


def add_person(
    db: Database,
    claim_id: int,
    name: str,
    role: str = "",
    how: str = "",
    when: datetime | None = None,
    note: str = "",
    author: str | None = None,
) -> EvidenceRecord:
    """Record a person contacted: name, role, how and when (now, if not given)."""
    name = name.strip()
    if not name:
        raise ClaimdeskError("Give the name of the person contacted")
    evidence = Evidence(
        kind="person",
        reference=name,
        role=role.strip() or None,
        contact_method=how.strip() or None,
        contacted_at=when or utcnow(),
        note=note.strip(),
        author=author_name(author),
    )
    return _add(db, claim_id, evidence)


def add_document(
    db: Database, claim_id: int, path: str | Path, note: str = "", author: str | None = None
) -> EvidenceRecord:
    """Copy a document into the data folder, keyed by its sha256, so later edits elsewhere can't change it."""
    source = Path(path)
    if not source.is_file():
        raise UnreadableFileError(f"{source}: no such file")
    digest = _sha256_of_file(source)
    folder = data_dir() / ATTACHMENTS / digest[:2]
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stored = folder / f"{digest}{source.suffix.lower()}"
    if not stored.exists():
        with replacing(stored, mode=0o600) as partial:
            shutil.copyfile(source, partial)
    evidence = Evidence(
        kind="document",
        reference=source.name,
        stored_path=str(stored.relative_to(data_dir())),
        sha256=digest,
        note=note.strip(),
        author=author_name(author),
    )
    return _add(db, claim_id, evidence)


def _add(db: Database, claim_id: int, evidence: Evidence) -> EvidenceRecord:
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        return EvidenceRecord.of(repository.add_evidence(session, claim, evidence))


def _sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:
        raise UnreadableFileError(f"{path}: cannot be read ({error.strerror})") from None
    return digest.hexdigest()


def set_tags(db: Database, claim_id: int, names: list[str]) -> ClaimRecord:
    """Replace a claim's tags; names are trimmed, blank ones dropped, duplicates merged."""
    clean = sorted({" ".join(n.split()) for n in names if n.strip()}, key=str.casefold)
    with db.session() as session:
        claim = repository.get_claim(session, claim_id)
        claim.tags = [repository.tag_named(session, name) for name in clean]
        claim.updated_at = utcnow()
        session.flush()
        return ClaimRecord.of(claim)


def tag_names(db: Database) -> list[str]:
    """Every tag in use, for completion."""
    with db.session() as session:
        return repository.all_tag_names(session)
