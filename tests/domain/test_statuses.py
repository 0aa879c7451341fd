"""The verification vocabulary."""

from __future__ import annotations

import pytest

from app.domain.statuses import DEFAULT_STATUS, STATUSES, is_status, status


def test_statuses_are_looked_up_by_id_and_unknown_ids_are_refused() -> None:
    assert status("verified").label == "Verified" and status("verified").needs_reason
    assert status(DEFAULT_STATUS).key == "1"
    assert is_status("false") and not is_status("maybe") and not is_status("Verified")
    with pytest.raises(ValueError, match="unknown status 'maybe'"):
        status("maybe")


def test_each_status_has_its_own_letter_key_and_colour() -> None:
    for field in ("id", "letter", "key", "colour"):
        assert len({getattr(s, field) for s in STATUSES}) == len(STATUSES), field
    assert [s.key for s in STATUSES] == [str(n) for n in range(1, 8)]
    assert {s.id for s in STATUSES if s.needs_reason} == {"verified", "disputed", "false"}
