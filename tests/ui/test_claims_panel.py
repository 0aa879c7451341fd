"""The claims panel through real widgets and a real database: columns, filters, order, groups."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from app.storage.models import Claim
from app.ui.claims.claim_list_model import (
    CHANGED_MARK,
    CLAIM_COL,
    HEDGES_COL,
    KIND_COL,
    NOTES_COL,
    ORPHANS,
    SCORE_COL,
    SOURCE_COL,
    STATUS_COL,
    ClaimIdRole,
)
from app.ui.claims.claims_panel import ClaimsPanel
from app.ui.main_window import MainWindow
from app.ui.settings import app_settings


@pytest.fixture
def opened(window: MainWindow, article_file: Path) -> MainWindow:
    assert window.open_file(article_file)
    return window


def claim_id_with(window: MainWindow, words: str) -> int:
    return next(c.id for c in window.claim_model.claims() if words in c.text)


def cell(panel: ClaimsPanel, claim_id: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return panel.index_of(claim_id).siblingAtColumn(column).data(role)


def top_rows(panel: ClaimsPanel) -> list[str]:
    return [str(panel.proxy.index(r, 0).data()) for r in range(panel.proxy.rowCount())]


def test_a_row_shows_status_kind_source_sentence_hedges_counts_and_score(opened: MainWindow) -> None:
    panel = opened.claims_panel
    attributed = claim_id_with(opened, "according to the port authority")
    hedged = claim_id_with(opened, "reportedly")
    opened.actions.set_status(attributed, "false", "The port log shows no halt")
    opened.actions.add_note(attributed, "Called the port")
    opened.actions.add_evidence(attributed, "link", url="https://example.org/log")
    assert isinstance(cell(panel, attributed, STATUS_COL, Qt.ItemDataRole.DecorationRole), QIcon)
    assert "Status: False (F)" in str(cell(panel, attributed, STATUS_COL, Qt.ItemDataRole.ToolTipRole))
    assert cell(panel, attributed, STATUS_COL, Qt.ItemDataRole.AccessibleTextRole) == "False"
    assert cell(panel, attributed, KIND_COL) == "claim"
    assert cell(panel, attributed, SOURCE_COL) == "the port authority"
    assert str(cell(panel, attributed, CLAIM_COL)).startswith("Dredging in the north harbour")
    assert cell(panel, attributed, NOTES_COL) == "1 · 1"
    assert cell(panel, hedged, HEDGES_COL) == "reportedly"
    assert cell(panel, hedged, SOURCE_COL) == "—"
    assert cell(panel, hedged, NOTES_COL) == ""
    assert str(cell(panel, hedged, SCORE_COL)).startswith("0.")
    assert opened.claim_list.textElideMode() == Qt.TextElideMode.ElideRight
    assert not opened.claim_list.wordWrap(), "one line per claim: the sentence is elided"


def test_filter_by_status_kind_and_source(opened: MainWindow) -> None:
    panel = opened.claims_panel
    attributed = claim_id_with(opened, "according to the port authority")
    weather = claim_id_with(opened, "weather")
    opened.actions.set_status(attributed, "in_progress")
    opened.actions.edit_claim(weather, kind="caveat")
    everything = panel.shown_claim_ids()
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("in_progress"))
    assert panel.shown_claim_ids() == [attributed]
    assert "1 of 4" in panel.heading.text()
    panel.status_filter.setCurrentIndex(0)
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("caveat"))
    assert panel.shown_claim_ids() == [weather]
    panel.kind_filter.setCurrentIndex(0)
    panel.source_filter.setCurrentIndex(panel.source_filter.findData("the port authority"))
    # 'The authority said ...' is the port authority too: one source, whatever the words
    assert panel.shown_claim_ids() == [attributed, claim_id_with(opened, "The authority said")]
    panel.source_filter.setCurrentIndex(panel.source_filter.findData(""))  # the article itself
    assert set(panel.shown_claim_ids()) == {weather, claim_id_with(opened, "reportedly")}
    panel.source_filter.setCurrentIndex(0)
    assert panel.shown_claim_ids() == everything


def test_sort_by_position_score_or_status(opened: MainWindow) -> None:
    panel = opened.claims_panel
    by_position = panel.shown_claim_ids()
    assert by_position == [c.id for c in opened.claim_model.claims()]
    panel.sort_box.setCurrentIndex(1)
    scores = [opened.claim_model.claim(i).score for i in panel.shown_claim_ids()]  # type: ignore[union-attr]
    assert scores == sorted(scores, reverse=True)
    panel.sort_box.setCurrentIndex(2)
    opened.actions.set_status(by_position[0], "false", "It did not stop")
    assert panel.shown_claim_ids()[-1] == by_position[0], "False sorts after Unreviewed"


def test_group_by_source(qtbot: QtBot, opened: MainWindow) -> None:
    panel = opened.claims_panel
    panel.set_grouped(True)
    rows = top_rows(panel)
    assert rows[0].startswith("the port authority") and "2 claims" in rows[0], "'The authority' joins it"
    assert any(r.startswith("The article itself") and "2 claims" in r for r in rows)
    assert opened.claim_list.isFirstColumnSpanned(0, QModelIndex()), "a group heading spans the row"
    assert opened.claim_list.header().isSectionHidden(SOURCE_COL), "the heading names the source"
    assert len(panel.shown_claim_ids()) == 4
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("in_progress"))
    assert top_rows(panel) == [], "no source has a claim in progress: no empty headings"
    attributed = claim_id_with(opened, "according to the port authority")
    opened.actions.set_status(attributed, "in_progress")
    assert [r.split("  ·")[0] for r in top_rows(panel)] == ["the port authority"]
    panel.status_filter.setCurrentIndex(0)
    opened.actions.edit_claim(attributed, source="The authority")
    rows = [r.split("  ·  ") for r in top_rows(panel)]
    assert ["The authority", "1 claim"] in rows and ["the port authority", "1 claim"] in rows, "moved group"
    panel.set_grouped(False)
    assert not opened.claim_list.header().isSectionHidden(SOURCE_COL)
    assert len(top_rows(panel)) == 4


def test_dismissed_claims_are_hidden_until_asked_for_and_can_be_restored(
    qtbot: QtBot, opened: MainWindow
) -> None:
    panel = opened.claims_panel
    weather = claim_id_with(opened, "weather")
    opened.actions.add_note(weather, "Not worth checking")
    opened.actions.dismiss_claim(weather)
    assert weather not in panel.shown_claim_ids()
    assert "1 dismissed" in panel.heading.text()
    opened.article_view.select_claim(weather)
    assert opened.article_view.highlighted_text() == "", "no highlight in the text"
    panel.dismissed_box.setChecked(True)
    assert weather in panel.shown_claim_ids()
    font = cell(panel, weather, CLAIM_COL, Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()  # type: ignore[attr-defined]
    opened.choose_claim(weather)
    assert panel.restore_button.isVisibleTo(panel)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert not opened.claim_model.claim(weather).dismissed  # type: ignore[union-attr]
    assert [n.body for n in opened.claim_model.claim(weather).notes] == ["Not worth checking"]  # type: ignore[union-attr]
    assert not panel.restore_button.isVisibleTo(panel)
    panel.dismissed_box.setChecked(False)
    assert weather in panel.shown_claim_ids()


def test_orphans_are_listed_apart_with_their_notes_and_changed_wording_is_marked(
    opened: MainWindow,
) -> None:
    assert opened.article is not None
    weather = claim_id_with(opened, "weather")
    shells = claim_id_with(opened, "14 unexploded")
    opened.actions.add_note(weather, "Met office says it rained")
    with opened.db.session() as session:  # as a new version of the article would leave them
        orphan = session.get(Claim, weather)
        changed = session.get(Claim, shells)
        assert orphan is not None and changed is not None
        orphan.anchored = False
        changed.previous_exact = "The authority said the survey found 12 shells on the seabed."
    opened.open_article(opened.article.id)
    panel = opened.claims_panel
    rows = top_rows(panel)
    assert rows[-1].startswith(ORPHANS) and "1 claim" in rows[-1], "orphans come last, as a group"
    assert panel.shown_claim_ids()[-1] == weather
    assert [n.body for n in opened.claim_model.claim(weather).notes] == ["Met office says it rained"]  # type: ignore[union-attr]
    opened.article_view.select_claim(weather)
    assert opened.article_view.highlighted_text() == "", "an orphan has no place in the text"
    assert "1 orphan" in panel.heading.text() and "1 reworded" in panel.heading.text()
    assert str(cell(panel, shells, CLAIM_COL)).startswith(CHANGED_MARK)
    assert "12 shells" in str(cell(panel, shells, CLAIM_COL, Qt.ItemDataRole.ToolTipRole))
    panel.set_grouped(True)
    assert top_rows(panel)[-1].startswith(ORPHANS)


def test_panel_choices_are_remembered(qtbot: QtBot, opened: MainWindow) -> None:
    panel = opened.claims_panel
    panel.set_grouped(True)
    panel.dismissed_box.setChecked(True)
    panel.sort_box.setCurrentIndex(1)
    panel._show_column(HEDGES_COL, False)  # the header's right-click menu
    opened.close()
    again = MainWindow(opened.db)
    qtbot.addWidget(again)
    assert again.claims_panel.grouping() == "source"
    assert again.claims_panel.dismissed_box.isChecked()
    assert again.claims_panel.sort_box.currentIndex() == 1
    assert again.claim_list.header().isSectionHidden(HEDGES_COL)
    assert app_settings().value("claims/grouped") in (True, "true")


def test_group_rows_have_no_claim(opened: MainWindow) -> None:
    panel = opened.claims_panel
    panel.set_grouped(True)
    assert panel.proxy.index(0, 0).data(ClaimIdRole) is None
    opened.claim_list.setCurrentIndex(panel.proxy.index(0, 0))
    assert opened.current_claim_id() is None


def test_the_context_menu_does_what_the_keys_do(opened: MainWindow) -> None:
    panel = opened.claims_panel
    weather = claim_id_with(opened, "weather")
    menu = opened.claim_list.claim_menu(panel.index_of(weather))
    assert menu is not None
    by_text = {a.text().split("\t")[0]: a for a in menu.actions()}
    statuses = by_text["Set &status"].menu()
    in_progress = next(a for a in statuses.actions() if a.text().startswith("In progress"))  # type: ignore[union-attr]
    in_progress.trigger()
    assert opened.claim_model.claim(weather).status == "in_progress"  # type: ignore[union-attr]
    by_text["&Dismiss"].trigger()
    assert opened.claim_model.claim(weather).dismissed  # type: ignore[union-attr]
    panel.dismissed_box.setChecked(True)
    again = opened.claim_list.claim_menu(panel.index_of(weather))
    assert again is not None
    next(a for a in again.actions() if a.text() == "&Restore").trigger()
    assert not opened.claim_model.claim(weather).dismissed  # type: ignore[union-attr]


def test_the_model_keeps_qt_rules_flat_and_grouped(opened: MainWindow, qtmodeltester: object) -> None:
    weather = claim_id_with(opened, "weather")
    with opened.db.session() as session:
        orphan = session.get(Claim, weather)
        assert orphan is not None
        orphan.anchored = False
    assert opened.article is not None
    opened.open_article(opened.article.id)
    model = opened.claim_model
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    model.set_grouped(True)
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    qtmodeltester.check(opened.claims_panel.proxy, force_py=True)  # type: ignore[attr-defined]


def test_sources_show_whom_they_mean_and_say_when_the_engine_is_unsure(
    window: MainWindow, tmp_path: Path
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Barrier questions\n\n"
        "He said the barrier was never inspected after 2019.\n\n"
        "Mayor Dana Osei said on Tuesday that the town asked for repairs three times. "
        "She added that 40 homes were flooded.\n",
        encoding="utf-8",
    )
    assert window.open_file(story)
    panel = window.claims_panel
    unknown = claim_id_with(window, "never inspected")
    resolved = claim_id_with(window, "40 homes")
    assert cell(panel, unknown, SOURCE_COL) == "He (uncertain)"
    assert cell(panel, unknown, SOURCE_COL, Qt.ItemDataRole.FontRole).italic()
    assert "uncertain" in str(cell(panel, unknown, SOURCE_COL, Qt.ItemDataRole.ToolTipRole))
    assert cell(panel, resolved, SOURCE_COL) == "Mayor Dana Osei"
    assert "the text says \u201cShe\u201d" in str(
        cell(panel, resolved, SOURCE_COL, Qt.ItemDataRole.ToolTipRole)
    )
    panel.set_grouped(True)
    assert "Mayor Dana Osei  \u00b7  2 claims" in top_rows(panel), "the mayor's claims form one group"


def test_a_hostile_source_is_shown_as_text_in_its_tooltip(opened: MainWindow) -> None:
    claim = claim_id_with(opened, "according to the port authority")
    opened.actions.edit_claim(claim, source='<img src="/dev/zero">')
    tip = str(cell(opened.claims_panel, claim, SOURCE_COL, Qt.ItemDataRole.ToolTipRole))
    assert "<img" not in tip and "&lt;img" in tip
