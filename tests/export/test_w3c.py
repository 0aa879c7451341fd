"""W3C Web Annotation export and import of plain records: selectors, bodies, and reading them back."""

from __future__ import annotations

import base64
import hashlib
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import __version__
from app.domain.anchoring import TextQuote
from app.domain.records import ArticleRecord, ClaimRecord, EvidenceRecord, NoteRecord, StatusChangeRecord
from app.export import w3c

TEXT = (
    "Harbour dredging halted after survey\n\n"
    "Dredging in the north harbour stopped on Monday, according to the port authority.\n\n"
    "The authority said the survey found 14 unexploded shells on the seabed."
)
WHEN = datetime(2026, 3, 4, 10, 20, 30, tzinfo=UTC)
UID = "0b3b2c1e-6a0d-4d55-9d1c-7f0e0c2f1a10"


def _claim(text: str = TEXT, phrase: str = "stopped on Monday", **changes: Any) -> ClaimRecord:
    start = text.index(phrase)
    claim = ClaimRecord(
        id=1,
        article_id=1,
        start=start,
        end=start + len(phrase),
        text=phrase,
        kind="claim",
        origin="detected",
        source=None,
        secondary_source=None,
        source_refers_to=None,
        cues=(),
        hedges=(),
        figures=(),
        reasons=(),
        score=0.5,
        status="unreviewed",
        anchored=True,
        updated_at=WHEN,
        notes=(),
        history=(),
        uid=UID,
    )
    return replace(claim, **changes)


def _article(*claims: ClaimRecord, url: str | None = None, text: str = TEXT) -> ArticleRecord:
    return ArticleRecord(
        id=1,
        title="Harbour",
        byline=None,
        outlet=None,
        source_url=url,
        published_at=None,
        filename="harbour.txt",
        format="txt",
        text=text,
        imported_at=WHEN,
        claims=claims,
    )


def _evidence(kind: str, reference: str, **changes: Any) -> EvidenceRecord:
    evidence = EvidenceRecord(
        id=1,
        kind=kind,
        reference=reference,
        note="",
        stored_path=None,
        sha256=None,
        role=None,
        contact_method=None,
        contacted_at=None,
        author="",
        added_at=WHEN,
        uid=str(uuid.uuid4()),
    )
    return replace(evidence, **changes)


