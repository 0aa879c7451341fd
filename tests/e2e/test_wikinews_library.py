"""All 295 Wikinews articles (../shared/eval/news/wikinews, CC BY 2.5), written out as .txt, .md
and .html files in turn, import through the batch path in the window and show in the library.

The time this takes is measured by tests/benchmarks/bench_search.py, not asserted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services import library, search
from app.storage.database import Database
from app.ui.main_window import MainWindow
from tests.benchmarks.library_builder import FORMATS, write_wikinews_files
from tests.dialog_guard import DialogGuard
from tests.evaluation.claims import WIKINEWS, wikinews_articles

pytestmark = pytest.mark.skipif(not any(WIKINEWS.glob("*.csv")), reason="wikinews sample not present")


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    return win


def test_all_295_import_through_the_batch_path_and_show(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, dialogs: DialogGuard
) -> None:
    summaries = dialogs.expect("QMessageBox.open")  # the box listing duplicates after the second run
    files = write_wikinews_files(tmp_path / "wikinews")
    assert len(files) == 295 and {f.suffix for f in files} == set(FORMATS)
    job = window.library.import_paths([tmp_path / "wikinews"])  # the folder, as File > Import a folder
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=600_000):
        pass
    report = job.report
    assert report is not None
    assert (len(report.imported), report.duplicates, report.failed) == (295, [], [])
    assert window.library.pane.model.rowCount() == 295
    assert window.library.pane.row_count() == 295

    entries = library.list_library(window.db)
    assert sum(e.claim_count > 0 for e in entries) >= 290  # the sample holds one near-empty page
    titles = {e.title for e in entries}
    rows = wikinews_articles()
    for row, path in zip(rows, files, strict=True):
        if path.suffix != ".html":  # the HTML importer may trim a site suffix from the page title
            assert row["title"] in titles, row["title"]

    # Search finds a title word of each of a few articles, and a hit leads back to its article.
    for row in rows[::50]:
        word = max(row["title"].split(), key=len)
        assert any(hit.article_title for hit in search.search(window.db, word)), word

    # Importing the same folder again adds nothing: every file is reported as a duplicate.
    again = window.library.import_paths([tmp_path / "wikinews"])
    assert again is not None
    with qtbot.waitSignal(again.done, timeout=600_000):
        pass
    assert again.report is not None and (len(again.report.imported), len(again.report.duplicates)) == (0, 295)
    assert window.library.pane.row_count() == 295
    assert summaries == ["0 imported, 295 already in the library (not imported twice)"]
