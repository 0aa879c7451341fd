"""The streaming XML parser for untrusted Office XML: events as (namespace, name), and no DTD ever."""

from __future__ import annotations

import pytest

from app.importers.safe_xml import ExpatError, XMLRefused, parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _events(*chunks: bytes) -> list[tuple[str, ...]]:
    events: list[tuple[str, ...]] = []
    parse_xml(
        chunks,
        lambda namespace, name, attributes: events.append(
            ("start", namespace, name, repr(sorted(attributes.items())))
        ),
        lambda namespace, name: events.append(("end", namespace, name)),
        lambda text: events.append(("text", text)),
    )
    return events


def test_elements_arrive_as_namespace_and_local_name_with_attributes_by_local_name() -> None:
    xml = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:p w:rsid="00A1" plain="yes">'
        "<w:t>Hello &amp; welcome</w:t></w:p><other>x</other></w:document>"
    ).encode()
    assert _events(xml) == [
        ("start", W, "document", "[]"),
        ("start", W, "p", "[('plain', 'yes'), ('rsid', '00A1')]"),
        ("start", W, "t", "[]"),
        ("text", "Hello & welcome"),
        ("end", W, "t"),
        ("end", W, "p"),
        ("start", "", "other", "[]"),
        ("text", "x"),
        ("end", "", "other"),
        ("end", W, "document"),
    ]


def test_chunks_may_split_tags_and_characters_anywhere() -> None:
    xml = f'<w:document xmlns:w="{W}"><w:t>Дноуглубление &lt;остановлено&gt;</w:t></w:document>'.encode()
    whole = _events(xml)
    for size in (1, 2, 3, 7):
        pieces = [xml[at : at + size] for at in range(0, len(xml), size)]
        events = _events(*pieces)
        texts = "".join(event[1] for event in events if event[0] == "text")
        assert texts == "Дноуглубление <остановлено>"
        assert [e for e in events if e[0] != "text"] == [e for e in whole if e[0] != "text"]


def test_a_run_of_text_arrives_in_one_piece_within_a_chunk() -> None:
    assert _events(b"<t>one &amp; two &#x41; three</t>") == [
        ("start", "", "t", "[]"),
        ("text", "one & two A three"),
        ("end", "", "t"),
    ]


@pytest.mark.parametrize(
    "prolog",
    [
        "<!DOCTYPE t>",
        '<!DOCTYPE t SYSTEM "http://example.invalid/evil.dtd">',
        '<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE t [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE t [<!ENTITY % p SYSTEM "http://example.invalid/p.dtd"> %p;]>',
    ],
)
def test_any_document_type_is_refused_before_anything_is_read(prolog: str) -> None:
    events: list[str] = []
    with pytest.raises(XMLRefused):
        parse_xml(
            [f'<?xml version="1.0"?>{prolog}<t>&a;</t>'.encode()],
            lambda *args: events.append("start"),
            lambda *args: events.append("end"),
            events.append,
        )
    assert events == [], "no element or text reached the handlers"


def test_a_document_cut_short_is_an_error() -> None:
    with pytest.raises(ExpatError):
        _events(b"<t><p>never closed")
    with pytest.raises(ExpatError):
        _events(b"<t>a</t", b"")


def test_an_undeclared_entity_is_an_error_not_a_lookup() -> None:
    with pytest.raises(ExpatError):
        _events(b"<t>&nbsp;</t>")
