"""Preferences > Library (issue 19): choosing a newsroom server, testing the connection against a
real PostgreSQL server (tests/postgres_server.py), the password kept in ~/.pgpass at 0600 and never
in settings.ini, and the choice opened at the next start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from app import preferences
from app.cli import library_to_open
from app.config import DB_FILENAME, data_dir
from app.errors import StorageError
from app.services import newsroom
from app.storage.database import Database
from app.storage.newsroom_setup import add_editor
from app.storage.server import open_server_database
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.main_window import MainWindow
from app.ui.settings import NEWSROOM_ADDRESS, NEWSROOM_URL
from tests.postgres_server import PASSWORD_ROLE, PostgresServer
from tests.ui.job_support import finished


@pytest.fixture
def dialog(qtbot: QtBot) -> PreferencesDialog:
    widget = PreferencesDialog()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def password_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def _fill(
    dialog: PreferencesDialog, server: PostgresServer, database: str, role: str, password: str = ""
) -> None:
    section = dialog.library
    section.server_choice.setChecked(True)
    section.host_input.setText(str(server.socket_dir))
    section.port_input.setValue(server.port)
    section.database_input.setText(database)
    section.user_input.setText(role)
    section.password_input.setText(password)


def _test(dialog: PreferencesDialog, qtbot: QtBot) -> str:
    qtbot.mouseClick(dialog.library.test_button, Qt.MouseButton.LeftButton)
    finished(qtbot, dialog.library.test_job)
    return dialog.library.test_result.text()


def test_test_connection_says_who_we_are_there_and_ok_keeps_the_address(
    dialog: PreferencesDialog, qtbot: QtBot, postgres_server: PostgresServer, postgres_url: str,
    password_file: Path,
) -> None:  # fmt: skip
    database = make_url(postgres_url).database or ""
    _fill(dialog, postgres_server, database, "claimdesk_admin")
    assert dialog.library.test_job is None, "nothing reaches the network until Test connection is pressed"
    said = _test(dialog, qtbot)
    assert said.startswith(f"Connected to {database} as claimdesk_admin (PostgreSQL ") and "ready" in said
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    kept = NEWSROOM_URL.read()
    assert kept == preferences.newsroom_url() == NEWSROOM_ADDRESS.read()
    assert library_to_open(None, None) == kept, "the next start opens it"
    assert library_to_open("elsewhere.sqlite3", None) is None, "--db still opens a local file"
    db = open_server_database(kept)  # the address kept is one the app can open
    try:
        assert db.shared
        assert newsroom.library_name(db) == f"postgresql+psycopg://claimdesk_admin@/{database}?host=" + (
            f"{postgres_server.socket_dir}&port={postgres_server.port}"
        ), "what the window has open, without its connections' own names"
    finally:
        db.close()
    assert not password_file.exists(), "no password typed: none kept"


def test_a_wrong_database_name_or_a_stopped_server_gets_a_clear_message(
    dialog: PreferencesDialog, qtbot: QtBot, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    _fill(dialog, postgres_server, "no_such_desk", "claimdesk_admin")
    said = _test(dialog, qtbot)
    assert said.startswith("Could not connect. There is no such database on the newsroom server")
    assert 'database "no_such_desk" does not exist' in said
    dialog.library.host_input.setText(str(tmp_path))  # no server listens there
    said = _test(dialog, qtbot)
    assert "Cannot reach the newsroom server" in said and "is it running" in said


def test_the_password_goes_to_pgpass_at_0600_never_to_the_settings(
    dialog: PreferencesDialog, qtbot: QtBot, postgres_server: PostgresServer, postgres_url: str,
    password_file: Path, isolated_home: Path,
) -> None:  # fmt: skip
    add_editor(postgres_url, PASSWORD_ROLE, "right:horse\\battery")
    database = make_url(postgres_url).database or ""
    _fill(dialog, postgres_server, database, PASSWORD_ROLE, "wrong horse")
    assert "refused the password" in _test(dialog, qtbot)
    dialog.library.password_input.setText("right:horse\\battery")
    assert _test(dialog, qtbot).startswith(f"Connected to {database} as {PASSWORD_ROLE}")
    dialog.accept()
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert "right\\:horse\\\\battery" in password_file.read_text()  # libpq's escapes
    settings = (isolated_home / preferences.SETTINGS_FILE).read_text()
    assert "horse" not in settings and PASSWORD_ROLE in settings

    again = PreferencesDialog()  # the next time: the address read back, the password not shown
    qtbot.addWidget(again)
    assert again.library.server_choice.isChecked()
    assert (again.library.database_input.text(), again.library.user_input.text()) == (database, PASSWORD_ROLE)
    assert again.library.password_input.text() == ""
    assert "is kept in" in again.library.password_hint.text()
    assert _test(again, qtbot).startswith("Connected"), "with the password from the file"


def test_a_role_that_is_no_editor_is_told_to_ask_the_administrator(
    dialog: PreferencesDialog, qtbot: QtBot, postgres_server: PostgresServer, postgres_url: str
) -> None:
    outsider = f"outsider_{uuid.uuid4().hex[:8]}"
    postgres_server.execute(f"CREATE ROLE {outsider} LOGIN")
    _fill(dialog, postgres_server, make_url(postgres_url).database or "", outsider)
    said = _test(dialog, qtbot)
    assert said.startswith(f"Connected as {outsider}, but this role has no rights")
    assert f"claimdesk newsroom add-editor {outsider}" in said


def test_choosing_the_local_library_keeps_the_server_for_later(
    dialog: PreferencesDialog, qtbot: QtBot, postgres_server: PostgresServer
) -> None:
    _fill(dialog, postgres_server, "desk", "ana")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.library.database_input.setText("")
    assert not ok.isEnabled() and dialog.library.test_result.text() == "Name the newsroom database."
    dialog.library.database_input.setText("desk")
    assert ok.isEnabled()
    dialog.library.local_choice.setChecked(True)
    assert not dialog.library.host_input.isEnabled() and not dialog.library.test_button.isEnabled()
    dialog.accept()
    assert NEWSROOM_URL.read() == "" and library_to_open(None, None) is None
    assert make_url(NEWSROOM_ADDRESS.read()).database == "desk"
    later = PreferencesDialog()
    qtbot.addWidget(later)
    assert later.library.local_choice.isChecked() and later.library.database_input.text() == "desk"


def test_the_dialog_says_which_library_is_open_now(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    shown = PreferencesDialog(window)
    qtbot.addWidget(shown)
    assert shown.library.now_label.text() == f"Open now: the library on this computer, {db.path}"
    assert not shown.library.now_label.isHidden()


def test_the_next_start_opens_the_newsroom_library_chosen(
    postgres_server: PostgresServer, postgres_url: str, isolated_home: Path
) -> None:
    """The app itself, started as from the desktop (no arguments), with the choice in its settings."""
    dialog = PreferencesDialog()
    database = make_url(postgres_url).database or ""
    _fill(dialog, postgres_server, database, "claimdesk_admin")
    dialog.accept()
    dialog.deleteLater()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_HOME": str(isolated_home),
           "CLAIMDESK_QUIT_WHEN_READY": "1"}  # fmt: skip
    started = subprocess.run(
        [sys.executable, "-m", "app"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert not (isolated_home / DB_FILENAME).exists(), "the local library was not opened"
    assert (isolated_home / "newsroom").is_dir(), "the newsroom library's local side"
    with postgres_server.admin(database) as connection:
        articles = connection.execute("SELECT count(*) FROM article").fetchone()
    assert articles is not None and int(str(articles[0])) >= 1, "the first start's sample went to the server"


def test_a_chosen_server_that_cannot_be_reached_at_start_says_how_to_open_the_local_library(
    dialog: PreferencesDialog, postgres_server: PostgresServer, tmp_path: Path
) -> None:
    _fill(dialog, postgres_server, "desk", "ana")
    dialog.library.host_input.setText(str(tmp_path))  # nothing listens there: a train without a network
    dialog.accept()
    with pytest.raises(StorageError, match="Cannot reach the newsroom server") as raised:
        newsroom.open_newsroom(NEWSROOM_URL.read())
    assert f"claimdesk --db {data_dir() / DB_FILENAME}" in str(raised.value)
    with pytest.raises(StorageError) as other:  # an address from the command line: no such advice
        newsroom.open_newsroom(NEWSROOM_URL.read().replace("/desk", "/other"))
    assert "Preferences" not in str(other.value)
