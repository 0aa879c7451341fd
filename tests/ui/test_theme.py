"""Light and dark themes: the palettes, the View > Theme menu, following the system, readable highlights."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from app.domain.statuses import STATUSES
from app.ui import theme
from app.ui.main_window import MainWindow
from app.ui.settings import app_settings
from app.ui.theme import DARK, LIGHT, SYSTEM, claim_background, contrast, find_background, palette_for
from tests.ui.test_article_view import open_emoji_article

Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def restore_palette(qapp: QApplication) -> Iterator[None]:
    """A theme is application-wide: put the palette back for the tests that follow."""
    before = QPalette(qapp.palette())
    yield
    qapp.setPalette(before)


def theme_actions(window: MainWindow) -> dict[str, object]:
    menu = next(
        a.menu() for a in window.view_menu.actions() if isinstance(a.menu(), QMenu) and "Theme" in a.text()
    )
    return {a.data(): a for a in menu.actions()}


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_text_over_every_highlight_stays_readable(name: str) -> None:
    palette = palette_for(name)
    text = palette.color(Role.Text)
    for s in STATUSES:
        for selected in (False, True):
            background = claim_background(s.id, palette, selected=selected)
            assert contrast(text, background) >= 4.5, (name, s.id, selected)
            if s.id != "unreviewed":  # grey has no hue to keep; the page's own tint may shift it a little
                shift = abs(background.hue() - QColor(s.colour).hue())
                assert min(shift, 360 - shift) <= 12
    for current in (False, True):
        assert contrast(text, find_background(palette, current=current)) >= 4.5
    assert contrast(text, palette.color(Role.Base)) >= 12


def test_dark_is_dark_and_light_is_light() -> None:
    assert palette_for(DARK).color(Role.Base).lightness() < 60
    assert palette_for(LIGHT).color(Role.Base).lightness() > 240
    assert theme.is_dark(palette_for(DARK)) and not theme.is_dark(palette_for(LIGHT))


def test_the_theme_menu_switches_the_palette_and_is_remembered(
    qapp: QApplication, qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_emoji_article(window, tmp_path)
    view = window.article_view
    actions = theme_actions(window)
    assert set(actions) == {SYSTEM, LIGHT, DARK}
    assert actions[SYSTEM].isChecked()  # type: ignore[attr-defined]
    light_selections = view.extraSelections()
    light_highlight = light_selections[0].format.background().color()

    actions[DARK].trigger()  # type: ignore[attr-defined]
    assert qapp.palette().color(Role.Base) == palette_for(DARK).color(Role.Base)
    assert QToolTip.palette().color(Role.ToolTipBase) == palette_for(DARK).color(Role.ToolTipBase)
    qtbot.waitUntil(lambda: view.palette().color(Role.Base).lightness() < 60)  # widgets hear it from the loop
    dark_selections = view.extraSelections()
    dark_highlight = dark_selections[0].format.background().color()
    assert dark_highlight.lightness() < light_highlight.lightness()  # highlights follow the theme
    assert theme.saved_theme() == DARK
    assert theme_actions(window)[DARK].isChecked()  # type: ignore[attr-defined]

    actions[LIGHT].trigger()  # type: ignore[attr-defined]
    assert qapp.palette().color(Role.Base) == palette_for(LIGHT).color(Role.Base)
    assert theme.saved_theme() == LIGHT


def test_system_choice_follows_the_desktop_and_a_fixed_choice_does_not(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = theme.theme_controller()
    controller.apply(SYSTEM)
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    controller._system_changed(Qt.ColorScheme.Dark)  # what the desktop's signal calls
    assert theme.is_dark(qapp.palette())
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    controller._system_changed(Qt.ColorScheme.Light)
    assert not theme.is_dark(qapp.palette())

    controller.apply(DARK)
    controller._system_changed(Qt.ColorScheme.Light)
    assert theme.is_dark(qapp.palette())  # the user's own choice wins


def test_the_start_up_applies_the_remembered_theme(qapp: QApplication) -> None:
    app_settings().setValue("view/theme", DARK)
    theme.theme_controller().apply()
    assert theme.is_dark(qapp.palette())
    app_settings().setValue("view/theme", "purple")  # an unknown value means System
    assert theme.saved_theme() == SYSTEM
