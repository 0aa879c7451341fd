"""The form to add evidence to a claim (a link, a document, or a person contacted), or to change one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeyEvent
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

from app.domain.contacts import CONTACT_OUTCOMES
from app.domain.records import EvidenceRecord
from app.ui.claims.undo_notice import UndoNotice
from app.ui.muted_label import MutedLabel
from app.ui.translation import QT_TRANSLATE_NOOP, outcome_label, translate

EVIDENCE_FORMS = (
    ("link", QT_TRANSLATE_NOOP("EvidenceForm", "A link")),
    ("document", QT_TRANSLATE_NOOP("EvidenceForm", "A document")),
    ("person", QT_TRANSLATE_NOOP("EvidenceForm", "A person contacted")),
)
CONTACT_METHODS = (
    QT_TRANSLATE_NOOP("EvidenceForm", "phone"),
    QT_TRANSLATE_NOOP("EvidenceForm", "email"),
    QT_TRANSLATE_NOOP("EvidenceForm", "in person"),
    QT_TRANSLATE_NOOP("EvidenceForm", "message"),
    QT_TRANSLATE_NOOP("EvidenceForm", "video call"),
    QT_TRANSLATE_NOOP("EvidenceForm", "letter"),
)  # suggestions: what is typed or chosen is kept as it reads


class EvidenceForm(QWidget):
    """Checks the required field inline, then emits what to store; the caller saves it.

    `start_editing` fills the form with an item to change; Save changes emits `evidenceEdited`.
    """

    evidenceSubmitted = Signal(str, dict)  # kind ("link" | "document" | "person"), its fields
    evidenceEdited = Signal(int, dict)  # the item's id, its fields as edit_evidence takes them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("evidenceKind")
        for kind, label in EVIDENCE_FORMS:
            self.kind_box.addItem(translate("EvidenceForm", label), kind)
        self.pages = QStackedWidget()
        self.kind_box.currentIndexChanged.connect(self._on_kind)

        self.url = _line("https://…", "evidenceUrl")
        self.link_title = _line(
            translate("EvidenceForm", "What the page is (optional)"),
            "evidenceTitle",
        )
        self.link_note = _line(
            translate("EvidenceForm", "What it shows (optional)"),
            "evidenceLinkNote",
        )
        self.pages.addWidget(
            _form(
                (translate("EvidenceForm", "URL"), self.url),
                (translate("EvidenceForm", "Title"), self.link_title),
                (translate("EvidenceForm", "Note"), self.link_note),
            )
        )

        self.document_path = _line(translate("EvidenceForm", "Choose a file…"), "evidencePath")
        self.choose_button = QPushButton(translate("EvidenceForm", "Choose…"))
        self.choose_button.clicked.connect(self.choose_document)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.document_path, 1)
        path_row.addWidget(self.choose_button)
        path_widget = QWidget()
        path_widget.setLayout(path_row)
        self.document_note = _line(
            translate("EvidenceForm", "What it shows (optional)"),
            "evidenceDocumentNote",
        )
        copy_hint = MutedLabel(
            translate(
                "EvidenceForm", "A copy is kept in Claimdesk's data folder, with its SHA-256 fingerprint."
            )
        )
        copy_hint.setWordWrap(True)
        self.pages.addWidget(
            _form(
                (translate("EvidenceForm", "File"), path_widget),
                (translate("EvidenceForm", "Note"), self.document_note),
                ("", copy_hint),
            )
        )

        self.person_name = _line(translate("EvidenceForm", "Who"), "evidencePersonName")
        self.person_role = _line(
            translate("EvidenceForm", "Their role, e.g. port authority spokesperson"),
            "evidencePersonRole",
        )
        self.person_how = QComboBox()
        self.person_how.setObjectName("evidencePersonHow")
        self.person_how.setEditable(True)
        self.person_how.addItems([translate("EvidenceForm", method) for method in CONTACT_METHODS])
        self.person_when = QDateTimeEdit(QDateTime.currentDateTime())
        self.person_when.setObjectName("evidencePersonWhen")
        self.person_when.setCalendarPopup(True)
        self.person_when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.person_outcome = QComboBox()
        self.person_outcome.setObjectName("evidencePersonOutcome")
        self.person_outcome.addItem(translate("EvidenceForm", "(not said)"), "")
        for outcome in CONTACT_OUTCOMES:
            self.person_outcome.addItem(outcome_label(outcome).capitalize(), outcome)
        self.person_note = _line(
            translate("EvidenceForm", "What they said (optional)"),
            "evidencePersonNote",
        )
        self.pages.addWidget(
            _form(
                (translate("EvidenceForm", "Name"), self.person_name),
                (translate("EvidenceForm", "Role"), self.person_role),
                (translate("EvidenceForm", "How"), self.person_how),
                (translate("EvidenceForm", "When"), self.person_when),
                (translate("EvidenceForm", "Outcome"), self.person_outcome),
                (translate("EvidenceForm", "Note"), self.person_note),
            )
        )

        self._fit_page()
        self.problem = QLabel()
        self.problem.setObjectName("evidenceProblem")
        self.problem.setStyleSheet("color: #d13b3b")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.add_button = QPushButton(translate("EvidenceForm", "Add evidence"))
        self.add_button.setObjectName("addEvidenceButton")
        self.add_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(translate("EvidenceForm", "Cancel"))
        self.cancel_button.setObjectName("cancelEvidenceEdit")
        self.cancel_button.setToolTip(translate("EvidenceForm", "Keep the item as it was (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_editing)
        self.cancel_button.hide()
        self._editing: EvidenceRecord | None = None
        self.undo_notice = UndoNotice("undoEvidenceRemoval")
        for line in (self.url, self.link_title, self.link_note, self.document_path, self.document_note):
            line.returnPressed.connect(self.submit)
        for line in (self.person_name, self.person_role, self.person_note):
            line.returnPressed.connect(self.submit)

        top = QHBoxLayout()
        self.verb = QLabel(translate("EvidenceForm", "Add"))
        top.addWidget(self.verb)
        top.addWidget(self.kind_box, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addLayout(bottom)
        layout.addWidget(self.undo_notice)

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def focus_first_field(self) -> None:
        first = {"link": self.url, "document": self.choose_button, "person": self.person_name}
        if self._editing is not None and self.kind() == "document":
            first["document"] = self.document_note
        first[self.kind()].setFocus()

    def choose_document(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("EvidenceForm", "Attach a document"), str(Path.home())
        )
        if path:
            self.document_path.setText(path)

    def submit(self) -> None:
        """Emit the evidence if its required field is filled; else say which, and focus it."""
        kind = self.kind()
        fields: dict[str, object]
        if kind == "link":
            if not self.url.text().strip():
                return self._refuse(translate("EvidenceForm", "Give the link's address (URL)."), self.url)
            fields = {"url": self.url.text().strip(), "note": _joined(self.link_title, self.link_note)}
        elif kind == "document" and self._editing is not None:
            fields = {"note": self.document_note.text().strip()}  # the kept copy stays as it is
        elif kind == "document":
            path = Path(self.document_path.text().strip()).expanduser()
            if not self.document_path.text().strip() or not path.is_file():
                return self._refuse(
                    translate("EvidenceForm", "Choose a file that exists on this computer."),
                    self.document_path,
                )
            fields = {"path": str(path), "note": self.document_note.text().strip()}
        else:
            if not self.person_name.text().strip():
                return self._refuse(
                    translate("EvidenceForm", "Give the name of the person contacted."), self.person_name
                )
            fields = {
                "name": self.person_name.text().strip(),
                "role": self.person_role.text().strip(),
                "how": self.person_how.currentText().strip(),
                "when": _aware(self.person_when.dateTime()),
                "outcome": str(self.person_outcome.currentData() or ""),
                "note": self.person_note.text().strip(),
            }
        self.problem.hide()
        if self._editing is not None:
            self.evidenceEdited.emit(self._editing.id, fields)
        else:
            self.evidenceSubmitted.emit(kind, fields)

    def editing(self) -> EvidenceRecord | None:
        """The item being changed, if any."""
        return self._editing

    def start_editing(self, item: EvidenceRecord) -> None:
        """Fill the form with an item to change; its kind stays (and a document's file)."""
        self.clear()
        self._editing = item
        kind = "link" if item.kind == "url" else item.kind
        if self.kind_box.findData(kind) < 0:
            return  # an "other" item has no form
        self.set_kind(kind)
        self.kind_box.setEnabled(False)
        if kind == "link":
            self.url.setText(item.reference)
            self.link_note.setText(item.note)
        elif kind == "document":
            self.document_path.setText(item.reference)
            self.document_note.setText(item.note)
        else:
            self.person_name.setText(item.reference)
            self.person_role.setText(item.role or "")
            self.person_how.setCurrentText(item.contact_method or "")
            if item.contacted_at is not None:
                self.person_when.setDateTime(QDateTime.fromSecsSinceEpoch(int(item.contacted_at.timestamp())))
            self.person_outcome.setCurrentIndex(max(self.person_outcome.findData(item.outcome or ""), 0))
            self.person_note.setText(item.note)
        self.document_path.setReadOnly(kind == "document")
        self.choose_button.setEnabled(kind != "document")
        self.verb.setText(translate("EvidenceForm", "Change"))
        self.add_button.setText(translate("EvidenceForm", "Save changes"))
        self.cancel_button.show()
        self.focus_first_field()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._editing is not None:
            self.cancel_editing()
            return
        super().keyPressEvent(event)

    def cancel_editing(self) -> None:
        """Leave the item as it is; the form is for adding again."""
        if self._editing is not None:
            self.clear()

    def clear(self) -> None:
        """Empty the fields after the evidence was saved; the kind stays for the next one."""
        self._editing = None
        self.kind_box.setEnabled(True)
        self.document_path.setReadOnly(False)
        self.choose_button.setEnabled(True)
        self.verb.setText(translate("EvidenceForm", "Add"))
        self.add_button.setText(translate("EvidenceForm", "Add evidence"))
        self.cancel_button.hide()
        self.person_outcome.setCurrentIndex(0)
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
