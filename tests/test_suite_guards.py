"""The suite's own guards: no modal dialog can block a test, no test can hang, CI never skips silently.

Each guard is shown to fail: in this process where it can be, and in a child pytest run of a few
small tests where the failure must be the child's (a stray dialog swallowed by the code under
test, a skip under CLAIMDESK_CI, a test that hangs).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox, QTextEdit
from pytestqt.qtbot import QtBot

from tests.dialog_guard import DialogGuard, UnexpectedDialog

ROOT = Path(__file__).resolve().parents[1]


class _AppDialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Backups")


def _menu() -> QMenu:
    menu = QMenu("Columns")
    menu.addAction("Score")
    return menu


_EDITORS: list[QTextEdit] = []


def _text_menu() -> QMenu:
    """A text widget's own context menu (made in C++, not by QMenu()), as the article view shows it."""
    _EDITORS.append(QTextEdit())
    return _EDITORS[-1].createStandardContextMenu()


STRAYS: list[tuple[str, Any]] = [
    ("QMessageBox.warning", lambda: QMessageBox.warning(None, "Claimdesk", "the words")),
    ("QMessageBox.critical", lambda: QMessageBox.critical(None, "Claimdesk", "the words")),
    ("QMessageBox.information", lambda: QMessageBox.information(None, "Claimdesk", "the words")),
    ("QMessageBox.question", lambda: QMessageBox.question(None, "Claimdesk", "the words")),
    ("QMessageBox.about", lambda: QMessageBox.about(None, "Claimdesk", "the words")),
    ("QMessageBox.exec", lambda: QMessageBox(QMessageBox.Icon.Warning, "Claimdesk", "the words").exec()),
    ("QMessageBox.open", lambda: QMessageBox(QMessageBox.Icon.Warning, "Claimdesk", "the words").open()),
    ("_AppDialog.exec", lambda: _AppDialog().exec()),
    ("QFileDialog.getOpenFileName", lambda: QFileDialog.getOpenFileName(None, "Open", "the words")),
    ("QFileDialog.getSaveFileName", lambda: QFileDialog.getSaveFileName(None, "Save", "the words")),
    ("QFileDialog.getExistingDirectory", lambda: QFileDialog.getExistingDirectory(None, "Dir", "the words")),
    ("QInputDialog.getText", lambda: QInputDialog.getText(None, "Claimdesk", "the words")),
    ("QPrintDialog.exec", lambda: QPrintDialog().exec()),
    ("QMenu.exec", lambda: _menu().exec(QPoint(0, 0))),
    ("QMenu.exec", lambda: _text_menu().exec(QPoint(0, 0))),
]


@pytest.mark.parametrize(("kind", "show"), STRAYS, ids=[f"{i}-{kind}" for i, (kind, _) in enumerate(STRAYS)])
def test_a_stray_dialog_raises_naming_itself(
    qtbot: QtBot, dialogs: DialogGuard, kind: str, show: Any
) -> None:
    with pytest.raises(UnexpectedDialog, match=kind.replace(".", r"\.")) as raised:
        show()
    assert [d.kind for d in dialogs.stray] == [kind]
    if "QPrintDialog" not in kind and "QMenu" not in kind and "AppDialog" not in kind:
        assert "the words" in str(raised.value)
    dialogs.stray.clear()  # seen: this test meant it


def test_an_expected_dialog_gets_its_answers_in_order(qtbot: QtBot, dialogs: DialogGuard) -> None:
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    asked = dialogs.expect("QMessageBox.question", yes, no)
    assert [QMessageBox.question(None, "Claimdesk", f"question {i}") for i in range(3)] == [yes, no, no]
    assert asked == ["question 0", "question 1", "question 2"]
    assert dialogs.expect("QFileDialog.getOpenFileName") == []  # expected, not answered: cancelled
    assert QFileDialog.getOpenFileName(None, "Open", "/home") == ("", "")
    dialogs.expect("QDialog.exec", lambda dialog: int(dialog.windowTitle() == "Backups"))
    assert _AppDialog().exec() == 1
    assert dialogs.stray == []


def test_an_unknown_kind_is_a_mistake_in_the_test(dialogs: DialogGuard) -> None:
    with pytest.raises(ValueError, match="no dialog kind"):
        dialogs.expect("QMessageBox.warn")


# --- in a child pytest run ------------------------------------------------------------------------