def _selectors(annotation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {selector["type"]: selector for selector in annotation["target"]["selector"]}


# --- selectors -----------------------------------------------------------------------------------


def test_an_anchored_claim_has_its_quote_context_and_position() -> None:
    claim = _claim()
    selectors = _selectors(w3c.annotation(claim, TEXT, "urn:x"))
    assert selectors["TextPositionSelector"] == {
        "type": "TextPositionSelector",
        "start": claim.start,
        "end": claim.end,
    }
    quote = selectors["TextQuoteSelector"]
    assert quote["exact"] == "stopped on Monday"
    assert quote["prefix"] == TEXT[claim.start - 32 : claim.start]
    assert quote["suffix"] == TEXT[claim.end : claim.end + 32]


def test_an_orphaned_claim_has_its_quote_alone_and_no_position() -> None:
    """An orphan's offsets are stale: they point at whatever text is there now, never at the claim."""
    orphan = _claim(anchored=False)  # its old offsets still hold the same words, by chance
    annotation = w3c.annotation(orphan, TEXT, "urn:x")
    assert annotation["target"]["selector"] == [{"type": "TextQuoteSelector", "exact": "stopped on Monday"}]


def test_a_claim_whose_words_are_not_at_its_offsets_gets_no_context() -> None:
    claim = replace(_claim(), text="stopped on Tuesday")  # its offsets hold "stopped on Monday"
    quote = w3c.claim_quote(claim, TEXT)
    assert quote == TextQuote("stopped on Tuesday")


def test_context_is_cut_at_the_ends_of_the_text() -> None:
    claim = _claim(phrase="Harbour dredging")
    quote = w3c.claim_quote(claim, TEXT)
    assert (quote.prefix, quote.suffix) == ("", TEXT[16:48])
    selectors = _selectors(w3c.annotation(claim, TEXT, "urn:x"))
    assert "prefix" not in selectors["TextQuoteSelector"], "an empty prefix is left out"
    last = _claim(phrase="on the seabed.")
    selectors = _selectors(w3c.annotation(last, TEXT, "urn:x"))
    assert "suffix" not in selectors["TextQuoteSelector"] and selectors["TextQuoteSelector"]["prefix"]


CLAIM_TEXTS = st.text(alphabet="abc .\n\u00e9\U0001f600", min_size=1, max_size=120)


@st.composite
def articles_with_claims(draw: st.DrawFn) -> tuple[str, list[ClaimRecord]]:
    """A text and claims on it: anchored ones at their words, orphans with stale offsets and words."""
    text = draw(CLAIM_TEXTS)
    claims = []
    for number in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        anchored = draw(st.booleans())
        words = text[start:end] if anchored else draw(st.one_of(st.just(text[start:end]), CLAIM_TEXTS))
        claims.append(
            replace(
                _claim(),
                id=number,
                start=start,
                end=end,
                text=words,
                anchored=anchored,
                uid=str(uuid.uuid4()),
            )
        )
    return text, claims


@settings(max_examples=200, deadline=None)
@given(articles_with_claims())
def test_every_exported_selector_resolves_to_the_claims_text_or_the_claim_is_an_orphan(
    case: tuple[str, list[ClaimRecord]],
) -> None:
    text, claims = case
    exported = w3c.collection(_article(*claims, text=text), {}, "", WHEN)
    for claim, annotation in zip(claims, exported["first"]["items"], strict=True):
        selectors = _selectors(annotation)
        quote = selectors["TextQuoteSelector"]
        assert quote["exact"] == claim.text
        position = selectors.get("TextPositionSelector")
        if position is None:
            assert not claim.anchored and set(quote) == {"type", "exact"}
            continue
        assert claim.anchored
        start, end = position["start"], position["end"]
        assert text[start:end] == claim.text
        assert text[:start].endswith(quote.get("prefix", "")) and text[end:].startswith(
            quote.get("suffix", "")
        )
        (incoming,) = w3c.read_w3c(annotation)
        assert (incoming.start, incoming.end, incoming.quote) == (
            start,
            end,
            TextQuote(claim.text, quote.get("prefix", ""), quote.get("suffix", "")),
        )


# --- the collection and the annotation around the selectors ---------------------------------------


def test_the_collection_names_its_source_page_and_software() -> None:
    first, second = _claim(), replace(_claim(phrase="14 unexploded shells"), id=2, uid=str(uuid.uuid4()))
    created = {1: WHEN - timedelta(days=1)}
    result = w3c.collection(_article(first, second, url="https://port.invalid/a"), created, "Ana", WHEN)
    page_id = uuid.uuid5(uuid.NAMESPACE_URL, "https://port.invalid/a#page-1")
    assert result["id"] == f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'https://port.invalid/a')}"
    assert (result["type"], result["label"], result["total"]) == (
        "AnnotationCollection",
        "Claims checked in: Harbour",
        2,
    )
    assert result["creator"] == {"type": "Person", "name": "Ana"}
    assert result["generator"] == {"type": "Software", "name": f"Claimdesk {__version__}"}
    assert result["generated"] == "2026-03-04T10:20:30Z"
    page = result["first"]
    assert (page["id"], page["type"], page["startIndex"]) == (f"urn:uuid:{page_id}", "AnnotationPage", 0)
    assert [item["id"] for item in page["items"]] == [f"urn:uuid:{UID}", f"urn:uuid:{second.uid}"]
    assert page["items"][0]["created"] == "2026-03-03T10:20:30Z", "the claim's creation time when known"
    assert page["items"][1]["created"] == page["items"][1]["modified"] == "2026-03-04T10:20:30Z"
    assert all(item["target"]["source"] == "https://port.invalid/a" for item in page["items"])
    assert "creator" not in w3c.collection(_article(first), {}, "", WHEN), "no reviewer, no creator"


def test_a_text_without_a_url_is_named_by_its_sha256() -> None:
    digest = base64.urlsafe_b64encode(hashlib.sha256(TEXT.encode("utf-8")).digest()).decode().rstrip("=")
    assert w3c.target_source(_article()) == f"ni:///sha-256;{digest}"
    assert "=" not in digest and len(digest) == 43
    assert w3c.target_source(_article(url="https://port.invalid/a")) == "https://port.invalid/a"


def test_times_are_written_in_utc_to_the_second() -> None:
    local = datetime(2026, 3, 4, 12, 20, 30, 999, tzinfo=timezone(timedelta(hours=2)))
    assert w3c.iso(local) == "2026-03-04T10:20:30Z"


