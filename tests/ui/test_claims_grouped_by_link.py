"""The claims list grouped by linked claim (issue 20): a real library of our own five articles that
share claims (tests/claim_links_story.py), the real window, the links found on the worker pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from app.services import articles, claim_links
from app.storage.database import Database
from app.ui.claims.claim_list_model import (
    BY_LINK,
    BY_SOURCE,
    NO_GROUPS,
    ONLY_HERE,
    ClaimIdRole,
    GroupLabelRole,
    GroupOrderRole,
)
from app.ui.claims.claims_panel import ClaimsPanel
from app.ui.main_window import MainWindow
from app.ui.settings import app_settings
from tests.claim_links_story import claim_with, import_story, import_story_file
from tests.ui.job_support import finished


@pytest.fixture
def story(db: Database) -> list[int]:
    return import_story(db)


@pytest.fixture
def metro(window: MainWindow, story: list[int]) -> MainWindow:
    """The Metro Wire's article (the third), open."""
    window.open_article(story[2])
    return window


def headings(panel: ClaimsPanel) -> list[str]:
    return [str(panel.proxy.index(r, 0).data()) for r in range(panel.proxy.rowCount())]


def members(panel: ClaimsPanel, row: int) -> list[int]:
    group = panel.proxy.index(row, 0)
    return [panel.proxy.index(r, 0, group).data(ClaimIdRole) for r in range(panel.proxy.rowCount(group))]


def made_only_here(db: Database, article_id: int) -> list[int]:
    """The article's claims no group holds, as the service says (the matcher decides, not the list)."""
    grouped = {m for g in claim_links.article_link_groups(db, article_id) for m in g.members}
    return [c.id for c in articles.load_article(db, article_id).claims if c.id not in grouped]


def group_by_link(qtbot: QtBot, window: MainWindow) -> None:
    window.claims_panel.set_grouping(BY_LINK)
    finished(qtbot, window.claims_panel.links_job)


