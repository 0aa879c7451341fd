"""The memo on paper: one paginating painter, shared by Qt's PDF writer, printers and the preview.

Qt's `QTextDocument.print_` can number pages but not add a running header, so the document is
laid out for the body of a page and each page is painted by hand: header, a clipped slice of the
document, footer. Qt's PDF writer embeds subsets of the fonts it uses.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from app.errors import ClaimdeskError
from app.export.memo_html import KEEP_TOGETHER, KEEP_WITH_NEXT
from app.files import write_atomic

if TYPE_CHECKING:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QImage, QPagedPaintDevice, QPageSize, QPainter, QTextBlock, QTextDocument

MEMO_NAME = "Claimdesk verification memo"  # in English; the header draws it in the memo's language
MARGIN_MM = 16.0  # page margin on every side
HEADER_MM = 10.0  # running header band, inside the margin
FOOTER_MM = 9.0  # page number band, inside the margin
PDF_DPI = 300
LAYOUT_DPI = 96  # CSS pixels are 1/96 inch


def ensure_gui_application() -> None:
    """Qt lays out text only inside an application object; make one, off screen, if there is none.

    A full QApplication rather than a QGuiApplication, so that widgets can still be made later in
    the same process (Qt aborts if a QGuiApplication is there first).
    """
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication(["claimdesk"])


def locale_territory() -> str:
    """The user's country as an ISO code ("US", "DE"), from the system locale."""
    from PySide6.QtCore import QLocale

    return QLocale.territoryToCode(QLocale().territory())


def page_size(paper: Literal["a4", "letter"]) -> QPageSize:
    from PySide6.QtGui import QPageSize

    size_id = QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4
    return QPageSize(size_id)


def set_page_layout(device: QPagedPaintDevice, paper: Literal["a4", "letter"]) -> None:
    """Portrait, the given paper, our margins: the starting point for the PDF and for printers."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout

    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    layout = QPageLayout(
        page_size(paper), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
    )
    device.setPageLayout(layout)


def paint_memo(device: QPagedPaintDevice, html: str, title: str) -> int:
    """Lay the memo out for `device`'s page and paint every page; return how many there were."""
    from PySide6.QtGui import QPainter

    ensure_gui_application()
    painter = QPainter()
    if not painter.begin(device):
        raise ClaimdeskError("The memo could not be drawn: the printer or file refused to open")
    try:
        return _paint_pages(painter, device, html, title)
    finally:
        painter.end()


def _paint_pages(painter: QPainter, device: QPagedPaintDevice, html: str, title: str) -> int:
    from PySide6.QtCore import QRectF, QSizeF
    from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette

    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(dpi)  # the painter's origin is its top-left corner
    header, footer = _mm(HEADER_MM, dpi), _mm(FOOTER_MM, dpi)
    scale = dpi / LAYOUT_DPI
    # Whole layout pixels: a fractional page height lets a line's background peek over the break.
    width, body = math.floor(area.width() / scale), math.floor((area.height() - header - footer) / scale)
    reference, document = _document(html, QSizeF(width, body))
    pages = document.pageCount()
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor("#1d1f23"))
    for index in range(pages):
        if index:
            device.newPage()
        _paint_frame(painter, device, title, index + 1, pages, float(area.width()), float(area.height()))
        painter.save()
        painter.translate(0, header)
        painter.scale(scale, scale)
        painter.translate(0, -index * body)
        # Inset a hair: a box that starts exactly on the break would show as a line on this page.
        clip = QRectF(0, index * body + 0.25, width, body - 0.5)
        painter.setClipRect(clip)
        context.clip = clip
        document.documentLayout().draw(painter, context)
        painter.restore()
    del reference
    return pages


def _document(html: str, page: QSizeF) -> tuple[QImage, QTextDocument]:
    """The memo laid out at a fixed 96 dpi, paginated to the page body, whatever the screen.

    Qt's rich text takes CSS margins in pixels and does not scale them to a printer's resolution,
    so the layout happens at the resolution CSS pixels assume and the painter scales it up. The
    reference image is returned so it outlives the layout that measures against it.
    """
    from PySide6.QtGui import QImage, QTextDocument

    reference = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    reference.setDotsPerMeterX(dots_per_metre)
    reference.setDotsPerMeterY(dots_per_metre)
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.documentLayout().setPaintDevice(reference)
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(page)
    _keep_marked_blocks_together(document, page.height())
    _split_paragraphs_at_page_breaks(document, page.height())
    return reference, document


def _keep_marked_blocks_together(document: QTextDocument, page_height: float) -> None:
    """Start a marked block on a new page rather than split it (a claim's heading and sentence)
    or leave it last on its page, cut off from what it introduces (a label, a heading).

    Qt's HTML has no `page-break-inside: avoid` or `page-break-after: avoid`. Blocks are visited in
    order after layout; one that would break badly gets a page break before it, and the layout
    after it moves on.
    """
    from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextFormat

    # Qt lays a document out lazily, as far as it is asked; a change of format stops that lazy
    # layout, and the blocks it had not reached yet were never placed (missing from the PDF).
    # Laid out whole first, the document moves everything after a new break as it should.
    document.pageCount()
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        state = block.userState()
        if state in (KEEP_TOGETHER, KEEP_WITH_NEXT) and _breaks_badly(document, block, page_height):
            breaks = QTextBlockFormat()
            breaks.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(breaks)
        block = block.next()