def test_the_status_body_says_who_set_it_when_and_why() -> None:
    change = StatusChangeRecord("unreviewed", "false", "The survey counted 4.", "Ana", WHEN)
    claim = _claim(status="false", history=(change,))
    annotation = w3c.annotation(claim, TEXT, "urn:x")
    assert annotation["creator"] == {"type": "Person", "name": "Ana"}
    assert annotation["body"] == [
        {
            "type": "TextualBody",
            "purpose": "assessing",
            "format": "text/plain",
            "value": "False: The survey counted 4.",
            "creator": {"type": "Person", "name": "Ana"},
            "created": "2026-03-04T10:20:30Z",
        }
    ]
    anonymous = replace(claim, history=(replace(change, author="", reason=""),))
    annotation = w3c.annotation(anonymous, TEXT, "urn:x")
    assert "creator" not in annotation and annotation["body"][0]["value"] == "False"
    assert (
        "creator" not in annotation["body"][0] and annotation["body"][0]["created"] == "2026-03-04T10:20:30Z"
    )
    never_set = w3c.annotation(_claim(), TEXT, "urn:x")["body"]
    assert never_set == [
        {"type": "TextualBody", "purpose": "assessing", "format": "text/plain", "value": "Unreviewed"}
    ]


def test_notes_tags_and_evidence_become_their_bodies() -> None:
    note = NoteRecord(1, "Called *her*.", "Ana", WHEN, uid=str(uuid.uuid4()))
    link = _evidence("url", "https://port.invalid/notice", note="Port notice", author="Ben")
    bare_link = _evidence("url", "https://port.invalid/bare")
    person = _evidence(
        "person",
        "Ana  Silva",
        role="harbour\nmaster",
        contact_method="phone",
        contacted_at=WHEN,
        note="On record",
        author="Ben",
    )
    document = _evidence("document", "survey.pdf", sha256="ab" * 32)
    claim = _claim(
        notes=(note,), tags=("port", "Dredging", "air"), evidence=(link, bare_link, person, document)
    )
    bodies = w3c.annotation(claim, TEXT, "urn:x")["body"]
    assert bodies[1] == {
        "type": "SpecificResource",
        "purpose": "commenting",
        "source": {
            "id": f"urn:uuid:{note.uid}",
            "type": "TextualBody",
            "format": "text/markdown",
            "value": "Called *her*.",
            "creator": {"type": "Person", "name": "Ana"},
            "created": "2026-03-04T10:20:30Z",
        },
    }
    assert [b["value"] for b in bodies[2:5]] == ["air", "Dredging", "port"], "tags sorted without case"
    assert all(b == {"type": "TextualBody", "purpose": "tagging", "value": b["value"]} for b in bodies[2:5])
    assert bodies[5] == {
        "id": f"urn:uuid:{link.uid}",
        "type": "SpecificResource",
        "purpose": "linking",
        "source": "https://port.invalid/notice",
        "label": "Port notice",
        "creator": {"type": "Person", "name": "Ben"},
        "created": "2026-03-04T10:20:30Z",
    }
    assert bodies[6] == {
        "id": f"urn:uuid:{bare_link.uid}",
        "type": "SpecificResource",
        "purpose": "linking",
        "source": "https://port.invalid/bare",
        "created": "2026-03-04T10:20:30Z",
    }
    assert bodies[7]["type"] == "SpecificResource" and bodies[7]["purpose"] == "linking"
    assert bodies[7]["source"] == {
        "id": f"urn:uuid:{person.uid}",
        "type": "TextualBody",
        "format": "text/plain",
        "value": "Person: Ana Silva\nRole: harbour master\nMethod: phone\nContacted: 2026-03-04T10:20:30Z"
        "\n\nOn record",
        "creator": {"type": "Person", "name": "Ben"},
        "created": "2026-03-04T10:20:30Z",
    }
    assert bodies[8]["source"]["value"] == f"Document: survey.pdf\nSHA-256: {'ab' * 32}"
    assert "creator" not in bodies[8]["source"]


def test_evidence_of_an_unknown_kind_is_written_as_other() -> None:
    assert w3c._evidence_text(_evidence("fax", "+44 20 7946 0000")) == "Other: +44 20 7946 0000"


# --- reading back --------------------------------------------------------------------------------


