"""A label for what is said in passing, in the theme's secondary grey (at least 4.5:1 on its
background), following a theme switched while it is shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.theme import secondary_text


class MutedLabel(QLabel):
    """CSS gray reads at 3.5:1 or so; this grey comes from the theme (app/ui/theme.py)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._follow_theme()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_theme()

    def grey(self) -> str:
        """The grey in use, as '#rrggbb' (for rich text that marks its own passing words)."""
        return secondary_text(self.palette()).name()

    def _follow_theme(self) -> None:
        style = f"color: {self.grey()}"
        if self.styleSheet() != style:  # setting it again would loop through another change event
            self.setStyleSheet(style)
