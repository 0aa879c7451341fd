"""The claims list can be read: the sentence keeps at least half the list's width at any size,
whatever layout was saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from pytestqt.qtbot import QtBot

from app.ui.claims.claim_list_model import CLAIM_COL, SOURCE_COL
from app.ui.claims.claims_panel import CLAIM_SHARE, MIN_WIDTHS
from app.ui.main_window import MainWindow
from app.ui.settings import CLAIMS_HEADER, app_settings


def _share(window: MainWindow) -> float:
    view = window.claims_panel.view
    return view.header().sectionSize(CLAIM_COL) / max(1, view.viewport().width())


def _readable(window: MainWindow) -> bool:
    """Half the width for the sentence, or every other column already at its minimum."""
    header = window.claims_panel.view.header()
    others_at_minimum = all(
        header.sectionSize(c) <= MIN_WIDTHS[c] for c in range(header.count()) if c != CLAIM_COL
    )
    return _share(window) >= CLAIM_SHARE - 0.02 or (others_at_minimum and _share(window) >= 0.4)


def test_the_sentence_has_half_the_width_at_every_window_size(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    window.open_file(article_file)
    for width, height in ((1024, 700), (1280, 800), (1600, 1000), (2400, 1300)):
        window.resize(width, height)
        qtbot.waitUntil(lambda: _readable(window), timeout=2000)
        if width >= 1280:
            assert _share(window) >= CLAIM_SHARE - 0.02, (width, _share(window))


def test_a_layout_saved_narrow_never_squeezes_the_sentence(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    window.open_file(article_file)
    header = window.claims_panel.view.header()
    header.resizeSection(SOURCE_COL, 900)  # a source column dragged wide, then saved
    settings = app_settings()
    CLAIMS_HEADER.write(QByteArray(header.saveState()), settings)
    settings.sync()
    window.claims_panel.restore_state(settings)
    qtbot.waitUntil(lambda: _readable(window), timeout=2000)
    assert header.sectionSize(SOURCE_COL) < 900


def test_the_full_sentence_is_on_hover(window: MainWindow, article_file: Path) -> None:
    from PySide6.QtCore import Qt

    window.open_file(article_file)
    index = window.claims_panel.proxy.index(0, CLAIM_COL)
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    claim = window.claim_model.claim_at(0)
    assert " ".join(claim.text.split())[:60] in tip


def test_a_narrow_list_hides_columns_rather_than_squeeze_them_and_brings_them_back(
    qtbot: QtBot, window: MainWindow, article_file: Path
) -> None:
    from app.ui.claims.claim_list_model import HEDGES_COL, NOTES_COL, SCORE_COL
    from app.ui.claims.claims_panel import READABLE

    window.open_file(article_file)
    panel = window.claims_panel
    header = panel.view.header()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: header.isSectionHidden(HEDGES_COL), timeout=2000)
    shown = [c for c in range(header.count()) if c != CLAIM_COL and not header.isSectionHidden(c)]
    assert all(header.sectionSize(c) >= READABLE[c] for c in shown), [
        (c, header.sectionSize(c)) for c in shown
    ]
    assert SOURCE_COL in shown and SCORE_COL in shown, "who says it and its score stay"
    panel._show_column(HEDGES_COL, True)  # the user asks for it: it stays, however narrow
    assert not header.isSectionHidden(HEDGES_COL)
    window.resize(2400, 1300)
    qtbot.waitUntil(lambda: not header.isSectionHidden(NOTES_COL), timeout=2000)
    assert not header.isSectionHidden(HEDGES_COL)


def test_short_of_room_the_source_gives_its_slack_before_any_column_is_squeezed() -> None:
    """The Source column's default leaves room for a long name ("the regional fire service"); on
    a panel short of that room it gives its slack first, down to readable, before the kind or the
    score are scaled below what can be read."""
    from app.ui.claims.claim_list_model import KIND_COL, SCORE_COL
    from app.ui.claims.claims_panel import COLUMN_WIDTHS, READABLE, _give_slack

    defaults = {c: COLUMN_WIDTHS[c] for c in (KIND_COL, SOURCE_COL, SCORE_COL)}
    wanted = dict(defaults)
    _give_slack(wanted, sum(defaults.values()) - 30)
    assert wanted == {**defaults, SOURCE_COL: COLUMN_WIDTHS[SOURCE_COL] - 30}
    wanted = dict(defaults)
    _give_slack(wanted, 10)  # far too narrow: everyone gives down to readable, no further
    assert wanted == {c: READABLE[c] for c in defaults}
    wanted = dict(defaults)
    _give_slack(wanted, sum(defaults.values()) + 5)  # room enough: nothing given
    assert wanted == defaults
