"""The verification vocabulary: one place for ids, labels, colours and keys."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Status:
    """A verification status as the journalist sees it."""

    id: str
    label: str
    letter: str  # shown beside the colour so status never depends on colour alone
    colour: str  # hex RGB, readable on white and on dark backgrounds
    key: str  # keyboard shortcut in the claims panel
    needs_reason: bool  # final judgements must say why


STATUSES: tuple[Status, ...] = (
    Status("unreviewed", "Unreviewed", "U", "#8a8f98", "1", False),
    Status("in_progress", "In progress", "P", "#2f7dd1", "2", False),
    Status("verified", "Verified", "V", "#2e9e4f", "3", True),
    Status("partly_true", "Partly true", "½", "#c9a227", "4", False),  # "T" read as True
    Status("unverified", "Unverified", "?", "#8e5cc9", "5", False),
    Status("disputed", "Disputed", "D", "#e07b24", "6", True),
    Status("false", "False", "F", "#d13b3b", "7", True),
)

DEFAULT_STATUS = "unreviewed"
_BY_ID = {s.id: s for s in STATUSES}


def status(status_id: str) -> Status:
    """Look a status up by id; unknown ids are a programming error."""
    try:
        return _BY_ID[status_id]
    except KeyError:
        raise ValueError(f"unknown status {status_id!r}") from None


def is_status(status_id: str) -> bool:
    return status_id in _BY_ID
