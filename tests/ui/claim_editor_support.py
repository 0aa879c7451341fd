"""Shared by the claim editor's tests: a window showing an article with one claim chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox

from app.domain.records import ClaimRecord
from app.services import claims
from app.ui.main_window import MainWindow


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
