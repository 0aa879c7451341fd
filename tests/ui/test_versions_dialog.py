"""The versions dialog: versions newest first, the changes escaped and marked, "Show" in the reader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from app.ui.dialogs.versions_dialog import VersionsDialog, changes_html, open_versions_dialog
from app.ui.main_window import MainWindow

ORIGINAL = (
    "Harbour dredging halted\n\n"
    "The authority said the survey found 14 unexploded shells on the seabed.\n\n"
    "Fishermen reportedly saw divers in the area.\n"
)
EDITED = (
    "Harbour dredging halted\n\n"
    "The authority said the survey found 4 unexploded shells on the seabed.\n\n"
    "Fishermen saw divers in the area <b>at night</b>.\n"
)


def _two_versions(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ORIGINAL, encoding="utf-8")
    assert window.open_file(path)
    path.write_text(EDITED, encoding="utf-8")
    assert window.open_file(path)
    assert window.article is not None and window.article.text == EDITED
    return path


def _dialog(window: MainWindow, qtbot: QtBot) -> VersionsDialog:
    dialog = open_versions_dialog(window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_versions_newest_first_and_the_last_two_compared(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, errors: list[str]
) -> None:
    _two_versions(window, tmp_path)
    dialog = _dialog(window, qtbot)
    assert not dialog.isModal() and dialog.isVisible()
    labels = [dialog.version_list.item(i).text() for i in range(dialog.version_list.count())]
    assert [label.split(" — ")[0] for label in labels] == ["Version 2", "Version 1"]
    assert dialog.chosen() == (1, 2)
    assert [(c.kind, c.old, c.new) for c in dialog.changes][:2] == [
        ("replaced", "14", "4"),
        ("deleted", "reportedly", ""),
    ]
    shown = dialog.changes_view.toPlainText()
    assert "− 14" in shown and "+ 4" in shown and "− reportedly" in shown, "a marker besides the colour"
    assert errors == []


def test_article_text_is_escaped(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    _two_versions(window, tmp_path)
    dialog = _dialog(window, qtbot)
    assert "<b>at" in dialog.changes_view.toPlainText(), "shown as the characters the article has"
    html = changes_html(dialog.changes)
    assert "&lt;b&gt;at" in html and "<b>at" not in html
    assert "<s>14</s>" in html and "<u>4</u>" in html  # struck through, underlined


def test_show_selects_the_change_in_the_reader(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    _two_versions(window, tmp_path)
    dialog = _dialog(window, qtbot)
    assert 'href="change:0"' in dialog.changes_view.toHtml()
    dialog.changes_view.anchorClicked.emit(QUrl("change:0"))
    assert window.article_view.textCursor().selectedText() == "4"


def test_no_show_when_the_reader_has_another_text(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, errors: list[str]
) -> None:
    _two_versions(window, tmp_path)
    dialog = _dialog(window, qtbot)
    dialog.choose(2, 1)  # offsets into version 1: not what the reader shows
    assert dialog.chosen() == (2, 1) and dialog.changes
    assert "change:0" not in dialog.changes_view.toHtml()
    assert not dialog.reveal_change(0)
    dialog.version_list.itemActivated.emit(dialog.version_list.item(0))  # version 2: what it changed
    assert dialog.chosen() == (1, 2)
    other = tmp_path / "bridge.txt"
    other.write_text("Bridge costs\n\nThe mayor said the bridge cost 40 million euros.\n", encoding="utf-8")
    assert window.open_file(other)
    dialog.choose(1, 2)
    assert not dialog.reveal_change(0), "another article is open"
    assert errors == []


def test_one_version_and_no_article(window: MainWindow, article_file: Path, qtbot: QtBot) -> None:
    assert open_versions_dialog(window) is None
    assert window.open_file(article_file)
    dialog = _dialog(window, qtbot)
    assert dialog.version_list.count() == 1 and dialog.changes == []
    assert "Only one version" in dialog.summary.text()


def test_view_menu_opens_the_versions_of_the_article_shown(window: MainWindow, article_file: Path) -> None:
    window.open_file(article_file)
    (action,) = [a for a in window.view_menu.actions() if a.text() == "&Versions of this article…"]
    action.trigger()
    dialogs = window.findChildren(VersionsDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
