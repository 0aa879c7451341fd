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
from app.ui.translation import QT_TRANSLATE_NOOP, status_label, translate

# Keys as text ("Ctrl+O" is Command+O on a Mac), so the README's table reads the same on every desktop.
Keys = tuple[str | QKeySequence.StandardKey, ...]
WINDOW, ARTICLE, CLAIMS, NOTE = (
    QT_TRANSLATE_NOOP("Shortcuts", "anywhere"),
    QT_TRANSLATE_NOOP("Shortcuts", "reading the article"),
    QT_TRANSLATE_NOOP("Shortcuts", "in the claims list"),
    QT_TRANSLATE_NOOP("Shortcuts", "writing a note"),
)


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

    def shown_label(self) -> str:
        """The label in the window's language (a status key's label is the status's name)."""
        if self.description.startswith("set the status to "):
            return status_label(self.label)
        return translate("Shortcuts", self.label)

    def shown_name(self) -> str:
        return self.shown_label().replace("&", "").rstrip("…")

    def shown_description(self) -> str:
        if self.description.startswith("set the status to "):
            return translate("Shortcuts", "set the status to {status}").format(
                status=status_label(self.label)
            )
        return translate("Shortcuts", self.description)

    def text(self) -> str:
        return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in self.sequences())

    def menu_label(self, label: str) -> str:
        """`label` with this shortcut's first key after a tab, where a menu shows keys."""
        first = self.sequences()[:1]
        return f"{label}\t{first[0].toString(QKeySequence.SequenceFormat.NativeText)}" if first else label


def action(shortcut: Shortcut, parent: QObject, slot: Callable[[], object]) -> QAction:
    """A menu action with the shortcut's label and keys."""
    made = menu_action(shortcut.shown_label(), parent, slot)
    made.setShortcuts(shortcut.sequences())
    return made


def menu_action(label: str, parent: QObject, slot: Callable[[], object]) -> QAction:
    """A menu action with no shortcut."""
    made = QAction(label, parent)
    made.triggered.connect(slot)
    return made


OPEN = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Open…"),
    ("Ctrl+O",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "open an article file"),
)
MEMO = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Verification &memo (PDF)…"),
    ("Ctrl+E",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "the memo for an editor"),
)
PRINT_PREVIEW = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Print preview…"),
    ("Ctrl+P",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "the memo, printed"),
)
QUIT = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Quit"),
    ("Ctrl+Q",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "close Claimdesk (nothing is unsaved)"),
)
UNDO = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Undo"),
    ("Ctrl+Z",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "undo the last change to a claim"),
)
REDO = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Redo"),
    ("Ctrl+Shift+Z", "Ctrl+Y"),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "redo it (Ctrl+Y: a Windows habit)"),
)
SHOW_LIBRARY = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Show &library"),
    ("Ctrl+Shift+L",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "show or hide the library column"),
)
IMPORT_FILES = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Import files…"),
    ("Ctrl+Shift+O",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "add articles to the library"),
)
PASTE_ARTICLE = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Paste as new article"),
    ("Ctrl+Shift+V",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "an article from the clipboard"),
)
KEYBOARD_HELP = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Keyboard shortcuts"),
    ("F1",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "this list"),
)
PROPERTIES = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Properties…"),
    ("Alt+Return",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "correct the article's title, author, date..."),
)
NEXT_PANE = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Next pane"),
    ("F6",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "library, article, claims, editor in turn"),
)
PREVIOUS_PANE = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Previous pane"),
    ("Shift+F6",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "the same, backwards"),
)
SEARCH = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Search the library"),
    ("Ctrl+K",),
    WINDOW,
    QT_TRANSLATE_NOOP("Shortcuts", "search articles, claims and notes"),
)
ZOOM_IN = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Zoom &in"),
    ("Ctrl++", "Ctrl+="),
    ARTICLE,
    QT_TRANSLATE_NOOP("Shortcuts", "larger text, beside it too"),
)
ZOOM_OUT = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Zoom &out"),
    ("Ctrl+-",),
    ARTICLE,
    QT_TRANSLATE_NOOP("Shortcuts", "smaller text, beside it too"),
)
ZOOM_RESET = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Actual size"),
    ("Ctrl+0",),
    ARTICLE,
    QT_TRANSLATE_NOOP("Shortcuts", "the text at its usual size"),
)
FIND = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Find in article…"),
    ("Ctrl+F",),
    ARTICLE,
    QT_TRANSLATE_NOOP("Shortcuts", "find words in the article"),
)
ADD_CLAIM = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "&Add claim from selection"),
    ("Ctrl+Return", "Ctrl+Enter"),
    ARTICLE,
    QT_TRANSLATE_NOOP("Shortcuts", "the selected text becomes a claim"),
)
SET_SPAN = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Set &span of selected claim to selection"),
    (),
    ARTICLE,
    QT_TRANSLATE_NOOP("Shortcuts", "the selected claim covers the selected text"),
)
NEXT_CLAIM = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Next claim"),
    ("J",),
    CLAIMS,
    QT_TRANSLATE_NOOP("Shortcuts", "move down the list"),
)
PREVIOUS_CLAIM = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Previous claim"),
    ("K",),
    CLAIMS,
    QT_TRANSLATE_NOOP("Shortcuts", "move up the list"),
)
NOTE_KEY = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Write a note"),
    ("N",),
    CLAIMS,
    QT_TRANSLATE_NOOP("Shortcuts", "open the notes at the note box"),
)
EVIDENCE_KEY = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Add evidence"),
    ("E",),
    CLAIMS,
    QT_TRANSLATE_NOOP("Shortcuts", "open the evidence form"),
)
EDIT_KEY = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Review the claim"),
    ("Enter", "Return"),
    CLAIMS,
    QT_TRANSLATE_NOOP("Shortcuts", "open the claim in the editor"),
)
DISMISS_KEY = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Dismiss"),
    ("Delete", "Backspace"),
    CLAIMS,
    QT_TRANSLATE_NOOP("Shortcuts", "hide a claim not worth checking (kept)"),
)
SAVE_NOTE = Shortcut(
    QT_TRANSLATE_NOOP("Shortcuts", "Add the note"),
    ("Ctrl+Return", "Ctrl+Enter"),
    NOTE,
    QT_TRANSLATE_NOOP("Shortcuts", "save the note being written"),
)
STATUS_KEYS = tuple(
    Shortcut(s.label, (s.key,), CLAIMS, f"set the status to {s.label}") for s in STATUSES if s.key
)

