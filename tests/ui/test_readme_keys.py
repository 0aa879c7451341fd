"""The README's table of keys is the keymap's (app/ui/shortcuts.py): a key added, changed or removed
there fails here until `python -m app.ui.shortcuts` is pasted over the table."""

from __future__ import annotations

from pathlib import Path

from app.ui import shortcuts as keys

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_keys() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(keys.README_START)
    end = text.index(keys.README_END, start) + len(keys.README_END)
    return text[start:end]


def test_the_readme_keys_table_is_the_keymap() -> None:
    assert readme_keys() == keys.readme_table()


def test_the_table_names_every_shortcut_with_keys() -> None:
    table = keys.readme_table()
    for shortcut in keys.SHORTCUTS:
        if shortcut.keys:
            assert shortcut.name in table, shortcut.name
    assert "| 1 … 7 |" in table and "| Ctrl+K | anywhere |" in table
