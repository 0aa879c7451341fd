"""Tags in the claims list: a column (shown from the header's menu), a filter, and the tooltip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.claims.claim_list_model import CLAIM_COL, TAGS_COL, ClaimIdRole
from app.ui.main_window import MainWindow
from tests.ui.test_claims_panel import cell, claim_id_with


def shown_claim_ids(window: MainWindow) -> list[int]:
    proxy = window.claims_panel.proxy
    return [proxy.index(r, 0).data(ClaimIdRole) for r in range(proxy.rowCount())]


def test_the_tag_filter_shows_one_tags_claims(qtbot: QtBot, window: MainWindow, article_file: Path) -> None:
    assert window.open_file(article_file)
    shells = claim_id_with(window, "14 unexploded shells")
    halted = claim_id_with(window, "stopped on Monday")
    window.actions.set_tags(shells, ["Ferries", "casualty figures"])
    window.actions.set_tags(halted, ["ferries"])
    box = window.claims_panel.tag_filter
    offered = [box.itemText(i).casefold() for i in range(box.count())]
    assert offered == ["any tag", "casualty figures (1)", "ferries (2)"], "one tag whatever its case"

    box.setCurrentIndex(box.findText("casualty figures (1)"))
    assert shown_claim_ids(window) == [shells]
    box.setCurrentIndex(2)
    assert sorted(shown_claim_ids(window)) == sorted([shells, halted])
    assert "2 of" in window.claims_panel.heading.text()
    box.setCurrentIndex(0)
    assert len(shown_claim_ids(window)) > 2


def test_tags_are_a_column_hidden_until_asked_for_and_in_the_tooltip(
    window: MainWindow, article_file: Path
) -> None:
    assert window.open_file(article_file)
    shells = claim_id_with(window, "14 unexploded shells")
    window.actions.set_tags(shells, ["harbour", "casualty figures"])
    panel = window.claims_panel
    header = panel.view.header()
    assert header.isSectionHidden(TAGS_COL), "a narrow list keeps its room for the sentence"
    assert cell(panel, shells, TAGS_COL) == "casualty figures, harbour"
    panel._show_column(TAGS_COL, True)
    assert not header.isSectionHidden(TAGS_COL) and header.sectionSize(TAGS_COL) > 0
    for column in (CLAIM_COL, TAGS_COL):
        tip = str(cell(panel, shells, column, Qt.ItemDataRole.ToolTipRole))
        assert "The authority said the survey found 14 unexploded shells on the seabed." in tip
        assert "Tags: casualty figures, harbour" in tip
