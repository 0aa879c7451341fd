"""Reports for an editor: the verification memo of an article, as a PDF or on a printer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from app import preferences
from app.config import reviewer_name
from app.export.memo_html import memo_html
from app.export.memo_options import MemoOptions
from app.export.pdf import locale_territory, paint_memo, set_page_layout, write_pdf
from app.services.article_versions import history
from app.services.articles import load_article
from app.services.claim_links import links_for_article
from app.storage.database import Database
from app.storage.models import utcnow

if TYPE_CHECKING:
    from PySide6.QtGui import QPagedPaintDevice


def memo_source(db: Database, article_id: int, options: MemoOptions | None = None) -> tuple[str, str]:
    """The memo's HTML and its title, as of now: what every way of printing it starts from.

    An article whose file or page came back changed gets what changed since its first capture;
    claims other articles of the library make too get "Elsewhere in the library".
    """
    options = options or MemoOptions()
    article = load_article(db, article_id).for_export(options.include_dismissed)
    links = links_for_article(db, article_id)
    html = memo_html(article, reviewer_name(), utcnow(), options, history(db, article_id), links)
    return html, article.title


def memo_paper(options: MemoOptions | None = None) -> Literal["a4", "letter"]:
    """The paper the memo is laid out on: the one chosen for this memo, else the one in
    Preferences, else the one used where the user lives."""
    options = options or MemoOptions()
    preferred = preferences.memo_paper()
    if options.paper == "auto" and preferred in ("a4", "letter"):
        return "letter" if preferred == "letter" else "a4"
    return options.resolved_paper(locale_territory())


def export_pdf(db: Database, article_id: int, out: str | Path, options: MemoOptions | None = None) -> Path:
    """Write the article's verification memo to `out` and return the path written."""
    html, title = memo_source(db, article_id, options)
    path = Path(out)
    write_pdf(html, path, title, memo_paper(options))
    return path.expanduser().resolve()


def print_memo(
    db: Database, article_id: int, device: QPagedPaintDevice, options: MemoOptions | None = None
) -> int:
    """Paint the memo on a printer (or a print preview) already set up; return the page count.

    The printer's own page layout wins: the user may have changed paper or margins in its dialog.
    """
    html, title = memo_source(db, article_id, options)
    return paint_memo(device, html, title)


def prepare_printer(device: QPagedPaintDevice, title: str, options: MemoOptions | None = None) -> None:
    """Give a printer the memo's paper and margins before its dialog or preview opens."""
    from PySide6.QtPrintSupport import QPrinter

    set_page_layout(device, memo_paper(options))
    if isinstance(device, QPrinter):
        device.setDocName(title)
