"""How the status keys are learnt: shown in the editor's status list and the Claim menu; Partly true
asks which part holds, by key and in the editor; its letter is no longer read as True."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QMenu, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.domain.statuses import STATUSES, status
from app.ui.claims.status_picker import KEY_ROLE
from app.ui.dialogs.reason_dialog import ReasonDialog
from app.ui.main_window import MainWindow
from tests.ui.claim_editor_support import choose, open_with_claim, stored


def test_the_status_list_shows_each_status_key_at_the_right(window: MainWindow, article_file: Path) -> None:
    open_with_claim(window, article_file)
    box = window.editor.status_box
    assert [box.itemData(row, KEY_ROLE) for row in range(box.count())] == [s.key for s in STATUSES]
    delegate = box.itemDelegate()
    model = box.model()
    width, height = 260, 24

    def right_edge_ink(index: QModelIndex) -> int:
        """Pixels painted in the right quarter of a row, where the key goes."""
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        option = QStyleOptionViewItem()
        option.initFrom(box.view())
        option.rect = QRect(0, 0, width, height)
        painter = QPainter(image)
        delegate.paint(painter, option, index)
        painter.end()
        return sum(
            image.pixelColor(x, y) != QColor("white")
            for x in range(width * 3 // 4, width)
            for y in range(height)
        )

    verified = model.index(box.findData("verified"), 0)
    assert right_edge_ink(verified) > 0, "the key 3 is drawn at the right"
    model.setData(verified, None, KEY_ROLE)
    assert right_edge_ink(verified) == 0, "with no key, nothing there"
    box.showPopup()
    assert box.view().width() >= box.view().sizeHintForColumn(0), "room for each name and its key"
    box.hidePopup()


def test_the_claim_menu_lists_what_the_keys_do_with_their_keys(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Claim")
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    assert [a.isEnabled() for a in menu.actions()] == [False], "no claim yet: nothing to do"
    claim_id = open_with_claim(window, article_file)
    window.claim_list.setCurrentIndex(window.claims_panel.index_of(claim_id))
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert "Add &note\tN" in texts and "&Dismiss\tDel" in texts and "&Open in the editor\tEnter" in texts
    statuses = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert [a.text() for a in statuses.actions()] == [f"{s.label}\t{s.key}" for s in STATUSES]
    next(a for a in statuses.actions() if a.text().startswith("In progress")).trigger()
    assert stored(window, claim_id).status == "in_progress"


def test_key_4_asks_which_part_holds_and_may_be_set_without(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    window.claim_list.setFocus()
    qtbot.keyClick(window.claim_list, Qt.Key.Key_4)
    dialog = window.reason_dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    assert "which part holds" in dialog.question.text()
    assert stored(window, claim_id).status == "unreviewed", "nothing set before the answer"
    assert dialog.ok_button.isEnabled(), "an answer is asked for, not required"
    qtbot.keyClicks(dialog.reason_input, "The figure is right; the date is a year off")
    qtbot.keyClick(dialog.reason_input, Qt.Key.Key_Return)
    claim = stored(window, claim_id)
    assert (claim.status, claim.reason) == ("partly_true", "The figure is right; the date is a year off")

    qtbot.keyClick(window.claim_list, Qt.Key.Key_2)
    qtbot.keyClick(window.claim_list, Qt.Key.Key_4)
    dialog = window.reason_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert (stored(window, claim_id).status, stored(window, claim_id).reason) == ("partly_true", "")


def test_the_editor_asks_too_and_enter_sets_it_without_an_answer(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    choose(editor.status_box, "partly_true")
    assert stored(window, claim_id).status == "unreviewed", "held back for the question"
    assert "which part holds" in editor.picker.hint.text()
    assert editor.reason_input.hasFocus()
    qtbot.keyClick(editor.reason_input, Qt.Key.Key_Return)
    assert stored(window, claim_id).status == "partly_true"


def test_a_reason_already_typed_sets_partly_true_at_once(window: MainWindow, article_file: Path) -> None:
    claim_id = open_with_claim(window, article_file)
    window.editor.reason_input.setText("Only the first half holds")
    choose(window.editor.status_box, "partly_true")
    assert stored(window, claim_id).reason == "Only the first half holds"


def test_the_partly_true_letter_does_not_read_as_true() -> None:
    letter = status("partly_true").letter
    assert letter not in ("T", "t") and letter not in {s.letter for s in STATUSES if s.id != "partly_true"}
