"""The offline promise for today's inputs: importing, analysing and showing an article full of
links and local paths opens no socket and reads no file it names.

The guards live in `tests/fuzz/network_guard.py` so the HTML importer's tests can reuse them.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.claims import analyze
from app.importers import import_file
from app.storage.database import Database
from app.ui.main_window import MainWindow
from tests.fuzz import network_guard
from tests.fuzz.network_guard import NetworkAttempt

no_network = network_guard.no_network
files_opened = network_guard.files_opened

ROOT = Path(__file__).resolve().parents[1]
SECRET = "/etc/hostname"  # a real file outside the article's folder that markup below points to
HOSTILE = (
    f'Links <img src="file://{SECRET}"> everywhere\n\n'  # the title: shown in a rich-text label
    "The council said the report is at https://example.invalid/report.pdf and http://198.51.100.7/x.\n\n"
    f'<img src="http://tracker.invalid/pixel.gif"> <img src="file://{SECRET}"> '
    '<link rel="stylesheet" href="https://cdn.invalid/a.css"> <iframe src="//evil.invalid/"></iframe>\n\n'
    f"![chart](https://images.invalid/chart.png) [local](file://{SECRET}) <file:///etc/passwd>\n\n"
    "A spokesperson said the data sits at \\\\fileserver\\share\\data.xlsx and ~/secret.txt, "
    "according to officials.\n\n"
    "<style>@import url(https://fonts.invalid/f.css)</style> <script src=https://js.invalid/a.js></script>\n"
)
FILES = {
    "links.txt": HOSTILE.encode("utf-8"),
    "links.md": HOSTILE.encode("utf-8"),
    "links.text": HOSTILE.encode("utf-16"),
    "links": HOSTILE.replace("The council", "Совет города").encode("cp1251", errors="replace"),
}


@pytest.fixture
def hostile_files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = []
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def test_the_guard_itself_catches_a_connection(no_network: list[str]) -> None:
    """Without this, a guard that guards nothing would pass every test below."""
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    with pytest.raises(NetworkAttempt):
        socket.getaddrinfo("example.invalid", 80)
    assert len(no_network) == 2
    no_network.clear()  # expected here; the fixture fails its teardown on anything left


def _outside(opened: list[str], *allowed: Path) -> list[str]:
    roots = [str(p.resolve()) for p in allowed] + [sys.prefix, sys.base_prefix]
    return [p for p in opened if not any(str(Path(p).resolve()).startswith(r) for r in roots)]


def test_import_and_analysis_stay_offline_and_inside_the_folder(
    no_network: list[str], files_opened: list[str], hostile_files: list[Path]
) -> None:
    for path in hostile_files:
        article = import_file(path)
        analysis = analyze(article.text, title=article.title)
        assert "https://example.invalid/report.pdf" in article.text and analysis.claims
    assert set(map(str, hostile_files)) <= set(files_opened)  # the recorder does see opens
    assert SECRET not in files_opened and "/etc/passwd" not in files_opened
    assert _outside(files_opened, hostile_files[0].parent, ROOT) == []


def test_the_main_window_shows_hostile_articles_offline(
    qtbot: QtBot, db: Database, no_network: list[str], files_opened: list[str], hostile_files: list[Path]
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for path in hostile_files:
        assert window.open_file(path)
        qtbot.wait(20)  # let Qt lay out and paint: where a rich-text view would fetch resources
        assert "file://" in window.article_view.toPlainText()  # shown as text, not followed
        assert "&lt;img" in window.article_heading.text()  # escaped: Qt loads no image from it
    assert set(map(str, hostile_files)) <= set(files_opened)
    assert SECRET not in files_opened and "/etc/passwd" not in files_opened
    assert _outside(files_opened, hostile_files[0].parent, ROOT, Path(db.path).parent) == []
