"""A claim's notes, rendered from Markdown, and the box to write the next one."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import NoteRecord
from app.ui import shortcuts as keys
from app.ui.claims.history_view import local_time
from app.ui.markdown_render import OfflineTextBrowser, render_markdown


@lru_cache(maxsize=256)  # records are frozen: a claim shown again costs nothing to render
def notes_html(notes: tuple[NoteRecord, ...]) -> str:
    if not notes:
        return "<p style='color:gray'>No notes yet. Write the first one below.</p>"
    items = []
    for note in notes:
        who = escape(note.author or "unknown")
        items.append(
            f"<p style='color:gray; margin-bottom:0'>{who} · {local_time(note.created_at)}</p>"
            f"<div>{render_markdown(note.body)}</div>"
        )
    return "<hr>".join(items)


class NoteInput(QPlainTextEdit):
    """Ctrl+Enter saves the note here, even where the window uses Ctrl+Enter for something else."""

    submitted = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and keys.SAVE_NOTE.matches(event)
        ):
            event.accept()  # claim the key before any window-wide shortcut does
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if keys.SAVE_NOTE.matches(event):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class NotesView(QWidget):
    """Saved notes are shown rendered; the input below takes Markdown (Ctrl+Enter saves)."""

    noteSubmitted = Signal(str)  # the note's Markdown source

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = OfflineTextBrowser()
        self.notes.setObjectName("notesView")
        self.notes.setAccessibleName("Notes on this claim")
        self.note_input = NoteInput()
        self.note_input.setObjectName("noteInput")
        self.note_input.setAccessibleName("New note, in Markdown")
        self.note_input.setPlaceholderText(
            "Write a note about this claim (Markdown: **bold**, *italic*, - lists, [links](…))"
        )
        self.note_input.setTabChangesFocus(True)
        self.preview = OfflineTextBrowser()
        self.preview.setObjectName("notePreview")
        self.writing = QStackedWidget()
        self.writing.addWidget(self.note_input)
        self.writing.addWidget(self.preview)
        self.writing.setFixedHeight(84)  # the saved notes get the room; the box scrolls
        self.preview_button = QPushButton("Preview")
        self.preview_button.setObjectName("notePreviewButton")
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip("See the note as it will be shown; click again to go on writing")
        self.preview_button.toggled.connect(self._show_preview)
        self.add_note_button = QPushButton("Add note")
        self.add_note_button.setObjectName("addNoteButton")
        self.add_note_button.setToolTip("Ctrl+Enter")
        self.add_note_button.clicked.connect(self._submit)
        self.note_input.submitted.connect(self._submit)

        hint = QLabel("Ctrl+Enter adds the note. Links are shown, never opened.")
        hint.setStyleSheet("color: gray")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.add_note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.writing)
        layout.addLayout(buttons)

    def show_notes(self, notes: tuple[NoteRecord, ...]) -> None:
        if not self.notes.show_html(notes_html(notes)):
            return
        bar = self.notes.verticalScrollBar()
        bar.setValue(bar.maximum())  # the newest note is the one the user just wrote

    def note_saved(self) -> None:
        self.note_input.clear()
        self.preview_button.setChecked(False)

    def _show_preview(self, shown: bool) -> None:
        if shown:
            self.preview.show_html(render_markdown(self.note_input.toPlainText()))
        self.writing.setCurrentWidget(self.preview if shown else self.note_input)
        if not shown:
            self.note_input.setFocus()

    def _submit(self) -> None:
        body = self.note_input.toPlainText().strip()
        if body:
            self.noteSubmitted.emit(body)
        else:
            self.note_input.setFocus()
