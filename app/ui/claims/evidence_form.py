"""The form to add evidence to a claim: a link, a document, or a person contacted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

EVIDENCE_FORMS = (("link", "A link"), ("document", "A document"), ("person", "A person contacted"))
CONTACT_METHODS = ("phone", "email", "in person", "message", "video call", "letter")


class EvidenceForm(QWidget):
    """Checks the required field inline, then emits what to store; the caller saves it."""

    evidenceSubmitted = Signal(str, dict)  # kind ("link" | "document" | "person"), its fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("evidenceKind")
        for kind, label in EVIDENCE_FORMS:
            self.kind_box.addItem(label, kind)
        self.pages = QStackedWidget()
        self.kind_box.currentIndexChanged.connect(self._on_kind)

        self.url = _line("https://…", "evidenceUrl")
        self.link_title = _line("What the page is (optional)", "evidenceTitle")
        self.link_note = _line("What it shows (optional)", "evidenceLinkNote")
        self.pages.addWidget(_form(("URL", self.url), ("Title", self.link_title), ("Note", self.link_note)))

        self.document_path = _line("Choose a file…", "evidencePath")
        self.choose_button = QPushButton("Choose…")
        self.choose_button.clicked.connect(self.choose_document)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.document_path, 1)
        path_row.addWidget(self.choose_button)
        path_widget = QWidget()
        path_widget.setLayout(path_row)
        self.document_note = _line("What it shows (optional)", "evidenceDocumentNote")
        copy_hint = QLabel("A copy is kept in Claimdesk's data folder, with its SHA-256 fingerprint.")
        copy_hint.setWordWrap(True)
        copy_hint.setStyleSheet("color: gray")
        self.pages.addWidget(_form(("File", path_widget), ("Note", self.document_note), ("", copy_hint)))

        self.person_name = _line("Who", "evidencePersonName")
        self.person_role = _line("Their role, e.g. port authority spokesperson", "evidencePersonRole")
        self.person_how = QComboBox()
        self.person_how.setObjectName("evidencePersonHow")
        self.person_how.setEditable(True)
        self.person_how.addItems(CONTACT_METHODS)
        self.person_when = QDateTimeEdit(QDateTime.currentDateTime())
        self.person_when.setObjectName("evidencePersonWhen")
        self.person_when.setCalendarPopup(True)
        self.person_when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.person_note = _line("What they said (optional)", "evidencePersonNote")
        self.pages.addWidget(
            _form(
                ("Name", self.person_name),
                ("Role", self.person_role),
                ("How", self.person_how),
                ("When", self.person_when),
                ("Note", self.person_note),
            )
        )

        self._fit_page()
        self.problem = QLabel()
        self.problem.setObjectName("evidenceProblem")
        self.problem.setStyleSheet("color: #d13b3b")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.add_button = QPushButton("Add evidence")
        self.add_button.setObjectName("addEvidenceButton")
        self.add_button.clicked.connect(self.submit)
        for line in (self.url, self.link_title, self.link_note, self.document_path, self.document_note):
            line.returnPressed.connect(self.submit)
        for line in (self.person_name, self.person_role, self.person_note):
            line.returnPressed.connect(self.submit)

        top = QHBoxLayout()
        top.addWidget(QLabel("Add"))
        top.addWidget(self.kind_box, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addLayout(bottom)

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def focus_first_field(self) -> None:
        first = {"link": self.url, "document": self.choose_button, "person": self.person_name}
        first[self.kind()].setFocus()

    def choose_document(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attach a document", str(Path.home()))
        if path:
            self.document_path.setText(path)

    def submit(self) -> None:
        """Emit the evidence if its required field is filled; else say which, and focus it."""
        kind = self.kind()
        fields: dict[str, object]
        if kind == "link":
            if not self.url.text().strip():
                return self._refuse("Give the link's address (URL).", self.url)
            fields = {"url": self.url.text().strip(), "note": _joined(self.link_title, self.link_note)}
        elif kind == "document":
            path = Path(self.document_path.text().strip()).expanduser()
            if not self.document_path.text().strip() or not path.is_file():
                return self._refuse("Choose a file that exists on this computer.", self.document_path)
            fields = {"path": str(path), "note": self.document_note.text().strip()}
        else:
            if not self.person_name.text().strip():
                return self._refuse("Give the name of the person contacted.", self.person_name)
            fields = {
                "name": self.person_name.text().strip(),
                "role": self.person_role.text().strip(),
                "how": self.person_how.currentText().strip(),
                "when": _aware(self.person_when.dateTime()),
                "note": self.person_note.text().strip(),
            }
        self.problem.hide()
        self.evidenceSubmitted.emit(kind, fields)

    def clear(self) -> None:
        """Empty the fields after the evidence was saved; the kind stays for the next one."""
        for line in (self.url, self.link_title, self.link_note, self.document_path, self.document_note):
            line.clear()
        for line in (self.person_name, self.person_role, self.person_note):
            line.clear()
        self.person_when.setDateTime(QDateTime.currentDateTime())
        self.problem.hide()

    def _fit_page(self) -> None:
        """A stack is as tall as its tallest page: let only the shown page count, so the list gets room."""
        shown, hidden = QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored
        for i in range(self.pages.count()):
            policy = shown if i == self.pages.currentIndex() else hidden
            page = self.pages.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.adjustSize()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.problem.setText(message)
        self.problem.show()
        field.setFocus()

    def _on_kind(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self._fit_page()
        self.problem.hide()


def _aware(moment: QDateTime) -> datetime:
    """The local time picked, as the aware UTC moment the database keeps."""
    value = moment.toPython()
    assert isinstance(value, datetime)
    return value.astimezone(UTC)


def _line(placeholder: str, name: str) -> QLineEdit:
    line = QLineEdit()
    line.setPlaceholderText(placeholder)
    line.setObjectName(name)
    return line


def _form(*rows: tuple[str, QWidget]) -> QWidget:
    page = QWidget()
    form = QFormLayout(page)
    form.setContentsMargins(0, 4, 0, 4)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    for label, widget in rows:
        form.addRow(label, widget)
    return page


def _joined(title: QLineEdit, note: QLineEdit) -> str:
    """The evidence table has no title column: a link's title leads its note."""
    parts = [title.text().strip(), note.text().strip()]
    return " — ".join(p for p in parts if p)
