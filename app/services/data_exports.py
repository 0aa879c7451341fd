"""Data exports of an article's claims: Markdown memo, CSV, W3C Web Annotation, ClaimReview,
RIS and CSL-JSON (for reference managers), Hypothesis-shaped JSON.

Dismissed claims are left out of the memo, the CSV and ClaimReview unless asked for; the W3C
export keeps them (it carries the work to another library, dismissals included).

The builders in app/export are pure; this module loads the records, writes the file atomically (a
temporary file in the same folder, then os.replace, so a reader never sees half a file and a
failed export leaves the old file as it was) and returns the path written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app import preferences
from app.config import reviewer_name
from app.domain.records import ArticleRecord
from app.export import claimreview, csl_json, csv_export, hypothesis, markdown, ris, w3c
from app.files import write_atomic
from app.services.article_versions import history
from app.storage import annotation_repository, repository
from app.storage.database import Database
from app.storage.models import utcnow


def export_markdown(db: Database, article_id: int, out: str | Path, include_dismissed: bool = False) -> Path:
    article = _load(db, article_id).for_export(include_dismissed)
    text = markdown.memo_markdown(article, reviewer_name(), utcnow(), history(db, article_id))
    return write_atomic(out, text.encode("utf-8"))


def export_csv(
    db: Database, article_id: int | None, out: str | Path, include_dismissed: bool = False
) -> Path:
    """One row per claim of one article, or of every article (newest import first) when None;
    dismissed claims only when asked for (then marked in the last column)."""
    text = csv_export.claims_csv(_articles(db, article_id, include_dismissed))
    return write_atomic(out, text.encode(csv_export.ENCODING))


def export_ris(
    db: Database, article_id: int | None, out: str | Path, include_dismissed: bool = False
) -> Path:
    """One RIS record per article (every article when None), each claim a child note in Zotero."""
    text = ris.articles_ris(_articles(db, article_id, include_dismissed))
    return write_atomic(out, text.encode("utf-8"))


def export_csl_json(
    db: Database, article_id: int | None, out: str | Path, include_dismissed: bool = False
) -> Path:
    """A CSL-JSON list, one item per article (every article when None)."""
    return _write_json(out, csl_json.csl_items(_articles(db, article_id, include_dismissed)))


def export_hypothesis(
    db: Database, article_id: int, out: str | Path, include_dismissed: bool = False
) -> Path:
    """Hypothesis-shaped annotations of the article's claims: what import-annotations reads back."""
    article = _load(db, article_id).for_export(include_dismissed)
    return _write_json(out, hypothesis.hypothesis_export(article, reviewer_name()))


def _articles(db: Database, article_id: int | None, include_dismissed: bool) -> list[ArticleRecord]:
    """One article, or every article (newest import first) when None, as exports show them."""
    if article_id is not None:
        ids = [article_id]
    else:
        with db.session(reading=True) as session:
            ids = [article.id for article, _ in repository.article_rows(session)]
    return [_load(db, i).for_export(include_dismissed) for i in ids]


def export_w3c(db: Database, article_id: int, out: str | Path) -> Path:
    with db.session(reading=True) as session:
        article = repository.read_article_record(session, article_id)
        created = annotation_repository.claim_created_times(session, article_id)
    document = w3c.collection(article, created, reviewer_name(), utcnow())
    return _write_json(out, document)


def export_claimreview(db: Database, article_id: int, out: str | Path) -> Path:
    """A JSON-LD list of ClaimReviews, one per claim with a final status (maybe an empty list)."""
    article = _load(db, article_id).for_export()
    reviews = claimreview.claim_reviews(article, reviewer_name(), preferences.factcheck_url())
    return _write_json(out, reviews)


def _load(db: Database, article_id: int) -> ArticleRecord:
    with db.session(reading=True) as session:
        return repository.read_article_record(session, article_id)


def _write_json(out: str | Path, document: Any) -> Path:
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return write_atomic(out, text.encode("utf-8"))