def _rich_claim() -> ClaimRecord:
    note = NoteRecord(1, "Called *her*.\n\nTwice.", "Ana", WHEN, uid=str(uuid.uuid4()))
    change = StatusChangeRecord("unreviewed", "disputed", "Two sources differ.", "Ana", WHEN)
    evidence = (
        _evidence("url", "https://port.invalid/notice", note="Port notice", author="Ben"),
        _evidence(
            "person",
            "Ana Silva",
            role="harbour master",
            contact_method="phone",
            contacted_at=WHEN,
            outcome="declined to comment",
            note="On record\n\nsaid twice",
            author="Ben",
        ),
        _evidence("document", "survey.pdf", sha256="ab" * 32, note="page 2"),
        _evidence("other", "a voicemail"),
    )
    return _claim(status="disputed", history=(change,), notes=(note,), tags=("port",), evidence=evidence)


def test_an_export_reads_back_as_it_was_written() -> None:
    claim = _rich_claim()
    exported = w3c.collection(_article(claim, url="https://port.invalid/a"), {1: WHEN}, "Ana", WHEN)
    (incoming,) = w3c.read_w3c(exported)
    assert (incoming.uid, incoming.own, incoming.source) == (UID, True, "https://port.invalid/a")
    assert (incoming.start, incoming.end) == (claim.start, claim.end)
    assert incoming.quote == w3c.claim_quote(claim, TEXT)
    assert incoming.status == w3c.IncomingStatus("disputed", "Two sources differ.", "Ana", WHEN)
    assert incoming.notes == (w3c.IncomingNote(claim.notes[0].uid, "Called *her*.\n\nTwice.", "Ana", WHEN),)
    assert incoming.tags == ("port",)
    assert (incoming.created, incoming.modified) == (WHEN, WHEN)
    link, person, document, other = incoming.evidence
    source = claim.evidence
    assert link == w3c.IncomingEvidence(
        source[0].uid, "url", "https://port.invalid/notice", note="Port notice", author="Ben", added_at=WHEN
    )
    assert person == w3c.IncomingEvidence(
        source[1].uid,
        "person",
        "Ana Silva",
        note="On record\n\nsaid twice",
        role="harbour master",
        contact_method="phone",
        contacted_at=WHEN,
        outcome="declined to comment",
        author="Ben",
        added_at=WHEN,
    )
    assert document == w3c.IncomingEvidence(
        source[2].uid, "document", "survey.pdf", note="page 2", sha256="ab" * 32, added_at=WHEN
    )
    assert other == w3c.IncomingEvidence(source[3].uid, "other", "a voicemail", added_at=WHEN)


def _annotation(**fields: Any) -> dict[str, Any]:
    return {"type": "Annotation", "target": "https://port.invalid/a", **fields}


def test_annotations_are_read_from_every_container_and_pages_are_followed() -> None:
    one, two, three = (_annotation(id=f"urn:uuid:{uuid.uuid4()}") for _ in range(3))
    collection = {
        "type": ["AnnotationCollection"],
        "first": {"type": "AnnotationPage", "items": [one], "next": {"type": "AnnotationPage", "items": two}},
    }
    assert [a.uid for a in w3c.read_w3c(collection)] == [one["id"][9:], two["id"][9:]]
    assert len(w3c.read_w3c({"type": "AnnotationPage", "items": [one, three]})) == 2
    assert len(w3c.read_w3c([one, two, three])) == 3
    assert len(w3c.read_w3c(one)) == 1
    assert w3c.read_w3c("not json-ld") == [] and w3c.read_w3c(None) == []
    assert w3c.read_w3c([one, "text", {"type": "Annotation"}, {"target": []}]) == w3c.read_w3c([one])


def test_an_annotation_without_an_id_is_named_by_its_content() -> None:
    first, again = w3c.read_w3c([_annotation(bodyValue="x"), _annotation(bodyValue="x")])
    other = w3c.read_w3c(_annotation(bodyValue="y"))[0]
    assert first.uid == again.uid != other.uid and not first.own
    assert first.notes[0].uid == again.notes[0].uid, "a body without an id is named by its content too"


