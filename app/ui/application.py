"""Start the GUI: the application object, the database, the first article, the window.

One window per library (app/ui/single_instance.py says why): a second start hands its file to
the running window, which comes forward and opens it.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import database_path, resources_dir
from app.errors import ClaimdeskError
from app.ui import messages
from app.ui.single_instance import SingleInstance, hand_over
from app.ui.translation import translate

if TYPE_CHECKING:
    from app.services.safety import DatabaseSetAsideError
    from app.storage.database import Database
    from app.ui.main_window import MainWindow

RESTORE, EMPTY, QUIT = "restore", "empty", "quit"


class _FirstPaint(QObject):
    """Calls back once, on the turn of the event loop after the window's first paint."""

    def __init__(self, window: QObject, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def run_gui(
    db_override: str | None,
    file: str | None,
    database_url: str | None = None,
    *,
    from_preferences: bool = False,
) -> int:
    """The window paints first, then the database opens.

    A newsroom server chosen in Preferences (`from_preferences`) that can't be opened never
    strands the user: this computer's library opens instead, and a bar above the panes says why
    and offers to try again (`ServerRetry`). One named with --database-url is what the command asked
    for: it fails with a message rather than opening another library than the one asked for.

    When the library already holds the article to show, it is read with the standard library
    alone (app/storage/article_reader.py) and painted; SQLAlchemy, the integrity check and the
    daily backup follow on a worker thread (`attach_database`). A first start, a file to open, an
    older schema or an unreadable file take the full path before the window shows.

    This changes DESIGN.md's order (database, then window) for the start-up goal of issue 8: a
    window shown at most 1.5 times as late as a bare Qt window.
    """
    from app.storage.article_reader import read_last_article
    from app.ui.main_window import MainWindow
    from app.ui.theme import theme_controller

    app = QApplication.instance() or QApplication(sys.argv)
    from app.logs import start_logging
    from app.ui.dialogs import crash_dialog

    start_logging()
    crash_dialog.install()
    app.setApplicationName("Claimdesk")
    app.setOrganizationName("Claimdesk")
    QApplication.setWindowIcon(QIcon(str(resources_dir() / "icons" / "claimdesk.svg")))
    QApplication.setDesktopFileName("io.github.claimdesk.Claimdesk")  # packaging/linux: Wayland's app id
    from app.ui import translation

    translation.install(translation.ui_language())  # before any text is made
    if database_url:
        from app.services.newsroom import local_folder

        path = local_folder(database_url)
    else:
        path = database_path(db_override)
    instance = SingleInstance(path)
    if not instance.claim():
        if hand_over(path, file):
            return 0
        messages.warn(
            None,
            translate("Application", "Claimdesk is already running"),
            translate(
                "Application",
                "Another Claimdesk window has this library open but does not answer. "
                "Close it (or wait until it finishes its work), then start Claimdesk again.",
            ),
        )
        return 1
    theme_controller().apply()  # the remembered theme (System at first), before anything is shown
    # start-up benchmarks (tests/benchmarks/startup.py): say when, then quit
    painted_probe = _probe("first paint") if os.environ.get("CLAIMDESK_QUIT_AFTER_FIRST_PAINT") else None
    ready_probe = _probe("ready") if os.environ.get("CLAIMDESK_QUIT_WHEN_READY") else None
    first = None if file or database_url else read_last_article(path)
    held = [instance]  # the one-window lock: a newsroom library opened later (Try again) takes its own
    unreachable = ""
    if first is None:
        if database_url and from_preferences:
            db, unreachable = open_chosen_newsroom(database_url)
            if db is None:  # out of reach: this computer's library, and the bar says so
                instance.release()
                path = database_path(None)
                held[0] = instance = SingleInstance(path)
                if not instance.claim():
                    return 0 if hand_over(path, file) else 1
                db = open_database_or_say_why(path)
        elif database_url:
            db = open_newsroom_or_say_why(database_url)
        else:
            db = open_database_or_say_why(path)
        if db is None:
            return 1
        window = MainWindow(db)
        open_start_article(window, file)
        if unreachable and database_url:
            ServerRetry(window, database_url, unreachable, held)
        if ready_probe:
            _FirstPaint(window, ready_probe)
    else:
        window = MainWindow()
        window.show_record(first)

        def attach() -> None:
            attaching = attach_database(window, path)
            if ready_probe:
                attaching.ready.connect(ready_probe)

        # two turns after the paint: the paint reaches the screen (and a benchmark probe quits) first
        _FirstPaint(window, lambda: QTimer.singleShot(0, attach))
    # Later starts are answered from the second turn after the paint (a benchmark probe quits first).
    _FirstPaint(window, lambda: QTimer.singleShot(0, instance.listen))
    _FirstPaint(window, _collect_garbage_again)
    if painted_probe:
        _FirstPaint(window, painted_probe)
    instance.messageReceived.connect(lambda file: come_forward(window, file))
    from app.ui.file_open_events import FileOpenEvents

    FileOpenEvents(app, lambda file: come_forward(window, file))  # macOS: "Open With" while running
    window.show()
    code = app.exec()
    if window.attached:
        window.db.close()
    held[0].release()
    return code


def _collect_garbage_again() -> None:
    """The collector was off during start-up (app/cli.py); what start-up made is set aside for good."""
    gc.freeze()  # later full collections needn't walk the modules and classes that live to the end
    gc.enable()


def _probe(event: str) -> Callable[[], None]:
    """For tests/benchmarks/startup.py: print when `event` happened (the system's monotonic clock), quit."""

    def report_and_quit() -> None:
        print(f"{event} at {time.monotonic_ns()}", flush=True)
        QApplication.quit()

    return report_and_quit


def open_database_or_say_why(path: Path, damaged: DatabaseSetAsideError | None = None) -> Database | None:
    """Open (or, if `damaged` says the first try set the file aside, recover); None after a message."""
    try:
        return open_or_recover(path, ask_about_damage, damaged)
    except ClaimdeskError as error:
        messages.fail(None, translate("Application", "Claimdesk cannot open its database"), str(error))
        return None


def open_newsroom_or_say_why(url: str) -> Database | None:
    """A newsroom library on its PostgreSQL server (app/services/newsroom.py); None after a message."""
    from app.services.newsroom import open_newsroom

    try:
        return open_newsroom(url)
    except ClaimdeskError as error:
        messages.fail(
            None, translate("Application", "Claimdesk cannot open the newsroom library"), str(error)
        )
        return None


def open_chosen_newsroom(url: str) -> tuple[Database | None, str]:
    """The newsroom library chosen in Preferences, or None and why it could not be opened (the
    server's own sentence, without the advice to start with --db: the window opens the local one)."""
    from app.services.newsroom import open_newsroom

    try:
        return open_newsroom(url), ""
    except ClaimdeskError as error:
        return None, _reason(error)


def _reason(error: ClaimdeskError) -> str:
    cause = error.__cause__
    return str(cause if isinstance(cause, ClaimdeskError) else error).strip().rstrip(".")


class ServerRetry(QObject):
    """The bar saying the newsroom server chosen in Preferences could not be opened at start and
    this computer's library is open instead; its Try again opens the newsroom library in the window
    when the server is back (on a worker: a server that doesn't answer never freezes the window)."""

    def __init__(self, window: MainWindow, url: str, reason: str, held: list[SingleInstance]) -> None:
        super().__init__(window)
        self.window, self.url, self.held = window, url, held
        self.job: object | None = None
        self.say(reason)

    def say(self, reason: str, text: str = "") -> None:
        """Say why the newsroom library is not open (`text`, else the server's `reason` and advice)."""
        heading = translate(
            "Application",
            "The newsroom library chosen in Preferences could not be opened, so this computer's library "
            "is open instead.",
        )
        text = text or translate(
            "Application",
            "{reason}. Nothing was lost: what you do now is kept here. Try again when the server is back, "
            "or change the choice in Preferences > Library.",
        ).format(reason=reason)
        self.window.notice.say(
            heading,
            text,
            [
                (translate("Application", "&Try again"), self.try_again),
                (translate("Application", "&Preferences…"), self.preferences),
            ],
        )
        self.window.statusBar().showMessage(
            translate(
                "Application", "The newsroom library could not be opened: this computer's library is open"
            )
        )

    def try_again(self) -> None:
        from app.services.newsroom import local_folder, open_newsroom
        from app.ui import workers

        lock = SingleInstance(local_folder(self.url))
        if not lock.claim():
            busy = translate(
                "Application",
                "Another Claimdesk window has the newsroom library open: work there, or close it and "
                "try again. This computer's library stays open here.",
            )
            self.say("", busy)
            return
        self.window.notice.set_busy(translate("Application", "Connecting to the newsroom server…"))
        url = self.url
        self.job = workers.start(
            lambda _job: open_newsroom(url),
            lambda result: self._done(lock, result),
            translate("Application", "connecting to the newsroom server"),
        )

    def _done(self, lock: SingleInstance, result: object) -> None:
        self.job = None
        if isinstance(result, ClaimdeskError):
            lock.release()
            self.say(_reason(result))
            return
        db = cast("Database", result)
        window, local = self.window, self.window.db
        window.close_article()
        window.db = db  # the window's edits, library and live updates go to the newsroom library now
        local.close()
        self.held[0].release()
        self.held[0] = lock
        lock.listen()
        lock.messageReceived.connect(lambda file: come_forward(window, file))
        window.notice.hide()
        open_start_article(window, None)
        window.statusBar().showMessage(translate("Application", "The newsroom library is open"))

    def preferences(self) -> None:
        """Preferences at its Library page, where the server is chosen and its connection tested."""
        from app.ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.window)
        page = dialog.library.parentWidget()
        if page is not None:
            dialog.tabs.setCurrentWidget(page)
        dialog.exec()
        dialog.deleteLater()


