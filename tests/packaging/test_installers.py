"""The recipes around the bundle: the .deb, the Flatpak manifest, AppStream's homepage and
screenshots, and the macOS floor. The .deb itself is built, installed and removed by
packaging/linux/ci_deb_check.sh (from .ci/run); these tests check the files it and the others use.
"""

from __future__ import annotations

import configparser
import runpy
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.claimdesk.Claimdesk"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
MIME = PACKAGING / "linux" / f"{APP_ID}.mime.xml"
FLATPAK = PACKAGING / "flatpak" / f"{APP_ID}.yml"
# Where the screenshots will be served from once the repository is public (packaging/README.md).
RAW = "https://raw.githubusercontent.com/claimdesk/claimdesk/main/"
HOMEPAGE = "https://github.com/claimdesk/claimdesk"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SYSTEM_MIME = Path("/usr/share/mime/packages/freedesktop.org.xml")


def desktop_types() -> set[str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return set(filter(None, parser["Desktop Entry"]["MimeType"].split(";")))


def defined_types(path: Path) -> set[str]:
    return {node.get("type", "") for node in ET.parse(path).getroot().iter(f"{MIME_NS}mime-type")}


def test_metainfo_passes_appstream_util() -> None:
    """The older validator (software centres built on appstream-glib run it), in its strict mode:
    translations, an update contact and a copyright line are required there."""
    tool = shutil.which("appstream-util")
    if tool is None:
        pytest.skip("appstream-util is not installed (apt package appstream-util)")
    result = subprocess.run(
        [tool, "validate-strict", "--nonet", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_a_homepage_and_screenshots_of_files_we_ship() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("url[@type='homepage']") == HOMEPAGE
    images = component.findall("screenshots/screenshot/image")
    assert len(images) >= 2
    assert [s.get("type") for s in component.findall("screenshots/screenshot")].count("default") == 1
    for image in images:
        url = image.text or ""
        assert url.startswith(RAW), url
        shipped = ROOT / url.removeprefix(RAW)
        assert shipped.parent == PACKAGING / "screenshots" and shipped.is_file(), url
        header = shipped.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        stated = (int(image.get("width", 0)), int(image.get("height", 0)))
        assert struct.unpack(">II", header[16:24]) == stated


def test_the_deb_names_the_same_homepage_and_installs_the_desktop_files() -> None:
    script = (PACKAGING / "linux" / "build_deb.sh").read_text(encoding="utf-8")
    assert f"Homepage: {HOMEPAGE}" in script
    for installed in (
        '"$root/usr/share/applications/$id.desktop"',
        '"$root/usr/share/metainfo/$id.metainfo.xml"',
        '"$root/usr/share/mime/packages/$id.xml"',
        '"$root/usr/share/doc/claimdesk/copyright"',
    ):
        assert installed in script


def test_every_type_the_menu_entry_offers_is_defined() -> None:
    """Ours defines what shared-mime-info lacks (Safari web archives), and nothing the entry doesn't offer."""
    ours = defined_types(MIME)
    assert "application/x-webarchive" in ours
    assert ours <= desktop_types()
    if SYSTEM_MIME.is_file():  # the freedesktop.org database, when this machine has it
        assert desktop_types() <= ours | defined_types(SYSTEM_MIME)
        assert not ours & defined_types(SYSTEM_MIME), "redefining a type the database already has"


def test_ci_runs_the_deb_check_before_the_tests() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    check = next(i for i, line in enumerate(lines) if line.startswith("bash packaging/linux/ci_deb_check.sh"))
    tests = next(i for i, line in enumerate(lines) if "scripts/test" in line)
    assert check < tests


def test_flatpak_manifest_installs_the_app_and_its_desktop_files() -> None:
    manifest = yaml.safe_load(FLATPAK.read_text(encoding="utf-8"))
    assert manifest["app-id"] == APP_ID and manifest["command"] == "claimdesk"
    assert manifest["runtime"] in ("org.kde.Platform", "org.freedesktop.Platform")
    app = next(m for m in manifest["modules"] if isinstance(m, dict) and m["name"] == "claimdesk")
    commands = "\n".join(app["build-commands"])
    for path in (DESKTOP, METAINFO, MIME):
        assert path.relative_to(ROOT).as_posix().replace(APP_ID, "${FLATPAK_ID}") in commands
    assert "python3-requirements.json" in manifest["modules"]


def test_flatpak_requirements_name_every_runtime_dependency() -> None:
    """Fails when a dependency is added without the Flatpak's pinned list (packaging/README.md)."""
    generator = runpy.run_path(str(PACKAGING / "third_party_notices.py"))
    installed = {
        generator["field"](d.metadata, "Name").lower().replace("_", "-")
        for d in generator["runtime_distributions"]()
    } - {"claimdesk"}
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (PACKAGING / "flatpak" / "requirements.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert pinned == installed


def test_macos_floor_is_13_where_the_wheels_need_it() -> None:
    spec = (PACKAGING / "claimdesk.spec").read_text(encoding="utf-8")
    assert '"LSMinimumSystemVersion": "13.0"' in spec
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    assert "Build on macOS 13 or later" in readme
