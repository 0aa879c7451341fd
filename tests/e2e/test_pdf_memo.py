"""The PDF memo: read back with pypdf, rendered with pdftoppm."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.errors import ClaimdeskError
from app.export import pdf as pdf_module
from app.export.memo_html import direction, memo_html
from app.export.memo_options import MemoOptions, memo_options
from app.services import articles, claims, evidence, reports
from app.storage.database import Database
from app.storage.models import Article, Claim, utcnow
from tests.helpers import pdf_text

RISKY = "The mayor wrote that <b>bold</b> & brave plans cost 3 million."
ARABIC_TITLE = "جسر جديد فوق النهر"
ARABIC_SENTENCES = (
    "قالت الوزارة إن الجسر الجديد سيفتح في الصيف.",
    "وذكر المهندسون أن كلفة البناء بلغت ثلاثة ملايين.",
)
RUSSIAN_SENTENCES = (
    "Городской совет сообщил, что новую школу откроют в сентябре.",
    "По словам директора, ремонт обошёлся в 40 миллионов рублей.",
)


def _article(db: Database, folder: Path, name: str, title: str, sentences: tuple[str, ...]) -> int:
    """Store an article whose claims are exactly `sentences` (marked by hand, in text order)."""
    text = title + "\n\n" + "\n\n".join(sentences) + "\n"
    path = folder / name
    path.write_text(text, encoding="utf-8")
    article_id = articles.import_path(db, path).article_id
    with db.session() as session:
        article = session.get(Article, article_id)
        assert article is not None
        article.claims.clear()
        session.flush()
        for sentence in sentences:
            start = text.index(sentence)
            kind = "caveat" if sentence.startswith("Figures") else "claim"
            article.claims.append(
                Claim(start=start, end=start + len(sentence), exact=sentence, kind=kind, origin="manual")
            )
    return article_id


@pytest.fixture
def reviewed(db: Database, tmp_path: Path) -> dict[str, Any]:
    """An article with every kind of review material: statuses, reasons, notes, evidence, history."""
    sentences = (
        "Dredging in the north harbour stopped on Monday, according to the port authority.",
        "The authority said the survey found 14 unexploded shells on the seabed.",
        "Figures for the second survey are provisional and may still change.",
        RISKY,
        "Fishermen reportedly saw divers in the area for weeks before the halt.",
    )
    article_id = _article(db, tmp_path, "harbour.txt", "Harbour dredging halted after survey", sentences)
    with db.session() as session:
        article = session.get(Article, article_id)
        assert article is not None
        article.outlet = "The Coastal Courier"
        article.source_url = "https://courier.example/harbour-dredging"
        article.byline = "By Lena Petrova"
        article.published_at = "2026-11-20"
    ids = [c.id for c in articles.load_article(db, article_id).claims]
    claims.set_status(db, ids[0], "verified", reason="Matched the agency's release", author="Ana")
    claims.set_status(db, ids[1], "in_progress", author="Ana")
    claims.set_status(db, ids[1], "false", reason="The survey counted 4 shells, not 14", author="Ben")
    claims.set_status(db, ids[3], "disputed", reason="Two aides deny the letter", author="Ana")
    claims.add_note(db, ids[0], "Called the press office at 10:00", author="Ana")
    claims.add_note(db, ids[1], "Recording not public yet", author="Ben")
    evidence.add_link(db, ids[0], "https://port.example/releases/dredging", note="Official release")
    document = tmp_path / "survey-annex.pdf"
    document.write_bytes(b"%PDF-1.4 a survey annex we made up")
    doc = evidence.add_document(db, ids[1], document)
    evidence.add_person(db, ids[1], "Mira Kovacs", role="harbour master", how="phone")
    return {"id": article_id, "sentences": sentences, "sha256": doc.sha256}


def _export(db: Database, article_id: int, out: Path, **options: Any) -> str:
    return pdf_text(reports.export_pdf(db, article_id, out, MemoOptions(**options)))


def test_memo_has_every_claim_with_its_status_reason_notes_evidence_and_history(
    db: Database, reviewed: dict[str, Any], tmp_path: Path
) -> None:
    text = _export(db, reviewed["id"], tmp_path / "memo.pdf")
    for sentence in reviewed["sentences"]:
        assert sentence in text
    for expected in (
        "Verified",
        "False",
        "Disputed",
        "Unreviewed",
        "Matched the agency's release",
        "The survey counted 4 shells, not 14",
        "Called the press office at 10:00",
        "Recording not public yet",
        "https://port.example/releases/dredging",
        "Official release",
        "survey-annex.pdf",
        f"sha256 {reviewed['sha256'][:12]}",
        "Mira Kovacs",
        "harbour master",
        "Unreviewed → In progress",
        "In progress → False",
    ):
        assert expected in text, expected
    assert text.count("The survey counted 4 shells, not 14") == 1, "the reason once, not again in the history"


def test_memo_header_names_the_article_its_outlet_and_the_reviewer(
    db: Database, reviewed: dict[str, Any], tmp_path: Path
) -> None:
    text = _export(db, reviewed["id"], tmp_path / "memo.pdf")
    for expected in (
        "Harbour dredging halted after survey",
        "Outlet The Coastal Courier",
        "URL https://courier.example/harbour-dredging",
        "Byline By Lena Petrova",
        "Published 2026-11-20",
        "Imported",
        "Reviewed by Test Reviewer",
        "Memo made",
    ):
        assert expected in text, expected


def test_summary_counts_statuses_and_lists_the_outlets_caveats(
    db: Database, reviewed: dict[str, Any], tmp_path: Path
) -> None:
    text = _export(db, reviewed["id"], tmp_path / "memo.pdf")
    assert "5 claims" in text
    for word, count in (("Unreviewed", 2), ("Verified", 1), ("Disputed", 1), ("False", 1)):
        assert f"{word} {count}" in text
    caveats = text.split("The outlet's own caveats", 1)[1].split("Claims", 1)[0]
    assert "[3] Figures for the second survey are provisional" in caveats


def test_an_empty_header_field_is_left_out_not_printed_blank(
    db: Database, article_file: Path, tmp_path: Path
) -> None:
    article_id = articles.import_path(db, article_file).article_id
    text = _export(db, article_id, tmp_path / "memo.pdf")
    assert "Outlet" not in text and "Byline" not in text and "URL" not in text
    assert "File harbour.txt" in text


def test_every_page_has_the_running_header_and_its_number(
    db: Database, reviewed: dict[str, Any], tmp_path: Path
) -> None:
    for claim in articles.load_article(db, reviewed["id"]).claims:
        for i in range(12):
            claims.add_note(db, claim.id, f"Follow-up call number {i} about this claim", author="Ana")
    out = reports.export_pdf(db, reviewed["id"], tmp_path / "memo.pdf", MemoOptions(include_appendix=True))
    pages = PdfReader(out).pages
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        words = " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())  # ﬁ ligatures
        assert f"Page {number} of {len(pages)}" in words
        assert "Claimdesk verification memo" in words
        assert "Harbour dredging" in words


def test_status_filter_lists_only_the_chosen_claims(
    db: Database, reviewed: dict[str, Any], tmp_path: Path
) -> None:
    text = _export(db, reviewed["id"], tmp_path / "memo.pdf", statuses=frozenset({"verified", "false"}))
    claims_part = text.split("Claims", 1)[1].split("Claims", 1)[-1]
    assert reviewed["sentences"][0] in claims_part
    assert reviewed["sentences"][1] in claims_part
    assert reviewed["sentences"][4] not in text  # unreviewed, not a caveat: nowhere in the memo
    assert RISKY not in claims_part
    assert "Listed below: 2 of 5 claims, those marked Verified, False." in text


def test_history_can_be_left_out(db: Database, reviewed: dict[str, Any], tmp_path: Path) -> None:
    text = _export(db, reviewed["id"], tmp_path / "memo.pdf", include_history=False)
    assert "History:" not in text and "→" not in text
    assert "The survey counted 4 shells, not 14" in text  # the reason stays


def test_appendix_highlights_and_numbers_the_claims_and_escapes_the_text(
    db: Database, reviewed: dict[str, Any], tmp_path: Path
) -> None:
    without = _export(db, reviewed["id"], tmp_path / "plain.pdf")
    assert "Appendix" not in without
    text = _export(db, reviewed["id"], tmp_path / "memo.pdf", include_appendix=True)
    appendix = text.split("Appendix: the article", 1)[1]
    for number, sentence in enumerate(reviewed["sentences"], start=1):
        assert f"[{number}] {sentence}" in appendix
    assert "<b>bold</b> & brave" in appendix  # printed as written, not taken as markup


def test_article_text_never_becomes_markup(db: Database, reviewed: dict[str, Any]) -> None:
    record = articles.load_article(db, reviewed["id"])
    html = memo_html(record, "<i>me</i>", utcnow(), MemoOptions(include_appendix=True))
    assert "<b>bold" not in html and "<i>me" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; brave" in html


@pytest.mark.parametrize(
    ("paper", "territory", "size"),
    [("a4", "US", (595, 842)), ("letter", "DE", (612, 792)), ("auto", "US", (612, 792)),
     ("auto", "CA", (612, 792)), ("auto", "DE", (595, 842)), ("auto", "EG", (595, 842))],
)  # fmt: skip
def test_paper_is_the_chosen_one_else_the_locales(
    db: Database,
    reviewed: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    paper: str,
    territory: str,
    size: tuple[int, int],
) -> None:
    monkeypatch.setattr(reports, "locale_territory", lambda: territory)
    out = reports.export_pdf(db, reviewed["id"], tmp_path / "memo.pdf", memo_options(paper=paper))
    for page in PdfReader(out).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_fonts_are_embedded(db: Database, reviewed: dict[str, Any], tmp_path: Path) -> None:
    out = reports.export_pdf(db, reviewed["id"], tmp_path / "memo.pdf")
    descriptors = []
    for page in PdfReader(out).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for part in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                if "/FontDescriptor" in part:
                    descriptors.append(part["/FontDescriptor"].get_object())
    assert descriptors
    assert all("/FontFile2" in d or "/FontFile3" in d or "/FontFile" in d for d in descriptors)


def test_russian_text_reads_back_exactly(db: Database, tmp_path: Path) -> None:
    article_id = _article(db, tmp_path, "school.txt", "Новая школа", RUSSIAN_SENTENCES)
    first = articles.load_article(db, article_id).claims[0]
    claims.add_note(db, first.id, "Уточнить дату у пресс-службы", author="Ana")
    text = _export(db, article_id, tmp_path / "memo.pdf", include_appendix=True)
    for sentence in RUSSIAN_SENTENCES:
        assert sentence in text
    assert "Уточнить дату у пресс-службы" in text
    assert "Новая школа" in text


def _arabic_words(sentence: str) -> list[str]:
    return [w.strip(".،") for w in sentence.split() if not any(unicodedata.combining(c) for c in w)]


def test_arabic_text_is_all_there_and_laid_out_right_to_left(db: Database, tmp_path: Path) -> None:
    article_id = _article(db, tmp_path, "bridge.txt", ARABIC_TITLE, ARABIC_SENTENCES)
    record = articles.load_article(db, article_id)
    claims.set_status(db, record.claims[0].id, "verified", reason="أكدت الوزارة ذلك", author="Ana")
    text = _export(db, article_id, tmp_path / "memo.pdf", include_appendix=True)
    # Qt writes Arabic in visual order, with ligatures (lam-alef) kept in logical order, so a
    # word comes back with its letters in another order: compare each word's letters as a multiset.
    extracted = {frozenset(Counter(token.strip(".،")).items()) for token in text.split()}
    for sentence in (*ARABIC_SENTENCES, ARABIC_TITLE, "أكدت الوزارة ذلك"):
        for word in _arabic_words(sentence):
            assert frozenset(Counter(word).items()) in extracted, word
    html = memo_html(articles.load_article(db, article_id), "Ana", utcnow())
    assert direction(ARABIC_SENTENCES[0]) == "rtl" and direction(RUSSIAN_SENTENCES[0]) == "ltr"
    assert html.count('dir="rtl" align="right"') >= 3  # title, both claims (and the reason)


def test_memo_of_the_seed_article_reads_back(db: Database, seed_article: Path, tmp_path: Path) -> None:
    article_id = articles.import_path(db, seed_article).article_id
    record = articles.load_article(db, article_id)
    claims.set_status(db, record.claims[0].id, "verified", reason="Matched", author="Ana")
    out = reports.export_pdf(db, article_id, tmp_path / "memo.pdf")
    text = pdf_text(out)
    assert record.title in text
    for claim in record.claims:
        assert " ".join(claim.text.split()) in text
    reader = PdfReader(out)
    assert reader.metadata is not None and reader.metadata.title == record.title


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_memo_renders_with_poppler(db: Database, tmp_path: Path) -> None:
    article_id = _article(db, tmp_path, "bridge.txt", ARABIC_TITLE, ARABIC_SENTENCES + RUSSIAN_SENTENCES)
    out = reports.export_pdf(db, article_id, tmp_path / "memo.pdf", MemoOptions(include_appendix=True))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == len(PdfReader(out).pages) and all(p.stat().st_size > 1000 for p in pages)


def test_export_leaves_no_partial_file_on_failure(db: Database, article_file: Path, tmp_path: Path) -> None:
    article_id = articles.import_path(db, article_file).article_id
    target = tmp_path / "missing-folder" / "memo.pdf"
    with pytest.raises(ClaimdeskError, match="does not exist"):
        reports.export_pdf(db, article_id, target)
    assert not list(tmp_path.rglob("*.partial"))


def test_a_failed_export_keeps_the_previous_file(
    db: Database, article_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = articles.import_path(db, article_file).article_id
    out = tmp_path / "memo.pdf"
    out.write_bytes(b"the memo from yesterday")

    def broken(*_: object) -> int:
        raise ClaimdeskError("The memo could not be drawn")

    monkeypatch.setattr(pdf_module, "paint_memo", broken)
    with pytest.raises(ClaimdeskError):
        reports.export_pdf(db, article_id, out)
    assert out.read_bytes() == b"the memo from yesterday"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_options_refuse_what_a_person_might_mistype() -> None:
    with pytest.raises(ClaimdeskError, match="Unknown status 'verifed'"):
        memo_options(["verifed"])
    with pytest.raises(ClaimdeskError, match="paper"):
        memo_options(paper="A3")
    assert memo_options(["Partly true", "FALSE"]).statuses == {"partly_true", "false"}
    assert memo_options().lists_every_status
    assert MemoOptions(paper="auto").resolved_paper("mx") == "letter"
    assert re.fullmatch(r"a4|letter", MemoOptions().resolved_paper(""))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_no_word_is_drawn_outside_the_page_margins(db: Database, seed_article: Path, tmp_path: Path) -> None:
    """Text can sit in a PDF yet be cut off at the page edge; pypdf would still read it back."""
    article_id = articles.import_path(db, seed_article).article_id
    out = reports.export_pdf(db, article_id, tmp_path / "memo.pdf", MemoOptions(include_appendix=True))
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))  # type: ignore[union-attr]
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    assert len(right_edges) > 300
    assert max(right_edges) <= width - 28, "a 10 mm margin stays clear on the right"


def test_a_note_running_across_a_page_break_is_in_the_text_once(db: Database, tmp_path: Path) -> None:
    """Qt also draws the line above a page's clip; hidden on paper, it would reach the text layer."""
    sentences = tuple(
        f"Officials said berth {n} would reopen in {n + 2} weeks, the port reported." for n in range(8)
    )
    article_id = _article(db, tmp_path, "berths.txt", "Berths", sentences)
    for claim in articles.load_article(db, article_id).claims:
        words = [f"Mark{claim.id}x{k} was checked against the harbour log by phone." for k in range(40)]
        claims.add_note(db, claim.id, " ".join(words))
    out = reports.export_pdf(db, article_id, tmp_path / "memo.pdf")
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    marks = Counter(re.findall(r"Mark\d+x\d+", " ".join(pages)))
    assert len(marks) == 8 * 40 and set(marks.values()) == {1}, [m for m, n in marks.items() if n > 1]
    straddling = [
        claim_id
        for claim_id in {m.split("x")[0] for m in marks}
        if sum(1 for page in pages if re.search(rf"{claim_id}x\d+\b", page)) > 1
    ]
    assert straddling, "the case needs a note that runs onto the next page"


