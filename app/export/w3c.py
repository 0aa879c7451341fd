"""W3C Web Annotation JSON-LD, both ways: an article's claims out, annotations back in.

One annotation per claim, its id the claim's uid (`urn:uuid:...`), so a claim keeps its identity
from one Claimdesk to another. Bodies, each with its own `purpose`:
- assessing: a TextualBody "Status label" or "Status label: reason", by whoever set the status;
- commenting: one per note: a SpecificResource whose source is the note, a Markdown TextualBody
  with the note's uid, author and time (see `_identified` for why the wrapper);
- tagging: one TextualBody per tag;
- linking: a SpecificResource for a link (its note as `label`); documents, people and other evidence
  wrapped like notes, as plain text: one "Key: value" line each, a blank line, then the note.
The target's source is the article URL, else `ni:///sha-256;...` (RFC 6920) naming the article's
text, with a TextQuoteSelector and a TextPositionSelector (code points) on it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app import __version__
from app.domain.anchoring import CONTEXT as CONTEXT_CHARS
from app.domain.anchoring import TextQuote, describe_quote
from app.domain.records import ArticleRecord, ClaimRecord, EvidenceRecord
from app.domain.statuses import STATUSES, status

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
TEXT_URN_PREFIX = "ni:///sha-256;"
_EVIDENCE_HEADS = {"document": "Document", "person": "Person", "other": "Other"}
_KINDS_BY_HEAD = {head: kind for kind, head in _EVIDENCE_HEADS.items()}


@dataclass(frozen=True, slots=True)
class IncomingStatus:
    status: str  # a status id
    reason: str
    author: str
    at: datetime | None  # None: never set by anyone (an unreviewed claim)


@dataclass(frozen=True, slots=True)
class IncomingNote:
    uid: str
    body: str
    author: str
    created: datetime | None


@dataclass(frozen=True, slots=True)
class IncomingEvidence:
    uid: str
    kind: str
    reference: str
    note: str = ""
    sha256: str | None = None
    role: str | None = None
    contact_method: str | None = None
    contacted_at: datetime | None = None
    outcome: str | None = None  # a person contacted: reached, declined to comment, ...
    author: str = ""
    added_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class IncomingAnnotation:
    """An annotation as read from a file, before it is matched to an article and a claim."""

    uid: str
    own: bool  # its id was a Claimdesk claim's uid, which a matching claim may take on
    source: str | None
    quote: TextQuote | None
    start: int | None  # code points
    end: int | None
    status: IncomingStatus | None = None
    notes: tuple[IncomingNote, ...] = ()
    tags: tuple[str, ...] = ()
    evidence: tuple[IncomingEvidence, ...] = ()
    created: datetime | None = None
    modified: datetime | None = None


# --- out ---------------------------------------------------------------------------------------


def iso(moment: datetime) -> str:
    """xsd:dateTime in UTC to the second, as the W3C examples write it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_urn(text: str) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode("utf-8")).digest())
    return TEXT_URN_PREFIX + digest.decode("ascii").rstrip("=")


def target_source(article: ArticleRecord) -> str:
    return article.source_url or text_urn(article.text)


def collection(
    article: ArticleRecord,
    created: Mapping[int, datetime],
    reviewer: str,
    generated: datetime,
) -> dict[str, Any]:
    """The AnnotationCollection of an article: one embedded page holding every claim."""
    source = target_source(article)
    items = [annotation(claim, article.text, source, created.get(claim.id)) for claim in article.claims]
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, source)}",
        "type": "AnnotationCollection",
        "label": f"Claims checked in: {article.title}",
        "total": len(items),
    }
    if reviewer:
        result["creator"] = _agent(reviewer)
    result["generator"] = {"type": "Software", "name": f"Claimdesk {__version__}"}
    result["generated"] = iso(generated)
    result["first"] = {
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, source + '#page-1')}",
        "type": "AnnotationPage",
        "startIndex": 0,
        "items": items,
    }
    return result


def annotation(claim: ClaimRecord, text: str, source: str, created: datetime | None = None) -> dict[str, Any]:
    """One claim as a standalone annotation (it carries its own @context); `text`: the article's."""
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{claim.uid}",
        "type": "Annotation",
        "motivation": "assessing",
    }
    if claim.history and claim.history[-1].author:
        result["creator"] = _agent(claim.history[-1].author)
    result["created"] = iso(created or claim.updated_at)
    result["modified"] = iso(claim.updated_at)
    result["body"] = _bodies(claim)
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": claim.text}]
    quote = claim_quote(claim, text)
    if quote.prefix:
        selectors[0]["prefix"] = quote.prefix
    if quote.suffix:
        selectors[0]["suffix"] = quote.suffix
    if claim.anchored:
        selectors.append({"type": "TextPositionSelector", "start": claim.start, "end": claim.end})
    result["target"] = {"source": source, "selector": selectors}
    return result


