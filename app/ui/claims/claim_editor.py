"""The editor under the claims list: one claim in full, and every decision the journalist makes on it.

Every write goes through `ClaimActions` (so it is saved at once and undoable); the editor is shown
again with the stored claim when the actions report the change.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.claims import other_speakers
from app.domain.records import ClaimRecord
from app.ui.claims.claim_links_view import ClaimLinksView
from app.ui.claims.evidence_form import EvidenceForm
from app.ui.claims.evidence_list import EvidenceList
from app.ui.claims.history_view import HistoryView
from app.ui.claims.item_editing import connect_item_editing
from app.ui.claims.notes_view import NotesView
from app.ui.claims.status_picker import DeliberateComboBox, StatusPicker
from app.ui.claims.tag_editor import TagEditor
from app.ui.dialogs.conflict_dialog import save_or_choose
from app.ui.theme import secondary_text
from app.ui.translation import kind_label, status_label, translate
from app.ui.visible_controls import FOCUS_WIDTH

if TYPE_CHECKING:
    from app.ui.claims.commands import ClaimActions

Act = Callable[[Callable[[], object]], bool]  # runs one action; True when saved, else shows why
Save = Callable[["ClaimActions", int, int | None], object]  # one write at the version shown
REVIEW_TAB, NOTES_TAB, EVIDENCE_TAB, HISTORY_TAB = range(4)
BANNER_STYLE = "background:%s; border-radius:4px; padding:6px"
DRAFT_PAUSE_MS = 800  # a note being typed is kept this long after the last key


class ClaimEditor(QWidget):
    """One claim: sentence, status with reason, source, kind, tags, notes, evidence and history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimEditor")
        self._claim: ClaimRecord | None = None
        self._actions: ClaimActions | None = None
        self._act: Act | None = None
        self._note_drafts: dict[int, str] | None = None
        self._drafts_of: Path | None = None

        self.sentence = QLabel(wordWrap=True)
        self.sentence.setObjectName("claimSentence")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.wording_banner = _banner("wordingBanner", "#fff3cd")
        self.orphan_banner = _banner("orphanBanner", "#f8d7da")
        self.dismissed_banner = _banner("dismissedBanner", "#e2e3e5")
        self.dismissed_banner.setText(
            translate(
                "ClaimEditor",
                "<b>Dismissed:</b> hidden from the list as not worth checking, and kept. "
                "<a href='restore' style='color:#1f5fb0'>Restore it</a>",
            )
        )
        self.dismissed_banner.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.dismissed_banner.linkActivated.connect(self._on_restore)

        self.picker = StatusPicker()
        self.status_box = self.picker.status_box
        self.reason_input = self.picker.reason_input
        self.picker.statusChosen.connect(self._on_status)
        self.source_input = SourceInput()
        self.source_input.setObjectName("sourceInput")
        self.source_input.setPlaceholderText(
            translate("ClaimEditor", "Who asserts it (empty: the article itself)")
        )
        self.source_input.editingFinished.connect(self._on_source)
        self.kind_box = DeliberateComboBox()
        self.kind_box.setObjectName("kindBox")
        self.kind_box.activated.connect(self._on_kind)
        self.tag_editor = TagEditor()
        self.tag_editor.tagsEdited.connect(self._on_tags)
        self.facts = QLabel(wordWrap=True)
        self.facts.setObjectName("claimFacts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.links_view = ClaimLinksView()  # where else in the library the claim is made (issue 20)

        self.notes_view = NotesView()
        self.notes = self.notes_view.notes
        self.note_input = self.notes_view.note_input
        self.add_note_button = self.notes_view.add_note_button
        self.notes_view.noteSubmitted.connect(self._on_note)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_PAUSE_MS)
        self._draft_timer.timeout.connect(self.keep_note_draft)
        self.note_input.textChanged.connect(self._draft_timer.start)  # kept at each pause in typing
        self.evidence_form = EvidenceForm()
        self.evidence_form.evidenceSubmitted.connect(self._on_evidence)
        self.evidence_list = EvidenceList()
        connect_item_editing(self.notes_view, self.evidence_list, self.evidence_form, self.save_shown)
        self.history = HistoryView()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(_scrolled(self._review_page()), translate("ClaimEditor", "Review"))
        self.tabs.addTab(self.notes_view, translate("ClaimEditor", "Notes"))
        self.tabs.addTab(self._evidence_page(), translate("ClaimEditor", "Evidence"))
        self.tabs.addTab(self.history, translate("ClaimEditor", "History"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(FOCUS_WIDTH, 6, FOCUS_WIDTH, FOCUS_WIDTH)  # room for the focus ring
        self.header = HeaderArea(
            self.sentence, self.wording_banner, self.orphan_banner, self.dismissed_banner
        )
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.show_claim(None)

    # ---- wiring ---------------------------------------------------------------------------
    def bind(
        self,
        actions: ClaimActions,
        act: Act,
        article_claims: Callable[[], tuple[ClaimRecord, ...]] | None = None,
    ) -> None:
        """Write through `actions`, each call run by `act` (the window's guard: errors shown, not raised).

        `article_claims` gives the shown article's claims, whose sources the source field offers.
        """
        self._actions = actions
        self._act = act
        actions.claimChanged.connect(self._follow_saved)
        self.tag_editor.set_known_tags(lambda: _tags_in_use(actions))
        self.evidence_list.library = lambda: actions.db if actions.has_database else None
        self.links_view.library = self.evidence_list.library
        self.links_view.claim_actions = actions  # a carried verdict goes on the undo stack
        if article_claims is not None:
            self.source_input.names = lambda: _sources_of(article_claims())

    def _write(self, work: Callable[[ClaimActions, int], object]) -> bool:
        """Run one action on the shown claim; True when it was saved."""
        actions, act, claim = self._actions, self._act, self._claim
        if actions is None or act is None or claim is None:
            return False
        return act(lambda: work(actions, claim.id))

    def save_shown(
        self,
        save: Save,
        yours: str,
        *,
        shown: int | None = None,
        fresh: Callable[[ClaimActions, int], int | None] | None = None,
        keep: Callable[[], object] | None = None,
        kept_in: str = "",
        applied: str = "",
    ) -> bool:
        """Run a write with the version shown (the claim's, unless `shown` and `fresh` say whose);
        a colleague's change since opens the conflict dialog (app/ui/dialogs/conflict_dialog.py).
        True when the change was saved."""
        actions, act, claim = self._actions, self._act, self._claim
        if actions is None or act is None or claim is None:
            return False
        claim_id = claim.id

        def stored_version() -> int | None:
            if fresh is not None:
                return fresh(actions, claim_id)
            return actions.reload(claim_id).version

        return save_or_choose(
            self,
            act,
            lambda version: save(actions, claim_id, version),
            claim.version if shown is None and fresh is None else shown,
            yours,
            stored_version,
            keep=keep,
            kept_in=kept_in,
            applied=applied,
        )

    def _follow_saved(self, claim_id: int) -> None:
        """Our own change to the claim held (also while moving to another claim, when the window
        does not show it again): the next write is made over the version it left, not flagged as
        a conflict with ourselves."""
        claim, actions = self._claim, self._actions
        if claim is not None and actions is not None and claim.id == claim_id:
            self._claim = actions.latest(claim_id, claim)

    # ---- showing --------------------------------------------------------------------------
    def show_claim(self, claim: ClaimRecord | None) -> None:
        """Show a claim; the same claim shown again (after a change) keeps what is being typed."""
        same = claim is not None and self._claim is not None and claim.id == self._claim.id
        if not same:
            self._save_typed_fields()  # a source or tags typed for the last claim still belong to it
            self.keep_note_draft()
        self._claim = claim
        self.tabs.setEnabled(claim is not None)
        if not same:
            self._clear_drafts()
            self._show_note_draft()
        if claim is None:
            self.sentence.setText(
                "<i>" + translate("ClaimEditor", "Choose a claim in the list to review it.") + "</i>"
            )
            self.header.fit()
            for banner in (self.wording_banner, self.orphan_banner, self.dismissed_banner):
                banner.hide()
            self.facts.clear()
            self.notes_view.show_notes(())
            self.evidence_list.show_evidence(())
            self.history.show_history(None)
            self.links_view.show_claim(None)
            self._count_tabs(None)
            return
        self.sentence.setText(f"<b>{escape(claim.text)}</b>")
        self._show_banners(claim)
        self.header.fit()
        self.picker.show_status(claim.status, claim.reason)
        if not same or not self.source_input.isModified():  # never overwrite what is being typed
            self.source_input.setText(claim.source or "")
        self._show_kind(claim.kind)
        if not same or not self.tag_editor.isModified():
            self.tag_editor.set_tags(claim.tags)
        self._show_facts()
        self.notes_view.show_notes(claim.notes)
        self.evidence_list.show_evidence(claim.evidence)
        self.history.show_history(claim)
        self.links_view.show_claim(claim)
        self._count_tabs(claim)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the greys follow the theme
            self._show_facts()

    def _show_facts(self) -> None:
        claim = self._claim
        self.facts.setText(_facts_html(claim, secondary_text(self.palette()).name()) if claim else "")

    def note_saved(self) -> None:
        self.notes_view.note_saved()

    def start_note(self) -> None:
        """Open the notes and put the cursor in the note box (the claims panel's N key)."""
        if self._claim is not None:
            self.tabs.setCurrentIndex(NOTES_TAB)
            self.notes_view.preview_button.setChecked(False)
            self.note_input.setFocus()

    def start_evidence(self) -> None:
        """Open the evidence form at its first field (the claims panel's E key)."""
        if self._claim is not None:
            self.tabs.setCurrentIndex(EVIDENCE_TAB)
            self.evidence_form.focus_first_field()

    # ---- the user's decisions -------------------------------------------------------------
    def _on_status(self, status_id: str, reason: str) -> None:
        actions, act, claim = self._actions, self._act, self._claim
        if actions is None or act is None or claim is None:
            return
        kept_in = translate("ClaimEditor", "your reason stays in the reason box")
        if set_status_as_shown(
            self, act, actions, claim.id, claim.version, status_id, reason,
            keep=lambda: self.reason_input.setText(reason), kept_in=kept_in,
        ):  # fmt: skip
            self.picker.status_saved()

    def _on_note(self, body: str) -> None:
        if self._write(lambda a, cid: a.add_note(cid, body)):
            self.notes_view.note_saved()
            self.keep_note_draft()  # the note is added: its draft goes

    def _on_evidence(self, kind: str, fields: dict[str, Any]) -> None:
        if self._write(lambda a, cid: a.add_evidence(cid, kind, **fields)):
            self.evidence_form.clear()

    def _on_tags(self, tags: list[str]) -> None:
        self.save_shown(
            lambda a, cid, version: a.set_tags(cid, tags, expect_version=version), ", ".join(tags)
        )

    def _on_restore(self, _link: str = "") -> None:
        self.save_shown(
            lambda a, cid, version: a.restore_claim(cid, expect_version=version),
            translate("ClaimEditor", "Restore this claim"),
            keep=lambda: None,
            kept_in=translate("ClaimEditor", "you can restore it again"),
        )

    def _on_source(self) -> None:
        source = " ".join(self.source_input.text().split())
        self.source_input.setModified(False)
        if self._claim is not None and source != (self._claim.source or ""):
            self.save_shown(
                lambda a, cid, version: a.edit_claim(cid, source=source, expect_version=version),
                source or translate("ClaimEditor", "(no source: the article itself asserts it)"),
                keep=None if source else (lambda: None),
                kept_in="" if source else translate("ClaimEditor", "you can clear the source again"),
            )

    def _on_kind(self, index: int) -> None:
        kind = str(self.kind_box.itemData(index))
        if self._claim is not None and kind != self._claim.kind:
            self.save_shown(
                lambda a, cid, version: a.edit_claim(cid, kind=kind, expect_version=version),
                kind_label(kind).capitalize(),
                keep=lambda: None,
                kept_in=translate("ClaimEditor", "you can choose your kind again"),
            )

    # ---- pieces ---------------------------------------------------------------------------
    def _review_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("ClaimEditor", "Status"), self.picker)
        form.addRow(translate("ClaimEditor", "Source"), self.source_input)
        form.addRow(translate("ClaimEditor", "Kind"), self.kind_box)
        form.addRow(translate("ClaimEditor", "Tags"), self.tag_editor)
        form.addRow(self.facts)
        form.addRow(self.links_view)
        return page

    def _evidence_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.evidence_form)
        layout.addWidget(self.evidence_list, 1)
        return page

    def _show_kind(self, kind: str) -> None:
        if self.kind_box.count() == 0:
            from app.domain.claims import KINDS  # the engine loads only once a claim is shown

            for name in KINDS:
                self.kind_box.addItem(kind_label(name).capitalize(), name)
        if self.kind_box.findData(kind) < 0:
            self.kind_box.addItem(kind_label(kind).capitalize(), kind)
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def _show_banners(self, claim: ClaimRecord) -> None:
        changed = claim.previous_text is not None and claim.previous_text != claim.text
        if changed:
            changed_html = translate(
                "ClaimEditor", "<b>The wording changed in the new version of the article.</b>"
            )
            before, now = translate("ClaimEditor", "Before:"), translate("ClaimEditor", "Now:")
            self.wording_banner.setText(
                f"{changed_html}<br>"
                f"<span style='color:#6b5a00'>{before}</span> <s>{escape(claim.previous_text or '')}</s><br>"
                f"<span style='color:#6b5a00'>{now}</span> {escape(claim.text)}"
            )
        self.wording_banner.setVisible(changed)
        self.orphan_banner.setText(
            translate(
                "ClaimEditor",
                "<b>Orphan:</b> this passage is no longer in the current version of the article. "
                "The claim is kept, with its notes, evidence and history.",
            )
        )
        self.orphan_banner.setVisible(not claim.anchored)
        self.dismissed_banner.setVisible(claim.dismissed)

    def _count_tabs(self, claim: ClaimRecord | None) -> None:
        counts = (None, *(len(x) for x in (claim.notes, claim.evidence, claim.history))) if claim else ()
        labels = (
            translate("ClaimEditor", "Review"),
            translate("ClaimEditor", "Notes"),
            translate("ClaimEditor", "Evidence"),
            translate("ClaimEditor", "History"),
        )
        for tab, label in enumerate(labels):
            count = counts[tab] if tab < len(counts) else None
            self.tabs.setTabText(tab, f"{label} ({count})" if count else label)

    def _save_typed_fields(self) -> None:
        if self.source_input.isModified():
            self._on_source()
        if self.tag_editor.isModified():
            self.tag_editor.commit()

    # ---- note drafts: never lost by moving on or closing (app/services/drafts.py) -----------
    def _drafts(self) -> dict[int, str] | None:
        """This library's drafts, read when first needed; None before the library is open."""
        actions = self._actions
        if actions is None or not actions.has_database:
            return None
        if self._note_drafts is None or self._drafts_of != actions.db.path:
            from app.services.drafts import load_drafts

            self._note_drafts, self._drafts_of = load_drafts(actions.db.path), actions.db.path
        return self._note_drafts

    def keep_note_draft(self) -> None:
        """Keep what is typed in the note box for the claim shown (dropped when the box is empty)."""
        drafts, claim = self._drafts(), self._claim
        if drafts is None or claim is None or self._actions is None:
            return
        text = self.notes_view.draft_text()  # never a note being reworded
        kept = text if text.strip() else None
        if drafts.get(claim.id) == kept:
            return
        if kept is None:
            drafts.pop(claim.id)
        else:
            drafts[claim.id] = kept
        from app.services.drafts import save_drafts

        save_drafts(self._actions.db.path, drafts)

    def _show_note_draft(self) -> None:
        drafts, claim = self._drafts(), self._claim
        draft = drafts.get(claim.id, "") if drafts is not None and claim is not None else ""
        if draft:
            self.note_input.setPlainText(draft)

    def _clear_drafts(self) -> None:
        self.picker.clear_draft()
        self.notes_view.note_saved()
        self.evidence_form.clear()


