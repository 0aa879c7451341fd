"""The memo as an editor reads it (issue 16, item 4): notes rendered, links live and wrapped at
sensible places, claims by verdict or in article order, a line per claim, the reason once, and
every claim in the appendix, a claim marked by hand inside another included. Real PDFs, read back
with pypdf; the layout is checked on the same QTextDocument the PDF is painted from."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.export import pdf as pdf_module
from app.export.memo_html import GLANCE_LINE, KEEP_WITH_NEXT, memo_html
from app.export.memo_options import MemoOptions, memo_options
from app.services import articles, claims, evidence, reports
from app.storage.database import Database
from app.storage.models import Article, utcnow
from tests.helpers import pdf_text

TEXT = """Harbour dredging halted after survey

Dredging in the north harbour stopped on Monday, according to the port authority.

The authority said the survey found 14 unexploded shells on the seabed, and that clearing them would cost 2.4 million euros.

Figures for the second survey are provisional and may still change.

The mayor said the harbour would reopen by March, a date the port authority did not confirm.
"""  # noqa: E501
NESTED = "14 unexploded shells on the seabed"
ARTICLE_URL = (
    "https://courier.example/news/2026/11/20/harbour-dredging-halted-after-survey-finds-shells"
    "?utm_source=newsletter&utm_medium=email&utm_campaign=morning-briefing"
)
MAP_URL = "https://port.example/maps/north-harbour-survey-2026.pdf"
REPORT_URL = (
    "https://port.example/reports/2026/survey-final-v2.pdf?download=1&lang=en&source=press-office-mailing"
)
RELEASE_URL = "https://port.example/press-releases/2026/11/17/dredging-suspended?ref=homepage&campaign=winter"
NOTE = (
    "**Key point:** the survey report says *four* shells.\n\n"
    f"- page 3, table 2\n- see the [map]({MAP_URL})\n\nFull report: {REPORT_URL}"
)
SEPARATORS = "/-?&=#_~+"  # the only characters a web address may wrap after


@pytest.fixture
def worked(db: Database, tmp_path: Path) -> dict[str, Any]:
    """Five claims with verdicts, a Markdown note with links, link evidence, and a manual claim
    marked inside the second claim's sentence."""
    path = tmp_path / "harbour.txt"
    path.write_text(TEXT, encoding="utf-8")
    article_id = articles.import_path(db, path).article_id
    with db.session() as session:
        article = session.get(Article, article_id)
        assert article is not None
        article.source_url = ARTICLE_URL
    start = TEXT.index(NESTED)
    manual = claims.add_manual_claim(db, article_id, start, start + len(NESTED))
    record = articles.load_article(db, article_id)

    def find(words: str) -> int:
        return next(c.id for c in record.claims if c.text.startswith(words))

    ids = {
        "verified": find("Dredging in"),
        "false": find("The authority said"),
        "unreviewed": find("Figures for"),
        "partly_true": find("The mayor"),
        "disputed": manual.id,
    }
    for status_id, reason, author in (
        ("verified", "Matched the release of 17 November", "Ana"),
        ("in_progress", "", "Ana"),
        ("false", "The survey counted 4 shells, not 14", "Ben"),
        ("disputed", "The navy's count differs", "Ben"),
        ("partly_true", "March is the earliest date", "Ana"),
    ):
        claim_id = ids["false" if status_id == "in_progress" else status_id]
        claims.set_status(db, claim_id, status_id, reason=reason, author=author)
    claims.add_note(db, ids["false"], NOTE, author="Ben")
    evidence.add_link(db, ids["verified"], RELEASE_URL, note="Official release")
    return {"id": article_id, "ids": ids, "record": articles.load_article(db, article_id)}


def _memo(db: Database, worked: dict[str, Any], out: Path, **options: Any) -> Path:
    return reports.export_pdf(db, worked["id"], out, MemoOptions(**options))


def _claims_section(text: str) -> str:
    return text.split(" Claims ", 1)[1].split("Appendix: the article", 1)[0]


