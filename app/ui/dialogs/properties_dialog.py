"""Article > Properties: correct what an import guessed (title, address, outlet, author, date,
language). Saved in one transaction; the window then shows the new values everywhere at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
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
        self.setWindowTitle(translate("PropertiesDialog", "Article properties"))
        self.setMinimumWidth(520)
        self.title = QLineEdit(properties.title)
        self.url = QLineEdit(
            properties.source_url or "",
            placeholderText=translate("PropertiesDialog", "https://… (where it appeared)"),
        )
        self.outlet = QLineEdit(
            properties.outlet or "",
            placeholderText=translate("PropertiesDialog", "the newspaper, site or agency"),
        )
        self.byline = QLineEdit(
            properties.byline or "", placeholderText=translate("PropertiesDialog", "who wrote it")
        )
        self.published = QLineEdit(
            properties.published_at or "",
            placeholderText=translate("PropertiesDialog", "as the outlet gives it"),
        )
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
        self._show_language(properties.language, guessed_language)

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
        """Store the fields; on success tell the window and close, else keep what was typed."""
        from app.services.articles import save_properties

        wanted = self.properties()
        stored = self.guard(lambda: save_properties(self.db, self.article_id, wanted))
        if stored is not None:
            self.saved.emit(stored)
            self.accept()
