"""The main window: the article on the left, its claims and the claim editor on the right.

Start-up: this module is on the path to the first paint, so what only a command needs (dialogs,
services, the claim editor) is imported where it is used. Importing a PySide class builds its
Python enums, which adds up to tens of milliseconds (tests/benchmarks/startup.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from app import __version__
from app.domain.records import ArticleRecord, ClaimRecord
from app.errors import ClaimdeskError, LibraryNotReadyError
from app.ui import file_places, messages, workers
from app.ui import settings as settings_
from app.ui import shortcuts as keys
from app.ui.claims.claims_panel import ClaimsPanel
from app.ui.claims.commands import ClaimActions
from app.ui.dialogs.preferences_dialog import preferences_action
from app.ui.guard import run_guarded, safe_file_name
from app.ui.lazy import LazyModule
from app.ui.reader.article_view import ArticleView
from app.ui.settings import app_settings
from app.ui.text_size import TextSizeFollower
from app.ui.theme import secondary_text, theme_menu
from app.ui.translation import QT_TRANSLATE_NOOP, article_source, language_menu, translate

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    from app.services import articles, data_exports, reports
    from app.services.annotations import ImportReport
    from app.services.articles import ArticleProperties
    from app.storage.database import Database
    from app.ui.claims.claim_editor import ClaimEditor
    from app.ui.dialogs.memo_dialog import MemoDialog
    from app.ui.dialogs.properties_dialog import PropertiesDialog
    from app.ui.dialogs.reason_dialog import ReasonDialog
    from app.ui.dialogs.versions_dialog import VersionsDialog
    from app.ui.library.library_ui import LibraryUi
    from app.ui.notice_bar import NoticeBar
    from app.ui.outside_changes import OutsideChanges
else:
    articles = LazyModule("app.services.articles")
    data_exports = LazyModule("app.services.data_exports")
    reports = LazyModule("app.services.reports")

T = TypeVar("T")
DATA_EXPORTS = {  # menu label -> format (services.data_exports.export_<format>)
    QT_TRANSLATE_NOOP("MainWindow", "&Markdown memo…"): "markdown",
    QT_TRANSLATE_NOOP("MainWindow", "&CSV (one row per claim)…"): "csv",
    QT_TRANSLATE_NOOP("MainWindow", "&W3C Web Annotations (JSON-LD)…"): "w3c",
    QT_TRANSLATE_NOOP("MainWindow", "Claim&Review (JSON-LD)…"): "claimreview",
    QT_TRANSLATE_NOOP("MainWindow", "RI&S for Zotero (claims as notes)…"): "ris",
    QT_TRANSLATE_NOOP("MainWindow", "CS&L-JSON for Zotero and Pandoc…"): "csl_json",
    QT_TRANSLATE_NOOP("MainWindow", "&Hypothesis annotations (JSON)…"): "hypothesis",
}
DATA_EXPORT_FILES = {
    "markdown": (".md", "Markdown (*.md)"),
    "csv": (".csv", "CSV (*.csv)"),
    "w3c": (".jsonld", "JSON-LD (*.jsonld *.json)"),
    "ris": (".ris", "RIS (*.ris)"),
    "csl_json": (" csl.json", "CSL-JSON (*.json)"),
    "hypothesis": (" hypothesis.json", "JSON (*.json)"),
    "claimreview": (" claimreview.jsonld", "JSON-LD (*.jsonld *.json)"),
}


class MainWindow(QMainWindow):
    # Every edit on claims, undoable (the shared contract names it so; it hides QWidget.actions()).
    actions: ClaimActions  # type: ignore[assignment]

    def __init__(self, db: Database | None = None) -> None:
        """With no database yet, the window can show an article read at start-up (show_record)
        and paint; `attach` gives it the database once SQLAlchemy has loaded, after the paint."""
        super().__init__()
        self.attached = db is not None
        if db is not None:
            self._db = db
        self.article: ArticleRecord | None = None
        self.outside_changes: OutsideChanges | None = None
        self._sheet: QWidget | None = None  # Help > Keyboard shortcuts, made when first asked for
        self._notice: NoticeBar | None = None  # the bar above the panes, made when first needed
        self.setWindowTitle("Claimdesk")
        room = self.screen().availableGeometry()  # a 1024x700 screen shows the whole window
        self.resize(min(1280, room.width()), min(800, room.height()))
        self.actions = ClaimActions(db, self)
        self.actions.claimChanged.connect(self._on_claim_changed)
        self.actions.claimsChanged.connect(self._on_claims_changed)
        self.actions.failed.connect(self._on_action_failed)

        self.article_view = ArticleView()
        self.article_view.claimClicked.connect(self.choose_claim)
        self.article_view.addClaimRequested.connect(self.add_claim_from_selection)
        self.article_view.spanRequested.connect(self.set_claim_span)
        self.claims_panel = ClaimsPanel()
        self.claims_panel.library = lambda: self._db if self.attached else None  # for its links
        self.claim_model = self.claims_panel.model
        self.claim_list = self.claims_panel.view
        self.claim_list.claimChosen.connect(self.choose_claim)
        self.claim_list.statusKeyPressed.connect(self.status_key)
        self.claim_list.noteRequested.connect(self.start_note)
        self.claim_list.evidenceRequested.connect(self.start_evidence)
        self.claim_list.editRequested.connect(self.open_in_editor)
        self.claim_list.dismissRequested.connect(lambda claim_id: self.set_dismissed(claim_id, True))
        self.claim_list.restoreRequested.connect(lambda claim_id: self.set_dismissed(claim_id, False))
        # The claim editor and the library column are built by finish_building, after the first
        # paint on the start-up path: both start empty, and they are a quarter of the start-up.
        self._editor: ClaimEditor | None = None
        self._library: LibraryUi | None = None

        self.right_splitter = right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.claims_panel)
        TextSizeFollower(self.article_view, right)  # the claims and the editor follow View > Zoom
        right.addWidget(QWidget())  # the editor's place
        right.setSizes([420, 380])
        right.setChildrenCollapsible(False)
        self.article_heading = QLabel(wordWrap=True)
        self.article_heading.setObjectName("articleHeading")
        self.article_heading.setContentsMargins(18, 10, 18, 4)
        self.article_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.article_view.columnChanged.connect(  # the title lines up with the text column below it
            lambda left, right: self.article_heading.setContentsMargins(left, 10, right, 4)
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.article_heading)
        left_layout.addWidget(self.article_view)
        # library | article | claims+editor: the library pane is inserted at 0 by add_library_pane
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panes")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([700, 580])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(8)
        self.library_pane: QWidget | None = None
        self.reason_dialog: ReasonDialog | None = None  # the last one a status key opened
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 8, 4)
        central_layout.addWidget(self.splitter)
        self.setCentralWidget(central)
        self._build_menus()
        self.add_library_pane(QWidget())  # the library column's place, at its remembered width
        self._restore_layout()
        self.statusBar().showMessage(translate("MainWindow", "Ready"))
        self.setAcceptDrops(True)  # files, folders and links dropped on the window (dropEvent)
        if db is not None:
            self.finish_building()
            self._watch(db)

    def finish_building(self) -> None:
        """Build the claim editor and the library column (search box, pane, their menu items)."""
        if self._editor is None:
            from app.ui.claims.claim_editor import ClaimEditor

            editor = ClaimEditor()
            editor.bind(self.actions, self.act, self.claim_model.claims)
            _dispose(self.right_splitter.replaceWidget(1, editor))
            self._editor = editor
        if self._library is None:
            from app.ui.library.library_ui import LibraryUi

            self._library = LibraryUi(self)

    @property
    def notice(self) -> NoticeBar:
        """The bar above the panes for what must be known and stays until dealt with (the newsroom
        server out of reach at start: app/ui/application.py)."""
        if self._notice is None:
            from app.ui.notice_bar import NoticeBar

            self._notice = NoticeBar()
            central = self.centralWidget()
            layout = central.layout() if central is not None else None
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, self._notice)
        return self._notice

    @property
    def editor(self) -> ClaimEditor:
        self.finish_building()
        assert self._editor is not None
        return self._editor

    @property
    def library(self) -> LibraryUi:
        self.finish_building()
        assert self._library is not None
        return self._library

    @property
    def db(self) -> Database:
        if not self.attached:  # the moment after start-up (app/ui/application.py)
            raise LibraryNotReadyError
        return self._db

    @db.setter
    def db(self, db: Database) -> None:
        """Another database (opened after the first paint, or a backup restored): edits go there,
        and edits made before can't be undone."""
        self._db = db
        self.attached = True
        self.actions.use_database(db)
        self.library.use_database(db)
        self.claims_panel.find_links()  # grouped by linked claim: the links are this library's
        self._watch(db)

    def _watch(self, db: Database) -> None:
        """Pick up what other programs write to this library (app/ui/outside_changes.py)."""
        from app.ui.outside_changes import OutsideChanges

        if self.outside_changes is not None:
            self.outside_changes.stop()
        self.outside_changes = OutsideChanges(db, self)
        self.outside_changes.changed.connect(self.reload_outside_changes)

    # ---- building -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        self.open_action = keys.action(keys.OPEN, self, self.open_dialog)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file_menu.addAction(
            keys.menu_action(
                translate("MainWindow", "Import &annotations…"), self, self.import_annotations_dialog
            )
        )
        file_menu.addSeparator()
        self.export_action = keys.action(keys.MEMO, self, self.memo_dialog)
        self.print_action = keys.action(keys.PRINT_PREVIEW, self, self.print_preview)
        file_menu.addActions([self.export_action, self.print_action])
        export_menu = file_menu.addMenu(translate("MainWindow", "Export &as"))
        for label, fmt in DATA_EXPORTS.items():
            export_menu.addAction(
                keys.menu_action(translate("MainWindow", label), self, partial(self.data_export_dialog, fmt))
            )
        file_menu.addSeparator()
        file_menu.addAction(keys.menu_action(translate("MainWindow", "&Backups…"), self, self.backups_dialog))
        file_menu.addSeparator()
        file_menu.addAction(keys.action(keys.QUIT, self, self.close))
        self.edit_menu = self.menuBar().addMenu(translate("MainWindow", "&Edit"))
        self.undo_action = self.actions.stack.createUndoAction(self, keys.UNDO.shown_label())
        self.undo_action.setShortcuts(keys.UNDO.sequences())
        self.redo_action = self.actions.stack.createRedoAction(self, keys.REDO.shown_label())
        self.redo_action.setShortcuts(keys.REDO.sequences())
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(preferences_action(self))
        self.article_menu = self.menuBar().addMenu(translate("MainWindow", "&Article"))
        self.properties_action = keys.action(keys.PROPERTIES, self, lambda: self.properties_dialog())
        self.properties_action.setEnabled(False)  # until an article is shown
        self.article_menu.addAction(self.properties_action)
        self.next_pane_action = keys.action(keys.NEXT_PANE, self, lambda: self.cycle_focus(1))
        self.previous_pane_action = keys.action(keys.PREVIOUS_PANE, self, lambda: self.cycle_focus(-1))
        self.addActions([self.next_pane_action, self.previous_pane_action])  # keys only, in no menu
        self.view_menu = self.menuBar().addMenu(translate("MainWindow", "&View"))
        self.show_library_action = keys.action(keys.SHOW_LIBRARY, self, lambda: None)
        self.show_library_action.setCheckable(True)
        self.show_library_action.setEnabled(False)  # until a library pane is added
        self.show_library_action.toggled.connect(self.show_library)
        self.view_menu.addAction(self.show_library_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions(self.article_view.view_actions())  # zoom, find
        self.view_menu.addAction(
            keys.menu_action(
                translate("MainWindow", "&Versions of this article…"), self, self.versions_dialog
            )
        )
        self.view_menu.addMenu(theme_menu(self))
        self.view_menu.addMenu(language_menu(self))
        self.menuBar().addMenu(self.claim_list.menu_bar_menu(self))  # the list's keys, for the mouse
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(keys.action(keys.KEYBOARD_HELP, self, self.shortcut_sheet))
        help_menu.addAction(keys.menu_action(translate("MainWindow", "&About Claimdesk"), self, self.about))
        help_menu.addAction(keys.menu_action(translate("MainWindow", "About &Qt"), self, self.about_qt))

    def add_library_pane(self, pane: QWidget) -> None:
        """Put the library left of the article (collapsible), then restore the three panes' sizes."""
        if self.library_pane is not None:  # the place kept for it: same width, no jump
            _dispose(self.splitter.replaceWidget(0, pane))
            pane.setVisible(self.show_library_action.isChecked())
            self.library_pane = pane
            return
        self.library_pane = pane
        self.splitter.insertWidget(0, pane)
        self.splitter.setSizes([220, 540, 520])  # until the user's own sizes are restored
        for index in range(self.splitter.count()):
            self.splitter.setCollapsible(index, index == 0)  # only the library folds away
        self.splitter.setStretchFactor(0, 0)
        self.show_library_action.setEnabled(True)
        self._restore_panes()

    def show_library(self, shown: bool) -> None:
        if self.library_pane is not None:
            self.library_pane.setVisible(shown)
            if shown and self.splitter.sizes()[0] == 0:
                sizes = self.splitter.sizes()
                self.splitter.setSizes([240, max(sizes[1] - 240, 300), *sizes[2:]])

    # ---- articles -------------------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        record = self.guarded(lambda: articles.load_article(self.db, article_id))
        if record is None:
            return
        self.guarded(lambda: articles.mark_opened(self.db, article_id))
        self.show_record(record)

    def show_record(self, record: ArticleRecord) -> None:
        """Show an article already read (at start-up, before the database is attached).

        Another article starts afresh: no claim chosen in the list, none emphasised in the text,
        the text at its top and the editor empty (the list would otherwise keep the old row).
        """
        if self.article is None or self.article.id != record.id:
            self.claim_list.setCurrentIndex(QModelIndex())
            self.claim_list.clearSelection()
        self.article = record
        self.properties_action.setEnabled(True)
        if self._library is not None:
            self._library.article_opened(record.id)
        structure = None
        if record.html:  # html.parser loads only for an article with a display copy
            from app.domain.article_structure import article_structure

            structure = article_structure(record.text, record.html)
        self.article_view.show_text(record.text, _highlighted(record.claims), structure)
        self.claims_panel.set_claims(record.claims)
        if self._editor is not None:
            self._editor.show_claim(None)
        self.show_heading()
        self.show_article_status()

    def show_heading(self) -> None:
        """The article's title and where it came from, above the text and in the window's title."""
        if self.article is None:
            self.article_heading.setText("")
            self.setWindowTitle("Claimdesk")
            return
        self.article_heading.setText(_heading_html(self.article, secondary_text(self.palette()).name()))
        self.setWindowTitle(f"{self.article.title} — Claimdesk")

    def close_article(self, message: str = "") -> None:
        """Show no article (it went to the trash, or another program deleted it)."""
        self.article = None
        self.properties_action.setEnabled(False)
        self.claim_list.setCurrentIndex(QModelIndex())
        self.claims_panel.set_claims(())
        self.article_view.show_text("", ())
        if self._editor is not None:
            self._editor.show_claim(None)
        self.show_heading()
        self.statusBar().showMessage(message)

    def articles_trashed(self, article_ids: list[int]) -> None:
        """The library moved articles to the trash: the one shown closes (it can't be edited there)."""
        if self.article is not None and self.article.id in article_ids:
            self.close_article(
                translate("MainWindow", "“{title}” was moved to the trash (Ctrl+Z brings it back)").format(
                    title=self.article.title
                )
            )

    def article_retitled(self, article_id: int, title: str) -> None:
        """Renamed in the library (F2): the heading and the window title follow."""
        if self.article is not None and self.article.id == article_id:
            self.article = replace(self.article, title=title)
            self.show_heading()

    def properties_dialog(self, article_id: int | None = None) -> PropertiesDialog | None:
        """Article > Properties (or the library's context menu): the article's fields, editable."""
        from app.ui.dialogs.properties_dialog import PropertiesDialog

        if article_id is None:
            article_id = self.article.id if self.article is not None else None
        if article_id is None:
            return None
        chosen = article_id
        properties = self.guarded(lambda: articles.article_properties(self.db, chosen))
        if properties is None:
            return None
        guess = None
        if not properties.language:  # a suggestion from the text, marked as one in the dialog
            guess = self.guarded(lambda: articles.guessed_language(self.db, chosen))
        dialog = PropertiesDialog(self.db, chosen, properties, self.guarded, guess, self)
        dialog.saved.connect(lambda stored: self.properties_saved(chosen, stored))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def properties_saved(self, article_id: int, stored: ArticleProperties) -> None:
        """New properties are in the database: the heading, window title and library show them."""
        if self.article is not None and self.article.id == article_id:
            self.article = replace(
                self.article,
                title=stored.title,
                source_url=stored.source_url,
                outlet=stored.outlet,
                byline=stored.byline,
                published_at=stored.published_at,
            )
            self.show_heading()
            self.show_article_status()
        if self._library is not None and self._library.pane.loaded:
            self._library.pane.refresh()  # the row, and the outlet filter's choices
            self._library.pane.select_article(article_id)

    def show_article_status(self) -> None:
        """Where the article shown came from and how many claims it has, in the status bar."""
        if self.article is not None:
            self.statusBar().showMessage(
                translate("MainWindow", "{source} · {count} claims").format(
                    source=article_source(self.article), count=len(self.article.claims)
                )
            )
        else:
            self.statusBar().clearMessage()

    def open_file(self, path: str | Path) -> bool:
        """Import a file (or find it already imported) and show it; False if it can't be read.

        On the UI thread: for a file given at start-up, before the window shows. In the window,
        File > Open goes through `library.open_path`, on a worker with a progress dialog.
        """
        result = self.guarded(lambda: articles.import_path(self.db, path))
        if result is None:
            return False
        self.open_article(result.article_id)
        file_places.add_recent(path)
        if not result.created:
            self.statusBar().showMessage(
                translate("MainWindow", "{name} was already in the library; opened it").format(
                    name=Path(path).name
                )
            )
        return True

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from app.ui.library.library_ui import files_filter

        folder = file_places.start_folder()
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open an article"), folder, files_filter()
        )
        if path:
            file_places.remember_folder(path)
            self.library.open_path(path)

    def fill_recent_menu(self) -> None:
        """File > Open recent: the last files opened; one no longer there is greyed out."""
        menu = self.recent_menu
        menu.clear()
        recent = file_places.recent_files()
        missing = 0
        for path in recent:
            there = Path(path).is_file()
            missing += not there
            label = Path(path).name.replace("&", "&&") + (
                "" if there else translate("MainWindow", "  (missing)")
            )
            action = menu.addAction(label, partial(self.open_recent, path))
            action.setToolTip(
                path if there else translate("MainWindow", "{path} is no longer there").format(path=path)
            )
            action.setEnabled(there)
        if not recent:
            menu.addAction(translate("MainWindow", "No files opened yet")).setEnabled(False)
            return
        menu.setToolTipsVisible(True)
        menu.addSeparator()
        if missing:
            menu.addAction(
                translate("MainWindow", "Remove the missing files ({count})").format(count=missing),
                self.forget_missing_recent,
            )
        menu.addAction(translate("MainWindow", "Clear the list"), file_places.forget_all)

    def open_recent(self, path: str) -> None:
        if not Path(path).is_file():
            file_places.forget_missing()
            messages.warn(
                self,
                "Claimdesk",
                translate("MainWindow", "{path} is no longer there; it is off the recent files now.").format(
                    path=path
                ),
            )
            return
        self.library.open_path(path)

    def forget_missing_recent(self) -> None:
        gone = file_places.forget_missing()
        said = (
            translate("MainWindow", "Removed 1 missing file from the recent list")
            if gone == 1
            else translate("MainWindow", "Removed {count} missing files from the recent list").format(
                count=gone
            )
        )
        self.statusBar().showMessage(said)

    # ---- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Files, folders and links (from a file manager or a browser) may be dropped anywhere."""
        if event.mimeData().hasUrls() or _dropped_link(event.mimeData().text()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        local = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        links = [url.toString() for url in mime.urls() if url.scheme() in ("http", "https")]
        if not mime.hasUrls() and (link := _dropped_link(mime.text())):
            links = [link]
        event.acceptProposedAction()
        self.drop(local, links)

    def drop(self, local: list[str], links: list[str]) -> None:
        """One file dropped opens; several, or a folder, are imported (folders with what is inside
        them, at any depth) with a count at the end; a link offers Fetch URL, which goes online
        only when asked to."""
        if len(local) == 1 and Path(local[0]).is_file():
            file_places.remember_folder(local[0])
            self.library.open_path(local[0])
        elif local:
            file_places.remember_folder(local[0])
            self.library.import_paths(local)
        elif links:
            self.library.offer_fetch(links[0])

    # ---- focus ----------------------------------------------------------------------------
    def focus_panes(self) -> list[tuple[QWidget, QWidget]]:
        """The panes F6 goes through, in order: library, article, claims, editor (those shown),
        each as (the pane, the widget that takes the keyboard in it)."""
        panes: list[tuple[QWidget, QWidget | None]] = []
        if self._library is not None and self._library.column.isVisible():
            pane = self._library.pane
            panes.append((pane, pane.empty_page.open_button if pane.is_empty_page_shown() else pane.table))
        panes += [(self.article_view, self.article_view), (self.claims_panel, self.claim_list)]
        if self._editor is not None:
            panes.append((self._editor, _first_focusable(self._editor)))
        return [(pane, target) for pane, target in panes if target is not None and target.isVisible()]

    def cycle_focus(self, step: int) -> None:
        """F6 (step 1) and Shift+F6 (step -1): the keyboard to the next or previous pane."""
        panes = self.focus_panes()
        if not panes:
            return
        focused = self.focusWidget()
        at = next(
            (i for i, (pane, _) in enumerate(panes) if focused is not None and _holds(pane, focused)),
            -1 if step > 0 else 0,
        )
        panes[(at + step) % len(panes)][1].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def memo_dialog(self) -> MemoDialog | None:
        """Open the memo options (statuses, appendix, history, paper) with export, print, preview."""
        from app.ui.dialogs.memo_dialog import MemoDialog  # loads Qt's print support only when asked

        if self.article is None:
            return None
        dialog = MemoDialog(self.db, self.article.id, self)
        dialog.open()
        return dialog

    def versions_dialog(self) -> VersionsDialog | None:
        """Each version of the article kept (its file or page came back changed), and what changed."""
        from app.ui.dialogs.versions_dialog import open_versions_dialog

        return open_versions_dialog(self)

    def backups_dialog(self) -> None:
        from app.ui.dialogs.backups_dialog import BackupsDialog, restore_into_window

        BackupsDialog(self.db.path, lambda info: restore_into_window(self, info), self).exec()

    def print_preview(self) -> None:
        dialog = self.memo_dialog()
        if dialog is not None:
            dialog.preview()

    def data_export_dialog(self, fmt: str) -> None:
        if self.article is None:
            return
        suffix, pattern = DATA_EXPORT_FILES[fmt]
        suggested = str(Path.home() / f"{safe_file_name(self.article.title)}{suffix}")
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, translate("MainWindow", "Export"), suggested, pattern)
        if path:
            self.data_export(fmt, path)

    def data_export(self, fmt: str, path: str | Path) -> workers.Job | None:
        """Write the article's claims as `fmt`, on a worker; the status bar says where."""
        if self.article is None:
            return None
        article_id, db = self.article.id, self.db
        writer = getattr(data_exports, f"export_{fmt}")
        return self.in_background(
            translate("MainWindow", "writing the export"),
            lambda: writer(db, article_id, Path(path)),
            lambda written: self.statusBar().showMessage(
                translate("MainWindow", "Written to {path}").format(path=written)
            ),
        )

    def import_annotations_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "Import annotations"),
            str(Path.home()),
            translate("MainWindow", "Annotations (*.json *.jsonld);;All files (*)"),
        )
        if path:
            self.import_annotations(path)

    def import_annotations(self, path: str | Path) -> workers.Job:
        """Join annotations (W3C or Hypothesis) to their article on a worker, then show that article."""
        from app.services.annotations import import_annotations

        db = self.db

        def imported(report: ImportReport) -> None:
            if report.article_ids:
                self.open_article(report.article_ids[0])
            self.statusBar().showMessage(report.summary())

        return self.in_background(
            translate("MainWindow", "importing the annotations"),
            lambda: import_annotations(db, path),
            imported,
        )

    def export_pdf(self, path: str | Path) -> workers.Job | None:
        """The article's memo as a PDF, rendered on a worker; the status bar says where."""
        if self.article is None:
            return None
        article_id, db = self.article.id, self.db
        return self.in_background(
            translate("MainWindow", "writing the memo"),
            lambda: reports.export_pdf(db, article_id, path),
            lambda written: self.statusBar().showMessage(
                translate("MainWindow", "Memo written to {path}").format(path=written)
            ),
        )

    def in_background(self, what: str, work: Callable[[], T], then: Callable[[T], object]) -> workers.Job:
        """Run a long service call on a worker (app/ui/workers.py): the window stays responsive,
        an error becomes a message, and `then` gets the result on the UI thread."""
        self.statusBar().showMessage(f"{what[:1].upper()}{what[1:]}…")

        def done(result: object) -> None:
            if isinstance(result, ClaimdeskError):
                self.statusBar().showMessage(str(result))

                messages.warn(self, "Claimdesk", str(result))
            else:
                then(cast(T, result))

        return workers.start(lambda _job: work(), done, what)

    # ---- claims ---------------------------------------------------------------------------
    def choose_claim(self, claim_id: int) -> None:
        claim = self.claim_model.claim(claim_id)
        if claim is None:
            return
        self.claims_panel.choose(claim_id)
        self.article_view.select_claim(claim_id)
        self.editor.show_claim(claim)

    def add_claim_from_selection(self, start: int, end: int) -> None:
        """A manual claim from the text selected in the article (Ctrl+Enter or its context menu)."""
        if self.article is not None:
            article_id = self.article.id
            self.act(lambda: self.actions.add_claim(article_id, start, end))

    def set_claim_span(self, claim_id: int, start: int, end: int) -> bool:
        """The selected claim now covers the text selected in the article, over the version the list
        shows: a colleague's change since opens the conflict dialog. True when the span was set."""
        passage = " ".join(self.article.text[start:end].split()) if self.article is not None else ""
        return self._save_shown(
            claim_id,
            lambda version: self.actions.edit_claim(claim_id, start=start, end=end, expect_version=version),
            translate("MainWindow", "New span: “{passage}”").format(passage=passage),
            keep=lambda: self.article_view.reveal(start, end),
            kept_in=translate("MainWindow", "your passage stays selected in the article"),
        )

    def set_dismissed(self, claim_id: int, dismissed: bool) -> bool:
        """Dismiss or restore a claim (the list's Delete key, its menu, the Restore button) over the
        version the list shows; True when it was done."""
        if dismissed:
            yours, again = (
                translate("MainWindow", "Dismiss this claim"),
                translate("MainWindow", "you can dismiss it again"),
            )
        else:
            yours, again = (
                translate("MainWindow", "Restore this claim"),
                translate("MainWindow", "you can restore it again"),
            )
        change = self.actions.dismiss_claim if dismissed else self.actions.restore_claim
        return self._save_shown(
            claim_id, lambda version: change(claim_id, version), yours, keep=lambda: None, kept_in=again
        )

    def _save_shown(
        self,
        claim_id: int,
        save: Callable[[int | None], object],
        yours: str,
        *,
        keep: Callable[[], object],
        kept_in: str,
    ) -> bool:
        """One write on a claim with the version the list shows (app/ui/dialogs/conflict_dialog.py)."""
        from app.ui.dialogs.conflict_dialog import save_or_choose

        shown = self.claim_model.claim(claim_id)
        return save_or_choose(
            self,
            self.act,
            save,
            shown.version if shown is not None else None,
            yours,
            lambda: self.actions.reload(claim_id).version,
            keep=keep,
            kept_in=kept_in,
        )

    def current_claim_id(self) -> int | None:
        return self.claims_panel.current_claim_id()

    def status_key(self, claim_id: int, status_id: str) -> None:
        """A status key in the list: final judgements first ask why, in a small dialog."""
        claim = self.claim_model.claim(claim_id)
        if claim is None or claim.status == status_id:
            return
        from app.ui.dialogs.reason_dialog import ask_reason, asks_why

        if asks_why(status_id):  # final judgements, and Partly true
            self.reason_dialog = ask_reason(
                self, claim, status_id, lambda reason: self.set_status(claim_id, status_id, reason)
            )
        else:
            self.set_status(claim_id, status_id)

    def start_note(self, claim_id: int) -> None:
        self.choose_claim(claim_id)
        self.editor.start_note()

    def start_evidence(self, claim_id: int) -> None:
        self.choose_claim(claim_id)
        self.editor.start_evidence()

    def open_in_editor(self, claim_id: int) -> None:
        """Enter in the list: the editor takes the keyboard, at its first field."""
        self.choose_claim(claim_id)
        field = _first_focusable(self.editor)
        (field or self.editor).setFocus(Qt.FocusReason.TabFocusReason)

    def set_status(self, claim_id: int, status_id: str, reason: str = "") -> bool:
        """Set a status through the undo stack, over the version the list shows; False (after a
        message) if it was refused, or a colleague's change since was kept (the conflict dialog)."""
        from app.ui.claims.claim_editor import set_status_as_shown

        shown = self.claim_model.claim(claim_id)
        version = shown.version if shown is not None else None
        return set_status_as_shown(self, self.act, self.actions, claim_id, version, status_id, reason)

    def add_note(self, claim_id: int, body: str) -> bool:
        if not self.act(lambda: self.actions.add_note(claim_id, body)):
            return False
        self.editor.note_saved()
        return True

    def act(self, work: Callable[[], object]) -> bool:
        """Run one `self.actions` call under the guard; True when it was saved."""

        def run() -> bool:
            work()
            return True

        return self.guarded(run) is True

    def _on_claim_changed(self, claim_id: int) -> None:
        """A claim was edited (or an edit undone): reload its row, its highlight and the editor.

        An undo may concern another article than the one shown: that article is opened, so the
        user sees what was undone.
        """
        claim = self.guarded(lambda: self.actions.latest(claim_id, self.claim_model.claim(claim_id)))
        if claim is None:
            return
        if self.claim_model.claim(claim_id) is None:
            self.open_article(claim.article_id)
            self.choose_claim(claim_id)
            return
        self._refresh_claim(claim)

    def _on_claims_changed(self, article_id: int) -> None:
        """Claims were added, dismissed or restored: update the list, keeping the selection.

        The claim concerned comes with the signal (`actions.listed_claim()`), so a dismissal does
        not reload 300 claims. A claim that just appeared (added, or back by redo) becomes current.
        """
        if self.article is None or self.article.id != article_id:
            self.open_article(article_id)
            return
        before = self.claim_model.claims()
        changed = self.actions.listed_claim()
        in_place = (
            changed is not None
            and changed.article_id == article_id
            and self.claim_model.claim(changed.id) is not None
        )
        if changed is not None and changed.article_id == article_id:
            listed = (*(c for c in before if c.id != changed.id), changed)
        else:
            record = self.guarded(lambda: articles.load_article(self.db, article_id))
            if record is None:
                return
            listed = record.claims
        listed = tuple(sorted(listed, key=lambda c: (c.start, c.id)))
        self.article = replace(self.article, claims=listed)
        if in_place and changed is not None:
            self.claims_panel.replace_claim(changed)  # the proxy hides or shows its row
        else:
            self.claims_panel.set_claims(listed)
        self.article_view.update_claims(_highlighted(listed))
        known = {c.id for c in before}
        new = [c.id for c in listed if c.id not in known]
        if len(new) == 1:
            self.choose_claim(new[0])
        elif changed is not None and self.current_claim_id() == changed.id:
            self.editor.show_claim(changed)  # the list kept it current (say, restored while shown)

    def reload_outside_changes(self) -> None:
        """Another program wrote to the library: show its changes, keeping the selection and
        whatever is being typed (the editor keeps drafts of the claim it shows)."""
        if self.library.pane.loaded:
            self.library.pane.refresh()
        if self.article is None:
            return
        article_id = self.article.id
        if self.guarded(lambda: articles.is_in_library(self.db, article_id)) is False:
            self.close_article(
                translate(
                    "MainWindow", "“{title}” was moved to the trash or deleted in another window"
                ).format(title=self.article.title)
            )
            return
        record = self.guarded(lambda: articles.load_article(self.db, article_id))
        if record is None or record == self.article:
            return
        before = {c.id: c for c in self.article.claims}
        self.article = replace(self.article, claims=record.claims)
        if set(before) != {c.id for c in record.claims}:
            current = self.current_claim_id()
            self.claims_panel.set_claims(record.claims)
            self.article_view.update_claims(_highlighted(record.claims))
            if current is not None and self.claim_model.claim(current) is not None:
                self.choose_claim(current)
            return
        for claim in record.claims:
            if claim != before[claim.id]:
                self._refresh_claim(claim)
        self.statusBar().showMessage(
            translate("MainWindow", "Updated with changes made in another window or program")
        )

    def _on_action_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)

        messages.warn(self, "Claimdesk", message)

    def _refresh_claim(self, claim: ClaimRecord | None) -> None:
        if claim is None:
            return
        self.claims_panel.replace_claim(claim)
        self.article_view.update_claim(claim)  # one highlight restyled, not the article's 300
        if self.current_claim_id() == claim.id:
            self.editor.show_claim(claim)

    # ---- misc -----------------------------------------------------------------------------
    def guarded(self, work: Callable[[], T]) -> T | None:
        """Run a service call; a user-caused error becomes a message, never a crash."""
        return run_guarded(self, work, self.statusBar().showMessage)

    def shortcut_sheet(self) -> None:
        from app.ui.dialogs.shortcut_sheet import ShortcutSheet

        if self._sheet is None:
            self._sheet = ShortcutSheet(self)
        self._sheet.show()
        self._sheet.raise_()

    def about_qt(self) -> None:
        """Qt's own box: its version and licence (the LGPL), as the licence asks us to show."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.aboutQt(self, translate("MainWindow", "About Qt"))

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            translate("MainWindow", "About Claimdesk"),
            translate(
                "MainWindow",
                "<b>Claimdesk {version}</b><p>Read a news article beside the claims it makes, "
                "and check them. Everything stays on this computer.</p><p>Database: {path}</p>",
            ).format(version=__version__, path=self.db.path),
        )

    def _restore_layout(self) -> None:
        settings = app_settings()
        if (geometry := settings_.WINDOW_GEOMETRY.read(settings)) is not None:
            self.restoreGeometry(geometry)
        if (claims_and_editor := settings_.CLAIMS_AND_EDITOR.read(settings)) is not None:
            self.right_splitter.restoreState(claims_and_editor)
        self.claims_panel.restore_state(settings)
        self._restore_panes()

    def _restore_panes(self) -> None:
        """Pane sizes are kept per number of panes, so adding the library later keeps the others'."""
        if (panes := settings_.panes(self.splitter.count()).read()) is not None:
            self.splitter.restoreState(panes)
        if self.library_pane is not None:
            self.show_library_action.setChecked(settings_.LIBRARY_SHOWN.read())
            self.show_library(self.show_library_action.isChecked())

    def changeEvent(self, event: QEvent) -> None:
        """Coming back to the window: re-read what it shows (another program may have written); a
        theme switched: the heading's grey follows it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.attached:
            self.reload_outside_changes()
        elif event.type() == QEvent.Type.PaletteChange:
            self.show_heading()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._editor is not None:
            self._editor.keep_note_draft()  # a note half written is there at the next start
        settings = app_settings()
        settings_.WINDOW_GEOMETRY.write(self.saveGeometry(), settings)
        settings_.panes(self.splitter.count()).write(self.splitter.saveState(), settings)
        settings_.CLAIMS_AND_EDITOR.write(self.right_splitter.saveState(), settings)
        if self.library_pane is not None:
            settings_.LIBRARY_SHOWN.write(self.show_library_action.isChecked(), settings)
        self.claims_panel.save_state(settings)
        super().closeEvent(event)


def _first_focusable(container: QWidget) -> QWidget | None:
    """The first widget in `container` that Tab would reach (shown, enabled, taking focus)."""
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container and container.isAncestorOf(widget):
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return widget
        widget = widget.nextInFocusChain()
    return None


def _holds(pane: QWidget, focused: QWidget) -> bool:
    return pane is focused or pane.isAncestorOf(focused)


def _dropped_link(text: str) -> str | None:
    """A web address dropped as text (some browsers give no URL list): the address, else None."""
    words = text.strip().split()
    if len(words) == 1 and words[0].startswith(("http://", "https://")):
        return words[0]
    return None


def _dispose(placeholder: QWidget | None) -> None:
    if placeholder is not None:
        placeholder.deleteLater()


def _highlighted(records: tuple[ClaimRecord, ...]) -> tuple[ClaimRecord, ...]:
    """The claims marked in the text: not dismissed, and still found in it (orphans are not)."""
    return tuple(c for c in records if c.anchored and not c.dismissed)


def _heading_html(article: ArticleRecord, grey: str) -> str:
    meta = [escape(article.byline)] if article.byline else []
    meta.append(escape(article_source(article)))
    if article.published_at:
        meta.append(escape(article.published_at))
    # non-breaking spaces: a wrapped heading keeps "imported", the date and the time together
    meta.append(
        translate("MainWindow", "imported")
        + "\u00a0"
        + article.imported_at.astimezone().strftime("%Y-%m-%d\u00a0%H:%M")
    )
    return (
        f"<div style='font-size:15pt; font-weight:600'>{escape(article.title)}</div>"
        f"<div style='color:{grey}'>{' · '.join(meta)}</div>"
    )
