"""PDF import: paragraphs rebuilt, hyphenation undone, running headers and page numbers dropped.

The PDFs are drawn here with Qt line by line (so every line end, hyphen and gap is known), or come
from our own memo exporter; `pdftotext` cross-checks the text where it is installed.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from app.errors import UnreadableFileError
from app.export.pdf import ensure_gui_application
from app.importers import import_file
from app.importers import pdf as pdf_module
from app.importers.pdf import read_pdf
from app.storage.database import Database
from tests.helpers import children, finished, refusal

HEADER = "THE HARBOUR GAZETTE · Tuesday 3 March 2026"
PAGES = [
    [
        "Ferries cancelled as storm closes the harbour",
        "",
        "The harbour authority said on Monday that forty ferries were cancel-",
        "led because of the storm, and that the inter-",
        "national routes would reopen on Friday at the earliest.",
        "",
        "A well-",
        "known captain, Ruth Okafor, said the decision was right.",
    ],
    [
        "Repairs to the northern pier could take several weeks, accord-",
        "ing to the port's chief engineer, who described the damage as",
        "extensive.",
        "",
        "The mayor disagreed and called the closure an over-",
        "reaction by state-of-the-",
        "art forecasting models.",
        "",
        "Shops along the quay reported that sales fell by a",
    ],
    ["third during the closure, the chamber of commerce said."],
]
PARAGRAPHS = [
    "Ferries cancelled as storm closes the harbour",
    "The harbour authority said on Monday that forty ferries were cancelled because of the storm, "
    "and that the international routes would reopen on Friday at the earliest.",
    "A well-known captain, Ruth Okafor, said the decision was right.",
    "Repairs to the northern pier could take several weeks, according to the port's chief engineer, "
    "who described the damage as extensive.",
    "The mayor disagreed and called the closure an overreaction by state-of-the-art forecasting models.",
    "Shops along the quay reported that sales fell by a third during the closure, the chamber of "
    "commerce said.",
]
WORDS = [
    "harbour",
    "ferry",
    "storm",
    "pier",
    "mayor",
    "council",
    "engineer",
    "budget",
    "quay",
    "weather",
    "closure",
    "report",
    "minister",
    "figures",
    "police",
    "officials",
    "residents",
    "shipping",
    "route",
    "repairs",
    "damage",
    "estimate",
    "spokesperson",
    "survey",
]


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = HEADER,
    numbers: bool = True,
    title: str | None = None,
    author: str | None = None,
) -> Path:
    """Draw each line at a known place; an empty line is a paragraph gap."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    if title is not None:
        writer.setTitle(title)
    if author is not None:
        writer.setAuthor(author)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 11))
    for number, lines in enumerate(pages, 1):
        if number > 1:
            writer.newPage()
        if header:
            painter.drawText(50, 30, header)
        y = 80
        for line in lines:
            if line:
                painter.drawText(50, y, line)
            y += 16
        if numbers:
            painter.drawText(260, 790, f"Page {number} of {len(pages)}")
    painter.end()
    del writer
    return path