def open_start_article(window: MainWindow, file: str | None) -> None:
    """The file asked for, else the last article opened (the sample, in an empty library)."""
    from app.services import articles

    if file and window.open_file(file):
        return
    article_id = window.guarded(lambda: articles.article_to_open(window.db))
    if article_id is not None:
        window.open_article(article_id)


def attach_database(window: MainWindow, path: Path) -> _Attaching:
    """After the first paint: open and check the database on a worker, then hand it to the window.

    Loading SQLAlchemy, the integrity check and the day's first backup take about two seconds on
    a library of 10,000 articles; on a worker the window meanwhile scrolls, selects and searches
    the article it shows. An edit tried before the database is there gets a message
    (`LibraryNotReadyError`) instead of being lost. The job's `ready` says when all is done.
    """
    window.finish_building()
    window.statusBar().showMessage(translate("Application", "Checking the library…"))
    return _Attaching(window, path)


class _Attaching(QObject):
    """The database opening on Qt's thread pool; what the window does once it is open."""

    ready = Signal()  # the database attached, the library listed, the article shown checked

    def __init__(self, window: MainWindow, path: Path) -> None:
        from app.ui import workers

        super().__init__(window)
        self.window, self.path = window, path
        self.job = workers.start(
            lambda _job: _open_checked(path), self._opened, translate("Application", "opening the library")
        )

    def _opened(self, result: object) -> None:
        from app.services.safety import DatabaseSetAsideError

        db: Database | None
        if isinstance(result, DatabaseSetAsideError):
            db = open_database_or_say_why(self.path, result)
        elif isinstance(result, ClaimdeskError):
            messages.fail(
                self.window, translate("Application", "Claimdesk cannot open its database"), str(result)
            )
            db = None
        else:
            db = cast("Database", result)
        if db is None:
            QApplication.exit(1)
            return
        self.window.db = db
        self.window.show_article_status()  # in place of "Checking the library…"
        _show_stored_article(self.window, db)
        from app.ui.daily_backups import DailyBackups

        self.backups = DailyBackups(self.window, db.path)
        self.backups.check()
        self.ready.emit()


