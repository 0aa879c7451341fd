"""Every failure reports back: a job that raises anything still finishes, and an uncaught error
is logged and shown in a window that says the work is safe."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from pytestqt.qtbot import QtBot

from app import cli
from app.errors import ClaimdeskError
from app.logs import log, log_file, start_logging
from app.ui import workers
from app.ui.dialogs import crash_dialog


@pytest.fixture
def fresh_log(monkeypatch: pytest.MonkeyPatch) -> None:
    """The log and the hooks go back as they were after the test (the file is in its own home)."""
    monkeypatch.setattr(log, "handlers", [])
    monkeypatch.setattr("sys.excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


@pytest.mark.logs_errors
def test_a_job_that_raises_a_plain_error_still_finishes_with_a_message(qtbot: QtBot) -> None:
    def broken(_job: workers.Job) -> None:
        raise RuntimeError("index out of step")

    seen: list[object] = []
    job = workers.start(broken, seen.append, "the import")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    (result,) = seen
    assert isinstance(result, workers.JobFailedError) and isinstance(result, ClaimdeskError)
    assert "The import stopped on an unexpected error (RuntimeError: index out of step)" in str(result)
    assert "safe" in str(result) and str(log_file()) in str(result)
    assert job.signals is not None


def test_a_user_error_comes_back_as_it_was(qtbot: QtBot) -> None:
    def refused(_job: workers.Job) -> None:
        raise ClaimdeskError("The file is empty")

    seen: list[object] = []
    workers.start(refused, seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert str(seen[0]) == "The file is empty" and not isinstance(seen[0], workers.JobFailedError)


def test_progress_and_cancel(qtbot: QtBot) -> None:
    steps: list[tuple[int, int, str]] = []

    def counting(job: workers.Job) -> int:
        done = 0
        for i in range(5):
            if not job.report_progress(i, 5, f"file {i}"):
                break
            done += 1
            if i == 1:
                job.cancelled.set()
        return done

    seen: list[object] = []
    job = workers.Job(counting)
    job.signals.progress.connect(lambda *args: steps.append(args))
    job.signals.finished.connect(seen.append)
    job.run()
    assert seen == [2] and steps[0] == (0, 5, "file 0")


@pytest.mark.logs_errors
@pytest.mark.usefixtures("fresh_log")
def test_an_uncaught_error_is_logged_and_shown_saying_the_work_is_safe(qtbot: QtBot) -> None:
    start_logging()
    reporter = crash_dialog.install()
    try:
        raise ValueError("a claim with no article")
    except ValueError as error:
        crash_dialog.handle(ValueError, error, error.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
    dialog = reporter.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    text = dialog.report.toPlainText()
    assert "ValueError: a claim with no article" in text and "Traceback" in text
    for handler in log.handlers:
        handler.flush()
    assert "a claim with no article" in log_file().read_text(encoding="utf-8")

    worker = threading.Thread(target=lambda: (_ for _ in ()).throw(KeyError("in a worker")))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "KeyError: 'in a worker'" in dialog.report.toPlainText(), timeout=5000)
    assert "a claim with no article" in dialog.report.toPlainText(), "one window, both reports"
    dialog.copy_report()
    from PySide6.QtGui import QGuiApplication

    assert "in a worker" in QGuiApplication.clipboard().text()


@pytest.mark.logs_errors
@pytest.mark.usefixtures("fresh_log")
def test_a_bug_in_a_command_is_one_line_and_a_logged_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "_list", broken)
    assert cli.main(["list"]) == cli.EXIT_BUG
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "internal error (ZeroDivisionError" in said and "Traceback" not in said
    for handler in logging.getLogger("claimdesk").handlers:
        handler.flush()
    assert "Traceback" in log_file().read_text(encoding="utf-8")


def test_an_error_logged_unexpectedly_fails_the_test(pytester: pytest.Pytester) -> None:
    """The guard itself: a test that makes Claimdesk log an error fails unless it says so."""
    pytester.makeconftest("from tests.conftest import no_logged_errors  # noqa: F401")
    pytester.makepyfile(
        """
        import logging
        import pytest

        def test_quiet_bug():
            logging.getLogger("claimdesk.workers").error("the import failed")

        @pytest.mark.logs_errors
        def test_meant():
            logging.getLogger("claimdesk.workers").error("the import failed")
        """
    )
    result = pytester.runpytest_subprocess(
        "-p", "no:randomly", "-o", "markers=logs_errors: x", f"--rootdir={pytester.path}"
    )
    result.assert_outcomes(passed=2, errors=1)  # the quiet one passes, then fails at teardown
