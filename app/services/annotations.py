"""Import annotations made elsewhere: another Claimdesk's W3C export, Hypothesis's JSON export, Zotero 7's.

Each annotation joins the article it targets (same URL, same text, else the one article holding
every quoted passage), then a claim: the one with its uid, else the one at the span its selectors
anchor to, else a new manual claim. Status, notes, tags and evidence are added unless already there
(notes and evidence by uid, tags by name, a status only when newer), so a second import of the
same file changes nothing. A claim that was only detected and never touched takes on the incoming
claim's uid and times: it becomes that claim, which is what makes export-import-export equal.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.config import reviewer_name
from app.domain.anchoring import TextQuote, anchor, utf16_to_codepoint
from app.domain.contacts import CONTACT_OUTCOMES
from app.errors import ClaimdeskError, UnreadableFileError
from app.export.w3c import TEXT_URN_PREFIX, IncomingAnnotation, IncomingNote, parse_time, read_w3c
from app.services.zotero_annotations import read_zotero, tag_name
from app.storage import annotation_repository as found
from app.storage import repository
from app.storage.database import Database
from app.storage.models import Article, Claim, Evidence, Note, utcnow

HYPOTHESIS_ANNOTATION = "https://hypothes.is/a/"
MAX_FILE_BYTES = 50 * 1024 * 1024  # far beyond any real export; a bigger file is refused unread
MAX_DEPTH = 40  # annotation formats nest a few levels; deeper is not an export
MAX_ANNOTATIONS = 100_000
MIN_MATCHING_QUOTE = 12  # characters of a quote that must be found to join an article of another URL
_DATES = ("created", "modified", "updated", "generated")
_TEXTS = ("exact", "prefix", "suffix", "text", "uri", "value")
_OFFSETS = ("start", "end")


@dataclass(frozen=True, slots=True)
class ImportReport:
    format: str  # "w3c" or "hypothesis"
    article_ids: tuple[int, ...]  # the articles the annotations joined
    created: int  # claims made for annotations that matched no claim
    updated: int  # existing claims that gained something
    unchanged: int  # annotations that added nothing (already imported)
    orphans: int  # annotations whose quote could not be found in the text (kept, not anchored)
    unmatched: int  # annotations of pages that are not in the library (skipped)
    page_notes: int = 0  # annotations on no passage (Hypothesis page notes): notes on the article

    @property
    def article_id(self) -> int:
        return self.article_ids[0]

    def summary(self) -> str:
        """One line for the status bar or the command line."""
        joined = ", ".join(str(i) for i in self.article_ids)
        parts = [f"{self.created} claims added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.orphans:
            parts.append(f"{self.orphans} not found in the text (kept as orphans)")
        if self.page_notes:
            parts.append(f"{self.page_notes} page notes")
        if self.unmatched:
            parts.append(f"{self.unmatched} skipped: their page is not in the library")
        noun = "article" if len(self.article_ids) == 1 else "articles"
        return f"Annotations ({self.format}) joined {noun} {joined}: " + ", ".join(parts)


def import_annotations(db: Database, path: str | Path, article_id: int | None = None) -> ImportReport:
    """Import a file of annotations; `article_id` forces the article instead of matching one."""
    data = _read_json(Path(path))
    check_shapes(data, Path(path).name)
    kind, annotations = read_annotations(data)
    if not annotations:
        raise ClaimdeskError(f"{Path(path).name} holds no annotations Claimdesk can read")
    counts: dict[str, int] = defaultdict(int)
    joined: list[int] = []
    with db.session() as session:
        for article, group in _by_article(session, annotations, article_id):
            if article is None:
                counts["unmatched"] += len(group)
                continue
            if article.id not in joined:
                joined.append(article.id)
            for incoming in group:
                if incoming.quote is None and incoming.start is None:
                    counts["page_notes"] += _add_page_notes(session, article, incoming)
                    continue
                if kind == "hypothesis":
                    incoming = _positions_in_code_points(incoming, article.text)
                outcome, anchored = _merge(session, article, incoming)
                counts[outcome] += 1
                counts["orphans"] += not anchored
        if not joined:
            raise ClaimdeskError(
                f"No article in the library matches {Path(path).name}: "
                "import the article first (same URL or same text)"
            )
    return ImportReport(
        kind, tuple(joined), counts["created"], counts["updated"], counts["unchanged"],
        counts["orphans"], counts["unmatched"], counts["page_notes"],
    )  # fmt: skip


def read_annotations(data: Any) -> tuple[str, list[IncomingAnnotation]]:
    """("hypothesis", "zotero" or "w3c", the annotations): Hypothesis rows have `uri`, Zotero's
    `annotationType` or a `position` (app/services/zotero_annotations.py), W3C ones `target`."""
    zotero = read_zotero(data)
    if zotero is not None:
        return "zotero", zotero
    rows = data.get("rows") if isinstance(data, dict) and "rows" in data else data
    if isinstance(rows, list) and rows and all(isinstance(r, dict) and "uri" in r for r in rows):
        return "hypothesis", [read_hypothesis_row(row) for row in rows]
    return "w3c", read_w3c(data)


def read_hypothesis_row(row: dict[str, Any]) -> IncomingAnnotation:
    """One row of Hypothesis's export; positions stay in UTF-16 units until the text is known."""
    ident = HYPOTHESIS_ANNOTATION + str(row.get("id") or "")
    uid = str(uuid.uuid5(uuid.NAMESPACE_URL, ident))
    targets = row.get("target")
    first = targets[0] if isinstance(targets, list) and targets else targets
    target: dict[str, Any] = first if isinstance(first, dict) else {}
    quote: TextQuote | None = None
    start = end = None
    selectors = target.get("selector") or []
    for selector in selectors if isinstance(selectors, list) else [selectors]:
        kind = selector.get("type") if isinstance(selector, dict) else None
        if kind == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
            quote = TextQuote(selector["exact"], selector.get("prefix") or "", selector.get("suffix") or "")
        elif kind == "TextPositionSelector":
            start, end = selector.get("start"), selector.get("end")
    author = _hypothesis_user(row)
    created = parse_time(row.get("created"))
    text = row.get("text")
    text = text if isinstance(text, str) else ""
    notes = (IncomingNote(str(uuid.uuid5(uuid.NAMESPACE_URL, ident + "#text")), text, author, created),)
    tags = tuple(t for t in row.get("tags") or [] if isinstance(t, str) and t.strip())
    return IncomingAnnotation(
        uid=uid,
        own=False,
        source=str(row.get("uri") or target.get("source") or "") or None,
        quote=quote,
        start=start if isinstance(start, int) else None,
        end=end if isinstance(end, int) else None,
        notes=notes if text.strip() else (),
        tags=tags,
        created=created,
        modified=parse_time(row.get("updated")) or created,
    )


