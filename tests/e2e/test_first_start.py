"""The README's first command ends in `claimdesk`: a real process, off screen, on an empty home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.services import articles
from app.storage.database import open_database


def test_app_starts_paints_and_shows_the_sample(isolated_home: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_QUIT_AFTER_FIRST_PAINT": "1"}
    done = subprocess.run([sys.executable, "-m", "app"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    db = open_database(isolated_home / "claimdesk.sqlite3")
    (only,) = articles.list_articles(db)
    assert only.claim_count >= 5
    assert articles.load_article(db, only.id).filename == "sample_article.txt"
    db.close()
    assert oct((isolated_home).stat().st_mode & 0o777) == "0o700", "the data folder is the user's alone"


def test_app_opens_a_file_given_on_the_command_line(isolated_home: Path, article_file: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_QUIT_AFTER_FIRST_PAINT": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "app", str(article_file)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    db = open_database(isolated_home / "claimdesk.sqlite3")
    files = [articles.load_article(db, a.id).filename for a in articles.list_articles(db)]
    db.close()
    assert files == ["harbour.txt"], "the given file is opened, and no sample is added beside it"