def test_claims_made_elsewhere_are_grouped_under_where_else_and_first(
    qtbot: QtBot, metro: MainWindow, db: Database, story: list[int]
) -> None:
    panel = metro.claims_panel
    group_by_link(qtbot, metro)
    area = claim_with(db, story[2], "160 square kilometres")
    tourism = claim_with(db, story[2], "Tourism operators")
    rows = headings(panel)
    assert rows[0] == "Also in 4 articles; first: Valdora Courier, 2024-07-02"
    assert members(panel, 0) == [area]
    alone = made_only_here(db, story[2])
    assert tourism in alone and area not in alone
    assert rows[-1] == f"Only in this article  ·  {len(alone)} claim" + ("s" if len(alone) > 1 else "")
    assert members(panel, len(rows) - 1) == alone
    groups = claim_links.article_link_groups(db, story[2])
    assert len(rows) == len(groups) + 1, "one heading per group, then the rest"
    assert all(metro.claim_list.isFirstColumnSpanned(r, QModelIndex()) for r in range(len(rows)))
    assert not metro.claim_list.header().isSectionHidden(2), "the Source column stays: headings don't name it"
    tip = str(panel.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith(rows[0] + "\n") and "Other articles" in tip, "in full where the row cuts it short"


def test_two_claims_that_are_one_claim_elsewhere_share_a_heading(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    import_story_file(db, "story_a1.txt")
    recap = tmp_path / "recap.txt"
    recap.write_text(
        "Valdora fire: a recap\n\n"
        "The wildfire in the Valdora hills has burned 110 square kilometres of forest, the regional "
        "fire service said on Monday.\n\n"
        "On Tuesday the fire service repeated that 110 square kilometres of forest in the Valdora "
        "hills had burned since Sunday.\n",
        encoding="utf-8",
    )
    assert window.open_file(recap)
    group_by_link(qtbot, window)
    assert headings(window.claims_panel) == [
        "Also in 1 article; first: Valdora Courier, 2024-07-02  ·  2 claims"
    ]


def test_the_first_article_says_it_came_first(qtbot: QtBot, window: MainWindow, story: list[int]) -> None:
    window.open_article(story[0])
    group_by_link(qtbot, window)
    linked = [r for r in headings(window.claims_panel) if not r.startswith("Only")]
    assert linked and all("; first: this article, 2024-07-02" in r for r in linked)


def test_the_current_claim_stays_current_and_in_view_as_the_grouping_changes(
    qtbot: QtBot, metro: MainWindow, db: Database, story: list[int]
) -> None:
    panel = metro.claims_panel
    tourism = claim_with(db, story[2], "Tourism operators")
    metro.choose_claim(tourism)
    for grouping in (BY_LINK, BY_SOURCE, BY_LINK, NO_GROUPS):
        panel.set_grouping(grouping)
        if grouping == BY_LINK:
            finished(qtbot, panel.links_job)
        assert metro.current_claim_id() == tourism, grouping
        assert metro.claim_list.visualRect(metro.claim_list.currentIndex()).isValid()
        assert metro.editor.sentence.text().count("Tourism operators") == 1


def test_the_list_is_flat_until_the_links_are_found_and_another_article_gets_its_own(
    qtbot: QtBot, metro: MainWindow, db: Database, story: list[int]
) -> None:
    panel = metro.claims_panel
    panel.set_grouping(BY_LINK)
    assert "finding linked claims" in panel.heading.text()
    flat = [panel.proxy.index(r, 0) for r in range(panel.proxy.rowCount())]
    assert [i.data(ClaimIdRole) for i in flat] == [c.id for c in panel.model.claims()]
    assert not any(i.data(GroupOrderRole) is not None for i in flat)
    finished(qtbot, panel.links_job)
    assert "finding" not in panel.heading.text()
    metro.open_article(story[4])  # the Coastal Ledger
    assert not any(h.startswith("Also in") for h in headings(panel)), "no groups of the article before"
    finished(qtbot, panel.links_job)
    rows = headings(panel)
    assert rows[-1].startswith("Only in this article")
    assert claim_with(db, story[4], "Rain is forecast") in made_only_here(db, story[4])
    assert members(panel, len(rows) - 1) == made_only_here(db, story[4])


def test_a_dismissed_claim_leaves_its_group(
    qtbot: QtBot, metro: MainWindow, db: Database, story: list[int]
) -> None:
    panel = metro.claims_panel
    panel.set_show_dismissed(True)
    group_by_link(qtbot, metro)
    area = claim_with(db, story[2], "160 square kilometres")
    metro.actions.dismiss_claim(area)
    finished(qtbot, panel.links_job)
    rows = headings(panel)
    assert rows[-1].startswith("Only in this article")
    assert area in members(panel, len(rows) - 1)
    assert members(panel, len(rows) - 1) == made_only_here(db, story[2])
    metro.actions.stack.undo()
    finished(qtbot, panel.links_job)
    assert members(panel, 0) == [area]


def test_a_status_filter_leaves_only_the_groups_with_such_a_claim(
    qtbot: QtBot, metro: MainWindow, db: Database, story: list[int]
) -> None:
    panel = metro.claims_panel
    group_by_link(qtbot, metro)
    area = claim_with(db, story[2], "160 square kilometres")
    metro.actions.set_status(area, "in_progress")
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("in_progress"))
    assert headings(panel) == ["Also in 4 articles; first: Valdora Courier, 2024-07-02"]
    assert panel.shown_claim_ids() == [area]


def test_folding_a_group_survives_its_links_found_again(
    qtbot: QtBot, metro: MainWindow, story: list[int]
) -> None:
    panel = metro.claims_panel
    group_by_link(qtbot, metro)
    first = panel.proxy.index(0, 0)
    label = first.data(GroupLabelRole)
    metro.claim_list.setExpanded(first, False)
    panel.find_links()
    finished(qtbot, panel.links_job)
    metro.open_article(story[2])  # the same article again: its groups rebuilt
    finished(qtbot, panel.links_job)
    again = panel.proxy.index(0, 0)
    assert again.data(GroupLabelRole) == label
    assert not metro.claim_list.isExpanded(again)
    assert metro.claim_list.isExpanded(panel.proxy.index(1, 0))


def test_the_grouping_is_remembered(qtbot: QtBot, metro: MainWindow, db: Database, story: list[int]) -> None:
    group_by_link(qtbot, metro)
    metro.close()
    assert app_settings().value("claims/grouping") == "link"
    again = MainWindow(db)
    qtbot.addWidget(again)
    assert again.claims_panel.grouping() == BY_LINK
    assert again.claims_panel.group_box.currentText() == "By linked claim"
    again.open_article(story[2])
    finished(qtbot, again.claims_panel.links_job)
    assert headings(again.claims_panel)[-1].startswith(ONLY_HERE)


def test_an_older_yes_to_grouping_means_by_source(qtbot: QtBot, db: Database) -> None:
    store = app_settings()
    store.setValue("claims/grouped", True)
    store.sync()
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.claims_panel.grouping() == BY_SOURCE


def test_an_article_painted_before_the_library_is_attached_is_grouped_once_it_is(
    qtbot: QtBot, db: Database, story: list[int]
) -> None:
    """At start-up the last article is shown before the database is open (app/ui/application.py):
    the grouping remembered waits for the library, then the links are found."""
    from app.ui.settings import CLAIMS_GROUPING

    CLAIMS_GROUPING.write(BY_LINK)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_record(articles.load_article(db, story[2]))
    panel = window.claims_panel
    assert panel.grouping() == BY_LINK and panel.links_job is None
    assert "finding linked claims" in panel.heading.text()
    window.db = db
    finished(qtbot, panel.links_job)
    assert headings(panel)[0] == "Also in 4 articles; first: Valdora Courier, 2024-07-02"
    assert "finding" not in panel.heading.text()
