"""A dismissed claim is never exported as "Unreviewed": left out by default, marked when asked for,
and the counts agree everywhere."""

from __future__ import annotations

import csv
from pathlib import Path

from app.export.markdown import memo_markdown
from app.export.memo_html import memo_html
from app.export.memo_options import MemoOptions
from app.services import articles, claims, library
from app.services.data_exports import export_claimreview, export_csv, export_markdown, export_w3c
from app.services.reports import memo_source
from app.storage.database import Database
from app.storage.models import utcnow


def _article_with_a_dismissal(db: Database, article_file: Path) -> tuple[int, str, str]:
    article_id = articles.import_path(db, article_file).article_id
    listed = articles.load_article(db, article_id).claims
    kept, gone = listed[0], listed[-1]
    claims.set_status(db, kept.id, "false", "The port log says otherwise")
    claims.dismiss_claim(db, gone.id)
    return article_id, kept.text, gone.text


def test_exports_leave_a_dismissed_claim_out_by_default(
    db: Database, article_file: Path, tmp_path: Path
) -> None:
    article_id, kept, gone = _article_with_a_dismissal(db, article_file)
    markdown = export_markdown(db, article_id, tmp_path / "memo.md").read_text(encoding="utf-8")
    assert kept.split()[0] in markdown and gone not in markdown
    html, _title = memo_source(db, article_id)
    assert gone not in html
    with export_csv(db, article_id, tmp_path / "claims.csv").open(encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert gone not in [row["sentence"] for row in rows] and all(row["dismissed"] == "" for row in rows)
    assert gone in export_w3c(db, article_id, tmp_path / "a.jsonld").read_text(encoding="utf-8"), (
        "the W3C export carries the work, dismissals included"
    )
    assert gone not in export_claimreview(db, article_id, tmp_path / "cr.json").read_text(encoding="utf-8")


def test_asked_for_a_dismissed_claim_is_listed_as_dismissed(
    db: Database, article_file: Path, tmp_path: Path
) -> None:
    article_id, _kept, gone = _article_with_a_dismissal(db, article_file)
    written = export_markdown(db, article_id, tmp_path / "memo.md", include_dismissed=True)
    markdown = written.read_text("utf-8")
    section = markdown[markdown.index(gone[:30]) :]
    assert "**Dismissed:** judged not worth checking" in section.split("###")[0]
    html, _title = memo_source(db, article_id, MemoOptions(include_dismissed=True))
    assert "dismissed: judged not worth checking" in html
    live = len([c for c in articles.load_article(db, article_id).claims if not c.dismissed])
    assert f"{live} claims" in html and "and 1 dismissed, listed below as such" in html
    table = export_csv(db, article_id, tmp_path / "c.csv", include_dismissed=True)
    with table.open(encoding="utf-8-sig") as f:
        marked = {row["sentence"]: row["dismissed"] for row in csv.DictReader(f)}
    assert marked[gone] == "yes"


def test_one_count_everywhere(db: Database, article_file: Path) -> None:
    article_id, _kept, _gone = _article_with_a_dismissal(db, article_file)
    record = articles.load_article(db, article_id)
    live = len([c for c in record.claims if not c.dismissed])
    (entry,) = library.list_library(db)
    assert entry.claim_count == live
    html = memo_html(record.for_export(), "Ana", utcnow(), MemoOptions())
    assert f"{live} claims" in html
    markdown = memo_markdown(record.for_export(), "Ana", utcnow())
    assert f"| **Total** | **{live}** |" in markdown and f"## Claims ({live})" in markdown
