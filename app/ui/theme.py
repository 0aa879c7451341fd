"""Light and dark palettes: the system's choice unless the user picks one (View > Theme).

Palettes are built here rather than left to the platform so that both themes look the same on every
desktop (and under the offscreen platform the tests use, which has no dark mode of its own).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu, QToolTip, QWidget

from app.domain.statuses import status
from app.ui.settings import THEME
from app.ui.translation import QT_TRANSLATE_NOOP, translate

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = {
    SYSTEM: QT_TRANSLATE_NOOP("Theme", "&System"),
    LIGHT: QT_TRANSLATE_NOOP("Theme", "&Light"),
    DARK: QT_TRANSLATE_NOOP("Theme", "&Dark"),
}  # View > Theme, shown through translate("Theme", ...)
_CONTROLLER = "claimdesk_theme_controller"

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
_LIGHT_COLOURS = {
    Role.Window: "#f2f2f0",
    Role.WindowText: "#1f1f1f",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f6f6f4",
    Role.Text: "#1f1f1f",
    Role.Button: "#ececea",
    Role.ButtonText: "#1f1f1f",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#e4e4e2",
    Role.Mid: "#c4c4c2",
    Role.Dark: "#a0a09e",
    Role.Shadow: "#6e6e6e",
    Role.Highlight: "#2f6fc4",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#1f5fb0",
    Role.LinkVisited: "#6a3fa0",
    Role.ToolTipBase: "#fffbe8",
    Role.ToolTipText: "#1f1f1f",
    Role.PlaceholderText: "#767676",
}
_DARK_COLOURS = {
    Role.Window: "#2a2b2e",
    Role.WindowText: "#e4e4e4",
    Role.Base: "#1d1e21",
    Role.AlternateBase: "#25262a",
    Role.Text: "#e2e2e2",
    Role.Button: "#34363a",
    Role.ButtonText: "#e4e4e4",
    Role.BrightText: "#ffffff",
    Role.Light: "#4a4c51",
    Role.Midlight: "#3c3e42",
    Role.Mid: "#303236",
    Role.Dark: "#18191b",
    Role.Shadow: "#0c0c0d",
    Role.Highlight: "#3d74c0",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7fb3ff",
    Role.LinkVisited: "#c0a0f0",
    Role.ToolTipBase: "#34363a",
    Role.ToolTipText: "#e4e4e4",
    Role.PlaceholderText: "#8e9096",
}
_DISABLED_TEXT = {LIGHT: "#9a9a98", DARK: "#75777c"}
# Said in passing (who, when, hints), and the outline of check boxes: at least 4.5:1 on every
# background of its theme (tests/ui/test_contrast.py), where the CSS "gray" was 3.5:1.
_SECONDARY = {LIGHT: "#5f5f5d", DARK: "#a6a8ad"}
_FOCUS = {LIGHT: "#1f5fb0", DARK: "#7fb3ff"}  # the ring around the widget that has the keyboard


def palette_for(theme: str) -> QPalette:
    """The full palette of LIGHT or DARK, disabled texts greyed."""
    palette = QPalette()
    for role, colour in (_DARK_COLOURS if theme == DARK else _LIGHT_COLOURS).items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(_DISABLED_TEXT[theme]))
    return palette


def saved_theme() -> str:
    choice = THEME.read()
    return choice if choice in THEMES else SYSTEM


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def effective_theme(choice: str) -> str:
    """LIGHT or DARK: what `choice` means on this desktop right now."""
    if choice == SYSTEM:
        return DARK if system_is_dark() else LIGHT
    return choice


def is_dark(palette: QPalette) -> bool:
    """Whether text is drawn light on dark: widgets ask their palette rather than a global."""
    return palette.color(Role.Base).lightness() < 128


def secondary_text(palette: QPalette, *, selected: bool = False) -> QColor:
    """Grey text for what is said in passing; on a selected row, the selected text's own colour."""
    if selected:
        return palette.color(Role.HighlightedText)
    return QColor(_SECONDARY[DARK if is_dark(palette) else LIGHT])


def focus_colour(palette: QPalette) -> QColor:
    return QColor(_FOCUS[DARK if is_dark(palette) else LIGHT])


def chip_ink(colour: QColor) -> QColor:
    """The letter on a status chip: white or black, whichever reads better on the chip's colour."""
    white, black = QColor("#ffffff"), QColor("#000000")
    return white if contrast(white, colour) >= contrast(black, colour) else black


