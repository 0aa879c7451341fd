"""Pages saved as MHTML: the HTML part, decoded, read like a saved page; the rest never looked at."""

from __future__ import annotations

from email.encoders import encode_base64, encode_quopri
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from app.errors import UnreadableFileError
from app.importers import import_file
from tests.importers.test_html import ARTICLE, PARAGRAPHS, page

CAPTURED = "https://news.invalid/2026/11/ferries"


def mhtml(
    html: str | None,
    *,
    charset: str = "utf-8",
    transfer: str = "quoted-printable",
    snapshot: str | None = CAPTURED,
    location: str | None = None,
    subject: str = "Ferries cancelled",
) -> bytes:
    """An MHTML file as a browser writes one: the page, then its resources, in one MIME message."""
    message = MIMEMultipart("related", type="text/html")
    message["From"] = "<Saved by Blink>"
    message["Subject"] = subject
    if snapshot:
        message["Snapshot-Content-Location"] = snapshot
    if html is not None:
        part = MIMEText(html, "html", charset)
        del part["Content-Transfer-Encoding"]
        part.set_payload(html.encode(charset))
        (encode_quopri if transfer == "quoted-printable" else encode_base64)(part)
        if location:
            part["Content-Location"] = location
        message.attach(part)
    image = MIMEImage(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "gif")
    image["Content-Location"] = "https://tracker.invalid/pixel.gif"
    message.attach(image)
    style = MIMEApplication(b"body{background:url(file:///etc/passwd)}", "octet-stream")
    style["Content-Location"] = "https://cdn.invalid/site.css"
    message.attach(style)
    return message.as_bytes()


@pytest.mark.parametrize(
    ("charset", "transfer"),
    [
        ("utf-8", "quoted-printable"),
        ("utf-8", "base64"),
        ("windows-1251", "base64"),
        ("koi8-r", "quoted-printable"),
    ],
)
def test_the_page_inside_reads_like_the_same_page_saved_as_html(
    tmp_path: Path, charset: str, transfer: str
) -> None:
    markup = page(ARTICLE.replace("Repairs", "Ремонт"))
    saved = tmp_path / "ferries.mhtml"
    saved.write_bytes(mhtml(markup, charset=charset, transfer=transfer))
    plain = tmp_path / "ferries.html"
    plain.write_text(markup, encoding="utf-8")
    article, reference = import_file(saved), import_file(plain)
    assert article.text == reference.text and article.html == reference.html
    assert "Ремонт" in article.text.split("\n\n") and PARAGRAPHS[0] in article.text
    assert article.url == CAPTURED and article.format == "mhtml"
    assert article.title == "Ferries cancelled" and article.outlet == "Harbour News"
    assert article.sha256 != reference.sha256  # of each file's own bytes


def test_the_parts_content_location_when_there_is_no_snapshot_header(tmp_path: Path) -> None:
    path = tmp_path / "ferries.mht"
    path.write_bytes(mhtml(page(ARTICLE), snapshot=None, location="https://news.invalid/from-part"))
    assert import_file(path).url == "https://news.invalid/from-part"


def test_a_hostile_capture_location_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "ferries.mht"
    path.write_bytes(mhtml(page(ARTICLE), snapshot="javascript:alert(1)"))
    assert import_file(path).url is None


def test_the_subject_is_the_title_when_the_page_has_none(tmp_path: Path) -> None:
    path = tmp_path / "ferries.mhtml"
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    path.write_bytes(mhtml(f"<html><body>{body}</body></html>", subject="=?utf-8?q?Paromy_=E2=80=94_Storm?="))
    assert import_file(path).title == "Paromy — Storm"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (mhtml(None), "no web page found inside this MHTML file"),
        (mhtml("   "), "the web page inside this MHTML file is empty"),
        (mhtml("<html><body><script>x()</script></body></html>"), "no article text found in this page"),
        (b"\x00\xff" * 100, "no web page found inside this MHTML file"),
        (b"", "no web page found inside this MHTML file"),
    ],
)
def test_broken_files_are_refused_clearly(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "saved.mhtml"
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError, match=rf"^saved\.mhtml: {message}$"):
        import_file(path)
