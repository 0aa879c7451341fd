"""The article in a reader: a centred column of text with every claim highlighted in its status's colour.

Offsets: claims carry Python string indices (code points) into the article text; Qt's document
counts UTF-16 units, so `Utf16Positions` maps between them wherever the two meet.

Speed: each highlighted claim keeps its own ExtraSelection, so a status change or a new selected
claim restyles one or two of them, never all; hovering only reads positions.

Structure (headings, list items, quotes; app/domain/article_structure.py reads it from the article's
html) is applied as formats only: the document's text stays the stored text, character for
character, and list markers are painted in the margin, never inserted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QToolTip, QWidget

from app.domain.records import ClaimRecord
from app.domain.statuses import status
from app.ui import shortcuts as keys
from app.ui.claims.status_icons import status_icon
from app.ui.reader.reader_typesetting import (
    INDENT_EMS,
    column_margins,
    format_paragraphs,
    format_structure,
    set_page_margins,
)
from app.ui.settings import READER_POINT_SIZE
from app.ui.theme import claim_format, claim_ink, find_format
from app.ui.translation import kind_label, source_label, status_label, translate

if TYPE_CHECKING:
    from app.domain.article_structure import StructuredBlock
    from app.ui.reader.find_bar import FindBar

READER_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "Cambria", "DejaVu Serif"]
DEFAULT_POINT_SIZE, MIN_POINT_SIZE, MAX_POINT_SIZE = 12.0, 7.0, 32.0
MAX_FIND_HIGHLIGHTS = 1500  # beyond this only the count and the current match are shown
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 units each: emoji, rare scripts


class Utf16Positions:
    """Python offsets count code points; Qt's text positions count UTF-16 units. Map one to the other."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def __call__(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def to_python(self, position: int) -> int:
        """A Qt position as a code point index (the middle of a surrogate pair rounds down)."""
        if not self._astral_qt:
            return position
        return position - bisect_left(self._astral_qt, position)


def _highlighted(claim: ClaimRecord) -> bool:
    """Dismissed claims and orphans (no place in this text) get no highlight."""
    return claim.anchored and not claim.dismissed and claim.start < claim.end


def _looks(claim: ClaimRecord) -> tuple[object, ...]:
    """What the highlight of a claim depends on: a change elsewhere (a note) needs no repaint."""
    return (claim.status, claim.kind, claim.start, claim.end, claim.dismissed, claim.anchored)


def _places(claim: ClaimRecord) -> tuple[object, ...]:
    """Where a claim is highlighted, if at all: a change here rebuilds the list of highlights."""
    return (claim.start, claim.end, claim.dismissed, claim.anchored)


def claim_tooltip(claim: ClaimRecord) -> str:
    """Status by name and letter (never colour alone), kind, source and hedges."""
    s = status(claim.status)
    lines = [
        f"<b>[{escape(s.letter)}] {escape(status_label(s.label))}</b> · {escape(kind_label(claim.kind))}"
    ]
    if claim.origin == "manual":
        lines[0] += translate("ArticleView", " · added by hand")
    source = (
        escape(source_label(claim) or "")
        if claim.source_label
        else "<i>" + translate("ArticleView", "the article itself") + "</i>"
    )
    lines.append(translate("ArticleView", "Source: {source}").format(source=source))
    if claim.hedges:
        lines.append(translate("ArticleView", "Hedges: ") + escape(", ".join(claim.hedges)))
    if claim.notes:
        count = len(claim.notes)
        lines.append(
            translate("ArticleView", "1 note")
            if count == 1
            else translate("ArticleView", "{count} notes").format(count=count)
        )
    return "<p style='white-space:pre'>" + "<br>".join(lines) + "</p>"


