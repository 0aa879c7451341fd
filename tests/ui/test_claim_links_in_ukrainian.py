"""The links in Ukrainian (issue 20): the editor's sentences, the claims list's headings and the
memo's section go through the translations like the rest of the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app.services import claims, reports
from app.storage.database import Database
from app.ui import translation
from app.ui.claims.claim_links_view import ClaimLinksView
from app.ui.claims.claim_list_model import BY_LINK
from app.ui.main_window import MainWindow
from tests.claim_links_story import claim_with, import_story
from tests.ui.job_support import finished

QM = Path(__file__).resolve().parents[2] / "resources" / "translations" / "claimdesk_uk.qm"
ENGLISH = ("Also in", "first:", "figures disagree", "origin", "articles", "this article")


@pytest.fixture
def ukrainian(qapp: QCoreApplication) -> Iterator[None]:
    if not QM.is_file():
        pytest.fail(f"{QM.name} is not built: run scripts/setup (or scripts/translations build)")
    assert translation.install(translation.UKRAINIAN)
    yield
    translation.install(translation.ENGLISH)


@pytest.fixture
def story(db: Database) -> list[int]:
    return import_story(db)


def test_the_editors_links_speak_ukrainian(
    qtbot: QtBot, ukrainian: None, db: Database, story: list[int]
) -> None:
    view = ClaimLinksView()
    qtbot.addWidget(view)
    view.library = lambda: db
    view.show_claim(claims.load_claim(db, claim_with(db, story[2], "160 square kilometres")))
    finished(qtbot, view.job)
    text = view.summary.text()
    assert "Також у статтях: 4; уперше: Valdora Courier, 2024-07-02" in text
    assert "статей: 5, першоджерел — 2: the regional fire service (2024-07-02) та ще 1" in text
    assert "цифри розходяться: 160 square kilometres (the Northern Daily, 2024-07-03) проти 110" in text
    assert [w for w in ENGLISH if w in text] == []


def test_the_claims_list_headings_speak_ukrainian(
    qtbot: QtBot, ukrainian: None, window: MainWindow, story: list[int]
) -> None:
    window.open_article(story[0])
    window.claims_panel.set_grouping(BY_LINK)
    finished(qtbot, window.claims_panel.links_job)
    proxy = window.claims_panel.proxy
    rows = [str(proxy.index(r, 0).data()) for r in range(proxy.rowCount())]
    assert rows[0] == "Також у статтях: 4; уперше: ця стаття, 2024-07-02"
    assert rows[-1].startswith("Лише в цій статті")
    assert window.claims_panel.group_box.currentText() == "За пов'язаними"


def test_the_memos_section_speaks_ukrainian(ukrainian: None, db: Database, story: list[int]) -> None:
    html, _ = reports.memo_source(db, story[2])
    section = html[html.index("Деінде в бібліотеці") :]
    assert "Також у статтях: 4; уперше: Valdora Courier, 2024-07-02" in section
    assert "цифри розходяться:" in section
    assert [w for w in ENGLISH if w in section] == []
