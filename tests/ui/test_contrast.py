"""WCAG contrast, computed from the palettes of both themes and the status colours as drawn: every
text, chip letter and check-box outline at 4.5:1 or better; keyboard focus drawn where it shows."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QListView,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.statuses import STATUSES
from app.domain.summaries import LibraryEntry
from app.services.search import SearchHit
from app.ui import theme
from app.ui.claims.history_view import status_badge
from app.ui.claims.status_icons import status_icon
from app.ui.dialogs.reason_dialog import ReasonDialog
from app.ui.library.library_pane import ENTRY_ROLE, StatusBarDelegate
from app.ui.library.search_box import HitListModel, RichTextDelegate
from app.ui.main_window import MainWindow
from app.ui.theme import DARK, LIGHT, contrast, palette_for, secondary_text
from tests.ui.claim_editor_support import choose, open_with_claim

Role = QPalette.ColorRole
AA = 4.5
BACKGROUNDS = (Role.Window, Role.Base, Role.AlternateBase, Role.Button, Role.ToolTipBase)
PAIRS = (  # text role, the background it is drawn on
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
    (Role.LinkVisited, Role.Base),
)


@pytest.fixture(autouse=True)
def restore_palette(qapp: QApplication) -> Iterator[None]:
    before = QPalette(qapp.palette())
    yield
    qapp.setPalette(before)


def use_theme(window: QWidget, qtbot: QtBot, name: str) -> QPalette:
    theme.theme_controller().apply(name)
    wanted = palette_for(name).color(Role.Base)
    qtbot.waitUntil(lambda: window.palette().color(Role.Base) == wanted)
    return palette_for(name)


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_every_palette_text_reads_on_its_background(name: str) -> None:
    palette = palette_for(name)
    low = {
        (text.name, back.name): round(contrast(palette.color(text), palette.color(back)), 2)
        for text, back in PAIRS
        if contrast(palette.color(text), palette.color(back)) < AA
    }
    assert low == {}


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_secondary_grey_reads_on_every_background(name: str) -> None:
    palette = palette_for(name)
    grey = secondary_text(palette)
    assert min(contrast(grey, palette.color(back)) for back in BACKGROUNDS) >= AA
    assert contrast(QColor("gray"), palette.color(Role.Window)) < AA, "what it replaces did not"
    selected = secondary_text(palette, selected=True)
    assert contrast(selected, palette.color(Role.Highlight)) >= AA


def chip_colours(status_id: str) -> tuple[QColor, QColor]:
    """The chip's fill and its letter's colour, read from the icon as drawn."""
    return fill_and_ink(status_icon(status_id).pixmap(QSize(18, 18), 2.0).toImage())


@pytest.mark.parametrize("status_id", [s.id for s in STATUSES])
def test_every_status_chip_letter_reads_on_its_colour(status_id: str) -> None:
    fill, ink = chip_colours(status_id)
    assert fill == QColor(next(s.colour for s in STATUSES if s.id == status_id))
    assert contrast(ink, fill) >= AA, (status_id, round(contrast(ink, fill), 2))


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_a_check_box_is_outlined_in_both_themes(qtbot: QtBot, name: str) -> None:
    box = QCheckBox("Show dismissed")
    qtbot.addWidget(box)
    box.resize(160, 30)
    palette = use_theme(box, qtbot, name)
    image = box.grab().toImage()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    edge = [  # the indicator's outermost pixels, where its outline is
        image.pixelColor(x, y)
        for x in range(indicator.left(), indicator.right() + 1)
        for y in range(indicator.top(), indicator.bottom() + 1)
        if x in (indicator.left(), indicator.right()) or y in (indicator.top(), indicator.bottom())
    ]
    window = palette.color(Role.Window)
    assert max(contrast(c, window) for c in edge) >= AA


def colours_in(html: str) -> list[QColor]:
    return [QColor(c) for c in re.findall(r"color:\s*([#\w]+)", html)]


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_the_editor_greys_read_in_both_themes(
    qtbot: QtBot, window: MainWindow, article_file: Path, name: str
) -> None:
    claim_id = open_with_claim(window, article_file)
    editor = window.editor
    qtbot.keyClicks(editor.reason_input, "checked with the agency")
    choose(editor.status_box, "in_progress")
    choose(editor.status_box, "verified")  # the hint: a reason is missing
    palette = use_theme(window, qtbot, name)
    window_colour = palette.color(Role.Window)
    labels = [editor.facts, editor.picker.current_reason]
    found = [(label.objectName(), c) for label in labels for c in colours_in(label.text())]
    found += [("reasonHint", c) for c in colours_in(editor.picker.hint.styleSheet())]
    assert {n for n, _ in found} == {"claimFacts", "currentReason", "reasonHint"}
    assert [(n, c.name()) for n, c in found if contrast(c, window_colour) < AA] == []
    claim = window.claim_model.claim(claim_id)
    assert claim is not None
    dialog = ReasonDialog(claim, "false", window)
    qtbot.addWidget(dialog)
    question = dialog.findChild(QLabel, "reasonQuestion")
    assert question is not None and colours_in(question.text())
    assert min(contrast(c, window_colour) for c in colours_in(question.text())) >= AA


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_keyboard_focus_is_ringed_where_it_shows(
    qtbot: QtBot, window: MainWindow, article_file: Path, name: str
) -> None:
    open_with_claim(window, article_file)
    palette = use_theme(window, qtbot, name)
    window.activateWindow()
    for widget in (window.claim_list, window.editor.status_box, window.claims_panel.dismissed_box):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        frame = theme.theme_controller().focus_ring.frame
        assert frame is not None and frame.widget() is widget and frame.isVisible()
        image = frame.grab().toImage()
        left_edge = image.pixelColor(0, image.height() // 2)
        assert contrast(left_edge, palette.color(Role.Window)) >= AA, widget.objectName()
        assert contrast(theme.focus_colour(palette), palette.color(Role.Base)) >= AA


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_a_search_hit_heading_reads_selected_or_not(name: str) -> None:
    palette = palette_for(name)
    model = HitListModel()
    model.set_hits([SearchHit("claim", 1, "Ferry log", 2, None, 0, 4, "the \x02ferry\x03 sailed")])
    delegate = RichTextDelegate()
    for selected, background in ((False, Role.Base), (True, Role.Highlight)):
        option = QStyleOptionViewItem()
        option.palette = palette
        option.rect = QRect(0, 0, 300, 40)
        if selected:
            option.state |= QStyle.StateFlag.State_Selected
        document = delegate._document(option, model.index(0, 0))
        heading = document.begin().begin().fragment()
        assert heading.text().startswith("Claim")
        ink = heading.charFormat().foreground().color()
        assert contrast(ink, palette.color(background)) >= AA, (selected, ink.name())


def fill_and_ink(image: QImage) -> tuple[QColor, QColor]:
    """The commonest opaque colour of a drawing, and the one that differs from it most."""
    opaque = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    ]
    fill = QColor(Counter(c.rgb() for c in opaque).most_common(1)[0][0])
    return fill, max(opaque, key=lambda c: contrast(c, fill))


@pytest.mark.parametrize("status_id", [s.id for s in STATUSES])
def test_the_history_badge_and_the_library_bar_letters_read(qtbot: QtBot, status_id: str) -> None:
    badge = re.search(r"background:(#\w+); color:(#\w+)", status_badge(status_id))
    assert badge is not None
    assert contrast(QColor(badge[1]), QColor(badge[2])) >= AA

    view = QListView()
    qtbot.addWidget(view)
    model = QStandardItemModel()
    item = QStandardItem()
    entry = LibraryEntry(1, "Ferry", None, None, datetime(2026, 1, 1, tzinfo=UTC), None, ((status_id, 3),))
    item.setData(entry, ENTRY_ROLE)
    model.appendRow(item)
    view.setModel(model)
    image = QImage(60, 26, QImage.Format.Format_ARGB32)
    image.fill(QColor(next(s.colour for s in STATUSES if s.id == status_id)))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 60, 26)
    option.widget = view
    painter = QPainter(image)
    StatusBarDelegate().paint(painter, option, model.index(0, 0))
    painter.end()
    fill, ink = fill_and_ink(image.copy(8, 6, 44, 14))
    assert fill == QColor(next(s.colour for s in STATUSES if s.id == status_id))
    assert contrast(ink, fill) >= AA, (status_id, ink.name())


def test_no_plain_gray_is_left_in_the_app() -> None:
    """CSS 'gray' is #808080, 3.9:1 on white and worse on the dark theme: passing words use the
    theme's grey (class 'muted' in rich text, MutedLabel for labels)."""
    app_dir = Path(__file__).resolve().parents[2] / "app"
    plain = re.compile(r"color\s*:\s*gr[ae]y\b", re.IGNORECASE)
    found = [
        f"{p.name}:{n}"
        for p in app_dir.rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if plain.search(line)
    ]
    assert not found, found


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_muted_words_in_notes_and_labels_read_in_both_themes(qtbot: QtBot, name: str) -> None:
    from app.ui.claims.notes_view import NotesView
    from app.ui.muted_label import MutedLabel

    palette = palette_for(name)
    view = NotesView()
    qtbot.addWidget(view)
    view.setPalette(palette)
    view.notes.setPalette(palette)
    view.show_notes(())  # "No notes yet": a muted line
    sheet = view.notes.document().defaultStyleSheet()
    grey = QColor(re.search(r"\.muted \{ color: (#[0-9a-f]{6})", sheet).group(1))  # type: ignore[union-attr]
    assert contrast(grey, palette.color(Role.Base)) >= 4.5
    label = MutedLabel("in passing")
    qtbot.addWidget(label)
    label.setPalette(palette)
    shown = QColor(re.search(r"#[0-9a-f]{6}", label.styleSheet()).group(0))  # type: ignore[union-attr]
    assert contrast(shown, palette.color(Role.Window)) >= 4.5