def test_an_article_that_changed_says_how_in_the_memo(db: Database, tmp_path: Path) -> None:
    """A stealth edit is part of the review: the memo lists the versions and the words changed."""
    path = tmp_path / "harbour.txt"
    path.write_text(
        "Harbour works\n\nThe authority reportedly said 14 shells were found.\n\nWork <b>stops</b> today.\n"
    )
    article_id = articles.import_path(db, path).article_id
    assert "The article changed" not in _export(db, article_id, tmp_path / "before.pdf")
    path.write_text("Harbour works\n\nThe authority said 4 shells were found.\n\nWork <b>stops</b> today.\n")
    articles.import_path(db, path)
    text = _export(db, article_id, tmp_path / "after.pdf")
    assert "The article changed Version 1: captured" in text and "Version 2: captured" in text
    assert "2 changes from version 1 to version 2" in text
    assert "− reportedly" in text and "− 14 + 4" in text
    assert "<b>stops</b>" in text, "the article's text is never markup"


def test_a_run_on_text_is_cut_in_the_memo_not_laid_out_for_minutes(db: Database, tmp_path: Path) -> None:
    """One "sentence" of 300,000 words (a text without full stops) took Qt minutes to lay out."""
    from app.export.memo_html import MAX_SENTENCE_CHARS

    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "word, " * 300_000 + "end.\n", encoding="utf-8")
    article_id = articles.import_path(db, path).article_id
    text = pdf_text(reports.export_pdf(db, article_id, tmp_path / "memo.pdf"))
    assert "more characters, in the article]" in text
    assert text.count("word,") <= MAX_SENTENCE_CHARS // 5