@pytest.mark.parametrize(
    ("ident", "own"),
    [
        (f"urn:uuid:{UID}", True),
        (f"urn:uuid:{UID.upper()}", True),
        ("urn:uuid:not-a-uuid", False),
        ("https://hypothes.is/a/abc", False),
        ("", False),
    ],
)
def test_uids_of_ids(ident: str, own: bool) -> None:
    uid, is_own = w3c.uid_of(ident)
    assert is_own is own
    if own:
        assert uid == UID
    else:
        assert uid == str(uuid.uuid5(uuid.NAMESPACE_URL, ident or "about:blank"))


def test_targets_of_every_shape() -> None:
    def read(target: Any) -> tuple[Any, ...]:
        (incoming,) = w3c.read_w3c(_annotation(target=target))
        return incoming.source, incoming.quote, incoming.start, incoming.end

    assert read("https://port.invalid/a") == ("https://port.invalid/a", None, None, None)
    assert read(7) == (None, None, None, None)
    assert read({"id": "https://port.invalid/b"}) == ("https://port.invalid/b", None, None, None)
    selectors = [
        "not a selector",
        {"type": "TextQuoteSelector", "exact": "stopped"},
        {"type": "TextPositionSelector", "start": True, "end": 3},
        {"type": "TextPositionSelector", "start": 2, "end": "9"},
        {"type": "TextQuoteSelector", "exact": 5},
    ]
    assert read({"source": "s", "selector": selectors}) == ("s", TextQuote("stopped"), None, None)
    both = {"type": "TextPositionSelector", "start": 4, "end": 9}
    assert read({"source": "s", "selector": both}) == ("s", None, 4, 9)


def test_bodies_of_every_purpose() -> None:
    bodies = [
        {"type": "TextualBody", "purpose": "assessing", "value": "Partly true: mostly", "creator": ["Ana"]},
        {"type": "TextualBody", "purpose": "assessing", "value": "No such status"},
        {"type": "TextualBody", "purpose": "tagging", "value": "port"},
        {"type": "TextualBody", "purpose": "tagging", "value": 3},
        {"type": "TextualBody", "value": "  "},
        {
            "type": "TextualBody",
            "value": "A note",
            "creator": {"nickname": "anna"},
            "created": "2026-03-04T12:20:30+02:00",
        },
        "https://port.invalid/evidence",
        {"type": "SpecificResource", "purpose": "linking", "source": {"id": "https://port.invalid/doc"}},
        {"type": "SpecificResource", "purpose": "linking", "source": {"format": "x"}},
        {"type": "SpecificResource", "purpose": "linking", "source": "https://port.invalid/l", "label": 4},
        {"purpose": "linking", "value": "Fax: 0123"},
        42,
    ]
    (incoming,) = w3c.read_w3c(_annotation(motivation="commenting", body=bodies, bodyValue="From bodyValue"))
    assert incoming.status == w3c.IncomingStatus("partly_true", "mostly", "Ana", None)
    assert incoming.tags == ("port",)
    assert [(n.body, n.author, n.created) for n in incoming.notes] == [
        ("No such status", "", None),
        ("A note", "anna", WHEN),
        ("From bodyValue", "", None),
    ]
    assert [(e.kind, e.reference, e.note) for e in incoming.evidence] == [
        ("url", "https://port.invalid/evidence", ""),
        ("url", "https://port.invalid/doc", ""),
        ("url", "https://port.invalid/l", ""),
        ("other", "Fax: 0123", ""),
    ]


def test_a_body_without_a_purpose_takes_the_annotations_motivation() -> None:
    (incoming,) = w3c.read_w3c(
        _annotation(motivation="tagging", body={"type": "TextualBody", "value": "port"})
    )
    assert incoming.tags == ("port",) and not incoming.notes
    (incoming,) = w3c.read_w3c(_annotation(body={"type": "TextualBody", "value": "port"}))
    assert incoming.notes[0].body == "port" and not incoming.tags


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("Verified", ("verified", "")),
        ("verified", ("verified", "")),
        ("In progress", ("in_progress", "")),
        ("False:  made up  ", ("false", "made up")),
        ("partly_true: half", ("partly_true", "half")),
        ("Verified:no space", None),
        ("Falsely", None),
        ("", None),
    ],
)
def test_status_values(value: str, parsed: tuple[str, str] | None) -> None:
    assert w3c.parse_status(value) == parsed