CHILD_TESTS = '''
import time

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox


def test_stray_box():
    QMessageBox.warning(None, "Claimdesk", "stray words")


def test_stray_box_swallowed_by_the_code():
    try:
        QMessageBox.information(None, "Claimdesk", "swallowed words")
    except Exception:
        pass


def test_stray_box_in_a_slot(qapp):
    action = QAction("go")
    action.triggered.connect(lambda: QMessageBox.critical(None, "Claimdesk", "slot words"))
    action.trigger()  # Qt prints the raise in the slot and goes on


def test_expected_box(dialogs):
    seen = dialogs.expect("QMessageBox.question", QMessageBox.StandardButton.Yes)
    assert QMessageBox.question(None, "Claimdesk", "asked words") == QMessageBox.StandardButton.Yes
    assert seen == ["asked words"]


def test_shared_missing():
    pytest.skip("../shared/eval is not beside the checkout")


def test_libreoffice_missing():
    pytest.skip("LibreOffice is not installed (this check never runs in CI)")


@pytest.mark.xfail(reason="a known failure is no skip")
def test_known_failure():
    assert False
'''

CHILD_CONFTEST = """
from tests.conftest import (  # the suite's own hooks and fixtures, nothing else
    _dialog_guard,
    _dialog_stand_ins,
    dialogs,
    pytest_runtest_call,
    pytest_runtest_makereport,
)
"""


def _pytest_child(
    tmp_path: Path, tests: str, *options: str, ci: bool = False
) -> tuple[subprocess.CompletedProcess[str], dict[str, tuple[str, str]]]:
    """Run `tests` with the suite's guards; each test's (outcome, message) from its JUnit report."""
    (tmp_path / "conftest.py").write_text(CHILD_CONFTEST, encoding="utf-8")
    (tmp_path / "test_child.py").write_text(textwrap.dedent(tests), encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\nqt_api = pyside6\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMDESK_CI", "PYTEST_ADDOPTS")}
    env |= {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"} | ({"CLAIMDESK_CI": "1"} if ci else {})
    report = tmp_path / "report.xml"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--junitxml={report}", *options],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a guard that failed would leave the child blocked on a dialog
    )
    outcomes: dict[str, tuple[str, str]] = {}
    if report.exists():
        for case in ET.parse(report).getroot().iter("testcase"):
            tags = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
            words = " ".join(child.get("message", "") + (child.text or "") for child in case)
            outcomes[case.get("name", "")] = (tags[0] if tags else "passed", words)
    return done, outcomes


def test_in_a_child_run_stray_dialogs_fail_and_skips_fail_under_ci(tmp_path: Path) -> None:
    done, outcomes = _pytest_child(tmp_path, CHILD_TESTS, ci=True)
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    for name, words in (
        ("test_stray_box", "stray words"),
        ("test_stray_box_swallowed_by_the_code", "swallowed words"),
        ("test_stray_box_in_a_slot", "slot words"),
    ):
        outcome, message = outcomes[name]
        assert outcome in ("failure", "error"), (name, outcomes[name])  # pytest-qt may add its own
        assert "QMessageBox." in message and words in message and "dialogs.expect" in message
    assert outcomes["test_expected_box"][0] == "passed"
    assert outcomes["test_shared_missing"][0] == "failure"
    assert "CLAIMDESK_CI" in outcomes["test_shared_missing"][1]
    assert outcomes["test_libreoffice_missing"][0] == "skipped"
    assert outcomes["test_known_failure"][0] == "skipped"  # JUnit's word for xfail: not turned into a failure


def test_in_a_child_run_without_ci_a_skip_stays_a_skip(tmp_path: Path) -> None:
    skips = 'import pytest\n\n\ndef test_shared_missing():\n    pytest.skip("no ../shared")\n'
    done, outcomes = _pytest_child(tmp_path, skips)
    assert done.returncode == 0 and outcomes["test_shared_missing"][0] == "skipped", done.stdout[-2000:]


def test_a_hanging_test_is_stopped_by_the_configured_timeout(tmp_path: Path) -> None:
    """pytest-timeout's thread method: a test blocked inside Qt's own event loop (where a signal
    would never reach Python) ends the run with every thread's stack, instead of blocking CI."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    settings = options["ini_options"]
    assert settings["timeout_method"] == "thread" and 30 <= int(settings["timeout"]) <= 600
    hang = '''
        from PySide6.QtCore import QEventLoop


        def test_blocks_in_a_qt_event_loop(qapp):
            QEventLoop().exec()  # what a modal dialog does; nothing ever quits it
    '''
    done, _ = _pytest_child(tmp_path, hang, "-o", "timeout=2", "-o", "timeout_method=thread")
    assert done.returncode != 0
    said = done.stdout + done.stderr
    assert "Timeout" in said and "test_blocks_in_a_qt_event_loop" in said
