"""Keyboard focus and check boxes, visible in both themes (the colours come from app/ui/theme.py).

Both are done without a proxy style on purpose: a style written in Python is called for every item
of every list painted, which made the claims list a quarter slower to paint.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

from app.ui.theme import focus_colour, secondary_text

FOCUS_WIDTH = 2  # the ring lies this far outside the widget (the styles' focus-frame margin): leave room
OUTLINE_LIFT = 127  # Fusion outlines a check box in its Window colour darkened 140% then lightened 110%


def check_box_palette(palette: QPalette) -> QPalette:
    """The palette for check boxes and radio buttons: their Window colour (which they never fill) set
    so that Fusion's outline comes out as the secondary grey, 4.5:1 on the page, where it was 1.2:1."""
    adjusted = QPalette(palette)
    adjusted.setColor(QPalette.ColorRole.Window, secondary_text(palette).lighter(OUTLINE_LIFT))
    return adjusted


class RingFrame(QFocusFrame):
    """A ring of the theme's focus colour, just outside the widget that has the keyboard."""

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(focus_colour(self.palette()), FOCUS_WIDTH))
        half = FOCUS_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 2, 2)
        painter.end()


class FocusRing(QObject):
    """Moves one RingFrame to whichever widget has the keyboard (lists, tables, buttons, fields), so
    focus is always visible: the style alone marks it faintly or, for lists, not at all."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.frame: RingFrame | None = None
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        shown = (
            new is not None
            and not new.isWindow()
            and new.window().windowType() != Qt.WindowType.Popup  # a combo's open list, a menu
            and bool(new.focusPolicy() & Qt.FocusPolicy.TabFocus)
        )
        if self.frame is None:
            if not shown:
                return
            self.frame = RingFrame()
            self.frame.destroyed.connect(self._forget)
        self.frame.setWidget(new if shown else None)  # type: ignore[arg-type]  # Qt takes none: no ring

    def _forget(self) -> None:
        self.frame = None
