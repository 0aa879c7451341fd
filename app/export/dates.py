"""The publication day an article's page gave, for the exports that file it by date."""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def published_on(value: str | None) -> date | None:
    """The day an ISO-dated publication string names; None when it names none (or a 31 February)."""
    found = _ISO_DATE.match(value.strip()) if value else None
    if found is None:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None
