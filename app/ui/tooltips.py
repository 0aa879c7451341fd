"""Tooltips built from article text, shown as text and never as markup."""

from __future__ import annotations

from html import escape


def as_plain_tooltip(text: str) -> str:
    """Text from an article (a title, a source, a hedge) as a tooltip: Qt renders a tooltip that
    looks like markup as rich text, so '<img src=/dev/zero>' in a title would be fetched, not shown."""
    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"
