"""Preferences > Library: the library on this computer, or a newsroom library on a PostgreSQL
server (issue 19), opened from the next start (app/cli.py reads the choice).

The server's address is kept in the settings without a password; a password typed here goes to
~/.pgpass, readable by the user alone (app/storage/server_credentials.py). "Test connection" is the
only thing here that reaches the network, and only when pressed: offline is a promise.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.errors import ClaimdeskError
from app.services import newsroom
from app.ui import workers
from app.ui.dialogs.form_parts import form_row, hint
from app.ui.settings import NEWSROOM_ADDRESS, NEWSROOM_URL
from app.ui.translation import QT_TRANSLATE_NOOP, translate

SSL_NAMES = (
    ("disable", QT_TRANSLATE_NOOP("PreferencesDialog", "No encryption (disable)")),
    ("prefer", QT_TRANSLATE_NOOP("PreferencesDialog", "Encrypted when the server offers it (prefer)")),
    ("require", QT_TRANSLATE_NOOP("PreferencesDialog", "Always encrypted (require)")),
    ("verify-full", QT_TRANSLATE_NOOP("PreferencesDialog", "Encrypted, certificate checked (verify-full)")),
)
VERDICTS = {
    "ready": QT_TRANSLATE_NOOP(
        "PreferencesDialog", "Connected to {database} as {role} (PostgreSQL {version}): ready to use."
    ),
    "set_up": QT_TRANSLATE_NOOP(
        "PreferencesDialog",
        "Connected as {role}, who owns {database}: the first start sets up its newsroom library.",
    ),
    "empty": QT_TRANSLATE_NOOP(
        "PreferencesDialog",
        "Connected as {role}, but {database} holds no Claimdesk library yet: its administrator sets it up "
        "(claimdesk newsroom prepare).",
    ),
    "no_rights": QT_TRANSLATE_NOOP(
        "PreferencesDialog",
        "Connected as {role}, but this role has no rights on the newsroom library: ask its administrator "
        "to add you (claimdesk newsroom add-editor {role}).",
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "PreferencesDialog", "Connected as {role}: this role may read the newsroom library but not change it."
    ),
    "older": QT_TRANSLATE_NOOP(
        "PreferencesDialog",
        "Connected as {role}, but the newsroom library must first be upgraded by its administrator.",
    ),
    "newer": QT_TRANSLATE_NOOP(
        "PreferencesDialog",
        "Connected as {role}, but the newsroom library was written by a newer Claimdesk: install it first.",
    ),
}


class LibrarySection(QGroupBox):
    """The choice of library and the server's address; `save` keeps them, `changed` says when
    what is entered can or cannot be saved (see `problem`)."""

    changed = Signal()

    def __init__(self, open_now: tuple[str, bool] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(translate("PreferencesDialog", "Newsroom server"), parent)
        self.setObjectName("preferencesLibrary")
        chosen = NEWSROOM_URL.read()
        address = newsroom.ServerAddress.from_text(chosen or NEWSROOM_ADDRESS.read())
        self.local_choice = QRadioButton(translate("PreferencesDialog", "The library on this &computer"))
        self.server_choice = QRadioButton(translate("PreferencesDialog", "A newsroom &server (PostgreSQL)"))
        (self.server_choice if chosen else self.local_choice).setChecked(True)

        self.host_input = _line(
            address.host, translate("PreferencesDialog", "news.example.org (empty: this computer)")
        )
        self.port_input = QSpinBox()
        self.port_input.setRange(1, 65535)
        self.port_input.setValue(address.port)
        self.database_input = _line(address.database, "claimdesk")
        self.user_input = _line(address.user, _login_name())
        self.password_input = _line("", "")
        self.password_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.ssl_combo = QComboBox()
        for mode, label in SSL_NAMES:
            self.ssl_combo.addItem(translate("PreferencesDialog", label), mode)
        self.ssl_combo.setCurrentIndex(max(0, self.ssl_combo.findData(address.sslmode)))
        self.ca_input = _line(
            address.ca_file, translate("PreferencesDialog", "The newsroom's CA certificate (.pem)")
        )
        self.ca_button = QPushButton(translate("PreferencesDialog", "&Browse…"))
        self.ca_button.clicked.connect(self._choose_ca_file)
        self.test_button = QPushButton(translate("PreferencesDialog", "&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = _plain_label("", secondary=False)
        self.test_job: workers.Job | None = None
        self.now_label = _plain_label(_open_now_text(open_now), secondary=False)
        self.now_label.setObjectName("preferencesLibraryNow")
        self.next_start = _plain_label(
            translate("PreferencesDialog", "Claimdesk opens the library chosen here when it next starts.")
        )

        port_label = QLabel(translate("PreferencesDialog", "&Port"))
        port_label.setBuddy(self.port_input)
        form = self.form = QFormLayout(self)
        form.addRow(self.now_label)
        form.addRow(self.local_choice)
        form.addRow(self.server_choice)
        host_row = _beside(self.host_input, port_label, self.port_input)
        ca_row = _beside(self.ca_input, self.ca_button)
        form_row(form, translate("PreferencesDialog", "&Host"), host_row, self.host_input)
        form_row(form, translate("PreferencesDialog", "&Database"), self.database_input)
        form_row(form, translate("PreferencesDialog", "&Role"), self.user_input)
        form_row(form, translate("PreferencesDialog", "Pass&word"), self.password_input)
        form_row(form, translate("PreferencesDialog", "&Encryption"), self.ssl_combo)
        form_row(form, translate("PreferencesDialog", "C&A file"), ca_row, self.ca_input)
        self.password_hint = _plain_label("")
        form.insertRow(form.rowCount() - 2, "", self.password_hint)
        form.addRow("", _beside(self.test_button))
        form.addRow("", self.test_result)
        form.addRow(self.next_start)
        form.setRowVisible(self.now_label, bool(self.now_label.text()))
        self.server_fields = [self.host_input, self.port_input, self.database_input, self.user_input,
                              self.password_input, self.ssl_combo, self.test_button]  # fmt: skip
        for signal in (self.server_choice.toggled, self.host_input.textChanged,
                       self.database_input.textChanged, self.user_input.textChanged,
                       self.ssl_combo.currentIndexChanged, self.port_input.valueChanged):  # fmt: skip
            signal.connect(self._update)
        self._update()

    def address(self) -> newsroom.ServerAddress:
        return newsroom.ServerAddress(
            host=self.host_input.text().strip(), port=self.port_input.value(),
            database=self.database_input.text().strip(), user=self.user_input.text().strip(),
            sslmode=str(self.ssl_combo.currentData()), ca_file=self.ca_input.text().strip(),
        )  # fmt: skip

    def problem(self) -> str | None:
        """Why what is entered can't be saved (a server without a database's name), or None."""
        if self.server_choice.isChecked() and not self.database_input.text().strip():
            return translate("PreferencesDialog", "Name the newsroom database.")
        return None

    def _update(self) -> None:
        on_server = self.server_choice.isChecked()
        for field in self.server_fields:
            field.setEnabled(on_server)
        verify = on_server and self.ssl_combo.currentData() == "verify-full"
        self.ca_input.setEnabled(verify)
        self.ca_button.setEnabled(verify)
        self.password_hint.setText(self._password_hint())
        self.password_hint.setEnabled(on_server)
        self._say(self.problem() or "")
        self.changed.emit()

    def _say(self, text: str) -> None:
        """The line under "Test connection": the server's answer, or what is missing; no empty row."""
        self.test_result.setText(text)
        self.form.setRowVisible(self.test_result, bool(text))
        QTimer.singleShot(0, self, self._fit_window)

    def _fit_window(self) -> None:
        """Grow the dialog to what the wrapped lines here now need: a shown window keeps its size,
        and would squeeze wrapped labels (the answer, the hints) into clipped lines instead."""
        if not self.isVisible():
            return
        short = self.heightForWidth(self.width()) - self.height()
        if short > 0:
            window = self.window()
            window.resize(window.width(), window.height() + short)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_window)  # once laid out at its real width

    def _password_hint(self) -> str:
        kept = False
        if self.database_input.text().strip():
            try:
                kept = newsroom.has_password(self.address().text())
            except ClaimdeskError:
                kept = False
        where = newsroom.password_file_name()
        if kept:
            text = translate(
                "PreferencesDialog", "A password for this role is kept in {file}: one typed here replaces it."
            )
        else:
            text = translate(
                "PreferencesDialog", "Kept in {file}, readable by you alone; never in the settings."
            )
        return text.format(file=where)

    def test_connection(self) -> None:
        """Connect once, on a worker, with what is entered now; say what the server answered."""
        if self.problem() is not None or self.test_job is not None:
            return
        address, password = self.address().text(), self.password_input.text()
        self.test_button.setEnabled(False)
        self._say(translate("PreferencesDialog", "Connecting…"))
        self.test_job = workers.start(
            lambda _job: newsroom.check_connection(address, password),
            self._tested,
            translate("PreferencesDialog", "testing the connection"),
        )

    def _tested(self, result: object) -> None:
        self.test_job = None
        self.test_button.setEnabled(self.server_choice.isChecked())
        if isinstance(result, ClaimdeskError):
            self._say(translate("PreferencesDialog", "Could not connect. {reason}").format(reason=result))
            return
        assert isinstance(result, newsroom.ServerStatus)
        text = translate("PreferencesDialog", VERDICTS[result.verdict()])
        self._say(text.format(role=result.role, database=result.database, version=result.server_version))

    def _choose_ca_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("PreferencesDialog", "The newsroom's CA certificate"), self.ca_input.text(),
            translate("PreferencesDialog", "Certificates (*.pem *.crt *.cer);;All files (*)"),
        )  # fmt: skip
        if path:
            self.ca_input.setText(path)

    def save(self, store: QSettings) -> None:
        """Keep the choice and the address (the password in ~/.pgpass first: if that fails, nothing
        is kept and the error says why)."""
        if self.database_input.text().strip():
            address = self.address().text()
            if self.server_choice.isChecked() and self.password_input.text():
                newsroom.remember_password(address, self.password_input.text())
            NEWSROOM_ADDRESS.write(address, store)
        NEWSROOM_URL.write(NEWSROOM_ADDRESS.read(store) if self.server_choice.isChecked() else "", store)


def _open_now_text(open_now: tuple[str, bool] | None) -> str:
    if open_now is None:
        return ""
    name, shared = open_now
    if shared:
        return translate("PreferencesDialog", "Open now: the newsroom library {name}").format(name=name)
    return translate("PreferencesDialog", "Open now: the library on this computer, {name}").format(name=name)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _line(text: str, placeholder: str) -> QLineEdit:
    line = QLineEdit(text)
    line.setPlaceholderText(placeholder)
    return line


def _plain_label(text: str, *, secondary: bool = True) -> QLabel:
    """A line the server or the user's input may fill: always plain text, wrapped."""
    label = hint(text) if secondary else QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _beside(*widgets: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    if not any(isinstance(widget, QLineEdit) for widget in widgets):
        row.addStretch(1)
    return box
