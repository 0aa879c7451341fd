"""The PDF memo: read back with pypdf, rendered with pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.services import articles, claims, reports
from app.storage.database import Database
from tests.helpers import pdf_text


def test_memo_has_title_source_and_every_claim_with_status_and_notes(
    db: Database, seed_article: Path, tmp_path: Path
) -> None:
    article_id = articles.import_path(db, seed_article).article_id
    record = articles.load_article(db, article_id)
    first, second = record.claims[0], record.claims[1]
    claims.set_status(db, first.id, "verified", reason="Matched the agency's release", author="Ana")
    claims.set_status(db, second.id, "disputed", author="Ana")
    claims.add_note(db, first.id, "Called the press office at 10:00", author="Ana")
    claims.add_note(db, second.id, "Recording not public yet", author="Ana")

    out = reports.export_pdf(db, article_id, tmp_path / "memo.pdf")
    reader = PdfReader(out)
    text = pdf_text(out)
    assert record.title in text
    assert seed_article.name in text
    for claim in record.claims:
        assert " ".join(claim.text.split()) in text
    for word in (
        "Verified",
        "Disputed",
        "Unreviewed",
        "Called the press office at 10:00",
        "Recording not public yet",
        "Matched the agency's release",
    ):
        assert word in text
    assert reader.metadata is not None and reader.metadata.title == record.title
    fonts = {
        str(font.get_object().get("/BaseFont"))
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert fonts, "fonts are embedded"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_memo_renders_with_poppler(db: Database, article_file: Path, tmp_path: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    out = reports.export_pdf(db, article_id, tmp_path / "memo.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and all(p.stat().st_size > 1000 for p in pages)


def test_export_leaves_no_partial_file_on_failure(db: Database, article_file: Path, tmp_path: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    target = tmp_path / "missing-folder" / "memo.pdf"
    with pytest.raises(Exception, match="does not exist"):
        reports.export_pdf(db, article_id, target)
    assert not list(tmp_path.rglob("*.partial"))
