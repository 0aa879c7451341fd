"""Status swatches: colour plus letter, so status never depends on colour alone; the letter is white or
black, whichever reads at 4.5:1 or better on its colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from app.domain.statuses import status
from app.ui.theme import chip_ink


@cache
def status_icon(status_id: str, size: int = 18) -> QIcon:
    s = status(status_id)
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x so it stays crisp on high-DPI screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(s.colour)
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 4, 4)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    painter.setFont(font)
    painter.setPen(chip_ink(colour))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, s.letter)
    painter.end()
    return QIcon(pixmap)
