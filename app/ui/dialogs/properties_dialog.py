"""Article > Properties: correct what an import guessed (title, address, outlet, author, date,
language). Saved in one transaction; the window then shows the new values everywhere at once.

Saved over the version the dialog was opened at: when a colleague (or another window) changed the
article since, the conflict dialog shows their values beside these, and the person chooses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.articles import ArticleProperties
from app.ui.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from app.storage.database import Database

Guard = Callable[[Callable[[], Any]], Any]
NOT_SET, OTHER = "", "__other__"
# Each language by its own name; "Not set" is translated where shown.
LANGUAGES = (
    (QT_TRANSLATE_NOOP("PropertiesDialog", "Not set"), NOT_SET),
    ("English", "en"),
    ("Українська", "uk"),
    ("Русский", "ru"),
)


class PropertiesDialog(QDialog):
    """The article's fields in a form; OK saves them through `guard` (an error keeps it open)."""

    saved = Signal(object)  # the ArticleProperties stored

    def __init__(
        self,
        db: Database,
        article_id: int,
        properties: ArticleProperties,
        guard: Guard,
        guessed_language: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.article_id, self.guard = db, article_id, guard
        self.shown = properties  # as opened, with the article's version: what a change is made over
        self.setWindowTitle(translate("PropertiesDialog", "Article properties"))
        self.setMinimumWidth(520)
        self.title = QLineEdit()
        self.url = QLineEdit(placeholderText=translate("PropertiesDialog", "https://… (where it appeared)"))
        self.outlet = QLineEdit(
            placeholderText=translate("PropertiesDialog", "the newspaper, site or agency")
        )
        self.byline = QLineEdit(placeholderText=translate("PropertiesDialog", "who wrote it"))
        self.published = QLineEdit(placeholderText=translate("PropertiesDialog", "as the outlet gives it"))
        self.published.setMaxLength(40)
        self.language = QComboBox()
        for label, code in LANGUAGES:
            self.language.addItem(translate("PropertiesDialog", label) if code == NOT_SET else label, code)
        self.language.addItem(translate("PropertiesDialog", "Other…"), OTHER)
        self.other_language = QLineEdit(placeholderText=translate("PropertiesDialog", "code, e.g. pl, de"))
        self.other_language.setMaxLength(16)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel(wordWrap=True)
        self.language_note.setObjectName("languageNote")
        self._show_fields(properties, guessed_language)

        language_row = QHBoxLayout()
        language_row.setContentsMargins(0, 0, 0, 0)
        language_row.addWidget(self.language)
        language_row.addWidget(self.other_language, 1)
        form = QFormLayout()
        form.addRow(translate("PropertiesDialog", "&Title:"), self.title)
        form.addRow(translate("PropertiesDialog", "&Address (URL):"), self.url)
        form.addRow(translate("PropertiesDialog", "&Outlet:"), self.outlet)
        form.addRow(translate("PropertiesDialog", "A&uthor:"), self.byline)
        form.addRow(translate("PropertiesDialog", "&Date published:"), self.published)
        language_label = QLabel(translate("PropertiesDialog", "&Language:"))
        language_label.setBuddy(self.language)  # a row holding a layout gets no buddy by itself
        form.addRow(language_label, language_row)
        form.addRow("", self.language_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.title.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _show_fields(self, properties: ArticleProperties, guessed_language: str | None = None) -> None:
        self.title.setText(properties.title)
        self.url.setText(properties.source_url or "")
        self.outlet.setText(properties.outlet or "")
        self.byline.setText(properties.byline or "")
        self.published.setText(properties.published_at or "")
        self._show_language(properties.language, guessed_language)

    def _show_language(self, language: str | None, guessed: str | None) -> None:
        """The stored language; with none stored, the detector's guess (marked as one), else 'Not set'."""
        shown = language or guessed
        known = self.language.findData(shown or NOT_SET)
        if known >= 0:
            self.language.setCurrentIndex(known)
        else:
            self.language.setCurrentIndex(self.language.findData(OTHER))
            self.other_language.setText(shown or "")
        self._language_changed()
        if language is None and guessed:
            self.language_note.setText(
                translate(
                    "PropertiesDialog", "Not set yet: this is Claimdesk's guess from the text. OK keeps it."
                )
            )
        self.language_note.setVisible(language is None and bool(guessed))

    def _language_changed(self) -> None:
        self.other_language.setVisible(self.language.currentData() == OTHER)

    def chosen_language(self) -> str | None:
        code = self.language.currentData()
        if code == OTHER:
            return self.other_language.text().strip().lower() or None
        return str(code) or None

    def properties(self) -> ArticleProperties:
        return ArticleProperties(
            title=self.title.text(),
            source_url=self.url.text(),
            outlet=self.outlet.text(),
            byline=self.byline.text(),
            published_at=self.published.text(),
            language=self.chosen_language(),
        )

    def save(self) -> None:
        """Store the fields; on success tell the window and close, else keep what was typed.

        Someone changed the article since it was opened: Keep theirs shows their values here (and
        in the window), this person's go to the clipboard; Apply mine stores the fields this person
        changed over theirs, and leaves the ones they did not touch as the colleague made them.
        """
        from app.services.articles import article_properties, cleaned, save_properties
        from app.ui.dialogs.conflict_dialog import save_or_choose

        wanted, shown = cleaned(self.properties()), self.shown
        mine = {key: value for key, value in wanted.values().items() if value != shown.values()[key]}
        if not mine:  # nothing changed here: nothing to save, nor to put over a colleague's change
            self.accept()
            return
        stored: list[ArticleProperties] = []
        base = [shown]  # the properties a change is made over: as opened, then as stored when asked

        def save(version: int | None) -> None:
            stored.append(
                save_properties(
                    self.db, self.article_id, base[0].with_values(mine), expect_version=version, shown=base[0]
                )
            )

        def fresh() -> int | None:
            base[0] = article_properties(self.db, self.article_id)
            return base[0].version

        def keep_theirs() -> None:
            QGuiApplication.clipboard().setText(_in_lines(mine))
            self.shown = base[0]
            self._show_fields(base[0])
            self.saved.emit(base[0])  # the window shows their values too

        if save_or_choose(
            self, _acting(self.guard), save, shown.version, _in_lines(mine), fresh, keep=keep_theirs,
            applied=translate(
                "PropertiesDialog", "the fields you changed are saved, the others keep their new values"
            ),
        ):  # fmt: skip
            self.saved.emit(stored[-1])
            self.accept()


def _acting(guard: Guard) -> Callable[[Callable[[], object]], bool]:
    """The window's guard as the conflict dialog's `act`: True when the work ran without an error."""

    def act(work: Callable[[], object]) -> bool:
        def run() -> bool:
            work()
            return True

        return guard(run) is True

    return act


FIELD_NAMES = {  # column -> the field's name in the dialog, for the conflict dialog's "Yours"
    "title": QT_TRANSLATE_NOOP("PropertiesDialog", "Title"),
    "source_url": QT_TRANSLATE_NOOP("PropertiesDialog", "Address (URL)"),
    "outlet": QT_TRANSLATE_NOOP("PropertiesDialog", "Outlet"),
    "byline": QT_TRANSLATE_NOOP("PropertiesDialog", "Author"),
    "published_at": QT_TRANSLATE_NOOP("PropertiesDialog", "Date published"),
    "language": QT_TRANSLATE_NOOP("PropertiesDialog", "Language"),
}


def _in_lines(fields: dict[str, str | None]) -> str:
    return "\n".join(
        f"{translate('PropertiesDialog', FIELD_NAMES[key])}: {value or ''}" for key, value in fields.items()
    )