def _hypothesis_user(row: dict[str, Any]) -> str:
    info = row.get("user_info")
    if isinstance(info, dict) and info.get("display_name"):
        return str(info["display_name"])
    user = str(row.get("user") or "")
    return user.removeprefix("acct:").split("@", 1)[0]


def _positions_in_code_points(incoming: IncomingAnnotation, text: str) -> IncomingAnnotation:
    if incoming.start is None or incoming.end is None:
        return incoming
    start, end = utf16_to_codepoint(text, incoming.start), utf16_to_codepoint(text, incoming.end)
    return dataclasses.replace(incoming, start=start, end=end)


def _read_json(path: Path) -> Any:
    try:
        if not path.is_file():  # a folder, a pipe or a device is never read
            raise FileNotFoundError
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableFileError(
                f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB: not an annotation export"
            )
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UnreadableFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFileError(f"{path}: cannot be read ({error})") from None
    except json.JSONDecodeError as error:
        raise UnreadableFileError(f"{path.name} is not JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise UnreadableFileError(f"{path.name} nests deeper than any annotation export") from None


def check_shapes(data: Any, name: str) -> None:
    """Refuse a file whose known fields have the wrong type, in one line naming the first one.

    Both formats share the field names that matter (dates, quote texts, offsets), so one walk
    checks either; unknown fields are left alone. Nothing is imported from a file that fails.
    """
    count = 0
    stack: list[tuple[Any, str, int]] = [(data, "the file", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UnreadableFileError(f"{name} nests deeper than any annotation export ({where})")
        if isinstance(value, list):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))
            continue
        if not isinstance(value, dict):
            continue
        count += 1
        if count > MAX_ANNOTATIONS * 10:
            raise UnreadableFileError(f"{name} holds more than {MAX_ANNOTATIONS:,} annotations")
        for key, item in value.items():
            _check_field(name, f"{where}.{key}", str(key), item)
            stack.append((item, f"{where}.{key}", depth + 1))


def _check_field(name: str, where: str, key: str, item: Any) -> None:
    wrong = None
    if key in _DATES and item is not None and (not isinstance(item, str) or parse_time(item) is None):
        wrong = "a date (ISO 8601, like 2024-03-05T14:30:00Z)"
    elif key in _TEXTS and item is not None and not isinstance(item, str | list | dict):
        wrong = "text"
    elif key in _OFFSETS and item is not None and (
        isinstance(item, bool) or not isinstance(item, int) or item < 0
    ):
        wrong = "a whole number of characters, 0 or more"
    elif key == "tags" and item is not None and not (
        isinstance(item, list) and all(isinstance(t, str) or tag_name(t) for t in item)
    ):
        wrong = "a list of words"
    if wrong:
        shown = json.dumps(item, ensure_ascii=False)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        raise UnreadableFileError(f"{name}: {where.removeprefix('the file')} should be {wrong}, not {shown}")


# --- which article ---------------------------------------------------------------------------


def _by_article(
    session: Session, annotations: list[IncomingAnnotation], article_id: int | None
) -> list[tuple[Article | None, list[IncomingAnnotation]]]:
    """Annotations grouped by the page they target, each group with its article (None: not here)."""
    if article_id is not None:
        article = repository.get_article(session, article_id)
        belongs = [a for a in annotations if _belongs_to(article, a)]
        others = [a for a in annotations if not _belongs_to(article, a)]
        return [(article, belongs), *([(None, others)] if others else [])]
    groups: dict[str | None, list[IncomingAnnotation]] = defaultdict(list)
    for incoming in annotations:
        groups[incoming.source].append(incoming)
    return [(_find_article(session, source, group), group) for source, group in groups.items()]


def _belongs_to(article: Article, incoming: IncomingAnnotation) -> bool:
    """An annotation joins the article it is imported into only if it is about that article:
    the same address (or none given), or a passage of some length found word for word in it."""
    if not incoming.source or incoming.source == article.source_url:
        return True
    quote = incoming.quote
    if quote is None or len(quote.exact.strip()) < MIN_MATCHING_QUOTE:
        return False
    return " ".join(quote.exact.split()) in " ".join(article.text.split())


def _find_article(session: Session, source: str | None, group: list[IncomingAnnotation]) -> Article | None:
    candidates: list[Article] = []
    if source and source.startswith(TEXT_URN_PREFIX):
        encoded = source[len(TEXT_URN_PREFIX) :]
        try:
            digest = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).hex()
        except ValueError:  # binascii.Error: not a digest after all
            digest = ""
        candidates = found.find_articles_by_text_digest(session, digest) if digest else []
    elif source:
        candidates = found.find_articles_by_url(session, source)
    if not candidates:
        candidates = found.find_articles_containing(session, (a.quote.exact for a in group if a.quote))
    return candidates[0] if candidates else None


