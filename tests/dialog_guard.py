"""No test can block on a modal dialog: each one fails the test unless the test expected it.

A modal dialog runs its own event loop until someone answers; off screen nobody does, and one
planted bug once held a run for 17 minutes on a message box. For the whole session every way to
open one is replaced by a stand-in that records the dialog (kind, title, text) and raises
`UnexpectedDialog`, so the test fails at once with the dialog named: QMessageBox's static
functions, `exec`/`open` on a QMessageBox, `exec` on any QDialog (print and page set-up dialogs
have their own), a menu's `exec`, and the static getters of QFileDialog, QInputDialog,
QColorDialog and QFontDialog. A raise inside a Qt slot is swallowed by Qt, so the dialog is also
reported when the test ends.

A test that means to meet a dialog asks for the `dialogs` fixture and says which kind, and what
the person answers (each dialog takes the next answer, the last one repeats; none given: the
dialog is cancelled). `expect` returns the texts shown, as they come:

    seen = dialogs.expect("QMessageBox.question", QMessageBox.StandardButton.Yes)
    dialogs.expect("QFileDialog.getSaveFileName", (str(target), "PDF (*.pdf)"))
    dialogs.expect("BackupsDialog.exec", QDialog.DialogCode.Accepted)  # or "QDialog.exec": any

An answer may be a function: it gets the call's arguments (for `exec`, the dialog itself).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

# class -> static functions that open a modal dialog and return the answer
STATIC: dict[str, tuple[str, ...]] = {
    "QMessageBox": ("warning", "critical", "information", "question", "about", "aboutQt"),
    "QFileDialog": (
        *("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"),
        *("getOpenFileUrl", "getOpenFileUrls", "getSaveFileUrl", "getExistingDirectoryUrl"),
    ),
    "QInputDialog": ("getText", "getMultiLineText", "getItem", "getInt", "getDouble"),
    "QColorDialog": ("getColor",),
    "QFontDialog": ("getFont",),
}
# class -> methods that show an instance modally (QDialog's `exec` serves every dialog class
# without its own: QMessageBox, QFileDialog, the app's dialogs)
INSTANCE: dict[str, tuple[str, ...]] = {
    "QDialog": ("exec", "exec_"),
    "QMessageBox": ("open",),
    "QPrintDialog": ("exec", "exec_"),
    "QPageSetupDialog": ("exec", "exec_"),
}
# A menu's `exec` has a static overload too, and Shiboken binds the instance form itself, past
# any class attribute: each menu gets the stand-in as its own attribute when it is made, by
# QMenu() or by a text widget's standard context menu.
MENU_MAKERS: dict[str, tuple[str, ...]] = {
    "QTextEdit": ("createStandardContextMenu",),
    "QPlainTextEdit": ("createStandardContextMenu",),
    "QLineEdit": ("createStandardContextMenu",),
}
METHODS = {m.rstrip("_") for names in (*STATIC.values(), *INSTANCE.values()) for m in names} | {"exec"}


class UnexpectedDialog(AssertionError):
    """A modal dialog opened that the test did not ask for."""


@dataclass(frozen=True)
class Dialog:
    kind: str  # "QMessageBox.warning", "QFileDialog.getSaveFileName", "BackupsDialog.exec"
    title: str
    text: str

    def __str__(self) -> str:
        return f"{self.kind} (title {self.title!r}, text {self.text!r})"


@dataclass
class _Expected:
    answers: list[Any] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


class DialogGuard:
    """One test's dialogs: those it expects (and their answers), and every one shown."""

    def __init__(self) -> None:
        self.shown: list[Dialog] = []
        self.stray: list[Dialog] = []  # shown without being expected: each fails the test
        self.reported = 0  # how many of `stray` a failure already named
        self._expected: dict[str, _Expected] = {}

    def expect(self, kind: str, *answers: Any) -> list[str]:
        """Let dialogs of `kind` ("Class.method") open; the list of their texts, filled as they come."""
        cls, _, method = kind.partition(".")
        if not cls or method.rstrip("_") not in METHODS:
            raise ValueError(f"{kind!r} is no dialog kind; methods guarded: {sorted(METHODS)}")
        expected = self._expected.setdefault(kind, _Expected())
        expected.answers.extend(answers)
        return expected.texts

    def unreported(self) -> list[Dialog]:
        return self.stray[self.reported :]

    def report(self) -> str:
        strays = self.unreported()
        self.reported = len(self.stray)
        return "\n".join(_message(d) for d in strays)

    def show(
        self, dialog: Dialog, keys: tuple[str, ...], cancelled: Callable[[], Any], args: tuple[Any, ...]
    ) -> Any:
        """Record the dialog; the test's answer if it expected this kind, else `UnexpectedDialog`."""
        self.shown.append(dialog)
        for key in keys:
            expected = self._expected.get(key)
            if expected is None:
                continue
            expected.texts.append(dialog.text)
            if not expected.answers:
                return cancelled()
            answer = expected.answers.pop(0) if len(expected.answers) > 1 else expected.answers[0]
            return answer(*args) if callable(answer) else answer
        self.stray.append(dialog)
        raise UnexpectedDialog(_message(dialog))


def _message(dialog: Dialog) -> str:
    return (
        f"a modal dialog opened that the test did not expect (off screen nobody answers it): {dialog}. "
        f"A test that expects it asks for the `dialogs` fixture: dialogs.expect({dialog.kind!r}, answer)"
    )


_current: DialogGuard | None = None


def _guard() -> DialogGuard:
    return _current if _current is not None else DialogGuard()  # outside a test: always stray


def _words(args: tuple[Any, ...], kwargs: dict[str, Any], at: int, *names: str) -> str:
    value = args[at] if len(args) > at else next((kwargs[n] for n in names if n in kwargs), "")
    return str(value)