def _breaks_badly(document: QTextDocument, block: QTextBlock, page_height: float) -> bool:
    """Whether a kept block straddles a page, or a keep-with-next one ends its page: the block it
    introduces starts (or, if that one is kept whole, ends) on the next."""
    layout = document.documentLayout()
    rect = layout.blockBoundingRect(block)
    page = int(rect.top() // page_height)
    if block.userState() == KEEP_TOGETHER:
        return page != int((rect.bottom() - 1) // page_height) and rect.height() < page_height
    following = block.next()
    if not following.isValid():
        return False
    after = layout.blockBoundingRect(following)
    if following.userState() == KEEP_TOGETHER and after.height() < page_height:
        end = after.bottom() - 1
    elif following.layout().lineCount():
        first = following.layout().lineAt(0)
        end = after.top() + first.y() + first.height() - 1
    else:
        end = after.top()
    return int(end // page_height) != page and rect.bottom() - rect.top() < page_height / 4


def _split_paragraphs_at_page_breaks(document: QTextDocument, page_height: float) -> None:
    """Cut a paragraph that runs onto the next page into two paragraphs, at the break.

    Why: Qt's `QTextLayout::draw` also draws the last line *above* its clip rectangle. On the
    page after the break that line falls outside the page's clip, so nobody sees it, but a PDF
    keeps clipped text: copying, searching and `pdftotext` would find it on both pages. With the
    paragraph cut, no line of it lies above the next page's part. The second part keeps the
    paragraph's look but no space above it, so the layout does not move; the rest of a list item
    leaves the list (it would gain a bullet of its own) and keeps the item's indent.
    """
    from PySide6.QtGui import QTextCursor, QTextFormat

    layout = document.documentLayout()
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        lines = block.layout()
        top = layout.blockBoundingRect(block).top()
        split = None
        if lines.lineCount() > 1:
            first_page = int((top + lines.lineAt(0).y()) // page_height)
            for number in range(1, lines.lineCount()):
                line = lines.lineAt(number)
                if int((top + line.y()) // page_height) != first_page:
                    split = line.textStart()
                    break
        if split is None:
            block = block.next()
            continue
        cursor.setPosition(block.position() + split)
        cursor.insertBlock()
        items = cursor.block().textList()
        if items is not None:
            items.remove(cursor.block())
        rest = cursor.blockFormat()
        if items is not None:
            rest.setIndent(items.format().indent())
        rest.setTopMargin(0)
        rest.setTextIndent(0)
        rest.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        cursor.setBlockFormat(rest)
        block = cursor.block()


def _paint_frame(
    painter: QPainter,
    device: QPagedPaintDevice,
    title: str,
    page: int,
    pages: int,
    width: float,
    height: float,
) -> None:
    """The running header (title, memo name, a rule) and the page number."""
    from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

    memo_name = QCoreApplication.translate("Memo", "Claimdesk verification memo")  # see memo_html.py
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#5b616b"))
    metrics = QFontMetricsF(font, device)
    line = metrics.height()
    right = metrics.horizontalAdvance(memo_name)
    gap = metrics.horizontalAdvance("    ")
    shown = metrics.elidedText(" ".join(title.split()), Qt.TextElideMode.ElideRight, width - right - gap)
    left_align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignAbsolute
    painter.drawText(QRectF(0, 0, width - right - gap, line), int(left_align), shown)
    painter.drawText(QRectF(width - right, 0, right, line), int(Qt.AlignmentFlag.AlignRight), memo_name)
    pen = QPen(QColor("#c8ccd2"))
    pen.setWidthF(max(1.0, device.logicalDpiY() / 150))
    painter.setPen(pen)
    painter.drawLine(QLineF(0, line * 1.35, width, line * 1.35))
    painter.setPen(QColor("#5b616b"))
    number = QCoreApplication.translate("Memo", "Page {page} of {pages}").format(page=page, pages=pages)
    painter.drawText(QRectF(0, height - line, width, line), int(Qt.AlignmentFlag.AlignHCenter), number)
    painter.restore()


def _mm(millimetres: float, dpi: int) -> float:
    return millimetres / 25.4 * dpi


def write_pdf(html: str, out: Path, title: str, paper: Literal["a4", "letter"] = "a4") -> int:
    """Render the memo in memory, then write it whole or not at all; returns the number of pages.

    Qt's PDF writer ignores a failed write (a full disk left a truncated memo and exit 0), so the
    file is written by `write_atomic`, which checks every write, the flush and the rename.
    """
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Claimdesk")
    writer.setResolution(PDF_DPI)
    set_page_layout(writer, paper)
    pages = paint_memo(writer, html, title)
    del writer  # ends the document in the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.rstrip().endswith(b"%%EOF"):
        raise ClaimdeskError(f"Could not write {out}: the memo was not rendered whole")
    write_atomic(out, data)
    return pages
