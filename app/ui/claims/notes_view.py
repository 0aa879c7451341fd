"""A claim's notes, rendered from Markdown, each with Edit and Remove; the box to write the next one
(or to reword the note being edited)."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import NoteRecord
from app.ui import shortcuts as keys
from app.ui.claims.history_view import local_time
from app.ui.claims.item_browser import ItemBrowser, item_actions, item_anchor, mark_web_links
from app.ui.claims.undo_notice import UndoNotice
from app.ui.markdown_render import OfflineTextBrowser, render_markdown
from app.ui.muted_label import MutedLabel
from app.ui.translation import QT_TRANSLATE_NOOP, translate

NEW_NOTE_HINT = QT_TRANSLATE_NOOP("NotesView", "Ctrl+Enter adds the note")
NEW_NOTE_TIP = QT_TRANSLATE_NOOP(
    "NotesView",
    "Notes are Markdown. A link (marked ↗) opens in your browser only when you click it; nothing is"
    " loaded by itself. F2 edits the note in hand, Delete removes it (Ctrl+Z brings it back).",
)


@lru_cache(maxsize=256)  # records are frozen: a claim shown again costs nothing to render
def notes_html(notes: tuple[NoteRecord, ...]) -> str:
    if not notes:
        return (
            "<p class='muted'>" + translate("NotesView", "No notes yet. Write the first one below.") + "</p>"
        )
    items = []
    for note in ordered(notes):
        who = escape(note.author or translate("NotesView", "unknown"))
        edited = translate("NotesView", " · edited") if note.replaces_id is not None else ""
        items.append(
            f"{item_anchor(note.id)}<p class='muted' style='margin-bottom:0'>{who} · "
            f"{local_time(note.created_at)}{edited} &nbsp; {item_actions(note.id)}</p>"
            f"<div>{mark_web_links(render_markdown(note.body))}</div>"
        )
    return "<hr>".join(items)


def ordered(notes: tuple[NoteRecord, ...]) -> tuple[NoteRecord, ...]:
    """In the order first written: an edited note keeps its place (its new row keeps that time)."""
    return tuple(sorted(notes, key=lambda note: (note.created_at, note.id)))


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

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if keys.SAVE_NOTE.matches(event):
            self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.cancelled.emit()
        super().keyPressEvent(event)


class NotesView(QWidget):
    """Saved notes are shown rendered; the input below takes Markdown (Ctrl+Enter saves).

    Edit (F2) puts a note's Markdown in the input to reword; Remove (Delete) takes it off at once,
    with an Undo link instead of a question.
    """

    noteSubmitted = Signal(str)  # the note's Markdown source
    noteEdited = Signal(int, str)  # the note's id, its new Markdown source
    noteRemoved = Signal(int)  # the note's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: dict[int, NoteRecord] = {}
        self._editing: int | None = None  # the note being reworded in the input
        self._stashed = ""  # a new note being written when Edit was chosen: back after the edit
        self.notes = ItemBrowser()
        self.notes.setObjectName("notesView")
        self.notes.setAccessibleName(translate("NotesView", "Notes on this claim"))
        self.note_input = NoteInput()
        self.note_input.setObjectName("noteInput")
        self.note_input.setAccessibleName(translate("NotesView", "New note, in Markdown"))
        self.note_input.setPlaceholderText(
            translate(
                "NotesView",
                "Write a note about this claim (Markdown: **bold**, *italic*, - lists, [links](…))",
            )
        )
        self.note_input.setTabChangesFocus(True)
        self.preview = OfflineTextBrowser()
        self.preview.setObjectName("notePreview")
        self.writing = QStackedWidget()
        self.writing.addWidget(self.note_input)
        self.writing.addWidget(self.preview)
        self.writing.setFixedHeight(84)  # the saved notes get the room; the box scrolls
        self.preview_button = QPushButton(translate("NotesView", "Preview"))
        self.preview_button.setObjectName("notePreviewButton")
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip(
            translate("NotesView", "See the note as it will be shown; click again to go on writing")
        )
        self.preview_button.toggled.connect(self._show_preview)
        self.add_note_button = QPushButton(translate("NotesView", "Add note"))
        self.add_note_button.setObjectName("addNoteButton")
        self.add_note_button.setToolTip(translate("NotesView", "Ctrl+Enter"))
        self.add_note_button.clicked.connect(self._submit)
        self.note_input.submitted.connect(self._submit)
        self.note_input.cancelled.connect(self.cancel_editing)
        self.cancel_button = QPushButton(translate("NotesView", "Cancel"))
        self.cancel_button.setObjectName("cancelNoteEdit")
        self.cancel_button.setToolTip(translate("NotesView", "Keep the note as it was (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_editing)
        self.cancel_button.hide()
        self.notes.editRequested.connect(self.start_editing)
        self.notes.removeRequested.connect(self.noteRemoved)
        self.undo_notice = UndoNotice("undoNoteRemoval")

        self.hint = MutedLabel(translate("NotesView", NEW_NOTE_HINT))
        self.hint.setToolTip(translate("NotesView", NEW_NOTE_TIP))
        self.hint.setObjectName("noteHint")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.add_note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.undo_notice)
        layout.addWidget(self.writing)
        layout.addLayout(buttons)

    def show_notes(self, notes: tuple[NoteRecord, ...]) -> None:
        self._shown = {note.id: note for note in notes}
        if self._editing is not None and self._editing not in self._shown:
            self.cancel_editing()  # undone or removed meanwhile: nothing left to reword
        if not self.notes.show_items_html(notes_html(notes)):
            return
        bar = self.notes.verticalScrollBar()
        bar.setValue(bar.maximum())  # the newest note is the one the user just wrote

    def note_saved(self) -> None:
        """The note was added (or another claim is shown): an empty box for the next one."""
        self._end_editing()
        self._stashed = ""
        self.note_input.clear()
        self.preview_button.setChecked(False)

    def shown(self, note_id: int) -> NoteRecord | None:
        """A note as the view shows it (with the version it was read at)."""
        return self._shown.get(note_id)

    def keep_as_draft(self, body: str) -> None:
        """Words that could not be saved over a colleague's change: back in the box, as a new note
        (after anything already being written there), so nothing typed is lost."""
        self.cancel_editing()
        before = self.note_input.toPlainText().rstrip()
        self.note_input.setPlainText(f"{before}\n\n{body}" if before else body)

    def editing(self) -> int | None:
        """The id of the note being reworded, if any."""
        return self._editing

    def draft_text(self) -> str:
        """What to keep as the claim's note draft: a new note being written, never an edit."""
        return self._stashed if self._editing is not None else self.note_input.toPlainText()

    def start_editing(self, note_id: int) -> None:
        """Put a note's Markdown in the box to reword it (a new note being written waits)."""
        note = self._shown.get(note_id)
        if note is None:
            return
        if self._editing is None:
            self._stashed = self.note_input.toPlainText()
        self._editing = note_id
        self.preview_button.setChecked(False)
        self.note_input.setPlainText(note.body)
        self.add_note_button.setText(translate("NotesView", "Save changes"))
        self.cancel_button.show()
        self.hint.setText(translate("NotesView", "Editing · Ctrl+Enter saves · Esc cancels"))
        self.hint.setToolTip(
            translate(
                "NotesView", "Rewording the note of {when}; the earlier wording stays in the History"
            ).format(when=local_time(note.created_at))
        )
        self.note_input.setFocus()

    def edit_saved(self) -> None:
        """The reworded note was saved: back to writing a new note, with what was typed before."""
        self.cancel_editing()

    def cancel_editing(self) -> None:
        if self._editing is None:
            return
        self._end_editing()
        self.note_input.setPlainText(self._stashed)
        self._stashed = ""

    def _end_editing(self) -> None:
        self._editing = None
        self.add_note_button.setText(translate("NotesView", "Add note"))
        self.cancel_button.hide()
        self.hint.setText(translate("NotesView", NEW_NOTE_HINT))
        self.hint.setToolTip(translate("NotesView", NEW_NOTE_TIP))

    def _show_preview(self, shown: bool) -> None:
        if shown:
            self.preview.show_html(render_markdown(self.note_input.toPlainText()))
        self.writing.setCurrentWidget(self.preview if shown else self.note_input)
        if not shown:
            self.note_input.setFocus()

    def _submit(self) -> None:
        body = self.note_input.toPlainText().strip()
        if not body:
            self.note_input.setFocus()
        elif self._editing is not None:
            self.noteEdited.emit(self._editing, body)
        else:
            self.noteSubmitted.emit(body)
