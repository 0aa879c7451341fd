"""Strings from an article, a note or a tag reach labels and tooltips as text, never as markup.

Qt renders any label or tooltip that looks like markup as rich text: a title holding
`<img src="/dev/zero">` made the window read that file until memory ran out. This walks the views
with hostile strings everywhere and checks that none of them is handed to Qt as live markup.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.errors import ClaimdeskError
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard

HOSTILE = '<img src="/dev/zero">'


def _live_markup(text: str) -> bool:
    """True when Qt would take `text` as rich text and it holds the hostile tag unescaped."""
    return HOSTILE in text and QtGui.mightBeRichText(text)


def _tooltips(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                out.append(str(tip))
        out += _tooltips(model, model.index(row, 0, parent))
    return out


def test_hostile_title_source_tag_and_note_are_never_live_markup(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        f"Dam questions {HOSTILE}\n\nThe port authority said the dam held on Monday.\n", encoding="utf-8"
    )
    assert window.open_file(story)
    (claim,) = window.claim_model.claims()
    window.actions.edit_claim(claim.id, source=f"Mayor {HOSTILE}")
    window.actions.set_tags(claim.id, [f"tag {HOSTILE}"])
    window.actions.add_note(claim.id, f"Called {HOSTILE} twice")
    window.choose_claim(claim.id)
    qtbot.wait(50)
    window.claims_panel.set_grouped(True)

    labels = [label for label in window.findChildren(QLabel) if label.textFormat() != Qt.TextFormat.PlainText]
    shown = [label.text() for label in labels]
    assert any("dev/zero" in text for text in shown), "the hostile strings reach the labels"
    assert [text for text in shown if _live_markup(text)] == []

    tips = [tip for model in window.findChildren(QAbstractItemModel) for tip in _tooltips(model)]
    assert any("dev/zero" in tip for tip in tips), "the hostile strings reach the tooltips"
    assert [tip for tip in tips if _live_markup(tip)] == []


def test_a_warning_shows_an_articles_words_as_plain_text(window: MainWindow, dialogs: DialogGuard) -> None:
    formats: list[object] = []
    shown = dialogs.expect("QMessageBox.warning", lambda box: formats.append(box.textFormat()))
    window.guarded(lambda: (_ for _ in ()).throw(ClaimdeskError('Cannot read "x <img src=/dev/zero>"')))
    assert shown == ['Cannot read "x <img src=/dev/zero>"']
    assert formats == [Qt.TextFormat.PlainText]


def test_no_message_box_guesses_its_format() -> None:
    """QMessageBox's static warning/critical render what looks like HTML: only app/ui/messages.py
    may show a warning or an error."""
    app = Path(__file__).resolve().parents[2] / "app"
    callers = [
        str(path.relative_to(app))
        for path in app.rglob("*.py")
        if re.search(r"QMessageBox\.(warning|critical|information)\(", path.read_text(encoding="utf-8"))
    ]
    assert callers == []
