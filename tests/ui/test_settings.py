"""Preferences are declared once and read back as their type, whatever the file holds."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QByteArray

from app.ui import settings
from app.ui.settings import SETTINGS, app_settings

APP = Path(__file__).resolve().parents[2] / "app"


def test_every_setting_reads_back_as_written() -> None:
    values = {bool: True, int: 3, float: 14.5, str: "dark"}
    for setting in SETTINGS:
        value = values.get(type(setting.default), QByteArray(b"\x01state"))
        setting.write(value)  # type: ignore[arg-type]
        assert setting.read() == value, setting.key


def test_a_value_that_is_not_of_its_type_is_the_default() -> None:
    store = app_settings()
    store.setValue(settings.CLAIMS_ORDER.key, "three")
    store.setValue(settings.READER_POINT_SIZE.key, "big")
    store.setValue(settings.WINDOW_GEOMETRY.key, "not a state")
    store.sync()
    assert settings.CLAIMS_ORDER.read() == 0
    assert settings.READER_POINT_SIZE.read() == 0.0
    assert settings.WINDOW_GEOMETRY.read() is None
    assert settings.LIBRARY_SHOWN.read() is True, "never written: its default"


def test_no_setting_key_is_spelled_outside_the_declarations() -> None:
    keys = {s.key.split("/")[0] for s in SETTINGS}
    pattern = re.compile(r"""["'](?:""" + "|".join(keys) + ")/")
    stray = [
        f"{path.relative_to(APP)}:{n}"
        for path in APP.rglob("*.py")
        if path.name != "settings.py" and path.relative_to(APP).as_posix() != "preferences.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert stray == []
    assert all(s.description for s in SETTINGS)