class SourceInput(QLineEdit):
    """Offers the sources already named in the article, so one source keeps one spelling."""

    def __init__(self) -> None:
        super().__init__()
        self.names: Callable[[], list[str]] = list
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._model.setStringList(self.names())
        super().focusInEvent(event)


def set_status_as_shown(
    parent: QWidget,
    act: Act,
    actions: ClaimActions,
    claim_id: int,
    shown: int | None,
    status_id: str,
    reason: str,
    *,
    keep: Callable[[], object] | None = None,
    kept_in: str = "",
) -> bool:
    """Set a status over the claim's version `shown` (the editor's picker, the list's keys 1-7): a
    colleague's change since opens the conflict dialog. `keep` puts a reason back where it was typed
    (else it goes to the clipboard). True when the status was set."""
    from app.domain.statuses import status

    label = status_label(status(status_id).label)
    if not reason:
        keep, kept_in = (lambda: None), translate("ClaimEditor", "you can choose your status again")
    return save_or_choose(
        parent,
        act,
        lambda version: actions.set_status(claim_id, status_id, reason, expect_version=version),
        shown,
        f"{label}: {reason}" if reason else label,
        lambda: actions.reload(claim_id).version,
        keep=keep,
        kept_in=kept_in,
        applied=translate("ClaimEditor", "your status is set after theirs, which stays in the history"),
    )