def hand_written_pdf(
    text_ops: bytes = b"BT /F1 12 Tf 72 712 Td (The mayor said 40 ferries sailed.) Tj ET",
) -> bytes:
    """A one-page PDF with an uncompressed content stream and a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text_ops) + 1, text_ops),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def many_pages(count: int, seed: int = 7) -> list[list[str]]:
    """`count` pages of numbered paragraphs of 2-5 lines; every line ends a word."""
    rnd = random.Random(seed)
    pages = []
    for page in range(count):
        lines: list[str] = []
        while len(lines) < 36:
            for i in range(rnd.randint(2, 5)):
                words = " ".join(rnd.choice(WORDS) for _ in range(6))
                lines.append(f"Page {page + 1} says {words}" if i == 0 else words)
            lines[-1] += "."
            lines.append("")
        pages.append(lines)
    return pages


@pytest.fixture(scope="module")
def article_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    return write_pdf(folder / "harbour.pdf", PAGES, title="Ferries cancelled", author="Jane Roe")


@pytest.fixture(scope="module")
def fifty_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(tmp_path_factory.mktemp("pdf") / "long.pdf", many_pages(50))


def test_paragraphs_hyphenation_headers_and_page_numbers(article_pdf: Path) -> None:
    article = import_file(article_pdf)
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.format == "pdf" and article.filename == "harbour.pdf"
    assert article.title == "Ferries cancelled" and article.byline == "Jane Roe"


def test_the_same_letters_as_pdftotext_without_header_and_page_numbers(article_pdf: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    theirs = subprocess.run(
        ["pdftotext", str(article_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    body = [ln for ln in theirs.splitlines() if ln != HEADER and not re.fullmatch(r"Page \d+ of \d+", ln)]
    assert len(body) < len(theirs.splitlines())
    ours = import_file(article_pdf).text
    assert _letters(ours) == _letters("".join(body))  # hyphens and spaces differ, nothing else


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def test_a_placeholder_title_gives_way_to_the_first_line(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "draft.pdf", PAGES[:1], header=None, title="Microsoft Word - draft.docx")
    article = import_file(path)  # one page: its lone "Page 1 of 1" is a page number all the same
    assert article.title == "Ferries cancelled as storm closes the harbour"
    assert article.text.split("\n\n") == PARAGRAPHS[:3]
    path = write_pdf(tmp_path / "plain.pdf", [["Only one line of text here."]], header=None, numbers=False)
    article = import_file(path)
    assert article.title == "Only one line of text here." and article.byline is None


@pytest.mark.slow
def test_fifty_pages_import_whole_and_match_pdftotext(fifty_pages: Path) -> None:
    article = import_file(fifty_pages)
    paragraphs = article.text.split("\n\n")
    expected = [p for page in many_pages(50) for p in "\n".join(page).split("\n\n") if p.strip()]
    assert paragraphs == [" ".join(p.split()) for p in expected]
    assert "GAZETTE" not in article.text and "Page 7 of 50" not in article.text
    if shutil.which("pdftotext"):
        theirs = subprocess.run(
            ["pdftotext", str(fifty_pages), "-"], capture_output=True, text=True, check=True
        ).stdout
        body = [ln for ln in theirs.splitlines() if ln != HEADER and not ln.startswith("Page ")]
        body += [ln for ln in theirs.splitlines() if ln.startswith("Page ") and " says " in ln]
        their_words = unicodedata.normalize("NFKC", " ".join(body)).split()  # ligatures: "ﬁ" -> "fi"
        assert sorted(their_words) == sorted(article.text.split())


def test_more_pages_than_the_cap_are_refused(fifty_pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 10)
    assert "50 pages" in refusal(fifty_pages)


def test_more_text_than_the_cap_is_refused(fifty_pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_CHARS", 5_000)
    assert "characters" in refusal(fifty_pages)


def test_the_memo_exporter_s_pdf_imports_without_its_header_and_page_numbers(tmp_path: Path) -> None:
    from app.export.pdf import write_pdf as write_memo

    sentences = [f"Claim {word} was checked against the {word} records." for word in WORDS]
    html = "<h1>Verification memo</h1>" + "".join(f"<p>{s}</p>" for s in sentences * 4)
    pages = write_memo(html, tmp_path / "memo.pdf", "Ferry report")
    assert pages > 1
    article = import_file(tmp_path / "memo.pdf")
    assert article.title == "Ferry report"  # the memo's own metadata
    assert "Claimdesk verification memo" not in article.text and " of {pages}" not in article.text
    for sentence in sentences:
        assert sentence in article.text


def test_a_scan_without_text_is_refused_with_the_reason(tmp_path: Path) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

    ensure_gui_application()
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("lightgray"))
    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawImage(QRectF(0, 0, 4000, 3000), image)
    painter.end()
    del writer
    assert "this PDF has no text layer (a scan?)" in refusal(path)


def test_a_pdf_with_only_a_running_header_has_no_text_layer(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "blank.pdf", [[], [], []])
    assert "no text layer" in refusal(path)


def test_a_password_locked_pdf_is_refused_and_an_empty_password_is_tried(
    article_pdf: Path, tmp_path: Path
) -> None:
    for user_password, name in (("secret", "locked.pdf"), ("", "restricted.pdf")):
        writer = PdfWriter(clone_from=PdfReader(article_pdf))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
        with (tmp_path / name).open("wb") as file:
            writer.write(file)
    assert "locked with a password" in refusal(tmp_path / "locked.pdf")
    assert import_file(tmp_path / "restricted.pdf").text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_a_cut_short_pdf_gives_an_article_or_a_clear_message(
    article_pdf: Path, tmp_path: Path, keep: float
) -> None:
    data = article_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    try:
        article = import_file(path)
    except UnreadableFileError as error:
        assert "damaged or cut short" in str(error) or "no text layer" in str(error)
    else:
        assert set(article.text.split()) <= {w for p in PARAGRAPHS for w in p.split()}


def test_not_a_pdf_and_a_pdf_without_pages(tmp_path: Path) -> None:
    (tmp_path / "fake.pdf").write_text("Just some text pretending to be a PDF.", encoding="utf-8")
    assert "is not a PDF file" in refusal(tmp_path / "fake.pdf")
    with (tmp_path / "empty.pdf").open("wb") as file:
        PdfWriter().write(file)
    assert "has no pages" in refusal(tmp_path / "empty.pdf")
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert "damaged or cut short" in refusal(tmp_path / "junk.pdf")


def test_read_pdf_takes_the_bytes_it_is_given(article_pdf: Path) -> None:
    """The importer works on the buffer `import_file` read (a bytearray), not on the path."""
    article = read_pdf(bytearray(article_pdf.read_bytes()), "copy.pdf")
    assert article.filename == "copy.pdf" and article.text.startswith(PARAGRAPHS[0])


def test_a_page_with_too_many_drawing_instructions_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PAGE_CONTENT", 100_000)
    (tmp_path / "dense.pdf").write_bytes(hand_written_pdf(b"0 0 m 1 1 l S " * 10_000))
    assert "page 1 holds 0.1 MB of drawing instructions" in refusal(tmp_path / "dense.pdf")


_HOSTILE_CHILD = """
import sys
from app.errors import UnreadableFileError
from app.importers.pdf import read_pdf
from tests.importers.test_pdf import hand_written_pdf
try:
    print(len(read_pdf(hand_written_pdf({ops}), "x.pdf").text))