def _open_checked(path: Path) -> Database:
    from app.services import safety

    return safety.open_checked(path)


def _show_stored_article(window: MainWindow, db: Database) -> None:
    """The article painted was read before the integrity check; if the check set a damaged file
    aside (and a backup or an empty library took its place), or it changed meanwhile, show the
    stored one."""
    from app.services import articles

    shown = window.article
    article_id = window.guarded(lambda: articles.article_to_open(db))
    if article_id is None:
        return
    if shown is None or article_id != shown.id:
        window.open_article(article_id)
    else:
        stored = window.guarded(lambda: articles.load_article(db, article_id))
        if stored is not None and stored != shown:
            window.show_record(stored)


def come_forward(window: MainWindow, file: str) -> None:
    """Another start of Claimdesk asked for this window (and maybe for a file to be opened)."""
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    if file and not window.attached:  # asked in the moment between the first paint and the database
        QTimer.singleShot(100, lambda: come_forward(window, file))
    elif file:
        window.library.open_path(file)


def open_or_recover(
    path: Path, ask: Callable[[DatabaseSetAsideError], str], damaged: DatabaseSetAsideError | None = None
) -> Database | None:
    """Open after the integrity check; if the file was damaged (and set aside), ask what to do.

    `ask` answers RESTORE (the newest good backup), EMPTY (a new library) or QUIT (None).
    `damaged` is given when an earlier try (on a worker) already found the damage.
    """
    from app.services import safety

    if damaged is None:
        try:
            return safety.open_checked(path)
        except safety.DatabaseSetAsideError as found:
            damaged = found
    choice = ask(damaged)
    if choice == QUIT:
        return None  # the set-aside library stays remembered: the next start asks again
    if choice == RESTORE and damaged.backup is not None:
        safety.restore(path, damaged.backup, window_may_hold_it=True)
    else:
        safety.start_empty(path)
    return safety.open_checked(path)


def ask_about_damage(damaged: DatabaseSetAsideError) -> str:
    box = QMessageBox(
        QMessageBox.Icon.Warning, translate("Application", "Claimdesk: the library is damaged"), str(damaged)
    )
    box.setInformativeText(
        translate("Application", "The damaged file is kept as it was; nothing in it was deleted.")
    )
    restore = box.addButton(
        translate("Application", "Restore newest backup"), QMessageBox.ButtonRole.AcceptRole
    )
    restore.setEnabled(damaged.backup is not None)
    empty = box.addButton(
        translate("Application", "Start with an empty library"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(translate("Application", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if damaged.backup is not None else empty)
    box.exec()
    clicked = box.clickedButton()
    return RESTORE if clicked is restore else EMPTY if clicked is empty else QUIT
