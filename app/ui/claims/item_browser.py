"""A read-only list of a claim's notes or evidence items, each of which can be edited or removed.

Shared by the notes and the evidence lists. Each item's HTML starts with `item_anchor(id)` and
carries `item_actions(id)` (Edit · Remove links); the browser then knows which item the text cursor,
a focused link or the mouse is on. F2 or Enter edits that item, Delete removes it (undoable, so
nothing asks first), and the context menu offers both.

Web links (http, https) are marked as going online and open in the system browser only when the
user clicks one (or presses Enter on it): never when shown, hovered or loaded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from html import escape

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QFocusEvent,
    QKeyEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from app.ui.markdown_render import OfflineTextBrowser
from app.ui.translation import QT_TRANSLATE_NOOP, translate

EDIT, REMOVE = "edit-item", "remove-item"
ITEM_ANCHOR = "item-"
WEB_SCHEMES = ("http", "https")
GOES_ONLINE = QT_TRANSLATE_NOOP("ItemBrowser", "opens in your browser — goes online")
WEB_MARK = "\u2197"  # ↗ beside every link that would go online
_WEB_LINK = re.compile(r"<a href=\"(https?://[^\"]*)\">(.*?)</a>", re.IGNORECASE | re.DOTALL)


def item_anchor(item_id: int) -> str:
    """Put first in an item's HTML: where the item starts in the document."""
    return f"<a name='{ITEM_ANCHOR}{item_id}'></a>"


def item_actions(item_id: int) -> str:
    """The Edit and Remove links of one item (also: F2 or Enter, Delete, the context menu)."""
    edit_tip, edit = translate("ItemBrowser", "Edit (F2)"), translate("ItemBrowser", "Edit")
    remove_tip = translate("ItemBrowser", "Remove (Delete); Ctrl+Z brings it back")
    remove = translate("ItemBrowser", "Remove")
    return (
        f"<a href='{EDIT}:{item_id}' title='{escape(edit_tip, quote=True)}'>{edit}</a> · "
        f"<a href='{REMOVE}:{item_id}' title='{escape(remove_tip, quote=True)}'>{remove}</a>"
    )


def web_link(url: str, text: str | None = None) -> str:
    """A link that opens in the browser on a click, marked (icon and tooltip) as going online."""
    tip = escape(f"{url} — {_goes_online()}", quote=True)
    return f'<a href="{escape(url, quote=True)}" title="{tip}">{escape(text or url)}&nbsp;{WEB_MARK}</a>'


def _goes_online() -> str:
    return translate("ItemBrowser", GOES_ONLINE)


def mark_web_links(html: str) -> str:
    """Rendered Markdown with its web links marked as going online (the same look as `web_link`)."""

    def marked(match: re.Match[str]) -> str:
        tip = escape(f"{match.group(1)} — {_goes_online()}", quote=True)
        return f'<a href="{match.group(1)}" title="{tip}">{match.group(2)}&nbsp;{WEB_MARK}</a>'

    return _WEB_LINK.sub(marked, html)


def is_web(url: QUrl) -> bool:
    return url.scheme().lower() in WEB_SCHEMES and bool(url.host())


