"""File > Fetch URL…: the one action that goes online, and it says so before anything happens.

The page is downloaded on a worker thread, saved as it was (with its sha256 and the time of
capture), and imported from that copy; from then on it is read offline like any file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ClaimdeskError
from app.ui import workers
from app.ui.lazy import LazyModule
from app.ui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from app.services import articles, fetch
    from app.services.articles import ImportResult
    from app.storage.database import Database
else:
    articles = LazyModule("app.services.articles")
    fetch = LazyModule("app.services.fetch")

ONLINE_NOTICE = QT_TRANSLATE_NOOP(
    "FetchDialog",
    "<b>⚠ This goes online.</b> Claimdesk will connect to this address and download the page, "
    "once. The site will see a request from your computer. The page is then kept in your data "
    "folder exactly as it came, with the time of capture, and read offline from then on. "
    "Nothing else in Claimdesk uses the network.",
)


class FetchDialog(QDialog):
    fetched = Signal(object)  # ImportResult

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.result_: ImportResult | None = None
        self.worker: workers.Job | None = None
        self.setWindowTitle(translate("FetchDialog", "Fetch a page from the web"))
        self.setMinimumWidth(520)
        self.notice = QLabel(translate("FetchDialog", ONLINE_NOTICE), wordWrap=True)
        self.notice.setObjectName("onlineNotice")
        self.notice.setStyleSheet("QLabel#onlineNotice { border: 2px solid #e07b24; padding: 8px; }")
        self.url = QLineEdit(placeholderText="https://…")
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("fetchMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.fetch_button = QPushButton(translate("FetchDialog", "Go online and fetch"))
        self.buttons.addButton(self.fetch_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.url.textChanged.connect(lambda text: self.fetch_button.setEnabled(bool(text.strip())))
        self.fetch_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(QLabel(translate("FetchDialog", "Address of the page:")))
        layout.addWidget(self.url)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        """Fetch on a worker; the dialog stays open (and says so) until the page is in."""
        url = self.url.text().strip()
        if not url or self.worker is not None:
            return
        self.message.setText(translate("FetchDialog", "Fetching {url}…").format(url=url))
        self.fetch_button.setEnabled(False)
        db = self.db
        self.worker = workers.start(
            lambda _job: fetch.fetch_url(db, url),
            self._finished,
            translate("FetchDialog", "fetching the page"),
        )

    def _finished(self, result: object) -> None:
        self.worker = None
        if isinstance(result, ClaimdeskError):
            self.message.setText(str(result))
            self.fetch_button.setEnabled(True)
            return
        assert isinstance(result, articles.ImportResult)
        self.result_ = result
        self.fetched.emit(result)
        self.accept()