class ThemeController(QObject):
    """Applies the chosen theme to the application and follows the system while the choice is SYSTEM."""

    themeChanged = Signal(str)  # LIGHT or DARK

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        from app.ui.visible_controls import FocusRing  # which takes its colours from here

        self._app = app
        self.focus_ring = FocusRing(app)  # focus always visible
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def choice(self) -> str:
        """SYSTEM, LIGHT or DARK, as remembered in the settings."""
        return saved_theme()

    def apply(self, choice: str | None = None) -> None:
        """Apply `choice` and remember it; without one, apply the remembered choice."""
        if choice is not None and choice in THEMES:
            THEME.write(choice)
        self._ask_platform()
        theme = effective_theme(self.choice)
        if theme == DARK and self._app.style().name().lower() == "windowsvista":
            self._app.setStyle("Fusion")  # the old Windows style draws its own light controls
        self._set_palette(theme)

    def _set_palette(self, theme: str) -> None:
        from app.ui.visible_controls import check_box_palette

        palette = palette_for(theme)
        self._app.setPalette(palette)
        for kind in ("QCheckBox", "QRadioButton"):  # outlined so they show on the page
            self._app.setPalette(check_box_palette(palette), kind)  # type: ignore[arg-type]  # takes a str
        QToolTip.setPalette(palette)  # tooltips keep their own copy, taken when the first one shows
        self.themeChanged.emit(theme)

    def _ask_platform(self) -> None:
        """Qt 6.8+ can ask the platform for a scheme too (window frames follow on Windows/macOS)."""
        hints = QGuiApplication.styleHints()
        if not hasattr(hints, "setColorScheme"):
            return
        if self.choice == SYSTEM:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if self.choice == DARK else Qt.ColorScheme.Light)

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == SYSTEM:
            self._set_palette(effective_theme(SYSTEM))


def theme_controller() -> ThemeController:
    """The application's one controller, made on first use.

    Kept as an attribute of the application rather than found with findChild: that search wraps
    every child of the application, which costs start-up time (see app/ui/application.py).
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found = getattr(app, _CONTROLLER, None)
    if not isinstance(found, ThemeController):
        found = ThemeController(app)
        setattr(app, _CONTROLLER, found)
    return found


def theme_menu(parent: QWidget) -> QMenu:
    """View > Theme: System / Light / Dark, one checked, the choice remembered."""
    controller = theme_controller()
    menu = QMenu(translate("Theme", "&Theme"), parent)
    group = QActionGroup(menu)
    for choice, label in THEMES.items():
        action = QAction(translate("Theme", label), menu, checkable=True)
        action.setChecked(choice == controller.choice)
        action.setData(choice)
        action.triggered.connect(lambda _checked=False, c=choice: controller.apply(c))
        group.addAction(action)
        menu.addAction(action)
    return menu


# ---- highlight colours ---------------------------------------------------------------------------
# Claim backgrounds are the status colour mixed into the page colour, opaque, so the contrast of the
# text over them can be checked (tests/ui/test_theme.py keeps it at WCAG AA, 4.5:1 or better).
_MIX = {(LIGHT, False): 0.24, (LIGHT, True): 0.5, (DARK, False): 0.3, (DARK, True): 0.5}


def mix(base: QColor, colour: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `base`, opaque."""
    return QColor.fromRgbF(
        base.redF() + (colour.redF() - base.redF()) * amount,
        base.greenF() + (colour.greenF() - base.greenF()) * amount,
        base.blueF() + (colour.blueF() - base.blueF()) * amount,
    )


def claim_background(status_id: str, palette: QPalette, *, selected: bool) -> QColor:
    theme = DARK if is_dark(palette) else LIGHT
    return mix(palette.color(Role.Base), QColor(status(status_id).colour), _MIX[theme, selected])


def claim_ink(status_id: str, palette: QPalette) -> QColor:
    """The status colour for lines and marks: lightened on a dark page so it stays visible."""
    colour = QColor(status(status_id).colour)
    return colour.lighter(135) if is_dark(palette) else colour


def find_background(palette: QPalette, *, current: bool) -> QColor:
    """Find matches: cyan, a hue no status uses; the current one stronger."""
    amount = (0.55 if current else 0.3) if not is_dark(palette) else (0.45 if current else 0.3)
    return mix(palette.color(Role.Base), QColor("#00b8d4"), amount)


def claim_format(status_id: str, palette: QPalette, *, caveat: bool, selected: bool) -> QTextCharFormat:
    """How a claim is marked in the text: a tint of its status colour; a caveat, dotted underline."""
    fmt = QTextCharFormat()
    if caveat:  # a caveat qualifies a claim: marked, not filled
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(claim_ink(status_id, palette))
        if selected:
            fmt.setBackground(claim_background(status_id, palette, selected=False))
    else:
        fmt.setBackground(claim_background(status_id, palette, selected=selected))
        if selected:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(claim_ink(status_id, palette))
    return fmt


def find_format(palette: QPalette, *, current: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(find_background(palette, current=current))
    if current:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(palette.color(Role.Text))
    return fmt


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
