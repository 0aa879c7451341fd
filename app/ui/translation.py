"""The window's language: English as written, or Ukrainian from resources/translations (issue 17).

Every visible string goes through `translate(context, text)` (Qt's `QCoreApplication.translate`),
one form everywhere: `self.tr` takes its context from the object's class at run time, which differs
from what `pyside6-lupdate` reads when a subclass or a helper function shows the text. Strings kept
in tables made at import time (shortcuts, column headers, status names) are marked with
`QT_TRANSLATE_NOOP` for lupdate and translated where they are shown.

The language follows the system's (QLocale.system()) unless View > Language chose one; it is
applied when the application starts, before any window is built. The .qm files are built from the
.ts by scripts/setup and packaging (pyside6-lrelease); without one the window stays in English.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config import resources_dir
from app.ui.settings import LANGUAGE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

    from app.domain.records import ArticleRecord, ClaimRecord

SYSTEM, ENGLISH, UKRAINIAN = "system", "en", "uk"
TRANSLATED = (UKRAINIAN,)  # the languages a .qm ships for; English is the source text
# Each language's name in itself, so that a person who can't read the current one finds theirs.
LANGUAGE_NAMES = {ENGLISH: "English", UKRAINIAN: "Українська"}
_INSTALLED = "claimdesk_translators"  # the object name of the translators `install` loaded


def translate(context: str, text: str) -> str:
    """`text` in the window's language (as written when there is no translation for it)."""
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks `text` for translation where it is defined; `translate(context, text)` where it is shown."""
    return text


# The statuses' names (app/domain/statuses.py, which knows nothing of Qt), for lupdate: the UI and
# the memo show them through `status_label`. tests/ui/test_translation.py checks the list is whole.
STATUS_NAMES = (
    QT_TRANSLATE_NOOP("Statuses", "Unreviewed"),
    QT_TRANSLATE_NOOP("Statuses", "In progress"),
    QT_TRANSLATE_NOOP("Statuses", "Verified"),
    QT_TRANSLATE_NOOP("Statuses", "Partly true"),
    QT_TRANSLATE_NOOP("Statuses", "Unverified"),
    QT_TRANSLATE_NOOP("Statuses", "Disputed"),
    QT_TRANSLATE_NOOP("Statuses", "False"),
)


# The kinds of claim (app/domain/claims.py KINDS), shown in the list, the filters and the editor.
KIND_NAMES = (
    QT_TRANSLATE_NOOP("ClaimKinds", "claim"),
    QT_TRANSLATE_NOOP("ClaimKinds", "quote"),
    QT_TRANSLATE_NOOP("ClaimKinds", "caveat"),
)


# The same, as the claims list's narrow Kind column shows them (50 pixels: abbreviated if need be).
KIND_SHORT_NAMES = (
    QT_TRANSLATE_NOOP("ClaimKindsShort", "claim"),
    QT_TRANSLATE_NOOP("ClaimKindsShort", "quote"),
    QT_TRANSLATE_NOOP("ClaimKindsShort", "caveat"),
)


def kind_label(kind: str, short: bool = False) -> str:
    """A claim's kind ("claim", "quote", "caveat") in the window's language."""
    return translate("ClaimKindsShort" if short else "ClaimKinds", kind)


# How a call ended (app/domain/contacts.py CONTACT_OUTCOMES), shown in the form, the list and the memo.
OUTCOME_NAMES = (
    QT_TRANSLATE_NOOP("Outcomes", "reached"),
    QT_TRANSLATE_NOOP("Outcomes", "declined to comment"),
    QT_TRANSLATE_NOOP("Outcomes", "no answer"),
    QT_TRANSLATE_NOOP("Outcomes", "left a message"),
)


def outcome_label(outcome: str) -> str:
    return translate("Outcomes", outcome)


def status_label(label: str) -> str:
    """A status's name (Status.label) in the window's language."""
    return translate("Statuses", label)


def source_label(claim: ClaimRecord) -> str | None:
    """The claim's source as the list shows it (ClaimRecord.source_label), in the window's language."""
    return claim.labelled_source(translate("Sources", "{name} (uncertain)"))


def source_description(claim: ClaimRecord) -> str | None:
    """The claim's source in full (ClaimRecord.source_description), in the window's language."""
    return claim.described_source(
        translate("Sources", " — the text says “{words}”"),
        translate("Sources", ", citing {source}"),
        translate("Sources", " — uncertain (confidence {confidence})"),
    )


def article_source(article: ArticleRecord) -> str:
    """Where an article came from (ArticleRecord.source_label), its "pasted text" in the window's language."""
    return article.source_url or article.filename or translate("Sources", "pasted text")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ui_language(choice: str | None = None) -> str:
    """The language the window speaks: the one chosen, else the system's when a translation ships."""
    choice = LANGUAGE.read() if choice is None else choice
    if choice in (ENGLISH, *TRANSLATED):
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in TRANSLATED else ENGLISH


