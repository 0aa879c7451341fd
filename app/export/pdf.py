"""The PDF memo, written with Qt's own PDF writer (fonts embedded)."""

from __future__ import annotations

import os
from pathlib import Path

from app.errors import ClaimdeskError


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


def write_pdf(html: str, out: Path, title: str) -> None:
    """Render `html` to an A4 PDF at `out`, through a temporary file so no half-written PDF is left."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    ensure_gui_application()
    out = out.expanduser().resolve()
    if not out.parent.is_dir():
        raise ClaimdeskError(f"Cannot write {out}: the folder {out.parent} does not exist")
    partial = out.with_name(f".{out.name}.partial")
    writer = QPdfWriter(str(partial))
    writer.setTitle(title)
    writer.setCreator("Claimdesk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # closes and flushes the file
    if not partial.exists() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise ClaimdeskError(f"Cannot write {out}: the PDF could not be created there")
    os.replace(partial, out)
