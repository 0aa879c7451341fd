"""The library with no article in it: what to do next, instead of an empty table."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.translation import translate


class EmptyLibraryPage(QWidget):
    """What the library shows with no article in it: what to do next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyLibrary")
        heading = QLabel(translate("EmptyLibrary", "<b>No articles yet</b>"))
        heading.setObjectName("emptyLibraryHeading")
        self.text = QLabel(
            translate(
                "EmptyLibrary",
                "Open an article (Ctrl+O), or drag files, a folder or a link from your browser onto "
                "this window. Claimdesk reads text, Markdown, web pages (HTML, MHTML), PDF and Word "
                "files, and finds the claims in them.",
            ),
            wordWrap=True,
        )
        self.open_button = QPushButton(translate("EmptyLibrary", "&Open a file…"))
        self.sample_button = QPushButton(translate("EmptyLibrary", "Try the &sample article"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 24, 12, 12)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addSpacing(8)
        layout.addWidget(self.open_button)
        layout.addWidget(self.sample_button)
        layout.addStretch(1)
