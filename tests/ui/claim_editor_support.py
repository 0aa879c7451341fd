"""Shared by the claim editor's tests: a window showing an article with one claim chosen, and what
the conflict dialog showed when a colleague's change came first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog

from app.domain.records import ClaimRecord
from app.services import claims
from app.ui.dialogs.conflict_dialog import ConflictDialog
from app.ui.main_window import MainWindow
from tests.dialog_guard import DialogGuard

KEEP, APPLY = QDialog.DialogCode.Rejected, QDialog.DialogCode.Accepted


class Seen:
    """What the conflict dialog showed each time, and the answer given."""

    def __init__(self, dialogs: DialogGuard, *answers: QDialog.DialogCode) -> None:
        self.theirs: list[str] = []
        self.yours: list[str] = []
        self.said: list[str] = []
        self.left = list(answers)
        dialogs.expect("ConflictDialog.exec", self.answer)

    def answer(self, dialog: ConflictDialog) -> QDialog.DialogCode:
        self.theirs.append(dialog.theirs.toPlainText())
        self.yours.append(dialog.yours.toPlainText())
        self.said.append(dialog.text())
        return self.left.pop(0)


def open_with_claim(window: MainWindow, article: Path, row: int = 0) -> int:
    """Open `article` and choose the claim at `row` (article order); returns its id."""
    assert window.open_file(article)
    claim_id = window.claim_model.claim_at(row).id
    window.choose_claim(claim_id)
    return claim_id


def stored(window: MainWindow, claim_id: int) -> ClaimRecord:
    return claims.load_claim(window.db, claim_id)


def choose(box: QComboBox, data: str) -> None:
    """Pick an entry as the user does: the combo's `activated` is what a click or a key emits."""
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)
    box.activated.emit(index)