def install(language: str) -> bool:
    """Load Claimdesk's and Qt's own translations into `language` (replacing any loaded before);
    False when Claimdesk's file for it is missing (the window then stays in English)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("translations are installed into a running application")
    app.setProperty(_INSTALLED, language)
    for old in app.findChildren(QTranslator, _INSTALLED):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    # dates and numbers in the widgets follow the window's language when it is not the system's
    uk = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)
    QLocale.setDefault(uk if language == UKRAINIAN else QLocale.system())
    if language == ENGLISH:
        return True
    ours = _translator(app, f"claimdesk_{language}", translations_dir())
    _translator(app, f"qtbase_{language}", *_qt_translations())  # Qt's buttons and dialogs; optional
    return ours


def _qt_translations() -> list[Path]:
    """Where Qt's own .qm files are: where Qt says, else beside PySide6 (as a bundle lays them out)."""
    import PySide6

    said = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [said, Path(PySide6.__file__).parent / "Qt" / "translations"]


def _translator(app: QCoreApplication, name: str, *folders: Path) -> bool:
    """Install `name`.qm from the first of `folders` that has it; False when none has."""
    for folder in folders:
        translator = QTranslator(app)
        translator.setObjectName(_INSTALLED)
        if translator.load(name, str(folder)):
            QCoreApplication.installTranslator(translator)
            return True
        translator.deleteLater()
    return False


def language_menu(parent: QWidget) -> QMenu:
    """View > Language: System / English / Українська, one checked. The choice is remembered and
    takes effect at the next start (the window's texts are set once, when it is built)."""
    from PySide6.QtGui import QAction, QActionGroup
    from PySide6.QtWidgets import QMenu

    menu = QMenu(translate("Language", "&Language"), parent)
    group = QActionGroup(menu)
    chosen = LANGUAGE.read()
    choices = {SYSTEM: translate("Language", "&System"), **LANGUAGE_NAMES}
    for choice, label in choices.items():
        action = QAction(label, menu, checkable=True)
        action.setChecked(choice == chosen or (choice == SYSTEM and chosen not in LANGUAGE_NAMES))
        action.setData(choice)
        action.triggered.connect(lambda _checked=False, c=choice: _choose(parent, c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def installed_language() -> str:
    """The language the running window speaks (what `install` was last given; English before)."""
    app = QCoreApplication.instance()
    language = app.property(_INSTALLED) if app is not None else None
    return language if isinstance(language, str) else ENGLISH


def _choose(parent: QWidget, choice: str) -> None:
    LANGUAGE.write(choice)
    if ui_language() == installed_language():
        return
    window = parent.window()
    from PySide6.QtWidgets import QMainWindow

    if isinstance(window, QMainWindow):
        # said in the language chosen, which the person can read
        message = (
            "Claimdesk перейде на українську після перезапуску."
            if ui_language() == UKRAINIAN
            else "Claimdesk will be in English when it starts again."
        )
        window.statusBar().showMessage(message, 15000)