@pytest.mark.parametrize(
    ("value", "moment"),
    [
        ("2026-03-04T10:20:30Z", WHEN),
        (" 2026-03-04T10:20:30 ", WHEN),
        ("2026-03-04T12:20:30+02:00", WHEN),
        ("4 March", None),
        (None, None),
        (1772619630, None),
    ],
)
def test_times(value: Any, moment: datetime | None) -> None:
    parsed = w3c.parse_time(value)
    assert parsed == moment
    if parsed is not None:
        assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("agent", "name"),
    [
        ({"type": "Person", "name": "Ana"}, "Ana"),
        ({"name": ["Ana", "Ben"]}, "Ana"),
        ({"nickname": "anna"}, "anna"),
        ({"id": "acct:anna@hypothes.is"}, "acct:anna@hypothes.is"),
        ({}, ""),
        ([{"name": "Ana"}, {"name": "Ben"}], "Ana"),
        ([], ""),
        ("Ana", "Ana"),
        (7, ""),
    ],
)
def test_agent_names(agent: Any, name: str) -> None:
    assert w3c._agent_name(agent) == name


def test_content_ids_do_not_depend_on_the_order_of_keys() -> None:
    body = {"type": "TextualBody", "purpose": "commenting", "value": "A note", "format": "text/plain"}
    reordered = dict(reversed(list(body.items())))
    first = w3c.read_w3c(_annotation(body=[body]))[0]
    second = w3c.read_w3c({"body": [reordered], "target": "https://port.invalid/a", "type": "Annotation"})[0]
    assert first.uid == second.uid and first.notes[0].uid == second.notes[0].uid


def test_notes_without_ids_in_one_annotation_get_their_own_uids() -> None:
    (incoming,) = w3c.read_w3c(
        _annotation(id="urn:x:1", body=[{"value": "First"}, {"value": "Second"}], bodyValue="Third")
    )
    assert len({note.uid for note in incoming.notes}) == 3


@pytest.mark.parametrize("motivation", ["assessing", "tagging", "linking"])
def test_a_body_value_is_a_note_whatever_the_motivation(motivation: str) -> None:
    (incoming,) = w3c.read_w3c(_annotation(motivation=motivation, bodyValue="Verified"))
    assert [note.body for note in incoming.notes] == ["Verified"]
    assert incoming.status is None and not incoming.tags and not incoming.evidence


def test_evidence_in_words_keeps_colons_in_its_values_and_its_identity() -> None:
    body = {
        "id": f"urn:uuid:{UID}",
        "type": "TextualBody",
        "purpose": "linking",
        "value": "Person: Dr: Who\nRole: adviser: ports",
        "creator": {"name": "Ben"},
        "created": "2026-03-04T10:20:30Z",
    }
    unknown = {**body, "id": "urn:x:fax", "value": "Fax: 0123: ext 4"}
    (incoming,) = w3c.read_w3c(_annotation(body=[body, unknown]))
    person, other = incoming.evidence
    assert (person.uid, person.kind, person.reference, person.role) == (
        UID,
        "person",
        "Dr: Who",
        "adviser: ports",
    )
    assert other == w3c.IncomingEvidence(
        w3c.uid_of("urn:x:fax")[0], "other", "Fax: 0123: ext 4", author="Ben", added_at=WHEN
    )


@pytest.mark.parametrize("source", [5, "", None, {"id": ""}, {"id": 7}])
def test_a_link_to_nothing_is_no_evidence(source: Any) -> None:
    body = {"type": "SpecificResource", "purpose": "linking", "source": source}
    (incoming,) = w3c.read_w3c(_annotation(body=[body]))
    assert incoming.evidence == ()


def test_a_target_without_a_source_has_none() -> None:
    target = {"selector": {"type": "TextQuoteSelector", "exact": "stopped"}}
    (incoming,) = w3c.read_w3c(_annotation(target=target))
    assert (incoming.source, incoming.quote) == (None, TextQuote("stopped"))


def test_times_are_read_and_written_in_utc_whatever_the_machines_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Asia/Kolkata")  # UTC+05:30, no daylight saving
    time.tzset()
    try:
        assert w3c.iso(WHEN) == "2026-03-04T10:20:30Z"
        assert w3c.parse_time("2026-03-04T10:20:30") == WHEN, "a time without a zone is UTC"
        parsed = w3c.parse_time("2026-03-04T15:50:30+05:30")
        assert parsed == WHEN and parsed is not None and parsed.tzinfo is UTC
    finally:
        monkeypatch.undo()
        time.tzset()
