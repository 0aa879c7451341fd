"""Word .docx import: body paragraphs in order, title and author, and hostile zips refused in time.

The .docx files are built here with zipfile (a real Word file is a zip of XML parts); one made by
LibreOffice is checked too when LibreOffice is installed (never in CI).
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from app.importers import import_file, office_zip
from app.storage.database import Database
from tests.fuzz.network_guard import files_opened, no_network
from tests.helpers import refusal

__all__ = ["files_opened", "make_docx", "no_network", "paragraph"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
CORE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
    "<dc:creator>{creator}</dc:creator></cp:coreProperties>"
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>'
    "</w:styles>"
)


def paragraph(text: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document(*body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{''.join(body)}<w:sectPr/></w:body></w:document>"
    )


def make_docx(parts: dict[str, str | bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


BODY = document(
    paragraph("Harbour closed after storm", "Titel"),
    paragraph("By the harbour desk"),
    "<w:p><w:r><w:t>The authority said </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>forty</w:t></w:r>"
    '<w:r><w:t xml:space="preserve"> ferries were cancelled.</w:t></w:r>'
    '<w:del w:id="1"><w:r><w:delText>Deleted words.</w:delText></w:r></w:del>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>',
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
    "<w:r><w:t>Cost:</w:t><w:tab/><w:t>4 million</w:t><w:br/><w:t>Second line</w:t></w:r></w:p>",
    paragraph("Damage report", "berschrift1"),
    "<w:tbl><w:tr><w:tc>"
    + paragraph("Pier A")
    + "</w:tc><w:tc>"
    + paragraph("closed")
    + "</w:tc></w:tr></w:tbl>",
    "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>"
    + paragraph("Text box words.")
    + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
    + paragraph("Text box words.")
    + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
    "<w:p/>",
    paragraph("&quot;We had no choice,&quot; a spokesperson said &amp; left."),
)
PARTS: dict[str, str | bytes] = {
    "word/document.xml": BODY,
    "word/styles.xml": STYLES,
    "docProps/core.xml": CORE.format(title="Storm memo (core title)", creator="Jane Roe"),
    "word/header1.xml": document(paragraph("RUNNING HEADER TEXT")),
    "word/footer1.xml": document(paragraph("FOOTER TEXT")),
    "word/comments.xml": document(paragraph("A REVIEWER COMMENT")),
}
EXPECTED = [
    "Harbour closed after storm",
    "By the harbour desk",
    "The authority said forty ferries were cancelled.",
    "Cost:\t4 million\nSecond line",
    "Damage report",
    "Pier A",
    "closed",
    "Text box words.",
    '"We had no choice," a spokesperson said & left.',
]


def _file(tmp_path: Path, data: bytes, name: str = "article.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_body_paragraphs_in_order_without_headers_comments_or_deleted_text(tmp_path: Path) -> None:
    article = import_file(_file(tmp_path, make_docx(PARTS)))
    assert article.text.split("\n\n") == EXPECTED
    assert article.format == "docx" and article.byline == "Jane Roe"
    assert article.title == "Harbour closed after storm"  # the Title style, by its localised id
    assert article.html is not None and "<h1>Harbour closed after storm</h1>" in article.html
    assert "&quot;We had no choice,&quot;" in article.html and "&amp; left" in article.html


def test_title_falls_back_to_heading_1_then_to_the_core_title(tmp_path: Path) -> None:
    parts = dict(
        PARTS, **{"word/document.xml": document(paragraph("Body first."), paragraph("Head", "Heading1"))}
    )
    del parts["word/styles.xml"]  # no style names: the English id still tells a heading
    assert import_file(_file(tmp_path, make_docx(parts))).title == "Head"
    parts["word/document.xml"] = document(paragraph("Only body text."))
    assert import_file(_file(tmp_path, make_docx(parts), "b.docx")).title == "Storm memo (core title)"
    del parts["docProps/core.xml"]
    article = import_file(_file(tmp_path, make_docx(parts), "c.docx"))
    assert article.title is None and article.byline is None and article.text == "Only body text."


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    """150 MB of zeros compress to 150 KB; the declared size alone is enough to refuse it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document(paragraph("Small.")))
        with archive.open("word/media/huge.bin", "w", force_zip64=True) as member:
            zeros = bytes(2**20)
            for _ in range(150):
                member.write(zeros)
    path = _file(tmp_path, buffer.getvalue(), "bomb.docx")
    assert path.stat().st_size < 2**20
    started = time.perf_counter()
    message = refusal(path)
    print(f"zip bomb (150 MB declared) refused in {time.perf_counter() - started:.4f} s")
    assert message.endswith("this .docx expands to more than 100 MB; it may be a zip bomb")


