"""Reports for an editor: the PDF memo of an article's claims."""

from __future__ import annotations

from pathlib import Path

from app.config import reviewer_name
from app.export.memo_html import memo_html
from app.export.pdf import write_pdf
from app.services.articles import load_article
from app.storage.database import Database
from app.storage.models import utcnow


def export_pdf(db: Database, article_id: int, out: str | Path) -> Path:
    """Write the article's verification memo to `out` and return the path written."""
    article = load_article(db, article_id)
    path = Path(out)
    write_pdf(memo_html(article, reviewer_name(), utcnow()), path, article.title)
    return path.expanduser().resolve()