def test_notes_are_rendered_not_printed_as_markdown(
    db: Database, worked: dict[str, Any], tmp_path: Path
) -> None:
    path = _memo(db, worked, tmp_path / "memo.pdf")
    text = pdf_text(path)
    assert "Key point: the survey report says four shells." in text
    assert "**" not in text and "[map](" not in text and "*four*" not in text
    assert "see the map" in text and "page 3, table 2" in text
    fonts: dict[str, set[str]] = {}

    def visit(chunk: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if font is not None and chunk.strip():
            fonts.setdefault(" ".join(chunk.split()), set()).add(str(font.get("/BaseFont", "")))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    key = [f for chunk, f in fonts.items() if "Key point" in chunk]
    assert key and all(any("Bold" in name for name in names) for names in key), fonts
    shells = [f for chunk, f in fonts.items() if chunk.startswith("shells")]
    assert shells and not any("Bold" in name for names in shells for name in names), "only the bold words"


def test_links_are_live_with_their_whole_address(
    db: Database, worked: dict[str, Any], tmp_path: Path
) -> None:
    reader = PdfReader(_memo(db, worked, tmp_path / "memo.pdf"))
    found: dict[str, int] = {}
    for page in reader.pages:
        box = page.mediabox
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            assert annotation["/Subtype"] == "/Link"
            uri = str(annotation["/A"]["/URI"])
            found[uri] = found.get(uri, 0) + 1
            left, bottom, right, top = (float(v) for v in annotation["/Rect"])
            assert box.left <= left < right <= box.right and box.bottom <= bottom < top <= box.top, uri
    assert set(found) == {ARTICLE_URL, MAP_URL, REPORT_URL, RELEASE_URL}
    assert "\u200b" not in "".join(found), "the address clicked is the address, without break marks"


def _memo_document(html: str) -> Any:
    from PySide6.QtCore import QSizeF

    pdf_module.ensure_gui_application()
    return pdf_module._document(html, QSizeF(640, 900))  # about A4's body at 96 dpi


def test_long_addresses_wrap_only_after_a_separator(worked: dict[str, Any]) -> None:
    html = memo_html(worked["record"], "Ana", utcnow(), MemoOptions(include_appendix=True))
    _reference, document = _memo_document(html)
    wrapped = 0
    block = document.begin()
    while block.isValid():
        text, lines = block.text(), block.layout()
        for url in (ARTICLE_URL, REPORT_URL, RELEASE_URL):
            shown = text.replace("\u200b", "")
            if url not in shown:
                continue
            for number in range(lines.lineCount() - 1):
                line = lines.lineAt(number)
                end = line.textStart() + line.textLength()
                last = text[:end].rstrip("\u200b")[-1]
                assert last in SEPARATORS + " ", f"{url} wraps after {last!r}: {text[:end][-20:]!r}"
                assert line.naturalTextWidth() <= 640 + 0.5, "no line runs past the margin"
                wrapped += 1
        block = block.next()
    assert wrapped >= 3, "the long addresses do wrap (else this test checks nothing)"


def test_claims_are_listed_by_verdict_unless_article_order_is_asked(
    db: Database, worked: dict[str, Any], tmp_path: Path
) -> None:
    sentences = {c.status: c.text for c in worked["record"].claims}
    by_verdict = _claims_section(pdf_text(_memo(db, worked, tmp_path / "verdict.pdf")))
    expected = ["false", "disputed", "partly_true", "verified", "unreviewed"]
    places = [by_verdict.index(sentences[s]) for s in expected]
    assert places == sorted(places), "False, Disputed, Partly true, Verified, then the rest"
    in_article = _claims_section(pdf_text(_memo(db, worked, tmp_path / "article.pdf", order="article")))
    text_order = [c.text for c in worked["record"].claims]
    places = [in_article.index(sentence) for sentence in text_order]
    assert places == sorted(places)
    assert in_article.index("2. False") < in_article.index("3. Disputed"), "numbers are places in the article"


def test_the_order_comes_from_preferences_when_not_given(worked: dict[str, Any]) -> None:
    from app.ui.settings import MEMO_ORDER

    assert memo_options().order == "verdict"
    MEMO_ORDER.write("article")
    assert memo_options().order == "article"
    assert memo_options(order="verdict").order == "verdict", "an explicit order wins"


def test_each_claim_has_one_summary_line_with_status_source_and_figures(worked: dict[str, Any]) -> None:
    html = memo_html(worked["record"], "Ana", utcnow(), MemoOptions())
    _reference, document = _memo_document(html)
    lines = []
    block = document.begin()
    while block.isValid():
        if block.userState() == GLANCE_LINE:
            assert block.layout().lineCount() == 1, block.text()
            lines.append(" ".join(block.text().split()))
        block = block.next()
    assert len(lines) == len(worked["record"].claims)
    assert lines[0].startswith("2. False the port authority · 14, 2.4 million euros — “The authority said")
    assert lines[1].startswith("3. Disputed no source named — “14 unexploded shells"), "marked by hand"


def test_the_reason_is_printed_once(db: Database, worked: dict[str, Any], tmp_path: Path) -> None:
    text = pdf_text(_memo(db, worked, tmp_path / "memo.pdf"))
    reasons = ("The survey counted 4 shells, not 14", "The navy's count differs", "March is the earliest")
    for reason in reasons:
        assert text.count(reason) == 1, reason
    assert "In progress → False" in text, "the history still says what changed"


def test_the_appendix_numbers_every_claim_once_a_nested_one_too(
    db: Database, worked: dict[str, Any], tmp_path: Path
) -> None:
    text = pdf_text(_memo(db, worked, tmp_path / "memo.pdf", include_appendix=True))
    appendix = text.split("Appendix: the article", 1)[1]
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", appendix)]
    assert sorted(numbers) == list(range(1, len(worked["record"].claims) + 1)), appendix
    assert f"[2] The authority said the survey found [3] {NESTED}" in appendix, "tagged where it starts"
    assert "The mayor said the harbour would reopen by March" in appendix, "the layout reached the end"


def test_every_block_of_a_long_memo_is_laid_out(worked: dict[str, Any]) -> None:
    """Page breaks put before claim headings left Qt's lazy layout with later blocks unplaced
    (height 0): they were missing from the PDF."""
    html = memo_html(worked["record"], "Ana", utcnow(), MemoOptions(include_appendix=True))
    _reference, document = _memo_document(html)
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.text().strip():
            assert layout.blockBoundingRect(block).height() > 0, block.text()[:40]
        block = block.next()


def test_the_command_line_takes_the_order_too(
    db: Database, db_path: Path, worked: dict[str, Any], tmp_path: Path, isolated_home: Path
) -> None:
    from tests.e2e.test_cli import run

    texts = {}
    for order in ("verdict", "article"):
        out = tmp_path / f"{order}.pdf"
        done = run(
            "export", str(worked["id"]), "--pdf", str(out), "--order", order, home=isolated_home, db=db_path
        )
        assert done.returncode == 0, done.stderr
        texts[order] = _claims_section(pdf_text(out))
    first = worked["record"].claims[0].text  # Verified, first in the article
    assert texts["article"].index(first) < texts["article"].index("2. False")
    assert texts["verdict"].index(first) > texts["verdict"].index("2. False")
    refused = run(
        "export", str(worked["id"]), "--pdf", str(tmp_path / "x.pdf"), "--order", "size", home=isolated_home
    )
    assert refused.returncode == 2 and "verdict" in refused.stderr


def test_a_list_item_running_across_a_page_break_is_in_the_text_once(db: Database, tmp_path: Path) -> None:
    """Qt draws a block's last line above its clip too; a PDF keeps clipped text, so a list item cut
    by a page break was found twice by search and copy, unless it is split at the break."""
    sentences = [
        f"The council said on day {day} that {day * 37} households had lost power." for day in range(1, 9)
    ]
    path = tmp_path / "storm.txt"
    path.write_text("Storm\n\n" + "\n\n".join(sentences) + "\n", encoding="utf-8")
    article_id = articles.import_path(db, path).article_id
    count = 0
    for claim in articles.load_article(db, article_id).claims:
        items = []
        for _ in range(3):
            items.append("- " + " ".join(f"w{count + k}x" for k in range(60)))
            count += 60
        claims.add_note(db, claim.id, "\n".join(items))
    text = pdf_text(reports.export_pdf(db, article_id, tmp_path / "memo.pdf", MemoOptions(paper="a4")))
    words = re.findall(r"w\d+x", text)
    assert len(PdfReader(tmp_path / "memo.pdf").pages) > 2, "the notes do cross page breaks"
    assert sorted(words, key=lambda w: int(w[1:-1])) == [f"w{n}x" for n in range(count)]
    html, _title = reports.memo_source(db, article_id, MemoOptions(paper="a4"))
    _reference, document = _memo_document(html)
    layout, height = document.documentLayout(), 900
    block, checked = document.begin(), 0
    while block.isValid():
        if block.userState() == KEEP_WITH_NEXT:
            following = block.next()
            first = following.layout().lineAt(0)
            starts = layout.blockBoundingRect(following).top() + first.y() + first.height() - 1
            assert int(layout.blockBoundingRect(block).top() // height) == int(starts // height), block.text()
            checked += 1
        block = block.next()
    assert checked >= 8, "every note's byline is kept with the note"