class ItemBrowser(OfflineTextBrowser):
    """Items with Edit and Remove; the item in hand is highlighted."""

    editRequested = Signal(int)  # an item's id
    removeRequested = Signal(int)
    webLinkOpened = Signal(str)  # a URL handed to the system browser, after a click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._starts: list[int] = []  # document positions where items start, ascending
        self._ids: list[int] = []
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.cursorPositionChanged.connect(self._highlight_current)

    def show_items_html(self, html: str) -> bool:
        """Show the list; returns whether anything changed (as `show_html`)."""
        known = self._starts, self._ids
        self._starts, self._ids = [], []  # while the new document loads, no item is known
        if not self.show_html(html):
            self._starts, self._ids = known
            return False
        self._find_items()
        self._highlight_current()
        return True

    # ---- which item -----------------------------------------------------------------------
    def item_ids(self) -> list[int]:
        return list(self._ids)

    def item_at_position(self, position: int) -> int | None:
        at = bisect_right(self._starts, position) - 1
        return self._ids[at] if at >= 0 else (self._ids[0] if self._ids else None)

    def current_item(self) -> int | None:
        """The item the text cursor (or the link with keyboard focus) is in."""
        return self.item_at_position(self.textCursor().selectionStart())

    def set_current_item(self, item_id: int) -> None:
        """Put the cursor at an item's start (a test, or a caller choosing the item in hand)."""
        if item_id in self._ids:
            cursor = self.textCursor()
            cursor.setPosition(self._starts[self._ids.index(item_id)])
            self.setTextCursor(cursor)

    def _find_items(self) -> None:
        """Read where each item starts from the anchors `item_anchor` put in the HTML."""
        starts: dict[int, int] = {}  # item id -> where it starts
        block = self.document().begin()
        while block.isValid():
            # Qt puts the name on the first character, or on the block when a new block follows it
            named = [(block.position(), block.charFormat())]
            fragments = block.begin()
            while not fragments.atEnd():
                named.append((fragments.fragment().position(), fragments.fragment().charFormat()))
                fragments += 1
            for position, char_format in named:
                for name in char_format.anchorNames():
                    ident = name.removeprefix(ITEM_ANCHOR)
                    if name.startswith(ITEM_ANCHOR) and ident.isdigit():
                        starts.setdefault(int(ident), position)
            block = block.next()
        ordered = sorted((position, item) for item, position in starts.items())
        self._starts, self._ids = [s for s, _ in ordered], [i for _, i in ordered]

    def _highlight_current(self) -> None:
        """A band behind the item in hand, so F2 and Delete visibly act on it."""
        item = self.current_item() if self.hasFocus() or self.textCursor().hasSelection() else None
        if item is None:
            self.setExtraSelections([])
            return
        at = self._ids.index(item)
        end = self._starts[at + 1] - 1 if at + 1 < len(self._starts) else self.document().characterCount() - 1
        band = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._starts[at])
        cursor.setPosition(max(end, self._starts[at]), QTextCursor.MoveMode.KeepAnchor)
        band.cursor = cursor  # type: ignore[attr-defined]  # PySide6 exposes the struct's fields
        colour = QColor(self.palette().highlight().color())
        colour.setAlpha(40)
        band.format.setBackground(colour)  # type: ignore[attr-defined]
        band.format.setProperty(QTextFormat.Property.FullWidthSelection, True)  # type: ignore[attr-defined]
        self.setExtraSelections([band])

    # ---- what the user does ---------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, item = event.key(), self.current_item()
        on_link = bool(self.textCursor().charFormat().anchorHref()) and self.textCursor().hasSelection()
        if item is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if key == Qt.Key.Key_F2 or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not on_link):
                self.editRequested.emit(item)
                return
            if key == Qt.Key.Key_Delete:
                self.removeRequested.emit(item)
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._highlight_current()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._highlight_current()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.item_menu(event.pos())
        menu.exec(event.globalPos())

    def item_menu(self, pos: QPoint) -> QMenu:
        """The context menu at a point of the viewport: Edit and Remove for the item there, then
        the usual Copy and Select all."""
        menu = self.createStandardContextMenu(pos)
        item = self.item_at_position(self.cursorForPosition(pos).position())
        if item is not None:
            self.set_current_item(item)
            first = menu.actions()[0] if menu.actions() else None
            edit = menu.addAction(translate("ItemBrowser", "Edit"))
            edit.setShortcut(Qt.Key.Key_F2)
            edit.triggered.connect(lambda: self.editRequested.emit(item))
            remove = menu.addAction(translate("ItemBrowser", "Remove"))
            remove.setShortcut(Qt.Key.Key_Delete)
            remove.triggered.connect(lambda: self.removeRequested.emit(item))
            if first is not None:
                menu.insertActions(first, [edit, remove])
                menu.insertSeparator(first)
        return menu

    def _on_anchor_clicked(self, url: QUrl) -> None:
        action, _, ident = url.toString().partition(":")
        if action in (EDIT, REMOVE) and ident.isdigit():
            (self.editRequested if action == EDIT else self.removeRequested).emit(int(ident))
        elif is_web(url):
            QDesktopServices.openUrl(url)  # the user clicked it: the only way Claimdesk goes online
            self.webLinkOpened.emit(url.toString())
        else:
            self.other_anchor(url)

    def other_anchor(self, url: QUrl) -> None:
        """A link of the list's own (copy, open a kept copy): the subclass's to handle."""