def test_a_member_compressed_too_well_is_refused(tmp_path: Path) -> None:
    zeros = "<w:p/>" * (3 * 2**20 // 6)  # 3 MB of empty paragraphs: far beyond Word's ratios
    parts = dict(PARTS, **{"word/document.xml": document(zeros)})
    assert "may be a zip bomb" in refusal(_file(tmp_path, make_docx(parts)))


def test_a_member_lying_about_its_size_is_stopped_by_the_read_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the size check fooled (as a forged header would), inflating still stops at the cap."""
    monkeypatch.setattr(office_zip, "check_sizes", lambda _archive, _name, _kind: None)
    monkeypatch.setattr(office_zip, "MAX_EXPANDED_MB", 1)
    parts = dict(PARTS, **{"word/document.xml": document(paragraph("x" * 100) * 30_000)})
    assert "expands to more than 1 MB; it may be a zip bomb" in refusal(_file(tmp_path, make_docx(parts)))


def test_a_forged_size_in_the_zip_directory_is_caught(tmp_path: Path) -> None:
    """A central directory that says 1 KB for 20 MB of data: inflation stops at the lie."""
    body = document(paragraph("y" * 1000) * 20_000).encode()
    data = bytearray(make_docx({"word/document.xml": body}))
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at >= 0:  # the local header and the directory entry of word/document.xml
            if data[at + name_at : at + name_at + 17] == b"word/document.xml":
                struct.pack_into("<I", data, at + size_at, 1024)
            at = data.find(signature, at + 4)
    started = time.perf_counter()
    message = refusal(_file(tmp_path, bytes(data)))
    assert time.perf_counter() - started < 60  # a hang detector, not a speed goal
    assert "damaged or cut short" in message or "zip bomb" in message


@pytest.mark.parametrize(
    ("prolog", "words"),
    [
        (  # billion laughs
            '<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
            "&d;",
        ),
        ('<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>', "&secret;"),
        ('<!DOCTYPE w:document SYSTEM "http://example.invalid/evil.dtd">', "plain words"),
    ],
)
def test_xml_entity_tricks_are_refused_without_reading_or_fetching(
    tmp_path: Path, prolog: str, words: str, no_network: list[str], files_opened: list[str]
) -> None:
    xml = document(paragraph(words)).replace("?>", "?>" + prolog, 1)
    path = _file(tmp_path, make_docx({"word/document.xml": xml}))
    assert "XML entity declarations" in refusal(path)
    assert not any("passwd" in opened or "evil" in opened for opened in files_opened)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Plain text with a .docx name.", "is not a Word document"),
        (b"PK\x03\x04" + bytes(200), "is not a Word document"),
        (make_docx({"word/other.xml": "<x/>"}), "has no word/document.xml"),
        (make_docx({"word/document.xml": "<w:document><w:body><w:p>"}), "damaged or cut short"),
        (make_docx({"word/document.xml": b"\xff\xfe\x00garbage"}), "damaged or cut short"),
        (make_docx({"word/document.xml": document("<w:p/>")}), "has no text"),
        (make_docx(PARTS)[:900], "is not a Word document"),
    ],
)
def test_broken_files_get_a_clear_message(tmp_path: Path, data: bytes, reason: str) -> None:
    assert reason in refusal(_file(tmp_path, data))


def test_a_stored_zip_and_strict_open_xml_read_too(tmp_path: Path) -> None:
    strict = BODY.replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main")
    parts = dict(PARTS, **{"word/document.xml": strict})
    article = import_file(_file(tmp_path, make_docx(parts, compression=zipfile.ZIP_STORED)))
    assert article.text.split("\n\n") == EXPECTED


@pytest.mark.timeout(240)  # LibreOffice's first start may take most of its 180 s
def test_a_real_document_saved_by_libreoffice(tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (this check never runs in CI)")
    source = tmp_path / "memo.html"
    source.write_text(
        "<html><head><title>Ferry memo</title></head><body><h1>Ferries cancelled</h1>"
        "<p>The authority said forty ferries were cancelled.</p><p>Repairs may take weeks.</p></body></html>",
        encoding="utf-8",
    )
    subprocess.run(
        [
            office,
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    article = import_file(tmp_path / "memo.docx")
    assert "The authority said forty ferries were cancelled." in article.text.split("\n\n")
    assert article.title == "Ferries cancelled"


def test_a_docx_becomes_a_stored_article_with_claims(tmp_path: Path, db: Database) -> None:
    from app.services.articles import import_path, load_article

    article = load_article(db, import_path(db, _file(tmp_path, make_docx(PARTS))).article_id)
    assert article.format == "docx" and article.byline == "Jane Roe"
    assert any("forty ferries were cancelled" in claim.text for claim in article.claims)


def test_the_main_part_is_found_through_the_package_relationships(tmp_path: Path) -> None:
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="/word/document2.xml"/></Relationships>'
    )
    parts = {"_rels/.rels": rels, "word/document2.xml": BODY, "word/styles.xml": STYLES}
    article = import_file(_file(tmp_path, make_docx(parts)))
    assert article.text.split("\n\n") == EXPECTED and article.title == "Harbour closed after storm"
