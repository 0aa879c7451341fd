"""Desktop integration as shipped: the .desktop file, AppStream metainfo, icons and the version.

The bundle itself is not built here (a minute of PyInstaller): packaging/build.sh and
packaging/smoke_test.sh do that. These tests check the files the bundle and the installers carry.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QIcon, QImage
from pytestqt.qtbot import QtBot

from app import __version__
from app.config import resources_dir
from app.importers import SUPPORTED_SUFFIXES
from app.storage.database import Database
from tests.dialog_guard import DialogGuard

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.claimdesk.Claimdesk"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SVG = ROOT / "resources" / "icons" / "claimdesk.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
# What issue 8 promises the file manager: .html .mhtml .txt .md .pdf .docx (and .xhtml, also read).
ARTICLE_TYPES = {
    "text/html",
    "application/xhtml+xml",
    "application/x-mimearchive",
    "text/plain",
    "text/markdown",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    # issue 18: OpenDocument text, a story forwarded by mail, a page saved by Safari
    "application/vnd.oasis.opendocument.text",
    "message/rfc822",
    "application/x-webarchive",
}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def render_icons_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_desktop_file_opens_the_article_formats() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "claimdesk %f"  # `claimdesk FILE` imports and shows the file
    assert entry["Icon"] == APP_ID
    assert set(filter(None, entry["MimeType"].split(";"))) == ARTICLE_TYPES


def test_desktop_file_validates() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (apt package desktop-file-utils)")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates() -> None:
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("appstreamcli is not installed (apt package appstream)")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]:", result.stdout, re.MULTILINE), result.stdout


def test_metainfo_names_the_desktop_file_and_its_types() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert {m.text for m in component.iterfind("provides/mediatype")} == ARTICLE_TYPES


def test_metainfo_release_is_the_app_version() -> None:
    newest = ET.parse(METAINFO).getroot().find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__


def test_version_flag_prints_the_released_version() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, timeout=60
    ).stdout.strip()
    newest = ET.parse(METAINFO).getroot().find("releases/release")
    assert newest is not None
    assert shown == f"claimdesk {newest.get('version')}"


def test_windows_installer_offers_only_formats_claimdesk_reads() -> None:
    script = (PACKAGING / "windows" / "claimdesk.iss").read_text(encoding="utf-8")
    offered = set(re.findall(r"Classes\\(\.\w+)\\OpenWithProgids", script))
    assert offered >= {".html", ".mhtml", ".txt", ".md", ".pdf", ".docx"}
    assert offered <= set(SUPPORTED_SUFFIXES)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_is_square_of_its_size(size: int) -> None:
    path = render_icons_module().hicolor_png(size)
    assert path.parent.name == "apps" and path.parents[1].name == f"{size}x{size}"
    assert png_size(path) == (size, size)


def test_icon_pngs_are_rendered_from_the_current_svg(qapp: object) -> None:
    """Catches an SVG changed without running packaging/render_icons.py again."""
    module = render_icons_module()
    fresh = QImage.fromData(module.render_png(SVG, 128)).convertToFormat(QImage.Format.Format_RGBA8888)
    stored = QImage(str(module.hicolor_png(128))).convertToFormat(QImage.Format.Format_RGBA8888)
    a, b = bytes(fresh.constBits()), bytes(stored.constBits())
    assert len(a) == len(b)
    # A changed colour or a shape moved by a few units moves thousands of bytes; rounding, a handful.
    changed = sum(abs(x - y) > 8 for x, y in zip(a, b, strict=True)) / len(a)
    assert changed < 0.001, f"re-run packaging/render_icons.py ({changed:.2%} of the icon differs)"


def test_ico_and_icns_hold_every_size() -> None:
    ico = (PACKAGING / "windows" / "claimdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert (reserved, kind, sides) == (0, 1, [16, 32, 48, 64, 128, 256])
    icns = (PACKAGING / "macos" / "claimdesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    for kind_code in (b"icp4", b"icp5", b"ic07", b"ic08", b"ic09", b"ic10"):
        assert kind_code in icns


def test_window_icon_is_shipped_and_drawable(qapp: object) -> None:
    icon = QIcon(str(resources_dir() / "icons" / "claimdesk.svg"))
    image = icon.pixmap(32, 32).toImage()
    assert not image.isNull(), "Qt could not draw the SVG icon (is the SVG icon engine missing?)"
    assert any(image.pixelColor(x, 16).alpha() == 255 for x in range(32))


def test_about_dialog_shows_the_version(qtbot: QtBot, db: Database, dialogs: DialogGuard) -> None:
    from app.ui.main_window import MainWindow

    shown = dialogs.expect("QMessageBox.about")
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.about()
    assert shown and f"Claimdesk {__version__}" in shown[0]
