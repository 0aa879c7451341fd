"""The editor under the claims list: the claim in full, its status, its notes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.statuses import STATUSES
from app.storage.records import ClaimRecord
from app.ui.status_icons import status_icon


class ClaimEditor(QWidget):
    """Emits what the user decided; the window saves it through the services."""

    statusChosen = Signal(int, str)  # claim id, status id
    noteSubmitted = Signal(int, str)  # claim id, note body

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim: ClaimRecord | None = None
        self.sentence = QLabel(
            wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.sentence.setObjectName("claimSentence")
        self.facts = QLabel(wordWrap=True)
        self.facts.setObjectName("claimFacts")
        self.status_box = QComboBox()
        self.status_box.setObjectName("statusBox")
        for s in STATUSES:
            self.status_box.addItem(status_icon(s.id), f"{s.label}   ({s.key})", s.id)
        self.status_box.activated.connect(self._on_status)
        self.notes = QTextBrowser()
        self.notes.setObjectName("notesView")
        self.notes.setOpenLinks(False)
        self.note_input = QPlainTextEdit()
        self.note_input.setObjectName("noteInput")
        self.note_input.setPlaceholderText("Write a note about this claim…  (Ctrl+Enter adds it)")
        self.note_input.setFixedHeight(70)
        self.add_note_button = QPushButton("Add note")
        self.add_note_button.setObjectName("addNoteButton")
        self.add_note_button.clicked.connect(self._on_add_note)
        QShortcut(QKeySequence("Ctrl+Return"), self.note_input, self._on_add_note)

        form = QFormLayout()
        form.addRow("Status", self.status_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.sentence)
        layout.addWidget(self.facts)
        layout.addLayout(form)
        layout.addWidget(QLabel("Notes"))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.note_input)
        layout.addLayout(buttons)
        self.show_claim(None)

    def show_claim(self, claim: ClaimRecord | None) -> None:
        self._claim = claim
        for widget in (self.status_box, self.note_input, self.add_note_button):
            widget.setEnabled(claim is not None)
        if claim is None:
            self.sentence.setText("<i>Choose a claim in the list to review it.</i>")
            self.facts.clear()
            self.notes.clear()
            return
        self.sentence.setText(f"<b>{escape(claim.text)}</b>")
        self.facts.setText(_facts_html(claim))
        self.status_box.setCurrentIndex(self.status_box.findData(claim.status))
        self.notes.setHtml(_notes_html(claim))

    def _on_status(self, index: int) -> None:
        if self._claim is not None:
            self.statusChosen.emit(self._claim.id, self.status_box.itemData(index))

    def _on_add_note(self) -> None:
        body = self.note_input.toPlainText().strip()
        if self._claim is not None and body:
            self.noteSubmitted.emit(self._claim.id, body)

    def note_saved(self) -> None:
        self.note_input.clear()


def _facts_html(claim: ClaimRecord) -> str:
    parts = [f"<b>Kind:</b> {escape(claim.kind)}"]
    if claim.source:
        source = escape(claim.source)
        if claim.source_refers_to:
            source += f" (= {escape(claim.source_refers_to)})"
        parts.append(f"<b>Source:</b> {source}")
    if claim.secondary_source:
        parts.append(f"<b>Citing:</b> {escape(claim.secondary_source)}")
    if claim.cues:
        parts.append("<b>Cues:</b> " + escape(", ".join(claim.cues)))
    if claim.hedges:
        parts.append("<b>Hedges:</b> " + escape(", ".join(claim.hedges)))
    if claim.figures:
        parts.append("<b>Figures:</b> " + escape(", ".join(claim.figures)))
    parts.append(
        f"<b>Score:</b> {claim.score:.2f}"
        + (f" ({escape(', '.join(claim.reasons))})" if claim.reasons else "")
    )
    return " &nbsp;·&nbsp; ".join(parts)


def _notes_html(claim: ClaimRecord) -> str:
    if not claim.notes:
        return "<p style='color:gray'>No notes yet.</p>"
    items = []
    for note in claim.notes:
        when = note.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        who = escape(note.author or "unknown")
        body = escape(note.body).replace("\n", "<br>")
        items.append(f"<p><span style='color:gray'>{who}, {when}</span><br>{body}</p>")
    return "".join(items)