class ArticleView(QTextEdit):
    """Read-only rich text view of the plain article text: one character here is one in the stored text."""

    claimClicked = Signal(int)  # a claim id: the user clicked its highlight or its margin letter
    addClaimRequested = Signal(int, int)  # start, end (code points): "Add claim from selection"
    spanRequested = Signal(int, int, int)  # claim id, start, end: "Set span of selected claim"
    columnChanged = Signal(int, int)  # left and right margins of the text column, so a heading can align

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setObjectName("articleView")
        self.setTabChangesFocus(True)
        # A caret and Shift+arrows, so a passage can be selected (and made a claim) without a mouse.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptRichText(False)
        self.setPlaceholderText(
            translate("ArticleView", "Open an article (File > Open, Ctrl+O) or choose one in the library.")
        )
        self.document().setUndoRedoEnabled(False)
        # The viewport fetched by name first: PySide wraps it as the QWidget it is at once, where
        # viewport() would first try every widget class it knows (15 ms at start-up).
        viewport = self.findChild(QWidget, "qt_scrollarea_viewport")
        (viewport or self.viewport()).setMouseTracking(True)
        self._text = ""
        self._qt = Utf16Positions("")
        self._claims: dict[int, ClaimRecord] = {}
        self._selections: dict[int, QTextEdit.ExtraSelection] = {}
        self._order: list[int] = []  # ids of the highlighted claims in text order, for the margin
        self._starts: list[int] = []  # and where each starts, for bisecting
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._selected: int | None = None
        self._formats: dict[tuple[str, bool, bool], QTextCharFormat] = {}  # (status, caveat, selected)
        self._badges: list[tuple[QRectF, int]] = []
        self._pressed_at: QPoint | None = None
        self._pointing = False
        self._column_margin = self._right_margin = -1.0
        self._find_bar: FindBar | None = None
        self._structure: tuple[StructuredBlock, ...] = ()
        self._marked: list[StructuredBlock] = []  # list items with a margin marker and quotes, to paint
        self._marked_starts: list[int] = []
        self._build_actions()
        self.set_point_size(_saved_point_size())
        self.selectionChanged.connect(self._update_claim_actions)

    @property
    def find_bar(self) -> FindBar:
        """Made on first use (Ctrl+F): showing an article needs nothing of it."""
        if self._find_bar is None:
            from app.ui.reader.find_bar import FindBar

            self._find_bar = bar = FindBar(self)
            bar.set_text(self._text)
            bar.matchesChanged.connect(self._go_to_find_match)
            bar.closed.connect(self._find_closed)
        return self._find_bar

    def _finding(self) -> bool:
        return self._find_bar is not None and self._find_bar.isVisible()

    # ---- actions ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(shortcut: keys.Shortcut, slot: Callable[[], object], local: bool = False) -> QAction:
            made = keys.action(shortcut, self, slot)
            if local:  # Ctrl+Enter means "add claim" only while reading; elsewhere it may submit
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(made)
            return made

        self.zoom_in_action = action(keys.ZOOM_IN, self.zoom_in)
        self.zoom_out_action = action(keys.ZOOM_OUT, self.zoom_out)
        self.zoom_reset_action = action(keys.ZOOM_RESET, self.reset_zoom)
        self.find_action = action(keys.FIND, self.open_find)
        self.add_claim_action = action(keys.ADD_CLAIM, self.request_claim, local=True)
        self.set_span_action = action(keys.SET_SPAN, self.request_span, local=True)
        self._update_claim_actions()

    def view_actions(self) -> list[QAction]:
        """For the window's View menu: zoom and find."""
        return [self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, self.find_action]

    # ---- content ----------------------------------------------------------------------------
    def show_text(
        self,
        text: str,
        claims: tuple[ClaimRecord, ...],
        structure: tuple[StructuredBlock, ...] | None = None,
    ) -> None:
        """Show `text` with its claims; `structure` (see article_structure.py) only formats it."""
        self._text = text
        self._qt = Utf16Positions(text)
        self._selected = None
        self.setCurrentCharFormat(QTextCharFormat())  # setPlainText would keep a heading's bold at 0
        self.setPlainText(text)
        self._column_margin = -1.0  # a new document has a new root frame: set its margins again
        self._fit_column()
        format_paragraphs(self.document())
        self._structure = tuple(b for b in structure or () if 0 <= b.start < b.end <= len(text))
        self._marked = [b for b in self._structure if b.marker or b.kind == "quote"]
        self._marked_starts = [b.start for b in self._marked]
        format_structure(self.document(), text, self._structure, self.font(), self._qt)
        # The last article's highlights go even when this one has no claims (update_claims would
        # see nothing changed and keep them, and the margin would look up claims no longer here).
        self._claims, self._selections, self._order, self._starts = {}, {}, [], []
        self._push_selections()
        self.update_claims(claims)
        if self._find_bar is not None:
            self._find_bar.set_text(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def structure(self) -> tuple[StructuredBlock, ...]:
        """The structure shown (blocks outside the text left out)."""
        return self._structure

    def update_claims(self, claims: tuple[ClaimRecord, ...]) -> None:
        """Take the claims' new state; restyle only the highlights whose look changed."""
        old, self._claims = self._claims, {c.id: c for c in claims}
        changed = [c for c in claims if c.id not in old or _looks(c) != _looks(old[c.id])]
        if not changed and old.keys() == self._claims.keys():
            return
        if old.keys() != self._claims.keys() or any(_places(c) != _places(old[c.id]) for c in changed):
            self._rebuild_highlights()
        else:  # only statuses or kinds changed: same highlights, new looks
            for claim in changed:
                self._restyle(claim.id)
        self._push_selections()
        self.viewport().update()

    def update_claim(self, claim: ClaimRecord) -> None:
        """One claim changed (its status, say): restyle its highlight alone."""
        old = self._claims.get(claim.id)
        if old is None:
            return
        self._claims[claim.id] = claim  # its notes or source may be new: the tooltip reads them here
        if _places(claim) != _places(old):
            self._rebuild_highlights()
        elif _looks(claim) != _looks(old):
            self._restyle(claim.id)
        else:
            return
        self._push_selections()
        self.viewport().update()

    def select_claim(self, claim_id: int | None) -> None:
        """Emphasise one claim and bring it into view (unless it is already fully visible)."""
        previous, self._selected = self._selected, claim_id
        for changed in {previous, claim_id} - {None}:
            self._restyle(changed)  # type: ignore[arg-type]
        self._push_selections()
        self.viewport().update()
        self._update_claim_actions()
        claim = self._claims.get(claim_id) if claim_id is not None else None
        if claim is not None and _highlighted(claim) and not self._is_visible(claim.start, claim.end):
            self._centre_on(claim.start)

    def reveal(self, start: int, end: int) -> None:
        """Scroll to a range of the text (code points) and select it, e.g. to show a search hit."""
        start, end = sorted((max(0, min(start, len(self._text))), max(0, min(end, len(self._text)))))
        if not self._is_visible(start, end):
            self._centre_on(start)
        self.setTextCursor(self._cursor(start, end))

    def highlighted_text(self) -> str:
        """The text under the strong highlight, read back from Qt's document (what the user sees)."""
        claim = self._claims.get(self._selected) if self._selected is not None else None
        if claim is None:
            return ""
        return self._cursor(claim.start, claim.end).selectedText().replace("\u2029", "\n")

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as code point offsets, without the spaces or line breaks at its ends."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._qt.to_python(cursor.selectionStart())
        end = self._qt.to_python(cursor.selectionEnd())
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    # ---- manual claims ------------------------------------------------------------------------
    def request_claim(self) -> None:
        span = self.selection_span()
        if span is not None:
            self.addClaimRequested.emit(*span)

    def request_span(self) -> None:
        span = self.selection_span()
        if span is not None and self._selected is not None:
            self.spanRequested.emit(self._selected, *span)

    def _update_claim_actions(self) -> None:
        selected_text = self.textCursor().hasSelection()
        self.add_claim_action.setEnabled(selected_text)
        self.set_span_action.setEnabled(selected_text and self._selected in self._claims)

    def context_menu(self, pos: QPoint) -> QMenu:
        """Qt's own menu (copy, select all) plus the claim actions; `pos` in viewport coordinates."""
        self._update_claim_actions()
        menu = self.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.add_claim_action)
        menu.addAction(self.set_span_action)
        menu.addSeparator()
        menu.addAction(self.find_action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # ---- highlights -----------------------------------------------------------------------------
    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._qt(min(start, len(self._text))))
        cursor.setPosition(self._qt(min(end, len(self._text))), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _rebuild_highlights(self) -> None:
        shown = sorted((c for c in self._claims.values() if _highlighted(c)), key=lambda c: (c.start, c.end))
        self._order = [c.id for c in shown]
        self._starts = [c.start for c in shown]
        self._selections = {}
        for claim in shown:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(claim.start, claim.end)  # type: ignore[attr-defined]
            self._selections[claim.id] = selection
            self._restyle(claim.id)

    def _restyle(self, claim_id: int) -> None:
        claim, selection = self._claims.get(claim_id), self._selections.get(claim_id)
        if claim is None or selection is None:
            return
        look = (claim.status, claim.kind == "caveat", claim.id == self._selected)
        if look not in self._formats:  # a handful of looks shared by hundreds of highlights
            self._formats[look] = claim_format(look[0], self.palette(), caveat=look[1], selected=look[2])
        selection.format = self._formats[look]  # type: ignore[attr-defined]

    def _go_to_find_match(self) -> None:
        """Highlight every match, bring the current one into view and select it (so Ctrl+Enter can use it)."""
        self._paint_find_matches()
        bar = self.find_bar
        if 0 <= bar.current < len(bar.matches):
            start, end = bar.matches[bar.current]
            if not self._is_visible(start, end):
                self._centre_on(start)
            self.setTextCursor(self._cursor(start, end))

    def _paint_find_matches(self) -> None:
        bar, palette = self._find_bar, self.palette()
        self._find_selections = []
        plain, strong = find_format(palette, current=False), find_format(palette, current=True)
        for number, (start, end) in enumerate(bar.matches if bar is not None else ()):
            current = bar is not None and number == bar.current
            if not current and len(self._find_selections) >= MAX_FIND_HIGHLIGHTS:
                continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)  # type: ignore[attr-defined]
            selection.format = strong if current else plain  # type: ignore[attr-defined]
            self._find_selections.append(selection)
        self._push_selections()

    def _push_selections(self) -> None:
        self.setExtraSelections([*self._selections.values(), *self._find_selections])

    # ---- find, zoom -----------------------------------------------------------------------------
    def open_find(self) -> None:
        cursor = self.textCursor()
        query = (
            cursor.selectedText() if cursor.hasSelection() and "\u2029" not in cursor.selectedText() else ""
        )
        self.find_bar.origin = self._qt.to_python(self.cursorForPosition(QPoint(0, 0)).position())
        self._place_find_bar()
        self.find_bar.open(query)

    def _place_find_bar(self) -> None:
        """A strip above the text, never over it: the viewport makes room for the bar."""
        height = self.find_bar.sizeHint().height()
        self.setViewportMargins(0, height, 0, 0)
        inside = self.contentsRect()
        self.find_bar.setGeometry(inside.left(), inside.top(), inside.width(), height)

    def _find_closed(self) -> None:
        self.setViewportMargins(0, 0, 0, 0)
        self.setFocus()

    def point_size(self) -> float:
        return self.font().pointSizeF()

    def set_point_size(self, size: float) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = QFont(self.font())
        font.setFamilies(READER_FAMILIES)
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(size)
        self.setFont(font)
        self._fit_column()

    def zoom_in(self) -> None:
        self._zoom(self.point_size() + 1)

    def zoom_out(self) -> None:
        self._zoom(self.point_size() - 1)

    def reset_zoom(self) -> None:
        self._zoom(DEFAULT_POINT_SIZE)

    def _zoom(self, size: float) -> None:
        self.set_point_size(size)
        READER_POINT_SIZE.write(self.point_size())

    # ---- layout: a centred column of about 70 characters ---------------------------------------
    def _fit_column(self) -> None:
        """Margins that centre a column of about 70 characters; in a narrow pane, the text gets the room."""
        left, right = column_margins(self.font(), self.viewport().width())
        if abs(left - self._column_margin) < 1 and abs(right - self._right_margin) < 1:
            return
        self._column_margin, self._right_margin = left, right
        set_page_margins(self.document(), self.font(), left, right)
        self.columnChanged.emit(round(left), round(right))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()
        if self._finding():
            self._place_find_bar()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: heading sizes and indents follow the font
            format_structure(self.document(), self._text, self._structure, self.font(), self._qt)
        if event.type() == QEvent.Type.PaletteChange:
            self._formats.clear()
        if event.type() == QEvent.Type.PaletteChange and (self._selections or self._find_selections):
            for claim_id in self._selections:
                self._restyle(claim_id)
            self._paint_find_matches()  # also pushes the restyled claims

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._finding():
            self.find_bar.close_bar()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            return
        super().wheelEvent(event)

    # ---- margin letters, hover, click ------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._paint_structure_marks()
        self._paint_margin_letters()

    def _visible_range(self) -> tuple[int, int]:
        """The code points at the top left and bottom right of the viewport."""
        first = self._qt.to_python(self.cursorForPosition(QPoint(0, 0)).position())
        bottom = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        return first, self._qt.to_python(self.cursorForPosition(bottom).position())

    def _paint_structure_marks(self) -> None:
        """List markers before their items' first lines and a rule beside quotes, in the indent."""
        if not self._marked:
            return
        first, last = self._visible_range()
        lo = max(0, bisect_left(self._marked_starts, first) - 1)
        hi = bisect_right(self._marked_starts, last)
        font = self.document().defaultFont()
        metrics = QFontMetricsF(font)
        gap = metrics.horizontalAdvance(" ")
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        ink = QColor(self.palette().color(QPalette.ColorRole.Text))
        ink.setAlphaF(0.6)
        for block in self._marked[lo:hi]:
            top = self.cursorRect(self._cursor(block.start, block.start))
            if block.kind == "quote":
                bottom = self.cursorRect(self._cursor(block.end, block.end))
                x = top.left() - metrics.horizontalAdvance("M") * INDENT_EMS / 2
                painter.setPen(QPen(ink, max(2.0, metrics.height() / 8)))
                painter.drawLine(QPointF(x, top.top()), QPointF(x, bottom.bottom()))
                continue
            width = metrics.horizontalAdvance(block.marker)
            painter.setPen(ink)
            painter.drawText(QPointF(top.left() - gap - width, top.top() + metrics.ascent()), block.marker)
        painter.end()

    def _paint_margin_letters(self) -> None:
        """Each claim's status letter in the margin beside the line where it starts."""
        self._badges = []
        if not self._order:
            return
        first, last = self._visible_range()
        lo = max(0, bisect_left(self._starts, first) - 1)
        hi = bisect_right(self._starts, last)
        size = QFontMetricsF(self.font()).height() * 0.8
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        right_edge = self._column_margin - self.horizontalScrollBar().value() - size * 0.5
        on_line: dict[int, int] = {}
        for claim in (self._claims[claim_id] for claim_id in self._order[lo:hi]):
            line = self.cursorRect(self._cursor(claim.start, claim.start))
            stacked = on_line.get(line.top(), 0)
            on_line[line.top()] = stacked + 1
            rect = QRectF(
                right_edge - size * (stacked + 1) - 3 * stacked, line.center().y() - size / 2, size, size
            )
            if rect.left() < 0:
                continue
            painter.setOpacity(0.75 if claim.kind == "caveat" else 1.0)
            status_icon(claim.status, round(size)).paint(painter, rect.toRect())
            if claim.id == self._selected:
                painter.setOpacity(1.0)
                painter.setPen(QPen(claim_ink(claim.status, self.palette()), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-2.5, -2.5, 2.5, 2.5), 5, 5)
            self._badges.append((rect, claim.id))
        painter.end()

    def claim_at(self, pos: QPoint) -> ClaimRecord | None:
        """The claim under a point of the viewport: its margin letter, else the innermost highlight."""
        for rect, claim_id in self._badges:
            if rect.adjusted(-2, -2, 2, 2).contains(QPointF(pos)):
                return self._claims.get(claim_id)
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        hit = self.document().documentLayout().hitTest(QPointF(pos) + offset, Qt.HitTestAccuracy.ExactHit)
        if hit < 0:
            return None
        index = self._qt.to_python(hit)
        if not self._text_under(pos, hit):
            return None
        starting_before = (
            self._claims[claim_id] for claim_id in self._order[: bisect_right(self._starts, index)]
        )
        under = [c for c in starting_before if index < c.end]
        return min(under, key=lambda c: c.end - c.start, default=None)

    def _text_under(self, pos: QPoint, hit: int) -> bool:
        """ExactHit still answers in the empty space after a line's end: check the glyph is there."""
        rect: QRect = self.cursorRect(self._cursor_at(hit))
        return abs(pos.y() - rect.center().y()) <= rect.height()

    def _cursor_at(self, qt_position: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_position)
        return cursor

    def tooltip_at(self, pos: QPoint) -> str:
        claim = self.claim_at(pos)
        return claim_tooltip(claim) if claim is not None else ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        pointing = self.claim_at(event.position().toPoint()) is not None
        if pointing != self._pointing:
            self._pointing = pointing
            shape = Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.IBeamCursor
            self.viewport().setCursor(shape)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        pos = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or pressed is None or self.textCursor().hasSelection():
            return
        if (pos - pressed).manhattanLength() > QApplication.startDragDistance():
            return
        claim = self.claim_at(pos)
        if claim is not None:
            self.claimClicked.emit(claim.id)

    # ---- scrolling helpers -----------------------------------------------------------------------
    def _is_visible(self, start: int, end: int) -> bool:
        top = self.cursorRect(self._cursor(start, start))
        bottom = self.cursorRect(self._cursor(end, end))
        return top.top() >= 0 and bottom.bottom() <= self.viewport().height()

    def _centre_on(self, start: int) -> None:
        """Put the line of `start` a third of the way down the view: context above, room below."""
        rect = self.cursorRect(self._cursor(start, start))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)


def _saved_point_size() -> float:
    return READER_POINT_SIZE.read() or DEFAULT_POINT_SIZE