# --- which claim, and what it gains ------------------------------------------------------------


def _merge(session: Session, article: Article, incoming: IncomingAnnotation) -> tuple[str, bool]:
    """Join one annotation to its claim: ("created" | "updated" | "unchanged", anchored)."""
    span = _span(article.text, incoming)
    claim = found.find_claim_by_uid(session, incoming.uid)
    if claim is not None and claim.article_id != article.id:
        claim = None
    adopted = created = False
    if claim is None and span is not None:
        claim = found.find_claim_at(session, article.id, *span)
        if claim is not None and _may_adopt(session, claim, incoming):
            claim.uid = incoming.uid
            claim.created_at = incoming.created or claim.created_at
            adopted = True
    if claim is None:
        claim = _new_claim(session, article, incoming, span)
        created = True
    changed = _add_content(session, claim, incoming)
    if created or adopted:
        claim.updated_at = incoming.modified or claim.updated_at
    elif changed:
        claim.updated_at = max(claim.updated_at, incoming.modified or utcnow())
    session.flush()
    outcome = "created" if created else "updated" if changed or adopted else "unchanged"
    return outcome, claim.anchored


def _add_page_notes(session: Session, article: Article, incoming: IncomingAnnotation) -> int:
    """Notes about the whole page join the article's own notes; returns how many were new."""
    added = 0
    for note in incoming.notes:
        if not found.uid_in_use(session, Note, note.uid):
            found.add_article_note(
                session, article, note.uid, note.body, note.author, note.created or utcnow()
            )
            added += 1
    return added


