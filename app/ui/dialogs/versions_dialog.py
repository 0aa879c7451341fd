"""Versions of the open article: every text it has had, and what changed between two of them.

Non-modal, so the journalist can read the article beside it. Deletions are struck through in red
and insertions underlined in green, each with a plain "−" or "+" as well, so colour is never the
only cue. Article text is untrusted: everything shown is escaped. "Show" on a change selects it
in the reader, when the reader shows the newer of the two versions (offsets refer to that text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.summaries import ArticleVersionRecord
from app.domain.text_diff import VersionChange
from app.export.memo_html import PUT_IN, TAKEN_OUT, change_html
from app.services import article_versions
from app.ui.guard import run_guarded
from app.ui.translation import translate

if TYPE_CHECKING:
    from app.domain.records import ArticleRecord
    from app.storage.database import Database
    from app.ui.main_window import MainWindow

SHOW_LINK = "change:"  # href of a change's "Show" link, followed by its index
# (deleted, inserted) colours on a light background, and on a dark one
COLOURS = {False: (TAKEN_OUT, PUT_IN), True: ("#ef9a9a", "#a5d6a7")}  # light, dark theme


def open_versions_dialog(window: MainWindow) -> VersionsDialog | None:
    """The versions of the article in the window; None when no article is open (or on an error)."""
    article = window.article
    if article is None:
        return None
    versions = run_guarded(window, lambda: article_versions.list_versions(window.db, article.id))
    if versions is None:
        return None
    dialog = VersionsDialog(
        window.db, article.id, versions, lambda: window.article, window.article_view.reveal, window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def version_label(version: ArticleVersionRecord) -> str:
    when = version.captured_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return translate("VersionsDialog", "Version {number} — {when} — {words} words — {digest}").format(
        number=version.number, when=when, words=f"{version.words:,}", digest=version.sha256[:12]
    )


def changes_html(changes: list[VersionChange], *, dark: bool = False, showable: bool = False) -> str:
    """The changes as escaped HTML, one paragraph each, with a "Show" link when `showable`."""
    deleted, inserted = COLOURS[dark]
    blocks = []
    show = translate("VersionsDialog", "Show")
    for index, change in enumerate(changes):
        parts = [change_html(change, deleted, inserted)]
        if showable:
            parts.append(f' &nbsp;<a href="{SHOW_LINK}{index}">{show}</a>')
        blocks.append(f"<p><b>{index + 1}.</b> {''.join(parts)}</p>")
    return "".join(blocks)


class VersionsDialog(QDialog):
    """The versions, newest first, and the changes between the two chosen (by default the last two)."""

    def __init__(
        self,
        db: Database,
        article_id: int,
        versions: tuple[ArticleVersionRecord, ...],
        shown: Callable[[], ArticleRecord | None],
        reveal: Callable[[int, int], object],
        parent: QWidget | None = None,
    ) -> None:
        """`shown` gives the article the reader shows; `reveal` selects a span of it."""
        super().__init__(parent)
        self.db, self.shown, self.reveal = db, shown, reveal
        self.article_id = article_id
        self.versions = versions
        self.changes: list[VersionChange] = []
        title = versions[-1].title if versions else ""
        self.setWindowTitle(
            translate("VersionsDialog", "Versions of {title}").format(title=title)
            if title
            else translate("VersionsDialog", "Versions")
        )
        self.setModal(False)
        self.resize(720, 520)

        self.version_list = QListWidget()
        self.version_list.setAccessibleName(translate("VersionsDialog", "Versions, newest first"))
        for version in reversed(versions):
            item = QListWidgetItem(version_label(version))
            item.setData(Qt.ItemDataRole.UserRole, version.number)
            self.version_list.addItem(item)
        self.version_list.itemActivated.connect(self._compare_with_previous)
        self.older_box, self.newer_box = QComboBox(), QComboBox()
        for box, name in (
            (self.older_box, translate("VersionsDialog", "Older version")),
            (self.newer_box, translate("VersionsDialog", "Newer version")),
        ):
            box.setAccessibleName(name)
            for version in versions:
                box.addItem(
                    translate("VersionsDialog", "Version {number}").format(number=version.number),
                    version.number,
                )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.changes_view = QTextBrowser()
        self.changes_view.setOpenLinks(False)  # a "Show" link is ours; nothing is ever fetched
        self.changes_view.setAccessibleName(translate("VersionsDialog", "Changes"))
        self.changes_view.anchorClicked.connect(self._on_link)

        pair = QHBoxLayout()
        pair.addWidget(QLabel(translate("VersionsDialog", "Compare")))
        pair.addWidget(self.older_box)
        pair.addWidget(QLabel("with"))
        pair.addWidget(self.newer_box)
        pair.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version_list, 1)
        layout.addLayout(pair)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes_view, 3)
        layout.addWidget(buttons)

        if versions:
            self.older_box.setCurrentIndex(max(0, len(versions) - 2))
            self.newer_box.setCurrentIndex(len(versions) - 1)
        self.older_box.currentIndexChanged.connect(self.show_changes)
        self.newer_box.currentIndexChanged.connect(self.show_changes)
        self.show_changes()

    def chosen(self) -> tuple[int, int] | None:
        older, newer = self.older_box.currentData(), self.newer_box.currentData()
        return None if older is None or newer is None else (int(older), int(newer))

    def choose(self, older: int, newer: int) -> None:
        """Compare version `older` with version `newer` (numbers)."""
        self.older_box.blockSignals(True)
        self.older_box.setCurrentIndex(self.older_box.findData(older))
        self.older_box.blockSignals(False)
        self.newer_box.setCurrentIndex(self.newer_box.findData(newer))
        self.show_changes()

    def show_changes(self) -> None:
        pair = self.chosen()
        if pair is None or len(self.versions) < 2:
            self.changes = []
            self.summary.setText(
                translate(
                    "VersionsDialog",
                    "Only one version so far. When the same file or page comes back with other text, "
                    "Claimdesk keeps the earlier text here and shows what changed.",
                )
            )
            self.changes_view.clear()
            return
        older, newer = pair
        found = run_guarded(self, lambda: article_versions.compare(self.db, self.article_id, older, newer))
        self.changes = found or []
        if not self.changes:
            self.summary.setText(
                translate(
                    "VersionsDialog", "No change in the words from version {older} to version {newer}."
                ).format(older=older, newer=newer)
            )
        else:
            count = len(self.changes)
            said = (
                translate("VersionsDialog", "1 change from version {older} to version {newer}: ")
                if count == 1
                else translate("VersionsDialog", "{count} changes from version {older} to version {newer}: ")
            )
            self.summary.setText(
                said.format(count=count, older=older, newer=newer)
                + translate("VersionsDialog", "− struck through: taken out; + underlined: put in.")
            )
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        showable = bool(run_guarded(self, self.can_reveal))
        self.changes_view.setHtml(changes_html(self.changes, dark=dark, showable=showable))

    def can_reveal(self) -> bool:
        """The reader shows the newer version's text: the newest, of this article."""
        pair, article = self.chosen(), self.shown()
        if pair is None or article is None or article.id != self.article_id or not self.versions:
            return False
        newest = self.versions[-1]
        return pair[1] == newest.number and article.text == article_versions.version_text(
            self.db, self.article_id, newest.number
        )

    def reveal_change(self, index: int) -> bool:
        """Select the change in the reader; False when the reader shows another text."""
        if not 0 <= index < len(self.changes) or not run_guarded(self, self.can_reveal):
            return False
        change = self.changes[index]
        self.reveal(change.start, change.end)
        return True

    def _on_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith(SHOW_LINK) and target[len(SHOW_LINK) :].isdigit():
            self.reveal_change(int(target[len(SHOW_LINK) :]))

    def _compare_with_previous(self, item: QListWidgetItem) -> None:
        """Double-click (or Enter) on a version: what it changed from the one before."""
        number = int(item.data(Qt.ItemDataRole.UserRole))
        self.choose(max(1, number - 1), number)
