"""Notes typed and not yet added: kept per claim, beside the library, until added or emptied.

A journalist moves to another claim, or closes the window, halfway through a note: the text must
still be there when they come back. Drafts are small and change with every pause in typing, so
they live in one JSON file beside the library (`drafts.json` in its files folder, written whole
or not at all), not in the database, whose history is for decisions made.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from app.config import files_dir
from app.errors import ClaimdeskError
from app.files import write_atomic

DRAFTS = "drafts.json"


def drafts_path(database: Path) -> Path:
    return files_dir(database) / DRAFTS


def load_drafts(database: Path) -> dict[int, str]:
    """The drafts kept for this library, by claim id; none when the file is missing or unreadable."""
    try:
        data = json.loads(drafts_path(database).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {int(k): v for k, v in data.items() if k.isdigit() and isinstance(v, str) and v.strip()}


def save_drafts(database: Path, drafts: dict[int, str]) -> None:
    """Keep the drafts (an empty one is dropped); the file goes when no draft is left."""
    kept = {str(k): v for k, v in sorted(drafts.items()) if v.strip()}
    path = drafts_path(database)
    if not kept:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(ClaimdeskError):  # still in the window; the next pause tries again
        write_atomic(path, json.dumps(kept, ensure_ascii=False, indent=1).encode("utf-8"), mode=0o600)
