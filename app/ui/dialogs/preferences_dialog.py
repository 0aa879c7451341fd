"""Edit > Preferences: who reviews, where the fact-checks are published, how memos and the
window look, and which library opens (this computer's, or a newsroom server's: library_section.py).
Saved on OK; the name reaches every status change, note, piece of evidence, memo and ClaimReview
made afterwards (app/preferences.py reads it for the services and the command line).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import preferences
from app.errors import ClaimdeskError
from app.ui import messages
from app.ui.dialogs.form_parts import form_row, hint
from app.ui.settings import FACTCHECK_URL, MEMO_ORDER, MEMO_PAPER, REVIEWER_NAME, app_settings
from app.ui.theme import DARK, LIGHT, SYSTEM, theme_controller
from app.ui.translation import QT_TRANSLATE_NOOP, translate

# Labels are marked for lupdate here and translated where shown (translate("PreferencesDialog", ...)).
ORDERS = (
    (
        "verdict",
        QT_TRANSLATE_NOOP(
            "PreferencesDialog", "By verdict: False, Disputed, Unverified, Partly true, Verified"
        ),
    ),
    ("article", QT_TRANSLATE_NOOP("PreferencesDialog", "As in the article")),
)
URL_HINT = QT_TRANSLATE_NOOP(
    "PreferencesDialog",
    "The page where your fact-checks are published: ClaimReview's url. Left empty, ClaimReview has none.",
)
URL_REFUSED = QT_TRANSLATE_NOOP(
    "PreferencesDialog", "Give a web address starting with https:// (or leave it empty)."
)
THEME_NAMES = (
    (SYSTEM, QT_TRANSLATE_NOOP("PreferencesDialog", "As the system says")),
    (LIGHT, QT_TRANSLATE_NOOP("PreferencesDialog", "Light")),
    (DARK, QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")),
)


class PreferencesDialog(QDialog):
    """One form for the user's standing choices; OK saves them all, Cancel none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        account = preferences.account_name()

        self.reviewer_input = QLineEdit(REVIEWER_NAME.read())
        self.reviewer_input.setObjectName("preferencesReviewer")
        self.reviewer_input.setPlaceholderText(account or translate("PreferencesDialog", "Your name"))
        self.url_input = QLineEdit(FACTCHECK_URL.read())
        self.url_input.setObjectName("preferencesFactcheckUrl")
        self.url_input.setPlaceholderText(
            translate("PreferencesDialog", "https://your-outlet.example/fact-checks/")
        )
        self.url_input.textChanged.connect(self._check_url)
        from app.export.memo_options import MemoOptions  # with the dialog: the menu is made at start-up
        from app.export.pdf import locale_territory

        local = MemoOptions().resolved_paper(locale_territory()).upper().replace("LETTER", "Letter")
        usual = translate("PreferencesDialog", "As usual where you live ({paper})").format(paper=local)
        papers = (("auto", usual), ("a4", "A4"), ("letter", translate("PreferencesDialog", "Letter")))
        self.paper_combo = _combo(papers, MEMO_PAPER.read(), "preferencesPaper")
        self.order_combo = _combo(ORDERS, MEMO_ORDER.read(), "preferencesMemoOrder")
        self.theme_combo = _combo(THEME_NAMES, theme_controller().choice, "preferencesTheme")
        from app.ui.dialogs.library_section import LibrarySection  # with the dialog: it brings SQLAlchemy

        self.library = LibrarySection(_library_open_now(parent))
        self.library.changed.connect(self._check_url)

        you, memos, window = QFormLayout(), QFormLayout(), QFormLayout()
        labels = [
            form_row(you, translate("PreferencesDialog", "Reviewer &name"), self.reviewer_input),
            form_row(you, translate("PreferencesDialog", "Fact-check &address"), self.url_input),
            form_row(memos, translate("PreferencesDialog", "&Paper"), self.paper_combo),
            form_row(memos, translate("PreferencesDialog", "&Order"), self.order_combo),
            form_row(window, translate("PreferencesDialog", "&Theme"), self.theme_combo),
        ]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:  # one column of labels across the three boxes
            label.setMinimumWidth(width)
        empty = (
            translate("PreferencesDialog", " Left empty: {account}.").format(account=account)
            if account
            else ""
        )
        written = translate(
            "PreferencesDialog", "Written into status history, notes, evidence, memos and ClaimReview."
        )
        you.insertRow(1, "", hint(written + empty))
        self.url_hint = hint(translate("PreferencesDialog", URL_HINT))
        you.addRow("", self.url_hint)
        sections = [
            _section(translate("PreferencesDialog", "You"), you),
            _section(translate("PreferencesDialog", "Memos"), memos),
            _section(translate("PreferencesDialog", "Window"), window),
        ]
        self.tabs = QTabWidget()  # two pages: all in one, the dialog outgrew a laptop's screen
        self.tabs.addTab(_page(sections), translate("PreferencesDialog", "&General"))
        self.tabs.addTab(_page([self.library]), translate("PreferencesDialog", "&Library"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._check_url()

    def _check_url(self) -> None:
        """OK waits for a web address (or nothing): ClaimReview's url must be one a reader can open."""
        url = self.url_input.text().strip()
        good = not url or preferences.is_web_address(url)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(good and self.library.problem() is None)
        self.url_hint.setText(translate("PreferencesDialog", URL_HINT if good else URL_REFUSED))

    def accept(self) -> None:
        """Save every choice at once, then apply the theme; a password that can't be kept saves nothing."""
        store = app_settings()
        try:
            self.library.save(store)
        except ClaimdeskError as error:
            messages.warn(self, translate("PreferencesDialog", "The password was not kept"), str(error))
            return
        REVIEWER_NAME.write(" ".join(self.reviewer_input.text().split()), store)
        FACTCHECK_URL.write(self.url_input.text().strip(), store)
        MEMO_PAPER.write(self.paper_combo.currentData(), store)
        MEMO_ORDER.write(self.order_combo.currentData(), store)
        store.sync()  # the services read the file itself, without Qt
        theme = self.theme_combo.currentData()
        if theme != theme_controller().choice:
            theme_controller().apply(theme)
        super().accept()


def _combo(choices: tuple[tuple[str, str], ...], current: str, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, label in choices:
        combo.addItem(
            translate("PreferencesDialog", label), value
        )  # an already translated label has no translation
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _page(boxes: list[QGroupBox]) -> QWidget:
    page = QWidget()
    column = QVBoxLayout(page)
    for box in boxes:
        column.addWidget(box)
    column.addStretch(1)
    return page


def _section(title: str, form: QFormLayout) -> QGroupBox:
    box = QGroupBox(title)
    box.setLayout(form)
    return box


def _library_open_now(parent: QWidget | None) -> tuple[str, bool] | None:
    """The library the window has open (its name, and whether it is a newsroom's), if it has one."""
    if parent is None or not getattr(parent, "attached", False):
        return None
    from app.services import newsroom

    db = parent.db  # type: ignore[attr-defined]  # a MainWindow: ui may not import its class here
    return newsroom.library_name(db), db.shared


def preferences_action(parent: QWidget) -> QAction:
    """Edit > Preferences… (where macOS expects it, in the application menu, there)."""
    action = QAction(translate("PreferencesDialog", "Pre&ferences…"), parent)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(lambda: PreferencesDialog(parent).exec())
    return action
