"""The library's place in the main window: the search box above the library pane, its File-menu
items (import files or a folder, fetch a URL, paste), Ctrl+K, and opening search hits.

Kept out of main_window.py (owned by another engineer) so the window needs one line to get it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QVBoxLayout, QWidget

from app.importers import SUPPORTED_SUFFIXES
from app.ui import file_places, messages
from app.ui import shortcuts as keys
from app.ui.lazy import LazyModule
from app.ui.library.import_jobs import ImportJob, import_summary, paste_article, show_summary
from app.ui.library.library_pane import LibraryPane
from app.ui.library.search_box import SearchBox
from app.ui.translation import translate

if TYPE_CHECKING:
    from app.services import articles, search
    from app.services.articles import BatchReport, ImportResult
    from app.services.search import SearchHit
    from app.storage.database import Database
    from app.ui.dialogs.fetch_dialog import FetchDialog
    from app.ui.main_window import MainWindow
else:
    articles = LazyModule("app.services.articles")
    search = LazyModule("app.services.search")


def files_filter() -> str:
    """What a file dialog offers: the article files Claimdesk reads, or any file."""
    return translate("LibraryUi", "Articles ({patterns});;All files (*)").format(
        patterns=" ".join("*" + s for s in SUPPORTED_SUFFIXES)
    )


class LibraryUi:
    """Builds and wires the library column of a main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.job: ImportJob | None = None
        db = window.db if window.attached else None
        self.search_box = SearchBox(db, window.guarded)
        self.pane = LibraryPane(db, window.guarded, window.actions.stack)
        self.column = QWidget()
        self.column.setObjectName("libraryColumn")
        layout = QVBoxLayout(self.column)
        layout.setContentsMargins(8, 4, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.pane, 1)
        self.search_box.searching.connect(lambda shown: self.pane.setVisible(not shown))
        self.search_box.hitChosen.connect(self.open_hit)
        self.pane.articleChosen.connect(window.open_article)
        self.pane.model.renamed.connect(window.article_retitled)
        self.pane.trashed.connect(window.articles_trashed)
        self.pane.propertiesRequested.connect(window.properties_dialog)
        self.pane.openFileRequested.connect(window.open_dialog)
        self.pane.sampleRequested.connect(self.open_sample)
        window.actions.claimChanged.connect(self._current_article_changed)
        window.actions.claimsChanged.connect(self.pane.model.update_entry)
        self._add_actions()
        window.add_library_pane(self.column)

    def use_database(self, db: Database) -> None:
        """Search and list this library from now on (opened after the first paint, or restored)."""
        self.search_box.db = db
        self.pane.use_database(db)
        if self.window.article is not None:
            self.pane.select_article(self.window.article.id)

    def _add_actions(self) -> None:
        window = self.window
        self.import_files_action = keys.action(keys.IMPORT_FILES, window, self.import_dialog)
        self.import_folder_action = keys.menu_action(
            translate("LibraryUi", "Import a &folder…"), window, self.import_folder_dialog
        )
        self.fetch_action = keys.menu_action(
            translate("LibraryUi", "&Fetch URL… (goes online)"), window, self.fetch_dialog
        )
        self.paste_action = keys.action(keys.PASTE_ARTICLE, window, self.paste)
        self.search_action = keys.action(keys.SEARCH, window, self.focus_search)
        self.trash_action = keys.menu_action(
            translate("LibraryUi", "Show the &trash"), window, lambda: self.pane.show_trash(True)
        )
        for action in (self.paste_action, self.search_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        file_menu = _menu_holding(window, window.open_action)
        if file_menu is not None:
            new = [self.import_files_action, self.import_folder_action, self.fetch_action, self.paste_action]
            following = _action_after(file_menu.actions(), window.open_action)
            if following is None:
                file_menu.addActions(new)
            else:
                file_menu.insertActions(following, new)
        window.edit_menu.addSeparator()
        window.edit_menu.addActions([self.search_action, self.trash_action])

    def focus_search(self) -> None:
        """Ctrl+K: show the library column if it was folded away, and put the cursor in the search."""
        if not self.column.isVisibleTo(self.window):
            self.window.show_library_action.setChecked(True)
        self.search_box.focus()

    # ---- opening --------------------------------------------------------------------------
    def article_opened(self, article_id: int) -> None:
        """The window opened an article: a new import appears in the library, and is selected."""
        if not self.window.attached:
            return  # shown at start-up before the database opened: use_database selects it
        if self.pane.model.row_of(article_id) is None and not self.pane.model.where.trash:
            self.pane.refresh()
        self.pane.select_article(article_id)

    def open_hit(self, hit: SearchHit, query: str) -> None:
        """Open the hit's article, then select the place: its claim, else the first matched word."""
        self.window.open_article(hit.article_id)
        if self.window.article is None or self.window.article.id != hit.article_id:
            return
        if hit.claim_id is not None and self.window.claim_model.row_of(hit.claim_id) is not None:
            self.window.choose_claim(hit.claim_id)
            return
        place = self.window.guarded(lambda: search.locate(self.window.db, hit, query))
        if place is not None:
            self.window.article_view.reveal(*place)

    def _current_article_changed(self, _claim_id: int) -> None:
        if self.window.article is not None:
            self.pane.model.update_entry(self.window.article.id)

    # ---- importing ------------------------------------------------------------------------
    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, translate("LibraryUi", "Import articles"), file_places.start_folder(), files_filter()
        )
        if paths:
            file_places.remember_folder(paths[0])
            self.import_paths(paths)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window,
            translate("LibraryUi", "Import every article in a folder"),
            file_places.start_folder(),
        )
        if folder:
            file_places.remember_folder(folder)
            self.import_paths([folder])

    def open_sample(self) -> None:
        """The empty library's “Try the sample article”."""
        result = self.window.guarded(lambda: articles.import_sample(self.window.db))
        if result is not None:
            self.pane.refresh()
            self.window.open_article(result.article_id)

    def import_paths(self, paths: Sequence[str | Path]) -> ImportJob | None:
        """Import on a worker with a progress dialog; the library refreshes when it is done."""
        db = self.window.guarded(lambda: self.window.db)  # None (after a message) if not open yet
        if db is None:
            return None
        self.job = ImportJob(db, list(paths), self.window)
        self.job.done.connect(self._import_done)
        return self.job.start()

    def open_path(self, path: str | Path) -> ImportJob | None:
        """File > Open (or a file handed over by a second start): import on the worker, then show it.

        A big page can take a while to analyse; the window stays responsive, and the progress
        dialog (shown after a moment) can cancel. A file already in the library just opens.
        """
        db = self.window.guarded(lambda: self.window.db)  # None (after a message) if not open yet
        if db is None:
            return None
        self.job = ImportJob(db, [path], self.window)
        self.job.done.connect(lambda report: self._opened(Path(path), report))
        return self.job.start()

    def _opened(self, path: Path, report: BatchReport) -> None:
        if report.failed:
            message = report.failed[0][1]
            self.window.statusBar().showMessage(message)
            messages.warn(self.window, "Claimdesk", message)
            return
        found = [*report.imported, *(a for _, a in report.updated), *(a for _, a in report.duplicates)]
        if not found:  # cancelled
            self.window.statusBar().showMessage(
                translate("LibraryUi", "Opening {name} was cancelled").format(name=path.name)
            )
            return
        self.pane.refresh()
        self.window.open_article(found[0])
        file_places.add_recent(path)
        if report.duplicates:
            self.window.statusBar().showMessage(
                translate("LibraryUi", "{name} was already in the library; opened it").format(name=path.name)
            )
        elif report.updated:
            self.window.statusBar().showMessage(
                translate("LibraryUi", "{name} is a new version of an article here: updated").format(
                    name=path.name
                )
            )
        elif report.namesakes:
            self.window.statusBar().showMessage(
                translate(
                    "LibraryUi",
                    "{name} has the same name as an article here but another text: added as a new article",
                ).format(name=path.name)
            )

    def _import_done(self, report: BatchReport) -> None:
        self.pane.refresh()
        self.window.statusBar().showMessage(import_summary(report))
        show_summary(self.window, report)
        if len(report.imported) == 1 and self.window.article is None:
            self.window.open_article(report.imported[0])

    def paste(self) -> ImportResult | None:
        """Ctrl+Shift+V: the clipboard (HTML, else text) becomes an article, shown at once."""
        result = self.window.guarded(lambda: paste_article(self.window.db))
        if result is not None:
            self.window.open_article(result.article_id)
            if not result.created:
                self.window.statusBar().showMessage(
                    translate("LibraryUi", "That text was already in the library; opened it")
                )
        return result

    def fetch_dialog(self) -> FetchDialog | None:
        from app.ui.dialogs.fetch_dialog import FetchDialog

        db = self.window.guarded(lambda: self.window.db)  # None (after a message) if not open yet
        if db is None:
            return None
        dialog = FetchDialog(db, self.window)
        dialog.fetched.connect(lambda result: self.window.open_article(result.article_id))
        dialog.open()
        return dialog

    def offer_fetch(self, url: str) -> FetchDialog | None:
        """A link dropped on the window: the Fetch dialog with its address filled in. Nothing goes
        online until the person presses its button."""
        dialog = self.fetch_dialog()
        if dialog is not None:
            dialog.url.setText(url)
        return dialog


def _menu_holding(window: MainWindow, action: QAction) -> QMenu | None:
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
            return menu
    return None


def _action_after(actions: list[QAction], action: QAction) -> QAction | None:
    index = actions.index(action)
    return actions[index + 1] if index + 1 < len(actions) else None
