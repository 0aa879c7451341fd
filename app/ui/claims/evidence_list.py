"""The evidence a claim rests on, with its details, each item with Edit and Remove; a document, or a
link in the browser, opens only when the user clicks it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWidget

from app.domain.records import EvidenceRecord
from app.ui import messages
from app.ui.claims.history_view import local_time
from app.ui.claims.item_browser import ItemBrowser, is_web, item_actions, item_anchor, web_link
from app.ui.translation import outcome_label, translate

if TYPE_CHECKING:
    from app.storage.database import Database

OPEN_DOCUMENT = "open-document"
COPY_LINK = "copy-link"
COPY_DIGEST = "copy-sha256"


def evidence_html(items: tuple[EvidenceRecord, ...], kept: Callable[[EvidenceRecord], bool]) -> str:
    """The list as HTML; `kept` tells whether a document's kept copy is there to open."""
    if not items:
        none = translate("EvidenceList", "No evidence yet. Add a link, a document or a person contacted.")
        return f"<p class='muted'>{none}</p>"
    return "".join(_item_html(item, kept) for item in ordered(items))


def ordered(items: tuple[EvidenceRecord, ...]) -> tuple[EvidenceRecord, ...]:
    """In the order added: an edited item keeps its place (its new row keeps that time)."""
    return tuple(sorted(items, key=lambda item: (item.added_at, item.id)))


def _item_html(item: EvidenceRecord, kept: Callable[[EvidenceRecord], bool]) -> str:
    edited = translate("EvidenceList", " (edited)") if item.replaces_id is not None else ""
    author = escape(item.author or translate("EvidenceList", "unknown"))
    added = (
        translate("EvidenceList", "added by {author}, {when}").format(
            author=author, when=local_time(item.added_at)
        )
        + edited
    )
    lines: list[str]
    if item.kind == "url":
        shown = web_link(item.reference) if is_web(QUrl(item.reference)) else escape(item.reference)
        lines = [
            "<b>" + translate("EvidenceList", "Link") + f"</b> · {shown}",
            f"<a href='{COPY_LINK}:{item.id}'>" + translate("EvidenceList", "copy the address") + "</a> "
            "<span class='muted'>"
            + translate("EvidenceList", "(the link opens only when you click it)")
            + "</span>",
        ]
    elif item.kind == "document":
        lines = ["<b>" + translate("EvidenceList", "Document") + f"</b> · {escape(item.reference)}"]
        lines.append(
            f"<span class='muted'>SHA-256</span> <code>{_grouped(item.sha256 or 'unknown')}</code> "
            f"<a href='{COPY_DIGEST}:{item.id}'>" + translate("EvidenceList", "copy") + "</a>"
        )
        if kept(item):
            lines.append(
                f"<a href='{OPEN_DOCUMENT}:{item.id}'>"
                + translate("EvidenceList", "open the kept copy")
                + "</a>"
            )
        else:
            missing = translate("EvidenceList", "the kept copy is missing from the data folder")
            lines.append(f"<span style='color:#c0392b'>{missing}</span>")
    elif item.kind == "person":
        who = escape(item.reference) + (f", {escape(item.role)}" if item.role else "")
        how = [escape(item.contact_method)] if item.contact_method else []
        if item.contacted_at is not None:
            how.append(local_time(item.contacted_at))
        lines = ["<b>" + translate("EvidenceList", "Person contacted") + f"</b> · {who}"]
        if how:
            lines.append(
                "<span class='muted'>" + translate("EvidenceList", "contacted") + "</span> " + " · ".join(how)
            )
        if item.outcome:
            outcome = escape(outcome_label(item.outcome))
            lines.append(
                "<span class='muted'>" + translate("EvidenceList", "outcome") + f"</span> <b>{outcome}</b>"
            )
    else:
        lines = [f"<b>{escape(item.kind.capitalize())}</b> · {escape(item.reference)}"]
    if item.note:
        lines.append(escape(item.note))
    lines.append(f"<span class='muted'>{added}</span> &nbsp; {item_actions(item.id)}")
    return f"{item_anchor(item.id)}<p>{'<br>'.join(lines)}</p>"


def _grouped(digest: str) -> str:
    """A fingerprint in groups of 16, so it wraps in a narrow pane and is easy to compare by eye."""
    return " ".join(escape(digest[i : i + 16]) for i in range(0, len(digest), 16))


class EvidenceList(ItemBrowser):
    """Links open in the browser and documents in the desktop's viewer, on a click only."""

    documentOpened = Signal(str)  # the local path handed to the desktop
    copied = Signal(str)  # a link's address or a document's sha256, put on the clipboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Callable[[], Database | None] = lambda: None  # whose files hold the kept copies
        self.setObjectName("evidenceList")
        self.setAccessibleName(translate("EvidenceList", "Evidence for this claim"))
        self._items: dict[int, EvidenceRecord] = {}

    def show_evidence(self, items: tuple[EvidenceRecord, ...]) -> None:
        self._items = {item.id: item for item in items}
        self.show_items_html(evidence_html(items, lambda item: self._kept_copy(item) is not None))

    def item(self, evidence_id: int) -> EvidenceRecord | None:
        """An item shown, by its id."""
        return self._items.get(evidence_id)

    def _kept_copy(self, item: EvidenceRecord) -> Path | None:
        from app.services.evidence import kept_copy  # storage loads when first needed

        db = self.library()
        return None if db is None else kept_copy(db, item)

    def _open(self, item: EvidenceRecord) -> None:
        """Open a kept copy in the desktop's viewer, only if it is still the file that was attached."""
        from app.services.evidence import check_kept_copy

        db, path = self.library(), self._kept_copy(item)
        if db is None or path is None:
            return
        if check_kept_copy(db, item) != "ok":
            messages.warn(
                self,
                translate("EvidenceList", "Kept copy changed"),
                translate(
                    "EvidenceList",
                    "The kept copy of {name} no longer matches the SHA-256 recorded when it "
                    "was attached: it was changed or damaged since. It was not opened; attach the "
                    "document again from a copy you trust.",
                ).format(name=item.reference),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.documentOpened.emit(str(path))

    def other_anchor(self, url: QUrl) -> None:
        action, _, ident = url.toString().partition(":")
        item = self._items.get(int(ident)) if ident.isdigit() else None
        if item is None:
            return
        if action == OPEN_DOCUMENT:
            self._open(item)
        elif action in (COPY_LINK, COPY_DIGEST):
            text = item.reference if action == COPY_LINK else item.sha256 or ""
            QGuiApplication.clipboard().setText(text)
            self.copied.emit(text)