except UnreadableFileError as error:
    print("refused:", error)
"""
HOSTILE_PAGES = {
    "100,000 nested arrays": "b'BT /F1 12 Tf ' + b'[' * 100_000 + b'(x)' + b']' * 100_000 + b' TJ ET'",
    "50,000 nested dictionaries": "b'BT ' + b'<<' * 50_000 + b' ET'",
    "200,000 saved graphic states": "b'q ' * 200_000 + b'BT /F1 12 Tf (x) Tj ET'",
    "a 5 MB string": "b'BT /F1 12 Tf 72 712 Td (' + b'a' * 5_000_000 + b') Tj ET'",
    "30,000 lines on one page": "b'BT /F1 12 Tf 72 712 Td ' + b'(w) Tj 0 -14 Td ' * 30_000 + b'ET'",
}


@pytest.mark.slow
def test_hostile_pages_end_in_time() -> None:
    """Each case in its own interpreter, all at once, under a generous timeout: a hang detector."""
    programs = {name: [_HOSTILE_CHILD.format(ops=ops)] for name, ops in HOSTILE_PAGES.items()}
    with children(programs) as running:
        for name, child in running.items():
            assert finished(name, child).strip(), name


def test_a_pdf_becomes_a_stored_article_with_claims(article_pdf: Path, db: Database) -> None:
    from app.services.articles import import_path, load_article

    result = import_path(db, article_pdf)
    article = load_article(db, result.article_id)
    assert article.format == "pdf" and article.text.split("\n\n") == PARAGRAPHS
    assert any("forty ferries were cancelled" in claim.text for claim in article.claims)