def _tags_in_use(actions: ClaimActions) -> list[str]:
    from app.services.evidence import tag_names  # storage loads when first needed, not at start-up

    return tag_names(actions.db)


def _sources_of(claims: tuple[ClaimRecord, ...]) -> list[str]:
    return sorted({c.source for c in claims if c.source}, key=str.casefold)


class HeaderArea(QScrollArea):
    """The sentence and its banners, as tall as they need up to eight lines; beyond, they scroll
    instead of pushing the tabs out of the pane."""

    MOST_LINES = 8

    def __init__(self, *parts: QWidget) -> None:
        super().__init__()
        self._content = QWidget()
        column = QVBoxLayout(self._content)
        column.setContentsMargins(0, 0, 4, 0)
        column.setSpacing(4)
        for part in parts:
            column.addWidget(part)
        column.addStretch(1)
        self.setWidget(self._content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def fit(self) -> None:
        layout = self._content.layout()
        assert layout is not None
        layout.activate()  # shown or hidden banners count from now
        needed = self._content.heightForWidth(max(self.viewport().width(), 100))
        line = self.fontMetrics().lineSpacing()
        self.setFixedHeight(min(max(needed, line), line * self.MOST_LINES))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


def _banner(name: str, colour: str) -> QLabel:
    banner = QLabel(wordWrap=True)
    banner.setObjectName(name)
    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.setStyleSheet(f"QLabel#{name} {{ {BANNER_STYLE % colour}; color: #222 }}")
    banner.hide()
    return banner


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def _facts_html(claim: ClaimRecord, grey: str) -> str:
    """What the engine found, for reference: cues, hedges, figures, score (and why), in `grey`."""
    parts = []
    if claim.origin == "manual":
        parts.append("<b>" + translate("ClaimEditor", "Added by hand") + "</b>")
    if claim.source_refers_to:
        parts.append(
            "<b>" + translate("ClaimEditor", "Source means:") + f"</b> {escape(claim.source_refers_to)}"
        )
    if claim.source_uncertain and claim.source_confidence is not None:
        parts.append(
            translate(
                "ClaimEditor", "<b>Source uncertain</b> (confidence {confidence}): check who says it"
            ).format(confidence=f"{claim.source_confidence:.0%}")
        )
    if claim.secondary_source:
        parts.append("<b>" + translate("ClaimEditor", "Citing:") + f"</b> {escape(claim.secondary_source)}")
    others = other_speakers(claim.text, claim.source)
    if others:
        parts.append(
            "<b>" + translate("ClaimEditor", "Also in this sentence:") + "</b> " + escape(", ".join(others))
        )
    if claim.cues:
        parts.append("<b>" + translate("ClaimEditor", "Cues:") + "</b> " + escape(", ".join(claim.cues)))
    if claim.hedges:
        parts.append("<b>" + translate("ClaimEditor", "Hedges:") + "</b> " + escape(", ".join(claim.hedges)))
    if claim.figures:
        parts.append(
            "<b>" + translate("ClaimEditor", "Figures:") + "</b> " + escape(", ".join(claim.figures))
        )
    parts.append(
        "<b>"
        + translate("ClaimEditor", "Check-worthiness:")
        + f"</b> {claim.score:.2f}"
        + (f" ({escape(', '.join(claim.reasons))})" if claim.reasons else "")
    )
    return f"<span style='color:{grey}'>" + " &nbsp;·&nbsp; ".join(parts) + "</span>"
