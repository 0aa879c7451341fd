"""The append-only status history of a claim, newest first: who, when, from -> to, why."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from html import escape

from PySide6.QtWidgets import QWidget

from app.domain.statuses import status
from app.storage.records import StatusChangeRecord
from app.ui.markdown_render import OfflineTextBrowser


@lru_cache(maxsize=8192)  # astimezone asks the system's zone each time; the editor shows many
def local_time(moment: datetime) -> str:
    """A stored (UTC) moment as the user's wall-clock time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def status_badge(status_id: str) -> str:
    """A status as HTML: its letter on its colour, then its name (never colour alone)."""
    s = status(status_id)
    swatch = f"background:{s.colour}; color:white; font-weight:bold"
    return f"<span style='{swatch}'>&nbsp;{escape(s.letter)}&nbsp;</span>&nbsp;{escape(s.label)}"


def history_html(history: tuple[StatusChangeRecord, ...]) -> str:
    if not history:
        return "<p style='color:gray'>No status change yet: this claim has never been reviewed.</p>"
    rows = []
    for change in reversed(history):
        why = (
            f"<i>{escape(change.reason)}</i>"
            if change.reason
            else "<span style='color:gray'>no reason given</span>"
        )
        who = f"{escape(change.author or 'unknown')} · {local_time(change.at)}"
        rows.append(
            "<tr><td style='padding:4px 0'>"
            f"{status_badge(change.old_status)} &nbsp;→&nbsp; {status_badge(change.new_status)}<br>"
            f"<span style='color:gray'>{who}</span><br>{why}</td></tr>"
        )
    return f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>"


class HistoryView(OfflineTextBrowser):
    """Read-only: the history is never edited, only appended to by status changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName("Status history, newest first")

    def show_history(self, history: tuple[StatusChangeRecord, ...]) -> None:
        self.show_html(history_html(history))