def _span(text: str, incoming: IncomingAnnotation) -> tuple[int, int] | None:
    if incoming.quote is not None:
        return anchor(text, incoming.quote, incoming.start, incoming.end)
    start, end = incoming.start, incoming.end
    if start is not None and end is not None and 0 <= start < end <= len(text):
        return start, end
    return None


def _may_adopt(session: Session, claim: Claim, incoming: IncomingAnnotation) -> bool:
    """Whether a claim may become the incoming Claimdesk claim (take its uid and times)."""
    return incoming.own and _untouched(claim) and not found.uid_in_use(session, Claim, incoming.uid)


def _untouched(claim: Claim) -> bool:
    """Detected and never worked on: nobody can have said anything about it under its uid."""
    return (
        claim.origin == "detected"
        and claim.status == "unreviewed"
        and not (claim.history or claim.notes or claim.evidence or claim.tags)
    )


def _new_claim(
    session: Session, article: Article, incoming: IncomingAnnotation, span: tuple[int, int] | None
) -> Claim:
    uid = incoming.uid
    if found.uid_in_use(session, Claim, uid):  # the same claim in another article: a stable twin
        uid = str(uuid.uuid5(uuid.UUID(uid), found.text_digest(article.text)))
    now = utcnow()
    if span is not None:
        start, end = span
        exact = article.text[start:end]
        prefix, suffix = article.text[max(0, start - 32) : start], article.text[end : end + 32]
    else:
        quote = incoming.quote or TextQuote("")
        start = end = 0
        exact, prefix, suffix = quote.exact, quote.prefix, quote.suffix
    claim = Claim(
        uid=uid, article=article, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix,
        kind="claim", origin="manual", anchored=span is not None, status="unreviewed",
        cues=[], hedges=[], figures=[], reasons=[], score=0.0,
        created_at=incoming.created or now, updated_at=incoming.modified or now,
    )  # fmt: skip
    session.add(claim)
    session.flush()
    return claim


def _add_content(session: Session, claim: Claim, incoming: IncomingAnnotation) -> bool:
    changed = False
    state = incoming.status
    if state is not None and state.status != claim.status and _newer(claim, state.at):
        author = state.author or reviewer_name()
        found.add_imported_status(session, claim, state.status, state.reason, author, state.at or utcnow())
        changed = True
    for note in incoming.notes:
        if not found.uid_in_use(session, Note, note.uid):
            found.add_imported_note(
                session, claim, note.uid, note.body, note.author, note.created or utcnow()
            )
            changed = True
    present = {tag.name for tag in claim.tags}
    for name in incoming.tags:
        clean = " ".join(name.split())
        if clean and clean not in present:
            claim.tags.append(repository.tag_named(session, clean))
            present.add(clean)
            changed = True
    for item in incoming.evidence:
        if not found.uid_in_use(session, Evidence, item.uid):
            evidence = Evidence(
                uid=item.uid, kind=item.kind, reference=item.reference, note=item.note,
                sha256=item.sha256, role=item.role, contact_method=item.contact_method,
                contacted_at=item.contacted_at, author=item.author, added_at=item.added_at or utcnow(),
                outcome=item.outcome if item.outcome in CONTACT_OUTCOMES else None,
            )  # fmt: skip
            found.add_imported_evidence(session, claim, evidence)
            changed = True
    return changed


def _newer(claim: Claim, at: datetime | None) -> bool:
    """An incoming status wins over a claim never assessed, or over an older assessment."""
    if not claim.history:
        return True
    return at is not None and claim.history[-1].at < at