def _cancelled_static(cls: str, name: str) -> Callable[[], Any]:
    """What the function returns when the person presses Escape."""

    def cancelled() -> Any:
        from PySide6.QtCore import QUrl
        from PySide6.QtWidgets import QMessageBox

        if cls == "QMessageBox":
            return None if name.startswith("about") else QMessageBox.StandardButton.Cancel
        if cls == "QFileDialog":
            if name == "getExistingDirectory":
                return ""
            if name == "getExistingDirectoryUrl":
                return QUrl()
            empty: Any = [] if name.endswith("s") else QUrl() if name.endswith("Url") else ""
            return (empty, "")
        if cls == "QInputDialog":
            return {"getInt": (0, False), "getDouble": (0.0, False)}.get(name, ("", False))
        return None

    return cancelled


def _static(cls: str, name: str) -> Callable[..., Any]:
    def stand_in(*args: Any, **kwargs: Any) -> Any:
        title = _words(args, kwargs, 1, "title", "caption")
        text = _words(args, kwargs, 2, "text", "label", "dir", "directory")
        kind = f"{cls}.{name}"
        return _guard().show(Dialog(kind, title, text), (kind,), _cancelled_static(cls, name), args)

    stand_in.__name__ = name
    return stand_in


def _describe(widget: Any) -> str:
    for getter in ("text", "labelText"):
        if callable(getattr(widget, getter, None)):
            try:
                return str(getattr(widget, getter)())
            except TypeError:
                continue
    if callable(getattr(widget, "actions", None)):
        return ", ".join(a.text() for a in widget.actions())
    return ""


def _message_kind(widget: Any) -> tuple[str, ...]:
    """A message box made by hand (app/ui/messages.py, for plain text) answers to the kind of the
    static function it stands for: a warning box is a "QMessageBox.warning"."""
    from PySide6.QtWidgets import QMessageBox

    names = {QMessageBox.Icon.Warning: "warning", QMessageBox.Icon.Critical: "critical"}
    name = names.get(widget.icon()) if isinstance(widget, QMessageBox) else None
    return (f"QMessageBox.{name}",) if name else ()


def _instance(cls: str, name: str) -> Callable[..., Any]:
    method = name.rstrip("_")

    def stand_in(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not hasattr(self, "windowTitle"):  # QMenu.exec(actions, pos, ...), the static form
            kind = f"{cls}.{method}"
            dialog = Dialog(kind, "", ", ".join(a.text() for a in self))
            return _guard().show(dialog, (kind,), lambda: None, (self, *args))
        kind = f"{type(self).__name__}.{method}"
        title = self.title() if cls == "QMenu" else self.windowTitle()

        def cancelled() -> Any:  # Rejected; a menu chooses no action; `open` returns nothing
            return None if method == "open" or cls == "QMenu" else 0

        dialog = Dialog(kind, title, _describe(self))
        return _guard().show(dialog, (kind, f"{cls}.{method}", *_message_kind(self)), cancelled, (self,))

    stand_in.__name__ = name
    return stand_in


def _guard_menu(menu: Any) -> Any:
    for name in ("exec", "exec_"):
        setattr(menu, name, types.MethodType(_instance("QMenu", name), menu))
    return menu


def install() -> Callable[[], None]:
    """Put the stand-ins in place; returns what puts Qt's own functions back."""
    from PySide6 import QtPrintSupport, QtWidgets

    saved: list[tuple[type, str, Any]] = []

    def replace(owner: type, name: str, value: Any) -> None:
        saved.append((owner, name, owner.__dict__[name]))
        setattr(owner, name, value)

    def find(cls: str) -> type:
        return getattr(QtWidgets, cls, None) or getattr(QtPrintSupport, cls)  # type: ignore[no-any-return]

    for cls, names in STATIC.items():
        for name in names:
            replace(find(cls), name, staticmethod(_static(cls, name)))
    for cls, names in INSTANCE.items():
        for name in names:
            replace(find(cls), name, _instance(cls, name))
    menu_init = QtWidgets.QMenu.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        menu_init(self, *args, **kwargs)
        _guard_menu(self)

    replace(QtWidgets.QMenu, "__init__", init)
    for cls, names in MENU_MAKERS.items():
        for name in names:
            make = getattr(find(cls), name)
            replace(find(cls), name, lambda self, *args, _make=make: _guard_menu(_make(self, *args)))

    def restore() -> None:
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)

    return restore


# --- fixtures and the hook, imported by tests/conftest.py ---------------------------------------


@pytest.fixture(scope="session", autouse=True)
def _dialog_stand_ins() -> Iterator[None]:
    restore = install()
    yield
    restore()


@pytest.fixture(autouse=True)
def _dialog_guard(_dialog_stand_ins: None) -> Iterator[DialogGuard]:
    global _current
    guard = _current = DialogGuard()
    try:
        yield guard
        if guard.unreported():
            pytest.fail(guard.report(), pytrace=False)
    finally:
        _current = None


@pytest.fixture
def dialogs(_dialog_guard: DialogGuard) -> DialogGuard:
    """The dialogs this test expects: `dialogs.expect(kind, *answers)`; the module says more."""
    return _dialog_guard


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A dialog Qt swallowed (raised in a slot) still fails the test itself, not only its teardown."""
    try:
        result = yield
    except BaseException as error:
        guard = _current
        if guard is not None and any(d.kind in str(error) for d in guard.unreported()):
            guard.reported = len(guard.stray)  # the failure already names it
        raise
    guard = _current
    if guard is not None and guard.unreported():
        pytest.fail(guard.report(), pytrace=False)
    return result