SHORTCUTS = (
    OPEN, MEMO, PRINT_PREVIEW, QUIT, UNDO, REDO, SHOW_LIBRARY, IMPORT_FILES, PASTE_ARTICLE, SEARCH,
    KEYBOARD_HELP, PROPERTIES, NEXT_PANE, PREVIOUS_PANE, ZOOM_IN, ZOOM_OUT, ZOOM_RESET, FIND, ADD_CLAIM,
    SET_SPAN, NEXT_CLAIM, PREVIOUS_CLAIM,
    NOTE_KEY, EVIDENCE_KEY, EDIT_KEY, DISMISS_KEY, SAVE_NOTE, *STATUS_KEYS,
)  # fmt: skip


def sheet() -> str:
    """Every shortcut by where it works: keys, then what they do (in the window's language)."""
    lines: list[str] = []
    for context in (WINDOW, ARTICLE, CLAIMS, NOTE):
        lines.append(translate("Shortcuts", context).capitalize())
        lines += [
            f"  {s.text():<28} {s.shown_name()}: {s.shown_description()}"
            for s in SHORTCUTS
            if s.context == context
        ]
    return "\n".join(lines)


# ---- the README's table of keys (tests/ui/test_readme_keys.py keeps README.md in step) ----------
README_START = (
    "<!-- keys: printed by `python -m app.ui.shortcuts`, checked by tests/ui/test_readme_keys.py -->"
)
README_END = "<!-- /keys -->"


def portable_text(shortcut: Shortcut) -> str:
    """The keys as written in documents: "Ctrl+O", the same wording on every desktop (a standard key
    such as Open is written as its first binding here)."""
    texts = []
    for key in shortcut.keys:
        sequence = QKeySequence.keyBindings(key)[:1] if isinstance(key, QKeySequence.StandardKey) else []
        chosen = sequence[0] if sequence else QKeySequence(key)
        texts.append(chosen.toString(QKeySequence.SequenceFormat.PortableText))
    return ", ".join(t for t in texts if t)


def readme_table() -> str:
    """Every shortcut with keys as a Markdown table, by where it works; the status keys in one row."""
    statuses = ", ".join(f"{portable_text(s)} {s.name}" for s in STATUS_KEYS)
    rows = ["| keys | where | what |", "|---|---|---|"]
    for context in (WINDOW, ARTICLE, CLAIMS, NOTE):
        if context == CLAIMS:
            keys = f"{portable_text(STATUS_KEYS[0])} … {portable_text(STATUS_KEYS[-1])}"
            rows.append(f"| {keys} | {context} | set the status: {statuses} |")
        for shortcut in SHORTCUTS:
            if shortcut.context == context and shortcut.keys and shortcut not in STATUS_KEYS:
                what = f"{shortcut.name}: {shortcut.description}"
                rows.append(f"| {portable_text(shortcut)} | {context} | {what} |")
    return "\n".join([README_START, *rows, README_END])


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(["claimdesk-keys", "-platform", "offscreen"])  # standard keys ask the platform
    print(readme_table())