def claim_quote(claim: ClaimRecord, text: str) -> TextQuote:
    """A claim's quote with its context from the text; an orphan's span no longer means anything."""
    if not claim.anchored or text[claim.start : claim.end] != claim.text:
        return TextQuote(claim.text)
    around = describe_quote(text, claim.start, claim.end, CONTEXT_CHARS)
    return TextQuote(claim.text, around.prefix, around.suffix)


def _bodies(claim: ClaimRecord) -> list[dict[str, Any]]:
    label = status(claim.status).label
    reason = claim.reason if claim.history else ""
    assessing: dict[str, Any] = {
        "type": "TextualBody",
        "purpose": "assessing",
        "format": "text/plain",
        "value": f"{label}: {reason}" if reason else label,
    }
    if claim.history:
        last = claim.history[-1]
        if last.author:
            assessing["creator"] = _agent(last.author)
        assessing["created"] = iso(last.at)
    bodies = [assessing]
    for note in claim.notes:
        text = {"type": "TextualBody", "format": "text/markdown", "value": note.body}
        bodies.append(_identified("commenting", note.uid, text, note.author, note.created_at))
    for tag in sorted(claim.tags, key=str.casefold):
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": tag})
    bodies.extend(_linking(evidence) for evidence in claim.evidence)
    return bodies


def _identified(purpose: str, uid: str, text: dict[str, Any], author: str, at: datetime) -> dict[str, Any]:
    """A TextualBody with an identity, wrapped in a SpecificResource that carries its purpose.

    The W3C MUST schemas read any body with an id and no source as an External Web Resource, which
    may not have a purpose; a note's uid has to travel, so the note becomes the source.
    """
    body = {"id": f"urn:uuid:{uid}", **text}
    if author:
        body["creator"] = _agent(author)
    body["created"] = iso(at)
    return {"type": "SpecificResource", "purpose": purpose, "source": body}


def _linking(evidence: EvidenceRecord) -> dict[str, Any]:
    if evidence.kind != "url":
        text = {"type": "TextualBody", "format": "text/plain", "value": _evidence_text(evidence)}
        return _identified("linking", evidence.uid, text, evidence.author, evidence.added_at)
    body: dict[str, Any] = {
        "id": f"urn:uuid:{evidence.uid}",
        "type": "SpecificResource",
        "purpose": "linking",
        "source": evidence.reference,
    }
    if evidence.note:
        body["label"] = evidence.note
    if evidence.author:
        body["creator"] = _agent(evidence.author)
    body["created"] = iso(evidence.added_at)
    return body


def _evidence_text(evidence: EvidenceRecord) -> str:
    lines = [f"{_EVIDENCE_HEADS.get(evidence.kind, 'Other')}: {_one_line(evidence.reference)}"]
    if evidence.role:
        lines.append(f"Role: {_one_line(evidence.role)}")
    if evidence.contact_method:
        lines.append(f"Method: {_one_line(evidence.contact_method)}")
    if evidence.contacted_at:
        lines.append(f"Contacted: {iso(evidence.contacted_at)}")
    if evidence.outcome:
        lines.append(f"Outcome: {_one_line(evidence.outcome)}")
    if evidence.sha256:
        lines.append(f"SHA-256: {evidence.sha256}")
    text = "\n".join(lines)
    return f"{text}\n\n{evidence.note}" if evidence.note else text


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _agent(name: str) -> dict[str, str]:
    return {"type": "Person", "name": name}


# --- in ----------------------------------------------------------------------------------------


def read_w3c(data: Any) -> list[IncomingAnnotation]:
    """Annotations from a collection (its embedded pages), a page, a list, or one annotation."""
    found: list[IncomingAnnotation] = []
    for item in _items(data):
        if isinstance(item, dict) and _as_list(item.get("target")):
            found.append(_read_annotation(item))
    return found


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return []
    kinds = _as_list(data.get("type"))
    if "AnnotationCollection" in kinds:
        page, items = data.get("first"), []
        while isinstance(page, dict):
            items.extend(_as_list(page.get("items")))
            page = page.get("next")
        return items
    if "AnnotationPage" in kinds:
        return _as_list(data.get("items"))
    return [data]


