"""Every keyboard shortcut, declared once: what it does, its keys, and where it works.

Menu actions take their keys from here (`action`), and the keys a widget handles itself (the
claims list's status keys, J/K, N, E) are listed here too and matched with `matches`, so one table
says everything a key does. `sheet()` gives that table as text, for a shortcut sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

from app.domain.statuses import STATUSES

Keys = tuple[str | QKeySequence.StandardKey, ...]
WINDOW, ARTICLE, CLAIMS, NOTE = "anywhere", "reading the article", "in the claims list", "writing a note"


@dataclass(frozen=True)
class Shortcut:
    label: str  # as in a menu, & marking its access key
    keys: Keys
    context: str
    description: str

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(key) for key in self.keys]

    def matches(self, event: QKeyEvent) -> bool:
        """A key press is this shortcut (for keys a widget handles itself)."""
        pressed = QKeySequence(event.keyCombination())
        exact = QKeySequence.SequenceMatch.ExactMatch
        return any(pressed.matches(sequence) == exact for sequence in self.sequences())

    @property
    def name(self) -> str:
        """The label as a sheet shows it: no access-key mark, no trailing ellipsis."""
        return self.label.replace("&", "").rstrip("…")

    def text(self) -> str:
        return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in self.sequences())


def action(shortcut: Shortcut, parent: QObject, slot: Callable[[], object]) -> QAction:
    """A menu action with the shortcut's label and keys."""
    made = menu_action(shortcut.label, parent, slot)
    made.setShortcuts(shortcut.sequences())
    return made


def menu_action(label: str, parent: QObject, slot: Callable[[], object]) -> QAction:
    """A menu action with no shortcut."""
    made = QAction(label, parent)
    made.triggered.connect(slot)
    return made


OPEN = Shortcut("&Open…", (QKeySequence.StandardKey.Open,), WINDOW, "open an article file")
MEMO = Shortcut("Verification &memo (PDF)…", ("Ctrl+E",), WINDOW, "the memo for an editor")
PRINT_PREVIEW = Shortcut("&Print preview…", (QKeySequence.StandardKey.Print,), WINDOW, "the memo, printed")
QUIT = Shortcut("&Quit", (QKeySequence.StandardKey.Quit,), WINDOW, "close Claimdesk (nothing is unsaved)")
UNDO = Shortcut("&Undo", ("Ctrl+Z",), WINDOW, "undo the last change to a claim")
REDO = Shortcut("&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), WINDOW, "redo it (Ctrl+Y: a Windows habit)")
SHOW_LIBRARY = Shortcut("Show &library", ("Ctrl+Shift+L",), WINDOW, "show or hide the library column")
IMPORT_FILES = Shortcut("&Import files…", ("Ctrl+Shift+O",), WINDOW, "add articles to the library")
PASTE_ARTICLE = Shortcut("&Paste as new article", ("Ctrl+Shift+V",), WINDOW, "an article from the clipboard")
KEYBOARD_HELP = Shortcut("&Keyboard shortcuts", ("F1",), WINDOW, "this list")
SEARCH = Shortcut("&Search the library", ("Ctrl+K",), WINDOW, "search articles, claims and notes")
ZOOM_IN = Shortcut("Zoom &in", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="), ARTICLE, "larger text")
ZOOM_OUT = Shortcut("Zoom &out", (QKeySequence.StandardKey.ZoomOut,), ARTICLE, "smaller text")
ZOOM_RESET = Shortcut("&Actual size", ("Ctrl+0",), ARTICLE, "the text at its usual size")
FIND = Shortcut("&Find in article…", (QKeySequence.StandardKey.Find,), ARTICLE, "find words in the article")
ADD_CLAIM = Shortcut(
    "&Add claim from selection", ("Ctrl+Return", "Ctrl+Enter"), ARTICLE, "the selected text becomes a claim"
)
SET_SPAN = Shortcut(
    "Set &span of selected claim to selection", (), ARTICLE, "the selected claim covers the selected text"
)
NEXT_CLAIM = Shortcut("Next claim", ("J",), CLAIMS, "move down the list")
PREVIOUS_CLAIM = Shortcut("Previous claim", ("K",), CLAIMS, "move up the list")
NOTE_KEY = Shortcut("Write a note", ("N",), CLAIMS, "open the notes at the note box")
EVIDENCE_KEY = Shortcut("Add evidence", ("E",), CLAIMS, "open the evidence form")
EDIT_KEY = Shortcut("Review the claim", ("Return", "Enter"), CLAIMS, "open the claim in the editor")
DISMISS_KEY = Shortcut("Dismiss", ("Delete", "Backspace"), CLAIMS, "hide a claim not worth checking (kept)")
SAVE_NOTE = Shortcut("Add the note", ("Ctrl+Return", "Ctrl+Enter"), NOTE, "save the note being written")
STATUS_KEYS = tuple(
    Shortcut(s.label, (s.key,), CLAIMS, f"set the status to {s.label}") for s in STATUSES if s.key
)

SHORTCUTS = (
    OPEN, MEMO, PRINT_PREVIEW, QUIT, UNDO, REDO, SHOW_LIBRARY, IMPORT_FILES, PASTE_ARTICLE, SEARCH,
    KEYBOARD_HELP, ZOOM_IN, ZOOM_OUT, ZOOM_RESET, FIND, ADD_CLAIM, SET_SPAN, NEXT_CLAIM, PREVIOUS_CLAIM,
    NOTE_KEY, EVIDENCE_KEY, EDIT_KEY, DISMISS_KEY, SAVE_NOTE, *STATUS_KEYS,
)  # fmt: skip


def sheet() -> str:
    """Every shortcut by where it works: keys, then what they do."""
    lines: list[str] = []
    for context in (WINDOW, ARTICLE, CLAIMS, NOTE):
        lines.append(context.capitalize())
        lines += [
            f"  {s.text():<28} {s.name}: {s.description}"
            for s in SHORTCUTS
            if s.context == context
        ]
    return "\n".join(lines)
