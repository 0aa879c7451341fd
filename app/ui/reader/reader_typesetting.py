"""How the reader sets an article on the page: a centred column, line spacing, and its structure.

Everything here changes formats only, never the document's text: claims are offsets into that
text (app/ui/reader/article_view.py maps them to Qt's positions), so one inserted character would move
every highlight after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontMetricsF, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

if TYPE_CHECKING:
    from app.domain.article_structure import StructuredBlock

COLUMN_CHARACTERS = 70
LINE_HEIGHT_PERCENT = 150
BLANK_LINE_PERCENT = 55  # the empty line between paragraphs: a pause, not a hole
# Heading sizes as multiples of the reader's point size, so zoom scales them with the text.
HEADING_SCALE = {"h1": 1.6, "h2": 1.4, "h3": 1.25, "h4": 1.12, "h5": 1.0, "h6": 1.0}
INDENT_EMS = 1.8  # one level of list or quote indent
_SAMPLE = "The harbour authority said on Monday that dredging would resume, officials said. "


def column_margins(font: QFont, width: int) -> tuple[float, float]:
    """Left and right margins that centre a column of about 70 characters in `width` pixels.

    In a narrow pane the text gets the room, but the left margin keeps space for the status letters.
    """
    metrics = QFontMetricsF(font)
    column = metrics.horizontalAdvance(_SAMPLE) * COLUMN_CHARACTERS / len(_SAMPLE)
    gutter = metrics.height() * 2.4
    left = max(gutter, (width - column) / 2)
    return left, max(gutter * 0.4, width - column - left)


def set_page_margins(document: QTextDocument, font: QFont, left: float, right: float) -> None:
    metrics = QFontMetricsF(font)
    frame = document.rootFrame()
    fmt = frame.frameFormat()
    fmt.setLeftMargin(left)
    fmt.setRightMargin(right)
    fmt.setTopMargin(metrics.height() * 1.2)
    fmt.setBottomMargin(metrics.height() * 3)
    frame.setFrameFormat(fmt)


def format_paragraphs(document: QTextDocument) -> None:
    """Comfortable line spacing; the blank line between two paragraphs made shorter."""
    spacing = QTextBlockFormat()
    spacing.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # one relayout for all the changes, not one per paragraph
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(spacing)
    blank = QTextBlockFormat()
    blank.setLineHeight(BLANK_LINE_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block = document.firstBlock()
    while block.isValid():
        if block.length() == 1:
            cursor.setPosition(block.position())
            cursor.setBlockFormat(blank)
        block = block.next()
    cursor.endEditBlock()


def format_structure(
    document: QTextDocument,
    text: str,
    structure: Sequence[StructuredBlock],
    font: QFont,
    to_qt: Callable[[int], int],
) -> None:
    """Headings bigger and bold, list items and quotes indented, quotes italic.

    Sizes and indents follow `font` (the reader's), so a zoom formats again. `to_qt` maps a code
    point offset of `text` to Qt's position in the document.
    """
    if not structure:
        return
    metrics = QFontMetricsF(font)
    step = metrics.horizontalAdvance("M") * INDENT_EMS
    size = font.pointSizeF()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for block in structure:
        chars, blocks = QTextCharFormat(), QTextBlockFormat()
        if block.kind in HEADING_SCALE:
            chars.setFontPointSize(size * HEADING_SCALE[block.kind])
            chars.setFontWeight(QFont.Weight.Bold)
            blocks.setTopMargin(metrics.height() * 0.4)
        elif block.kind == "li":
            indent = step * max(1, block.depth)
            if block.own_marker:  # Markdown's "  • item": the marker at the item's depth, wrapped
                marker = text[block.start : block.start + block.own_marker]  # lines hang after it
                lead = metrics.horizontalAdvance(marker[: len(marker) - len(marker.lstrip())])
                hang = metrics.horizontalAdvance(marker.lstrip())
                blocks.setTextIndent(-(lead + hang))
                indent += hang
            blocks.setLeftMargin(indent)
        elif block.kind == "quote":
            chars.setFontItalic(True)
            blocks.setLeftMargin(step * max(1, block.depth))
            blocks.setRightMargin(step)
        else:
            continue
        cursor.setPosition(to_qt(block.start))
        cursor.setPosition(to_qt(block.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeBlockFormat(blocks)
        if chars.properties():
            cursor.mergeCharFormat(chars)
    cursor.endEditBlock()
