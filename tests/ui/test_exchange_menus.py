"""File > Export as offers the reference-manager and annotation exports; Help > About Qt is there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from app.storage.database import Database
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard
from tests.ui.job_support import finished


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    made = MainWindow(db)
    qtbot.addWidget(made)
    return made


def menu_texts(window: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    assert isinstance(menu, QMenu)
    return [a.text() for a in menu.actions()]


def test_export_as_offers_zotero_and_hypothesis(window: MainWindow) -> None:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert isinstance(file_menu, QMenu)
    export = next(a.menu() for a in file_menu.actions() if a.text() == "Export &as")
    assert isinstance(export, QMenu)
    labels = [a.text() for a in export.actions()]
    plain = " ".join(label.replace("&", "") for label in labels)
    assert "RIS for Zotero" in plain and "CSL-JSON" in plain and "Hypothesis" in plain
    keys = [label[label.index("&") + 1].lower() for label in labels if "&" in label]
    assert len(keys) == len(set(keys)) == len(labels), f"each entry its own access key: {labels}"


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("ris", lambda text: text.startswith("TY  - ") and "N1  - " in text),
        ("csl_json", lambda text: json.loads(text)[0]["type"] in ("webpage", "article-newspaper")),
        ("hypothesis", lambda text: json.loads(text)["total"] > 0),
    ],
)
def test_each_new_export_from_the_window(
    qtbot: QtBot, window: MainWindow, article_file: Path, tmp_path: Path, fmt: str, check: object
) -> None:
    window.open_file(article_file)
    written = finished(qtbot, window.data_export(fmt, tmp_path / f"out.{fmt}"))
    assert isinstance(written, Path) and callable(check)
    assert check(written.read_bytes().decode("utf-8"))


def test_help_about_qt(window: MainWindow, dialogs: DialogGuard) -> None:
    assert "About &Qt" in menu_texts(window, "&Help")
    shown = dialogs.expect("QMessageBox.aboutQt")
    about_qt = next(a for a in window.findChildren(QAction) if a.text() == "About &Qt")
    about_qt.trigger()
    assert len(shown) == 1