def _read_annotation(item: dict[str, Any]) -> IncomingAnnotation:
    ident = str(item.get("id") or f"urn:sha256:{_digest(item)}")  # no id: its content names it
    uid, own = uid_of(ident)
    source, quote, start, end = _read_target(_as_list(item.get("target"))[0])
    notes: list[IncomingNote] = []
    tags: list[str] = []
    evidence: list[IncomingEvidence] = []
    state: IncomingStatus | None = None
    bodies = _as_list(item.get("body"))
    if isinstance(item.get("bodyValue"), str):
        bodies.append({"type": "TextualBody", "value": item["bodyValue"], "purpose": "commenting"})
    for body in bodies:
        if isinstance(body, str):
            body = {"id": body, "purpose": "linking"}
        if not isinstance(body, dict):
            continue
        body = _unwrapped(body)
        purpose = str(body.get("purpose") or item.get("motivation") or "commenting")
        value = body.get("value")
        author = _agent_name(body.get("creator"))
        created = parse_time(body.get("created"))
        body_uid = uid_of(str(body.get("id") or f"{ident}#{_digest(body)}"))[0]
        if purpose == "assessing" and isinstance(value, str) and (parsed := parse_status(value)):
            state = IncomingStatus(parsed[0], parsed[1], author, created)
        elif purpose == "tagging" and isinstance(value, str):
            tags.append(value)
        elif purpose == "linking":
            if (link := _read_link(body, body_uid, author, created)) is not None:
                evidence.append(link)
        elif isinstance(value, str) and value.strip():  # commenting, or anything else said in words
            notes.append(IncomingNote(body_uid, value, author, created))
    return IncomingAnnotation(
        uid=uid,
        own=own,
        source=source,
        quote=quote,
        start=start,
        end=end,
        status=state,
        notes=tuple(notes),
        tags=tuple(tags),
        evidence=tuple(evidence),
        created=parse_time(item.get("created")),
        modified=parse_time(item.get("modified")),
    )


def _unwrapped(body: dict[str, Any]) -> dict[str, Any]:
    """A SpecificResource around an embedded text, as the text itself with the wrapper's purpose."""
    source = body.get("source")
    if body.get("type") == "SpecificResource" and isinstance(source, dict) and "value" in source:
        return {**source, "purpose": body.get("purpose")}
    return body


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()


def _read_target(target: Any) -> tuple[str | None, TextQuote | None, int | None, int | None]:
    if isinstance(target, str):
        return target, None, None, None
    if not isinstance(target, dict):
        return None, None, None, None
    source = target.get("source") or target.get("id")
    quote: TextQuote | None = None
    start = end = None
    for selector in _as_list(target.get("selector")):
        if not isinstance(selector, dict):
            continue
        if selector.get("type") == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
            quote = TextQuote(selector["exact"], selector.get("prefix") or "", selector.get("suffix") or "")
        elif selector.get("type") == "TextPositionSelector" and _are_ints(selector, "start", "end"):
            start, end = selector["start"], selector["end"]
    return (str(source) if source else None), quote, start, end


def _read_link(
    body: dict[str, Any], uid: str, author: str, created: datetime | None
) -> IncomingEvidence | None:
    value = body.get("value")
    if isinstance(value, str):
        head, _, note = value.partition("\n\n")
        fields = dict(line.partition(": ")[::2] for line in head.splitlines())
        kind = next((k for h, k in _KINDS_BY_HEAD.items() if h in fields), None)
        if kind is None:
            return IncomingEvidence(uid, "other", value.strip(), author=author, added_at=created)
        return IncomingEvidence(
            uid=uid,
            kind=kind,
            reference=fields[_EVIDENCE_HEADS[kind]],
            note=note,
            sha256=fields.get("SHA-256") or None,
            role=fields.get("Role") or None,
            contact_method=fields.get("Method") or None,
            contacted_at=parse_time(fields.get("Contacted")),
            outcome=fields.get("Outcome") or None,
            author=author,
            added_at=created,
        )
    link = body.get("source") if body.get("type") == "SpecificResource" else body.get("id")
    if isinstance(link, dict):
        link = link.get("id")
    if not isinstance(link, str) or not link:
        return None
    label = body.get("label")
    note = label if isinstance(label, str) else ""
    return IncomingEvidence(uid, "url", link, note=note, author=author, added_at=created)


def parse_status(value: str) -> tuple[str, str] | None:
    """(status id, reason) from "Label" or "Label: reason"; None if no status is named."""
    for known in STATUSES:
        for name in (known.label, known.id):
            if value == name:
                return known.id, ""
            if value.startswith(name + ": "):
                return known.id, value[len(name) + 2 :].strip()
    return None


def uid_of(ident: str) -> tuple[str, bool]:
    """A uid for an annotation or body id: the uuid itself for urn:uuid, else one derived from it."""
    if ident.startswith("urn:uuid:"):
        try:
            return str(uuid.UUID(ident[len("urn:uuid:") :])), True
        except ValueError:
            pass
    return str(uuid.uuid5(uuid.NAMESPACE_URL, ident or "about:blank")), False


def parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _agent_name(agent: Any) -> str:
    if isinstance(agent, list):
        agent = agent[0] if agent else None
    if isinstance(agent, dict):
        name = agent.get("name") or agent.get("nickname") or agent.get("id") or ""
        return str(name[0] if isinstance(name, list) and name else name)
    return agent if isinstance(agent, str) else ""


def _are_ints(item: dict[str, Any], *keys: str) -> bool:
    return all(isinstance(item.get(key), int) and not isinstance(item.get(key), bool) for key in keys)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
