"""Long jobs on Qt's thread pool, each of which always reports back, whatever happens.

A job's `finished` signal carries its result, or an error: a `ClaimdeskError` as the service
raised it, or, for anything else (a bug), a `JobFailedError` whose message says what failed and
where the log is, after the traceback went to the log. So a progress dialog always closes and
"Checking the library…" always ends: no failure leaves the window waiting for a signal that never
comes. Progress and cancelling are there for the jobs that report progress (imports).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import ClaimdeskError
from app.ui.translation import translate

log = logging.getLogger("claimdesk.workers")


class JobFailedError(ClaimdeskError):
    """A job stopped on an unexpected error (a bug, not the user's doing); the log has the details."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # the result, or a ClaimdeskError


class Job(QRunnable):
    """One call run on the pool; `signals.finished` gets its result or its error, always."""

    def __init__(self, work: Callable[[Job], Any], what: str = "the job") -> None:
        super().__init__()
        self.work, self.what = work, what
        self.signals = _Signals()
        self.cancelled = threading.Event()
        self.result: Any = None  # what `finished` carried, once it has
        self.handled = False  # True once `start`'s callback ran on the UI thread
        self.setAutoDelete(False)  # its signals must outlive the run: the owner keeps the job

    def run(self) -> None:
        try:
            result: Any = self.work(self)
        except ClaimdeskError as error:
            log.warning("%s: %s", self.what, error)
            result = error
        except Exception as error:  # every failure must reach the window
            log.exception("%s failed", self.what)
            result = JobFailedError(failure_message(self.what, error))
        self.result = result
        self.signals.finished.emit(result)

    def report_progress(self, done: int, total: int, name: str) -> bool:
        """For the job's work: show progress; False once the user cancelled."""
        self.signals.progress.emit(done, total, name)  # queued to the UI thread
        return not self.cancelled.is_set()


def start(work: Callable[[Job], Any], then: Callable[[object], object], what: str = "the job") -> Job:
    """Run `work` on the pool; `then(result or error)` runs on the UI thread when it is done."""
    job = Job(work, what)
    _running.add(job)  # kept alive until its callback has run

    def done(result: object) -> None:
        _running.discard(job)
        try:
            then(result)
        finally:
            job.handled = True

    job.signals.finished.connect(done)
    QThreadPool.globalInstance().start(job)
    return job


_running: set[Job] = set()


def failure_message(what: str, error: BaseException) -> str:
    """One sentence for an unexpected failure: what stopped, that saved work is safe, where to look."""
    from app.logs import log_file

    return translate(  # thread-safe: called on the worker
        "Workers",
        "{what} stopped on an unexpected error ({error}). "
        "Everything saved before is safe. The details are in {log}",
    ).format(what=f"{what[:1].upper()}{what[1:]}", error=f"{type(error).__name__}: {error}", log=log_file())
