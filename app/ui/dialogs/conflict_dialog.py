"""Someone else changed what this person was changing (a colleague on the newsroom server, or
another window): their change and this person's text side by side, and the choice of which stands.

Nothing is lost either way: "Keep theirs" shows their change and leaves this person's text where
they can take it up again (the box they typed in, or the clipboard); "Apply mine" makes the change
again over theirs, which stays in the claim's history. Escape keeps theirs. `save_or_choose` is the
one way a write that passes the version it showed meets this dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ConflictError
from app.ui.translation import translate

Act = Callable[[Callable[[], object]], bool]  # runs one write under the window's guard; True: saved
BOX_LINES = 5  # each side shows this many lines before it scrolls


class ConflictDialog(QDialog):
    """Their change and yours, both selectable; Keep theirs (Escape) or Apply mine."""

    def __init__(
        self,
        error: ConflictError,
        yours: str,
        kept_in: str = "",
        parent: QWidget | None = None,
        *,
        applied: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(translate("ConflictDialog", "Changed by someone else"))
        self.setMinimumWidth(640)
        self.heading = _plain_label(
            translate(
                "ConflictDialog",
                "Someone else changed this after you opened it. Your change was not saved yet, and "
                "theirs was not overwritten: choose which stands.",
            )
        )
        self.heading.setObjectName("conflictHeading")
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.theirs = _text_box("conflictTheirs", error.theirs or str(error))
        self.theirs.setAccessibleName(translate("ConflictDialog", "Their change"))
        self.yours = _text_box("conflictYours", yours)
        self.yours.setAccessibleName(translate("ConflictDialog", "Your change, not saved yet"))
        self.copy_button = QPushButton(translate("ConflictDialog", "&Copy mine"))
        self.copy_button.setObjectName("copyMine")
        self.copy_button.setToolTip(translate("ConflictDialog", "Put your text on the clipboard"))
        self.copy_button.clicked.connect(self.copy_mine)
        self.copy_button.setEnabled(bool(yours))

        sides = QGridLayout()
        sides.setHorizontalSpacing(12)
        sides.addWidget(_caption(translate("ConflictDialog", "Theirs (saved)")), 0, 0)
        sides.addWidget(_caption(translate("ConflictDialog", "Yours (not saved yet)")), 0, 1)
        sides.addWidget(self.theirs, 1, 0)
        sides.addWidget(self.yours, 1, 1)
        sides.addWidget(self.copy_button, 2, 1, Qt.AlignmentFlag.AlignRight)
        sides.setColumnStretch(0, 1)
        sides.setColumnStretch(1, 1)

        kept = kept_in or translate("ConflictDialog", "your text goes to the clipboard")
        applied = applied or translate("ConflictDialog", "your change is saved on top of theirs")
        self.choices = _plain_label(
            translate("ConflictDialog", "Keep theirs: their change stays, and {kept}.").format(kept=kept)
            + "\n"
            + translate("ConflictDialog", "Apply mine: {applied}.").format(applied=applied)
        )
        self.choices.setObjectName("conflictChoices")
        self.buttons = QDialogButtonBox()
        self.keep_button = self.buttons.addButton(
            translate("ConflictDialog", "&Keep theirs"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button.setObjectName("keepTheirs")
        self.apply_button = self.buttons.addButton(
            translate("ConflictDialog", "&Apply mine"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("applyMine")
        self.keep_button.setDefault(True)  # Enter, like Escape, changes nothing
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(sides)
        layout.addWidget(self.choices)
        layout.addWidget(self.buttons)
        self.keep_button.setFocus()  # not the text: Enter and Escape answer at once

    def text(self) -> str:
        """Everything the dialog says, as plain text (what a screen reader or a test reads)."""
        return "\n".join(
            (self.heading.text(), self.theirs.toPlainText(), self.yours.toPlainText(), self.choices.text())
        )

    def copy_mine(self) -> None:
        QGuiApplication.clipboard().setText(self.yours.toPlainText())


def choose(
    parent: QWidget | None, error: ConflictError, yours: str, kept_in: str = "", applied: str = ""
) -> bool:
    """Ask; True: apply mine, False: keep theirs (also Escape and closing the dialog)."""
    dialog = ConflictDialog(error, yours, kept_in, parent, applied=applied)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def save_or_choose(
    parent: QWidget | None,
    act: Act,
    save: Callable[[int | None], object],
    shown: int | None,
    yours: str,
    fresh: Callable[[], int | None],
    *,
    keep: Callable[[], object] | None = None,
    kept_in: str = "",
    applied: str = "",
) -> bool:
    """Save with the version the person was shown; when someone changed it since, ask them.

    `save(version)` makes the write (raising ConflictError when the version moved on); `fresh()`
    shows the stored state and returns its version. Keep theirs: `keep()` puts the person's text
    back where they typed it (`kept_in` says where), else it goes to the clipboard; False.
    (`applied` says what Apply mine does, when it is not simply "mine over theirs".)
    Apply mine: the write again, at the version now stored (and the dialog again, should someone
    have changed it once more meanwhile). True when the person's change was saved.
    """
    version = shown
    while True:
        outcome = _attempt(act, partial(save, version))
        if not isinstance(outcome, ConflictError):
            return outcome
        apply_mine = choose(parent, outcome, yours, kept_in, applied)
        now: list[int | None] = []
        if not act(partial(_append, now, fresh)):
            return False
        if not apply_mine:
            if keep is not None:
                keep()
            elif yours:
                QGuiApplication.clipboard().setText(yours)
            return False
        version = now[0]


def _append(into: list[int | None], fresh: Callable[[], int | None]) -> None:
    into.append(fresh())


def _attempt(act: Act, save: Callable[[], object]) -> bool | ConflictError:
    """One try under the window's guard: saved (True), refused over someone's change (the
    ConflictError, not shown as an error: the person chooses), or another error shown (False)."""
    refused: list[ConflictError] = []

    def attempt() -> None:
        try:
            save()
        except ConflictError as error:
            refused.append(error)

    saved = act(attempt)
    return refused[0] if refused else saved


def _plain_label(text: str) -> QLabel:
    """A label that shows what it is given as the characters it is (names and notes are not HTML)."""
    label = QLabel(text, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _caption(text: str) -> QLabel:
    label = _plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _text_box(name: str, text: str) -> QPlainTextEdit:
    """Read-only but selectable and copyable, scrolling past BOX_LINES lines."""
    box = QPlainTextEdit(text)
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setTabChangesFocus(True)
    box.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    lines = box.fontMetrics().lineSpacing() * BOX_LINES
    box.setMinimumHeight(lines + 2 * box.frameWidth() + 8)
    return box
